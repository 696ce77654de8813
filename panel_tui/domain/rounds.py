"""Rounds compared: what co-production leads and HR ask of many sessions at once.

For each round (one live session): the date, the bank, the panel's make-up,
the interviews held, whether the lived-experience members' own first choice was
recommended, the mean voice gap, votes changed after a reveal, first votes
after a reveal and answers revealed early; then totals over the rounds
and each member's involvement.
Practice rounds are left out unless asked for (they are rehearsals, never
counted in anything made for HR across sessions).

Every figure comes from :func:`panel_tui.domain.scoring.score_session`:

- **the lived-experience first choice** is the candidate ranked first when the
  session is scored on the lived-experience members' votes alone (every one of
  them counting the same, over the questions they scored), among the candidates
  the panel scored on the most questions (a candidate interviewed in part, or
  with answers still sealed, is left out, and named when it ranks as high), with
  the ranking's own tie rule: candidates sharing first place are all first choices. It was
  *recommended* when the panel recommended one of them; *not recommended* when
  the panel decided against every one; *undecided* when no decision (or
  "undecided") stands for one of them and none was recommended; *not
  applicable* when the lived-experience members gave no counted vote; *no
  lived-experience member* when the panel had none;
- **the mean voice gap** of a round is the mean of its candidates' voice gaps
  (lived-experience score minus professional score), over the candidates that
  have one; the total is the mean over every such candidate in every round;
  **its size, either way** is the same mean of the gaps without their sign: gaps
  of -62.5 and +71.9 points have a mean of +4.7 but a size of 67.2, so a panel
  split both ways is never read as one that agreed (found by a tester);
- **votes changed after a reveal** are votes that stand and changed a member's
  earlier vote on an answer whose votes were already shown, and votes withdrawn
  then (each summary lists both); **first votes after a reveal** are the votes that
  stand of members who had not voted when the votes were shown (early by the chair or
  as the session was finished) and voted after, as each summary lists them (a first
  vote then changed is one too, and its change another); a change the chair undid is
  neither, as the vote before it stands, and a first vote undone is a vote withdrawn,
  as no vote stands (`panel_tui.domain.after_reveal` tells them apart);
- **answers revealed early** are the answers whose votes the chair revealed
  before every voting member had voted
  (:func:`panel_tui.domain.reveals.early_reveals`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from panel_tui.domain.finishes import finish_history
from panel_tui.domain.involvement import interviews_held, involvement
from panel_tui.domain.models import Outcome, Session, Settings
from panel_tui.domain.reveals import early_reveals
from panel_tui.domain.rounds_copies import counted_copy, one_of_each_copy
from panel_tui.domain.rounds_members import MemberTotal, member_totals
from panel_tui.domain.scoring import Results, score_session
from panel_tui.domain.words import THE_DEMO

METHOD = (
    "The lived-experience first choice is the candidate ranked first on the "
    "lived-experience members' votes alone (each counting the same), among the candidates "
    "scored on the most questions: a candidate interviewed only in part, or with answers "
    "still sealed (the summary marks their score), is left out, and named beside the round "
    "if they would have been first. "
    "Candidates sharing first place are all first choices, and the round counts "
    "as recommended when the panel recommended one of them. The voice gap is the "
    "lived-experience members' score minus the professionals' score, in percentage points: "
    "above zero, the lived-experience members scored higher. A round's mean is over its "
    "candidates with a question both groups scored; the total is over every such "
    "candidate. Gaps either way cancel out in the mean, so its size, either way, is the "
    "mean without their signs: a mean near zero with a large size means the groups "
    "disagreed in both directions. Scores follow each session's own agreed rule. Votes "
    "changed after a reveal were changed or withdrawn once "
    "the answer's votes were shown; first votes after a reveal were given by members "
    "who had not voted when the votes were shown, early by the chair or as the session was "
    "finished. Practice rounds are rehearsals "
    "and are left out unless asked for."
)

MEMBERS_NOTE = (
    "Matched across rounds by name as written. Hours run from the first to the last event "
    "of each day unless the chair set the times. Interviews sat are the candidates a member "
    "voted on, an abstention included (an observer sat every interview the round held); "
    "answers scored are their votes of up, middle or down. Amounts are in the currency the "
    "rates were noted in."
)

FirstChoice = Literal[
    "recommended", "not recommended", "undecided", "not applicable", "no lived-experience member"
]
FIRST_CHOICES: tuple[FirstChoice, ...] = (
    "recommended",
    "not recommended",
    "undecided",
    "not applicable",
    "no lived-experience member",
)


@dataclass(frozen=True)
class Round:
    """The figures of one round."""

    session_id: str
    title: str
    day: date
    began: datetime  #: the panel's first vote: what tells apart two rounds of one day
    bank: str
    practice: bool
    lived_experience: int  #: members on the panel
    professional: int
    observers: int
    interviews: int  #: candidates with any vote that stands, sealed or shown
    first_choices: list[str]  #: candidate codes the lived-experience members ranked first
    #: The panel's decision on each of ``first_choices``, in the same order (``None``: none yet).
    first_choice_decisions: list[Outcome | None]
    #: Candidates (code, questions scored) the lived-experience members' votes rank as
    #: high as a first choice or higher, left out as scored on fewer questions than others.
    passed_over: list[tuple[str, int]]
    questions: int  #: in the bank
    recommended: list[str]  #: candidate codes the panel recommended
    gaps: list[float]  #: each candidate's voice gap, where there is one
    changed_after_reveal: int  #: votes changed or withdrawn after the answer's votes showed
    first_after_reveal: int  #: first votes given on an answer already shown
    revealed_early: int
    finished: bool  #: the chair finished it: votes and decisions change only if it is reopened
    #: Candidate codes with answers still sealed (left out of their score), and how many.
    sealed: dict[str, int] = field(default_factory=dict)
    #: Each finish and reopening, as the session's summaries say it; "" if never reopened.
    finish_history: str = ""

    @property
    def first_choice(self) -> FirstChoice:
        """What became of the lived-experience first choice: one tied first recommended counts."""
        outcomes = self.first_choice_decisions
        if not outcomes:  # as the session summaries tell the two apart (found by a tester)
            return "not applicable" if self.lived_experience else "no lived-experience member"
        if "recommend" in outcomes:
            return "recommended"
        if all(o == "do_not_recommend" for o in outcomes):
            return "not recommended"
        return "undecided"

    @property
    def mean_gap(self) -> float | None:
        """The mean voice gap over the candidates that have one."""
        return _mean(self.gaps)

    @property
    def mean_gap_size(self) -> float | None:
        """How far apart the groups were, either way: the mean of the gaps without their sign."""
        return _mean([abs(g) for g in self.gaps])


@dataclass(frozen=True)
class Rounds:
    """Every figure of the rounds report."""

    rounds: list[Round]  #: by date
    members: list[MemberTotal]  #: by name
    left_out: list[str]  #: rounds and files left out, in words
    since: date | None = None
    include_practice: bool = False
    counts: dict[FirstChoice, int] = field(default_factory=dict)

    @property
    def method(self) -> str:
        """How the figures were worked out, in words."""
        return METHOD

    @property
    def members_note(self) -> str:
        """How each member's figures were matched and counted, in words."""
        return MEMBERS_NOTE

    @property
    def finished(self) -> bool:
        """Every round is finished, so no figure here can change."""
        return all(r.finished for r in self.rounds)

    @property
    def interviews(self) -> int:
        """Interviews over every round."""
        return sum(r.interviews for r in self.rounds)

    @property
    def mean_gap(self) -> float | None:
        """The mean voice gap over every candidate of every round that has one."""
        return _mean([g for r in self.rounds for g in r.gaps])

    @property
    def mean_gap_size(self) -> float | None:
        """The mean size of the voice gap, either way, over every such candidate."""
        return _mean([abs(g) for r in self.rounds for g in r.gaps])

    @property
    def decided(self) -> int:
        """Rounds where the first choice was either recommended or not."""
        return self.counts["recommended"] + self.counts["not recommended"]

    @property
    def first_choice_share(self) -> float | None:
        """How often the first choice was recommended, of the rounds decided."""
        return self.counts["recommended"] / self.decided if self.decided else None

    @property
    def changed_after_reveal(self) -> int:
        """Votes changed or withdrawn after a reveal, over every round."""
        return sum(r.changed_after_reveal for r in self.rounds)

    @property
    def first_after_reveal(self) -> int:
        """First votes given after a reveal, over every round."""
        return sum(r.first_after_reveal for r in self.rounds)

    @property
    def revealed_early(self) -> int:
        """Answers revealed early, over every round."""
        return sum(r.revealed_early for r in self.rounds)


def _first_and_passed_over(
    session: Session, results: Results
) -> tuple[list[str], list[tuple[str, int]]]:
    """The lived-experience first choices (ids), among the candidates scored on the most
    questions; and those scored on fewer, (id, questions scored), that the
    lived-experience members' votes rank as high or higher.

    Found by a co-production lead: a candidate interviewed on 2 questions of 6 was
    the first choice over those heard in full. The questions a candidate was scored
    on are the panel's, as the summary counts them ("fewer questions than others,
    so compare with care"): the lived-experience members abstaining on a question
    leaves a candidate interviewed in full.
    """
    scored = {r.candidate: r.scored for r in results.ranking}
    lived = {m.id for m in session.panel if m.role == "lived_experience"}
    own = session.model_copy(
        update={
            "votes": [v for v in session.votes if v.member in lived],
            "settings": Settings(sealed=session.settings.sealed, weighting="per_person"),
        }
    )
    ranked = [(r.candidate, r.rank) for r in score_session(own).ranking if r.rank is not None]
    most = max((scored[c] for c, _ in ranked), default=0)
    top = min((rank for c, rank in ranked if scored[c] == most), default=0)
    first = [c for c, rank in ranked if scored[c] == most and rank == top]
    higher = [(c, scored[c]) for c, rank in ranked if scored[c] < most and rank <= top]
    return first, higher


def began(session: Session) -> datetime:
    """When the panel began, on its ``first_day``: its first vote (an undo is none), else made."""
    return min((v.at for v in session.votes if v.value is not None), default=session.created)


def round_of(session: Session) -> Round:
    """The figures of one session as a round.

    Scores and the first choice are of the session as the room may see it
    (votes still sealed left out, as every summary leaves them); the interviews
    held, and the time and money of each member, count every vote, as the payment
    record does (a candidate whose only votes are still sealed was interviewed).
    """
    shown = session.as_shown()
    results = score_session(shown)
    # The votes that stand, as every summary and CSV counts them: each member once an
    # answer (found by an HR officer, who read 3 for 2 changes), and a change the
    # chair undid not at all, as the vote given before stands (found by a tester).
    stories = [q.after_reveal for r in results.ranking for q in r.questions]
    # Changed or withdrawn, as the method says and the summaries list them (found by a
    # tester: a vote withdrawn once shown was left out).
    changed = sum(story.late_changes + len(story.withdrawn) for story in stories)
    # First votes that stand, by whom had not voted when the votes were shown, a first vote
    # changed after included (found by a tester); after any reveal, the finish's too, as
    # the summaries list them; one undone is withdrawn, counted once (found by a review).
    firsts = sum(len(story.first_votes) for story in stories)
    early = early_reveals(session)
    first, passed_over = _first_and_passed_over(shown, results)
    code = {c.id: c.code for c in session.candidates}
    roles = [m.role for m in session.panel]
    return Round(
        session_id=session.id,
        title=session.title,
        day=session.first_day,
        began=began(session),
        bank=session.bank.title,
        practice=session.mode == "practice",
        lived_experience=roles.count("lived_experience"),
        professional=roles.count("professional"),
        observers=roles.count("observer"),
        interviews=interviews_held(session),
        first_choices=[code[c] for c in first],
        first_choice_decisions=[d.outcome if (d := session.decision(c)) else None for c in first],
        passed_over=[(code[c], n) for c, n in passed_over],
        questions=len(session.bank.questions),
        recommended=[
            c.code
            for c in session.candidates
            if (d := session.decision(c.id)) is not None and d.outcome == "recommend"
        ],
        gaps=[r.voice_gap for r in results.ranking if r.voice_gap is not None],
        changed_after_reveal=changed,
        first_after_reveal=firsts,
        revealed_early=len(early),
        finished=session.finished,
        sealed=dict(Counter(code[c] for c, _ in session.sealed_answers())),
        finish_history=finish_history(session),
    )


def _passed_over(session: Session, *, include_practice: bool) -> str | None:
    """Why a session is not counted as a round, after its id ("has no votes yet...");
    ``None`` when it counts."""
    if not session.votes:
        # Prepared but not held yet: no interviews, and no voice to measure.
        return "has no votes yet, so it is not counted as a round."
    if session.mode == "demo":
        return f"is {THE_DEMO}: it is never counted."
    if session.mode == "practice" and not include_practice:
        return "is a practice round, left out (add --include-practice to count it)."
    return None


def compare_rounds(
    sessions: Iterable[Session],
    *,
    since: date | None = None,
    include_practice: bool = False,
    left_out: Iterable[str] = (),
    anonymised: Iterable[str] = (),
) -> Rounds:
    """The rounds report over these sessions.

    Args:
        sessions: the sessions, from the store or json exports; a session
            given twice (one id) is counted once, from the copy with the most
            votes (an export taken mid-interview and the finished session), the
            finished one when they have as many, else the first given
            (:func:`.rounds_copies.counted_copy`).
            Anonymised exports of one bank on one day share an id: the caller
            tells them apart (``cli/report.py`` adds the file's name).
        since: leave out rounds before this day.
        include_practice: count practice rounds too.
        left_out: what the caller already left out (files that could not be
            read), named in the report.
        anonymised: ids of sessions read from anonymised exports: their members
            are seat labels, so they are left out of the member totals (a
            "Seat 1" in two rounds need not be one person).
    """
    unnamed = set(anonymised)
    named = list(left_out)
    kept: dict[str, Session] = {}
    passed_over: set[str] = set()  #: left out, and named once (a copy given twice too)
    for session in sessions:
        reason = _passed_over(session, include_practice=include_practice)
        if reason and session.id in passed_over:
            continue
        if session.id in kept:
            kept[session.id], which = counted_copy(kept[session.id], session)
            named.append(f"Session {session.id} was given twice; it is counted once{which}.")
        elif since is not None and session.first_day < since:
            continue  # before the period asked for: not named, there may be many
        elif reason:
            named.append(f"Session {session.id} {reason}")
            passed_over.add(session.id)
        else:
            kept[session.id] = session
    named += one_of_each_copy(kept, unnamed)
    # Rounds of one day in the order they began, as their labels give the time.
    chosen = sorted(kept.values(), key=lambda s: (s.first_day, began(s), s.created, s.id))
    named += [
        f"Session {s.id} is an anonymised export: its members are left out of the member totals."
        for s in chosen
        if s.id in unnamed
    ]
    rounds = [round_of(s) for s in chosen]
    counts = {choice: sum(r.first_choice == choice for r in rounds) for choice in FIRST_CHOICES}
    return Rounds(
        rounds=rounds,
        members=member_totals(row for s in chosen if s.id not in unnamed for row in involvement(s)),
        left_out=named,
        since=since,
        include_practice=include_practice,
        counts=counts,
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None
