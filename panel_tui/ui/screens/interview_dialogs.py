"""The interview's note and decision, each asked in its dialog.

The interview words what it asks (:class:`AskNote`, :class:`AskDecision`); these
flows put it in its dialog, hand the chair's answer back to the interview and
return what came of it, for the interview screen to show. The screen runs them
with ``@asks``, so each dialog is on screen before the next key and the change
is made straight after the key that answered (see ``ui/asking.py``).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from rich.text import Text
from textual.screen import Screen

from panel_tui.domain.interview_outcomes import (
    Answer,
    AskDecision,
    AskNote,
    Refused,
    not_kept,
)
from panel_tui.ui.screens.decision_dialog import DecisionChoice, DecisionDialog
from panel_tui.ui.screens.dialogs import NoteDialog

AnswerFlow = Generator[Screen[Any], Any, Answer]
"""A flow that yields its dialog, is sent back the chair's answer, and returns what came of it."""


def noting(asked: AskNote | Refused) -> AnswerFlow:
    """Ask for a note on the answer (the dialog saves it); a refusal is returned as it is."""
    if isinstance(asked, Refused):
        return asked
    dialog = NoteDialog(Text(asked.heading), asked.earlier, check=asked.problem, save=asked.save)
    text = yield dialog
    return not_kept(asked.done(text)) if dialog.discarded else asked.done(text)


def deciding(asked: AskDecision | Refused) -> AnswerFlow:
    """Ask for the panel's decision on the candidate (the dialog saves it); a refusal is
    returned as it is."""
    if isinstance(asked, Refused):
        return asked
    current = asked.current
    given = DecisionChoice(current.outcome, current.reason) if current else None
    dialog = DecisionDialog(
        Text(asked.heading),
        given,
        save=lambda choice: asked.save(choice.outcome, choice.reason, typed=choice.reason_typed),
        still_to_do=asked.still_to_do,
        check=asked.problem,
    )
    choice: DecisionChoice | None = yield dialog
    said = asked.done(None if choice is None else choice.outcome)
    return not_kept(said) if dialog.discarded else said


__all__ = ["AnswerFlow", "deciding", "noting"]
