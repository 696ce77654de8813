"""One summary of a session's results, read on the summary screen and in the md and html files.

:func:`build_summary` turns a session and its figures into a :class:`Summary`:
plain words, no markup. The summary screen lays it out with Rich and the
Markdown and HTML exports with jinja2 templates, so the screen and the files
cannot word a fact differently.
"""

from panel_tui.domain.summary.build import build_summary
from panel_tui.domain.summary.document import Summary
from panel_tui.domain.summary.views import (
    AFTER_REVEAL,
    Bar,
    CandidateView,
    Labels,
    Mark,
    QuestionView,
    Seat,
    Segment,
)

__all__ = [
    "AFTER_REVEAL",
    "Bar",
    "CandidateView",
    "Labels",
    "Mark",
    "QuestionView",
    "Seat",
    "Segment",
    "Summary",
    "build_summary",
]
