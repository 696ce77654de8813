"""The content of the panel summary, in words, shared by the Markdown and HTML formats.

:func:`build_report` turns a session and its figures (always from
:func:`panel_tui.domain.scoring.score_session`) into plain values the two
templates lay out, so the Markdown and the HTML summaries hold the same content.
Nothing here is markup: the templates escape every value.

With ``totals_only`` the report holds no vote of any one member: the grid of
questions by member becomes a tally per question, changes after the reveal are
only counted, a practice round's agreement per member is left out, and a voice
gap is left out wherever a group has a single voice (it would be that member's
own vote).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from panel_tui.domain.exports.anonymise import seat_label
from panel_tui.domain.exports.calibration_report import CalibrationView, build_calibration
from panel_tui.domain.exports.early import EarlyRevealView, early_reveal_views
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.privacy import lone_group, single_voice
from panel_tui.domain.models import Member, Session, VoteEvent, VoteValue
from panel_tui.domain.scoring import CandidateResult, QuestionResult, Results, Tally
from panel_tui.domain.words import (
    ASCII_VOTE_SYMBOLS,
    OUTCOME_WORDS,
    ROLE_WORDS,
    VOTE_SYMBOLS,
    VOTE_WORDS,
    counted,
    gap_base,
    gap_words,
    on_questions,
    percent,
    question_tags,
    sealed_words,
    vote_text,
)

NO_DECISION = "No decision recorded"


@dataclass(frozen=True)
class Mark:
    """One member's vote in the grid, as symbol and word."""

    value: str  #: up, middle, down, abstain or none: a style name
    symbol: str  #: e.g. "▲"; empty for no vote
    word: str  #: e.g. "Up", or "No vote"
    changed: bool  #: given (a first vote or a change) after the votes were shown

    @property
    def text(self) -> str:
        """Symbol and word, e.g. ``"▲ Up"``."""
        return f"{self.symbol} {self.word}".strip()


@dataclass(frozen=True)
class Seat:
    """A panel member as the summary shows them."""

    seat: int
    name: str | None  #: ``None`` when anonymised
    pronouns: str | None
    role: str  #: in words

    @property
    def label(self) -> str:
        """``"Seat 1"``, or ``"Seat 1, Sam Okafor"`` when names are shown."""
        return seat_label(self.seat) + (f", {self.name}" if self.name else "")


@dataclass(frozen=True)
class Segment:
    """One part of a vote bar: its share of the counted votes."""

    value: str  #: up, middle or down
    count: int
    x: float  #: where it starts, 0 to 100
    width: float  #: its share, 0 to 100
    words: str  #: e.g. "7 up"


@dataclass(frozen=True)
class Bar:
    """The up, middle and down votes of a candidate as one bar."""

    segments: list[Segment]
    words: str  #: e.g. "7 up, 3 middle, 2 down"


@dataclass(frozen=True)
class QuestionView:
    """One question of one candidate."""

    number: int
    text: str
    tags: str  #: e.g. "essential, counts 2 times"; empty for a plain question
    reference: str | None  #: practice: the sample answer's reference rating
    marks: list[Mark]  #: one per voting member; empty when totals only
    tally: Tally
    score: str
    split: bool
    concern: bool
    voice_gap: str
    notes: list[str]
    changes: list[str]  #: votes given after the reveal, in words

    @property
    def flags(self) -> list[str]:
        """The flags in words, for a table cell."""
        return (["Split"] if self.split else []) + (["Concern"] if self.concern else [])


@dataclass(frozen=True)
class CandidateView:
    """Everything the summary shows of one candidate."""

    rank: int | None
    code: str
    name: str | None
    score: str
    tally: Tally
    bar: Bar
    splits: list[str]  #: "Question 2: ..." for each split question
    concerns: list[str]
    voice_gap: str
    decision: str
    reason: str
    questions: list[QuestionView]
    scored_on: str  #: e.g. "on 3 of 6 questions"; empty with no score
    fewer_questions: bool  #: scored on fewer questions than another candidate
    group_scores: list[tuple[str, str]]  #: (group, "75.0% on 3 of 3 questions")
    notes: list[str]  #: notes on the candidate as a whole
    changes: int  #: how many votes were given after the reveal

    @property
    def heading(self) -> str:
        """``"C1: Alex Morgan"``, or the code alone."""
        return f"{self.code}: {self.name}" if self.name else self.code

    @property
    def rank_words(self) -> str:
        """``"1"``, or ``"Not ranked"`` for a candidate with no score."""
        return "Not ranked" if self.rank is None else str(self.rank)


@dataclass(frozen=True)
class Report:
    """The whole panel summary, in words."""

    title: str
    date: str
    bank_title: str
    bank_role: str | None
    status: str
    method: str
    anonymised: bool
    totals_only: bool
    panel: list[Seat]
    voters: list[Seat]
    make_up: str
    candidates: list[CandidateView]
    practice: bool = False
    #: Practice only: the calibration report, shown first.
    calibration: CalibrationView | None = None
    early_reveals: list[EarlyRevealView] = field(default_factory=list)
    sealed: bool = True  #: whether votes were sealed (else early reveals mean nothing)
    notes_left_out: bool = False
    #: The mark of each vote: symbols, or ASCII marks with ``ascii_only``.
    symbols: dict[VoteValue, str] = field(default_factory=lambda: dict(VOTE_SYMBOLS))

    @property
    def copy_words(self) -> str:
        """What this copy holds, for the header."""
        names = (
            "Anonymised: members are shown by seat and candidates by code."
            if self.anonymised
            else "Names shown."
        )
        votes = (
            "Totals only: no individual member's vote is shown."
            if self.totals_only
            else "Every member's vote shown."
        )
        notes = ""
        if self.notes_left_out:
            notes = " Notes and reasons are left out."
        elif self.anonymised:
            notes = (
                " Notes and reasons are not anonymised: they are free text, shown as the"
                " panel wrote them, and may name people."
            )
        return f"{names} {votes}{notes}"


def _make_up(panel: list[Member]) -> str:
    lived = sum(m.role == "lived_experience" for m in panel)
    professional = sum(m.role == "professional" for m in panel)
    observers = sum(m.role == "observer" for m in panel)

    text = (
        f"{counted(lived + professional, 'voting member')}: "
        f"{counted(lived, 'with lived experience', 'with lived experience')} and "
        f"{counted(professional, 'professional')}"
    )
    if observers:
        text += f", and {counted(observers, 'observer')} who took notes"
    return text + "."


def _bar(tally: Tally) -> Bar:
    parts = [("up", tally.up), ("middle", tally.middle), ("down", tally.down)]
    total = tally.counted
    segments = []
    x = 0.0
    for value, count in parts:
        width = 100.0 * count / total if total else 0.0
        segments.append(Segment(value, count, round(x, 2), round(width, 2), f"{count} {value}"))
        x += width
    words = ", ".join(s.words for s in segments)
    return Bar(segments, words if total else "no counted votes yet")


def _previous_values(session: Session) -> dict[int, VoteValue | None]:
    """For each vote event (by identity), the value it replaced."""
    current: dict[tuple[str, str, str], VoteValue | None] = {}
    previous: dict[int, VoteValue | None] = {}
    for vote in session.votes:
        key = (vote.candidate, vote.question, vote.member)
        previous[id(vote)] = current.get(key)
        current[key] = vote.value
    return previous


def symbols_for(options: ExportOptions) -> dict[VoteValue, str]:
    """The marks of the votes in a text export: ASCII ones with ``ascii_only``."""
    return ASCII_VOTE_SYMBOLS if options.ascii_only else VOTE_SYMBOLS


def _change_words(
    event: VoteEvent,
    before: VoteValue | None,
    seats: dict[str, Seat],
    symbols: dict[VoteValue, str],
) -> str:
    who = seats[event.member].label
    if event.value is None:
        return (
            f"{who} withdrew their vote ({vote_text(before, symbols)}) after the votes were shown."
        )
    if before is None:
        return f"{who} voted {vote_text(event.value, symbols)} after the votes were shown."
    return (
        f"{who} changed from {vote_text(before, symbols)} to {vote_text(event.value, symbols)} "
        "after the votes were shown."
    )


def _question_view(
    session: Session,
    candidate: str,
    number: int,
    result: QuestionResult,
    seats: dict[str, Seat],
    previous: dict[int, VoteValue | None],
    options: ExportOptions,
) -> QuestionView:
    question = session.bank.question(result.question)
    symbols = symbols_for(options)
    marks = []
    changes: list[str]
    if options.totals_only:
        count = len(result.changed_after_reveal)
        changes = (
            [
                f"{counted(count, 'vote')} {'was' if count == 1 else 'were'} given "
                "after the votes were shown."
            ]
            if count
            else []
        )
        hide_gap = single_voice(session, result)
    else:
        for member in session.voting_members:
            value = result.votes.get(member.id)
            marks.append(
                Mark(
                    value=value or "none",
                    symbol=symbols[value] if value else "",
                    word=VOTE_WORDS[value] if value else "No vote",
                    changed=member.id in result.changed,
                )
            )
        changes = [
            _change_words(e, previous[id(e)], seats, symbols) for e in result.changed_after_reveal
        ]
        hide_gap = False
    sample = session.sample_answer(candidate, result.question)
    return QuestionView(
        number=number,
        text=question.text,
        tags=question_tags(question),
        reference=vote_text(sample.rating, symbols) if sample else None,
        marks=marks,
        tally=result.tally,
        score=percent(result.score),
        split=result.split,
        concern=result.concern,
        voice_gap="Not shown (one voice in a group)"
        if hide_gap
        else gap_words(result.voice_gap, short=True),
        notes=[n.text for n in session.notes_on(candidate, result.question)],
        changes=changes,
    )


def _candidate_view(
    session: Session,
    result: CandidateResult,
    seats: dict[str, Seat],
    previous: dict[int, VoteValue | None],
    options: ExportOptions,
) -> CandidateView:
    candidate = session.candidate(result.candidate)
    questions = [
        _question_view(session, candidate.id, n, q, seats, previous, options)
        for n, q in enumerate(result.questions, start=1)
    ]
    decision = session.decision(candidate.id)
    voice_gap = (
        "Not shown in a totals-only summary: a group with one member would show that "
        "member's own votes."
        if options.totals_only and lone_group(session)
        else _gap_with_base(result)
    )
    total = len(result.questions)
    group_scores = [
        (
            "Lived-experience members",
            _group_score(result.lived_experience_score, result.lived_experience_scored, total),
        ),
        (
            "Professionals",
            _group_score(result.professional_score, result.professional_scored, total),
        ),
    ]
    return CandidateView(
        rank=result.rank,
        code=candidate.code,
        name=candidate.name,
        score=percent(result.score, none="No score yet"),
        tally=result.tally,
        bar=_bar(result.tally),
        splits=[f"Question {q.number}: {q.text}" for q in questions if q.split],
        concerns=[f"Question {q.number}: {q.text}" for q in questions if q.concern],
        voice_gap=voice_gap,
        decision=OUTCOME_WORDS[decision.outcome] if decision else NO_DECISION,
        reason=decision.reason if decision else "",
        questions=questions,
        notes=[n.text for n in session.notes_on(candidate.id, None)],
        changes=sum(len(q.changed_after_reveal) for q in result.questions),
        scored_on=on_questions(result.scored, total) if result.score is not None else "",
        fewer_questions=result.fewer_questions,
        group_scores=[] if options.totals_only and lone_group(session) else group_scores,
    )


def _group_score(score: float | None, scored: int, total: int) -> str:
    if score is None:
        return "No votes from this group"
    return f"{percent(score)} {on_questions(scored, total)}"


def _gap_with_base(result: CandidateResult) -> str:
    """The voice gap in words, with the questions it stands on."""
    if result.voice_gap is None:
        return gap_words(None)
    single = [q.voice_gap for q in result.questions]
    words = gap_words(result.voice_gap, single=single)
    return f"{words} {gap_base(result.gap_scored, len(result.questions))}"


def _status(session: Session, sealed: int) -> str:
    """Practice or live, finished or open, and how many answers still sealed it leaves out."""
    kind = (
        "Practice round, not a recruitment decision"
        if session.mode == "practice"
        else "Live interviews"
    )
    if session.finished:
        status = f"{kind}, finished."
    else:
        status = f"{kind}, still open: votes may still change."
    return f"{status} {sealed_words(sealed)}" if sealed else status


def build_report(session: Session, results: Results, options: ExportOptions) -> Report:
    """The summary of a session (already anonymised when asked) and its figures."""
    seats = {
        m.id: Seat(
            seat=m.seat,
            name=None if options.anonymise else m.name,
            pronouns=None if options.anonymise else m.pronouns,
            role=ROLE_WORDS[m.role],
        )
        for m in session.panel
    }
    previous = _previous_values(session)
    practice = session.mode == "practice"
    created = session.created
    return Report(
        title=session.title,
        date=f"{created.day} {created:%B %Y}",
        bank_title=session.bank.title,
        bank_role=session.bank.role,
        status=_status(session, len(options.sealed_left_out)),
        method=results.method,
        anonymised=options.anonymise,
        totals_only=options.totals_only,
        panel=sorted(seats.values(), key=lambda s: s.seat),
        voters=[seats[m.id] for m in session.voting_members],
        make_up=_make_up(session.panel),
        candidates=[_candidate_view(session, r, seats, previous, options) for r in results.ranking],
        practice=practice,
        calibration=build_calibration(session, options, options.rehearsals) if practice else None,
        early_reveals=early_reveal_views(session, results, seats, options),
        sealed=session.settings.sealed,
        notes_left_out=options.leaves_out_notes,
        symbols=symbols_for(options),
    )
