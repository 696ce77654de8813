"""What an :class:`~panel_tui.domain.interview.Interview` answers to each request.

- :class:`Recorded`: the change is on disk; ``message`` is what to tell the panel;
- :class:`NeedsConfirmation`: ask ``question`` first; ``then()`` makes the change;
- :class:`Refused`: nothing changed, and ``reason`` says why;
- :class:`NotSaved`: the disk refused the change (every earlier vote is kept);
- :class:`Moved`: the panel is on another answer now;
- :class:`AskNote`, :class:`AskDecision`: ask for a note or a decision, which
  the dialog saves itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from panel_tui.domain.interview_lines import KEYS_HINT, panel_and_rule
from panel_tui.domain.models import Decision, Outcome, VoteValue
from panel_tui.domain.sessions import decision_warnings, finish_warnings
from panel_tui.domain.store import OpenSession, StoreError
from panel_tui.domain.text import kept_as_typed
from panel_tui.domain.wording import typed_problem
from panel_tui.domain.words import OUTCOME_WORDS, question_name

VoteMark = Callable[[VoteValue | None], str]
"""How a vote is written in a message (symbols differ in plain ASCII mode)."""


@dataclass(frozen=True)
class Recorded:
    """The change is on disk (or nothing needed to change).

    Attributes:
        message: what to tell the panel; ``None`` when the panel has moved on
            since the change was asked for (it is saved, but not news here).
        revealed_now: this change showed the votes on the answer.
        offer_note: some votes shown are middle or down, so a note is offered.
        spoken: for a change to the votes, what the voice says when questions are
            read aloud as they come up: the news in words (no symbols), then, while
            sealed, how many have voted. A member who cannot see the screen hears
            that the vote went in; never how anyone voted (the candidate may hear).
        restarts_timer: the answer is timed from 0:00 again (a new round).
    """

    message: str | None
    revealed_now: bool = False
    offer_note: bool = False
    restarts_timer: bool = False
    spoken: str | None = field(default=None, compare=False)


def not_kept(said: Recorded) -> Recorded:
    """``said`` of a box closed with typing in it (Esc, Cancel): that typing is gone.

    Found by a tester: a reason typed, then Esc, said only "The decision was not changed".
    """
    words = f"{said.message} What was typed in the box was not kept."
    return replace(said, message=words, spoken=words if said.spoken else None)


@dataclass(frozen=True)
class Refused:
    """Nothing changed.

    Attributes:
        reason: why, in the panel's words.
        important: a rule the chair tripped over rather than a plain "nothing to do".
    """

    reason: str
    important: bool = False


@dataclass(frozen=True)
class NotSaved:
    """The disk refused the change; ``reason`` says what and how to fix it."""

    reason: str


@dataclass(frozen=True)
class Moved:
    """The panel is on another answer.

    Attributes:
        message: what to tell the panel about where it is now.
        warning: the resume position could not be saved (moving still works).
    """

    message: str
    warning: str | None = None

    @property
    def spoken(self) -> str | None:
        """The news of the move to read aloud before the question: what was left
        waiting, a decision not yet recorded, the last question; never the keys'
        reminder, which would be heard at every move (found by a tester: "No
        decision is recorded yet" showed but was never heard)."""
        return None if self.message == KEYS_HINT else self.message


Change = Recorded | Refused | NotSaved


@dataclass(frozen=True)
class NeedsConfirmation:
    """Ask the chair first; ``then()`` makes the change when they agree.

    Attributes:
        question: the question to ask, in plain words.
        yes: the label of the button that goes ahead.
        no: the label of the button that keeps things as they are.
        declined: what to say when the chair says no (``None``: say nothing).
        then: makes the change and says how it went.
    """

    question: str
    yes: str
    no: str
    declined: str | None
    then: Callable[[], Change] = field(compare=False)


@dataclass(frozen=True)
class AskNote:
    """Ask for a note: ``save`` writes it (the dialog shows a refusal), ``done`` words the end."""

    heading: str
    earlier: list[str]
    save: Callable[[str], object] = field(compare=False)
    done: Callable[[str | None], Recorded] = field(compare=False)

    def problem(self, typed: str) -> str | None:
        """What stops the note typed being saved (:func:`note_problem`), before saving."""
        return note_problem(typed)

    @classmethod
    def on_answer(cls, opened: OpenSession, candidate: str, question: str) -> AskNote:
        """Ask for a note on ``candidate``'s answer to ``question``."""
        session = opened.session
        number = session.bank.number(question)
        label = session.candidate(candidate).label
        return cls(
            heading=f"Note on {question_name(number)}, answered by {label}",
            earlier=[n.text for n in session.notes_on(candidate, question)],
            save=lambda typed: _note(opened, candidate, question, typed),
            done=lambda typed: Recorded(
                "Note saved." if kept_as_typed(typed or "") else "No note added."
            ),
        )


def note_problem(typed: str) -> str | None:
    """What stops a note being saved, in the chair's words (``None``: nothing).

    A note is never required: one left empty saves nothing, and is no problem.
    """
    return typed_problem(kept_as_typed(typed), "The note", multiline=True, required=False)


def _note(opened: OpenSession, candidate: str, question: str, typed: str) -> None:
    """Save a note as it is kept, refused in words when :func:`note_problem` finds one."""
    problem = note_problem(typed)
    if problem:
        raise ValueError(problem)
    if kept := kept_as_typed(typed):
        opened.add_note(candidate, question, kept)


#: Said when the decision box is sent with no outcome chosen.
NO_OUTCOME = "Choose recommend, do not recommend or undecided first."


def chosen_outcome(name: str | None) -> Outcome | None:
    """The outcome named ``name`` (a choice's name, e.g. ``"recommend"``), or ``None``."""
    return next((outcome for outcome in OUTCOME_WORDS if outcome == name), None)


def decision_problem(
    before: Decision | None, outcome: Outcome | None, reason: str, typed: bool = False
) -> str | None:
    """What stops a decision being saved, in the chair's words (``None``: nothing).

    An outcome is chosen first (``None``: none is). ``typed``: the chair typed the
    reason after the box opened, so it is given for ``outcome`` even in the old
    one's words.

    PRODUCT.md 5: a decision is recorded "with a reason", which HR files; it also
    stops a key pressed twice by mistake saving the first choice unseen. Not for
    "undecided", nor for a decision saved again unchanged (one made before
    without a reason may stand). A changed decision needs its own reason: the
    old one stood under the new choice unseen (found by a review). Typed again
    word for word it was still refused (found by a tester): the rule is against a
    reason carried over unseen, not against the same words.
    """
    if outcome is None:
        return NO_OUTCOME
    reason = kept_as_typed(reason)
    if trouble := typed_problem(reason, "The reason", multiline=True, required=False):
        return trouble
    if before is not None and (before.outcome, before.reason) == (outcome, reason):
        return None
    chosen = OUTCOME_WORDS[outcome]
    if (
        before is not None
        and before.outcome != outcome
        and reason
        and reason == before.reason
        and not typed  # typed again since the box opened: given for this outcome
    ):
        # Undecided too: HR read "Undecided" beside the reason typed to recommend.
        return (
            f"That reason was given for '{OUTCOME_WORDS[before.outcome]}': type the panel's "
            f"reason for '{chosen}'" + (", or clear it." if outcome == "undecided" else ".")
        )
    if outcome != "undecided" and not reason:
        return f"Type the panel's reason for '{chosen}' first: HR files it with the decision."
    return None


def _decide(
    opened: OpenSession, candidate: str, outcome: Outcome, reason: str, typed: bool
) -> None:
    """Save a decision, refused in words when :func:`decision_problem` finds one."""
    problem = decision_problem(opened.session.decision(candidate), outcome, reason, typed)
    if problem:
        raise ValueError(problem)
    opened.decide(candidate, outcome, kept_as_typed(reason))


class SaveDecision(Protocol):
    """Saves a decision; ``typed``: the chair typed the reason (:func:`decision_problem`)."""

    def __call__(self, outcome: Outcome, reason: str, *, typed: bool = False) -> object: ...


@dataclass(frozen=True)
class AskDecision:
    """Ask for the panel's decision: ``save`` writes it, ``done`` words the end."""

    heading: str
    current: Decision | None
    save: SaveDecision = field(compare=False)
    done: Callable[[Outcome | None], Recorded] = field(compare=False)
    #: What is left undone on the candidate: questions with no votes, answers sealed.
    still_to_do: tuple[str, ...] = ()

    def problem(self, outcome: Outcome | None, reason: str, typed: bool = False) -> str | None:
        """What stops this decision being saved (:func:`decision_problem`), before saving."""
        return decision_problem(self.current, outcome, reason, typed)

    @classmethod
    def on_candidate(cls, opened: OpenSession, candidate: str) -> AskDecision:
        """Ask for the panel's decision on ``candidate``."""
        label = opened.session.candidate(candidate).label
        current = opened.session.decision(candidate)

        def done(outcome: Outcome | None) -> Recorded:
            if outcome is None:
                return Recorded("The decision was not changed.")
            if opened.session.decision(candidate) == current:
                # The same outcome and reason again: the store wrote nothing.
                return Recorded(
                    f"The decision on {label} was not changed: {OUTCOME_WORDS[outcome]}."
                )
            return Recorded(f"Decision saved for {label}: {OUTCOME_WORDS[outcome]}.")

        def save(outcome: Outcome, reason: str, *, typed: bool = False) -> None:
            _decide(opened, candidate, outcome, reason, typed)

        return cls(
            heading=f"The panel's decision on {label}",
            current=current,
            save=save,
            done=done,
            still_to_do=tuple(decision_warnings(opened.session, candidate)),
        )


Answer = Recorded | Refused | NotSaved | NeedsConfirmation


def finish_or_reopen(opened: OpenSession) -> NeedsConfirmation:
    """Mark the session finished, or reopen it: always asked first.

    Before finishing, the question names the panel and the rule the scores came
    from, and what is left undone (questions with no votes, answers sealed).
    """
    session = opened.session
    finished = session.finished
    if finished:
        question = "Reopen this session? Votes can be changed again."
    else:
        question = "Mark this session finished? Votes cannot change until it is reopened."
        question += "\n\n" + panel_and_rule(session)
        if left := finish_warnings(session):
            question += "\n\nStill to do:\n" + "\n".join(f"- {w}" for w in left)

    def then() -> Change:
        try:
            opened.set_finished(not finished)
        except StoreError as error:
            return NotSaved(str(error))
        return Recorded(
            "The session is reopened." if finished else "The session is marked finished."
        )

    return NeedsConfirmation(
        question=question,
        yes="Reopen" if finished else "Finish",
        no="Cancel",
        declined=None,
        then=then,
    )


def what_quitting_loses(opened: OpenSession) -> str:
    """What quitting now could lose, as a question for the chair; ``""`` when nothing.

    The session is written as the window closes; it is written here first, so that
    a failure is asked about, not swallowed as the window closes (found by a review:
    the folder deleted and made again, then a full disk at the quit).
    """
    if not opened.folder_there:
        # Found by an adversarial tester: the folder deleted while open, Ctrl+Q quit
        # at once, and every vote (held by this window alone) was gone.
        return (
            "The sessions folder is not there. If it was deleted, not moved or taken "
            "out, this window alone holds the session: quitting now loses every vote. "
            "Make the folder again, or put the stick back, before you quit. Quit anyway?"
        )
    try:
        opened.compact()
    except StoreError as error:
        return f"{error} Quitting now may lose what this window holds. Quit anyway?"
    if opened.disk_behind:
        # Found by an adversarial tester: after the files were removed and the disk
        # refused to write them again, Ctrl+Q quit at once and lost votes shown.
        return (
            "Changes since this session's files were removed are held only by this "
            "window: the disk has not taken them yet. Quitting now loses them. "
            "Quit anyway?"
        )
    return ""


__all__ = [
    "Answer",
    "AskDecision",
    "AskNote",
    "Change",
    "Moved",
    "NeedsConfirmation",
    "NotSaved",
    "Recorded",
    "Refused",
    "VoteMark",
    "decision_problem",
    "finish_or_reopen",
    "not_kept",
    "note_problem",
    "what_quitting_loses",
]
