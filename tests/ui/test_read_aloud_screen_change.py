"""Words about where the keys were on a screen no longer shown are never read after it."""

from __future__ import annotations

import pytest

from panel_tui.domain.models import Session
from panel_tui.domain.store import StoreError
from panel_tui.ui.app import PanelApp
from panel_tui.ui.screens.home import HomeScreen
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


async def test_after_start_nothing_of_homes_list_is_said(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: home, back from the form, said its list line at once,
    # and the question cut it short 0.4 s later: a listener heard a fragment.
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await quick_valid_form(pilot)
        await pilot.pause()
        speaker.said.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InterviewScreen)
        question = pilot.app.screen.spoken_text()
    assert not any("Support worker" in said for said in speaker.said), speaker.said
    assert speaker.said and speaker.said[-1].endswith(question), speaker.said


async def test_a_session_that_fails_to_open_leaves_home_saying_where_the_keys_are(
    app_factory: AppFactory, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Home keeps quiet only while the chosen session opens: if it cannot, the
    # chair is still on home and hears where the keys are, as after any box.
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await quick_valid_form(pilot)
        await pilot.pause()

        def refused(session_id: str) -> None:
            raise StoreError("The session cannot be read.")

        app = pilot.app
        assert isinstance(app, PanelApp)
        monkeypatch.setattr(app.store, "open", refused)
        speaker.said.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
    assert any("Support worker" in said for said in speaker.said), speaker.said
