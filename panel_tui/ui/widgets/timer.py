"""The answer timer: time on this question against the bank's time guide."""

from __future__ import annotations

from collections.abc import Callable

from textual.reactive import reactive
from textual.widgets import Static

from panel_tui.ui.glyphs import glyphs, minutes_seconds


class QuestionTimer(Static):
    """Seconds on this answer, with the time guide in words.

    The clock is injected so that tests can freeze it. Reaching the time guide
    is said with a symbol and words, never only colour, and closes nothing:
    the panel goes on voting as long as it needs.
    """

    elapsed: reactive[int] = reactive(0, layout=True)
    """Whole seconds spent on this answer."""

    guide_minutes: reactive[int | None] = reactive(None, layout=True)
    """The bank's time guide for the question, if it has one."""

    ascii_only: reactive[bool] = reactive(False, layout=True)
    """Plain ASCII for the symbol (bound to the screen's)."""

    finished: reactive[bool] = reactive(False, layout=True)
    """The session is finished: no answer is being given, so nothing is timed."""

    def __init__(self, clock: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._clock = clock
        self._started = clock()
        #: While paused, the seconds counted when it paused.
        self._paused: float | None = None

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def restart(self, guide_minutes: int | None, elapsed: int = 0) -> None:
        """Start timing a question, carrying on from ``elapsed`` seconds (after a resume)."""
        self._started = self._clock() - elapsed
        self._paused = float(elapsed) if self.finished else None  # a finished session waits
        self.guide_minutes = guide_minutes
        self.elapsed = elapsed

    def pause(self) -> None:
        """Stop counting (the summary is open: the panel is not on this answer)."""
        self._tick()
        if self._paused is None:
            self._paused = self._clock() - self._started  # to the fraction of a second

    def resume(self) -> None:
        """Count on from where :meth:`pause` stopped; never while the session is finished."""
        if self._paused is not None and not self.finished:
            self._started, self._paused = self._clock() - self._paused, None

    def _tick(self) -> None:
        if self._paused is None:
            self.elapsed = max(0, int(self._clock() - self._started))

    @property
    def reached(self) -> bool:
        """Whether the time guide is reached."""
        guide = self.guide_minutes
        return guide is not None and self.elapsed >= guide * 60

    def watch_finished(self, finished: bool) -> None:
        # Reopened, it counts on from where it stood when the session was finished.
        if finished:
            self.pause()
        else:
            self.resume()
        self._mark_over()

    def render(self) -> str:
        if self.finished:
            return "Session finished"
        spent = minutes_seconds(self.elapsed)
        if self.guide_minutes is None:
            return f"Time {spent}"
        if self.reached:
            mark = glyphs(self.ascii_only).guide_reached
            # Short enough that the candidate's name keeps its line at 80 columns.
            return f"Time {spent} {mark} over {self.guide_minutes} min"
        return f"Time {spent} of {self.guide_minutes} min"

    def watch_elapsed(self) -> None:
        self._mark_over()

    def watch_guide_minutes(self) -> None:
        self._mark_over()

    def _mark_over(self) -> None:
        """The time guide's style, while an answer is being timed and has reached it."""
        self.set_class(self.reached and not self.finished, "-over")
