"""The interview screen's words, worded in the domain: one table per line, a comment per case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from panel_tui.domain import interview_lines as lines
from panel_tui.domain.interview_heading import heading
from panel_tui.domain.models import Decision, Note, Reveal, Session, Settings, VoteValue
from tests.domain.builders import T0
from tests.domain.builders import session as build
from tests.domain.practice import practice


@dataclass(frozen=True)
class Marks:
    """Votes as ``<up>``, and a bullet and dash that stand out, so the tests read the words."""

    bullet: str = "*"
    dash: str = "--"

    def vote(self, value: VoteValue | None) -> str:
        return f"<{value}>"


MARKS = Marks()
Row = tuple[str, str, str, str | None]


def answer(rows: list[Row], *, roles: str = "LLPO", **changes: object) -> Session:
    """A session of one candidate (Alex) and two questions (q2 essential, counts twice)."""
    made = build(roles, rows, questions=[("q1", 1.0, False), ("q2", 2.0, True)])
    return made.model_copy(update=changes)


def ups(*members: str, question: str = "q1") -> list[Row]:
    return [("c1", question, m, "up") for m in members]


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        # Sealed: who has voted, never how.
        (
            answer(ups("m1")),
            (("Votes sealed: 1 of 3 voted. They show when all have voted, or on Ctrl+R.", ""),),
        ),
        # All three voted, so the votes show: the tally in words.
        (
            answer(ups("m1", "m2", "m3")),
            (("Votes shown: ", "strong"), ("3 up, 0 middle, 0 down, 0 abstained.", "")),
        ),
        # Shown early by the chair: how many have not voted yet.
        (
            answer(ups("m1"), reveals=[Reveal(candidate="c1", question="q1", at=T0)]),
            (
                ("Votes shown: ", "strong"),
                ("1 up, 0 middle, 0 down, 0 abstained.", ""),
                (" 2 not voted.", ""),
            ),
        ),
        # Up and down on one answer: a split, to talk through.
        (
            answer([*ups("m1", "m2"), ("c1", "q1", "m3", "down")]),
            (
                ("Votes shown: ", "strong"),
                ("2 up, 0 middle, 1 down, 0 abstained.", ""),
                (" Split: both up and down, talk it through.", "strong"),
            ),
        ),
        # A finished session: the state only; a key that tries a change is told
        # how to reopen it (test_interview's refusal table).
        (
            answer(ups("m1"), finished=True),
            (("This session is finished: these are its recorded votes.", "strong"),),
        ),
        # Only observers: nobody votes, and how to put that right.
        (
            answer([], roles="OO"),
            (("Nobody on this panel votes: add a member who is not an observer.", ""),),
        ),
        # No candidates at all.
        (answer([], candidates=[]), (("This session has no candidates yet.", ""),)),
    ],
)
def test_the_status_line(session: Session, expected: lines.Line) -> None:
    assert lines.answer_votes(session, "c1", "q1").status == expected


def test_the_status_line_names_a_concern_on_an_essential_question() -> None:
    # q2 is essential: all down scores below half, a concern (and no split).
    session = answer([("c1", "q2", m, "down") for m in ("m1", "m2", "m3")])
    assert lines.answer_votes(session, "c1", "q2").status[-1] == (
        " Concern: an essential question scored below half.",
        "strong",
    )


def test_practice_offers_a_new_round_once_the_votes_show() -> None:
    session = answer(ups("m1", "m2", "m3"), mode="practice")
    assert lines.answer_votes(session, "c1", "q1").status[-1] == (
        " Ctrl+G: vote on this answer again (a new round).",
        "",
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # A live interview: the candidate's number, then label (a name shows its code too).
        ({}, "Candidate 1 of 1: Alex (C1)"),
        # A rehearsal: short, so the round fits beside it at 80 columns.
        ({"mode": "practice"}, "Practice: Alex (1 of 1) (C1)"),
    ],
)
def test_the_heading(changes: dict[str, Any], expected: str) -> None:
    session = answer([], **changes)
    assert lines.plain(heading(session, "c1", session.mode == "practice").line()) == expected


@pytest.mark.parametrize(
    ("roles", "settings", "expected"),
    [
        # PRODUCT.md 4: the rule is shown on screen. Each member the same.
        (
            "LPPO",
            Settings(),
            "Panel: 1 lived experience, 2 professionals. Every member counts the same.",
        ),
        # Found by a tester: "(fewer lived experience)" under equal halves read as
        # less say, when the rule gave the group half of it.
        (
            "LPPO",
            Settings(weighting="equal_groups"),
            "Panel: 1 lived experience, 2 professionals. Each group has half the say.",
        ),
        (
            "LLPPP",
            Settings(weighting="lived_experience_share", lived_experience_share=0.3),
            "Panel: 2 lived experience, 3 professionals. Lived experience has a 30% say.",
        ),
        # Found by a review: "Each group has half the say" with no lived-experience
        # member; under a group rule the one group's votes make every score.
        (
            "PPO",
            Settings(weighting="equal_groups"),
            "Panel: 0 lived experience, 2 professionals. Only the professionals' votes count.",
        ),
        (
            "LL",
            Settings(weighting="lived_experience_share", lived_experience_share=0.3),
            "Panel: 2 lived experience, 0 professionals. Only the lived-experience votes count.",
        ),
        # Observers do not vote, so they are not counted; one professional is one.
        (
            "LPO",
            Settings(),
            "Panel: 1 lived experience, 1 professional. Every member counts the same.",
        ),
    ],
)
def test_the_panel_and_its_rule(roles: str, settings: Settings, expected: str) -> None:
    assert lines.panel_and_rule(build(roles, settings=settings)) == expected


def test_the_panel_and_its_rule_fit_one_line_at_80_columns() -> None:
    # Nine voters under a share typed to three places (found by a review: "say."
    # fell off the line); a share shows to one decimal, as on the form.
    settings = Settings(weighting="lived_experience_share", lived_experience_share=0.33333)
    line = lines.panel_and_rule(build("LLLLPPPPP", settings=settings))
    assert line.endswith("Lived experience has a 33.3% say.")
    assert len(line) <= 78, line


@pytest.mark.parametrize(
    ("question", "changes", "expected"),
    [
        # No tags, no decision yet.
        ("q1", {}, "Decision: not made yet"),
        # An essential question that counts twice, with the decision and a note.
        (
            "q2",
            {
                "decisions": [Decision(candidate="c1", outcome="recommend", at=T0)],
                "notes": [Note(candidate="c1", question="q2", text="n", at=T0)],
            },
            "Essential, counts 2 times -- Decision: Recommend -- 1 note on this answer",
        ),
    ],
)
def test_the_line_about_the_question(question: str, changes: dict[str, Any], expected: str) -> None:
    session = answer([], **changes)
    about = lines.about(session, "c1", session.bank.question(question), MARKS)
    assert about is not None and lines.plain(about) == expected


@pytest.mark.parametrize(
    ("question", "notes", "expected"),
    [
        # A plain question with nothing to say: no line at all (found by a trainer:
        # "Decision: not made yet" under a mock candidate's answer confused trainees).
        ("q1", 0, None),
        # An essential question with a note: its tags and the note, no decision.
        ("q2", 1, "Essential -- 1 note on this answer"),
    ],
)
def test_practice_says_nothing_of_a_decision(
    question: str, notes: int, expected: str | None
) -> None:
    session = practice(["up", "down"], ["Ann"])
    bank = session.bank.model_copy(
        update={
            "questions": [
                q.model_copy(update={"essential": q.id == "q2"}) for q in session.bank.questions
            ]
        }
    )
    note = Note(candidate="p1", question=question, text="n", at=T0)
    session = session.model_copy(update={"bank": bank, "notes": [note] * notes})
    about = lines.about(session, "p1", session.bank.question(question), MARKS)
    assert (None if about is None else lines.plain(about)) == expected


def test_the_position_names_the_round_only_after_the_first() -> None:
    session = answer([])
    assert lines.position(session, "c1", session.bank.question("q2")) == "Question 2 of 2"


def test_observers_are_named_and_an_all_voting_panel_has_no_line() -> None:
    assert lines.observers(answer([])) == "Observers (take notes, do not vote): Member 4"
    assert lines.observers(answer([], roles="LLP")) is None


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({}, False),  # no pronouns given: rows of one line hide nothing
        ({"m2": "she/her"}, True),  # one voter's pronouns are enough to say so
        ({"m4": "he/him"}, False),  # an observer's are not in the rows at all
    ],
)
def test_hidden_pronouns_are_said_only_when_a_voter_gave_some(
    given: dict[str, str], said: bool
) -> None:
    session = build("LLPO")
    panel = [m.model_copy(update={"pronouns": given.get(m.id)}) for m in session.panel]
    line = lines.pronouns_hidden(session.model_copy(update={"panel": panel}))
    assert line == (lines.PRONOUNS_HIDDEN if said else None)
    assert len(lines.PRONOUNS_HIDDEN) <= 78  # one line at 80 columns


def test_what_to_listen_for_is_a_bulleted_list_or_nothing() -> None:
    session = answer([])
    question = session.bank.question("q1")
    assert lines.look_for(question, MARKS) is None
    listed = question.model_copy(update={"look_for": ["An example"]})
    assert lines.plain(lines.look_for(listed, MARKS) or ()) == "Listen for:\n * An example"


@pytest.mark.parametrize(
    ("voted", "expected"),
    [
        # Sealed: the sample answer, never its reference rating (that would lead the panel).
        (("m1",), "Sample answer: Answer 1."),
        # All voted, so shown: the reference rating and why.
        (("m1", "m2"), "Sample answer: Answer 1.\nReference rating: <middle>. Why 1."),
    ],
)
def test_the_sample_answer_shows_its_rating_only_once_the_votes_show(
    voted: tuple[str, ...], expected: str
) -> None:
    session = practice(["middle"], ["Ann", "Bo"], [("p1", "q1", m, "up") for m in voted])
    shown = lines.sample(session, "p1", session.bank.question("q1"), MARKS)
    assert shown is not None
    assert lines.plain(shown) == expected
    assert ("Answer 1.", "quoted") in shown


@pytest.mark.parametrize(
    ("voted", "last_lines"),
    [
        # Sealed: read aloud without its rating, as shown.
        (("m1",), ["Sample answer: Answer 1."]),
        # Shown: the reference is read too, so a trainee who cannot see it can
        # calibrate (found by a tester); a mock candidate hears nobody judged.
        (("m1", "m2"), ["Sample answer: Answer 1.", "Reference rating: Middle. Why 1."]),
    ],
)
def test_practice_reads_the_reference_aloud_once_the_votes_show(
    voted: tuple[str, ...], last_lines: list[str]
) -> None:
    session = practice(["middle"], ["Ann", "Bo"], [("p1", "q1", m, "up") for m in voted])
    said = lines.spoken(session, "p1", session.bank.question("q1")).splitlines()
    # Then how the votes stand, the last line.
    assert said[-len(last_lines) - 1 : -1] == last_lines
    assert said[-1].startswith("Votes "), said


def test_a_live_answer_has_no_sample() -> None:
    session = answer([])
    assert lines.sample(session, "c1", session.bank.question("q1"), MARKS) is None


@pytest.mark.parametrize(
    ("question", "first_lines"),
    [
        # where the panel is, and whose answer: a listener cannot see the heading
        ("q1", ["Question 1 of 2, for Alex."]),
        # what the screen shows under an essential, weighted question is said too
        ("q2", ["Question 2 of 2, for Alex.", "Essential, counts 2 times."]),
    ],
)
def test_the_text_read_aloud_says_where_the_panel_is(question: str, first_lines: list[str]) -> None:
    session = answer([])
    said = lines.spoken(session, "c1", session.bank.question(question)).splitlines()
    assert said[: len(first_lines)] == first_lines
    assert said[len(first_lines)] == session.bank.question(question).text


def _with_late_vote(session: Session) -> Session:
    """The last vote given after the chair showed the votes early."""
    *first, last = session.votes
    late = last.model_copy(update={"after_reveal": True})
    reveal = Reveal(candidate="c1", question="q1", at=T0)
    return session.model_copy(update={"votes": [*first, late], "reveals": [reveal]})


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        # Sealed: a row says only that its member voted, never how.
        (
            answer(ups("m1")),
            {
                "m1": lines.SeatState(voted=True),
                "m2": lines.SeatState(),
                "m3": lines.SeatState(),
            },
        ),
        # Everyone voted: every vote shows; the observer (m4) has no row.
        (
            answer(ups("m1", "m2", "m3")),
            {m: lines.SeatState(voted=True, shown="up", revealed=True) for m in ("m1", "m2", "m3")},
        ),
        # Shown early, then seat 2 voted: shown, and marked as given after.
        (
            _with_late_vote(answer(ups("m1", "m2"))),
            {
                "m1": lines.SeatState(voted=True, shown="up", revealed=True),
                "m2": lines.SeatState(voted=True, shown="up", revealed=True, changed=True),
                "m3": lines.SeatState(revealed=True),
            },
        ),
        # Finished (which shows every answer's votes) with nobody voting on this
        # answer: nobody is waiting any more (found by a new user: "Waiting").
        (
            answer([], finished=True),
            {m: lines.SeatState(revealed=True) for m in ("m1", "m2", "m3")},
        ),
    ],
)
def test_each_seat_shows_its_vote_only_once_the_votes_show(
    session: Session, expected: dict[str, lines.SeatState]
) -> None:
    assert lines.answer_votes(session, "c1", "q1").seats == expected


@pytest.mark.parametrize(
    ("roles", "seat", "listed"),
    [
        ("LPO", 1, True),  # a lived-experience member votes with the seat's keys
        ("LPO", 2, True),  # so does a professional
        ("LPO", 3, False),  # an observer's keys record no vote (found by a tester)
        ("LPO", 4, True),  # an empty seat's keys are its own: a member added takes them
    ],
)
def test_the_help_lists_vote_keys_only_for_a_seat_that_can_vote(
    roles: str, seat: int, listed: bool
) -> None:
    member = next((m for m in build(roles).panel if m.seat == seat), None)
    assert lines.lists_vote_keys(member) is listed
