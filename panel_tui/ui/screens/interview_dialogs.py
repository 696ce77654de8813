"""The interview's questions to the chair, each asked in its dialog.

The interview words each question (:class:`NeedsConfirmation`, :class:`AskNote`,
:class:`AskDecision`); these flows put it in its dialog, hand the chair's answer
back to the interview and show what came of it. The interview screen runs them
with ``@asks``, so each dialog is on screen before the next key and the change
is made straight after the key that answered (see ``ui/asking.py``).
"""

from __future__ import annotations

from typing import Protocol

from rich.text import Text

from panel_tui.domain.interview_outcomes import (
    Answer,
    AskDecision,
    AskNote,
    NeedsConfirmation,
    Refused,
    not_kept,
)
from panel_tui.ui.asking import Asking
from panel_tui.ui.screens.dialogs import (
    ConfirmDialog,
    DecisionChoice,
    DecisionDialog,
    NoteDialog,
)


class ShowsAnswers(Protocol):
    """The screen a flow runs on: it shows the interview's answers and hints."""

    def show(self, answer: Answer) -> None:
        """Show the interview's answer to a request."""

    def hint(self, message: Text | str) -> None:
        """Say what just happened, on the line above the keys."""


def confirming(asked: NeedsConfirmation, screen: ShowsAnswers) -> Asking:
    """Ask the interview's question; on yes, make the change and show how it went."""
    if (yield ConfirmDialog(Text(asked.question), yes=asked.yes, no=asked.no)):
        screen.show(asked.then())
    elif asked.declined is not None:
        screen.hint(asked.declined)


def noting(asked: AskNote | Refused, screen: ShowsAnswers) -> Asking:
    """Ask for a note on the answer (the dialog saves it), or show why not."""
    if isinstance(asked, Refused):
        screen.show(asked)
        return
    dialog = NoteDialog(Text(asked.heading), asked.earlier, check=asked.problem, save=asked.save)
    text = yield dialog
    screen.show(not_kept(asked.done(text)) if dialog.discarded else asked.done(text))


def deciding(asked: AskDecision | Refused, screen: ShowsAnswers) -> Asking:
    """Ask for the panel's decision on the candidate (the dialog saves it), or show why not."""
    if isinstance(asked, Refused):
        screen.show(asked)
        return
    current = asked.current
    given = DecisionChoice(current.outcome, current.reason) if current else None
    dialog = DecisionDialog(
        Text(asked.heading),
        given,
        save=lambda choice: asked.save(choice.outcome, choice.reason),
        still_to_do=asked.still_to_do,
        check=asked.problem,
    )
    choice: DecisionChoice | None = yield dialog
    said = asked.done(None if choice is None else choice.outcome)
    screen.show(not_kept(said) if dialog.discarded else said)


__all__ = ["ShowsAnswers", "confirming", "deciding", "noting"]
