"""Words about where the keys were on a screen no longer shown are never read after it."""

from __future__ import annotations

from panel_tui.domain.models import Session
from panel_tui.ui.screens.interview import InterviewScreen
from tests.ui.helpers import AppFactory
from tests.ui.home_app import quick_valid_form
from tests.ui.speaking import listening


async def test_starting_a_session_reads_the_question_not_homes_list_first(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: after Start, the new session's line in home's list was
    # read with the interview on screen, before its question.
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await quick_valid_form(pilot)
        await pilot.press("ctrl+l")  # the form read out, and Start pressed as it reads
        await pilot.pause()
        assert speaker.speaking
        speaker.said.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        question = pilot.app.screen.spoken_text()
    # The voice (the fake records news as it is told) read the question with
    # nothing first, and nothing of home's list waits to be read after it.
    assert speaker.said[-1] == question
    assert speaker.reading == question
    assert not any("Support worker" in waiting for waiting in speaker.waiting)
