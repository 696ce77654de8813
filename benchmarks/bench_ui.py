"""How the live panel feels: start-up and a keyed vote, against a bare Textual app.

Prints ratios against baselines measured in this same process (a bare Textual
app starting, and the same app handling a key press), never absolute times.

    python benchmarks/bench_ui.py [--rounds 5] [--votes 40]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult
from textual.widgets import Static

from panel_tui.domain.banks import load_bank
from panel_tui.domain.sessions import demo_session
from panel_tui.domain.store import Store
from panel_tui.locations import shipped_banks_dir
from panel_tui.ui.app import make_app

KEYS = "1qaz2wsx3edc4rfv"  # every value of seats 1-4


class Bare(App[None]):
    """The baseline: one widget, one binding."""

    BINDINGS = [("x", "bump", "Bump")]  # noqa: RUF012

    def compose(self) -> ComposeResult:
        yield Static("0", id="n")

    def action_bump(self) -> None:
        widget = self.query_one("#n", Static)
        widget.update(str(int(str(widget.render())) + 1))


async def time_app(app: App[None], keys: str) -> tuple[float, float]:
    """Seconds to start, and median seconds per key press (until the screen settles)."""
    start = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        started = time.perf_counter() - start
        presses = []
        for key in keys:
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            presses.append(time.perf_counter() - t)
    return started, statistics.median(presses)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--votes", type=int, default=40)
    args = parser.parse_args()
    bank = load_bank(shipped_banks_dir() / "support-worker.toml")
    keys = (KEYS * (args.votes // len(KEYS) + 1))[: args.votes]
    bare_start, bare_key, app_start, app_key = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "sessions")
        for _ in range(args.rounds):
            session = demo_session(bank)
            store.save(session)
            s, k = await time_app(Bare(), "x" * args.votes)
            bare_start.append(s)
            bare_key.append(k)
            s, k = await time_app(make_app(store, session.id, cursor_blink=False), keys)
            app_start.append(s)
            app_key.append(k)
    ratio = statistics.median(app_start) / statistics.median(bare_start)
    print(f"start-up on the demo session / bare Textual app: {ratio:.2f}x")
    ratio = statistics.median(app_key) / statistics.median(bare_key)
    print(f"a keyed vote (fsynced, screen updated) / a bare key press: {ratio:.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
