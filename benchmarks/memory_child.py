"""Run in a child process by bench_ui: the app (or the bare app) through a session; print peak RSS.

python benchmarks/memory_child.py app|bare FOLDER
"""

from __future__ import annotations

import asyncio
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult
from textual.widgets import Label

CANDIDATES = 10


class Bare(App[None]):
    """The baseline: one label, one binding."""

    BINDINGS = [("x", "bump", "Bump")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield Label("0", id="n")

    def action_bump(self) -> None:
        label = self.query_one("#n", Label)
        label.update(str(int(str(label.content)) + 1))


async def key_times(app: App[None], keys: str) -> list[float]:
    """Seconds for each key press until the screen settles."""
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in keys:
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def session_keys(questions: int) -> list[str]:
    """Every member of the demo panel votes on every answer, then on to the next."""
    keys = []
    for n in range(CANDIDATES * questions):
        keys += ["1", "w", "d", "4" if n % 2 else "r", "right"]
    return keys


async def run(kind: str, folder: Path) -> None:
    from panel_tui.domain.banks import load_bank
    from panel_tui.domain.models import Candidate
    from panel_tui.domain.sessions import DEMO_PANEL, new_session
    from panel_tui.domain.store import Store
    from panel_tui.locations import shipped_banks_dir

    bank = load_bank(shipped_banks_dir() / "support-worker.toml")
    keys = session_keys(len(bank.questions))
    if kind == "bare":
        app: App[None] = Bare()
        keys = ["x"] * len(keys)
    else:
        from panel_tui.ui.app import make_app

        store = Store(folder)
        people = [Candidate(id=f"c{n}", code=f"C{n}") for n in range(1, CANDIDATES + 1)]
        session = new_session(bank, "Memory", list(DEMO_PANEL), people)
        store.save(session)
        app = make_app(store, session.id, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
    if kind == "app":
        votes = len(Store(folder).load(session.id).votes)
        assert votes >= CANDIDATES * len(bank.questions) * 3, votes  # it did go through


if __name__ == "__main__":
    asyncio.run(run(sys.argv[1], Path(sys.argv[2])))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
