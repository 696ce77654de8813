"""Every saved snapshot belongs to a test that still exists.

syrupy fails a run that leaves a snapshot unused, but not when the suite runs
under pytest-xdist (each worker sees only its own tests), and the suite does.
So the check is made here, from the tests this run collected: a picture left
behind by a renamed or removed test would otherwise go stale unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "__snapshots__"


def narrowed(config: pytest.Config) -> bool:
    """Whether this run picked some tests within a file (then nothing is judged)."""
    option = config.option
    return bool(
        getattr(option, "keyword", "")
        or getattr(option, "markexpr", "")
        or getattr(option, "deselect", None)
        or getattr(option, "lf", False)
        or any("::" in arg for arg in config.args)
    )


def test_no_snapshot_is_left_without_its_test(request: pytest.FixtureRequest) -> None:
    folders = sorted(path for path in SNAPSHOTS.iterdir() if path.is_dir())
    assert folders, f"no snapshots found in {SNAPSHOTS}"
    for folder in folders:  # a folder per test file: it must still exist
        assert (SNAPSHOTS.parent / f"{folder.name}.py").is_file(), f"{folder}: no such test file"
    if narrowed(request.config):
        pytest.skip("only some tests were picked: which snapshots are used is unknown")
    taken: dict[str, set[str]] = {}  # test file -> names of its snapshot tests
    for item in request.session.items:
        if item.path.parent == SNAPSHOTS.parent:
            names = taken.setdefault(item.path.stem, set())
            if "snap_compare" in getattr(item, "fixturenames", ()):
                names.add(item.name)
    unused = [
        svg
        for folder in folders
        if folder.name in taken  # the file's tests ran, so its snapshots can be judged
        for svg in sorted(folder.glob("*.svg"))
        if svg.stem not in taken[folder.name]
    ]
    assert unused == [], "snapshots no test uses (remove them, or run --snapshot-update -n0)"
