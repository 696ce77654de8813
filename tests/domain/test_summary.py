"""The words of one summary, as the screen and the md and html files all read them.

Built from the fixed session of ``tests.exports.helpers`` as the room may see
it: C1, C2 and +1 (C3) have votes, C4 has none; +1 has an answer still sealed,
so it is scored on fewer questions.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from panel_tui.domain.combine import combine_sessions
from panel_tui.domain.exports import ExportOptions, as_shown, render
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import Session, Settings
from panel_tui.domain.records import Decision
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.store import Store
from panel_tui.domain.summary import CandidateView, Summary, build_summary
from panel_tui.domain.words import day_words, days_words
from tests.domain import builders
from tests.domain.builders import T0
from tests.exports.helpers import build_session


def summary_of(made: Session, options: ExportOptions | None = None) -> Summary:
    """The summary of the session as the room may see it (its sealed answer left out)."""
    shown, options = as_shown(made, options or ExportOptions())
    return build_summary(shown, options)


def only(made: Session, candidates: set[str]) -> Session:
    """The session with the votes on these candidates only."""
    return made.model_copy(update={"votes": [v for v in made.votes if v.candidate in candidates]})


def unscored_dropped(made: Session) -> Session:
    """The session without C4, the candidate nobody voted on."""
    return made.model_copy(update={"candidates": [c for c in made.candidates if c.id != "c4"]})


@pytest.mark.parametrize(
    ("made", "badges"),
    [
        # Every candidate scored: ranked among them all.
        (unscored_dropped(build_session()), ["rank 1 of 3", "rank 2 of 3", "rank 3 of 3"]),
        # One of four has no score: ranked among the three scored.
        (
            build_session(),
            ["rank 1 of 3 scored", "rank 2 of 3 scored", "rank 3 of 3 scored", "not ranked"],
        ),
        # Only C1 has votes: first of one, never "rank 1 of 4".
        (only(build_session(), {"c1"}), ["rank 1 of 1 scored", *["not ranked"] * 3]),
    ],
)
def test_a_rank_counts_only_the_candidates_with_a_score(made: Session, badges: list[str]) -> None:
    summary = summary_of(made)
    assert [c.rank_badge for c in summary.candidates] == badges
    html = render(made, "html")
    for badge in badges:
        assert f"· {badge}</span>" in html
    assert "rank 1 of 4" not in html


def candidate(code: str, options: ExportOptions | None = None) -> CandidateView:
    (found,) = [c for c in summary_of(build_session(), options).candidates if c.code == code]
    return found


@pytest.mark.parametrize(
    ("code", "options", "attribute", "expected"),
    [
        # A candidate nobody voted on: said in capitalised cells, never "none".
        ("C4", None, "rank_words", "Not ranked"),
        ("C4", None, "score", "No score yet"),
        ("C4", None, "score_cell", "No score yet"),
        ("C4", None, "decision", "No decision recorded"),
        ("C4", None, "decided", False),  # so no "Reason" is shown for it
        # Nothing counted and none abstained: "; 0 abstained" after it said nothing more.
        ("C4", None, "votes_words", "No counted votes yet"),
        ("C4", None, "flags_cell", "None"),
        ("C4", None, "flag_lists", []),
        ("C4", None, "notes_words", "No notes were taken."),
        # A decision with a reason; one without; one left out of the copy.
        ("C1", None, "decision", "Recommend"),
        ("C1", None, "decided", True),
        ("+1", None, "reason_words", "None given"),
        ("C1", ExportOptions(no_notes=True), "reason_words", "Left out of this copy"),
        ("C1", ExportOptions(no_notes=True), "notes_words", "Left out of this copy."),
        # Scored with every question: the score and what it stands on.
        ("C1", None, "score_words", "81.3% on 3 of 3 questions"),
        ("C1", None, "score_cell", "81.3% on 3 of 3 questions"),
        ("C1", None, "votes_words", "8 up, 3 middle, 1 down; 0 abstained"),
        ("C1", None, "flags_cell", "1 split"),
        # Fewer questions than the others: said in the cell and the sentence.
        ("+1", None, "score_cell", "54.2% on 2 of 3 questions (fewer questions than others)"),
        (
            "+1",
            None,
            "score_words",
            "54.2% on 2 of 3 questions: fewer questions than others, so compare with care",
        ),
        # A split and a concern, each under its heading.
        ("C2", None, "flags_cell", "1 split, 1 concern"),
        (
            "C2",
            None,
            "flag_lists",
            [
                (
                    CandidateView.SPLITS,
                    ["Question 1: What made you want to work in supported living?"],
                ),
                (
                    CandidateView.CONCERNS,
                    [
                        "Question 2: Someone you support wants to spend all their money on one"
                        " day out. What would you do?"
                    ],
                ),
            ],
        ),
    ],
)
def test_each_fact_has_one_wording(
    code: str, options: ExportOptions | None, attribute: str, expected: object
) -> None:
    assert getattr(candidate(code, options), attribute) == expected


def test_the_facts_are_read_in_one_order() -> None:
    labels = [label for label, _ in candidate("C1").facts]
    assert labels == [
        "Rank",
        "Score",
        "Lived-experience members' own score",
        "Professionals' own score",
        "Votes",
        "Voice gap",
        "Decision",
        "Reason",
    ]


def test_votes_after_the_reveal_are_marked_and_listed() -> None:
    chris = candidate("+1")
    marks = [m for q in chris.questions for m in q.marks if m.changed]
    assert marks and {m.changed_words for m in marks} == {"(after reveal)"}
    assert [where for where, _ in chris.change_lines] == ["Question 1", "Question 1"]
    assert all("after the votes were shown" in words for _, words in chris.change_lines)


def test_a_gap_with_no_question_both_groups_scored_says_so() -> None:
    # Found by a tester: each group voted, on different questions, and the summary
    # said the gap "needs votes from both groups".
    made = builders.session(
        "LP",
        [("c1", "q1", "m1", "up"), ("c1", "q2", "m2", "down")],
        questions=[("q1", 1.0, False), ("q2", 1.0, False)],
    )
    (alex,) = summary_of(made).candidates
    assert alex.voice_gap == "Not available: no question was scored by both groups."


def test_every_summary_is_dated_the_day_the_panel_sat() -> None:
    # HR prepared the session on 24 November for interviews on 10 March: the
    # summary's "Date", the member sheets, the joint summary and the rounds
    # report all said 24 November (found by a tester).
    made = builders.session("LP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "middle")])
    sat = datetime(2026, 3, 10, 10, tzinfo=UTC)
    prepared = made.model_copy(
        update={
            "created": datetime(2026, 11, 24, 9, tzinfo=UTC),
            "votes": [v.model_copy(update={"at": sat}) for v in made.votes],
        }
    )
    assert summary_of(prepared).date == "10 March 2026"
    assert "The interviews were on 10 March 2026." in "".join(member_sheets(prepared).values())
    (held,) = compare_rounds([prepared]).rounds
    assert held.day == date(2026, 3, 10)
    other = prepared.model_copy(update={"id": "other"})
    assert combine_sessions(prepared, other).a.date == "10 March 2026"
    # With no vote yet, the day it was made stands in.
    assert summary_of(made.model_copy(update={"votes": []})).date == day_words(made.created.date())


def test_a_panel_held_over_two_days_is_dated_both_days() -> None:
    # Candidates 1 and 2 on 23 November, 3 the next morning: the summary gave
    # 23 November only, and 24 November appeared nowhere (found by a tester).
    made = builders.session(
        "LP",
        [(c, "q1", m, "up") for c in ("c1", "c2") for m in ("m1", "m2")],
        candidates=(("c1", "Alex"), ("c2", "Bo")),
    )
    first = datetime(2026, 11, 23, 10, tzinfo=UTC)
    votes = [
        v.model_copy(update={"at": first + timedelta(days=v.candidate == "c2")}) for v in made.votes
    ]
    held = made.model_copy(update={"votes": votes})
    assert summary_of(held).date == "23 and 24 November 2026"
    # An undo a week later is no day of interviews (found by a review).
    undo = votes[-1].model_copy(
        update={"value": None, "undoes": len(votes) - 1, "at": first + timedelta(days=7)}
    )
    assert held.model_copy(update={"votes": [*votes, undo]}).vote_days == held.vote_days
    assert "The interviews were on 23 and 24 November 2026." in "".join(
        member_sheets(held).values()
    )


@pytest.mark.parametrize(
    ("days", "words"),
    [
        ([date(2026, 3, 10)], "10 March 2026"),
        ([date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 13)], "10, 11 and 13 March 2026"),
        ([date(2026, 3, 31), date(2026, 4, 1)], "31 March 2026 and 1 April 2026"),
        (
            [date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2)],
            "31 December 2025, 1 January 2026 and 2 January 2026",
        ),
        # In order, each once, whatever order they came in.
        ([date(2026, 3, 11), date(2026, 3, 10), date(2026, 3, 11)], "10 and 11 March 2026"),
        ([], ""),
    ],
)
def test_days_are_written_as_a_person_would(days: list[date], words: str) -> None:
    assert days_words(days) == words


def test_a_vote_withdrawn_then_given_again_after_the_reveal_reads_as_both(
    tmp_path: Path,
) -> None:
    # Found by a tester: the chair undid Hannah's vote once the votes showed and she
    # gave the same vote again; the record said only that she withdrew it.
    store = Store(tmp_path)
    with store.create(builders.session("LP")) as opened:
        opened.record_vote("c1", "q1", "m1", "up")
        opened.record_vote("c1", "q1", "m2", "up")  # all voted: shown
        opened.undo("c1", "q1")
        opened.record_vote("c1", "q1", "m2", "up")
        made = opened.session
    (alex,) = summary_of(made).candidates
    assert [words for _, words in alex.change_lines] == [
        "Seat 2, Member 2 had their vote (▲ Up) undone after the votes were shown.",
        "Seat 2, Member 2 gave the same vote again (▲ Up).",
    ]
    # The vote standing did not change (found by a review): it is the one given
    # before the reveal, so no vote after the reveal is counted; a totals-only copy
    # still says the vote was withdrawn and given again (not that a change was undone).
    totals = summary_of(made, ExportOptions(totals_only=True))
    (only,) = totals.candidates
    assert only.questions[0].changes == [
        "1 vote was withdrawn after the votes were shown and given again unchanged."
    ]
    assert compare_rounds([made]).rounds[0].changed_after_reveal == 0


@pytest.mark.parametrize(
    ("mode", "status"),
    [
        ("live", "Live interviews, unfinished: votes may still change."),
        ("practice", "Practice round, not a recruitment decision, unfinished: votes may"),
        # Found by a tester: the demo's summary said "Live interviews".
        ("demo", "The demo, with made-up people, not a recruitment decision, unfinished:"),
    ],
)
def test_the_status_says_what_kind_of_session_it_is(mode: str, status: str) -> None:
    made = builders.session("LP").model_copy(update={"mode": mode})
    assert summary_of(made).status.startswith(status)


def test_a_changed_decision_is_listed_with_its_reason_in_every_summary() -> None:
    # PRODUCT.md: every change is recorded openly. The latest decision counted
    # and the earlier ones were in the json only (found by a new user).
    made = builders.session("LP", [("c1", "q1", "m1", "up")]).model_copy(
        update={
            "decisions": [
                Decision(candidate="c1", outcome="recommend", reason="First view", at=T0),
                Decision(candidate="c1", outcome="recommend", reason="First view", at=T0),
                Decision(candidate="c1", outcome="undecided", at=T0),
                Decision(candidate="c1", outcome="do_not_recommend", reason="References", at=T0),
            ]
        }
    )
    (alex,) = summary_of(made).candidates
    earlier = "Recommend (reason: First view); then Undecided"
    assert alex.facts[-3:] == [
        ("Decision", "Do not recommend"),
        ("Reason", "References"),
        ("Earlier decisions, since changed", earlier),
    ]
    for fmt in ("md", "html"):
        assert earlier in render(made, fmt)
        assert "Earlier decisions, since changed" in render(made, fmt)
    (quiet,) = summary_of(made, ExportOptions(no_notes=True)).candidates
    assert quiet.facts[-1] == ("Earlier decisions, since changed", "Recommend; then Undecided")
    # The candidates csv HR files says them alike (it held only the latest).
    for options, said in ((None, earlier), (ExportOptions(no_notes=True), quiet.earlier_words)):
        (row,) = csv.DictReader(io.StringIO(render(made, "csv", options)))
        assert (row["decision"], row["earlier_decisions"]) == ("Do not recommend", said)


def test_scores_that_round_apart_from_the_gap_say_it_is_worked_out_before_rounding() -> None:
    # Found by a review: on q1, lived experience 2/3 and professionals 1/3 show as
    # 66.7% and 33.3%, a difference of 33.4, beside a gap of 33.3.
    rows = [("c1", "q1", m, "up") for m in ("m1", "m2", "m4")]
    rows += [("c1", "q1", m, "down") for m in ("m3", "m5", "m6")]
    made = builders.session(
        "LLLPPP",
        [*rows, ("c1", "q2", "m1", "up")],
        questions=(("q1", 1.0, False), ("q2", 1.0, False)),
        settings=Settings(sealed=False),
    )
    (alex,) = summary_of(made).candidates
    assert alex.voice_gap.startswith("Lived-experience members scored 33.3 points higher")
    assert (
        "There, lived-experience members scored 66.7% and professionals 33.3% (the gap is "
        "worked out before rounding);" in alex.voice_gap
    )


@pytest.mark.parametrize(
    ("rows", "explained"),
    [
        # Both groups scored both questions: the gap is the difference of their scores.
        ([("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down")], False),
        # The lived-experience member also scored q2, alone: their own score counts it,
        # the gap does not (found by a new user, who read the gap as a mistake).
        (
            [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down"), ("c1", "q2", "m1", "down")],
            True,
        ),
    ],
)
def test_a_gap_on_fewer_questions_than_a_groups_own_score_says_so(
    rows: list[tuple[str, str, str, str]], explained: bool
) -> None:
    made = builders.session(
        "LP",
        rows,
        questions=(("q1", 1.0, False), ("q2", 1.0, False)),
        settings=Settings(sealed=False),
    )
    (alex,) = summary_of(made).candidates
    # The scores the gap subtracts are given (found by a tester, who could not
    # find them): over q1, 100.0% up against 0.0% down, a gap of 100 points.
    note = (
        "Over the 1 of 2 questions both groups scored. There, lived-experience members "
        "scored 100.0% and professionals 0.0%; the groups' own scores also count questions "
        "only one group scored."
    )
    assert (note in alex.voice_gap) is explained


@pytest.mark.parametrize(
    ("roles", "said"),
    [
        ("LP", "2 voting members: 1 with lived experience and 1 professional."),
        (
            "LPO",
            "2 voting members: 1 with lived experience and 1 professional, and 1 observer,"
            " who does not vote.",
        ),
        (
            "LPOO",
            "2 voting members: 1 with lived experience and 1 professional, and 2 observers,"
            " who do not vote.",
        ),
    ],
)
def test_the_panel_is_said_by_role_not_by_who_wrote_the_notes(roles: str, said: str) -> None:
    # Found by a tester: "1 observer who took notes", when the chair keyed every note.
    assert summary_of(builders.session(roles)).make_up == said
