"""A speaker that records what would be read aloud, for the screens' tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from panel_tui.domain.display import DisplaySettings
from panel_tui.domain.speech import Speaker
from tests.ui.helpers import AppFactory


class FakeSpeaker(Speaker):
    """Records what would be read aloud; speaks until stopped."""

    def __init__(self, engine: bool = True) -> None:
        super().__init__("linux", lambda name: "/usr/bin/espeak-ng" if engine else None)
        self.said: list[str] = []
        self.stops = 0
        self._on = False

    @property
    def speaking(self) -> bool:
        return self._on

    def say(self, text: str, *, wav: Path | None = None, first: str | None = None) -> str | None:
        if not self._which("espeak-ng"):
            return super().say(text)
        # The news still waiting is read first, as the real voice does.
        first = "\n".join([*self._waiting, *([first] if first else [])]) or None
        self.stop()
        self._news_now = False
        self.said.append(f"{first}\n{text}" if first else text)
        self.reading = text
        self._on = True
        return None

    def tell(self, text: str) -> str | None:
        """News is read in turn, after what is read now: recorded in that order.

        What is read now stays ``reading`` while news waits, as with a real voice.
        """
        if not self._which("espeak-ng"):
            return super().tell(text)
        self.said.append(text)
        if self._on:
            self._waiting.append(text)
        else:
            self.reading, self._news_now = text, True
        self._on = True
        return None

    @property
    def waiting(self) -> list[str]:
        """What is still to be read after ``reading``, in turn."""
        return list(self._waiting)

    def finish(self) -> None:
        """The voice reads to its end: the next waiting starts, if any."""
        if self._waiting:
            self.reading = self._waiting.pop(0)
            self._news_now = self.reading not in self._passing
        else:
            self._on = False

    def _start(self, text: str, wav: Path | None, first: str | None = None) -> str | None:
        if not self._which("espeak-ng"):
            return super()._start(text, wav, first)
        # What was told and waited starts: already recorded when told.
        self.reading = text
        self._on = True
        return None

    def stop(self) -> bool:
        self._waiting.clear()
        self._passing.clear()
        was, self._on = self._on, False
        self.stops += was
        return was


@asynccontextmanager
async def listening(
    app_factory: AppFactory,
    session_id: str | None,
    *,
    each: bool = True,
    size: tuple[int, int] = (80, 24),
) -> AsyncIterator[tuple[Pilot[None], FakeSpeaker]]:
    """The app on ``session_id`` (``None``: home), each question read aloud or not, and its voice."""
    speaker = FakeSpeaker()
    app = app_factory(session_id, speaker=speaker, display=DisplaySettings(read_aloud=each))
    async with app.run_test(size=size) as pilot:
        yield pilot, speaker


async def said_after(pilot: Pilot[None], speaker: FakeSpeaker, *keys: str) -> list[str]:
    """What is said from the first of ``keys`` on, each pressed then settled."""
    heard = len(speaker.said)
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    return speaker.said[heard:]
