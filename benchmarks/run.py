"""Every benchmark of issue 9 in one run: one table of ratios, then the reliability runner.

    python benchmarks/run.py            # the full run recorded in docs/benchmarks.md
    python benchmarks/run.py --quick    # a smoke run (CI): small sizes, few samples

Ratios are against baselines measured in this same run; see benchmarks/measure.py.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import bench_store, bench_ui, reliability
from benchmarks.measure import table


def machine() -> str:
    """The machine, for the record."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    disk = subprocess.run(
        ["df", "-hT", str(ROOT)], capture_output=True, text=True, check=False
    ).stdout.splitlines()[-1:]
    where = " ".join(disk[0].split()[:2]) if disk else "?"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()}; disk: {where}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument(
        "--no-ui", action="store_true", help="leave out the app's start-up and memory"
    )
    args = parser.parse_args()
    quick = ["--quick"] if args.quick else []
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        history = bench_store.history(Path(tmp) / "history", 50 if args.quick else 1000)
        print("\n# the store", flush=True)
        results = bench_store.main([*quick, "--history", str(history)])
        if not args.no_ui:
            print("\n# the app", flush=True)
            results += bench_ui.main([*quick, "--history", str(history)])
    print("\n# every target\n" + table(results), flush=True)
    print("\n# reliability", flush=True)
    quick_reliability = ["--kills", "30", "--trials", "3"]
    return reliability.main(quick_reliability if args.quick else ["--kills", "1000"])


if __name__ == "__main__":
    raise SystemExit(main())
