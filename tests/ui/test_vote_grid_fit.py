"""Every member's row stays on screen at 80x24: long names, large panels, late votes."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Member, Session
from panel_tui.domain.store import Store
from tests.domain.builders import panel
from tests.ui.helpers import SIZE, AppFactory, row_text, screen_text


async def test_nine_seats_keep_every_row_on_screen_when_four_vote_after_the_reveal(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # 7fb970c: "A vote given after the reveal keeps its row two lines at 80x24".
    # With nine seats the grid is compact (one line a row), and "after reveal"
    # still takes a second line under each such vote: four of them push seat 9
    # off the screen (the grid scrolls) and "Listen for" loses an item.
    made = session.model_copy(update={"panel": panel("LPLPLPLPL")})
    store.save(made, replace=True)
    async with app_factory(made.id).run_test(size=SIZE) as pilot:
        await pilot.press("1", "w", "ctrl+r", "enter", "3", "4", "5", "6")
        shown = screen_text(pilot.app)
    seats = [line.split()[0] for line in shown.splitlines() if line[1:2].isdigit()]
    assert seats == [str(n) for n in range(1, 10)], shown


async def test_a_large_panel_fits_at_80x24(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy Featherstonehaugh-Smythe"]
    panel = [
        Member(id=f"p{seat}", name=name, role="professional", seat=seat)
        for seat, name in enumerate(names, start=1)
    ]
    store.save(session.model_copy(update={"panel": panel, "id": "nine"}))
    async with app_factory("nine").run_test(size=SIZE) as pilot:
        text = screen_text(pilot.app)
        for seat, name in enumerate(names[:8], start=1):
            assert f" {seat}    {name} " in text
        assert "Ivy Feather" in text  # the longest name ends in an ellipsis, on one line
        await pilot.press("o")
        assert row_text(pilot.app, 9) == "✓ Voted"


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_long_names_leave_every_members_row_on_screen_at_80x24(
    app_factory: AppFactory, store: Store, session: Session, ascii_only: bool
) -> None:
    # Found by a new user: names as people give them wrapped over six lines in the
    # member column, and seats 3 and 4 (and whether they had voted) fell off the
    # screen. Each name now ends in an ellipsis on its own line, pronouns below.
    long = "Bartholomew Montgomery-Fitzwilliam-Ramasubramanian the Third of Wessex"
    panel = [
        Member(id="m1", name=long, role="lived_experience", seat=1),
        Member(
            id="m2",
            name="Maria del Carmen Fernández-Castillo",
            pronouns="she/her and they/them",
            role="lived_experience",
            seat=2,
        ),
        Member(id="m3", name="Priya Shah", pronouns="she/her", role="professional", seat=3),
        Member(id="m4", name="Dan Reilly", pronouns="he/him", role="professional", seat=4),
    ]
    first, *others = session.candidates
    made = session.model_copy(
        update={"panel": panel, "candidates": [first.model_copy(update={"name": long}), *others]}
    )
    store.save(made, replace=True)
    async with app_factory(made.id, ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.press("1", "w")
        shown = screen_text(pilot.app)
    rows = [line for line in shown.splitlines() if line[1:2].isdigit()]
    # Under --ascii a name cut short ends in "...": "…" is not ASCII, and a name
    # cut with no mark read as the whole name.
    cut = "..." if ascii_only else "…"
    assert [row.split()[0] for row in rows] == ["1", "2", "3", "4"], shown
    firsts = ["Bartholomew", "Maria", "Priya", "Dan"]
    assert all(row.split()[1].startswith(first) for row, first in zip(rows, firsts, strict=True))
    pronouns = next(line for line in shown.splitlines() if "she/her and" in line)
    for cut_short in (rows[0].split("Lived exp.")[0], pronouns):
        assert cut_short.rstrip().endswith(cut) and "Wessex" not in cut_short, shown
    assert "Listen for:" in shown
    heading = shown.splitlines()[0]
    assert "Candidate 1 of 2: Bartholomew" in heading and f"{cut} (C1)" in heading, heading
    assert shown.splitlines()[1].strip().startswith("Panel:")
    assert ("…" in shown) is not ascii_only


async def test_a_vote_after_the_reveal_keeps_its_row_two_lines_at_80x24(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a new user: "after reveal" wrapped over two lines in the vote
    # column, each such row grew to three, and "Listen for" lost its items.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("1", "w", "ctrl+r", "enter", "3")
        lines = screen_text(pilot.app).splitlines()
    (row,) = [n for n, line in enumerate(lines) if line.startswith(" 3 ")]
    assert "▲ Up" in lines[row] and "after reveal" in lines[row + 1], lines
    assert lines[row + 2].startswith(" Observers") or lines[row + 2].startswith(" Votes"), lines
    shown = "\n".join(lines)
    assert "Gives a real example" in shown and "a lecture" in shown


async def test_on_a_wide_screen_a_name_stays_near_its_vote(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: at 160 columns some 90 blank columns lay between a name
    # and its role, vote and keys, hard to follow along a row with low vision.
    async with app_factory(session.id).run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        row = next(line for line in screen_text(pilot.app).splitlines() if "Dan Reilly" in line)
    gap = row.index("Professional") - (row.index("Dan Reilly") + len("Dan Reilly"))
    assert gap <= 32, row


async def test_names_with_one_start_still_read_apart_at_80x24(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: "Christopher Robinson" and "Christopher Robertson" were
    # both cut to "Christopher R…" at 80x24, and only the seat told them apart.
    names = ["Christopher Robinson", "Christopher Robertson", "Priya Shah", "Olu Ade"]
    made = session.model_copy(
        update={
            "panel": [
                member.model_copy(update={"name": name})
                for member, name in zip(session.panel, names, strict=True)
            ]
        }
    )
    store.save(made, replace=True)
    async with app_factory(made.id).run_test(size=SIZE) as pilot:
        shown = screen_text(pilot.app)
    rows = [line for line in shown.splitlines() if line[1:2].isdigit()]
    assert [row.split()[1:3] for row in rows] == [
        ["C.", "Robinson"],
        ["C.", "Robertson"],
        ["Priya", "Shah"],
    ], shown
