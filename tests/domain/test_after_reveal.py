"""What the record says of votes changed, and undone, after the votes were shown.

Each story is played as the app plays it (``Session.new_vote`` and the chair's
``undo_event``), a minute apart, on one answer with four voting members. What
counts as the whole truth: the after-the-reveal list tells each change and its
undo; the counts are of votes that stand; the votes CSV gives a vote that stands
the time and marks of the vote that gave it, never of the undo that brought it back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import timedelta

import pytest

from panel_tui.domain.after_reveal import after_reveal
from panel_tui.domain.exports import ExportOptions, render
from panel_tui.domain.importing import parse_session
from panel_tui.domain.interview_lines import answer_votes
from panel_tui.domain.models import Reveal, Session, VoteValue
from panel_tui.domain.undos import undo_event
from tests.domain.builders import T0, session

#: A story's step: a member's vote, "undo" (the chair's Backspace) or "reveal" (early).
Play = tuple[str, VoteValue] | str
ALL_UP: list[Play] = [("m1", "up"), ("m2", "up"), ("m3", "up"), ("m4", "up")]


def _minute(n: int) -> str:
    return f"2026-11-23T{10 + n // 60:02d}:{n % 60:02d}:00Z"


def _played(plays: list[Play]) -> Session:
    made = session("LLPP")
    for n, play in enumerate(plays):
        at = T0 + timedelta(minutes=n)
        if play == "reveal":
            reveal = Reveal(candidate="c1", question="q1", at=at)
            made = made.model_copy(update={"reveals": [*made.reveals, reveal]})
            continue
        if isinstance(play, tuple):
            member, value = play
            event = made.new_vote("c1", "q1", member, value)
        else:
            assert play == "undo"
            undone = undo_event(made, "c1", "q1")
            assert undone is not None
            event = undone
        made = made.model_copy(update={"votes": [*made.votes, event.model_copy(update={"at": at})]})
    return made


@dataclass(frozen=True)
class Case:
    plays: list[Play]
    lines: list[str]  #: the summary's "Votes given after the reveal", seat by seat
    late: int  #: the candidates CSV's after_reveal_votes
    row: tuple[str, str, str, str] | None  #: a seat's votes CSV row: vote, changed, after, at
    seat: int = 1
    early: str | None = None  #: the early reveals table's "Voted after the reveal"


CASES = {
    # Everyone voted (shown), seat 1 changed to Down, the chair undid it: Up, given
    # before the reveal, stands; said with the change, counted nowhere, at its own time.
    "change then undo": Case(
        [*ALL_UP, ("m1", "down"), "undo"],
        [
            "Seat 1, Member 1 changed from ▲ Up to ▼ Down after the votes were shown, "
            "then it was undone: ▲ Up stands."
        ],
        0,
        ("Up", "no", "no", _minute(0)),
    ),
    # Revealed early; seat 3's first vote came after, and was undone: no vote stands.
    "first vote after the reveal then undo": Case(
        [("m1", "up"), ("m2", "up"), "reveal", ("m3", "up"), "undo"],
        [
            "Seat 3, Member 3 voted ▲ Up after the votes were shown, then it was undone: no vote stands."
        ],
        0,
        None,
        seat=3,
        early="Seat 3, Member 3 (vote withdrawn later)",
    ),
    # Changed, undone, changed again: both changes are told, the first with its undo
    # (back to Up, not "stands": Middle does); the second stands and is counted.
    "change, undo, change again": Case(
        [*ALL_UP, ("m1", "down"), "undo", ("m1", "middle")],
        [
            "Seat 1, Member 1 changed from ▲ Up to ▼ Down after the votes were shown, "
            "then it was undone: back to ▲ Up.",
            "Seat 1, Member 1 changed from ▲ Up to ● Middle after the votes were shown.",
        ],
        1,
        ("Middle", "yes", "yes", _minute(6)),
    ),
    # Revealed early after seat 1 voted; seat 1 changed, the chair undid it: the early
    # reveals table says the change was undone, and nothing counts as after the reveal.
    "early reveal then change then undo": Case(
        [("m1", "up"), "reveal", ("m1", "down"), "undo"],
        [
            "Seat 1, Member 1 changed from ▲ Up to ▼ Down after the votes were shown, "
            "then it was undone: ▲ Up stands."
        ],
        0,
        ("Up", "no", "no", _minute(0)),
        early="Seat 1, Member 1 (changed their vote, then it was undone)",
    ),
    # Revealed early; seat 2 voted Up after it, changed to Down, and the chair undid
    # the change: the Up brought back was itself given after the reveal, and says so.
    "first vote after an early reveal, change, undo": Case(
        [("m1", "up"), "reveal", ("m2", "up"), ("m2", "down"), "undo"],
        [
            "Seat 2, Member 2 voted ▲ Up after the votes were shown.",
            "Seat 2, Member 2 changed from ▲ Up to ▼ Down after the votes were shown, "
            "then it was undone: ▲ Up stands.",
        ],
        1,
        ("Up", "no", "yes", _minute(2)),
        seat=2,
        early="Seat 2, Member 2",
    ),
    # Revealed early; seat 3 voted Up after it, the chair withdrew it, and seat 3 gave
    # Up again: unchanged, so not marked itself, but it stands for an Up given after
    # the reveal, and is counted so, at that Up's time.
    "first vote after an early reveal, withdrawn, given again": Case(
        [("m1", "up"), "reveal", ("m3", "up"), "undo", ("m3", "up")],
        [
            "Seat 3, Member 3 voted ▲ Up after the votes were shown, then it was undone.",
            "Seat 3, Member 3 gave the same vote again (▲ Up).",
        ],
        1,
        ("Up", "no", "yes", _minute(2)),
        seat=3,
        early="Seat 3, Member 3",
    ),
}


def _changes(text: str) -> list[str]:
    part = text.split("### Votes given after the reveal")[1].split("\n\n")[1]
    return [line.removeprefix("- Question 1: ") for line in part.splitlines()]


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_every_format_tells_the_same_story(case: Case) -> None:
    played = _played(case.plays)
    md = render(played, "md", ExportOptions())
    assert _changes(md) == case.lines
    html = render(played, "html", ExportOptions())
    for line in case.lines:
        assert line in html
    (candidate,) = csv.DictReader(io.StringIO(render(played, "csv", ExportOptions())))
    assert candidate["after_reveal_votes"] == str(case.late)
    rows = {
        r["seat"]: r
        for r in csv.DictReader(io.StringIO(render(played, "votes-csv", ExportOptions())))
    }
    # One count: the candidates CSV counts the votes CSV's rows marked after the reveal.
    assert sum(r["after_reveal"] == "yes" for r in rows.values()) == case.late
    row = rows.get(str(case.seat))
    got = (
        (row["vote"], row["changed_after_reveal"], row["after_reveal"], row["at"]) if row else None
    )
    assert got == case.row
    if case.early is not None:
        assert f"| {case.early} |" in md
    # The json keeps every event as it was: read back, the session is the same.
    again = parse_session(render(played, "json", ExportOptions()).encode(), "again.json")
    assert again.votes == played.votes


@pytest.mark.parametrize(
    ("plays", "said"),
    [
        # A change undone: said, though no vote after the reveal stands.
        (
            [*ALL_UP, ("m1", "down"), "undo"],
            ["1 change made after the votes were shown was undone: the vote given before stands."],
        ),
        # A first vote after an early reveal, undone: withdrawn.
        (
            [("m1", "up"), "reveal", ("m2", "up"), "undo"],
            ["1 vote was withdrawn after the votes were shown."],
        ),
        # Seat 4's Up, given before the reveal, withdrawn after it and given again: no
        # change, and nothing undone (a reviewer saw "1 change ... was undone").
        (
            [*ALL_UP, "undo", ("m4", "up")],
            ["1 vote was withdrawn after the votes were shown and given again unchanged."],
        ),
        # Changed, undone, changed again: one vote after the reveal stands.
        (
            [*ALL_UP, ("m1", "down"), "undo", ("m1", "middle")],
            ["1 vote was given after the votes were shown."],
        ),
    ],
)
def test_a_totals_only_summary_counts_what_stands_and_says_what_was_undone(
    plays: list[Play], said: list[str]
) -> None:
    md = render(_played(plays), "md", ExportOptions(totals_only=True))
    assert _changes(md) == said


def test_an_undo_brings_back_the_vote_that_gave_its_value() -> None:
    # The undo event's own time is a minute later; the vote standing is the first Up.
    played = _played([*ALL_UP, ("m1", "down"), "undo"])
    story = after_reveal(played, "c1", "q1")
    assert story.standing["m1"].given is played.votes[0]
    assert (story.late, story.taken_back) == (frozenset(), frozenset({"m1"}))


def test_the_interview_screen_marks_the_votes_the_summary_marks() -> None:
    # Seat 3's Up given again stands for the Up given after the early reveal.
    played = _played([("m1", "up"), "reveal", ("m3", "up"), "undo", ("m3", "up")])
    states = answer_votes(played, "c1", "q1").seats
    assert [states[m].changed for m in ("m1", "m3")] == [False, True]
