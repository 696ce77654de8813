"""Early reveals in the record: which votes were given after the votes were shown.

The story throughout: seat 1 Up, seat 2 Middle, the chair reveals, seat 3 Up.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.importing import parse_session
from panel_tui.domain.models import Reveal, Session, Settings, VoteValue
from panel_tui.domain.reveals import EarlyReveal, early_reveals
from panel_tui.domain.scoring import score_session
from tests.domain.builders import T0, session


def _story(**settings: Any) -> Session:
    """Seats 1 and 2 vote, the chair reveals, seat 3 votes: each vote made by new_vote."""
    made = session("LLP", settings=Settings(**settings))
    first: list[tuple[str, VoteValue]] = [("m1", "up"), ("m2", "middle")]
    for member, value in first:
        made = made.model_copy(
            update={"votes": [*made.votes, made.new_vote("c1", "q1", member, value)]}
        )
    made = made.model_copy(update={"reveals": [Reveal(candidate="c1", question="q1", at=T0)]})
    return made.model_copy(update={"votes": [*made.votes, made.new_vote("c1", "q1", "m3", "up")]})


def test_a_first_vote_after_an_early_reveal_is_marked() -> None:
    story = _story()
    assert [v.after_reveal for v in story.votes] == [False, False, True]
    assert early_reveals(story) == [EarlyReveal("c1", "q1", 2, 3, ("m3",))]


def test_in_an_open_session_first_votes_are_not_marked_and_nothing_is_early() -> None:
    story = _story(sealed=False)
    assert [v.after_reveal for v in story.votes] == [False, False, False]
    assert early_reveals(story) == []
    assert "Votes were open" in score_session(story).method


def test_a_reveal_after_everyone_voted_is_not_early() -> None:
    made = session(
        "LLP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up"), ("c1", "q1", "m3", "down")]
    )
    made = made.model_copy(
        update={"reveals": [Reveal(candidate="c1", question="q1", at=T0 + timedelta(hours=1))]}
    )
    assert early_reveals(made) == []
    method = score_session(made).method
    assert "until everyone had voted." in method
    assert "except" not in method


def test_the_method_says_sealed_except_where_listed() -> None:
    assert "except where listed under early reveals" in score_session(_story()).method


def test_a_reveal_with_nobody_voting_after_is_listed_with_nobody() -> None:
    made = session("LLP", [("c1", "q1", "m1", "up")])
    made = made.model_copy(update={"reveals": [Reveal(candidate="c1", question="q1", at=T0)]})
    assert early_reveals(made) == [EarlyReveal("c1", "q1", 1, 3, ())]


def _hr_file(after_reveal: dict[int, Any] | None = None) -> bytes:
    """The story as an HR system might write it: no after_reveal unless given."""
    votes: list[dict[str, Any]] = [
        {"candidate": "c1", "question": "q1", "member": m, "value": v, "at": at}
        for m, v, at in (
            ("m1", "up", "2026-11-23T10:00:01Z"),
            ("m2", "middle", "2026-11-23T10:00:02Z"),
            ("m3", "up", "2026-11-23T10:00:04Z"),
        )
    ]
    for index, value in (after_reveal or {}).items():
        votes[index]["after_reveal"] = value
    record = {
        "format": "panel-tui/session",
        "version": 1,
        "id": "story",
        "title": "Story",
        "bank": {"id": "b", "title": "Bank", "questions": [{"id": "q1", "text": "Why?"}]},
        "panel": [
            {"id": "m1", "name": "Sam", "role": "lived_experience", "seat": 1},
            {"id": "m2", "name": "Priya", "role": "lived_experience", "seat": 2},
            {"id": "m3", "name": "Dan", "role": "professional", "seat": 3},
        ],
        "candidates": [{"id": "c1", "code": "C1", "name": "Alex"}],
        "votes": votes,
        "reveals": [{"candidate": "c1", "question": "q1", "at": "2026-11-23T10:00:03Z"}],
    }
    return json.dumps(record).encode()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, [False, False, True]),  # not said: worked out from the times
        ({2: None}, [False, False, True]),  # null: not said
        ({2: ""}, [False, False, True]),  # a blank cell: not said
        ({2: False}, [False, False, False]),  # the file says: trusted
        ({0: True}, [True, False, True]),  # said for one, worked out for the rest
    ],
)
def test_import_works_out_after_reveal_when_the_file_does_not_say(
    given: dict[int, Any], expected: list[bool]
) -> None:
    imported = parse_session(_hr_file(given), "story.json")
    assert [v.after_reveal for v in imported.votes] == expected


def test_a_vote_in_the_same_second_as_the_reveal_counts_as_after_it() -> None:
    raw = _hr_file().replace(b"10:00:04Z", b"10:00:03Z")
    assert [v.after_reveal for v in parse_session(raw, "story.json").votes] == [False, False, True]


def test_the_imported_story_shows_in_every_export_format() -> None:
    imported = parse_session(_hr_file(), "story.json")
    texts = {name: render(imported, name, ExportOptions()) for name in FORMATS}
    for name in ("md", "html"):
        assert "except where listed under early reveals" in texts[name]
        assert "2 of 3 voting members had voted" in texts[name]
        assert "Seat 3, Dan" in texts[name]
        assert "Seat 3, Dan voted ▲ Up after the votes were shown." in texts[name]
    assert "| ▲ Up (after reveal) |" in texts["md"]
    rows = list(csv.DictReader(io.StringIO(texts["votes-csv"])))
    assert [r["after_reveal"] for r in rows] == ["no", "no", "yes"]
    (candidate,) = csv.DictReader(io.StringIO(texts["csv"]))
    assert (candidate["early_reveals"], candidate["after_reveal_votes"]) == ("1", "1")
    record = json.loads(texts["json"])
    assert [v["after_reveal"] for v in record["votes"]] == [False, False, True]
    assert record["results"]["early_reveals"][0]["voted_after"] == ["m3"]
    # ...and the export read back says the same without working anything out.
    again = parse_session(texts["json"].encode(), "again.json")
    assert again.votes == imported.votes


def test_totals_only_counts_who_voted_after_without_naming_them() -> None:
    text = render(parse_session(_hr_file(), "story.json"), "md", ExportOptions(totals_only=True))
    assert "| C1: Alex | Question 1: Why? | 2 of 3 voting members had voted | 1 member |" in text
    assert "Dan" not in text.split("## Early reveals")[1].split("## The panel")[0]


def test_a_totals_only_json_counts_who_voted_after_without_naming_them() -> None:
    imported = parse_session(_hr_file(), "story.json")
    record = json.loads(render(imported, "json", ExportOptions(totals_only=True)))
    (early,) = record["results"]["early_reveals"]
    assert early == {
        "candidate": "c1",
        "question": "q1",
        "voted_before": 2,
        "voters": 3,
        "voted_after": 1,
        "withdrawn": 0,
        "changed": 0,
        "undone": 0,
    }


def test_one_who_had_voted_and_voted_again_after_an_early_reveal_is_said_to_have_changed() -> None:
    # Found by a tester: "2 of 3 voting members had voted" and then "Voted after the
    # reveal" named 3 members, one of them among the 2 who had voted.
    story = _story()
    again = story.new_vote("c1", "q1", "m1", "down")
    story = story.model_copy(update={"votes": [*story.votes, again]})
    (early,) = early_reveals(story)
    assert (early.voted_after, early.changed) == (("m3", "m1"), ("m1",))
    text = render(story, "md")
    assert "Seat 3, Member 3; Seat 1, Member 1 (changed their vote)" in text
    totals = render(story, "md", ExportOptions(totals_only=True))
    assert "2 members (1 changed their vote)" in totals


def _withdrawn_story() -> Session:
    """The story, then seat 3 withdraws the vote given after the reveal."""
    story = _story()
    return story.model_copy(
        update={"votes": [*story.votes, story.new_vote("c1", "q1", "m3", None)]}
    )


def test_a_vote_given_after_the_reveal_then_withdrawn_says_so() -> None:
    # Seat 3 still voted after the votes were shown (true of what happened), and
    # the record says the vote no longer stands.
    assert early_reveals(_withdrawn_story()) == [EarlyReveal("c1", "q1", 2, 3, ("m3",), ("m3",))]
    # A withdrawal then a new vote: it stands again, so nothing is said.
    again = _withdrawn_story()
    again = again.model_copy(
        update={"votes": [*again.votes, again.new_vote("c1", "q1", "m3", "down")]}
    )
    assert early_reveals(again) == [EarlyReveal("c1", "q1", 2, 3, ("m3",), ())]


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (ExportOptions(), "| Seat 3, Member 3 (vote withdrawn later) |"),
        (ExportOptions(totals_only=True), "| 1 member (1 withdrawn later) |"),
    ],
)
def test_the_summary_says_which_vote_after_the_reveal_was_withdrawn(
    options: ExportOptions, said: str
) -> None:
    text = render(_withdrawn_story(), "md", options)
    early = text.split("## Early reveals")[1].split("## ")[0]
    assert said in early, early


def test_a_totals_only_json_counts_the_withdrawn_votes() -> None:
    record = json.loads(render(_withdrawn_story(), "json", ExportOptions(totals_only=True)))
    (early,) = record["results"]["early_reveals"]
    assert (early["voted_after"], early["withdrawn"]) == (1, 1)
    record = json.loads(render(_withdrawn_story(), "json"))
    (early,) = record["results"]["early_reveals"]
    assert (early["voted_after"], early["withdrawn"]) == (["m3"], ["m3"])


#: Votes and reveals on two answers, interleaved as a panel going back and forth.
ACTIONS = st.lists(
    st.one_of(
        st.tuples(
            st.just("vote"),
            st.sampled_from(["m1", "m2", "m3"]),
            st.sampled_from(["up", "middle", "down", "abstain"]),
            st.sampled_from(["q1", "q2"]),
        ),
        st.tuples(st.just("reveal"), st.just(""), st.just(""), st.sampled_from(["q1", "q2"])),
    ),
    max_size=16,
)


@settings(max_examples=80, deadline=None)
@given(actions=ACTIONS, sealed=st.booleans())
def test_import_works_out_the_same_marks_the_app_recorded(
    actions: list[tuple[str, str, str, str]], sealed: bool
) -> None:
    """Votes and reveals a second apart: the times tell import what the app knew."""
    made = session(
        "LLP", settings=Settings(sealed=sealed), questions=(("q1", 1.0, False), ("q2", 1.0, False))
    )
    for second, (kind, member, value, question) in enumerate(actions, start=1):
        at = T0 + timedelta(seconds=second)
        if kind == "reveal":
            if not made.is_revealed("c1", question):
                reveal = Reveal(candidate="c1", question=question, at=at)
                made = made.model_copy(update={"reveals": [*made.reveals, reveal]})
            continue
        vote = made.new_vote("c1", question, member, value).model_copy(update={"at": at})  # type: ignore[arg-type]
        made = made.model_copy(update={"votes": [*made.votes, vote]})
    record = json.loads(render(made, "json"))
    for vote in record["votes"]:
        del vote["after_reveal"]
    imported = parse_session(json.dumps(record).encode(), "hr.json")
    assert [v.after_reveal for v in imported.votes] == [v.after_reveal for v in made.votes]
    assert early_reveals(imported) == early_reveals(made)


def test_a_vote_after_a_show_that_was_not_early_is_said_to_be_marked() -> None:
    # Found by a tester: a key meant for seat 1 was pressed as seat 3's, which
    # completed the answer and showed its votes. Undone, seat 3's own vote came
    # after the show; the method said "nobody saw how others voted" and listed
    # no early reveal.
    made = session("LLP")
    given: list[tuple[str, VoteValue | None]] = [("m1", "up"), ("m2", "middle"), ("m3", "up")]
    for member, value in [*given, ("m3", None)]:
        made = made.model_copy(
            update={"votes": [*made.votes, made.new_vote("c1", "q1", member, value)]}
        )
    made = made.model_copy(update={"votes": [*made.votes, made.new_vote("c1", "q1", "m3", "down")]})
    assert made.votes[-1].after_reveal and early_reveals(made) == []
    method = score_session(made).method
    assert method.endswith(
        "until everyone had voted. Votes given or changed after the votes were shown (after "
        "an undo, for instance) are marked."
    )
