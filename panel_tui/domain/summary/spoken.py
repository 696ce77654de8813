"""The summary read aloud: the title, then each candidate's facts, best first.

A listener hears what the summary screen shows in the same words and order
(:attr:`CandidateView.facts`), a candidate a line, with no table to find
their way through and no symbol for the voice to skip or spell out.
"""

from __future__ import annotations

from panel_tui.domain.summary.document import Summary
from panel_tui.domain.summary.views import Labels


def spoken_summary(summary: Summary) -> str:
    """The summary's heading and status, then one line per candidate in ranking order."""
    lines = [f"{summary.heading}.", summary.status]
    if summary.calibration is not None:
        lines.insert(0, f"{summary.calibration.banner}.")
    for candidate in summary.candidates:
        facts = [*candidate.facts, (Labels.FLAGS, candidate.flags_cell)]
        said = " ".join(f"{label}: {words.rstrip('.')}." for label, words in facts)
        # A reason typed over two lines is still one candidate's line.
        lines.append(" ".join(f"{candidate.heading}. {said}".split()))
    return "\n".join(lines)
