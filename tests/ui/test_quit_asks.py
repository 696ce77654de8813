"""Ctrl+Q must not lose typing held in a box beneath another screen."""

from __future__ import annotations

from panel_tui.domain.models import Session
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.help import HelpScreen
from tests.ui.helpers import SIZE, AppFactory


async def test_quitting_from_the_help_over_a_box_with_typing_asks_first(
    app_factory: AppFactory, session: Session
) -> None:
    # "? shows the help over a box too ... with the box as it was underneath":
    # a decision chosen and not saved is still there under the help, so Ctrl+Q
    # from the help must ask as it does from the box itself.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "down", "enter")
        box = app.screen
        assert isinstance(box, DecisionDialog) and box.unsaved()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+q")
        assert app.is_running, "quit at once: the decision typed in the box is lost"
        assert isinstance(app.screen, ConfirmDialog)


async def test_quitting_from_a_question_over_the_note_box_asks_first(
    app_factory: AppFactory, session: Session
) -> None:
    # The setup form's own "Leave this form?" is one such question; here the
    # note box holds a note and the chair presses Ctrl+Q twice in a burst.
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"slow start", "ctrl+q", "ctrl+q")
        assert app.is_running, "the second Ctrl+Q quit without the chair answering"
