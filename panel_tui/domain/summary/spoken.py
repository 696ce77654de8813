"""The summary read aloud: the title, then each candidate's facts, best first.

A listener hears what the summary screen shows in the same words and order
(:attr:`CandidateView.facts`), a candidate a line, with no table to find
their way through and no symbol for the voice to skip or spell out.
"""

from __future__ import annotations

from panel_tui.domain.exports.calibration_report import CalibrationView
from panel_tui.domain.interview_lines import plain
from panel_tui.domain.spoken_words import words_for_speech
from panel_tui.domain.summary.calibration_lines import calibration_blocks
from panel_tui.domain.summary.document import Summary
from panel_tui.domain.summary.views import Labels


def spoken_summary(summary: Summary) -> str:
    """The summary's heading and status, then one line per candidate in ranking order."""
    lines = [f"{summary.heading}.", summary.status]
    if summary.calibration is not None:
        lines.insert(0, f"{summary.calibration.banner}.")
        # Shown first on the screen, and skipped aloud (found by a tester).
        lines.extend(spoken_calibration(summary.calibration))
    for candidate in summary.candidates:
        facts = [*candidate.facts, (Labels.FLAGS, candidate.flags_cell)]
        said = " ".join(f"{label}: {words.rstrip('.')}." for label, words in facts)
        # A reason typed over two lines is still one candidate's line.
        lines.append(" ".join(f"{candidate.heading}. {said}".split()))
    # The one way to words for speech, as the boxes: "the reference is + Up" was
    # read "plus Up" (found by a tester).
    return words_for_speech("\n".join(lines))


def spoken_calibration(view: CalibrationView) -> list[str]:
    """The practice's calibration report read aloud: the lines the screen shows, a spoken
    line for each (an entry with the lines under it is one), each ended as a sentence."""
    said: list[str] = []
    for block in calibration_blocks(view):
        if block.line:
            said.append(_sentence(plain(block.line)))
        for entry in block.entries:
            said.append(" ".join(map(_sentence, [plain(entry.line), *entry.indented])))
            said += [_sentence(text) for text in [entry.heading] if text]
            said += [_sentence(plain(line)) for line in entry.entries]
    return [" ".join(line.split()) for line in said if line.strip()]


def _sentence(text: str) -> str:
    """The text with a full stop, unless it ends with one already (or a colon, or a mark)."""
    text = text.strip()
    return text if not text or text[-1] in ".:?!" else f"{text}."
