"""Where the keys go shows without colour: a pointer marks the box, choice or tick box.

Found by a tester with low vision: Tab moved through the new-session form and
the boxes on top while the screen's text stayed the same; only a border's colour
said where typing or Enter would go (ui/focus_mark.py, widgets/choices.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widgets import Button, Checkbox, Input, OptionList, RadioSet, Select

from panel_tui.domain.models import Session
from panel_tui.ui.focus_mark import focus_mark
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from tests.ui.helpers import AppFactory, screen_text

SIZE = (80, 24)


def marks(app: App[Any], mark: str) -> list[tuple[int, int]]:
    """Where the screen shows ``mark``, as (column, row)."""
    return [
        (column, row)
        for row, line in enumerate(screen_text(app).splitlines())
        for column, character in enumerate(line)
        if character == mark
    ]


def focused_region(app: App[Any]) -> Region:
    """Where the widget with the keys is drawn (a drop-down list: its box)."""
    focused = app.focused
    assert focused is not None
    if isinstance(focused, Select):
        return focused.query_one("SelectCurrent").region
    return focused.region


async def test_each_tab_on_the_form_moves_one_pointer_to_the_box_with_the_keys(
    app_factory: AppFactory,
) -> None:
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.press("n")  # the new-session form
        seen: set[type[Any]] = set()
        for _ in range(14):  # the tester's walk: every box, choice list and button
            await pilot.press("tab")
            focused = pilot.app.focused
            assert focused is not None
            region = focused_region(pilot.app)
            where = marks(pilot.app, focus_mark(False))
            # One pointer on screen, in the top border (or, for a list of
            # choices, beside its highlighted choice) of the widget with the keys.
            assert len(where) in (1, 2), (focused, where)
            assert all(region.contains(column, row) for column, row in where), (focused, where)
            kinds = (Input, Select, RadioSet, Checkbox, Button)
            seen.add(next(kind for kind in kinds if isinstance(focused, kind)))
        assert seen == {Input, Select, RadioSet, Checkbox, Button}, seen


async def test_in_plain_ascii_the_pointer_is_ascii(app_factory: AppFactory) -> None:
    async with app_factory(None, ascii_only=True).run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab")  # the title
        region = focused_region(pilot.app)
        top = screen_text(pilot.app).splitlines()[region.y][region.x : region.right]
        assert top.startswith("+- > -"), top
        await pilot.press("tab")  # on to the first member's name: the pointer goes with it
        assert screen_text(pilot.app).splitlines()[region.y][region.x : region.right] == (
            "+" + "-" * (region.width - 2) + "+"
        )


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_the_highlighted_choice_in_a_box_has_the_pointer(
    app_factory: AppFactory, session: Session, ascii_only: bool
) -> None:
    # The tester: after Down in the decision box, the three choices read the same
    # in text; only colour told which one Enter would choose.
    # The pointer, a space, and the choice's button.
    pointer = f"{focus_mark(ascii_only)} {'(' if ascii_only else '▐'}"
    async with app_factory(session.id, ascii_only=ascii_only).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d")
        assert isinstance(pilot.app.screen, DecisionDialog)
        await pilot.press("down")
        pointed = [line for line in screen_text(pilot.app).splitlines() if pointer in line]
        assert len(pointed) == 1 and "Do not recommend" in pointed[0], pointed
        await pilot.press("down")
        pointed = [line for line in screen_text(pilot.app).splitlines() if pointer in line]
        assert len(pointed) == 1 and "Undecided" in pointed[0], pointed


async def test_a_list_of_sessions_on_the_home_screen_has_the_pointer(
    app_factory: AppFactory,
) -> None:
    # Found in a walk: Tab from "Start a new session" to the practice list
    # changed only the list's border colour.
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert isinstance(pilot.app.focused, OptionList)
        where = marks(pilot.app, focus_mark(False))
        assert len(where) == 1 and focused_region(pilot.app).contains(*where[0]), where


async def test_what_a_box_asks_for_is_italic_and_what_was_typed_upright(
    app_factory: AppFactory,
) -> None:
    # "Name" asked for and "Name" typed differed by colour alone (found by a tester).
    app = app_factory(None)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        field = app.screen.query(Input).first()
        assert field.get_component_rich_style("input--placeholder").italic
        assert not field.rich_style.italic
        bank = app.screen.query_one(Select)
        assert bank.query_one("SelectCurrent #label").rich_style.italic  # nothing chosen yet


async def test_the_line_a_list_has_the_keys_on_is_underlined_not_only_coloured(
    app_factory: AppFactory, session: Session
) -> None:
    app = app_factory(None)  # home, where the list of sessions to carry on has the keys
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        listed = app.screen.query_one("#resume", OptionList)
        assert listed.has_focus
        highlighted = listed.get_component_rich_style("option-list--option-highlighted")
        assert highlighted.underline and highlighted.bold


async def test_the_actions_search_box_has_no_pointer_on_a_line_of_its_own(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: a stray pointer stood alone on the line above the actions
    # list's search box, which has its own ">" before it.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert marks(pilot.app, focus_mark(ascii_only=False)) == []
        assert "Search for a command by name" in screen_text(pilot.app)
