"""SIGKILL at random moments: a child changes a session for ever and is killed; nothing is lost.

Used by ``reliability.py``. The child says ``I <kind>`` before each call and
the event it recorded once the call returned; after the kill every
acknowledged event must be on disk, in order, and only the one change in
flight may be there or not.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path
from typing import Any

from benchmarks.workload import session as make_session
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store

TABLES = ("votes", "notes", "reveals", "decisions")
ROUNDS_PER_SESSION = 100


def key(table: str, event: Any) -> tuple[Any, ...]:
    """What must survive of an event: its answer, who, and what."""
    if table == "votes":
        return (event.candidate, event.question, event.member, event.value, event.undoes)
    if table == "notes":
        return (event.candidate, event.question, event.text)
    if table == "reveals":
        return (event.candidate, event.question)
    return (event.candidate, event.outcome, event.reason)


def as_json(table: str, event: Any) -> list[Any]:
    return list(key(table, event))


# ------------------------------------------------------------------ the child


def _child(root: Path, session_id: str, seed: int, write_fd: int, reopen: bool = True) -> None:
    """Change the session for ever, saying ``I kind`` before each call and ``A ...`` after."""
    rng = random.Random(seed)

    def say(line: dict[str, Any] | str) -> None:
        text = line if isinstance(line, str) else json.dumps(line)
        os.write(write_fd, (text + "\n").encode())

    store = Store(root)
    opened = store.open(session_id)
    n = 0
    while True:
        n += 1
        s = opened.session
        candidate = rng.choice(s.candidates).id
        question = rng.choice(s.bank.questions).id
        roll = rng.random()
        if s.finished:
            say("I unfinish")
            opened.set_finished(False)
            say({"kind": "finished", "value": False})
        elif roll < 0.5:
            member = rng.choice([m for m in s.panel if m.can_vote]).id
            value = rng.choice(["up", "middle", "down", "abstain", None])
            say("I votes")
            vote = opened.record_vote(candidate, question, member, value)  # type: ignore[arg-type]
            say({"kind": "votes", "event": as_json("votes", vote)})
        elif roll < 0.6:
            say("I votes")
            undo = opened.undo(candidate, question)
            say({"kind": "votes", "event": as_json("votes", undo) if undo else None})
        elif roll < 0.67:
            say("I reveals")
            before = len(opened.session.reveals)
            opened.reveal(candidate, question)
            event = opened.session.reveals[-1] if len(opened.session.reveals) > before else None
            say({"kind": "reveals", "event": as_json("reveals", event) if event else None})
        elif roll < 0.74:
            say("I notes")
            note = opened.add_note(candidate, question, f"Note {seed}-{n}: 'quoted' & <b>")
            say({"kind": "notes", "event": as_json("notes", note)})
        elif roll < 0.8:
            say("I decisions")
            outcome = rng.choice(["recommend", "do_not_recommend", "undecided"])
            decision = opened.decide(candidate, outcome, f"Reason {seed}-{n}")  # type: ignore[arg-type]
            say({"kind": "decisions", "event": as_json("decisions", decision)})
        elif roll < 0.92:
            say("I cursor")
            opened.move_to(candidate, question)
            say({"kind": "cursor", "value": [candidate, question]})
        elif roll < 0.96:
            say("I finish")
            reveals = len(opened.session.reveals)
            opened.set_finished(True)
            added = [as_json("reveals", r) for r in opened.session.reveals[reveals:]]
            say({"kind": "finish", "reveals": added})
        else:
            say("I compact")
            if reopen:
                opened.close()  # compaction, then open again (another compaction check)
                opened = store.open(session_id)
            else:
                opened.compact()  # the lock is held throughout
            say({"kind": "compact"})


def run_child(root: Path, session_id: str, seed: int, reopen: bool = True) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            _child(root, session_id, seed, write_fd, reopen)
        finally:
            os._exit(1)
    os.close(write_fd)
    return pid, read_fd


# ------------------------------------------------------------------ checking


def _expected(
    before: Session, lines: list[str]
) -> tuple[dict[str, list[Any]], Any, Any, str | None]:
    """What must be on disk: the tables, cursor and finished flag, and the change in flight."""
    tables = {t: [list(key(t, e)) for e in getattr(before, t)] for t in TABLES}
    cursor = [before.cursor.candidate, before.cursor.question] if before.cursor else None
    finished = before.finished
    in_flight = None
    for line in lines:
        if line.startswith("I "):
            in_flight = line[2:]
            continue
        ack = json.loads(line)
        in_flight = None
        kind = ack["kind"]
        if kind in TABLES and ack["event"] is not None:
            tables[kind].append(ack["event"])
        elif kind == "cursor":
            cursor = ack["value"]
        elif kind == "finished":
            finished = ack["value"]
        elif kind == "finish":
            tables["reveals"].extend(ack["reveals"])
            finished = True
    return tables, cursor, finished, in_flight


def check(before: Session, after: Session, lines: list[str]) -> list[str]:
    """Everything acknowledged is on disk; anything more is the one change in flight."""
    tables, cursor, finished, in_flight = _expected(before, lines)
    lost = []
    for table in TABLES:
        stored = [list(key(table, e)) for e in getattr(after, table)]
        wanted = tables[table]
        if stored[: len(wanted)] != wanted:
            lost.append(f"{table}: acknowledged events missing or changed")
        extra = len(stored) - len(wanted)
        allowed = 0
        if in_flight == table:
            allowed = 1
        elif in_flight == "finish" and table == "reveals":
            allowed = len(after.bank.questions) * len(after.candidates)
        if extra > allowed or extra < 0:
            lost.append(f"{table}: {extra} events nobody acknowledged")
    now = [after.cursor.candidate, after.cursor.question] if after.cursor else None
    if now != cursor and in_flight != "cursor":
        lost.append(f"the place: {now} on disk, {cursor} acknowledged")
    if after.finished != finished and in_flight not in ("finish", "unfinish"):
        lost.append(f"finished: {after.finished} on disk, {finished} acknowledged")
    return lost


def kill_round(root: Path, session_id: str, rng: random.Random) -> tuple[int, list[str]]:
    """One child killed at a random moment; returns acknowledged changes and what was lost."""
    before = Store(root).load(session_id)
    pid, read_fd = run_child(root, session_id, rng.randrange(1 << 30))
    wanted = rng.randint(0, 12)
    received = b""
    while received.count(b"\n{") + received.startswith(b"{") < wanted:
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        received += chunk
    time.sleep(rng.random() * 0.003)  # land somewhere inside a write or a compaction
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 65536):
        received += chunk
    os.close(read_fd)
    # A line cut by the kill was never acknowledged: only whole lines count.
    lines = received.decode(errors="replace").split("\n")[:-1]
    after = Store(root).load(session_id)
    acknowledged = sum(1 for line in lines if line.startswith("{"))
    return acknowledged, check(before, after, lines)


def case_kills(root: Path, kills: int, rng: random.Random) -> tuple[str, int, list[str]]:
    acknowledged = 0
    lost: list[str] = []
    session_id = ""
    for n in range(kills):
        if n % ROUNDS_PER_SESSION == 0:
            session_id = f"kill-{n // ROUNDS_PER_SESSION}"
            Store(root).save(make_session(4, 3, 4, filled=False, session_id=session_id))
        got, missing = kill_round(root, session_id, rng)
        acknowledged += got
        lost += [f"kill {n}: {m}" for m in missing]
    return (
        f"SIGKILL at random moments ({acknowledged} acknowledged changes: votes, undos, "
        "reveals, notes, decisions, moves, finishing, compaction)",
        kills,
        lost,
    )
