"""Calibration against tables worked by hand: agreement, lean, rounds, progress."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from panel_tui.domain.calibration import (
    PanelCalibration,
    calibrate,
    lean_words,
    member_figures,
    progress,
)
from panel_tui.domain.models import Reveal, Session, Settings
from panel_tui.domain.scoring import score_session
from panel_tui.domain.store import Store
from tests.domain.builders import T0
from tests.domain.practice import practice, shown_early_then_voted


@pytest.mark.parametrize(
    ("pairs", "agreement", "lean", "answers"),
    [
        # (vote, reference): all equal -> agreement 1, lean 0
        ([("up", "up"), ("down", "down")], 1.0, 0.0, 2),
        # up on a middle answer (+0.5), middle on a down one (+0.5), up on up (0):
        # agreement 1/3, lean (0.5 + 0.5 + 0) / 3 = 1/3: more generous
        ([("up", "middle"), ("middle", "down"), ("up", "up")], 1 / 3, 1 / 3, 3),
        # down on up (-1), middle on middle (0): agreement 1/2, lean -1/2: harsher
        ([("down", "up"), ("middle", "middle")], 0.5, -0.5, 2),
        # abstentions are left out: only (middle, up) counts -> 0 agree, lean -0.5
        ([("abstain", "up"), ("middle", "up")], 0.0, -0.5, 1),
        # nothing counted
        ([("abstain", "up")], None, None, 0),
    ],
)
def test_member_figures(pairs, agreement, lean, answers):  # type: ignore[no-untyped-def]
    got = member_figures(pairs)
    assert got == (
        None if agreement is None else pytest.approx(agreement),
        None if lean is None else pytest.approx(lean),
        answers,
    )


def test_calibration_of_a_small_rehearsal() -> None:
    # References: q1 up, q2 middle, q3 down. Three trainees:
    #        q1      q2      q3
    # Ann    up      middle  down     -> 3/3 agree, lean 0
    # Ben    up      up      middle   -> 1/3 agree, lean (0 + .5 + .5)/3 = +1/3
    # Cat    middle  down    down     -> 1/3 agree, lean (-.5 - .5 + 0)/3 = -1/3
    session = practice(
        ["up", "middle", "down"],
        ["Ann", "Ben", "Cat"],
        [
            ("p1", "q1", "m1", "up"),
            ("p1", "q1", "m2", "up"),
            ("p1", "q1", "m3", "middle"),
            ("p1", "q2", "m1", "middle"),
            ("p1", "q2", "m2", "up"),
            ("p1", "q2", "m3", "down"),
            ("p1", "q3", "m1", "down"),
            ("p1", "q3", "m2", "middle"),
            ("p1", "q3", "m3", "down"),
        ],
    )
    figures = calibrate(session)
    by_name = {m.name: m for m in figures.members}
    assert by_name["Ann"].agreement == 1.0 and by_name["Ann"].lean == 0.0
    assert by_name["Ben"].agreement == pytest.approx(1 / 3)
    assert by_name["Ben"].lean == pytest.approx(1 / 3)
    assert by_name["Cat"].lean == pytest.approx(-1 / 3)
    assert by_name["Cat"].answers == 3
    assert [(a.question, v) for a, v in by_name["Cat"].away] == [("q1", "middle"), ("q2", "down")]
    panel = figures.panel
    # 5 of 9 votes equal the reference.
    assert panel.reference_agreement == pytest.approx(5 / 9)
    # Pairs agreeing: q1 (up, up, middle) 1 of 3, q2 (all differ) 0, q3 1 of 3
    # -> P_bar = (1/3 + 0 + 1/3) / 3 = 2/9.
    assert panel.percent_agreement == pytest.approx(2 / 9)
    # q2 is split (up and down); q1: 2 of 3 agree; q2: 1 of 3 (missed); q3: 2 of 3.
    assert [(a.question, a.split, a.missed) for a in figures.flagged] == [("q2", True, True)]
    assert figures.panel.kappa_words  # kappa has words beside it
    # The summary's per-member agreement is the same figure.
    practice_result = score_session(session).practice
    assert practice_result is not None
    assert practice_result.reference_agreement["m2"] == pytest.approx(1 / 3)


def test_the_first_round_counts_in_calibration_and_the_second_is_kept() -> None:
    # q1 (reference up): round 1 Ann up, Ben down; round 2 both up.
    session = practice(
        ["up"],
        ["Ann", "Ben"],
        [
            ("p1", "q1", "m1", "up"),
            ("p1", "q1", "m2", "down"),
            ("p1", "q1", "m1", "up", 2),
            ("p1", "q1", "m2", "up", 2),
        ],
        rounds=[("p1", "q1", 2)],
    )
    assert session.round_of("p1", "q1") == 2
    assert {m: v.value for m, v in session.current_votes("p1", "q1").items()} == {
        "m1": "up",
        "m2": "up",
    }
    figures = calibrate(session)
    (answer,) = figures.answers
    assert [(r.number, r.agreeing, r.counted) for r in answer.rounds] == [(1, 1, 2), (2, 2, 2)]
    assert answer.moved and answer.split  # as round 1 was: up and down
    # Calibration measures independent judgement: Ben's up came after the reference.
    assert {m.name: m.agreement for m in figures.members} == {"Ann": 1.0, "Ben": 0.0}
    # Scoring uses the last round: both up -> 100%.
    assert score_session(session).by_candidate["p1"].score == 1.0


def test_a_new_round_is_sealed_until_all_vote() -> None:
    session = practice(
        ["up"],
        ["Ann", "Ben"],
        [
            ("p1", "q1", "m1", "up"),
            ("p1", "q1", "m2", "down"),
            ("p1", "q1", "m1", "middle", 2),
        ],
        rounds=[("p1", "q1", 2)],
    )
    assert not session.is_revealed("p1", "q1")
    assert session.sealed_answers() == {("p1", "q1")}
    shown = session.as_shown()
    # The first round stays in the shown copy; the sealed second-round vote does not.
    assert [v.round for v in shown.votes] == [1, 1]
    # A vote in the new round is not a change after the reveal of round 1.
    assert not session.new_vote("p1", "q1", "m2", "up").after_reveal
    assert session.new_vote("p1", "q1", "m2", "up").round == 2


def test_new_round_needs_the_votes_shown_and_a_practice_session() -> None:
    session = practice(["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "up")])
    with pytest.raises(ValueError, match="Show the votes"):
        session.next_round("p1", "q1")
    shown = session.model_copy(update={"mode": "live"})
    with pytest.raises(ValueError, match="Only practice"):
        shown.next_round("p1", "q1")
    voted = practice(["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "up")])
    assert voted.next_round("p1", "q1").round == 2


def test_round_one_is_not_written_so_live_files_stay_as_they_were() -> None:
    session = practice(["up"], ["Ann"], [("p1", "q1", "m1", "up")])
    record = session.model_dump(mode="json")
    assert "round" not in record["votes"][0]
    assert "rounds" not in record
    again = practice(
        ["up"],
        ["Ann"],
        [("p1", "q1", "m1", "up"), ("p1", "q1", "m1", "down", 2)],
        rounds=[("p1", "q1", 2)],
    )
    dumped = again.model_dump(mode="json")
    assert dumped["votes"][1]["round"] == 2 and dumped["rounds"][0]["round"] == 2
    assert type(again).model_validate(dumped) == again


def test_a_vote_in_a_round_never_started_is_refused() -> None:
    with pytest.raises(ValueError, match="round 2, which was never started"):
        practice(["up"], ["Ann"], [("p1", "q1", "m1", "up", 2)])


def test_progress_follows_a_trainee_by_name_first_to_last() -> None:
    first = practice(
        ["up", "down"],
        ["Ann Lee", "Ben"],
        [("p1", "q1", "m1", "down"), ("p1", "q2", "m1", "down")],
        session_id="a",
        created=T0,
    )
    second = practice(
        ["up", "down"],
        ["Ben", "ann lee "],  # other seat, other case, a stray space
        [("p1", "q1", "m2", "up"), ("p1", "q2", "m2", "down")],
        session_id="b",
        created=T0 + timedelta(days=7),
    )
    # Open rounds, so each vote is shown as given (sealed votes count in no progress).
    first, second = (
        s.model_copy(update={"settings": Settings(sealed=False)}) for s in (first, second)
    )
    live = first.model_copy(update={"mode": "live", "id": "c"})
    found = progress("ANN LEE", [second, live, first])
    assert [(r.session, r.agreement, r.lean, r.answers) for r in found] == [
        ("a", 0.5, -0.5, 2),
        ("b", 1.0, 0.0, 2),
    ]


@pytest.mark.parametrize(
    ("lean", "words"),
    [
        (None, "no votes yet"),
        (0.001, "neither more generous nor harsher on average (0.00)"),
        # Under a fifth of a step (a step is 0.5): close, not generous or harsh.
        (0.04, "close to the reference on average (+0.04)"),
        (-0.094, "close to the reference on average (-0.09)"),
        # As shown: -0.0999 is -0.10 on the page, so it is harsher.
        (-0.0999, "harsher than the reference (-0.10)"),
        (0.1, "more generous than the reference (+0.10)"),
        (0.25, "more generous than the reference (+0.25)"),
        (-1 / 3, "harsher than the reference (-0.33)"),
        # 7 of 8 matched and one up on a down: +0.125, which a spreadsheet's ROUND
        # gives as 0.13 (a tester saw +0.12, rounded half to even)
        (0.125, "more generous than the reference (+0.13)"),
        (-0.125, "harsher than the reference (-0.13)"),
    ],
)
def test_lean_words(lean: float | None, words: str) -> None:
    assert lean_words(lean) == words


def test_an_early_reveal_belongs_to_its_round() -> None:
    from panel_tui.domain.reveals import early_reveals

    # Round 1: both voted, so shown (no early reveal). Round 2: Ann votes, the chair
    # shows the votes early, then Ben votes: only Ben's round-2 vote is after a reveal.
    session = practice(
        ["up"],
        ["Ann", "Ben"],
        [
            ("p1", "q1", "m1", "up"),
            ("p1", "q1", "m2", "down"),
            ("p1", "q1", "m1", "up", 2),
        ],
        rounds=[("p1", "q1", 2)],
    )
    assert not session.new_vote("p1", "q1", "m1", "middle").after_reveal  # round 2 sealed
    shown = session.model_copy(
        update={"reveals": [Reveal(candidate="p1", question="q1", at=T0, round=2)]}
    )
    assert shown.new_vote("p1", "q1", "m2", "up").after_reveal
    (early,) = early_reveals(shown)
    assert (early.candidate, early.voted_before, early.voters) == ("p1", 1, 2)


def test_votes_given_after_the_reference_was_shown_are_left_out() -> None:
    # Found by a tester: the chair showed the votes early, the two trainees who had
    # not voted saw the reference, matched it, and calibration said 100%.
    # Reference up. Ann voted down while sealed, Cat middle; after the early reveal
    # Ben voted up, and Ann changed to up.
    session = shown_early_then_voted(
        practice(
            ["up"],
            ["Ann", "Ben", "Cat"],
            [("p1", "q1", "m1", "down"), ("p1", "q1", "m3", "middle")],
        ),
        ("m2", "up"),
        ("m1", "up"),
    )
    figures = calibrate(session)
    by_name = {m.name: (m.agreement, m.answers, m.late) for m in figures.members}
    # Ann's vote and Ben's came after the reveal: neither counts. Cat's counts.
    assert by_name == {"Ann": (None, 0, 1), "Ben": (None, 0, 1), "Cat": (0.0, 1, 0)}
    assert figures.panel.reference_agreement == 0.0
    (answer,) = figures.answers
    assert (answer.last.counted, answer.missed, figures.late) == (1, True, 2)
    # The score is not calibration: every vote that stands counts there.
    assert score_session(session).by_candidate["p1"].score == pytest.approx(5 / 6)


#: Ann votes up on p1's q1 while the votes are sealed.
VOTE_ANN_UP = ("p1", "q1", "m1", "up")


def record(store: Store, session: Session, *steps: tuple[str, str | None]) -> Session:
    """Votes on p1's q1 as the interview gives them: (member, value), or ("undo", None)."""
    store.save(session)
    opened = store.open(session.id)
    for member, value in steps:
        if member == "undo":
            opened.undo("p1", "q1")
        else:
            opened.record_vote("p1", "q1", member, value)  # type: ignore[arg-type]
    opened.close()
    return store.load(session.id)


@pytest.mark.parametrize("sealed", [True, False], ids=["sealed", "open"])
def test_a_slip_put_right_after_the_reveal_is_left_out_not_counted_as_the_slip(
    tmp_path: Path, sealed: bool
) -> None:
    # Found by a review: the last voter's slip showed the votes (and the
    # reference); the chair undid it and the member voted again. Counting the
    # vote as it stood when shown counted the slip.
    session = practice(["up"], ["Ann", "Ben"]).model_copy(
        update={"settings": Settings(sealed=sealed)}
    )
    after = record(
        Store(tmp_path), session, ("m2", "up"), ("m1", "down"), ("undo", None), ("m1", "up")
    )
    figures = calibrate(after)
    by_name = {m.name: (m.agreement, m.answers, m.late) for m in figures.members}
    assert by_name == {"Ann": (None, 0, 1), "Ben": (1.0, 1, 0)}
    assert figures.late == 1


def test_a_late_vote_withdrawn_and_given_again_stays_late(tmp_path: Path) -> None:
    # Found by a review: after an early reveal Cat voted Down, the chair withdrew it
    # and Cat gave Down again. The summary, the CSVs and the screen call that vote
    # late (it stands for the Down given once the reference showed); calibration
    # read the last event's own mark and counted it as an independent vote.
    session = shown_early_then_voted(practice(["up"], ["Ann", "Ben", "Cat"], [VOTE_ANN_UP]))
    after = record(Store(tmp_path), session, ("m3", "down"), ("undo", None), ("m3", "down"))
    figures = calibrate(after)
    by_name = {m.name: (m.agreement, m.answers, m.late) for m in figures.members}
    assert by_name["Cat"] == (None, 0, 1)
    assert by_name["Ann"] == (1.0, 1, 0)
    assert figures.late == 1


def test_an_open_rehearsal_shows_the_reference_only_once_all_have_voted() -> None:
    # Found by a review: with votes open, the reference showed before anyone voted.
    session = practice(["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "down")]).model_copy(
        update={"settings": Settings(sealed=False)}
    )
    assert session.is_revealed("p1", "q1") and not session.reference_shown("p1", "q1")
    voted = practice(
        ["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "down"), ("p1", "q1", "m2", "up")]
    ).model_copy(update={"settings": Settings(sealed=False)})
    assert voted.reference_shown("p1", "q1")


def test_an_abstention_is_in_no_figure_and_is_not_late() -> None:
    session = practice(
        ["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "abstain"), ("p1", "q1", "m2", "up")]
    )
    figures = calibrate(session)
    assert {m.name: (m.answers, m.late) for m in figures.members} == {"Ann": (0, 0), "Ben": (1, 0)}
    assert figures.panel.reference_agreement == 1.0


def test_a_vote_given_while_sealed_is_not_late() -> None:
    # The same votes given before anyone showed them count, and nothing is late.
    session = practice(
        ["up"], ["Ann", "Ben", "Cat"], [("p1", "q1", "m1", "down"), ("p1", "q1", "m2", "up")]
    )
    figures = calibrate(session)
    assert figures.late == 0
    assert {m.name: m.answers for m in figures.members} == {"Ann": 1, "Ben": 1, "Cat": 0}


@pytest.mark.parametrize(
    ("kappa", "words"),
    [
        (-0.002, "slight"),  # shown as 0.00: a tester read "0.00 (poor)" as a mistake
        (-0.004, "slight"),
        (-0.006, "poor"),  # shown as -0.01
        (0.204, "slight"),  # shown as 0.20
        (0.206, "fair"),  # shown as 0.21
    ],
)
def test_the_kappas_words_match_the_figure_shown(kappa: float, words: str) -> None:
    panel = PanelCalibration(
        answers=4,
        reference_agreement=None,
        percent_agreement=0.5,
        fleiss_kappa=kappa,
        gwet_ac1=None,
    )
    assert panel.kappa_words == words
