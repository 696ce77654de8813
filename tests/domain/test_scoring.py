"""Scoring against small tables worked out by hand (PRODUCT.md section 4)."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Session, Settings, VoteEvent, VoteValue
from panel_tui.domain.scoring import (
    CandidateResult,
    QuestionResult,
    Tally,
    fleiss_kappa,
    rank,
    score_question,
    score_session,
)
from tests.domain.builders import T0, session

EQUAL = Settings(weighting="equal_groups")
SHARE_30 = Settings(weighting="lived_experience_share", lived_experience_share=0.3)


def q1_score(s: Session) -> QuestionResult:
    return score_session(s).by_candidate["c1"].questions[0]


@pytest.mark.parametrize(
    ("roles", "values", "settings", "expected"),
    [
        # per person: up, middle, down -> (1 + 0.5 + 0) / 3 = 0.5
        ("LLP", ["up", "middle", "down"], None, 0.5),
        # per person: L up, L up, P down -> 2/3
        ("LLP", ["up", "up", "down"], None, 2 / 3),
        # equal groups: L mean (1 + 1)/2 = 1, P mean 0 -> (1 + 0)/2 = 0.5
        ("LLP", ["up", "up", "down"], EQUAL, 0.5),
        # equal groups, three professionals: L mean 0, P mean (1+1+0.5)/3 = 5/6 -> 5/12
        ("LPPP", ["down", "up", "up", "middle"], EQUAL, 5 / 12),
        # share 0.3: L mean 1, P mean 0 -> 0.3 * 1 + 0.7 * 0 = 0.3
        ("LP", ["up", "down"], SHARE_30, 0.3),
        # share 0.3: L mean 0.5, P mean 1 -> 0.15 + 0.7 = 0.85
        ("LPP", ["middle", "up", "up"], SHARE_30, 0.85),
        # only professionals voted under a group rule: their mean stands -> (1 + 0)/2
        ("LPP", [None, "up", "down"], EQUAL, 0.5),
        # only lived experience voted under the share rule: their mean stands -> 0.5
        ("LP", ["middle", None], SHARE_30, 0.5),
        # abstain is not counted, never as down: (1 + 0.5) / 2 = 0.75
        ("LLP", ["up", "abstain", "middle"], None, 0.75),
        # abstain in a group rule: L has only abstain -> P mean 0.5 stands
        ("LP", ["abstain", "middle"], EQUAL, 0.5),
        # missing votes are not counted: one up -> 1
        ("LLP", ["up", None, None], None, 1.0),
        # an observer is on the panel but never counts: L up, P down -> 0.5
        ("LPO", ["up", "down", None], None, 0.5),
        # nobody counted (all abstain): no score
        ("LP", ["abstain", "abstain"], None, None),
    ],
)
def test_question_score(roles, values, settings, expected):  # type: ignore[no-untyped-def]
    rows = [("c1", "q1", f"m{n}", v) for n, v in enumerate(values, start=1) if v is not None]
    result = q1_score(session(roles, rows, settings=settings))
    if expected is None:
        assert result.score is None
    else:
        assert result.score == pytest.approx(expected, abs=1e-12)


def test_only_the_latest_vote_of_a_member_counts() -> None:
    # m1 up then down; m2 up -> latest: down (0), up (1) -> 0.5; tally 1 up, 1 down
    s = session(
        "LP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "up"), ("c1", "q1", "m1", "down")]
    )
    result = q1_score(s)
    assert result.score == 0.5
    assert result.tally == Tally(up=1, middle=0, down=1, abstain=0)
    assert result.votes == {"m1": "down", "m2": "up"}


def test_a_withdrawn_vote_no_longer_counts() -> None:
    # m1 up, m2 down, then m2 withdrawn (undo) -> only m1 up -> 1.0
    s = session(
        "LP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "down"), ("c1", "q1", "m2", None)]
    )
    assert q1_score(s).score == 1.0
    assert q1_score(s).tally.counted == 1


def test_split_needs_an_up_and_a_down_among_counted_votes() -> None:
    split = session(
        "LLP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "middle"), ("c1", "q1", "m3", "down")]
    )
    no_split = session(
        "LLP",
        [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "middle"), ("c1", "q1", "m3", "abstain")],
    )
    assert q1_score(split).split is True
    assert q1_score(no_split).split is False


@pytest.mark.parametrize(
    ("essential", "values", "concern"),
    [
        (True, ["middle", "down"], True),  # essential, (0.5 + 0)/2 = 0.25 < 0.5
        (True, ["middle", "middle"], False),  # essential, exactly 0.5 is not below
        (False, ["down", "down"], False),  # not essential: never a concern
        (True, ["abstain", "abstain"], False),  # no score: nothing to be below
    ],
)
def test_concern(essential, values, concern):  # type: ignore[no-untyped-def]
    rows = [("c1", "q1", f"m{n}", v) for n, v in enumerate(values, start=1)]
    s = session("LP", rows, questions=[("q1", 1.0, essential)])
    assert q1_score(s).concern is concern


def test_candidate_score_is_weighted_by_question_weight_over_scored_questions() -> None:
    # q1 weight 2: up, up -> 1.0; q2 weight 1: down, middle -> 0.25; q3 weight 5: no votes
    # candidate = (2 * 1.0 + 1 * 0.25) / 3 = 0.75 -> "75.0"
    s = session(
        "LP",
        [
            ("c1", "q1", "m1", "up"),
            ("c1", "q1", "m2", "up"),
            ("c1", "q2", "m1", "down"),
            ("c1", "q2", "m2", "middle"),
        ],
        questions=[("q1", 2.0, False), ("q2", 1.0, False), ("q3", 5.0, False)],
    )
    result = score_session(s).by_candidate["c1"]
    assert result.score == pytest.approx(0.75)
    assert result.score_pct == "75.0"
    assert result.tally == Tally(up=2, middle=1, down=1, abstain=0)


def test_voice_gap_per_question_and_candidate() -> None:
    # q1: L up (1), P down (0) -> gap +1.0; q2: L middle (0.5), P up (1) -> gap -0.5
    # candidate, equal weights: L score (1 + 0.5)/2 = 0.75, P (0 + 1)/2 = 0.5 -> +0.25
    s = session(
        "LP",
        [
            ("c1", "q1", "m1", "up"),
            ("c1", "q1", "m2", "down"),
            ("c1", "q2", "m1", "middle"),
            ("c1", "q2", "m2", "up"),
        ],
        questions=[("q1", 1.0, False), ("q2", 1.0, False)],
    )
    result = score_session(s).by_candidate["c1"]
    assert [q.voice_gap for q in result.questions] == [1.0, -0.5]
    assert result.voice_gap == pytest.approx(0.25)


def test_voice_gap_is_none_when_a_group_did_not_vote() -> None:
    s = session("LP", [("c1", "q1", "m1", "up"), ("c1", "q1", "m2", "abstain")])
    assert q1_score(s).voice_gap is None
    assert score_session(s).by_candidate["c1"].voice_gap is None


def test_ranking_shares_ranks_lists_ties_by_name_and_puts_unscored_last() -> None:
    # Scores: Zoe 1.0; Bea 0.5 and Al 0.5 (tie, listed by name: Al, Bea); Cy 0.0; Dee none
    # Ranks: 1, 2, 2, 4, and Dee no rank, last.
    candidates = [("c1", "Bea"), ("c2", "Zoe"), ("c3", "Dee"), ("c4", "Al"), ("c5", "Cy")]
    rows = [
        ("c1", "q1", "m1", "middle"),
        ("c2", "q1", "m1", "up"),
        ("c4", "q1", "m1", "middle"),
        ("c5", "q1", "m1", "down"),
    ]
    ranking = score_session(session("L", rows, candidates=candidates)).ranking
    assert [(r.candidate, r.rank) for r in ranking] == [
        ("c2", 1),
        ("c4", 2),
        ("c1", 2),
        ("c5", 4),
        ("c3", None),
    ]


def test_scores_equal_before_rounding_share_a_rank_but_not_after_rounding() -> None:
    # c1: q1 up, q2 middle, q3 middle, weights 1, 1, 1 -> 2/3; c2: up, up, down -> 2/3
    # (the same score reached by other votes): a tie, listed by name (A before B).
    qs = [("q1", 1.0, False), ("q2", 1.0, False), ("q3", 1.0, False)]
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q2", "m1", "middle"),
        ("c1", "q3", "m1", "middle"),
        ("c2", "q1", "m1", "down"),
        ("c2", "q2", "m1", "up"),
        ("c2", "q3", "m1", "up"),
    ]
    ranking = score_session(
        session("L", rows, questions=qs, candidates=[("c1", "B"), ("c2", "A")])
    ).ranking
    assert [(r.candidate, r.rank, r.score_pct) for r in ranking] == [
        ("c2", 1, "66.7"),
        ("c1", 1, "66.7"),
    ]


def test_method_statement_names_the_rule_and_sealing() -> None:
    share = score_session(session("LP", settings=SHARE_30)).method
    assert "30%" in share and "70%" in share and "sealed" in share
    open_equal = score_session(
        session("LP", settings=Settings(weighting="equal_groups", sealed=False))
    ).method
    assert "two equal halves" in open_equal and "open" in open_equal


@pytest.mark.parametrize("settings", [SHARE_30, Settings(weighting="equal_groups")])
def test_method_statement_says_one_group_alone_stands(settings: Settings) -> None:
    # PRODUCT.md 4: in both group rules, when only one group has counted votes on
    # a question, its mean is the question score. The words at the top of every
    # summary must say so, or a reader working "30% of each score" by hand gets
    # 0.3 x 1 = 30% where the summary shows 100%.
    results = score_session(session("LP", [("c1", "q1", "m1", "up")], settings=settings))
    assert results.ranking[0].score_pct == "100.0"
    assert (
        "where only one group has counted votes on a question, that group's mean is "
        "the question score"
    ) in results.method
    per_person = score_session(session("LP")).method
    assert "only one group" not in per_person


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # Perfect agreement on two categories: P_bar = 1, p = (0.5, 0, 0.5),
        # P_e = 0.5 -> kappa = (1 - 0.5) / 0.5 = 1
        ([["up", "up"], ["down", "down"]], 1.0),
        # Two raters always disagree, up/down: P_bar = 0, P_e = 0.5 -> -1
        ([["up", "down"], ["down", "up"]], -1.0),
        # Wikipedia-style small case: items (up,up,down), (up,up,up);
        # P_1 = (4+1-3)/6 = 1/3, P_2 = (9-3)/6 = 1 -> P_bar = 2/3;
        # p_up = 5/6, p_down = 1/6 -> P_e = 26/36; kappa = (2/3 - 26/36)/(10/36) = -0.2
        ([["up", "up", "down"], ["up", "up", "up"]], -0.2),
        # Everyone always says up: chance agreement is 1, kappa undefined
        ([["up", "up"], ["up", "up"]], None),
        # Items with one rating are left out: nothing to compare
        ([["up"], ["down"]], None),
    ],
)
def test_fleiss_kappa(items, expected):  # type: ignore[no-untyped-def]
    kappa = fleiss_kappa(items)
    if expected is None:
        assert kappa is None
    else:
        assert kappa == pytest.approx(expected)


def _result(candidate: str, score: float | None) -> CandidateResult:
    return CandidateResult(candidate, [], score, None, Tally(), None, None)


def test_rank_tolerance_is_before_rounding() -> None:
    # a = 2/3 and b = 2/3 + 1e-12 differ only by floating-point noise: they share rank 1.
    # c = 0.6674 shows as "66.7" like them, but is higher: rank 1 alone, a and b rank 2.
    labels = {"a": "A", "b": "B", "c": "C"}
    ranked = rank([_result("a", 2 / 3), _result("b", 2 / 3 + 1e-12), _result("c", 0.6674)], labels)
    assert [(r.candidate, r.rank, r.score_pct) for r in ranked] == [
        ("c", 1, "66.7"),
        ("a", 2, "66.7"),
        ("b", 2, "66.7"),
    ]


def test_a_score_of_one_half_reached_through_floating_point_is_no_concern() -> None:
    # share 0.6: L mean (1 + 0.5)/2 = 0.75, P mean (0 + 0.5 + 0 + 0)/4 = 0.125
    # 0.6 * 0.75 + 0.4 * 0.125 = 0.45 + 0.05 = 0.5 exactly on paper, but
    # 0.49999999999999994 in floating point: not below one half.
    s = session(
        "LLPPPP",
        [
            ("c1", "q1", "m1", "up"),
            ("c1", "q1", "m2", "middle"),
            ("c1", "q1", "m3", "down"),
            ("c1", "q1", "m4", "middle"),
            ("c1", "q1", "m5", "down"),
            ("c1", "q1", "m6", "down"),
        ],
        questions=[("q1", 1.0, True)],
        settings=Settings(weighting="lived_experience_share", lived_experience_share=0.6),
    )
    result = q1_score(s)
    assert result.score == pytest.approx(0.5)
    assert result.concern is False


def _withdrawn_then(again: VoteValue) -> Session:
    """All three vote (so the votes show), m1 withdraws, then votes ``again``."""
    s = session(
        "LLP", [("c1", "q1", "m1", "down"), ("c1", "q1", "m2", "up"), ("c1", "q1", "m3", "up")]
    )
    withdraw = VoteEvent(
        candidate="c1", question="q1", member="m1", value=None, at=T0, after_reveal=True, undoes=0
    )
    s = s.model_copy(update={"votes": [*s.votes, withdraw]})
    return s.model_copy(update={"votes": [*s.votes, s.new_vote("c1", "q1", "m1", again)]})


def test_a_vote_withdrawn_and_given_again_unchanged_is_not_marked_changed() -> None:
    result = score_question(_withdrawn_then("down"), "c1", "q1")
    assert result.votes == {"m1": "down", "m2": "up", "m3": "up"}
    # The withdrawal and the vote given again are both in the history: with the
    # withdrawal alone it read as withdrawn (found by a tester).
    steps = [(step.kind, step.value) for step in result.after_reveal.steps]
    assert steps == [("withdrew", None), ("again", "down")]
    assert result.after_reveal.late == frozenset()  # but the vote standing is the one first given


def test_a_vote_withdrawn_and_given_again_otherwise_is_marked_changed() -> None:
    result = score_question(_withdrawn_then("up"), "c1", "q1")
    assert result.votes == {"m1": "up", "m2": "up", "m3": "up"}
    assert len(result.after_reveal.steps) == 2
    assert result.after_reveal.late == frozenset({"m1"})


def test_standing_votes_counts_each_members_last_vote_once() -> None:
    s = session(
        "LLP",
        [
            ("c1", "q1", "m1", "up"),
            ("c1", "q1", "m1", "down"),  # a change: still one vote
            ("c1", "q1", "m2", "up"),
            ("c1", "q1", "m2", None),  # withdrawn: none
            ("c1", "q1", "m3", "abstain"),  # an abstention is a vote given
            ("c2", "q1", "m1", "middle"),
        ],
        candidates=(("c1", "Alex"), ("c2", None)),
    )
    assert s.standing_votes() == 3


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # Every value with its own count, in the order of the keys.
        (None, "3 up, 2 middle, 1 down, 4 abstained"),
        # The ratings only, as calibration counts them.
        (("up", "middle", "down"), "3 up, 2 middle, 1 down"),
    ],
)
def test_a_tally_says_each_values_count_in_words(
    values: tuple[VoteValue, ...] | None, expected: str
) -> None:
    # Words without symbols: in plain ASCII "1 + Up, 0 - Down" read as sums.
    tally = Tally(up=3, middle=2, down=1, abstain=4)
    assert (tally.words() if values is None else tally.words(values)) == expected
