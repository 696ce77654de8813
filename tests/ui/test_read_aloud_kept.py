"""News told while something is read is never dropped by what comes next."""

from __future__ import annotations

from panel_tui.domain.models import Session
from tests.ui.helpers import AppFactory
from tests.ui.speaking import listening


async def test_news_waiting_behind_a_question_is_said_before_the_next(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: a vote and a key refused while question 2 was read were
    # never heard once Right moved on; the move's stop forgot them.
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("right")
        await pilot.pause()
        await pilot.press("1", "5")
        await pilot.pause()
        told = speaker.waiting
        assert len(told) == 2 and told[0].startswith("Vote recorded for Seat 1")
        await pilot.press("right")
        await pilot.pause()
        assert speaker.said[-1].startswith("\n".join(told) + "\n")
        assert speaker.said[-1].endswith(pilot.app.screen.spoken_text())  # type: ignore[attr-defined]
