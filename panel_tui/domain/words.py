"""The words, symbols and figures shared by screens, exports and the command line.

A vote always shows as a symbol *and* a word, so colour or shape is never the
only signal. Scores and gaps are written one way everywhere, so the screen and
a printed summary never describe the same figure differently.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from panel_tui.domain.models import Outcome, Question, Role, Session, VoteValue

VOTE_SYMBOLS: dict[VoteValue, str] = {"up": "▲", "middle": "●", "down": "▼", "abstain": "–"}
#: The marks of ASCII mode (``--ascii``), on screen and in text exports alike.
ASCII_VOTE_SYMBOLS: dict[VoteValue, str] = {"up": "+", "middle": "o", "down": "-", "abstain": "/"}
VOTE_WORDS: dict[VoteValue, str] = {
    "up": "Up",
    "middle": "Middle",
    "down": "Down",
    "abstain": "Abstain",
}
OUTCOME_WORDS: dict[Outcome, str] = {
    "recommend": "Recommend",
    "do_not_recommend": "Do not recommend",
    "undecided": "Undecided",
}
#: Where a candidate has no decision: the interview, the summary and every export.
NO_DECISION = "No decision recorded"


def earlier_decisions(session: Session, candidate: str) -> list[tuple[str, str]]:
    """Each decision the panel changed on ``candidate``, with its reason, oldest first.

    Every change is recorded openly: the summary and the files HR keeps showed
    only the latest (found by a new user). A decision saved again unchanged is
    not a change.
    """
    made = [
        (OUTCOME_WORDS[d.outcome], d.reason) for d in session.decisions if d.candidate == candidate
    ]
    return [before for before, after in itertools.pairwise(made) if before != after]


def earlier_decisions_words(earlier: Sequence[tuple[str, str]], notes_left_out: bool) -> str:
    """The decisions changed since, oldest first: ``"Recommend (reason: First view); then
    Undecided"``; the summary, the md, the html and the candidates csv say them alike."""
    return "; then ".join(
        f"{outcome} (reason: {reason})" if reason and not notes_left_out else outcome
        for outcome, reason in earlier
    )


#: The interview's status line on a finished session.
FINISHED_STATUS = "This session is finished: these are its recorded votes."
#: Said when a change to the results of a finished session is asked for.
FINISHED_REFUSAL = (
    "This session is finished, so its votes, notes and decisions cannot change. "
    "To change them, reopen it: on its summary (Ctrl+S), press F (Finish / reopen)."
)
ROLE_WORDS: dict[Role, str] = {
    "lived_experience": "Lived experience",
    "professional": "Professional",
    "observer": "Observer (does not vote)",
}


def vote_text(value: VoteValue | None, symbols: Mapping[VoteValue, str] = VOTE_SYMBOLS) -> str:
    """A vote as symbol and word, e.g. ``"▲ Up"``; ``None`` is ``"No vote"``."""
    return "No vote" if value is None else f"{symbols[value]} {VOTE_WORDS[value]}"


def rounded(value: float, places: int = 0) -> Decimal:
    """``value`` rounded half away from zero, as a spreadsheet's ROUND does.

    Python's own ``round`` and format strings round half to even (``round(2.5)``
    is 2), so a figure could differ from the one HR gets in a spreadsheet. The
    float is first cut to nine decimals so that 56.24999999999999 (float noise
    for 56.25) rounds as 56.25 would. Never ``-0``.
    """
    exact = Decimal(f"{value:.9f}")
    shown = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return abs(shown) if shown == 0 else shown


def candidates_words(count: int, codes: Sequence[str], shown: int = 3) -> str:
    """How many candidates, with the first codes when known: "3 candidates (C1, C2, C3)"."""
    if not codes:
        return counted(count, "candidate")
    # A code with a comma in it ("Smith, J") would run into the next.
    apart = "; " if any("," in code for code in codes) else ", "
    return f"{counted(count, 'candidate')} ({first_of(codes, shown, apart)})"


def first_of(items: Sequence[str], shown: int = 3, apart: str = ", ") -> str:
    """The first few items, then how many more: "C1, C2, C3 and 2 more"."""
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return apart.join(items[:shown]) + more


def listed(items: Sequence[str]) -> str:
    """Items in a sentence: "a", "a and b", "a, b and c"."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def day_words(day: date) -> str:
    """A day as the summaries write it: "10 March 2026"."""
    return f"{day.day} {day:%B %Y}"


def days_words(days: Sequence[date]) -> str:
    """Days as the summaries write them: "23 November 2026", "23 and 24 November 2026"."""
    days = sorted(set(days))
    if len(days) > 1 and len({(d.year, d.month) for d in days}) == 1:
        *first, last = days
        return listed([*(str(d.day) for d in first), day_words(last)])
    return listed([day_words(d) for d in days])


def short_day_words(day: date) -> str:
    """A day as lists and tables write it: "10 Mar 2026"."""
    return f"{day.day} {day:%b %Y}"


def made_words(moment: datetime) -> str:
    """When a session was made, on the laptop's clock, as lists show it: "10 Mar 2026 at 09:05"."""
    when = moment.astimezone()
    return f"{short_day_words(when)} at {when:%H:%M}"


#: What the demo is, wherever it is named (a list, a summary, the report, combine).
THE_DEMO = "the demo, with made-up people"

#: Said as ``panel-tui demo`` starts a new demo because the last one was finished.
NEW_DEMO = (
    "This is a new demo: the one you finished is kept. Ctrl+P, then Sessions, lists them both."
)

#: How a list of sessions begins each kind's "made" line (a session's ``mode``).
_MADE_AS: dict[str, str] = {
    "live": "Made",
    "practice": "Practice, made",
    "demo": f"{THE_DEMO.capitalize()}, made",
}


def made_as_words(mode: str, moment: datetime) -> str:
    """What kind of session it is, and when it was made: "Practice, made 10 Mar 2026 at 09:05".

    ``mode`` is as the catalogue holds it, which an older version may have written.
    """
    return f"{_MADE_AS.get(mode, 'Made')} {made_words(moment)}"


#: Scores this close are equal: they share a rank, and a score this close to 0.5
#: is not below it, so float arithmetic never makes a concern of an even score.
TIE_TOLERANCE = 1e-9


def below_half(score: float) -> bool:
    """Whether a score is below 0.5, as a concern is (PRODUCT.md section 4)."""
    return score < 0.5 - TIE_TOLERANCE


def figure(fraction: float | None, *, signed: bool = False) -> str:
    """A fraction as a percentage figure with one decimal, ``"83.3"``; ``""`` for none.

    Rounded by :func:`rounded` (0.5625 shows ``"56.3"``, where Python's own
    rounding would show 56.2). A figure is never shown on the other side of 50
    from where it is: a concern (below half) that one decimal would show as
    ``"50.0"`` takes the decimals it needs (0.49975 shows ``"49.98"``; found by a
    tester). The other way cannot happen: rounding half up never takes 0.5 or
    more below 50.0. A ``signed`` figure is a gap, not a score: no line at 50 is
    drawn there, so it keeps one decimal either side of zero (found by a reviewer:
    +49.996 beside -50.0).
    """
    if fraction is None:
        return ""
    places = 1
    shown = rounded(fraction * 100, places)
    # Below half means below 49.9999999, so seven decimals always tell; nine is
    # as far as rounded() reads.
    while not signed and below_half(fraction) and shown >= 50 and places < 9:
        places += 1
        shown = rounded(fraction * 100, places)
    return f"{shown:+}" if signed else f"{shown}"


def percent(fraction: float | None, none: str = "No score") -> str:
    """A fraction as a percentage, e.g. ``"83.3%"``; ``none`` when there is none."""
    return none if fraction is None else f"{figure(fraction)}%"


#: A voice gap on one question this large (in points out of 100) is worth naming
#: even when the candidate's average gap is small: half the step from up to middle.
LARGE_GAP = 0.25


def gap_words(
    gap: float | None, *, short: bool = False, single: Iterable[float | None] = ()
) -> str:
    """A voice gap (lived-experience mean minus professional mean) in words.

    Args:
        gap: the gap as a fraction (0.25 is 25 points), ``None`` when no
            question was scored by both groups (PRODUCT.md: the gap is over those).
        short: a few words for a table cell.
        single: a candidate's gaps on single questions: where one is large
            (:data:`LARGE_GAP` or more) and larger than the average, the long
            form says so, so an average near zero never hides two groups that
            heard answers very differently.
    """
    if gap is None:
        return "Not available" if short else "Not available: no question was scored by both groups."
    points = f"{figure(abs(gap), signed=True).removeprefix('+')} points"  # a gap's figure
    if points == "0.0 points":
        if short:
            return "0.0 points: alike"
        words = "0.0 points: on average the two groups scored alike."
    elif short:
        return f"{'Lived experience' if gap > 0 else 'Professionals'} {points} higher"
    elif gap > 0:
        words = f"Lived-experience members scored {points} higher than professionals."
    else:
        words = f"Professionals scored {points} higher than lived-experience members."
    return words + _large_single_gaps(abs(gap), single)


def _large_single_gaps(average: float, single: Iterable[float | None]) -> str:
    gaps = [g for g in single if g is not None and abs(g) >= LARGE_GAP and abs(g) > average]
    if not gaps:
        return ""
    parts = []
    if highest := max((g for g in gaps if g > 0), default=None):
        parts.append(f"lived-experience members up to {figure(highest)} points higher")
    if lowest := min((g for g in gaps if g < 0), default=None):
        parts.append(f"professionals up to {figure(-lowest)} points higher")
    return f" On single questions the gap was large: {' and '.join(parts)}."


def on_questions(scored: int, total: int) -> str:
    """What a score stands on, e.g. ``"on 3 of 6 questions"``."""
    return f"on {scored} of {counted(total, 'question')}"


def gap_base(both: int, total: int) -> str:
    """What a candidate's voice gap stands on, as a sentence."""
    return f"Over the {both} of {counted(total, 'question')} both groups scored."


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` with its noun: "1 answer", "2 answers" (``many`` for other plurals)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


PROBLEMS_LISTED = 20
"""Problems listed at most: a file wrong on every row is not a flood of lines."""


def first_problems(problems: Sequence[str]) -> list[str]:
    """At most :data:`PROBLEMS_LISTED` problems, then a line saying how many more there are."""
    if len(problems) <= PROBLEMS_LISTED:
        return list(problems)
    more = len(problems) - PROBLEMS_LISTED
    many = f"{more:,} more problems" if more > 1 else "1 more problem"
    return [*problems[:PROBLEMS_LISTED], f"... and {many}, not listed: mend these and try again."]


def votes_words(standing: int) -> str:
    """How many votes a session holds, said one way everywhere: "21 votes".

    The votes that stand (a member's latest on each answer): a change or an
    undo is not counted again, so the home screen, ``sessions list`` and
    ``import`` agree with what the summary counts.
    """
    return counted(standing, "vote")


def holds_words(session: Session) -> str:
    """What a session holds, said one way by import and recovery: "2 candidates, 3 panel
    members, 21 votes"."""
    return ", ".join(
        [
            counted(len(session.candidates), "candidate"),
            counted(len(session.panel), "panel member"),
            votes_words(session.standing_votes()),
        ]
    )


def sealed_words(count: int, which: Sequence[str] = ()) -> str:
    """What a summary says of answers still sealed, which it leaves out; ``""`` for none.

    The summary screen, every HR export and the joint summary (naming ``which``
    answers) say it alike, so a figure on the screen and in a file can always be matched.
    """
    if not count:
        return ""
    words = f"{count} answers still sealed are left out until their votes are shown"
    if count == 1:
        words = "1 answer still sealed is left out until its votes are shown"
    return f"{words}: {listed(which)}." if which else f"{words}."


def utc_text(moment: datetime) -> str:
    """A moment in UTC as files write it, e.g. ``"2026-11-23T10:02:11Z"``."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def question_name(number: int) -> str:
    """A question as every document names it, by its place in the bank: ``"Question 3"``.

    The summaries, the member sheets and the CSVs all name it so: a bank's ids
    mean nothing to an HR officer (found by a tester).
    """
    return f"Question {number}"


#: What may close a sentence after its last mark: '"Why me?"' and "(if anything)." end one.
_CLOSERS = "\"')\u201d\u2019 "


def colon_after(text: str) -> str:
    """The mark between a text and a label that follows it: ``":"``, or nothing when the
    text ends a sentence itself, or on a colon of its own.

    Found by testers: a question's text before its flags read "...What would you
    do?: Split"; it now reads "...What would you do? Split", and a text that ends
    on no mark of its own keeps its colon ("...to you: Split"). One ending on a
    colon read "...to you:: Split" (found by a review): it keeps its own alone.
    """
    return "" if text.rstrip(_CLOSERS).endswith(("?", ".", "!", ":")) else ":"


def question_tags(question: Question) -> str:
    """What sets a question apart in scoring, e.g. ``"essential, counts 2 times"``."""
    tags = ["essential"] if question.essential else []
    if question.weight != 1:
        tags.append(f"counts {question.weight:g} times")
    return ", ".join(tags)


def panel_balance(roles: Iterable[Role | None]) -> str:
    """The panel's balance of voters, e.g. ``"Panel: 2 lived experience, 3 professionals
    (fewer lived experience)"``; observers do not vote, so they are not counted."""
    chosen = list(roles)
    lived = chosen.count("lived_experience")
    staff = chosen.count("professional")
    if lived == staff == 0:
        return "Panel: no lived-experience or professional members yet"
    if lived == staff:
        how = "even"
    else:
        how = "fewer lived experience" if lived < staff else "more lived experience"
    return f"{panel_counts(chosen)} ({how})"


def share_parts(share: float) -> tuple[Decimal, Decimal]:
    """A share between 0 and 1 and the rest, as percentages to one decimal that make 100:
    half up, as every figure, and the rest taken from the rounded share so the two add up."""
    part = rounded(share * 100, 1)
    return part, 100 - part


def share_split(share: float) -> tuple[str, str]:
    """:func:`share_parts` in words: ``0.3`` is ``("30%", "70%")``, ``1/3`` is
    ``("33.3%", "66.7%")``."""
    part, rest = share_parts(share)
    return f"{part.normalize():f}%", f"{rest.normalize():f}%"


def share_percent(share: float) -> str:
    """A share between 0 and 1 as a percentage: 0.3 is ``"30%"`` (see :func:`share_split`)."""
    return share_split(share)[0]


def panel_counts(roles: Iterable[Role | None]) -> str:
    """The voters of each group, e.g. ``"Panel: 2 lived experience, 3 professionals"``."""
    chosen = list(roles)
    staff = counted(chosen.count("professional"), "professional")
    return f"Panel: {chosen.count('lived_experience')} lived experience, {staff}"


def sessions_folder_words(path: object) -> str:
    """The sessions folder in a sentence, its path in brackets: ``"sessions folder (sessions)"``.

    Every message that names it says it so, after "the" or "no": the folder is called
    ``sessions`` unless another is named, and "the sessions folder sessions" read
    as a slip.
    """
    return f"sessions folder ({path})"
