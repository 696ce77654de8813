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


async def test_a_box_opened_over_a_reading_is_said_at_once_and_the_news_follows(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: Ctrl+N during a reading showed the note box, but the voice
    # read on through the question behind it, and the box's words waited.
    async with listening(app_factory, session.id) as (pilot, speaker):
        question = pilot.app.screen.spoken_text()  # type: ignore[attr-defined]
        await pilot.press("1")
        await pilot.pause()
        assert speaker.reading == question and len(speaker.waiting) == 1
        vote = speaker.waiting[0]
        await pilot.press("ctrl+n")
        await pilot.pause()
        reading = speaker.reading
        assert reading is not None and reading.startswith("Note on Question 1, answered by")
        assert "A short note on this answer" in reading
        assert speaker.reading != question and speaker.stops >= 1  # cut short
        assert speaker.waiting == [vote]  # the news follows the box
