"""The new-session form as people use it at 80x24: every box shows what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet

from panel_tui.domain.banks import BankEntry
from panel_tui.domain.models import Bank, Question
from panel_tui.domain.setup_form import PANEL_FULL
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow
from panel_tui.ui.widgets.setup_parts import _bank_label
from tests.ui.helpers import AppFactory, screen_text

#: Title, then a member: name, pronouns, the first role, and seat 2 typed over seat 1.
TYPED = (
    "n", "tab", *"Round one", "tab", *"Sam Okafor", "tab", *"they/them",
    "tab", "enter", "down", "enter", "tab", "backspace", "2",
)  # fmt: skip


async def fill(pilot: Pilot[Any]) -> None:
    await pilot.press(*TYPED)
    await pilot.pause()


async def test_every_box_shows_what_it_holds(app_factory: AppFactory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await fill(pilot)
        row = next(line for line in screen_text(app).splitlines() if "Sam Okafor" in line)
        boxes = [box.strip() for box in row.split("▎")[:-1]]
        assert [" ".join(b.strip("▊ ").split()) for b in boxes] == [
            "Sam Okafor",
            "they/them",  # whole, not "ey/them"
            "Lived experience ▼",
            "2",  # the seat shows its number while the cursor sits after it
        ]
        # Beside the "Add a panel member" button, as the members are entered.
        assert "Add a panel member   Panel: 1 lived experience, 0 professionals" in (
            screen_text(app)
        )


async def test_the_longest_role_shows_whole_at_80_columns(app_factory: AppFactory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(
            "n", "tab", "tab", *"Jo", "tab", "tab", "enter", "down", "down", "down", "enter"
        )
        await pilot.pause()
        text = screen_text(app)
        assert "Observer (no vote)" in text
        assert "Panel: no lived-experience or professional members yet" in text


async def test_the_chosen_rule_is_marked_by_a_symbol_and_a_word(app_factory: AppFactory) -> None:
    app = app_factory(ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        rules = app.screen.query_one("#weighting", RadioSet)
        rules.scroll_visible(animate=False)
        await pilot.pause()
        lines = [line for line in screen_text(app).splitlines() if "(" in line and ")" in line]
        chosen = [line for line in lines if "(*)" in line]
        assert len(chosen) == 1 and "Every member the same  (chosen)" in chosen[0]
        assert any("( ) Equal halves for the two groups" in line for line in lines)
        assert sum("(chosen)" in line for line in lines) == 1


def test_form_boxes_snapshot(snap_compare: Any, app_factory: AppFactory) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=fill)


async def test_a_long_name_left_shows_its_start(app_factory: AppFactory) -> None:
    # Found by a tester: "Dan Reilly-Featherstonehaugh" read "rstonehaugh" once left.
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "tab", "tab", *"Dan Reilly-Featherstonehaugh", "tab")
        await pilot.pause()
        assert "Dan Reilly-F" in screen_text(app)


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_a_full_name_shows_whole_at_80_columns(
    app_factory: AppFactory, ascii_only: bool
) -> None:
    # Found in testing: the name box showed about 12 characters at 80 columns,
    # so "Abimbola Okonkwo" read "Abimbola Oko" while the chair checked the panel.
    app = app_factory(ascii_only=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "tab", "tab", *"Abimbola Okonkwo", "tab")
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "Abimbola" in line)
        assert "Abimbola Okonkwo" in row and "Observer" not in row


def test_a_bank_of_one_question_is_listed_as_one_question() -> None:
    # Found by a tester: "(1 questions, your bank)".
    bank = Bank(id="one", title="One", questions=[Question(id="q1", text="Why?")])
    label = _bank_label(BankEntry(Path("one.toml"), "yours", bank))
    assert label.plain == "One (1 question, your bank)"


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_a_tenth_member_is_refused_in_view(app_factory: AppFactory, ascii_only: bool) -> None:
    # Found by a tester at 80x24: Ctrl+N for a tenth member showed nothing; the
    # refusal was written one line below the visible area, seen only on tabbing
    # down to the "Add a panel member" button.
    app = app_factory(ascii_only=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *["ctrl+n"] * 8)
        await pilot.pause()
        members = list(app.screen.query(MemberRow))
        assert len(members) == 9
        name = members[-1].query_one("#name", Input)
        name.focus()
        await pilot.press(*"Ninth Member")
        await pilot.pause()
        assert PANEL_FULL not in screen_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(app.screen.query(MemberRow)) == 9
        assert PANEL_FULL in screen_text(app)
        assert app.screen.focused is name  # the cursor stays where it was, in view
        assert "Ninth Member" in screen_text(app)
        # A member removed frees a seat: the refusal answers nothing any more, and goes.
        await pilot.click(members[-1].query_one(".remove"))
        await pilot.pause()
        assert len(app.screen.query(MemberRow)) == 8
        assert PANEL_FULL not in screen_text(app)


async def test_a_candidate_added_from_far_up_the_form_shows(app_factory: AppFactory) -> None:
    # Ctrl+O has no refusal (any number of candidates), but pressed from the
    # panel's rows it adds a row far below: the new row comes into view.
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *["ctrl+n"] * 8)
        await pilot.pause()
        list(app.screen.query(MemberRow))[-1].query_one("#name", Input).focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
        second = list(app.screen.query(CandidateRow))[-1]
        assert app.screen.focused is second.first_field()
        assert second.query_one("#code", Input).value == "C2"
        assert "C2" in screen_text(app)
