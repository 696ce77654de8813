"""The store under attack: one line per case, with what was tried, how often and what was lost.

    python benchmarks/reliability.py [--kills 1000] [--seed 1]

Cases:

- SIGKILL at random moments in a child that votes, undoes, reveals, notes,
  decides, moves, finishes (and opens again) and compacts. The child says what
  it is about to do, then what it did once the call returned; every
  acknowledged event (its candidate, question, member and value) must be on
  disk after the kill, in order, and only the one change in flight may be
  there or not.
- A torn journal tail (cut records, zeros, garbage appended), a full disk
  (a small tmpfs when the system allows mounting one, else ENOSPC from the
  write), a read-only folder (a read-only mount, else EROFS), a damaged record
  mid-journal and a second process on the same session.

Exits non-zero when anything acknowledged was lost.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.kills import case_kills, key, run_child
from benchmarks.workload import session as make_session
from panel_tui.domain.store import OpenSession, SessionLocked, Store, StoreError
from panel_tui.domain.store.journal import FRAME, frame
from panel_tui.domain.store.loading import journal_path

# ------------------------------------------------------------------ the other cases


def _voted(store: Store, session_id: str, votes: int) -> OpenSession:
    store.save(make_session(3, 3, 4, filled=False, session_id=session_id))
    opened = store.open(session_id)
    for n in range(votes):
        opened.record_vote(f"c{n % 3 + 1}", f"q{n % 3 + 1}", f"m{n % 4 + 1}", "up")
    return opened


def _abandon(opened: OpenSession) -> None:
    """As a crash: the journal is left as it is (no compaction), the lock let go."""
    opened._db.storage.close()
    opened._lock.release()


def case_torn(root: Path, trials: int, rng: random.Random) -> tuple[str, int, list[str]]:
    store = Store(root)
    lost = []
    for n in range(trials):
        opened = _voted(store, f"torn-{n}", rng.randint(1, 30))
        acked = [key("votes", v) for v in opened.session.votes]
        _abandon(opened)
        record = frame({"ops": [{"t": "votes", "add": {"999": {"x": 1}}}]})
        tail = rng.choice(
            [
                record[: rng.randint(1, len(record) - 1)],
                b"\0" * rng.randint(1, 200),
                bytes(rng.randrange(256) for _ in range(rng.randint(1, 50))),
            ]
        )
        with journal_path(store.path(f"torn-{n}")).open("ab") as file:
            file.write(tail)
        try:
            with store.open(f"torn-{n}") as reopened:
                if [key("votes", v) for v in reopened.session.votes] != acked:
                    lost.append(f"torn-{n}: votes differ")
                reopened.record_vote("c1", "q1", "m1", "down")
            if len(store.load(f"torn-{n}").votes) != len(acked) + 1:
                lost.append(f"torn-{n}: the vote after the tear is missing")
        except StoreError as error:
            lost.append(f"torn-{n}: {error}")
    return "a torn journal tail (cut record, zeros, garbage)", trials, lost


@contextlib.contextmanager
def small_disk(parent: Path, size: str) -> Iterator[Path | None]:
    """A small tmpfs (``None`` where it cannot be mounted: not root, or no rights)."""
    mount = parent / "small-disk"
    mount.mkdir()
    mounted = (
        os.geteuid() == 0
        and shutil.which("mount") is not None
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield mount if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", str(mount)], capture_output=True, check=False)


@contextlib.contextmanager
def refusing_writes(code: int) -> Iterator[None]:
    """Every ``os.write`` fails with ``code``: a disk that is full or read-only."""
    real = os.write

    def refuse(fd: int, data: Any) -> int:
        raise OSError(code, os.strerror(code))

    os.write = refuse
    try:
        yield
    finally:
        os.write = real


def case_full_disk(root: Path, trials: int, rng: random.Random) -> tuple[str, int, list[str]]:
    lost: list[str] = []
    with small_disk(root, "2m") as mount:
        how = "a 2 MB tmpfs filled up" if mount else "ENOSPC from the write (no tmpfs allowed here)"
        for n in range(trials):
            folder = (mount or root) / f"full-{n}"
            store = Store(folder)
            opened = _voted(store, "s", rng.randint(1, 20))
            acked = [key("votes", v) for v in opened.session.votes]
            filler = folder / "filler"
            refused = False
            try:
                if mount:
                    with filler.open("wb") as file, contextlib.suppress(OSError):
                        while True:
                            file.write(b"x" * 65536)
                            file.flush()
                    for m in range(10000):
                        try:
                            vote = opened.record_vote("c2", "q2", f"m{m % 4 + 1}", "middle")
                        except StoreError as error:
                            refused = "disk is full" in str(error)
                            break
                        acked.append(key("votes", vote))
                else:
                    with refusing_writes(errno.ENOSPC):
                        try:
                            opened.record_vote("c2", "q2", "m1", "middle")
                        except StoreError as error:
                            refused = "disk is full" in str(error)
                if not refused:
                    lost.append(f"full-{n}: no plain 'disk is full' message")
                if [key("votes", v) for v in opened.session.votes] != acked:
                    lost.append(f"full-{n}: the screen shows other votes than the disk took")
                filler.unlink(missing_ok=True)
                vote = opened.record_vote("c3", "q3", "m2", "down")  # space again: goes on
                acked.append(key("votes", vote))
                opened.close()
                if [key("votes", v) for v in Store(folder).load("s").votes] != acked:
                    lost.append(f"full-{n}: votes on disk differ from those acknowledged")
            finally:
                filler.unlink(missing_ok=True)
                shutil.rmtree(folder, ignore_errors=True)
    return f"a full disk ({how})", trials, lost


def case_read_only(root: Path, trials: int, rng: random.Random) -> tuple[str, int, list[str]]:
    lost: list[str] = []
    with small_disk(root, "8m") as mount:
        how = "a read-only mount" if mount else "EROFS from the write (no mount allowed here)"
        for n in range(trials):
            folder = (mount or root) / f"ro-{n}"
            store = Store(folder)
            opened = _voted(store, "s", rng.randint(1, 20))
            acked = [key("votes", v) for v in opened.session.votes]
            if mount:
                opened.close()
                subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
                try:
                    try:
                        Store(folder).open("s").close()
                        lost.append(f"ro-{n}: opened for writing on a read-only disk")
                    except StoreError as error:
                        if "not allowed to write" not in str(error) and "read-only" not in str(
                            error
                        ):
                            lost.append(f"ro-{n}: unclear message: {error}")
                    listed = [s.id for s in Store(folder).summaries()]
                    if listed != ["s"]:
                        lost.append(f"ro-{n}: the list shows {listed}")
                    votes = [key("votes", v) for v in Store(folder).load("s").votes]
                finally:
                    subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
            else:
                with refusing_writes(errno.EROFS):
                    try:
                        opened.record_vote("c2", "q2", "m1", "middle")
                        lost.append(f"ro-{n}: a vote was taken on a read-only disk")
                    except StoreError as error:
                        if "not allowed to write" not in str(error):
                            lost.append(f"ro-{n}: unclear message: {error}")
                opened.close()
                votes = [key("votes", v) for v in Store(folder).load("s").votes]
            if votes != acked:
                lost.append(f"ro-{n}: votes on disk differ from those acknowledged")
            shutil.rmtree(folder, ignore_errors=True)
    return f"a read-only folder ({how})", trials, lost


def case_damaged(root: Path, trials: int, rng: random.Random) -> tuple[str, int, list[str]]:
    lost: list[str] = []
    store = Store(root / "damaged-case")
    for n in range(trials):
        session_id = f"d-{n}"
        opened = _voted(store, session_id, rng.randint(3, 30))
        _abandon(opened)
        journal = journal_path(store.path(session_id))
        raw = bytearray(journal.read_bytes())
        starts = record_starts(bytes(raw))
        where = rng.randrange(starts[1], starts[-1])  # after the header, before the last
        raw[where] ^= 1 << rng.randrange(8)
        journal.write_bytes(bytes(raw))
        snapshot = store.path(session_id).read_bytes()
        try:
            store.load(session_id)
            lost.append(f"{session_id}: a damaged journal was read as good")
        except StoreError as error:
            if "damaged" not in str(error) or session_id not in str(error):
                lost.append(f"{session_id}: unclear message: {error}")
        aside = sorted((store.root / "damaged").glob(f"{session_id}.*.json"))
        if not aside or aside[-1].read_bytes() != snapshot:
            lost.append(f"{session_id}: the snapshot was not set aside untouched")
        elif journal_path(aside[-1]).read_bytes() != bytes(raw):
            lost.append(f"{session_id}: the journal was not set aside untouched")
    listed = {s.id for s in store.summaries()}
    if listed:
        lost.append(f"damaged sessions still listed: {sorted(listed)}")
    return "a damaged record mid-journal (one bit flipped)", trials, lost


def record_starts(raw: bytes) -> list[int]:
    """Where each record of a journal starts."""
    starts, offset = [], 0
    while offset < len(raw):
        starts.append(offset)
        offset += FRAME.size + FRAME.unpack_from(raw, offset)[0]
    return starts


def case_second_process(root: Path, trials: int, rng: random.Random) -> tuple[str, int, list[str]]:
    """A writer in a child; this process tries to open it and reads it while it writes."""
    lost: list[str] = []
    store = Store(root / "second")
    store.save(make_session(3, 3, 4, filled=False, session_id="shared"))
    reads = 0
    for n in range(trials):
        pid, read_fd = run_child(store.root, "shared", rng.randrange(1 << 30), reopen=False)
        os.read(read_fd, 1)  # the child has the session open and is changing it
        os.set_blocking(read_fd, False)
        try:
            Store(store.root).open("shared").close()
            lost.append(f"round {n}: a second writer was let in")
        except SessionLocked as error:
            if "open in another panel-tui" not in str(error):
                lost.append(f"round {n}: unclear message: {error}")
        except StoreError:
            pass  # the child was compacting as the lock was tried: still refused
        previous: list[Any] = []
        for _ in range(5):
            try:
                votes = [key("votes", v) for v in Store(store.root).load("shared").votes]
            except StoreError as error:
                lost.append(f"round {n}: a reader was refused: {error}")
                break
            if votes[: len(previous)] != previous:
                lost.append(f"round {n}: a reader saw votes go missing")
            previous = votes
            reads += 1
            time.sleep(rng.random() * 0.005)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
    return (
        f"a second process on the same session (open refused; {reads} reads while it wrote)",
        trials,
        lost,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--trials", type=int, default=0, help="per other case (kills / 10)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    trials = args.trials or max(5, args.kills // 10)
    rng = random.Random(args.seed)
    cases: list[tuple[Callable[..., tuple[str, int, list[str]]], int]] = [
        (case_kills, args.kills),
        (case_torn, trials),
        (case_full_disk, max(3, trials // 4)),
        (case_read_only, max(3, trials // 4)),
        (case_damaged, trials),
        (case_second_process, max(3, trials // 4)),
    ]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for case, count in cases:
            folder = Path(tmp) / case.__name__
            folder.mkdir()
            start = time.perf_counter()
            what, tried, lost = case(folder, count, rng)
            took = time.perf_counter() - start
            verdict = "nothing lost" if not lost else f"LOST: {'; '.join(lost[:3])}"
            print(f"{what}: tried {tried} times in {took:.0f} s; {verdict}", flush=True)
            failed = failed or bool(lost)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
