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
from dataclasses import dataclass, field

from panel_tui.domain.models import Decision, Outcome, VoteValue

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
    """

    message: str | None
    revealed_now: bool = False
    offer_note: bool = False


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
    save: Callable[[str], None] = field(compare=False)
    done: Callable[[str | None], Recorded] = field(compare=False)


@dataclass(frozen=True)
class AskDecision:
    """Ask for the panel's decision: ``save`` writes it, ``done`` words the end."""

    heading: str
    current: Decision | None
    save: Callable[[Outcome, str], None] = field(compare=False)
    done: Callable[[Outcome | None], Recorded] = field(compare=False)


Answer = Recorded | Refused | NotSaved | NeedsConfirmation


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
]
