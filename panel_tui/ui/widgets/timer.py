"""The answer timer: time on this question against the bank's time guide."""

from __future__ import annotations

from collections.abc import Callable

from textual.reactive import reactive
from textual.widgets import Static

from panel_tui.ui.words import minutes_seconds


class QuestionTimer(Static):
    """Seconds since the question came up, with the time guide in words.

    The clock is injected so that tests can freeze it; over time is said in
    words, not only in colour.
    """

    elapsed: reactive[int] = reactive(0, layout=True)
    """Whole seconds since the question came up."""

    guide_minutes: reactive[int | None] = reactive(None, layout=True)
    """The bank's time guide for the question, if it has one."""

    def __init__(self, clock: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._clock = clock
        self._started = clock()

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def restart(self, guide_minutes: int | None) -> None:
        """Start timing a new question."""
        self._started = self._clock()
        self.guide_minutes = guide_minutes
        self.elapsed = 0

    def _tick(self) -> None:
        self.elapsed = max(0, int(self._clock() - self._started))

    def render(self) -> str:
        spent = minutes_seconds(self.elapsed)
        if self.guide_minutes is None:
            return f"Time {spent}"
        over = self.elapsed > self.guide_minutes * 60
        return f"Time {spent} of {self.guide_minutes} min" + (", over time" if over else "")

    def watch_elapsed(self) -> None:
        self._over()

    def watch_guide_minutes(self) -> None:
        self._over()

    def _over(self) -> None:
        guide = self.guide_minutes
        self.set_class(guide is not None and self.elapsed > guide * 60, "-over")
