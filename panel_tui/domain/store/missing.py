"""What a damaged session read back lacks: how many at least, and the answers to check.

Split from :mod:`salvage`, which reads the session back: votes, notes, reveals
and decisions are numbered as recorded, so a gap in their numbers shows one
missing; the answers of the votes either side of a stretch of damage, and of
votes left out, are named for the panel to check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from panel_tui.domain.models import Session
from panel_tui.domain.store.storage import EVENT_TABLES

Answer = tuple[str, str]
"""A candidate's id and a question's id."""


def answer_of(document: dict[str, Any]) -> list[Answer]:
    """The answer an event was on, when it names one."""
    candidate, question = document.get("candidate"), document.get("question")
    if isinstance(candidate, str) and isinstance(question, str):
        return [(candidate, question)]
    return []


def missing(
    base: dict[str, Any], records: Sequence[Any], session: Session, *, room: int
) -> dict[str, int]:
    """For each event table, how many entries at least are missing from ``session``.

    Up to the highest number the snapshot or any change that reads shows, each
    number not in the session is one missing; an undo of a missing vote, left
    out of the session, is one more.
    """
    missing = {}
    for name in EVENT_TABLES:
        seen = [int(key) for key in base.get(name) or {}]
        for record in records:
            for op in record.get("ops", []) if isinstance(record, dict) else []:
                if isinstance(op, dict) and op.get("t") == name:
                    added = op.get("add", op.get("put"))
                    if isinstance(added, dict):
                        seen += [int(key) for key in added]  # numbers: the change made sense
        count = min(max(seen, default=0) - len(getattr(session, name)), room)
        if count > 0:
            missing[name] = count
    return missing


def answers(record: Any, held: Mapping[str, Any] | None = None) -> list[Answer]:
    """The answers of the votes a change adds, but those ``held`` already.

    Args:
        record: the change.
        held: the snapshot's votes by number. A journal whose header is lost
            may be stale, its votes in the snapshot already under the same
            numbers: those are not named as perhaps missing.
    """
    found = []
    ops = record.get("ops") if isinstance(record, dict) else None
    for op in ops if isinstance(ops, list) else []:  # a damaged change's may be anything
        if isinstance(op, dict) and op.get("t") == "votes" and isinstance(op.get("add"), dict):
            for number, vote in op["add"].items():
                if isinstance(vote, dict) and (held is None or held.get(number) != vote):
                    found += answer_of(vote)
    return found


def either_side(records: Sequence[Any], at: int) -> list[Answer]:
    """The answers of the last vote before change ``at`` and of the first from it."""
    before = next((a for r in reversed(records[:at]) for a in reversed(answers(r))), None)
    after = next((a for r in records[at:] for a in answers(r)), None)
    return [answer for answer in (before, after) if answer is not None]
