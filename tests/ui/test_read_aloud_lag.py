"""The voice keeps up with the pointer: words about where the pointer was, or a box
now closed, are never read after it has moved on.

Found by a tester with a slow voice: after news of a vote, each arrow move waited
behind the one before and was read in full, seconds behind the pointer; and a
choice went on being read after its box was closed.
"""

from __future__ import annotations

from textual.pilot import Pilot

from panel_tui.domain.models import Session
from tests.ui.helpers import AppFactory
from tests.ui.speaking import listening


async def _keys(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_moves_after_news_replace_each_other_behind_it(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await _keys(pilot, "1", "w")
        speaker.finish()  # the question is read: the news of the vote is
        news = speaker.reading
        assert news is not None and news.startswith("Vote recorded"), speaker.said
        await _keys(pilot, "ctrl+d", "down", "down")
        # The news said may finish; then only where the pointer is now, after the
        # news told before it (the box's opening and the moves between are dropped).
        assert speaker.reading == news, speaker.said
        told = [said for said in speaker.waiting if said.startswith("Vote recorded")]
        assert speaker.waiting == [*told, "Undecided, 3 of 3"], speaker.waiting
