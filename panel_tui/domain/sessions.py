"""Making sessions: a new round, the demo, and practice rounds for trainers."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import TypeVar

from panel_tui.domain.models import (
    Bank,
    Candidate,
    Member,
    Mode,
    Session,
    Settings,
    Weighting,
    new_session_id,
)
from panel_tui.domain.session_checks import repeated_codes
from panel_tui.domain.text import MAX_LINE, compared
from panel_tui.domain.undos import empty_round_words
from panel_tui.domain.words import counted, day_words, first_of, listed

T = TypeVar("T")

DEMO_PANEL = (
    Member(id="m1", name="Sam Okafor", pronouns="they/them", role="lived_experience", seat=1),
    Member(id="m2", name="Priya Shah", pronouns="she/her", role="lived_experience", seat=2),
    Member(id="m3", name="Dan Reilly", pronouns="he/him", role="professional", seat=3),
    Member(id="m4", name="Hannah Cole", pronouns="she/her", role="professional", seat=4),
)
DEMO_CANDIDATES = (
    Candidate(id="c1", code="C1", name="Alex Morgan"),
    Candidate(id="c2", code="C2", name="Jordan Lee"),
    Candidate(id="c3", code="C3", name="Chris Evans-Bell"),
)
PRACTICE_PANEL = DEMO_PANEL

#: Kind warnings, never blocks, when setting up a panel.
MAX_INTERVIEWS_A_DAY = 6


def new_session(
    bank: Bank,
    title: str,
    panel: Sequence[Member],
    candidates: Sequence[Candidate],
    settings: Settings | None = None,
    mode: Mode = "live",
) -> Session:
    """A new session holding its own copy of the bank as it is today."""
    return Session(
        id=new_session_id(bank.id),
        title=title,
        mode=mode,
        settings=settings or Settings(),
        bank=bank,
        panel=list(panel),
        candidates=list(candidates),
    )


def default_title(bank: Bank, today: date, taken: Collection[str] = ()) -> str:
    """The title offered for a new session: the bank's title and the date.

    Numbered when a session already has that title ("..., 24 November 2026 (2)"):
    HR may prepare a session for each candidate from one bank on one day, and the
    home screen must tell them apart. Titles that differ only in capitals count as one.
    A long bank title is cut short ("…") so the whole fits a title's length.
    """
    used = {compared(t) for t in taken}
    number = 1
    while True:
        ending = f", {day_words(today)}" + (f" ({number})" if number > 1 else "")
        room = MAX_LINE - len(ending)
        name = bank.title if len(bank.title) <= room else bank.title[: room - 1].rstrip() + "…"
        if compared(name + ending) not in used:
            return name + ending
        number += 1


def demo_session(bank: Bank) -> Session:
    """A ready session with a sample panel and candidates."""
    return new_session(bank, f"{DEMO_TITLE}{bank.title}", DEMO_PANEL, DEMO_CANDIDATES, mode="demo")


#: How the demo's title begins.
DEMO_TITLE = "Demo: "


def as_made(session: Session) -> Session:
    """A session read from disk, as the kind it was made: a demo made before the
    demo was a kind of its own ("live", with its title, panel and candidates) is
    the demo, so it is never counted as a real round (found by a review)."""
    demo = (
        session.mode == "live"
        and session.title.startswith(DEMO_TITLE)
        and [(m.name, m.role) for m in session.panel] == [(m.name, m.role) for m in DEMO_PANEL]
        and [c.code for c in session.candidates] == [c.code for c in DEMO_CANDIDATES]
    )
    return session.model_copy(update={"mode": "demo"}) if demo else session


def practice_title(bank: Bank) -> str:
    """A rehearsal's title: "Practice" said once, even when the bank's title starts with it."""
    if bank.title.casefold().startswith("practice"):
        return bank.title
    return f"Practice: {bank.title}"


def mock_candidates(bank: Bank) -> list[Candidate]:
    """One mock candidate per sample answer of the fullest question, answers shuffled.

    Mock candidate A gives, on each question, one of the sample answers, B
    another and so on, so that no mock candidate is all good or all poor. The
    order is fixed by the bank, so every rehearsal on a bank hears the same.

    Raises:
        ValueError: the bank has no sample answers to rehearse with.
    """
    if not bank.is_practice:
        raise ValueError(
            f"The bank {bank.id} has no sample answers, so it cannot be used for practice."
        )
    count = max(len(q.sample_answers) for q in bank.questions)
    rng = random.Random(bank.id)
    orders = {}
    for question in bank.questions:
        order = list(range(len(question.sample_answers)))
        rng.shuffle(order)
        orders[question.id] = order
    return [
        Candidate(
            id=f"p{n + 1}",
            code=f"Mock {chr(ord('A') + n)}",
            sample_answers={qid: order[n] for qid, order in orders.items() if n < len(order)},
        )
        for n in range(count)
    ]


def practice_session(
    bank: Bank,
    panel: Sequence[Member] = PRACTICE_PANEL,
    *,
    title: str | None = None,
    settings: Settings | None = None,
) -> Session:
    """A rehearsal with the trainees' panel and the bank's mock candidates.

    Raises:
        ValueError: the bank has no sample answers to rehearse with.
    """
    return new_session(
        bank,
        title or practice_title(bank),
        panel,
        mock_candidates(bank),
        settings,
        mode="practice",
    )


def setup_warnings(
    panel: Sequence[Member], candidates: Sequence[Candidate], weighting: Weighting
) -> list[str]:
    """Kind warnings about a panel's make-up under its scoring rule; they never block."""
    warnings = []
    lived = sum(m.role == "lived_experience" for m in panel)
    professional = sum(m.role == "professional" for m in panel)
    if not lived and professional:
        # No rule can give a voice nobody on the panel has.
        warnings.append(
            f"There is no lived-experience member among the {professional} who vote: "
            "co-production needs people with lived experience on the panel."
        )
    elif lived < professional and weighting == "per_person":
        # Under the group rules each group's weight is set, whatever its numbers
        # (a tester was told to choose the equal-groups rule it had chosen).
        warnings.append(
            f"There are fewer lived-experience members ({lived}) than professionals "
            f"({professional}). Aim for equal numbers, or choose the equal-groups rule."
        )
    if len(candidates) > MAX_INTERVIEWS_A_DAY:
        warnings.append(
            f"{len(candidates)} interviews are planned. Panels tire after about "
            f"{MAX_INTERVIEWS_A_DAY} in a day; think about a second day."
        )
    if not any(m.can_vote for m in panel):
        warnings.append("Nobody on the panel votes yet: add a member who is not an observer.")
    warnings += _same_names(panel, candidates)
    return warnings


def _same_names(panel: Sequence[Member], candidates: Sequence[Candidate]) -> list[str]:
    """A warning for each name two members, or two candidates, share.

    Two people may share a name, so it never blocks. But the records go by a
    member's name: the summaries, the votes spreadsheet, the payment record and
    the report across rounds could not tell them apart, so the chair is asked to
    add an initial or a surname. Candidates are told apart by code; a name given
    twice may be a row pasted twice, so HR is asked to check (found by a tester).
    """
    seats = sorted(panel, key=lambda m: m.seat)
    warnings = [
        f"Seats {listed([str(m.seat) for m in same])} have the same name, "
        f"{same[0].name.strip()}: add an initial or a surname, so the records can tell "
        "them apart."
        for same in _by_name(seats, lambda m: m.name)
    ]
    warnings += [
        f"{_candidates(same)} have the same name, {(same[0].name or '').strip()}: check "
        "that both are meant. The screens and records tell them apart by code."
        for same in _by_name(candidates, lambda c: c.name or "")
    ]
    return warnings


def _candidates(same: Sequence[Candidate]) -> str:
    """``"Candidates C1 and C6"``; on the form, before each has a code of their own, a count."""
    codes = [c.code.strip() for c in same]
    if all(codes) and not repeated_codes(codes):
        return f"Candidates {listed(codes)}"
    return f"{len(same)} candidates"


def _by_name(items: Sequence[T], name: Callable[[T], str]) -> list[list[T]]:
    """The groups of two or more items that share a name (any case or spacing), in order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        if name(item).strip():
            groups.setdefault(" ".join(compared(name(item)).split()), []).append(item)
    return [same for same in groups.values() if len(same) > 1]


def unvoted_numbers(session: Session, candidate_id: str) -> list[int]:
    """The numbers (from 1) of the candidate's questions nobody has voted on."""
    return [
        number
        for number, question in enumerate(session.bank.questions, start=1)
        if not session.current_votes(candidate_id, question.id)
    ]


def unvoted_words(session: Session, candidate_id: str) -> str | None:
    """The candidate's questions nobody has voted on, said; ``None`` when there are none."""
    unvoted = unvoted_numbers(session, candidate_id)
    if not unvoted:
        return None
    label = session.candidate(candidate_id).label
    if len(unvoted) == len(session.bank.questions):
        return f"{label} has no votes yet, so no score."
    return (
        f"{label} has no votes on {numbered(unvoted)}; "
        "the score uses only the questions with votes."
    )


def numbered(numbers: list[int]) -> str:
    """Questions by number, as the finish and the interview name those without votes:
    "Q3, Q4, Q5"."""
    return ", ".join(f"Q{n}" for n in numbers)


def decision_warnings(session: Session, candidate_id: str) -> list[str]:
    """What is left undone on a candidate, said as the panel decides (found by a new user:
    a decision was saved with a question still to be asked, and no word of it)."""
    unvoted = unvoted_words(session, candidate_id)
    warnings = [unvoted] if unvoted else []
    sealed = session.sealed_answers()
    # The box is about this one candidate: their questions by number alone.
    places = [
        number
        for number, q in enumerate(session.bank.questions, start=1)
        if (candidate_id, q.id) in sealed
    ]
    if places:
        verb = "is" if len(places) == 1 else "are"
        warnings.append(f"{numbered(places)} {verb} still sealed, as not everyone voted.")
    return warnings


def finish_warnings(session: Session) -> list[str]:
    """What is left undone, said before the chair marks a session finished.

    Answers still sealed come first: finishing shows their votes, which then count
    in the scores (found by a tester: said last, under a long list of decisions
    not made, the line was off the foot of the box at 80x24, and a candidate's
    score changed with no word seen).
    """
    warnings = []
    sealed = session.sealed_answers()
    if sealed:
        # Named, so the chair can go back to them (found by a tester, who had to
        # search the summary's table for the one answer a slip left open).
        places = [
            session.answer_name(c.id, q.id)
            for c in session.candidates
            for q in session.bank.questions
            if (c.id, q.id) in sealed
        ]
        warnings.append(
            f"{counted(len(sealed), 'answer')} still sealed, as not everyone voted: "
            f"{first_of(places)}. "
            "Finishing shows the votes given, and they then count in the scores."
        )
    for candidate in session.candidates:
        if unvoted := unvoted_words(session, candidate.id):
            warnings.append(unvoted)
        warnings += empty_round_words(session, candidate.id)
        # A rehearsal's mock candidates need no decision (found by a tester: finishing
        # one listed "Mock A has no decision recorded" as still to do).
        if session.decision(candidate.id) is None and session.decides:
            warnings.append(f"{candidate.label} has no decision recorded.")
    return warnings
