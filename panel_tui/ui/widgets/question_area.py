"""The question area of the interview screen: the question and what goes with it.

The question, what sets it apart (with the decision so far and the notes), a
practice sample answer and what the panel listens for, one under the other in
an area that scrolls when a question is long. A line with nothing to say is
hidden. The screen words each line (``domain/interview_lines.py``) and sets
them here; what runs out of sight is said by the screen on the vote grid's
border, from :attr:`QuestionArea.more_to_read`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from panel_tui.domain import interview_lines as lines
from panel_tui.domain.more_to_read import more_to_read
from panel_tui.ui.lines import line_drawn


class QuestionArea(VerticalScroll):
    """The question shown: ``#question``, ``#about``, ``#sample`` and ``#look-for``."""

    def compose(self) -> ComposeResult:
        yield Static(id="question", markup=False)
        yield Static(id="about", markup=False)
        yield Static(id="sample", markup=False)
        yield Static(id="look-for", markup=False)

    def show(
        self,
        question: str,
        about: lines.Line | None,
        sample: lines.Line | None,
        look_for: lines.Line | None,
    ) -> None:
        """Show each line of the question, hiding those with nothing to say."""
        for selector, line in (
            ("#question", question),
            ("#about", about),
            ("#sample", sample),
            ("#look-for", look_for),
        ):
            widget = self.query_one(selector, Static)
            widget.display = line is not None
            if line is not None:
                widget.update(line_drawn(line))

    @property
    def more_to_read(self) -> str | None:
        """Words for what runs past the area's space, or ``None`` when it all shows."""
        return more_to_read(self.scroll_y > 0, self.scroll_y < self.max_scroll_y)


__all__ = ["QuestionArea"]
