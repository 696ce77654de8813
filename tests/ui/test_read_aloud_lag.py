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
from tests.ui.speaking import FakeSpeaker, listening


async def _keys(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def _all_read(speaker: FakeSpeaker) -> None:
    """The voice reads all it was given to its end."""
    while speaker.speaking:
        speaker.finish()


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


async def test_closing_the_export_box_stops_its_choice_being_read(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await _keys(pilot, "ctrl+s", "e")
        _all_read(speaker)
        await _keys(pilot, "down")
        choice = speaker.reading
        assert choice is not None and choice.endswith(", 2 of 7"), speaker.said
        await _keys(pilot, "escape")
        assert not (speaker.speaking and speaker.reading == choice), speaker.said
        assert choice not in speaker.waiting


async def test_closing_the_decision_box_says_at_once_it_was_not_changed(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await _keys(pilot, "ctrl+d")
        _all_read(speaker)
        await _keys(pilot, "down")
        assert speaker.reading == "Do not recommend, 2 of 3", speaker.said
        await _keys(pilot, "escape")
        assert speaker.speaking and speaker.reading == "The decision was not changed.", speaker.said
        assert speaker.waiting == []
