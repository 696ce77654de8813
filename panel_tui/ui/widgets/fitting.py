"""Text cut to the width it has, ending in a mark where it was cut.

Two places show text that must stay on its lines whatever its length, so that
the screen never moves mid-answer: the interview's heading and each member's
name and pronouns in the vote grid. Textual cuts a line at its end with "…",
which is not ASCII, so under ``--ascii`` a cut name used to end with nothing to
say it was cut. Here a cut ends in "…", or "..." in plain ASCII.

The heading cuts its longest part (the name) rather than its end, which was the
candidate's code ("(C1)") that HR files the candidate under.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from panel_tui.domain.interview_lines import Line
from panel_tui.ui.lines import line_text


def cut_mark(ascii_only: bool) -> str:
    """What ends a cut text: an ellipsis, or three full stops in plain ASCII."""
    return "..." if ascii_only else "…"


def cut_to(text: str, width: int, *, ascii_only: bool) -> str:
    """``text`` cut to at most ``width`` cells, ending in :func:`cut_mark` if it was cut."""
    # Counted in cells, as the terminal shows them: a Chinese character takes two.
    if cell_len(text) <= width:
        return text
    mark = cut_mark(ascii_only)
    keep = width - cell_len(mark)
    if keep < 1:  # no room for a letter and the mark: the letters say more
        return set_cell_size(text, max(0, width)).rstrip()
    return set_cell_size(text, keep).rstrip() + mark


def fitted(line: Line, width: int, *, ascii_only: bool) -> Line:
    """The line cut to ``width`` cells by shortening its longest part."""
    length = sum(cell_len(text) for text, _ in line)
    if width <= 0 or length <= width or not line:
        return line
    longest = max(range(len(line)), key=lambda i: cell_len(line[i][0]))
    text, stress = line[longest]
    cut = cut_to(text, cell_len(text) - (length - width), ascii_only=ascii_only)
    return (*line[:longest], (cut, stress), *line[longest + 1 :])


class HeadingLine(Static):
    """One line worded by the domain, its longest part cut to fit."""

    line: reactive[Line] = reactive((), layout=False)
    """The words to show, as the domain gives them."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII cut mark (bound to the screen's)."""

    def render(self) -> Text:
        return line_text(fitted(self.line, self.content_size.width, ascii_only=self.ascii_only))


class CutLines(Static):
    """Lines of text that never wrap: each one too long is cut to the width (:func:`cut_to`)."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII cut mark (bound to the vote row's)."""

    def __init__(self, lines: Sequence[tuple[str, str]], *, classes: str | None = None) -> None:
        """``lines``: each line's text and its style, such as ``("Sam Okafor", "bold")``."""
        super().__init__(classes=classes, markup=False)
        self.lines = lines

    def render(self) -> Text:
        width = self.content_size.width
        return Text("\n").join(
            Text(cut_to(text, width, ascii_only=self.ascii_only) if width > 0 else text, style)
            for text, style in self.lines
        )
