"""The calibration report of a practice round, as text for the summary screen.

It lays out the same :class:`~panel_tui.domain.exports.calibration_report.CalibrationView`
as the Markdown and HTML summaries, so the screen and the files say the same.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from panel_tui.domain.exports.calibration_report import CalibrationView
from panel_tui.ui.lines import bulleted


def calibration_text(view: CalibrationView, bullet: str) -> Group:
    """The report as literal text (names are never read as markup); lists wrap under each item."""
    parts: list[RenderableType] = [
        Text("\nCalibration: how the panel compares with the reference", style="bold underline"),
        Text(view.note),
        bulleted(
            (
                Text.assemble(
                    (f"{figure.name}: ", "bold"), figure.value, (f". {figure.meaning}", "italic")
                )
                for figure in view.figures
            ),
            bullet,
        ),
    ]
    if view.left_out:
        parts.append(Text(view.left_out, style="bold"))
    parts.append(Text(view.ac1_note, style="italic"))
    if view.trainees:
        parts.append(Text.assemble(("\nEach trainee", "bold")))
        parts.append(Text(view.LEAN))
        trainees: list[RenderableType] = []
        for trainee in view.trainees:
            text = Text.assemble((trainee.label, "bold"))
            text.append(f": agreement {trainee.agreement}, {trainee.lean}, on {trainee.answers}")
            if not trainee.progress:
                trainees.append(text)
                continue
            # Each rehearsal hangs under its own first word when it wraps.
            steps = []
            for step in trainee.progress:
                said = Text(f"{step.date}: {step.agreement}, {step.lean}, {step.answers}")
                if step.current:
                    said.append(" (this one)", style="bold")
                steps.append(said)
            progress = Text("Progress over rehearsals, first to last:")
            trainees.append(Group(text, progress, bulleted(steps, bullet)))
        parts.append(bulleted(trainees, bullet))
    parts.append(Text("\nAnswers to talk about", style="bold"))
    parts.append(Text(view.TALK_ABOUT if view.flagged else view.NOTHING_TO_TALK_ABOUT))
    flagged = []
    for answer in view.flagged:
        text = Text.assemble((answer.where, "bold"), f"{answer.colon} {', '.join(answer.flags)}. ")
        text.append(f"Votes {answer.votes}; {answer.reference_words}.")
        if answer.why:
            text.append(" Why: ", style="italic")
            text.append_text(Text(answer.why, style="italic"))
        flagged.append(text)
    parts.append(bulleted(flagged, bullet))
    parts.append(Text.assemble(("\nRounds: ", "bold"), view.rounds_words))
    moved = []
    for answer in view.moved:
        text = Text(f"{answer.where} ({answer.reference_words})")
        for line in answer.rounds:
            text.append(f"\n    {line}")
        moved.append(text)
    parts.append(bulleted(moved, bullet))
    return Group(*parts)
