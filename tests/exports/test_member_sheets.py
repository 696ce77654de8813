"""Member sheets: one Easy Read page per member, with that member's own votes only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from panel_tui.cli import main
from panel_tui.domain.exports import MEMBER_SHEETS, ExportOptions, plan_export, write_all
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import (
    Candidate,
    Session,
    Settings,
)
from panel_tui.domain.store import Store
from tests.exports.chromium import (
    CHROMIUM,
    pdf_pages,
    print_and_screenshot,
)
from tests.exports.helpers import NAME_WORDS, VOTES, build_session

MEMBERS = ("m1", "m2", "m3", "m4", "m5")
CANDIDATES = ("c1", "c2", "c3", "c4")


def sheet_of(pages: dict[str, str], seat: int) -> str:
    (page,) = [text for name, text in pages.items() if name.startswith(f"seat-{seat}-")]
    return page


def test_one_page_per_member_named_by_seat(session: Session) -> None:
    pages = member_sheets(session)
    assert list(pages) == [
        "seat-1-sam-okafor.html",
        "seat-2-priya-bold-shah.html",
        "seat-3-hyperlink-http-x-dan-reilly.html",
        "seat-4-hannah-a-b-cole.html",
        "seat-5-sum-a1-kit-marsh.html",
    ]


def test_a_name_with_no_latin_letter_names_the_sheet_by_its_seat_alone(session: Session) -> None:
    # "Анна Петрова" had seat-1-x.html: a name with nothing a file name can spell
    # gives no "-x", just the seat. Seats are unique, so the names are too, whatever
    # the members are called (a seat label, a digit, another member's seat).
    names = ["Анна Петрова", "محمد", "李雷", "Seat 1", "2"]
    panel = [m.model_copy(update={"name": n}) for m, n in zip(session.panel, names, strict=True)]
    pages = member_sheets(session.model_copy(update={"panel": panel}))
    assert list(pages) == [
        "seat-1.html",
        "seat-2.html",
        "seat-3.html",
        "seat-4-seat-1.html",
        "seat-5-2.html",
    ]
    assert "李雷" in pages["seat-3.html"]


def test_each_sheet_names_only_its_own_member_and_no_candidate(session: Session) -> None:
    pages = member_sheets(session)
    for seat, member in enumerate(MEMBERS, start=1):
        page = sheet_of(pages, seat)
        assert NAME_WORDS[member] in page
        for other in MEMBERS:
            if other != member:
                assert NAME_WORDS[other] not in page, (member, other)
        for candidate in CANDIDATES:
            assert NAME_WORDS[candidate] not in page
        # No score, tally or percentage of the panel: they would hint at others' votes.
        assert "%" not in re.sub(r"<style>.*</style>", "", page, flags=re.S)


# By hand, from the fixed session's votes (helpers.VOTES), the vote that stands:
# m1: c1 up up up; c2 down down middle; c3 up middle -> 4 up, 2 middle, 2 down.
# m2: c1 up middle up; c2 middle down abstain; c3 middle up -> 3 up, 3 middle, 1 down.
# m4: c1 up up middle; c2 up middle down (after the undo); c3 middle down, and up
#     on C3's last answer, which is still sealed (seats 1 and 2 never voted), so
#     left out as on the summary screen -> 3 up, 3 middle, 2 down, and the page says so.
@pytest.mark.parametrize(
    ("seat", "lines"),
    [
        (
            1,
            [
                "You scored 8 answers.",
                "You gave thumbs up to 4 answers.",
                "You put 2 answers in the middle.",
                "You gave thumbs down to 2 answers.",
            ],
        ),
        (
            2,
            [
                "You scored 7 answers.",
                "You gave thumbs up to 3 answers.",
                "You put 3 answers in the middle.",
                "You gave thumbs down to 1 answer.",  # not "1 thumbs down"
                "You did not score 1 answer.",
            ],
        ),
        (
            4,
            [
                # In the sheet's own plain words (a tester found "still sealed" jargon).
                "1 answer is not in this sheet yet, as not everyone has voted on it.",
                "You scored 8 answers.",
                "You gave thumbs up to 3 answers.",
                "You put 3 answers in the middle.",
                "You gave thumbs down to 2 answers.",
            ],
        ),
    ],
)
def test_own_votes_are_counted_from_the_standing_votes(
    session: Session, seat: int, lines: list[str]
) -> None:
    page = sheet_of(member_sheets(session), seat)
    for line in lines:
        assert line in page
    assert "Your vote counted as much as anyone&#39;s." in page


def test_a_sheet_does_not_change_when_other_members_votes_do() -> None:
    flip = {"up": "down", "down": "up", "middle": "up", "abstain": "middle", None: None}
    changed = [
        (c, q, m, v if m == "m1" else flip[v], after, undoes) for c, q, m, v, after, undoes in VOTES
    ]
    before = member_sheets(build_session())
    after = member_sheets(build_session(changed))
    assert sheet_of(before, 1) == sheet_of(after, 1)
    assert sheet_of(before, 2) != sheet_of(after, 2)  # the flip does reach others' sheets


def test_observer_is_told_they_did_not_vote(session: Session) -> None:
    page = sheet_of(member_sheets(session), 5)
    assert "You watched the interviews and took notes." in page
    assert "You scored" not in page


def test_decisions_by_code(session: Session) -> None:
    # Candidate +1 was recorded as undecided; C4 has no decision recorded.
    page = sheet_of(member_sheets(session), 1)
    assert session.finished
    assert "Candidate C1: the panel said yes." in page
    assert "Candidate C2: the panel said no." in page
    # Found by a tester: a finished round's sheet said "not decided yet" where
    # the summary said "Undecided".
    assert "Candidate +1: the panel did not decide." in page
    assert "Candidate C4: the panel did not write down a decision." in page
    assert "not decided yet" not in page
    under_way = sheet_of(member_sheets(session.model_copy(update={"finished": False})), 1)
    assert "Candidate +1: the panel has not decided yet." in under_way
    assert "Candidate C4: the panel has not decided yet." in under_way


def test_many_candidates_decisions_are_short_and_in_two_columns(session: Session) -> None:
    # Found by a tester: a day of 5 to 8 candidates printed on 2 pages. From 5
    # candidates the decisions say only the outcome, under "What the panel decided".
    assert 'class="lines two-columns"' not in sheet_of(member_sheets(session), 1)
    fifth = Candidate(id="c5", code="C5", name="Sam Five")
    day = session.model_copy(update={"candidates": [*session.candidates, fifth]})
    page = sheet_of(member_sheets(day), 1)
    assert 'class="lines two-columns"' in page
    for line in (
        "Candidate C1: yes.",
        "Candidate C2: no.",
        "Candidate +1: not decided.",
        "Candidate C4: no decision written.",
        "Candidate C5: no decision written.",
    ):
        assert f"<span>{line}</span>" in page
    assert "the panel said" not in page
    under_way = sheet_of(member_sheets(day.model_copy(update={"finished": False})), 1)
    assert "<span>Candidate C4: not decided yet.</span>" in under_way


def test_an_unfinished_round_says_its_decisions_may_change(session: Session) -> None:
    # Found by a tester: "the panel said no" from a round still under way read as final.
    not_yet = "The interviews are not finished yet. Decisions may change."
    open_round = session.model_copy(update={"finished": False})
    assert not_yet in sheet_of(member_sheets(open_round), 1)
    finished = session.model_copy(update={"finished": True})
    assert not_yet not in sheet_of(member_sheets(finished), 1)


def test_candidate_names_only_when_the_chair_allows(session: Session) -> None:
    page = sheet_of(member_sheets(session, ExportOptions(candidate_names=True)), 1)
    assert "Candidate C1 (Alex Morgan): the panel said yes." in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Jordan Lee" in page
    assert "<script>" not in page


@pytest.mark.parametrize(
    ("settings", "seat", "line"),
    [
        (Settings(weighting="equal_groups"), 1, "Your vote was one of the lived experience votes."),
        (Settings(weighting="equal_groups"), 3, "Your vote was one of the staff votes."),
        (
            Settings(weighting="lived_experience_share", lived_experience_share=0.3),
            1,
            "People with lived experience had 30 of 100 parts of the say.",
        ),
        (
            Settings(weighting="lived_experience_share", lived_experience_share=0.3),
            3,
            "Staff had 70 of 100 parts of the say.",
        ),  # A share of 12.5% is 13 parts, rounded half up as every figure (round() gave 12).
        (
            Settings(weighting="lived_experience_share", lived_experience_share=0.125),
            1,
            "People with lived experience had 13 of 100 parts of the say.",
        ),
    ],
)
def test_the_rule_that_applied(settings: Settings, seat: int, line: str) -> None:
    session = build_session().model_copy(update={"settings": settings})
    page = sheet_of(member_sheets(session), seat)
    assert line in page
    assert "as much as anyone" not in page


def test_type_is_at_least_16_point(session: Session) -> None:
    page = sheet_of(member_sheets(session), 1)
    sizes = [float(size) for size in re.findall(r"(\d+(?:\.\d+)?)pt", page)]
    assert sizes and min(sizes) >= 16
    assert not re.search(r"font(-size)?:[^;]*\d(px|em|rem)", page)


def test_cli_writes_the_sheets_into_a_folder_and_never_overwrites(
    tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(session)
    base = ["--data-dir", str(data), "export", session.id, "--format", "member-sheets"]
    assert main(base) == 1
    assert "name a folder with -o" in capsys.readouterr().err
    out = tmp_path / "sheets"
    assert main([*base, "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(member_sheets(session))
    assert main([*base, "-o", str(out)]) == 1
    assert "already exist, so nothing was written" in capsys.readouterr().err


def test_cli_anonymised_sheets_use_seat_labels(
    tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(session)
    out = tmp_path / "sheets"
    args = ["--data-dir", str(data), "export", session.id, "--format", "member-sheets"]
    assert main([*args, "--anonymise", "--candidate-names", "-o", str(out)]) == 0
    text = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "This page is for Seat 1." in text
    assert sorted(p.name for p in out.iterdir())[0] == "seat-1.html"
    assert not any(word in text for word in NAME_WORDS.values())


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on the PATH")
def test_sheets_render_in_chromium_without_requests(session: Session, tmp_path: Path) -> None:
    paths = list(
        write_all(plan_export(session, [MEMBER_SHEETS], tmp_path / "sheets", pages_here=True))
    )
    for page in paths[:1] + paths[-1:]:  # a voting member and the observer
        pdf, png = tmp_path / f"{page.stem}.pdf", tmp_path / f"{page.stem}.png"
        assert print_and_screenshot(page, tmp_path, pdf, png) == []
        assert pdf_pages(pdf) >= 1
        assert png.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("practice", "This was a practice. No one was given a job."),
        # Found by a tester: a demo sheet could be handed out as a real one.
        ("demo", "This was the demo, with made-up people. No one was given a job."),
    ],
)
def test_a_round_where_no_one_was_given_a_job_says_so(
    session: Session, mode: str, said: str
) -> None:
    made_up = session.model_copy(update={"mode": mode})
    assert said in sheet_of(member_sheets(made_up), 1)
    assert "No one was given a job" not in sheet_of(member_sheets(session), 1)


def test_cli_force_replaces_the_sheets(
    tmp_path: Path, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    Store(data).save(session)
    out = tmp_path / "sheets"
    args = ["--data-dir", str(data), "export", session.id, "--format", "member-sheets"]
    assert main([*args, "-o", str(out)]) == 0
    (out / "seat-1-sam-okafor.html").write_text("old", encoding="utf-8")
    assert main([*args, "-o", str(out)]) == 1
    assert "Add --force to replace them" in capsys.readouterr().err
    assert main([*args, "-o", str(out), "--force"]) == 0
    assert "Sam Okafor" in (out / "seat-1-sam-okafor.html").read_text(encoding="utf-8")
