"""The calibration report of a practice round, in words, for the screen and every format.

:func:`build_calibration` turns :func:`panel_tui.domain.calibration.calibrate`
(and, when given, the trainees' earlier rehearsals) into plain strings that the
summary screen, the Markdown and HTML summaries, and the trainee sheets lay out
alike. Nothing here is markup: the templates escape every value.

With ``totals_only`` no member's own figures are shown (the panel's are); when
anonymised, members are shown by seat and progress over rehearsals, which
matches trainees by name, is left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from panel_tui.domain.calibration import (
    CLOSE_LEAN,
    AnswerCalibration,
    MemberCalibration,
    Rehearsal,
    RoundVotes,
    calibrate,
    lean_words,
    progress_of,
)
from panel_tui.domain.exports.calibration_figures import AC1_NOTE, Figure, panel_figures
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.models import RATINGS, Rating, Session, VoteValue
from panel_tui.domain.scoring import VALUE
from panel_tui.domain.words import (
    colon_after,
    counted,
    made_words,
    percent,
    question_name,
    short_day_words,
    vote_text,
)

Symbols = Mapping[VoteValue, str]

#: The mark at the top of every practice export, so no one files it as a real round.
PRACTICE_BANNER = "Practice round: not a recruitment decision"
PRACTICE_NOTE = (
    "Mock candidates gave sample answers with a reference rating, so trainees can "
    "compare their thumbs with it. Nothing here is about a real candidate."
)


@dataclass(frozen=True)
class AwayAnswer:
    """An answer one member scored away from the reference, in plain words."""

    candidate: str  #: the mock candidate's code, e.g. "Mock A"
    number: int  #: the question's place in the bank
    question: str  #: e.g. "Question 2: What would you do if..."
    why: str  #: the sample answer's "why", or empty
    mine: str  #: the member's vote, e.g. "▲ Up"
    reference: str  #: e.g. "● Middle"
    direction: str  #: "more generous" or "harsher"


@dataclass(frozen=True)
class Step:
    """One rehearsal in a trainee's progress."""

    date: str
    title: str
    agreement: str
    lean: str
    answers: str
    current: bool  #: the session this report is about


@dataclass(frozen=True)
class TraineeView:
    """One member's own figures."""

    seat: int
    label: str  #: "Seat 1, Ann Lee" (or "Seat 1" when anonymised)
    name: str
    agreement: str
    lean: str
    answers: str  #: e.g. "6 answers", what the figures rest on
    summary: str  #: one plain sentence
    away: list[AwayAnswer]
    progress: list[Step]  #: first to last; empty unless there are two rehearsals or more
    voted: bool = True  #: has a vote on an answer with a reference rating (shown)
    #: a sheet's word on answers voted on again, whose first vote its figures count; or empty
    voted_again: str = ""


@dataclass(frozen=True)
class AnswerView:
    """An answer worth talking about: split, missed the reference, or voted again."""

    where: str
    reference: str
    votes: str  #: the round that counts (the first), e.g. "2 up, 1 down"
    flags: list[str]
    why: str
    rounds: list[str]  #: one line a round, oldest first, when voted on more than once

    @property
    def colon(self) -> str:
        """What comes between :attr:`where` and the flags: ``":"``, or nothing after a "?"."""
        return colon_after(self.where)

    @property
    def reference_words(self) -> str:
        """``"the reference is Up"``, as the screen and every file say it."""
        return f"the reference is {self.reference}"


@dataclass(frozen=True)
class CalibrationView:
    """The whole calibration report, in words: the screen and each file show these alike."""

    LEAN: ClassVar[str] = (
        "Lean is the mean of each vote minus the reference, counting down 0, middle 0.5, "
        "up 1: above 0 is more generous than the reference, below 0 harsher, and under "
        f"{CLOSE_LEAN:.2f} either way is close to it."
    )
    TALK_ABOUT: ClassVar[str] = (
        "Where the panel split (both up and down) or most votes missed the reference:"
    )
    NOTHING_TO_TALK_ABOUT: ClassVar[str] = (
        "No answer split the panel, and on none did most votes miss the reference."
    )

    banner: str
    note: str
    figures: list[Figure]
    left_out: str  #: votes given after the reference was shown, left out; or empty
    ac1_note: str
    trainees: list[TraineeView]  #: empty when totals only
    flagged: list[AnswerView]
    moved: list[AnswerView]
    rounds_words: str  #: how the panel moved between rounds, in one sentence


def _where(session: Session, answer: AnswerCalibration) -> str:
    return f"{session.candidate(answer.candidate).code}, {_question(session, answer)}"


def _question(session: Session, answer: AnswerCalibration) -> str:
    return f"{question_name(answer.number)}: {session.bank.question(answer.question).text}"


def _direction(value: VoteValue, reference: Rating) -> str:
    return "more generous" if VALUE[value] > VALUE[reference] else "harsher"


def _late(votes: RoundVotes) -> str:
    """Beside a count of votes: those left out, so it is not read as the score's count."""
    return f" ({len(votes.late)} more given after the reveal, left out)" if votes.late else ""


def _round_words(number: int, votes: RoundVotes, waiting: str | None = None) -> str:
    """One round's votes; ``waiting``, the words of a last round not shown yet (never zeros)."""
    if waiting is not None:
        return f"Round {number}: {waiting}"
    if not votes.votes and not votes.late:  # shown with nobody voting: never zeros (a tester)
        return f"Round {number}: nobody voted."
    counts = votes.tally.words(RATINGS) + _late(votes)
    return f"Round {number}: {counts}; {votes.agreeing} of {votes.counted} with the reference."


def _waiting(
    session: Session, answer: AnswerCalibration, sealed: Set[tuple[str, str]]
) -> str | None:
    """What a last round not shown yet holds, in words (``None`` once shown): its votes are
    left out of this copy while sealed, so it never reads as a round of no votes (found by
    a tester)."""
    where = (answer.candidate, answer.question)
    if session.is_revealed(*where) and where not in sealed:
        return None
    if where in sealed:
        return "still sealed: its votes show once everyone has voted or the chair shows them."
    return "nobody voted." if session.finished else "nobody has voted yet."


def _away(
    session: Session, answer: AnswerCalibration, value: VoteValue, symbols: Symbols
) -> AwayAnswer:
    mine, reference = vote_text(value, symbols), vote_text(answer.reference, symbols)
    direction = _direction(value, answer.reference)
    return AwayAnswer(
        candidate=session.candidate(answer.candidate).code,
        number=answer.number,
        question=_question(session, answer),
        why=answer.why or "",
        mine=mine,
        reference=reference,
        direction=direction,
    )


def _answer_view(
    session: Session, answer: AnswerCalibration, symbols: Symbols, waiting: str | None
) -> AnswerView:
    """The answer's view; ``waiting``: its last round while not shown (:func:`_waiting`)."""
    tally = answer.first.tally
    rounds = [_round_words(r.number, r) for r in answer.rounds[:-1]]
    rounds.append(_round_words(answer.last.number, answer.last, waiting))
    flags = (["Split"] if answer.split else []) + (
        ["Missed the reference"] if answer.missed else []
    )
    return AnswerView(
        where=_where(session, answer),
        reference=vote_text(answer.reference, symbols),
        votes=tally.words(RATINGS) + _late(answer.first),
        flags=flags,
        why=answer.why or "",
        rounds=rounds if answer.moved else [],
    )


def _summary(figures: MemberCalibration) -> str:
    if not figures.answers:
        if figures.late:
            return "No vote counted: each was given or changed after the reference was shown."
        return "No votes yet on answers with a reference rating."
    agree = round((figures.agreement or 0) * figures.answers)
    late = (
        f" Left out: {counted(figures.late, 'vote')} given or changed after the reference "
        "was shown."
        if figures.late
        else ""
    )
    return (
        f"Matched the reference on {agree} of {counted(figures.answers, 'answer')}, "
        f"and overall {lean_words(figures.lean)}.{late}"
    )


def _when(created: datetime, history: Sequence[Rehearsal]) -> str:
    """A rehearsal's day on the laptop's clock, with its time when another shares the day."""
    day = created.astimezone().date()
    same_day = sum(r.created.astimezone().date() == day for r in history)
    return made_words(created) if same_day > 1 else short_day_words(day)


def _trainee(
    session: Session,
    figures: MemberCalibration,
    history: list[Rehearsal],
    options: ExportOptions,
) -> TraineeView:
    label = f"Seat {figures.seat}" + ("" if options.anonymise else f", {figures.name}")
    none = "None counted" if figures.late else "No votes yet"
    away = [_away(session, answer, value, options.vote_symbols) for answer, value in figures.away]
    steps: list[Step] = []
    if len(history) > 1:
        steps = [
            Step(
                date=_when(r.created, history),
                title=r.title,
                agreement=percent(r.agreement, none="No votes"),
                lean=lean_words(r.lean),
                answers=counted(r.answers, "answer"),
                current=r.session == session.id,
            )
            for r in history
        ]
    return TraineeView(
        seat=figures.seat,
        label=label,
        name=figures.name,
        agreement=percent(figures.agreement, none=none),
        lean=lean_words(figures.lean) if figures.answers else none.lower(),
        # Under "Rests on": "on 12 answers" there read twice (found by a tester).
        answers=counted(figures.answers, "answer"),
        summary=_summary(figures),
        away=away,
        progress=steps,
        voted=bool(figures.answers),
        voted_again=_voted_again_words(figures.voted_again),
    )


def _voted_again_words(again: int) -> str:
    """A trainee's word on the answers they voted on again, whose first vote counts.

    Found by testers: a sheet's figures counted the last round, given after the
    reference was shown, so the trainee's progress looked better by every answer
    the trainer ran again. Calibration measures independent judgement: the first
    vote counts, and the sheet says so where the trainee voted again.
    """
    if not again:
        return ""
    return (
        f"{counted(again, 'answer was', 'answers were')} voted on again after the panel had "
        f"seen the reference. Your figures here count your first vote on "
        f"{'it' if again == 1 else 'each'}, given before the reference was shown."
    )


def _left_out(late: int) -> str:
    if not late:
        return ""
    return (
        f"Left out of these figures: {counted(late, 'vote')} given or changed after the "
        "votes and the reference were shown."
    )


def _rounds_words(
    moved: list[AnswerCalibration], compared: list[AnswerCalibration], shown: int
) -> str:
    """How the panel moved on the answers voted on again, the later rounds' agreement apart.

    The figures above count the first round alone (calibration measures
    independent judgement; found by a trainer: re-voting after seeing the
    reference raised agreement to 100%). Both rounds' figures are over the same
    answers, ``compared``: those whose last round is shown with a counted vote in
    each round (first-round figures over two answers beside last-round figures over
    one read as a rise: found by a tester). Of the ``shown`` last rounds, those left
    out for want of a counted vote are said (a tester: one shown with nobody voting).
    """
    if not moved:
        return "No answer was voted on again."
    said = (
        f"{counted(len(moved), 'answer')} voted on again after discussion. The figures above "
        "count each trainee's first vote, given before the reference was shown."
    )
    empty = shown - len(compared)
    if not compared:
        why = (
            "answer shown has counted votes in both rounds" if empty else "last round is shown yet"
        )
        return f"{said} No {why}, so there is nothing to compare."
    closer = sum(
        a.last.agreeing * a.first.counted > a.first.agreeing * a.last.counted for a in compared
    )
    over = (
        "these answers"
        if len(compared) == len(moved)
        else f"the {counted(len(compared), 'answer')} whose last round is shown"
        + (
            f" (left out: {counted(empty, 'answer')} with a round of no counted votes)"
            * bool(empty)
        )
    )
    return (
        f"{said} Over {over}, agreement with the reference was "
        f"{_agreement([a.first for a in compared])} in the first round and "
        f"{_agreement([a.last for a in compared])} in the last, after discussion (not counted "
        f"above); on {closer} of them the panel's last round was closer to the reference "
        "than its first."
    )


def _agreement(rounds: list[RoundVotes]) -> str:
    """The share of the rounds' counted votes equal to the reference, e.g. ``"33.3%"``."""
    votes = sum(r.counted for r in rounds)
    return percent(sum(r.agreeing for r in rounds) / votes if votes else None, none="no votes")


def build_calibration(
    session: Session, options: ExportOptions, rehearsals: Sequence[Session] = ()
) -> CalibrationView:
    """The calibration report of a practice session (already anonymised when asked).

    Args:
        session: a practice session.
        options: what the copy may show.
        rehearsals: other practice sessions, for each trainee's progress.
    """
    calibration = calibrate(session)
    histories = {}
    if not options.anonymise and not options.totals_only:  # trainees are matched by name
        others = [s for s in rehearsals if s.id != session.id]
        histories = progress_of([m.name for m in calibration.members], [*others, session])
    trainees = (
        []
        if options.totals_only
        else [_trainee(session, m, histories.get(m.name, []), options) for m in calibration.members]
    )
    sealed, symbols = options.sealed_left_out, options.vote_symbols
    waiting = [(a, _waiting(session, a, sealed)) for a in calibration.moved]
    shown = [a for a, words in waiting if words is None]
    compared = [a for a in shown if a.first.counted and a.last.counted]
    return CalibrationView(
        banner=PRACTICE_BANNER,
        note=PRACTICE_NOTE,
        figures=panel_figures(calibration),
        left_out=_left_out(calibration.late),
        ac1_note=AC1_NOTE,
        trainees=trainees,
        # A flagged answer's rounds show only where it is listed as moved.
        flagged=[_answer_view(session, a, symbols, None) for a in calibration.flagged],
        moved=[_answer_view(session, a, symbols, words) for a, words in waiting],
        rounds_words=_rounds_words(calibration.moved, compared, len(shown)),
    )
