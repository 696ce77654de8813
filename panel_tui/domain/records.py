"""The parts a session is made of, as pydantic models: a bank, members, candidates,
settings and the events of the log (votes, notes, reveals, rounds, decisions).

:mod:`panel_tui.domain.models` puts them together into a :class:`Session` and
re-exports them, so code imports every model from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from panel_tui.domain.moments import Moment
from panel_tui.domain.payment_notes import Involvement
from panel_tui.domain.text import Code, Ident, Line, OptionalText, Text, from_elsewhere

MAX_SEATS = 9  #: one keyboard column of vote keys a seat
#: The largest weight a question may count for: more says nothing a panel means,
#: and huge weights (1e308) would overflow the scores.
MAX_WEIGHT = 100

Rating = Literal["up", "middle", "down"]
VoteValue = Literal["up", "middle", "down", "abstain"]
Role = Literal["lived_experience", "professional", "observer"]
Weighting = Literal["per_person", "equal_groups", "lived_experience_share"]
Outcome = Literal["recommend", "do_not_recommend", "undecided"]
#: ``demo``: the ready session ``panel-tui demo`` makes, with made-up people; it is
#: run as a live one, and never counted with real rounds.
Mode = Literal["live", "practice", "demo"]

RATINGS: tuple[Rating, ...] = ("up", "middle", "down")

VOTE_VALUES: tuple[VoteValue, ...] = ("up", "middle", "down", "abstain")

SESSION_FORMAT: Literal["panel-tui/session"] = "panel-tui/session"
SESSION_VERSION: Literal[1] = 1


def whole_number(value: object) -> object:
    """Refuse ``true`` and ``1.0`` where a whole number belongs; text such as "3" is kept.

    A seat typed into a spreadsheet comes as text, so "3" is read as 3; but
    pydantic would also read ``true`` as 1 and ``1.0`` as 1, which could
    mislead a person into thinking the file said something it did not.
    """
    if isinstance(value, bool | float):
        raise PydanticCustomError("int_type", "a whole number is needed")
    return value


#: true or false only: "yes", "no" or 1 are refused rather than guessed at.
Flag = Annotated[bool, Field(strict=True)]
#: A whole number: true, false and 1.0 are refused; text of digits is read.
Whole = Annotated[int, BeforeValidator(whole_number)]

#: Practice only: the round of votes on an answer. The first round is not written
#: into files (``exclude_if``), so live sessions' files and json stay as they were.
RoundNumber = Annotated[Whole, Field(ge=1, le=99, exclude_if=lambda number: number == 1)]


def now() -> datetime:
    """The current time in UTC, to the second, as records keep it (shown on the laptop's clock)."""
    return datetime.now(UTC).replace(microsecond=0)


def laptop_day(moment: datetime) -> date:
    """The day a moment fell on where the panel sat: the laptop's own clock.

    Times are kept in UTC, but a panel's day is its own: a panel at 09:00 in
    Sydney sat on that day, though it was the day before in UTC.
    """
    return moment.astimezone().date()


#: The validation context for a file made elsewhere (an HR system's JSON, a
#: spreadsheet): pass as ``model_validate(data, context=FROM_ELSEWHERE)``.
FROM_ELSEWHERE: dict[str, bool] = {"from_elsewhere": True}


class _Model(BaseModel):
    """A model that reads files made elsewhere as people make them.

    Each model's validator is built when it is first used, not at import
    (``defer_build``): the home screen reads banks but no session, so it
    paints without building the session models.
    """

    model_config = ConfigDict(defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _as_people_write_it(cls, data: Any, info: ValidationInfo) -> Any:
        """With :data:`FROM_ELSEWHERE`: keys not ours are left out at every level
        (inside the bank and its questions too), text is trimmed, and a blank or
        null optional field is not given, so its default stands."""
        if not isinstance(data, dict) or not from_elsewhere(info):
            return data
        fields = cls.model_fields
        kept: dict[str, Any] = {}
        for key, value in data.items():
            if key not in fields:
                continue
            if isinstance(value, str):
                value = value.strip()
            if (value is None or value == "") and not fields[key].is_required():
                continue
            kept[key] = value
        return kept


class _Strict(_Model):
    """A model of a file we read: unknown keys are refused by name.

    Banks read from TOML stay strict, so a misspelt key in a hand-written bank
    is named rather than silently ignored; a bank inside a session file from
    elsewhere is read with :data:`FROM_ELSEWHERE`, which leaves extra keys out.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Record(_Model):
    """A record of a session: extra fields from other tools are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


# --------------------------------------------------------------------------- banks


class SampleAnswer(_Strict):
    """A sample answer of a practice bank, with the reference rating."""

    rating: Rating
    text: Text
    why: Text | None = None


#: The most a bank holds: far past any interview day, where the screen, the voice
#: and HR's summary still work (a tester's question with 100,000 points to listen
#: for passed as valid, and then took 41 seconds to show each vote).
MAX_QUESTIONS = 100
MAX_LOOK_FOR = 20
MAX_SAMPLE_ANSWERS = 10


class Question(_Strict):
    """A question of a bank."""

    id: Ident
    text: Text
    look_for: Annotated[list[Line], Field(max_length=MAX_LOOK_FOR)] = Field(default_factory=list)
    # Strict: ``weight = true`` is refused rather than read as 1.
    weight: Annotated[float, Field(gt=0, le=MAX_WEIGHT, allow_inf_nan=False, strict=True)] = 1.0
    essential: Flag = False
    time_guide_minutes: Annotated[int, Field(gt=0, le=120, strict=True)] | None = None
    sample_answers: Annotated[list[SampleAnswer], Field(max_length=MAX_SAMPLE_ANSWERS)] = Field(
        default_factory=list
    )


def id_clashes(ids: Sequence[str | None]) -> dict[int, str]:
    """Each question whose id an earlier question already has: its number, and why, in words.

    Ids that differ only in capitals are one id to a person and to a spreadsheet.
    ``None`` is a question without an id to compare (a bank file's, said otherwise).
    """
    seen: dict[str, str] = {}
    clashes: dict[int, str] = {}
    for number, question_id in enumerate(ids, start=1):
        if question_id is None:
            continue
        earlier = seen.get(question_id.casefold())
        if earlier is None:
            seen[question_id.casefold()] = question_id
        elif earlier == question_id:
            clashes[number] = (
                f"question {number} has the id {question_id!r}, "
                "which an earlier question already has; each id must be unique"
            )
        else:
            clashes[number] = (
                f"question {number} has the id {question_id!r}, which an earlier question "
                f"already has as {earlier!r}; ids must differ by more than capital letters"
            )
    return clashes


class Bank(_Strict):
    """A question bank: the questions for one role, written with the panel."""

    id: Ident
    title: Line
    role: Line | None = None
    description: Text | None = None
    questions: Annotated[list[Question], Field(min_length=1, max_length=MAX_QUESTIONS)]

    @model_validator(mode="after")
    def _unique_question_ids(self) -> Self:
        # The first only: a bank file names each at its line (banks.py); a session
        # file's bank gets one sentence, not several run together.
        clashes = id_clashes([q.id for q in self.questions])
        if clashes:
            raise ValueError(next(iter(clashes.values())))
        return self

    @property
    def is_practice(self) -> bool:
        """Whether every question has sample answers to rehearse with."""
        return all(q.sample_answers for q in self.questions)

    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return next(q for q in self.questions if q.id == question_id)

    def number(self, question_id: str) -> int:
        """The question's number as the panel reads it, counting from 1."""
        return next(n for n, q in enumerate(self.questions, start=1) if q.id == question_id)


# ------------------------------------------------------------------------ sessions


class Member(Record):
    """A panel member. Observers take notes and do not vote."""

    id: Ident
    name: Line
    pronouns: Line | None = None
    role: Role
    seat: Annotated[Whole, Field(ge=1, le=MAX_SEATS)]
    #: The chair's payment notes, for the involvement record; ``None`` for none.
    involvement: Involvement | None = None

    @property
    def can_vote(self) -> bool:
        """Whether this member gives votes (observers do not)."""
        return self.role != "observer"


class Candidate(Record):
    """A candidate, known by a code and optionally a name."""

    id: Ident
    code: Code
    name: Line | None = None
    #: Practice only: the index of the sample answer heard, by question id.
    sample_answers: dict[str, Annotated[int, Field(strict=True)]] = Field(default_factory=dict)

    @property
    def label(self) -> str:
        """The name, or the code when there is no name."""
        return self.name or self.code


#: Said of a file whose rule is a set share but which gives no share.
SHARE_MISSING = (
    'the weighting is "lived_experience_share" but no "lived_experience_share" is given: '
    "add the share of the say the panel agreed for its lived-experience members, "
    "a number between 0 and 1, such as 0.3 (panel-tui does not assume half)"
)


class Settings(Record):
    """How the session is run, chosen before the first vote."""

    sealed: Flag = True
    weighting: Weighting = "per_person"
    lived_experience_share: Annotated[
        float, Field(ge=0, le=1, allow_inf_nan=False, strict=True)
    ] = 0.5

    @model_validator(mode="after")
    def _share_given(self, info: ValidationInfo) -> Self:
        """A set share from elsewhere is given, never taken as half by default.

        ``prepare`` refuses the rule without ``--share`` and the form shows the
        share it uses; a file that gave none became 50/50 unsaid (found by a tester).
        """
        if (
            from_elsewhere(info)
            and self.weighting == "lived_experience_share"
            and "lived_experience_share" not in self.model_fields_set
        ):
            raise ValueError(SHARE_MISSING)
        return self


class VoteEvent(Record):
    """One vote; ``value`` is ``None`` when an undo leaves the member with no vote."""

    candidate: Ident
    question: Ident
    member: Ident
    value: VoteValue | None  #: ``None`` marks a withdrawn vote (the chair's undo)
    at: Moment
    #: Given after the votes on the answer were shown: a first vote after the
    #: chair revealed early, or a change after discussion.
    after_reveal: Flag = False
    #: The chair's undo: the index in the log of the vote this event takes back.
    undoes: Annotated[int, Field(strict=True)] | None = None
    #: Practice only: the round of votes on the answer this vote belongs to.
    round: RoundNumber = 1


class Note(Record):
    """A note on an answer (or on the candidate when ``question`` is ``None``)."""

    candidate: Ident
    question: Ident | None = None
    text: Text
    at: Moment


class Reveal(Record):
    """The votes on an answer were shown early by the chair, or, ``at_finish`` (absent from
    files when not), as the session was finished with them still sealed."""

    candidate: Ident
    question: Ident
    at: Moment
    #: Practice only: the round of votes shown.
    round: RoundNumber = 1
    at_finish: Annotated[Flag, Field(exclude_if=lambda shown: not shown)] = False


class Finishing(Record):
    """The chair finished the session (``finished``), or reopened it (not ``finished``)."""

    at: Moment
    finished: Flag


class NewRound(Record):
    """Practice only: the panel votes on an answer again; earlier rounds' votes are kept, and
    its latest round's count. ``taken_back``: that round taken back before anyone voted."""

    candidate: Ident
    question: Ident
    round: Annotated[Whole, Field(ge=2, le=99)]
    at: Moment
    taken_back: Annotated[Flag, Field(exclude_if=lambda back: not back)] = False


class Decision(Record):
    """The panel's decision on a candidate; the latest one for a candidate counts."""

    candidate: Ident
    outcome: Outcome
    reason: OptionalText = ""
    at: Moment | None = None


class AnswerTime(Record):
    """The seconds spent on one answer, for the timer against the time guide."""

    candidate: Ident
    question: Ident
    #: Seconds spent on this answer when last kept, so the timer carries on after
    #: a resume. Kept now and then, at quit and on leaving the answer, never with a vote.
    elapsed: Annotated[int, Field(ge=0)] = 0


class Cursor(AnswerTime):
    """Where the panel is, and the time spent there and on each answer it has left:
    resumed after a quit or a power cut."""

    #: The answers the panel has left, each with its time, so that going back after a
    #: restart carries on from it (found by a tester: after a restart only the answer
    #: shown kept its time; one the panel went back to started at 0:00). Absent from
    #: files when there are none.
    left: Annotated[list[AnswerTime], Field(exclude_if=lambda left: not left)] = Field(
        default_factory=list
    )

    def spent_on(self, candidate: str, question: str) -> int:
        """Seconds kept for the answer ``(candidate, question)``: 0 when none are."""
        kept = [self, *self.left]
        return next(
            (t.elapsed for t in kept if (t.candidate, t.question) == (candidate, question)), 0
        )

    def moved_to(self, candidate: str, question: str) -> Cursor:
        """The cursor at another answer, carrying on from its time; this one's time kept."""
        if (candidate, question) == (self.candidate, self.question):
            return self
        left = [t for t in self.left if (t.candidate, t.question) != (candidate, question)]
        if self.elapsed:
            here = AnswerTime(
                candidate=self.candidate, question=self.question, elapsed=self.elapsed
            )
            left.append(here)
        elapsed = self.spent_on(candidate, question)
        return Cursor(candidate=candidate, question=question, elapsed=elapsed, left=left)
