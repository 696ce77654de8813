"""Tab never stops on a scrolled body that holds fields: nothing shows or says it."""

from __future__ import annotations

from panel_tui.ui.screens.setup_session import SetupSessionScreen
from tests.ui.helpers import AppFactory


async def test_tab_round_home_and_the_form_never_stops_on_the_body(
    app_factory: AppFactory,
) -> None:
    async with app_factory().run_test(size=(80, 24)) as pilot:
        app = pilot.app
        for _ in range(2):  # home, then the new-session form
            reached = []
            for _ in range(40):
                await pilot.press("tab")
                reached.append(app.focused)
            bodies = [w for w in reached if w is not None and w.id in ("home-body", "setup-body")]
            assert not bodies, bodies
            if not isinstance(app.screen, SetupSessionScreen):
                await pilot.press("escape", "n")
                assert isinstance(app.screen, SetupSessionScreen)


async def test_page_down_still_scrolls_home_from_a_button(app_factory: AppFactory) -> None:
    async with app_factory().run_test(size=(80, 24)) as pilot:
        app = pilot.app
        assert app.focused is not None and app.focused.id == "new-session"
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen.query_one("#home-body").scroll_y > 0
