"""Payment notes on the summary: a live session's, never a rehearsal's (trainees are not paid)."""

from __future__ import annotations

import pytest

from panel_tui.domain.payment_form import NO_PAY_IN_PRACTICE
from panel_tui.domain.store import Store
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.payment import PaymentDialog
from panel_tui.ui.screens.summary import SummaryScreen
from tests.domain.practice import practice
from tests.ui.helpers import AppFactory, screen_text, small_session, widget_text

#: The payment binding's own words, as the help lists them.
PAYMENT_HELP = "Note a member's rate, expenses"


@pytest.mark.parametrize(
    ("session_id", "pays"),
    [
        ("p1", False),  # a rehearsal: no pay for trainees, so no key, command or help line
        ("test-session", True),  # a live session keeps them all
    ],
)
async def test_the_payment_key_is_offered_only_where_members_are_paid(
    app_factory: AppFactory, store: Store, session_id: str, pays: bool
) -> None:
    # Found on the day: a practice summary offered "P Payment" in its footer and palette.
    store.save(practice(["up"], ["Ann Lee", "Ben Cho"], [("p1", "q1", "m1", "up")]))
    store.save(small_session())
    async with app_factory(session_id).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert ("P Payment" in screen_text(pilot.app)) is pays  # the footer
        titles = [c.title for c in pilot.app.get_system_commands(pilot.app.screen)]
        assert ("Payment notes for a member" in titles) is pays
        await pilot.press("f1")
        await pilot.pause()
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        assert (PAYMENT_HELP in help_screen.spoken_text()) is pays
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PaymentDialog) is pays
        if not pays:  # pressed anyway: said in plain words, not nothing
            assert widget_text(pilot.app, "#exported") == NO_PAY_IN_PRACTICE
