"""The command palette marks its highlighted entry by more than colour."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from panel_tui.domain.models import Session
from tests.ui.helpers import SIZE, AppFactory


@pytest.mark.parametrize(
    "keys", [(), ("ctrl+t",), ("ctrl+a",)], ids=["normal", "contrast", "ascii"]
)
async def test_the_highlighted_command_is_underlined(
    app_factory: AppFactory, session: Session, keys: tuple[str, ...]
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press(*keys, "ctrl+p")
        await pilot.pause()
        commands = pilot.app.screen.query_one(CommandList)
        style = commands.get_component_rich_style("option-list--option-highlighted")
        assert style.underline and style.bold, style
