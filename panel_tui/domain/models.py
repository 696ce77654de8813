"""The records of a recruitment round, as pydantic models.

A bank is what the panel wrote beforehand; a session is one round: its own copy
of the bank, the panel, the candidates, settings and the event log of votes,
notes, reveals and decisions. Votes are events: a change is a new event and the
last event of a member on a question is the one that counts.
"""

from __future__ import annotations

import secrets
from collections import Counter
from datetime import date, datetime
from typing import Annotated, Literal, Self

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from panel_tui.domain.moments import Moment
from panel_tui.domain.records import (
    FROM_ELSEWHERE,
    MAX_SEATS,
    MAX_WEIGHT,
    RATINGS,
    SESSION_FORMAT,
    SESSION_VERSION,
    VOTE_VALUES,
    Bank,
    Candidate,
    Cursor,
    Decision,
    Finishing,
    Flag,
    Member,
    Mode,
    NewRound,
    Note,
    Outcome,
    Question,
    Rating,
    Record,
    Reveal,
    Role,
    RoundNumber,
    SampleAnswer,
    Settings,
    VoteEvent,
    VoteValue,
    Weighting,
    Whole,
    laptop_day,
    now,
    whole_number,
)
from panel_tui.domain.session_checks import check_consistent
from panel_tui.domain.text import Line, SessionId, from_elsewhere, slug

__all__ = [
    "FROM_ELSEWHERE",
    "MAX_SEATS",
    "MAX_WEIGHT",
    "RATINGS",
    "SESSION_FORMAT",
    "SESSION_VERSION",
    "VOTE_VALUES",
    "Bank",
    "Candidate",
    "Cursor",
    "Decision",
    "Finishing",
    "Flag",
    "Member",
    "Mode",
    "NewRound",
    "Note",
    "Outcome",
    "Question",
    "Rating",
    "Reveal",
    "Role",
    "RoundNumber",
    "SampleAnswer",
    "Session",
    "Settings",
    "VoteEvent",
    "VoteValue",
    "Weighting",
    "Whole",
    "laptop_day",
    "new_session_id",
    "now",
]


def new_session_id(bank_id: str, when: datetime | None = None) -> str:
    """A session id unique across laptops: date, bank and a random part.

    The date is the laptop's own, as the home screen and the offered title show it.
    """
    day = laptop_day(when or now()).isoformat()
    return f"{day}-{slug(bank_id, limit=30)}-{secrets.token_hex(3)}"


class Session(Record):
    """One recruitment round, complete: the record a json export holds."""

    format: Literal["panel-tui/session"] = SESSION_FORMAT
    version: Annotated[Literal[1], BeforeValidator(whole_number)] = SESSION_VERSION
    id: SessionId
    title: Line
    mode: Mode = "live"
    created: Moment = Field(default_factory=now)
    finished: Flag = False
    #: Each time the chair finished or reopened it (absent from files when never).
    finishes: Annotated[list[Finishing], Field(exclude_if=lambda done: not done)] = Field(
        default_factory=list
    )
    settings: Settings = Field(default_factory=Settings)
    bank: Bank
    panel: list[Member]
    candidates: list[Candidate]
    votes: list[VoteEvent] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    reveals: list[Reveal] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    cursor: Cursor | None = None
    #: Practice only: answers voted on again (absent from files when there are none).
    rounds: Annotated[list[NewRound], Field(exclude_if=lambda rounds: not rounds)] = Field(
        default_factory=list
    )

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Self:
        left_out = info.context.get("left_out") if isinstance(info.context, dict) else None
        check_consistent(self, new=from_elsewhere(info), left_out=left_out)
        return self

    # -- views of the event log ------------------------------------------------

    @property
    def vote_days(self) -> list[date]:
        """The days the panel voted, in order (the day made until there is a vote), on the laptop.

        Every summary is dated so (HR may prepare a session days ahead), on the
        laptop's clock (``laptop_day``), as typed times are read.
        """
        days = {laptop_day(v.at) for v in self.votes if v.value is not None}  # an undo is no vote
        return sorted(days) or [laptop_day(self.created)]

    @property
    def decides(self) -> bool:
        """Whether the panel records a decision on each candidate: not on a rehearsal's
        mock candidates, who are never hired (found by a trainer)."""
        return self.mode != "practice"

    @property
    def recorded_times(self) -> list[datetime]:
        """When each vote, note, reveal, round and decision was recorded."""
        times = [*(v.at for v in self.votes), *(n.at for n in self.notes)]
        times += [r.at for r in self.reveals] + [r.at for r in self.rounds]
        return times + [d.at for d in self.decisions if d.at is not None]

    @property
    def last_recorded(self) -> datetime:
        """When anything was last recorded (:attr:`recorded_times`), else when it was made."""
        return max([self.created, *self.recorded_times])

    @property
    def first_day(self) -> date:
        """The day the panel sat: the first of :attr:`vote_days`."""
        return self.vote_days[0]

    @property
    def voting_members(self) -> list[Member]:
        """The members who vote, by seat."""
        return sorted((m for m in self.panel if m.can_vote), key=lambda m: m.seat)

    def member(self, member_id: str) -> Member:
        """The panel member with this id."""
        return next(m for m in self.panel if m.id == member_id)

    def candidate(self, candidate_id: str) -> Candidate:
        """The candidate with this id."""
        return next(c for c in self.candidates if c.id == candidate_id)

    def answer_name(self, candidate_id: str, question_id: str) -> str:
        """An answer as the chair finds it: the candidate and the question's number, "Alex Q6"."""
        return f"{self.candidate(candidate_id).label} Q{self.bank.number(question_id)}"

    def round_of(self, candidate: str, question: str) -> int:
        """The answer's current round: its highest not taken back, however the rounds are listed."""
        mine = [r for r in self.rounds if (r.candidate, r.question) == (candidate, question)]
        started, back = (Counter(r.round for r in mine if r.taken_back == b) for b in (False, True))
        return max(started - back, default=1)  # a take-back cancels a start of the round it names

    def _in_round(self, vote: VoteEvent | Reveal, candidate: str, question: str) -> bool:
        """Whether an event is on this answer, in its current round."""
        return (vote.candidate, vote.question) == (candidate, question) and (
            vote.round == self.round_of(candidate, question)
        )

    def current_votes(self, candidate: str, question: str) -> dict[str, VoteEvent]:
        """The vote that counts of each member on one answer, by member id.

        With rounds (practice), these are the votes of the answer's latest round.
        """
        return self.round_votes(candidate, question, self.round_of(candidate, question))

    def round_votes(self, candidate: str, question: str, number: int) -> dict[str, VoteEvent]:
        """The vote that stands of each member on one answer in one round."""
        latest: dict[str, VoteEvent] = {}
        for vote in self.votes:
            if (vote.candidate, vote.question, vote.round) == (candidate, question, number):
                if vote.value is None:
                    latest.pop(vote.member, None)
                else:
                    latest[vote.member] = vote
        return latest

    def standing_votes(self) -> int:
        """How many votes stand in the session (changes and undos not counted twice)."""
        standing: dict[tuple[str, str, str, int], VoteValue | None] = {}
        for vote in self.votes:
            standing[(vote.candidate, vote.question, vote.member, vote.round)] = vote.value
        return sum(value is not None for value in standing.values())

    def is_revealed(self, candidate: str, question: str) -> bool:
        """Whether the votes on this answer are shown to the room.

        Open sessions show votes at once; sealed ones once the chair reveals, or
        once every voting member has voted (or abstained). Once shown, always
        shown: an undo afterwards does not seal the answer again, so a vote
        given after it is still marked as given after the reveal.
        """
        number = self.round_of(candidate, question)
        return self._revealed_before(candidate, question, len(self.votes), None, number)

    def _revealed_before(
        self, candidate: str, question: str, upto: int, at: datetime | None, number: int
    ) -> bool:
        """Whether round ``number`` of the answer was shown before vote event ``upto``.

        With ``at`` (when that vote was given) a reveal counts only when it is no
        later than that moment: reveals and votes are kept to the second, so a
        vote in the same second as the reveal is taken as given after it (the
        member may have seen). Rounds (practice) are each sealed on their own.
        """
        if not self.settings.sealed:
            return True
        return self._shown_by_votes(candidate, question, upto, at, number)

    def reference_shown(self, candidate: str, question: str) -> bool:
        """Practice: whether the answer's reference rating is shown to the room.

        Once the votes are shown as a sealed session shows them (every voting
        member has voted, or the chair showed them), open sessions too: there the
        votes show as given, and the reference beside the first of them told the
        rest what to vote (found by a review).
        """
        number = self.round_of(candidate, question)
        return self._shown_by_votes(candidate, question, len(self.votes), None, number)

    def _shown_by_votes(
        self, candidate: str, question: str, upto: int, at: datetime | None, number: int
    ) -> bool:
        answer = (candidate, question, number)
        if any(
            (r.candidate, r.question, r.round) == answer and (at is None or r.at <= at)
            for r in self.reveals
        ):
            return True
        voters = {m.id for m in self.voting_members}
        if not voters:
            return False
        standing: set[str] = set()
        for vote in self.votes[:upto]:
            if (vote.candidate, vote.question, vote.round) != answer:
                continue
            if vote.value is None:
                standing.discard(vote.member)
            else:
                standing.add(vote.member)
            if voters <= standing:
                return True
        return False

    def after_reveal_at(
        self, upto: int, candidate: str, question: str, member: str, value: VoteValue | None
    ) -> bool:
        """Whether a vote given at log position ``upto`` comes after the votes were shown.

        A first vote is, when the answer was already shown in a sealed session
        (in an open one every vote is seen as given); so is a change or a
        withdrawal once shown. The comparison is with the member's last vote even
        when an undo took it back, so undo and vote again is still a change.
        """
        given_now = upto >= len(self.votes)
        number = self.round_of(candidate, question) if given_now else self.votes[upto].round
        given = [
            v.value
            for v in self.votes[:upto]
            if (v.candidate, v.question, v.member, v.round) == (candidate, question, member, number)
            and v.value is not None
        ]
        at = None if given_now else self.votes[upto].at
        if not self._revealed_before(candidate, question, upto, at, number):
            return False
        if not given:
            return value is not None and self.settings.sealed
        return given[-1] != value

    def sealed_answers(self) -> set[tuple[str, str]]:
        """The (candidate, question) answers that have votes the room has not seen.

        Only votes that stand: an answer whose every vote was undone holds nothing
        sealed (it is unvoted), so no summary says it is left out and finishing
        does not show it.
        """
        given: dict[tuple[str, str], dict[str, bool]] = {}  # answer -> member -> a vote stands
        for vote in self.votes:  # one pass: an export asks this of every answer
            if self._in_round(vote, *_of(vote)):
                given.setdefault(_of(vote), {})[vote.member] = vote.value is not None
        return {
            a for a, stands in given.items() if any(stands.values()) and not self.is_revealed(*a)
        }

    def as_shown(self) -> Session:
        """The session as the room may see it: votes on sealed answers left out.

        The summary screen scores this during a session, so opening it never
        gives a sealed vote away. (The copy is for scoring and showing; its
        ``undoes`` indexes are not renumbered.)
        """
        sealed = self.sealed_answers()
        if not sealed:
            return self
        # An earlier round was shown before the next began: only the latest is held back.
        shown = [
            v
            for v in self.votes
            if (v.candidate, v.question) not in sealed or not self._in_round(v, *_of(v))
        ]
        return self.model_copy(update={"votes": shown})

    def decision(self, candidate: str) -> Decision | None:
        """The panel's latest decision on a candidate, if any."""
        found = [d for d in self.decisions if d.candidate == candidate]
        return found[-1] if found else None

    def notes_on(self, candidate: str, question: str | None) -> list[Note]:
        """The notes on one answer (or on the candidate as a whole)."""
        return [n for n in self.notes if n.candidate == candidate and n.question == question]

    def sample_answer(self, candidate: str, question: str) -> SampleAnswer | None:
        """Practice only: the sample answer this mock candidate gives."""
        index = self.candidate(candidate).sample_answers.get(question)
        if index is None:
            return None
        return self.bank.question(question).sample_answers[index]

    def new_vote(
        self, candidate: str, question: str, member: str, value: VoteValue | None
    ) -> VoteEvent:
        """The event for a vote given now, marked if the votes were already shown.

        A first vote on a shown answer is marked, and so is a change; a vote
        withdrawn and given again unchanged is not.
        """
        return VoteEvent(
            candidate=candidate,
            question=question,
            member=member,
            value=value,
            at=now(),
            after_reveal=self.after_reveal_at(len(self.votes), candidate, question, member, value),
            round=self.round_of(candidate, question),
        )

    def next_round(self, candidate: str, question: str) -> NewRound:
        """Practice only: the event that asks the panel to vote on an answer again.

        Raises:
            ValueError: in plain words, when the session is live or the votes of
                the current round are not shown yet.
        """
        if self.mode != "practice":
            raise ValueError("Only practice rounds can vote on an answer again.")
        if not self.is_revealed(candidate, question):
            raise ValueError(
                "Show the votes of this round first; a new round starts after the discussion."
            )
        return NewRound(
            candidate=candidate,
            question=question,
            round=self.round_of(candidate, question) + 1,
            at=now(),
        )


def _of(event: VoteEvent) -> tuple[str, str]:
    return event.candidate, event.question
