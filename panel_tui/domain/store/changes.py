"""A change as the journal holds it: whether it can be applied, and applying it.

Each record after the journal's header is one change: ``{"ops": [...]}``, each
op naming a table of the session (``t``) and exactly one of the documents it
gained (``add``), its whole new content (``put``) or ``drop``. A session opened
(:mod:`journaled`) and one read back past damage (:mod:`salvage`) take the same
changes, tested here once: opening sets the session aside at the first that
does not pass, never applying it; reading back leaves that one out and goes on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from panel_tui.domain.store.storage import DOC_ID, EVENT_TABLES, SESSION_TABLE


def well_formed(record: Any) -> bool:
    """Whether a change can be applied: whole records of a session's own tables.

    Checked before anything is applied, so applying cannot fail half-way.
    (Whether the events are whole and fit the session together is checked on
    the session.)
    """
    ops = record.get("ops") if isinstance(record, dict) else None
    if not isinstance(ops, list):
        return False
    for op in ops:
        if not isinstance(op, dict) or op.get("t") not in (SESSION_TABLE, *EVENT_TABLES):
            return False
        kinds = [kind for kind in ("add", "put", "drop") if kind in op]
        if kinds == ["drop"]:
            if op["drop"] is not True:
                return False
            continue
        if len(kinds) != 1:
            return False
        documents = op[kinds[0]]
        if not isinstance(documents, dict) or not all(
            # Numbered as TinyDB numbers them: "3", never "03" or "+3".
            isinstance(key, str)
            and DOC_ID.fullmatch(key)
            and key == str(int(key))
            and isinstance(doc, dict)
            for key, doc in documents.items()
        ):
            return False
    return True


def apply(tables: dict[str, Any], record: Mapping[str, Any]) -> None:
    """Replay one change onto TinyDB's tables (it must be :func:`well_formed`)."""
    for op in record["ops"]:
        name = op["t"]
        if "add" in op:
            tables.setdefault(name, {}).update(op["add"])
        elif "put" in op:
            tables[name] = op["put"]
        else:
            tables.pop(name, None)
