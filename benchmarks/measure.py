"""Ratios against baselines measured in the same run, and the table they print in.

Each target pairs our operation with its baseline, sample by sample and in
turn (ours, baseline, ours, baseline...), so a noisy neighbour slows both
alike; a ratio is reported as the median of the paired ratios with their min
and max, and the absolute medians beside it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    """One target: our samples and the baseline's, in seconds (or bytes)."""

    target: str
    ours: list[float]
    base: list[float]
    limit: float | None
    """The ratio the issue asks for at most (``None``: reported only)."""
    unit: str = "s"

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours, self.base, strict=True) if b > 0]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def met(self) -> str:
        if self.limit is None:
            return "(reported)"
        return "met" if self.ratio <= self.limit else "MISSED"


def paired(
    ours: Callable[[], object],
    base: Callable[[], object],
    repeat: int,
    settle: Callable[[], object] | None = None,
) -> tuple[list[float], list[float]]:
    """Time ``ours`` and ``base`` in turn, ``repeat`` times each.

    ``settle`` runs untimed after each baseline sample: a baseline that leaves
    dirty pages behind (no fsync) would otherwise make the next fsync of ours
    wait for them (ext4 commits its journal in order).
    """
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        ours()
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        base()
        b.append(time.perf_counter() - start)
        if settle is not None:
            settle()
    return a, b


def _amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.1f} MB"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.2f} ms"
    return f"{value * 1e6:.0f} us"


def table(results: list[Result]) -> str:
    """A plain-text table: target, ratio median (min-max), limit, verdict, absolute medians."""
    rows = [("target", "ratio (min-max)", "limit", "", "ours (median)", "baseline (median)", "n")]
    for r in results:
        ratios = r.ratios
        rows.append(
            (
                r.target,
                f"{r.ratio:.2f}x ({min(ratios):.2f}-{max(ratios):.2f})",
                "-" if r.limit is None else f"<= {r.limit:g}x",
                r.met,
                _amount(statistics.median(r.ours), r.unit),
                _amount(statistics.median(r.base), r.unit),
                str(len(ratios)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def in_blocks(
    ours: Callable[[], object],
    base: Callable[[], object],
    repeat: int,
    settle: Callable[[], object],
    block: int = 25,
) -> tuple[list[float], list[float]]:
    """Time ``ours`` and ``base`` in alternate blocks, settling the disk between them.

    For a baseline that leaves much unwritten data behind (TinyDB's storage
    never fsyncs): its dirty pages are flushed after its block, untimed, and
    the disk given a moment, so our fsyncs do not pay for its writes.
    """
    a: list[float] = []
    b: list[float] = []
    while len(a) < repeat:
        for fn, samples in ((base, b), (ours, a)):
            for _ in range(min(block, repeat - len(samples))):
                start = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - start)
            settle()
            time.sleep(0.2)
    return a, b
