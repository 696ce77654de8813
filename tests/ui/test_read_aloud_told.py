"""What a key did, read aloud with each question read aloud: saves, exports, boxes, settings.

Found by a tester: these only showed, on a line or in a notice.
"""

from __future__ import annotations

from textual.widgets import Button, Input

from panel_tui.domain.interview import ASKED_ALOUD
from panel_tui.domain.models import Session
from tests.ui.helpers import AppFactory
from tests.ui.speaking import listening


async def test_a_note_and_a_decision_saved_are_said(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("ctrl+n")
        await pilot.press(*"No example")
        await pilot.press("enter")
        await pilot.pause()
        assert speaker.said[-1] == "Note saved."
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("enter")  # Recommend
        pilot.app.screen.query_one("#reason", Input).value = "Warm"
        assert await pilot.click("#save")
        await pilot.pause()
    assert speaker.said[-1] == "Decision saved for [red]Alex[/red]: Recommend."  # a name as typed


async def test_the_summary_says_the_finish_box_and_an_export(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert speaker.said[-1] == ASKED_ALOUD
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("#export", Button).press()
        await pilot.pause()
    assert speaker.said[-1].startswith("Exported to the folder ")


async def test_the_contrast_and_ascii_keys_are_said(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, None) as (pilot, speaker):
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert speaker.said[-1] == "High contrast on."
        await pilot.press("ctrl+a")
        await pilot.pause()
    assert speaker.said[-1] == "Plain ASCII symbols on."


async def test_the_form_says_its_problems_on_start_and_on_tab(app_factory: AppFactory) -> None:
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#title", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        told = list(speaker.said)
        pilot.app.screen.query_one("#title", Input).focus()
        await pilot.pause()
    assert any(said.startswith("Not started yet: some answers need") for said in told), told
    assert speaker.said[-1].startswith("Title. Text box, empty")
    assert "The title is empty" in speaker.said[-1], speaker.said[-1]
