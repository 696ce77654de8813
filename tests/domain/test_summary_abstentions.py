"""Abstentions in the summary: votes (a member who steps out or declares a conflict)
that count in no score, so a candidate or group with only those is said to have
votes, none counted, and never to be waiting for a score.
"""

from __future__ import annotations

import csv
import io

from panel_tui.domain.exports import render
from tests.domain import builders
from tests.domain.test_summary import summary_of

#: A candidate's score when every vote on them was an abstention.
ALL_ABSTAINED = "No score, since every vote was an abstention"


def test_a_candidate_with_only_abstentions_is_not_said_to_have_no_votes() -> None:
    # PRODUCT.md 3: abstain is a vote (a member who steps out or declares a
    # conflict). Two abstentions and nothing else: no score, but the ranking's
    # Score cell must not say "No votes" beside an Abstain column of 2.
    made = builders.session("LP", [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "abstain")])
    (alex,) = summary_of(made).candidates
    assert (alex.score, alex.tally.abstain) == (ALL_ABSTAINED, 2)
    assert alex.score_cell == ALL_ABSTAINED
    assert f"| Not ranked | C1: Alex | {ALL_ABSTAINED} | 0 | 0 | 0 | 2 |" in (render(made, "md"))


def test_a_candidate_with_only_abstentions_is_not_said_to_await_a_score() -> None:
    # The round was over and every member had abstained on the candidate (each
    # declared a conflict), yet the summary said "No score yet", as if votes were
    # still to come. "Yet" stays for a candidate nobody has voted on.
    made = builders.session(
        "LP", [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "abstain")]
    ).model_copy(update={"finished": True})
    (alex,) = summary_of(made).candidates
    assert alex.score == alex.score_cell == ALL_ABSTAINED
    assert dict(alex.facts)["Score"] == ALL_ABSTAINED
    assert alex.votes_words == "No counted votes; 2 abstained"
    assert "No score yet" not in render(made, "md") + render(made, "html")
    assert f'<td class="num">{ALL_ABSTAINED}</td>' in render(made, "html")
    (row,) = csv.DictReader(io.StringIO(render(made, "csv").lstrip("\ufeff")))
    assert (row["score_pct"], row["abstain"]) == ("", "2")


def test_abstentions_beside_votes_still_sealed_leave_the_score_to_come() -> None:
    # Both abstained on q1 (shown); on q2 one member voted and the other has not, so
    # that vote is sealed and left out: it may well count, so the score is not ruled out.
    made = builders.session(
        "LP",
        [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "abstain"), ("c1", "q2", "m1", "up")],
        questions=[("q1", 1.0, False), ("q2", 1.0, False)],
    )
    (alex,) = summary_of(made).candidates
    assert (alex.score, alex.tally.abstain, alex.tally.counted) == ("No score yet", 2, 0)


def test_abstentions_with_questions_still_to_ask_leave_the_score_to_come() -> None:
    # Found by a reviewer: both abstained on q1 of an open round, q2 not yet asked;
    # the summary read as final. Once the round is finished, nothing more comes.
    made = builders.session(
        "LP",
        [("c1", "q1", "m1", "abstain"), ("c1", "q1", "m2", "abstain")],
        questions=[("q1", 1.0, False), ("q2", 1.0, False)],
    )
    (alex,) = summary_of(made).candidates
    assert alex.score == "No score yet"
    (alex,) = summary_of(made.model_copy(update={"finished": True})).candidates
    assert alex.score == ALL_ABSTAINED


def test_a_group_that_only_abstained_has_no_counted_votes_rather_than_no_votes() -> None:
    # The professional (m2) declared a conflict; the lived-experience member voted up.
    made = builders.session("LP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "abstain")])
    (alex,) = summary_of(made).candidates
    assert dict(alex.group_scores) == {
        "Lived-experience members' own score": "100.0% on 1 of 1 question",
        "Professionals' own score": "No counted votes from this group",
    }
    # With no vote at all from a group, it has none.
    silent = builders.session("LP", [("c1", "q1", "m1", "up")])
    (alex,) = summary_of(silent).candidates
    assert dict(alex.group_scores)["Professionals' own score"] == "No votes from this group"
