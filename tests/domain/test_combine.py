"""Two panels matched up, against tables worked out by hand.

Panel A (two lived-experience members) and panel B (two professionals), each
scored per person. Panel A's bank has q1 and q2; panel B's has q1, q2 and q3.
Panel A heard C1, C2 and C3; panel B heard C1, C2 and C4.

By hand, over the shared questions q1 and q2 (up 1, middle 0.5, down 0):

| Candidate | A q1 | A q2 | A score | B q1 | B q2 | B score | Gap A-B |
|-----------|------|------|---------|------|------|---------|---------|
| C1        | 1    | 0.75 | 0.875   | 0.25 | 0.75 | 0.5     | +0.375  |
| C2        | 0.5  | 0.25 | 0.375   | 1    | 0.75 | 0.875   | -0.5    |

(C1 in panel B scores 0.667 if q3, which only panel B asked, were counted.)

Joint, share 0.5: C1 0.6875, C2 0.625, so C1 ranks first.
Joint, share 0.3: C1 0.3 x 0.875 + 0.7 x 0.5 = 0.6125; C2 0.3 x 0.375 + 0.7 x 0.875
= 0.725, so C2 ranks first.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.combine import CombineError, combine_sessions
from panel_tui.domain.exports.combined import gap_text, render_combined
from panel_tui.domain.models import Reveal, Session
from panel_tui.domain.store import Store
from tests.domain.builders import session as build

Q12 = (("q1", 1.0, False), ("q2", 1.0, False))
Q123 = (*Q12, ("q3", 1.0, False))


def panel_a() -> Session:
    rows = [
        ("c1", "q1", "m1", "up"),
        ("c1", "q1", "m2", "up"),
        ("c1", "q2", "m1", "up"),
        ("c1", "q2", "m2", "middle"),
        ("c2", "q1", "m1", "middle"),
        ("c2", "q1", "m2", "middle"),
        ("c2", "q2", "m1", "down"),
        ("c2", "q2", "m2", "middle"),
        ("c3", "q1", "m1", "up"),
    ]
    candidates = (("c1", "Alex"), ("c2", "Bo"), ("c3", "Cy"))
    made = build("LL", rows, questions=Q12, candidates=candidates)
    return made.model_copy(update={"id": "panel-a", "title": "Lived-experience panel"})


def panel_b() -> Session:
    rows = [
        ("c1", "q1", "m1", "middle"),
        ("c1", "q1", "m2", "down"),
        ("c1", "q2", "m1", "up"),
        ("c1", "q2", "m2", "middle"),
        ("c1", "q3", "m1", "up"),
        ("c1", "q3", "m2", "up"),
        ("c2", "q1", "m1", "up"),
        ("c2", "q1", "m2", "up"),
        ("c2", "q2", "m1", "up"),
        ("c2", "q2", "m2", "middle"),
        ("c4", "q1", "m1", "down"),
    ]
    candidates = (("c1", "Alex"), ("c2", "Bo"), ("c4", "Di"))
    made = build("PP", rows, questions=Q123, candidates=candidates)
    return made.model_copy(update={"id": "panel-b", "title": "Staff panel"})


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        # (code, A, B, joint, rank) in joint rank order
        (0.5, [("C1", 0.875, 0.5, 0.6875, 1), ("C2", 0.375, 0.875, 0.625, 2)]),
        (0.3, [("C2", 0.375, 0.875, 0.725, 1), ("C1", 0.875, 0.5, 0.6125, 2)]),
    ],
)
def test_joint_scores_and_ranking_by_the_share(
    share: float, expected: list[tuple[str, float, float, float, int]]
) -> None:
    combined = combine_sessions(panel_a(), panel_b(), share)
    got = [(c.code, c.a, c.b, c.joint, c.rank) for c in combined.ranking]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for (code, a, b, joint, rank), row in zip(expected, got, strict=True):
        assert row[1:4] == pytest.approx((a, b, joint)), code
        assert row[4] == rank


def test_gaps_per_candidate_and_question() -> None:
    combined = combine_sessions(panel_a(), panel_b())
    by_code = {c.code: c for c in combined.ranking}
    assert by_code["C1"].gap == pytest.approx(0.375)
    assert by_code["C2"].gap == pytest.approx(-0.5)
    c1 = {q.question: q for q in by_code["C1"].questions}
    assert (c1["q1"].a, c1["q1"].b, c1["q1"].gap) == pytest.approx((1.0, 0.25, 0.75))
    assert c1["q1"].joint == pytest.approx(0.625)
    assert c1["q2"].gap == pytest.approx(0.0)
    c2 = {q.question: q for q in by_code["C2"].questions}
    assert (c2["q1"].gap, c2["q2"].gap) == pytest.approx((-0.5, -0.5))


def test_unmatched_candidates_and_questions_are_named_and_left_out() -> None:
    combined = combine_sessions(panel_a(), panel_b())
    assert {c.code for c in combined.ranking} == {"C1", "C2"}
    assert all([q.question for q in c.questions] == ["q1", "q2"] for c in combined.ranking)
    assert combined.left_out == [
        "Candidate C3 is only in Lived-experience panel, so it is left out.",
        "Candidate C4 is only in Staff panel, so it is left out.",
        "Question q3 is only in Staff panel, so it is left out.",
    ]


def test_equal_joint_scores_share_a_rank_and_one_panel_alone_ranks_nobody() -> None:
    # C1 and C2 score alike in both panels; C3 only panel A scored; C4 nobody.
    # C3 once ranked first on panel A's 0.5 alone; a joint score is now over the
    # questions both panels scored (test_combine_shared.py), so C3 has none.
    candidates = (("c1", "Zed"), ("c2", "Amy"), ("c3", "Cy"), ("c4", "Di"))
    a_rows = [("c1", "q1", "m1", "up"), ("c2", "q1", "m1", "up"), ("c3", "q1", "m1", "middle")]
    b_rows = [("c1", "q1", "m1", "down"), ("c2", "q1", "m1", "down")]
    a = build("L", a_rows, candidates=candidates).model_copy(update={"id": "a"})
    b = build("P", b_rows, candidates=candidates).model_copy(update={"id": "b"})
    combined = combine_sessions(a, b, 0.3)
    got = [(c.code, c.rank, c.joint) for c in combined.ranking]
    assert got == [
        ("C2", 1, pytest.approx(0.3)),  # Amy before Zed: equal scores listed by name
        ("C1", 1, pytest.approx(0.3)),
        ("C3", None, None),  # panel A alone: no question both panels scored
        ("C4", None, None),
    ]
    assert combined.left_out == []


def test_refusals_in_plain_words() -> None:
    with pytest.raises(CombineError, match="Both sessions are panel-a"):
        combine_sessions(panel_a(), panel_a())
    with pytest.raises(CombineError, match="between 0 and 1"):
        combine_sessions(panel_a(), panel_b(), 1.5)
    other = build("P", candidates=(("x9", None),)).model_copy(update={"id": "other"})
    with pytest.raises(CombineError, match="no candidate code in common"):
        combine_sessions(panel_a(), other)


@pytest.mark.parametrize(
    ("mode", "refused"),
    [
        # Found by a tester: mock candidates coded C1 and C2 were matched to real
        # candidates, and the joint ranking said nothing of practice.
        (
            "practice",
            "panel-b is a practice round with mock candidates, and the other session is "
            "live: a rehearsal's scores must never join a real recruitment decision.",
        ),
        # Nor the demo's made-up people (found by a new user).
        (
            "demo",
            "panel-b is the demo, with made-up people, and the other session is live: "
            "its scores must never join a real recruitment decision.",
        ),
    ],
)
def test_a_practice_round_or_the_demo_never_joins_a_live_one(mode: str, refused: str) -> None:
    other = panel_b().model_copy(update={"mode": mode})
    with pytest.raises(CombineError) as caught:
        combine_sessions(panel_a(), other)
    assert str(caught.value) == refused


def test_a_code_named_differently_and_a_panel_without_votes_are_worth_a_look() -> None:
    b = panel_b()
    renamed = [
        c.model_copy(update={"name": "Alexandra"}) if c.id == "c1" else c for c in b.candidates
    ]
    warnings = combine_sessions(panel_a(), b.model_copy(update={"candidates": renamed})).warnings
    assert (
        "Candidate C1 is named Alex in Lived-experience panel and Alexandra in Staff panel: check "
        "that they are the same person." in warnings
    )
    assert not any("named" in w for w in combine_sessions(panel_a(), panel_b()).warnings)
    unvoted = combine_sessions(panel_a(), b.model_copy(update={"votes": []})).warnings
    assert "Staff panel (panel-b) has no votes to count yet, so it has no scores." in unvoted
    assert not any("no votes" in w for w in combine_sessions(panel_a(), panel_b()).warnings)


def test_method_says_the_share_and_each_panels_rule() -> None:
    method = combine_sessions(panel_a(), panel_b(), 0.3).method
    assert (
        "the score of Lived-experience panel for 30% and the score of Staff panel for 70%" in method
    )
    assert "Both panels: Each vote counts" in method


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    data = tmp_path / "sessions"
    store = Store(data)
    store.save(panel_a())
    store.save(panel_b())
    return data


def test_cli_writes_each_format(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(store_dir), "combine", "panel-a", "panel-b"]
    assert main([*base, "--share", "0.3", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["joint_rank"]) for r in record["ranking"]] == [("C2", 1), ("C1", 2)]
    assert record["ranking"][0]["joint"] == pytest.approx(0.725)

    out = tmp_path / "joint.csv"
    assert main([*base, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    first = rows[0]
    assert (first["code"], first["joint_pct"], first["gap_pct"]) == ("C1", "68.8", "37.5")  # no "+"
    assert [r["question_id"] for r in rows[:3]] == ["", "q1", "q2"]
    assert "Candidate C3 is only in Lived-experience panel" in rows[-3]["status"]

    assert main([*base, "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert "Question q3 is only in Staff panel" in captured.out
    assert (
        "| 1 | C1: Alex | 87.5% on 2 of 2 questions | 50.0% on 2 of 2 questions | 68.8% "
        "| Lived-experience panel 37.5 points higher |"
    ) in captured.out
    assert "Matched 2 candidates on 2 questions. Left out: 3 items" in captured.err


def test_cli_html_is_escaped_and_self_contained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    hostile = panel_a().model_copy(update={"title": "<script>alert(1)</script>"})
    Store(data).save(hostile)
    Store(data).save(panel_b())
    assert main(["--data-dir", str(data), "combine", "panel-a", "panel-b", "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http" not in page.replace("http-equiv", "")


def test_cli_refuses_a_bad_share_and_an_unknown_session(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--data-dir", str(store_dir), "combine", "panel-a", "panel-b", "--share", "half"])
    assert "'half' is not a share from 0 to 1" in capsys.readouterr().err
    assert main(["--data-dir", str(store_dir), "combine", "panel-a", "nope"]) == 1
    err = capsys.readouterr().err
    assert "nope" in err and "Traceback" not in err


def test_render_agrees_with_the_figures() -> None:
    combined = combine_sessions(panel_a(), panel_b())
    text = render_combined(combined, "md")
    assert "Lived-experience panel counts 50%, Staff panel 50%" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_tables_name_each_panel_by_its_title(fmt: str) -> None:
    # Found by testers: the tables said "Panel A" and "Panel B", and only the
    # header said which was which.
    text = render_combined(combine_sessions(panel_a(), panel_b()), fmt)
    tables = text[text.index("Joint ranking") :]
    cells = ("| {} | {} |", '<th class="num">{}</th><th class="num">{}</th>')[fmt == "html"]
    headings = cells.format("Lived-experience panel", "Staff panel")
    assert tables.count(headings) == 3  # the ranking and each candidate's questions
    assert cells.format("Panel A", "Panel B") not in tables
    assert "Lived-experience panel 37.5 points higher" in tables  # C1
    assert "Staff panel 50.0 points higher" in tables  # C2


@pytest.mark.parametrize("title", ["Staff panel", " staff PANEL "])
def test_panels_of_one_title_keep_their_letters(title: str) -> None:
    # Two anonymised copies of one day share a title ("Anonymised panel, ..."):
    # titles that are the same, as a person reads them, would not tell them apart.
    same = combine_sessions(panel_a().model_copy(update={"title": title}), panel_b())
    assert same.names == ("Panel A", "Panel B")
    text = render_combined(same, "md")
    assert "| Question | Panel A | Panel B | Joint |" in text
    assert "| Panel A 37.5 points higher |" in text


def test_each_panels_score_says_how_many_questions_it_stands_on() -> None:
    # Found by a new user (PRODUCT.md 4: a score is shown "with how many questions
    # it stands on"): the staff panel ran out of time and scored C1 on q1 only, yet
    # its 25.0% stood in the joint ranking beside a two-question score unmarked.
    q12 = (("q1", 1.0, False), ("q2", 1.0, False))
    lived = build(
        "LL",
        [("c1", q, m, "up") for q in ("q1", "q2") for m in ("m1", "m2")],
        questions=q12,
    ).model_copy(update={"id": "panel-a"})
    staff = build(
        "PP", [("c1", "q1", "m1", "middle"), ("c1", "q1", "m2", "down")], questions=q12
    ).model_copy(update={"id": "panel-b"})
    combined = combine_sessions(lived, staff)
    (row,) = [r for r in render_combined(combined, "md").splitlines() if r.startswith("| 1 | C1")]
    assert "| 100.0% on 2 of 2 questions | 25.0% on 1 of 2 questions |" in row, row
    html = render_combined(combined, "html")
    assert "25.0% on 1 of 2 questions" in html
    (record,) = json.loads(render_combined(combined, "json"))["ranking"]
    assert (record["panel_a_questions"], record["panel_b_questions"]) == (2, 1)
    # The csv too: the candidate's row counts the questions, and each question's
    # row says whether that panel's score stands on it (1) or not (0).
    rows = list(csv.DictReader(io.StringIO(render_combined(combined, "csv"))))
    counts = [(r["question_id"], r["panel_a_questions"], r["panel_b_questions"]) for r in rows]
    assert counts == [("", "2", "1"), ("q1", "1", "1"), ("q2", "1", "0")]


def test_a_code_written_in_other_capitals_is_matched_and_said() -> None:
    # Left out as another candidate once, while import, prepare and the form all
    # take c2 and C2 as one code (found by a tester): a session's codes differ by
    # more than capitals, so two panels' codes are matched so too.
    b = panel_b()
    renamed = [c.model_copy(update={"code": "c2"}) if c.id == "c2" else c for c in b.candidates]
    combined = combine_sessions(panel_a(), b.model_copy(update={"candidates": renamed}))
    assert combined.ranking == combine_sessions(panel_a(), panel_b()).ranking
    assert not any("C2" in line for line in combined.left_out)
    assert (
        "Candidate C2 is written c2 in Staff panel; they are matched as one." in combined.warnings
    )


def test_cli_output_never_goes_in_the_sessions_folder_nor_replaces_without_force(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(store_dir), "combine", "panel-a", "panel-b"]
    assert main([*base, "-o", str(store_dir / "joint.md")]) == 1
    assert "inside the sessions folder" in capsys.readouterr().err
    out = tmp_path / "joint.md"
    assert main([*base, "-o", str(out)]) == 0
    out.write_text("kept", encoding="utf-8")
    assert main([*base, "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "kept"
    assert main([*base, "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Two panels matched up")


@pytest.mark.parametrize(
    ("gap", "words"),
    [
        # 53.125% - 49.375% = 3.75 points: half up, as every figure is (Python's own
        # rounding of the float gave "3.7" while the csv's gap_pct said +3.8)
        (0.53125 - 0.49375, "Panel A 3.8 points higher"),
        (0.49375 - 0.53125, "Panel B 3.8 points higher"),
        (0.0625, "Panel A 6.3 points higher"),  # 6.25 points
        # 0.0 points, worded as every other summary words a gap this small
        # (it said "None", which reads as if there were no figure)
        (0.0004, "0.0 points: alike"),
        (None, "Not available"),
    ],
)
def test_gap_between_panels_rounds_half_up_as_every_figure(gap: float | None, words: str) -> None:
    assert gap_text(gap, ("Panel A", "Panel B")) == words


def test_early_reveals_of_either_panel_are_listed_where_the_method_points() -> None:
    # PRODUCT.md 4: every summary lists the answers revealed before all voting
    # members had voted. Each panel's method says "except where listed under early
    # reveals", so the joint summary must have that list too.
    a = panel_a()
    votes = list(a.votes)
    votes[1] = votes[1].model_copy(update={"after_reveal": True})  # m2 on C1 q1, after it
    shown = Reveal(candidate="c1", question="q1", at=votes[0].at + timedelta(milliseconds=500))
    a = a.model_copy(update={"votes": votes, "reveals": [shown]})
    combined = combine_sessions(a, panel_b())
    assert combined.early_reveals == [
        "Lived-experience panel, C1: Alex, Question 1 (Question q1?): the votes were "
        "shown when 1 of 2 voting members had voted, and 1 member voted after that."
    ]
    md = render_combined(combined, "md")
    assert "listed under early reveals" in md
    assert "## Early reveals" in md and combined.early_reveals[0] in md
    assert combined.early_reveals[0] in render_combined(combined, "html")
    assert json.loads(render_combined(combined, "json"))["early_reveals"] == combined.early_reveals

    # m2 then withdraws the vote given after the reveal: the joint summary says
    # so, as the session's own summary does ("vote withdrawn later").
    withdrawn = votes[1].model_copy(update={"value": None, "at": votes[-1].at + timedelta(1)})
    a = a.model_copy(update={"votes": [*votes, withdrawn]})
    assert combine_sessions(a, panel_b()).early_reveals == [
        "Lived-experience panel, C1: Alex, Question 1 (Question q1?): the votes were "
        "shown when 1 of 2 voting members had voted, and 1 member (1 withdrawn later) voted "
        "after that."
    ]

    plain = combine_sessions(panel_a(), panel_b())
    assert plain.early_reveals == []
    assert "None: in neither panel were the votes on a matched answer shown before" in (
        render_combined(plain, "md")
    )
