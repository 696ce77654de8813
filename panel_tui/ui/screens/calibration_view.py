"""The calibration report of a practice round, as text for the summary screen.

It lays out the same :class:`~panel_tui.domain.exports.calibration_report.CalibrationView`
as the Markdown and HTML summaries, so the screen and the files say the same.
"""

from __future__ import annotations

from rich.text import Text

from panel_tui.domain.exports.calibration_report import CalibrationView


def calibration_text(view: CalibrationView, bullet: str) -> Text:
    """The report as literal text (names are never read as markup)."""
    text = Text()
    text.append("\nCalibration: how the panel compares with the reference", style="bold underline")
    text.append("\n")
    text.append(view.note)
    for figure in view.figures:
        text.append(f"\n {bullet} {figure.name}: ", style="bold")
        text.append(figure.value)
        text.append(f". {figure.meaning}", style="italic")
    text.append(f"\n{view.ac1_note}", style="italic")
    if view.trainees:
        text.append("\n\nEach trainee", style="bold")
        text.append(" (lean: above 0 more generous than the reference, below 0 harsher)")
        for trainee in view.trainees:
            text.append(f"\n {bullet} ")
            text.append_text(Text(trainee.label, style="bold"))
            text.append(f": agreement {trainee.agreement}, {trainee.lean}, {trainee.answers}")
            if trainee.progress:
                text.append("\n   Progress over rehearsals, first to last:")
                for step in trainee.progress:
                    text.append(
                        f"\n     {step.date}: {step.agreement}, {step.lean}, {step.answers}"
                    )
                    if step.current:
                        text.append(" (this one)", style="bold")
    text.append("\n\nAnswers to talk about", style="bold")
    if not view.flagged:
        text.append("\n The panel neither split nor missed the reference on any answer.")
    for answer in view.flagged:
        text.append(f"\n {bullet} ")
        text.append_text(Text(answer.where, style="bold"))
        text.append(
            f": {', '.join(answer.flags)}. Votes {answer.votes}; reference {answer.reference}."
        )
        if answer.why:
            text.append(" Why: ", style="italic")
            text.append_text(Text(answer.why, style="italic"))
    text.append("\n\nRounds: ", style="bold")
    text.append(view.rounds_words)
    for answer in view.moved:
        text.append(f"\n {bullet} ")
        text.append_text(Text(answer.where))
        for line in answer.rounds:
            text.append(f"\n     {line}")
    return text
