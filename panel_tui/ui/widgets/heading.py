"""The interview's heading line: a long name is cut, never the candidate's code.

The heading is one line, so that the screen never moves mid-answer. Textual
cuts a line at its end, and with a long name that was the code ("(C1)"), which
HR files the candidate under. This widget cuts the longest part of the line
(the name) to fit the width it has now, whenever that width changes.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from panel_tui.domain.interview_lines import Line
from panel_tui.ui.lines import line_text


def fitted(line: Line, width: int, *, ascii_only: bool) -> Line:
    """The line cut to ``width`` cells by shortening its longest part (an ellipsis ends it)."""
    # Counted in cells, as the terminal shows them: a Chinese character takes two.
    length = sum(cell_len(text) for text, _ in line)
    if width <= 0 or length <= width or not line:
        return line
    longest = max(range(len(line)), key=lambda i: cell_len(line[i][0]))
    text, stress = line[longest]
    mark = "" if ascii_only else "…"
    keep = max(0, cell_len(text) - (length - width) - cell_len(mark))
    cut = set_cell_size(text, keep).rstrip() + mark
    return (*line[:longest], (cut, stress), *line[longest + 1 :])


class HeadingLine(Static):
    """One line worded by the domain, its longest part cut to fit (see the module)."""

    line: reactive[Line] = reactive((), layout=False)
    """The words to show, as the domain gives them."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII: a cut part ends plainly, without an ellipsis (bound to the screen's)."""

    def render(self) -> Text:
        return line_text(fitted(self.line, self.content_size.width, ascii_only=self.ascii_only))
