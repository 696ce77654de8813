"""Scoring, exactly as PRODUCT.md section 4 says, as pure functions of a session.

Every screen and every export reads its figures from :func:`score_session`, so
they always agree.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from panel_tui.domain import agreement
from panel_tui.domain.after_reveal import AfterReveal, after_reveal
from panel_tui.domain.method import method_statement
from panel_tui.domain.models import (
    VOTE_VALUES,
    Session,
    VoteValue,
    Weighting,
)
from panel_tui.domain.reveals import EarlyReveal, early_reveals
from panel_tui.domain.words import TIE_TOLERANCE, below_half, figure

VALUE: dict[str, float] = {"up": 1.0, "middle": 0.5, "down": 0.0}


@dataclass(frozen=True)
class Tally:
    """Counts of each vote value."""

    up: int = 0
    middle: int = 0
    down: int = 0
    abstain: int = 0

    @classmethod
    def of(cls, values: Iterable[str]) -> Tally:
        """Count the values given."""
        counts = Counter(values)
        return cls(**{v: counts[v] for v in VOTE_VALUES})

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.up + other.up,
            self.middle + other.middle,
            self.down + other.down,
            self.abstain + other.abstain,
        )

    def count(self, value: VoteValue) -> int:
        """How many votes of one value."""
        counts = {"up": self.up, "middle": self.middle, "down": self.down, "abstain": self.abstain}
        return counts[value]

    def words(self, values: Sequence[VoteValue] = VOTE_VALUES) -> str:
        """Each value's count in words, e.g. ``"2 up, 1 middle, 0 down, 0 abstained"``.

        Words alone: beside a count, symbols read as sums in plain ASCII ("1 + Up, 0 - Down").
        """
        said = {"up": "up", "middle": "middle", "down": "down", "abstain": "abstained"}
        return ", ".join(f"{self.count(value)} {said[value]}" for value in values)

    @property
    def counted(self) -> int:
        """How many votes count towards a score (abstentions do not)."""
        return self.up + self.middle + self.down


@dataclass(frozen=True)
class QuestionResult:
    """The figures of one candidate's answer to one question."""

    question: str
    votes: Mapping[str, VoteValue]  # member id -> value, the votes that stand
    tally: Tally
    score: float | None
    lived_experience_mean: float | None
    professional_mean: float | None
    split: bool
    concern: bool
    #: what the members did after the votes were shown (undos included), and which
    #: votes that stand were given after: every summary and CSV reads this one story
    after_reveal: AfterReveal

    @property
    def after_reveal_count(self) -> int:
        """How many of the votes that stand were given after the votes were shown.

        Each member once, as the votes csv has one row for them (found by an HR
        officer: an undo then a new vote counted as two changes, beside one row);
        a change the chair undid is not counted, as the vote given before stands
        (found by a tester: 1 counted for a change undone).
        """
        return len(self.after_reveal.late)

    @property
    def voice_gap(self) -> float | None:
        """Lived-experience mean minus professional mean, when both exist."""
        return _gap(self.lived_experience_mean, self.professional_mean)


@dataclass(frozen=True)
class CandidateResult:
    """The figures of one candidate.

    Each group's own score is over the questions that group scored; the voice
    gap compares the two groups over the questions both scored, so it is not
    the difference of the two scores when one group scored more questions.
    """

    candidate: str
    questions: list[QuestionResult]
    score: float | None
    rank: int | None
    tally: Tally
    lived_experience_score: float | None  #: over the questions that group scored
    professional_score: float | None  #: over the questions that group scored
    #: lived-experience minus professional, over the questions both scored
    voice_gap: float | None = None
    #: each group's score over the questions both scored: what the voice gap compares
    shared_scores: tuple[float, float] | None = None
    #: the candidate was scored on fewer questions than another candidate
    fewer_questions: bool = False

    @property
    def score_pct(self) -> str:
        """The score as a percentage with one decimal, or an empty string."""
        return figure(self.score)

    @property
    def scored(self) -> int:
        """How many questions the score stands on."""
        return sum(q.score is not None for q in self.questions)

    @property
    def lived_experience_scored(self) -> int:
        """How many questions the lived-experience members scored."""
        return sum(q.lived_experience_mean is not None for q in self.questions)

    @property
    def professional_scored(self) -> int:
        """How many questions the professionals scored."""
        return sum(q.professional_mean is not None for q in self.questions)

    @property
    def gap_scored(self) -> int:
        """How many questions both groups scored: what the voice gap stands on."""
        return sum(q.voice_gap is not None for q in self.questions)

    @property
    def splits(self) -> list[str]:
        """The questions flagged for discussion."""
        return [q.question for q in self.questions if q.split]

    @property
    def concerns(self) -> list[str]:
        """The essential questions scored below one half."""
        return [q.question for q in self.questions if q.concern]


@dataclass(frozen=True)
class PracticeResult:
    """Practice only: how the panel compares with the reference and each other."""

    reference_agreement: dict[str, float | None]  # member id -> share
    fleiss_kappa: float | None


@dataclass(frozen=True)
class Results:
    """Every figure of a session; ``ranking`` is in rank order."""

    method: str
    ranking: list[CandidateResult]
    practice: PracticeResult | None = None
    #: answers shown before every voting member had voted, in the order shown
    early_reveals: list[EarlyReveal] = dataclasses.field(default_factory=list)

    @property
    def by_candidate(self) -> dict[str, CandidateResult]:
        """The results by candidate id."""
        return {r.candidate: r for r in self.ranking}


def _exact(number: float) -> Fraction:
    """A number as written (``0.1`` is one tenth), for sums that are exact."""
    return Fraction(repr(number))


def _mean(values: list[float]) -> float | None:
    return float(sum(map(_exact, values)) / len(values)) if values else None


def _gap(lived: float | None, professional: float | None) -> float | None:
    return None if lived is None or professional is None else lived - professional


def combine(
    lived: float | None, professional: float | None, weighting: Weighting, share: float
) -> float | None:
    """Combine the two groups' means by a group rule; one group alone stands."""
    if lived is None:
        return professional
    if professional is None:
        return lived
    le_share = Fraction(1, 2) if weighting == "equal_groups" else _exact(share)
    return float(le_share * _exact(lived) + (1 - le_share) * _exact(professional))


def score_question(session: Session, candidate: str, question: str) -> QuestionResult:
    """The figures of one answer."""
    current = session.current_votes(candidate, question)
    votes = {member: vote.value for member, vote in current.items() if vote.value is not None}
    roles = {m.id: m.role for m in session.panel}
    counted = [(roles[m], VALUE[v]) for m, v in votes.items() if v in VALUE]
    lived = _mean([x for role, x in counted if role == "lived_experience"])
    professional = _mean([x for role, x in counted if role == "professional"])
    settings = session.settings
    if settings.weighting == "per_person":
        score = _mean([x for _, x in counted])
    else:
        score = combine(lived, professional, settings.weighting, settings.lived_experience_share)
    values = set(votes.values())
    essential = session.bank.question(question).essential
    return QuestionResult(
        question=question,
        votes=votes,
        tally=Tally.of(votes.values()),
        score=score,
        lived_experience_mean=lived,
        professional_mean=professional,
        split="up" in values and "down" in values,
        # A rehearsal hires nobody: a low essential answer is a sample answer the
        # trainees may rightly rate down, not a worry (found by a trainer).
        concern=essential
        and session.mode != "practice"
        and score is not None
        and below_half(score),
        after_reveal=after_reveal(session, candidate, question),
    )


def weighted_mean(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """The mean of the values weighted by their weights, over the values there are (``None``
    when there are none): a candidate's score from its questions' weights and scores."""
    # Exact sums: tiny or uneven weights never round a score away (to 0.0% or past a tie).
    scored = [(_exact(weight), _exact(value)) for weight, value in pairs if value is not None]
    total = sum(weight for weight, _ in scored)
    return float(sum(weight * value for weight, value in scored) / total) if scored else None


def score_candidate(session: Session, candidate: str) -> CandidateResult:
    """The figures of one candidate, with no rank yet."""
    # Their own votes only: each answer then reads a candidate's votes, not the
    # whole log, so scoring a session grows with its votes, not votes x answers.
    own = session.model_copy(
        update={"votes": [v for v in session.votes if v.candidate == candidate]}
    )
    questions = [score_question(own, candidate, q.id) for q in session.bank.questions]
    weighted = list(zip((q.weight for q in session.bank.questions), questions, strict=True))
    both = [(w, r) for w, r in weighted if r.voice_gap is not None]
    tally = Tally()
    for result in questions:
        tally = tally + result.tally
    lived_both = weighted_mean([(w, r.lived_experience_mean) for w, r in both])
    professional_both = weighted_mean([(w, r.professional_mean) for w, r in both])
    shared = None
    if lived_both is not None and professional_both is not None:
        shared = (lived_both, professional_both)
    return CandidateResult(
        candidate=candidate,
        questions=questions,
        score=weighted_mean([(w, r.score) for w, r in weighted]),
        rank=None,
        tally=tally,
        lived_experience_score=weighted_mean([(w, r.lived_experience_mean) for w, r in weighted]),
        professional_score=weighted_mean([(w, r.professional_mean) for w, r in weighted]),
        voice_gap=_gap(lived_both, professional_both),
        shared_scores=shared,
    )


def flag_fewer_questions(results: list[CandidateResult]) -> list[CandidateResult]:
    """Flag each scored candidate whose score stands on fewer questions than another's."""
    most = max((r.scored for r in results), default=0)
    return [
        dataclasses.replace(r, fewer_questions=r.score is not None and r.scored < most)
        for r in results
    ]


def rank(results: list[CandidateResult], labels: dict[str, str]) -> list[CandidateResult]:
    """Order by score, highest first; equal scores share a rank (1, 2, 2, 4).

    Equal scores are listed by name; a candidate with no score has no rank and
    comes last.
    """
    scored = sorted((r for r in results if r.score is not None), key=lambda r: -(r.score or 0.0))
    ranked: list[CandidateResult] = []
    position = 0
    while position < len(scored):
        # Scores equal before rounding (within the tolerance) share the rank.
        top = scored[position].score or 0.0
        group = [r for r in scored[position:] if top - (r.score or 0.0) <= TIE_TOLERANCE]
        group.sort(key=lambda r: (labels[r.candidate].casefold(), r.candidate))
        ranked.extend(dataclasses.replace(r, rank=position + 1) for r in group)
        position += len(group)
    unscored = sorted(
        (r for r in results if r.score is None),
        key=lambda r: (labels[r.candidate].casefold(), r.candidate),
    )
    return ranked + unscored


def as_listed(session: Session, results: Results) -> list[CandidateResult]:
    """The candidates as the records list them: in rank order; a rehearsal's as interviewed.

    A rehearsal ranks nobody (found by a trainer): its mock candidates are listed
    in the order interviewed, with no rank, on the summary and in every file.
    """
    if session.decides:
        return results.ranking
    by_candidate = results.by_candidate
    return [dataclasses.replace(by_candidate[c.id], rank=None) for c in session.candidates]


def fleiss_kappa(items: Sequence[Sequence[str]]) -> float | None:
    """Fleiss' kappa over items rated up, middle or down by varying numbers of raters.

    Items with fewer than two ratings are left out. ``None`` when there is
    nothing to compare or everyone used one category (chance agreement is 1).
    See :func:`panel_tui.domain.agreement.fleiss_kappa`.
    """
    counts = [Counter(item) for item in items]
    return agreement.fleiss_kappa([[c[k] for k in VALUE] for c in counts])


def score_practice(session: Session) -> PracticeResult:
    """Reference agreement per member and Fleiss' kappa for the panel.

    The figures are the calibration report's (the first round of each answer),
    so the summary, the report and the json never disagree.
    """
    # Imported here: calibration builds on this module's values and tallies.
    from panel_tui.domain.calibration import calibrate

    figures = calibrate(session)
    shares = {m.member: m.agreement for m in figures.members}
    return PracticeResult(shares, figures.panel.fleiss_kappa)


def score_session(session: Session) -> Results:
    """Every figure of a session."""
    results = flag_fewer_questions([score_candidate(session, c.id) for c in session.candidates])
    labels = {c.id: c.label for c in session.candidates}
    ranking = rank(results, labels)
    return Results(
        method=method_statement(session),
        ranking=ranking,
        practice=score_practice(session) if session.mode == "practice" else None,
        early_reveals=early_reveals(session),
    )
