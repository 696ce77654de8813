"""With each question read aloud, each screen says itself as it shows."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from panel_tui.domain.models import Session
from panel_tui.ui.contracts import Readable
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.summary import SummaryScreen
from tests.ui.helpers import AppFactory
from tests.ui.speaking import listening


def reading_of(screen: object) -> str | None:
    assert isinstance(screen, Readable)
    return screen.spoken_text()


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        # Found by a tester: F1 opened and closed the help in silence.
        ("f1", HelpScreen),
        # And Ctrl+S the summary, and Esc back to the question.
        ("ctrl+s", SummaryScreen),
    ],
)
async def test_a_screen_is_said_as_it_opens_and_the_question_once_back(
    app_factory: AppFactory, session: Session, key: str, shown: type[Screen[object]]
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        question = reading_of(pilot.app.screen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(pilot.app.screen, shown)
        assert speaker.reading == reading_of(pilot.app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert speaker.reading == question


async def test_a_list_with_nothing_in_it_says_so(app_factory: AppFactory) -> None:
    async with listening(app_factory, None) as (pilot, speaker):
        await pilot.press("f")
        await pilot.pause()
        assert "No finished sessions yet." in [speaker.reading, *speaker.waiting]
