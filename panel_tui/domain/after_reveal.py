"""What happened on an answer after its votes were shown, read from its log once.

Every summary, CSV and report reads this, so they tell one story:

- :attr:`AfterReveal.steps`: what each member did after the votes were shown, in
  order: a first vote, a change, a withdrawal, or the same vote given again after
  a withdrawal; each with the chair's undo of it, if any, and what that brought
  back (a change undone is still said, with the vote that stands again).
- :attr:`AfterReveal.standing`: each member's vote that stands, with the vote
  event that *gave* its value: an undo only brings an earlier vote back, so the
  vote that stands keeps that vote's time and its mark of being given after the
  reveal or not. A vote given again unchanged just after a withdrawal made once
  the votes showed stands for the vote the room saw, so it keeps that vote's too.

Only votes that stand are counted as given after the reveal (:attr:`AfterReveal.late`):
a change that was undone is told in the steps, and never counted.

An undo is matched with the vote it takes back from the order of the answer's own
log (the member's latest vote not yet undone, as ``undos.undoable_vote`` picks
it), not from its ``undoes`` index: a copy of a session holding only some of its
votes (one candidate's, or only the votes shown) keeps the order but not the indexes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from panel_tui.domain.models import Session, VoteEvent, VoteValue

#: What a member did after the votes were shown.
StepKind = Literal["voted", "changed", "withdrew", "again"]


@dataclass(frozen=True)
class Step:
    """One thing a member did on an answer after its votes were shown."""

    member: str
    round: int
    kind: StepKind
    before: VoteValue | None  #: the member's vote just before (``None``: none standing)
    value: VoteValue | None  #: the vote given (``None`` for a withdrawal)
    undone: bool = False  #: the chair undid it afterwards
    back_to: VoteValue | None = None  #: with ``undone``: the vote the undo brought back
    final: bool = True  #: nothing the member did on the answer (in its round) came after


@dataclass(frozen=True)
class Standing:
    """A member's vote that stands on an answer, and the vote event that gave it."""

    member: str
    value: VoteValue
    given: VoteEvent  #: the event that gave this value: never an undo that brought it back
    after_reveal: bool  #: given after the votes were shown
    changed: bool  #: with ``after_reveal``: it changed a vote the member gave before


@dataclass(frozen=True)
class AfterReveal:
    """An answer's story after its votes were shown: the steps, and the votes that stand."""

    steps: tuple[Step, ...]
    standing: dict[str, Standing]  #: by member id, the answer's current round only
    current_round: int

    @property
    def late(self) -> frozenset[str]:
        """Members whose vote that stands was given after the votes were shown."""
        return frozenset(m for m, s in self.standing.items() if s.after_reveal)

    @property
    def late_changes(self) -> int:
        """Of :attr:`late`, those that changed an earlier vote of the member."""
        return sum(s.after_reveal and s.changed for s in self.standing.values())

    @property
    def first_votes(self) -> frozenset[str]:
        """Of :attr:`late`, members (current round) who had no vote standing when they first
        acted after the votes were shown: a first vote, changed after or not."""
        first: dict[str, Step] = {}
        for step in self.steps:
            if step.round == self.current_round:
                first.setdefault(step.member, step)
        return frozenset(m for m in self.late if m in first and first[m].before is None)

    @property
    def withdrawn(self) -> frozenset[str]:
        """Members (current round) who withdrew after the votes showed and have no vote now."""
        acted = {s.member for s in self.steps if s.round == self.current_round}
        return frozenset(acted - set(self.standing))

    @property
    def taken_back(self) -> frozenset[str]:
        """Members (current round) whose change after the votes showed the chair undid,
        so that the vote they gave before stands again."""
        return self._standing_from_before(lambda s: s.kind == "changed" and s.undone)

    @property
    def given_again(self) -> frozenset[str]:
        """Members (current round) who withdrew a vote given before the votes showed,
        then gave it again unchanged: the vote given before stands, nothing changed."""
        return self._standing_from_before(lambda s: s.kind == "again" and s.final)

    def _standing_from_before(self, took: Callable[[Step], bool]) -> frozenset[str]:
        """Members (current round) with a step that ``took`` such a turn, whose vote
        that stands was given before the votes were shown."""
        return frozenset(
            s.member
            for s in self.steps
            if s.round == self.current_round
            and took(s)
            and s.member in self.standing
            and not self.standing[s.member].after_reveal
        )


@dataclass
class _Member:
    """One member's log on one answer in one round, as it is read."""

    standing: int | None = None  #: the origin (index in the events) of the vote standing
    #: the member's votes not undone, with their origins, latest last: what an undo takes back
    undoable: list[tuple[int, int]] = field(default_factory=list)
    last_given: int | None = None  #: origin of the member's last vote given (even undone)
    withdrawn_late: bool = False  #: the member's last event withdrew a vote once shown
    last_step: int | None = None  #: the step of the member's last event, if it is one


class _Reader:
    """Reads one answer's events in order, once; :func:`after_reveal` says what it found."""

    def __init__(self, events: list[VoteEvent]) -> None:
        self.events = events
        self.origin: list[int] = []  #: per event: the event that gave its value
        self.changes: list[bool] = []  #: per event: the member had given a vote before it
        self.steps: list[Step] = []
        self.step_of: dict[int, int] = {}  #: event index -> its step
        self.members: dict[tuple[str, int], _Member] = {}
        for index, event in enumerate(events):
            self._read(index, event)

    def _read(self, index: int, event: VoteEvent) -> None:
        state = self.members.setdefault((event.member, event.round), _Member())
        before = self.events[state.standing].value if state.standing is not None else None
        self.changes.append(state.last_given is not None)
        if event.undoes is not None:
            step = self._undo(index, event, state, before)
        else:
            step = self._vote(index, event, state, before)
        if step is not None:
            self.step_of[index] = step
        if state.last_step is not None and state.last_step != step:
            self.steps[state.last_step] = replace(self.steps[state.last_step], final=False)
        state.last_step = step
        state.withdrawn_late = event.value is None and event.after_reveal
        state.standing = None if event.value is None else self.origin[index]
        if event.value is not None:
            state.last_given = self.origin[index]

    def _undo(
        self, index: int, event: VoteEvent, state: _Member, before: VoteValue | None
    ) -> int | None:
        """The chair's undo: it takes back the member's latest vote, and brings back the
        one before (its origin), when the undo gives that vote's value."""
        undone = state.undoable.pop() if state.undoable else None
        back = state.undoable[-1][1] if state.undoable else None
        if event.value is None or back is None or self.events[back].value != event.value:
            back = index  # a withdrawal, or (in a file made elsewhere) a vote of its own
        self.origin.append(back)
        place = self.step_of.get(undone[0]) if undone is not None else None
        if place is not None:  # the undo of a step: said with it
            self.steps[place] = replace(
                self.steps[place], undone=True, back_to=event.value, final=True
            )
            return place
        if event.after_reveal:  # a vote given before, withdrawn once shown
            kind: StepKind = "withdrew" if event.value is None else "changed"
            return self._add(Step(event.member, event.round, kind, before, event.value))
        return None

    def _vote(
        self, index: int, event: VoteEvent, state: _Member, before: VoteValue | None
    ) -> int | None:
        """A member's vote (or a withdrawal in a file made elsewhere)."""
        # Given again unchanged just after a withdrawal once shown: it stands for the
        # vote the room saw, and keeps that vote's time and mark.
        again = (
            state.withdrawn_late
            and event.value is not None
            and not event.after_reveal
            and state.last_given is not None
            and self.events[state.last_given].value == event.value
        )
        given = state.last_given if again and state.last_given is not None else index
        self.origin.append(given)
        state.undoable.append((index, given))
        if not (event.after_reveal or state.withdrawn_late):
            return None
        kind = _kind(event, before, again)
        return self._add(Step(event.member, event.round, kind, before, event.value))

    def _add(self, step: Step) -> int:
        self.steps.append(step)
        return len(self.steps) - 1

    def standing(self, number: int) -> dict[str, Standing]:
        """Each member's vote that stands in round ``number``, by member id."""
        found = {}
        for (member, round_number), state in self.members.items():
            if round_number != number or state.standing is None:
                continue
            given = self.events[state.standing]
            assert given.value is not None  # a withdrawal leaves no vote standing
            found[member] = Standing(
                member=member,
                value=given.value,
                given=given,
                after_reveal=given.after_reveal,
                changed=given.after_reveal and self.changes[state.standing],
            )
        return found


def after_reveal(session: Session, candidate: str, question: str) -> AfterReveal:
    """The story of one answer after its votes were shown (every round of it)."""
    reader = _Reader(_events(session, candidate, question))
    number = session.round_of(candidate, question)
    return AfterReveal(
        steps=tuple(reader.steps), standing=reader.standing(number), current_round=number
    )


def standing_in_round(
    session: Session, candidate: str, question: str, number: int
) -> dict[str, Standing]:
    """Each member's vote that stands on an answer in round ``number`` (practice
    rounds are each their own), by member id: as :attr:`AfterReveal.standing`."""
    return _Reader(_events(session, candidate, question)).standing(number)


def _events(session: Session, candidate: str, question: str) -> list[VoteEvent]:
    return [v for v in session.votes if (v.candidate, v.question) == (candidate, question)]


def _kind(event: VoteEvent, before: VoteValue | None, again: bool) -> StepKind:
    if event.value is None:
        return "withdrew"
    if again or not event.after_reveal:
        return "again"
    return "voted" if before is None else "changed"
