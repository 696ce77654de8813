"""How much a recorded vote costs against a bare fsync, and kill -9 at scale.

Prints ratios against baselines measured in this same process, because these
machines are shared and noisy: absolute times mean little, ratios travel.

    python benchmarks/bench_store.py [--votes 300] [--kills 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from panel_tui.domain.store import Store
from tests.domain.builders import session as build
from tests.domain.test_store import kill_and_check


def bare_fsync(folder: Path, size: int) -> float:
    """One write of ``size`` bytes, fsync and close: the floor a durable vote stands on."""
    start = time.perf_counter()
    fd = os.open(folder / "bare", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.write(fd, b"x" * size)
    os.fsync(fd)
    os.close(fd)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--votes", type=int, default=300)
    parser.add_argument("--kills", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store(folder / "sessions")
        session = build(
            "LLPP",
            questions=[(f"q{n}", 1.0, False) for n in range(8)],
            candidates=[(f"c{n}", None) for n in range(6)],
        )
        opened = store.create(session)
        vote_times, fsync_times = [], []
        for n in range(args.votes):
            size = opened.path.stat().st_size
            fsync_times.append(bare_fsync(folder, size))
            start = time.perf_counter()
            opened.record_vote(f"c{n % 6}", f"q{n % 8}", f"m{n % 4 + 1}", "up")
            vote_times.append(time.perf_counter() - start)
        opened.close()
        vote, floor = statistics.median(vote_times), statistics.median(fsync_times)
        print(
            f"recorded vote / bare write+fsync of the same size: {vote / floor:.2f}x "
            f"(median over {args.votes} votes; a session of {size} bytes at the end)"
        )
        late = statistics.median(vote_times[-50:]) / statistics.median(vote_times[:50])
        print(f"last 50 votes / first 50 votes: {late:.2f}x (growth with the session's size)")

        root = folder / "durability"
        Store(root).save(
            build(
                "LLP",
                questions=[("q1", 1.0, False), ("q2", 1.0, False)],
                candidates=[("c1", None), ("c2", None)],
            )
        )
        rng = random.Random(1)
        reported = sum(kill_and_check(root, rng) for _ in range(args.kills))
        print(
            f"kill -9 at random moments: {args.kills} kills, {reported} reported votes, none lost"
        )


if __name__ == "__main__":
    main()
