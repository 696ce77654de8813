"""The app's targets (issue 9): start-up with a year of sessions, memory, a keyed vote.

Each is a ratio against a bare Textual app measured in this same run.

- Start-up: process start to the home screen painted, in a pseudo-terminal,
  against ``bare_app.py`` (one label) started the same way.
- Memory: peak RSS of a process that runs the app through a 10-candidate
  session (every member votes on every answer, then on to the next), against
  the bare app taking the same keys.
- A keyed vote (fsynced, screen updated) against a bare key press.

    python benchmarks/bench_ui.py [--quick] [--history FOLDER]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.measure import Result, table

HERE = Path(__file__).resolve().parent
PANEL_TUI = Path(sys.executable).parent / "panel-tui"
MARKER = b"Carry on where you left off"  # the home screen's first list, and the bare label


def time_to_screen(argv: list[str], marker: bytes = MARKER, timeout: float = 120.0) -> float:
    """Seconds from starting ``argv`` in a 100 x 30 pseudo-terminal until ``marker`` is drawn."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
                if marker in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{argv[0]} never drew its screen: {seen[-500:]!r}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def start_targets(history: Path, empty: Path, runs: int) -> list[Result]:
    ours, base, alone = [], [], []
    for _ in range(runs):
        ours.append(time_to_screen([str(PANEL_TUI), "--data-dir", str(history)]))
        base.append(time_to_screen([sys.executable, str(HERE / "bare_app.py")]))
        alone.append(time_to_screen([str(PANEL_TUI), "--data-dir", str(empty)]))
    n = sum(1 for _ in history.glob("*.json"))
    return [
        Result(f"start to home painted, {n} sessions / bare app", ours, base, 1.5),
        Result(f"start to home painted, {n} sessions / empty folder", ours, alone, None),
        Result("start to home painted, empty folder / bare app", alone, base, None),
    ]


def peak_rss(kind: str, folder: Path) -> float:
    """Peak RSS in MB of a child running ``memory_child.py`` (``app`` or ``bare``)."""
    output = subprocess.run(
        [sys.executable, str(HERE / "memory_child.py"), kind, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(output.split()[-1]) / 1024


def memory_target(folder: Path, runs: int) -> Result:
    ours, base = [], []
    for n in range(runs):
        ours.append(peak_rss("app", folder / f"memory-{n}"))
        base.append(peak_rss("bare", folder / f"memory-{n}"))
    return Result("peak RSS through a 10-candidate session / bare", ours, base, 1.3, unit="MB")


async def keyed_vote_target(folder: Path, votes: int) -> Result:
    from benchmarks.memory_child import Bare, key_times
    from panel_tui.domain.banks import load_bank
    from panel_tui.domain.sessions import demo_session
    from panel_tui.domain.store import Store
    from panel_tui.locations import shipped_banks_dir
    from panel_tui.ui.app import make_app

    store = Store(folder / "keyed")
    session = demo_session(load_bank(shipped_banks_dir() / "support-worker.toml"))
    store.save(session)
    keys = ("1qaz2wsx3edc4rfv" * votes)[:votes]
    ours = await key_times(make_app(store, session.id, cursor_blink=False), keys)
    base = await key_times(Bare(), "x" * votes)
    return Result("a keyed vote (fsynced, drawn) / bare key press", ours, base, None)


def main(argv: list[str] | None = None) -> list[Result]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--history", type=Path, help="a folder of sessions (bench_store.history)")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        history = args.history
        if history is None:
            from benchmarks.bench_store import history as make_history

            history = make_history(folder / "history", 50 if args.quick else 1000)
        results = start_targets(history, folder / "empty", runs)
        results.append(memory_target(folder, 1 if args.quick else 3))
        results.append(asyncio.run(keyed_vote_target(folder, 16 if args.quick else 64)))
    print(table(results))
    return results


if __name__ == "__main__":
    main()
