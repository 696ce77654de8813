"""The words of the rounds report (:mod:`.rounds_report`): what became of each round's
lived-experience first choice, voice gaps in points, and whether the rounds are finished."""

from __future__ import annotations

from panel_tui.domain.exports.rounds_days import day_labels
from panel_tui.domain.models import Outcome
from panel_tui.domain.rounds import FirstChoice, Round, Rounds
from panel_tui.domain.words import counted, figure, on_questions

FIRST_CHOICE_WORDS: dict[FirstChoice, str] = {
    "recommended": "Recommended",
    "not recommended": "Not recommended",
    "undecided": "No decision yet",
    "not applicable": "No counted lived-experience votes",
    "no lived-experience member": "No lived-experience member on the panel",
}


def first_choice_words(r: Round) -> str:
    """The lived-experience first choice and the panel's decision on it, e.g. ``"C1: Recommended"``.

    When several tie for first, each is named with its own decision
    (``"C1: Not recommended; C2: No decision yet"``), so that a decision on one
    is never hidden behind the round's "No decision yet"; a decision of
    "Undecided" is said as such.
    """
    chosen = "; ".join(
        f"{code}: {_DECISION_WORDS[outcome]}"
        for code, outcome in zip(r.first_choices, r.first_choice_decisions, strict=True)
    )
    if not r.first_choices:
        chosen = f"None: {FIRST_CHOICE_WORDS[r.first_choice]}"
    left_out = "; ".join(f"{code} left out: {why}" for code, why in passed_over(r))
    return f"{chosen} ({left_out})" if left_out else chosen


def passed_over(r: Round) -> list[tuple[str, str]]:
    """Each candidate left out of the first choice as scored on fewer questions, with why:
    ``("C3", "scored on 2 of 6 questions")``, or ``("C3", "1 answer still sealed")``
    where answers still sealed are why (found by a tester: one interviewed in full
    read as interviewed in part). With no counted lived-experience vote, each with answers still
    sealed could have been first, so is named (found by a tester: none was)."""
    named = [(code, _why(r, code, n)) for code, n in r.passed_over]
    if r.first_choice == "not applicable":  # lived-experience votes, none counted yet
        known = {code for code, _ in named}
        named += [(code, _why(r, code, 0)) for code in r.sealed if code not in known]
    return named


def _why(r: Round, code: str, scored: int) -> str:
    """Why a candidate scored on ``scored`` questions was left out of the first choice."""
    sealed = r.sealed.get(code, 0)
    scored_on = f"scored {on_questions(scored, r.questions)}"
    if not sealed:
        return scored_on
    still = f"{counted(sealed, 'answer')} still sealed"
    return still if scored + sealed >= r.questions else f"{still}, {scored_on}"


_DECISION_WORDS: dict[Outcome | None, str] = {
    "recommend": FIRST_CHOICE_WORDS["recommended"],
    "do_not_recommend": FIRST_CHOICE_WORDS["not recommended"],
    "undecided": "Undecided",
    None: FIRST_CHOICE_WORDS["undecided"],
}


def gap_points(gap: float | None) -> str:
    """A mean voice gap in points with its sign, e.g. ``"+12.5 points"``."""
    return "Not available" if gap is None else f"{figure(gap, signed=True)} points"


def size_points(size: float | None) -> str:
    """The size of a voice gap, either way, in points, e.g. ``"67.2 points"``."""
    return "Not available" if size is None else f"{figure(size)} points"


def status_words(report: Rounds) -> str:
    """Whether the rounds are finished: the rounds still open by title and day, as their
    votes and decisions, and so their figures, may still change; empty with no round.

    Found by a co-production lead: a report over rounds read as final while one
    round's session was still open.
    """
    if not report.rounds:
        return ""
    still_open = [r for r in report.rounds if not r.finished]
    if not still_open:
        done = len(report.rounds)
        return "The round is finished." if done == 1 else f"All {done} rounds are finished."
    day = day_labels(report.rounds, titles=False)
    named = "; ".join(
        f"{r.title.strip() or r.session_id} ({day[r.session_id]})" for r in still_open
    )
    its = "its" if len(still_open) == 1 else "their"
    return (
        f"Not finished yet, so {its} votes and decisions, and {its} figures here, may still "
        f"change: {named}."
    )
