"""Text cut to the width it has, ending in a mark where it was cut.

Two places show text that must stay on its lines whatever its length, so that
the screen never moves mid-answer: the interview's heading and each member's
name and pronouns in the vote grid. Textual cuts a line at its end with "…",
which is not ASCII, so under ``--ascii`` a cut name used to end with nothing to
say it was cut. Here a cut ends in "…", or "..." in plain ASCII.

The heading cuts the name first, then a long code, and keeps which candidate of
how many whole; cut by its longest part, it lost "of 12" beside a long name.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from panel_tui.domain.interview_heading import Heading
from panel_tui.domain.interview_lines import Line, plain
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


def _initials_cut(text: str, width: int, *, ascii_only: bool) -> str:
    """``"Christopher Robinson"`` as ``"C. Robinson"``, cut to ``width``; one word as it is."""
    *first, last = text.split() or [""]
    short = " ".join([*(word[0] + "." for word in first), last])
    return cut_to(short, width, ascii_only=ascii_only)


def _middle_cut(text: str, width: int, *, ascii_only: bool) -> str:
    """``text`` cut in its middle to ``width`` cells: its start, the mark, and its end."""
    mark = cut_mark(ascii_only)
    room = width - cell_len(mark)
    head = room // 3
    if cell_len(text) <= width or head < 1:
        return cut_to(text, width, ascii_only=ascii_only)
    start = set_cell_size(text, head).rstrip()
    end = text[::-1]  # the last cells of the text, counted from its end
    end = set_cell_size(end, room - cell_len(start))[::-1].lstrip()
    return start + mark + end


def cut_apart(text: str, others: Sequence[str], width: int, *, ascii_only: bool) -> str:
    """``text`` cut to ``width`` cells so that it still reads apart from ``others``.

    Two names with one start ("Christopher Robinson", "Christopher Robertson")
    cut at their ends read alike ("Christopher R…"), and only the seat told two
    members apart (found by a tester at 80x24). Each name is shown by the first
    of these that no other name shows alike when cut the same way: cut at its
    end; its initials and last word ("C. Robinson"); cut in its middle, keeping
    its end ("Chri…Robinson"). Names written alike stay alike.
    """
    rivals = [other for other in others if other != text]
    for way in (cut_to, _initials_cut, _middle_cut):
        shown = way(text, width, ascii_only=ascii_only)
        if all(way(other, width, ascii_only=ascii_only) != shown for other in rivals):
            return shown
    return cut_to(text, width, ascii_only=ascii_only)


#: A long code is cut to this many cells before the name is cut ("LONG-CO…"); a
#: code this short is never cut.
CODE_KEPT = 8


def fitted(heading: Heading, width: int, *, ascii_only: bool) -> Line:
    """The heading cut to ``width`` cells: a long code first, then the name.

    The name says more to the panel than a long code, whose start is kept. Which
    candidate of how many (``Candidate 10 of 12: ``) and the punctuation are kept
    whole: only a window narrower than they are cuts the line's end.
    """
    line = heading.line()
    length = sum(cell_len(text) for text, _ in line)
    if width <= 0 or length <= width:
        return line
    name, code = cell_len(heading.name), cell_len(heading.code)
    over = length - width
    code_cut = min(over, max(0, code - CODE_KEPT))
    least = 1 + cell_len(cut_mark(ascii_only))  # a letter and the mark
    name_cut = min(over - code_cut, max(0, name - least))
    short_name = cut_to(heading.name, name - name_cut, ascii_only=ascii_only)
    # What the name's cut left over (a wide character, a space before the mark) goes to the code.
    room = code - code_cut + (name - name_cut - cell_len(short_name))
    short_code = cut_to(heading.code, room, ascii_only=ascii_only) if heading.code else ""
    cut = heading.line(short_name, short_code)
    if sum(cell_len(text) for text, _ in cut) <= width:
        return cut
    # Narrower than the parts never cut: the line's end, as one part.
    return ((cut_to(plain(cut), width, ascii_only=ascii_only), "strong"),)


class HeadingLine(Static):
    """The interview's heading on one line, cut to fit by :func:`fitted`."""

    heading: reactive[Heading | None] = reactive(None, layout=False)
    """The heading, as the domain gives it; ``None`` while there is no candidate."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII cut mark (bound to the screen's)."""

    def render(self) -> Text:
        if self.heading is None:
            return Text()
        return line_text(fitted(self.heading, self.content_size.width, ascii_only=self.ascii_only))


class CutLines(Static):
    """Lines of text that never wrap: each one too long is cut to the width (:func:`cut_to`)."""

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII cut mark (bound to the vote row's)."""

    def __init__(
        self,
        lines: Sequence[tuple[str, str]],
        *,
        apart_from: Sequence[str] = (),
        classes: str | None = None,
    ) -> None:
        """``lines``: each line's text and its style, such as ``("Sam Okafor", "bold")``.

        ``apart_from``: texts the first line must still read apart from when cut
        (:func:`cut_apart`), such as the other members' names.
        """
        super().__init__(classes=classes, markup=False)
        self.lines = lines
        self.apart_from = apart_from

    def render(self) -> Text:
        width = self.content_size.width
        if width <= 0:
            return Text("\n").join(Text(text, style) for text, style in self.lines)
        apart_from, ascii_only = self.apart_from, self.ascii_only
        shown = []
        for text, style in self.lines:
            shown.append(Text(cut_apart(text, apart_from, width, ascii_only=ascii_only), style))
            apart_from = ()  # only the first line reads apart; the others are cut at their ends
        return Text("\n").join(shown)
