"""How a practice panel's thumbs compare with the reference ratings and each other.

:func:`calibrate` reads a practice session (its votes that count: each
member's vote in the first round of each answer) and gives, for each member,
their agreement with the reference rating (the share of their votes equal to
it), their lean (the mean of vote minus reference, on down 0 / middle 0.5 / up
1: above 0 is more generous than the reference, below 0 harsher) and how many
answers that rests on; for the panel, percent agreement, Fleiss' kappa with the Landis and Koch
words, and Gwet's AC1 (see :mod:`.agreement`); and every answer with its rounds,
so the report can show where the panel split, missed the reference, or moved
between rounds. :func:`progress` follows one trainee, by name, over rehearsals.

Abstentions are left out of every figure, as in scoring. So is a vote given
or changed after the votes of its round were shown, with the reference beside
them (an early reveal, a change in discussion, or a slip put right): it may
match what the member had just seen (found by a tester: trainees who voted
after an early reveal agreed 100%). The score still counts every vote that
stands. Calibration measures independent judgement, so an answer voted on again
(Ctrl+G, once the votes and the reference were shown) counts its first round
alone: the later rounds followed a discussion of the reference (found by a
trainer: re-voting after seeing the answer raised agreement to 100%). The report
gives the later round's agreement apart, labelled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from panel_tui.domain import agreement
from panel_tui.domain.after_reveal import standing_in_round
from panel_tui.domain.models import Rating, Session, VoteValue
from panel_tui.domain.scoring import VALUE, Tally
from panel_tui.domain.text import compared
from panel_tui.domain.words import rounded


@dataclass(frozen=True)
class RoundVotes:
    """One round of votes on an answer."""

    number: int
    votes: Mapping[str, VoteValue]  #: member id -> their vote, given before the reveal
    tally: Tally
    agreeing: int  #: counted votes equal to the reference
    late: frozenset[str] = frozenset()  #: members whose vote was given or changed after it

    @property
    def counted(self) -> int:
        """Votes that count (abstentions left out)."""
        return self.tally.counted


@dataclass(frozen=True)
class AnswerCalibration:
    """One mock candidate's sample answer to one question, with every round."""

    candidate: str
    question: str
    number: int  #: the question's number in the bank
    reference: Rating
    why: str | None
    rounds: list[RoundVotes]  #: oldest first; the first is the one that counts

    @property
    def first(self) -> RoundVotes:
        """The round that counts: the first, voted before the reference was shown."""
        return self.rounds[0]

    @property
    def last(self) -> RoundVotes:
        """The latest round, after discussion when the answer was voted on again."""
        return self.rounds[-1]

    @property
    def split(self) -> bool:
        """Both up and down in the round that counts."""
        return self.first.tally.up > 0 and self.first.tally.down > 0

    @property
    def missed(self) -> bool:
        """Fewer than half of the counted votes matched the reference (in the round that counts)."""
        return self.first.counted > 0 and 2 * self.first.agreeing < self.first.counted

    @property
    def moved(self) -> bool:
        """Voted on again in more than one round."""
        return len(self.rounds) > 1


@dataclass(frozen=True)
class MemberCalibration:
    """One member's figures against the reference."""

    member: str
    name: str
    seat: int
    agreement: float | None  #: share of counted votes equal to the reference
    lean: float | None  #: mean of vote minus reference; above 0 is more generous
    answers: int  #: how many answers the figures rest on
    away: list[tuple[AnswerCalibration, VoteValue]]  #: answers voted away from the reference
    late: int = 0  #: answers whose vote was given or changed after the reference was shown
    #: answers this member voted on again, whose first-round vote is the one counted
    voted_again: int = 0


#: Fleiss' kappa's words when every vote was the same rating: plain, never discouraging
#: (it said "chance explains it all", found by a tester); every format says these.
KAPPA_ALL_SAME = "Not worked out when every vote is the same rating"


@dataclass(frozen=True)
class PanelCalibration:
    """The panel's figures as a whole."""

    answers: int  #: answers with at least two counted votes
    reference_agreement: float | None  #: share of all counted votes equal to the reference
    percent_agreement: float | None  #: each answer's share of agreeing pairs, averaged
    fleiss_kappa: float | None
    gwet_ac1: float | None

    @property
    def kappa_words(self) -> str:
        """Landis and Koch's words for the kappa as shown (two decimals); :data:`KAPPA_ALL_SAME`
        when every vote was the same rating; empty with too few votes.

        A kappa of -0.002 shows as 0.00, which their table calls slight: "0.00
        (poor)" read as a mistake (found by a tester).
        """
        if self.fleiss_kappa is None:
            # Pairs of votes, yet no kappa: every vote was one rating (chance agreement is 1).
            return "" if self.percent_agreement is None else KAPPA_ALL_SAME
        return agreement.landis_koch(float(rounded(self.fleiss_kappa, 2)))


@dataclass(frozen=True)
class Calibration:
    """Every calibration figure of a practice session."""

    members: list[MemberCalibration]
    panel: PanelCalibration
    answers: list[AnswerCalibration]  #: every answer with a reference and votes

    @property
    def late(self) -> int:
        """First-round votes given or changed after the reference was shown, left out of
        every figure (a later round is never counted)."""
        return sum(len(a.first.late) for a in self.answers)

    @property
    def flagged(self) -> list[AnswerCalibration]:
        """The answers where the panel split or missed the reference."""
        return [a for a in self.answers if a.split or a.missed]

    @property
    def moved(self) -> list[AnswerCalibration]:
        """The answers voted on in more than one round."""
        return [a for a in self.answers if a.moved]


def _round(
    session: Session, candidate: str, question: str, number: int, reference: Rating
) -> RoundVotes:
    """One round's standing votes given before the reveal; those given after are only counted.

    Whether a vote was given after the reveal is read as every summary reads it
    (:mod:`after_reveal`): a vote withdrawn and given again unchanged keeps the mark
    of the vote it stands for (found by a review).
    """
    standing = standing_in_round(session, candidate, question, number)
    votes = {m: v.value for m, v in standing.items() if not v.after_reveal}
    return RoundVotes(
        number=number,
        votes=votes,
        tally=Tally.of(votes.values()),
        agreeing=sum(value == reference for value in votes.values()),
        late=frozenset(m for m, v in standing.items() if v.after_reveal),
    )


def answers(session: Session) -> list[AnswerCalibration]:
    """Every answer with a reference rating and a vote in some round, in interview order."""
    found = []
    for candidate in session.candidates:
        for number, question in enumerate(session.bank.questions, start=1):
            sample = session.sample_answer(candidate.id, question.id)
            if sample is None:
                continue
            last = session.round_of(candidate.id, question.id)
            rounds = [
                _round(session, candidate.id, question.id, n, sample.rating)
                for n in range(1, last + 1)
            ]
            if not any(r.votes or r.late for r in rounds):
                continue
            found.append(
                AnswerCalibration(
                    candidate=candidate.id,
                    question=question.id,
                    number=number,
                    reference=sample.rating,
                    why=sample.why,
                    rounds=rounds,
                )
            )
    return found


def member_figures(
    pairs: Iterable[tuple[VoteValue, Rating]],
) -> tuple[float | None, float | None, int]:
    """Agreement, lean and count of (vote, reference) pairs; abstentions left out."""
    counted = [(vote, reference) for vote, reference in pairs if vote in VALUE]
    if not counted:
        return None, None, 0
    agree = sum(vote == reference for vote, reference in counted) / len(counted)
    lean = sum(VALUE[vote] - VALUE[reference] for vote, reference in counted) / len(counted)
    return agree, lean, len(counted)


def count_table(rounds: Iterable[RoundVotes]) -> list[list[int]]:
    """A row per answer, a column per rating (up, middle, down), as the statistics take."""
    return [[r.tally.up, r.tally.middle, r.tally.down] for r in rounds]


def _voted_later(answer: AnswerCalibration, member: str) -> bool:
    """Whether the member voted on the answer again, in a round after the first."""
    return any(member in r.votes or member in r.late for r in answer.rounds[1:])


def calibrate(session: Session) -> Calibration:
    """The calibration figures of a practice session (the first round of each answer)."""
    found = answers(session)
    members = []
    for member in session.voting_members:
        mine = [(a, v) for a in found if (v := a.first.votes.get(member.id)) is not None]
        pairs = [(v, a.reference) for a, v in mine]
        agree, lean, count = member_figures(pairs)
        away = [(a, v) for a, v in mine if v in VALUE and v != a.reference]
        members.append(
            MemberCalibration(
                member=member.id,
                name=member.name,
                seat=member.seat,
                agreement=agree,
                lean=lean,
                answers=count,
                away=away,
                late=sum(member.id in a.first.late for a in found),
                voted_again=sum(v in VALUE and _voted_later(a, member.id) for a, v in mine),
            )
        )
    table = count_table(a.first for a in found)
    counted = sum(a.first.counted for a in found)
    return Calibration(
        members=members,
        panel=PanelCalibration(
            answers=sum(a.first.counted >= 2 for a in found),
            reference_agreement=sum(a.first.agreeing for a in found) / counted if counted else None,
            percent_agreement=agreement.percent_agreement(table),
            fleiss_kappa=agreement.fleiss_kappa(table),
            gwet_ac1=agreement.gwet_ac1(table),
        ),
        answers=found,
    )


# -------------------------------------------------------------------- rehearsals


@dataclass(frozen=True)
class Rehearsal:
    """One trainee's figures in one practice session."""

    session: str
    title: str
    created: datetime
    agreement: float | None
    lean: float | None
    answers: int


def _key(name: str) -> str:
    return " ".join(compared(name).split())


def progress_of(names: Iterable[str], sessions: Iterable[Session]) -> dict[str, list[Rehearsal]]:
    """Each named trainee's rehearsals, first to last, by name as given.

    Each practice session is worked out once, however many trainees there are.
    """
    wanted = {_key(name): name for name in names}
    found: dict[str, list[Rehearsal]] = {name: [] for name in wanted.values()}
    for session in sorted(sessions, key=lambda s: (s.created, s.id)):
        if session.mode != "practice":
            continue
        seen: set[str] = set()
        # As the room may see it: a rehearsal's votes still sealed count nowhere yet.
        for figures in calibrate(session.as_shown()).members:
            key = _key(figures.name)
            if key not in wanted or key in seen or not figures.answers:
                continue
            seen.add(key)  # two members of one name in one round: the first seat counts
            found[wanted[key]].append(
                Rehearsal(
                    session=session.id,
                    title=session.title,
                    created=session.created,
                    agreement=figures.agreement,
                    lean=figures.lean,
                    answers=figures.answers,
                )
            )
    return found


def progress(name: str, sessions: Iterable[Session]) -> list[Rehearsal]:
    """The trainee called ``name`` in every practice session they voted in, first to last."""
    return progress_of([name], sessions)[name]


# ------------------------------------------------------------------------- words


#: A lean nearer 0 than this, a fifth of the step from one rating to the next
#: (0.5), is called close to the reference rather than generous or harsh.
CLOSE_LEAN = Decimal("0.1")


def lean_words(lean: float | None) -> str:
    """A lean in plain words, e.g. "more generous than the reference (+0.25)"."""
    if lean is None:
        return "no votes yet"
    shown = rounded(lean, 2)  # half up, as every figure; the words follow the figure
    if shown == 0:
        return "neither more generous nor harsher on average (0.00)"
    if abs(shown) < CLOSE_LEAN:
        # A tester read +0.04 called "more generous" of a trainee a step harsher twice.
        return f"close to the reference on average ({shown:+})"
    side = "more generous than" if lean > 0 else "harsher than"
    return f"{side} the reference ({shown:+})"
