"""The footer is built again only when the keys it shows change (``widgets/keys_footer.py``)."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import Input, Select
from textual.widgets._footer import FooterKey

from panel_tui.domain.models import Session
from panel_tui.ui.widgets.keys_footer import KeysFooter
from tests.ui.helpers import AppFactory, screen_text


def footer_line(app: App[Any]) -> str:
    """The last line of the screen: the footer."""
    return screen_text(app).splitlines()[-1]


async def test_a_move_of_focus_that_changes_no_key_shown_leaves_the_footer_as_built(
    app_factory: AppFactory,
) -> None:
    async with app_factory(None).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # the new-session form: the keys start in its list of banks
        assert isinstance(pilot.app.focused, Select)
        footer = pilot.app.screen.query_one(KeysFooter)
        keys = list(footer.query(FooterKey))
        shown = footer_line(pilot.app)
        await pilot.press("tab")
        # The title box: keys of its own (arrows, Home, End), none of them shown.
        assert isinstance(pilot.app.focused, Input)
        # Textual's own footer built every key again at each move of focus.
        assert list(footer.query(FooterKey)) == keys
        assert footer_line(pilot.app) == shown


async def test_keys_that_change_are_shown_at_once(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert "⌫" in footer_line(pilot.app)
        await pilot.press("ctrl+a")  # plain ASCII: the same keys, drawn in other symbols
        await pilot.pause()
        shown = footer_line(pilot.app)
        assert "Bksp" in shown and "⌫" not in shown


def keys_shown(footer: KeysFooter) -> list[tuple[str, str, bool, str]]:
    """Each key the footer shows: the key, its words, whether it is dimmed, how it is drawn."""
    return [
        (key.key, key.description, key.disabled, key.key_display) for key in footer.query(FooterKey)
    ]


async def test_a_drop_down_list_opened_and_closed_changes_what_esc_says_and_back(
    app_factory: AppFactory,
) -> None:
    async with app_factory(None).run_test(size=(100, 30)) as pilot:
        await pilot.press("n")  # the form, with the keys in its list of banks
        footer = pilot.app.screen.query_one(KeysFooter)
        closed = keys_shown(footer)
        await pilot.press("enter")  # the list opens: Esc now closes it
        opened = keys_shown(footer)
        await pilot.press("escape")
        assert ("escape", "Back") in [key[:2] for key in closed]
        # In plain words, where Textual says "Dismiss menu".
        assert ("escape", "Back") not in [key[:2] for key in opened]
        assert ("escape", "Close list") in [key[:2] for key in opened]
        assert keys_shown(footer) == closed
        with footer._context():  # and each is what Textual's footer builds from scratch
            await footer.recompose()
        await pilot.pause()
        assert keys_shown(footer) == closed


async def test_the_forms_keys_fit_at_80_columns_with_a_drop_down_list_open(
    app_factory: AppFactory,
) -> None:
    # Found by a tester: "Esc Close list", longer than "Esc Back", cut the footer to
    # "Ctrl+O Add can|Ctrl+P Actions" at 80 columns.
    async with app_factory(None).run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter")  # the form, its list of banks open
        await pilot.pause()
        shown = footer_line(pilot.app)
        keys = ["Ctrl+S Start", "Ctrl+N Add member", "Ctrl+O Add candidate", "F1 Help"]
        for key in ["Esc Close list", *keys]:
            assert key in shown
        await pilot.press("escape")
        await pilot.pause()
        # Closed, F1 Help was hidden too, under the Actions key: it goes when there is no
        # room for it (Ctrl+P still works, and the help names it).
        shown = footer_line(pilot.app)
        for key in ["Esc Back", *keys]:
            assert key in shown
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        shown = footer_line(pilot.app)
        assert all(key in shown for key in keys) and shown.rstrip().endswith("Ctrl+P Actions")
