"""The store's targets (issue 9): a vote, a year of sessions, listing, exports.

Every figure is a ratio against a baseline measured in this same run, sample
by sample in turn: a stdlib ``sqlite3`` insert in WAL mode with
``synchronous=FULL``, an fsync'd append of the vote's own bytes, TinyDB's
default ``JSONStorage``, an empty folder, ``json.dumps``.

    python benchmarks/bench_store.py [--quick]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tinydb import TinyDB

from benchmarks.measure import Result, in_blocks, paired, table
from benchmarks.workload import session
from panel_tui.cli import main as cli
from panel_tui.domain.models import Session
from panel_tui.domain.store import OpenSession, Store, checksum
from panel_tui.domain.store.snapshot_meta import META_TABLE

HISTORY = 1000
PANEL_TUI = Path(sys.executable).parent / "panel-tui"


def history(folder: Path, count: int = HISTORY) -> Path:
    """A sessions folder holding ``count`` sessions of 10 x 10 x 8 votes, catalogued.

    One session is saved through the store, the rest are copies of its file
    under other ids (what a year of rounds leaves), then one listing builds the
    catalogue, as the first start after an upgrade would.
    """
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder)
    store.save(session(session_id="round-0000"))
    raw = store.path("round-0000").read_bytes()
    for n in range(1, count):
        name = f"round-{n:04d}"
        # Its checksum taken again, as the store would: a copy edited by hand is damaged.
        tables = json.loads(raw.replace(b"round-0000", name.encode()))
        own = tables.pop(META_TABLE)["1"]
        del own[checksum.SUM_KEY]
        (folder / f"{name}.json").write_bytes(checksum.sealed(tables, own))
    Store(folder).summaries()
    return folder


class Voter:
    """Votes round the answers of an open session, a different value each time."""

    VALUES = ("up", "middle", "down", "abstain")

    def __init__(self, opened: OpenSession) -> None:
        self.opened = opened
        self.n = 0

    def __call__(self) -> None:
        n = self.n
        self.n += 1
        s = self.opened.session
        candidate = s.candidates[n % len(s.candidates)].id
        question = s.bank.questions[(n // 3) % len(s.bank.questions)].id
        member = s.panel[(n // 7) % len(s.panel)].id
        self.opened.record_vote(candidate, question, member, self.VALUES[n % 4])  # type: ignore[arg-type]


def vote_doc(full: Session) -> dict[str, object]:
    return full.votes[-1].model_dump(mode="json")


def sqlite_baseline(folder: Path, full: Session) -> Callable[[], None]:
    """A stdlib sqlite3 insert of the same vote, WAL, synchronous=FULL, 800 rows there."""
    db = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(
        "CREATE TABLE votes (candidate TEXT, question TEXT, member TEXT, value TEXT, "
        "at TEXT, after_reveal INTEGER, undoes INTEGER)"
    )
    rows = [
        (v.candidate, v.question, v.member, v.value, v.at.isoformat(), v.after_reveal, v.undoes)
        for v in full.votes
    ]
    db.execute("BEGIN")
    db.executemany("INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")

    def insert() -> None:
        db.execute("INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?, ?)", rows[-1])

    return insert


def append_baseline(folder: Path, full: Session) -> Callable[[], None]:
    """An fsync'd append of the vote's own bytes."""
    payload = json.dumps(vote_doc(full)).encode()
    fd = os.open(folder / "baseline.append", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def append() -> None:
        os.write(fd, payload)
        os.fsync(fd)

    return append


def tinydb_baseline(
    folder: Path, snapshot: Path, full: Session
) -> tuple[Callable[[], None], Callable[[], None]]:
    """TinyDB's default JSONStorage: an insert into a file of the same content.

    Returns the insert and an untimed flush of what it left in the page cache.
    """
    path = folder / "baseline.tinydb.json"
    path.write_bytes(snapshot.read_bytes())
    table = TinyDB(path).table("votes")
    doc = vote_doc(full)

    def insert() -> None:
        table.insert(dict(doc))

    def flush() -> None:
        fd = os.open(path, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)

    return insert, flush


def vote_targets(folder: Path, repeat: int) -> list[Result]:
    store = Store(folder / "one")
    full = store.create(session(session_id="full"))
    full.close()
    full = store.open("full")  # compacted: the snapshot holds the 800 votes
    snapshot = full.path
    vote = Voter(full)
    results = []
    for target, base, limit in (
        ("vote at 800 votes / sqlite3 insert (WAL, FULL)", sqlite_baseline, 1.5),
        ("vote at 800 votes / fsync'd append of its bytes", append_baseline, 2.0),
    ):
        for _ in range(5):
            vote()
        ours, theirs = paired(vote, base(folder, full.session), repeat)
        results.append(Result(target, ours, theirs, limit))
    insert, flush = tinydb_baseline(folder, snapshot, full.session)
    ours, theirs = in_blocks(vote, insert, repeat, settle=flush)
    results.append(Result("vote at 800 votes / TinyDB JSONStorage insert", ours, theirs, 0.2))

    # Flat in the session's size: fresh sessions, 20 votes each, against the full one.
    small: list[Voter] = []

    def vote_small() -> None:
        if not small or small[-1].n >= 20:
            if small:
                small[-1].opened.close()
            opened = store.create(session(filled=False, session_id=f"small-{len(small)}"))
            small.append(Voter(opened))
        small[-1]()

    vote_small()
    ours, theirs = paired(vote, vote_small, repeat)
    results.append(Result("vote at 800 votes / vote at 0-20 votes", ours, theirs, 1.2))
    full.close()
    small[-1].opened.close()
    return results


def history_targets(folder: Path, crowded: Path, repeat: int, runs: int) -> list[Result]:
    empty = Store(folder / "alone")
    alone = empty.create(session(session_id="round-0000"))
    crowded_store = Store(crowded)
    among = crowded_store.open("round-0001")
    for _ in range(5):
        Voter(alone)()
        Voter(among)()
    ours, theirs = paired(Voter(among), Voter(alone), repeat)
    kept = sum(1 for _ in crowded.glob("*.json"))
    results = [Result(f"vote, {kept} sessions kept / none kept", ours, theirs, 1.1)]
    among.close()
    alone.close()

    empty_folder = folder / "empty"
    empty_folder.mkdir()

    def listing(where: Path) -> Callable[[], None]:
        def run() -> None:
            subprocess.run(
                [str(PANEL_TUI), "--data-dir", str(where), "sessions", "list"],
                check=True,
                stdout=subprocess.DEVNULL,
            )

        return run

    ours, theirs = paired(listing(crowded), listing(empty_folder), runs)
    results.append(Result(f"sessions list, {kept} sessions / empty folder", ours, theirs, 2.0))
    return results


def export_target(folder: Path, repeat: int) -> Result:
    store = Store(folder / "exports")
    record = session(candidates=20, questions=12, members=8, session_id="big")
    store.save(record)
    dumped = record.model_dump(mode="json")
    count = iter(range(10**6))

    def export_all() -> None:
        with contextlib.redirect_stderr(io.StringIO()):
            code = cli(
                [
                    "--data-dir",
                    str(store.root),
                    "export",
                    "big",
                    "--format",
                    "all",
                    "-o",
                    str(folder / f"out-{next(count)}"),
                ]
            )
        assert code == 0

    def dumps() -> None:
        json.dumps(dumped)

    ours, theirs = paired(export_all, dumps, repeat)
    return Result("export --format all, 20 x 12 x 8 / json.dumps", ours, theirs, None)


def main(argv: list[str] | None = None) -> list[Result]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--history", type=Path, help="a folder made by history() to reuse")
    args = parser.parse_args(argv)
    repeat, runs = (20, 2) if args.quick else (300, 7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        crowded = args.history or history(folder / "history", 50 if args.quick else HISTORY)
        results = vote_targets(folder, repeat)
        results += history_targets(folder, crowded, repeat, runs)
        results.append(export_target(folder, 3 if args.quick else 10))
    print(table(results))
    return results


if __name__ == "__main__":
    main()
