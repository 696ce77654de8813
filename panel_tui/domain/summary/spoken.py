"""The summary read aloud: the title, then each candidate's facts, best first.

A listener hears what the summary screen shows in the same words and order
(:attr:`CandidateView.facts`), a candidate a line, with no table to find
their way through and no symbol for the voice to skip or spell out.
"""

from __future__ import annotations

from panel_tui.domain.exports.calibration_report import CalibrationView
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
    return "\n".join(lines)


def spoken_calibration(view: CalibrationView) -> list[str]:
    """The practice's calibration report read aloud, a line for each part, as it shows."""
    lines = ["Calibration: how the panel compares with the reference.", view.note]
    lines += [f"{figure.name}: {figure.value}. {figure.meaning}" for figure in view.figures]
    lines += [view.left_out, view.ac1_note]
    if view.trainees:
        lines += ["Each trainee.", view.LEAN]
    for trainee in view.trainees:
        lines.append(
            f"{trainee.label}: agreement {trainee.agreement}, {trainee.lean}, on {trainee.answers}."
        )
        if trainee.progress:
            lines.append("Progress over rehearsals, first to last:")
        for step in trainee.progress:
            this = " (this one)" if step.current else ""
            lines.append(f"{step.date}: {step.agreement}, {step.lean}, {step.answers}{this}.")
    lines += [
        "Answers to talk about.",
        view.TALK_ABOUT if view.flagged else view.NOTHING_TO_TALK_ABOUT,
    ]
    for answer in view.flagged:
        why = f" Why: {answer.why}" if answer.why else ""
        flags = ", ".join(answer.flags)
        votes = f"Votes {answer.votes}; {answer.reference_words}."
        lines.append(f"{answer.where}{answer.colon} {flags}. {votes}{why}")
    lines.append(f"Rounds: {view.rounds_words}")
    for answer in view.moved:
        lines.append(" ".join([f"{answer.where} ({answer.reference_words}).", *answer.rounds]))
    return [" ".join(line.split()) for line in lines if line.strip()]
