"""Read aloud as it happens: a key a question to the chair did not take, and the
notices of the start."""

from __future__ import annotations

import pytest

from panel_tui.domain.interview import ASKED_ALOUD
from panel_tui.domain.models import Session
from panel_tui.ui.screens.dialogs import ConfirmDialog
from tests.ui.helpers import AppFactory
from tests.ui.speaking import listening

NOT_TAKEN_2 = "The 2 key was not taken: answer this first, then press it again."
NOT_TAKEN_COMMA = "The comma key was not taken: answer this first, then press it again."


@pytest.mark.parametrize("each", [True, False])
async def test_a_key_a_question_does_not_take_is_said_as_it_happens(
    app_factory: AppFactory, session: Session, each: bool
) -> None:
    # Found by a tester: the box showed "The keys 2, W, 3, X and 4 were not taken"
    # but the voice never said so, and a blind member who voted during the box
    # thought they had voted. Each refusal is told in turn, as the interview tells
    # a key refused; a key pressed again is refused again, and said again.
    async with listening(app_factory, session.id, each=each) as (pilot, speaker):
        await pilot.press("1", "ctrl+r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        before = len(speaker.said)
        await pilot.press("2", "comma", "2")
        await pilot.pause()
        if not each:
            assert speaker.said[before:] == []
            return
        assert speaker.said[before - 1 :] == [
            ASKED_ALOUD,
            NOT_TAKEN_2,
            NOT_TAKEN_COMMA,
            NOT_TAKEN_2,
        ]


async def test_a_question_read_aloud_says_the_keys_it_did_not_take(
    app_factory: AppFactory, session: Session
) -> None:
    # Ctrl+L over the box reads it as it shows: the question, the keys not taken
    # under it, then the answers' keys.
    async with listening(app_factory, session.id, each=False) as (pilot, speaker):
        await pilot.press("1", "ctrl+r", "2", "comma", "ctrl+l")
        await pilot.pause()
        assert speaker.said[-1] == (
            "Show the votes now? Not voted yet: Seat 2, [@click=app.quit]y; Seat 3, Dan Reilly.\n"
            "The keys 2 and comma were not taken: answer this first, then press them again.\n"
            "Enter: Show them. Escape: Not yet."
        )
