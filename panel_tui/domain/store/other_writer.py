"""Another writer's changes in an open session's files: found, and never written over.

Found by a tester: window A had a session open; its lock file was removed by hand
(it looked stale), window B opened the session, saved votes and quit. A's next change
found the files not as it left them and wrote the whole session again from its own
memory, as it does when a sync tool removed them, and B's votes were gone with no
copy kept. The same with the sessions folder deleted, made again, and the session
imported again in another window.

Each snapshot names itself with a token (:mod:`snapshot_meta`), and a window knows
every token it read or wrote. Files that are gone, damaged, or an older copy of its
own put back hold none it does not know: written again from memory, as before. A
snapshot, or (the snapshot gone) a record of changes, naming a token the window never
knew was written by another window or another copy of panel-tui: this window then
writes nothing more over it, and keeps its own copy aside in ``replaced/``.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from panel_tui.domain.store import aside, durable
from panel_tui.domain.store.aside import REPLACED_FOLDER
from panel_tui.domain.store.errors import StoreError
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.snapshot_meta import named_by, token_in
from panel_tui.domain.store.storage import dumps
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable


class ChangedElsewhere(StoreError):
    """The session's files hold another writer's changes: this window saves nothing more."""


def another_writers(snapshot: Path, known: Collection[str]) -> bool:
    """Whether the session's files name a snapshot that is not one of ``known``: those
    this window read or wrote.

    A snapshot that is gone, or does not read (damaged, or an older version's), names
    none: written again, as before. With the snapshot gone, its record of changes is
    looked at: another window's may hold the only record of its votes.
    """
    token = token_in(snapshot)
    if token is None and not os.path.lexists(snapshot):
        token = named_by(snapshot.with_suffix(JOURNAL_SUFFIX))
    return token is not None and token not in known


def refusal(snapshot: Path, tables: dict[str, Any]) -> tuple[ChangedElsewhere, bool]:
    """Keep this window's copy of the session (``tables``) in ``replaced/``, never over
    the files, and the words that refuse every change from now on.

    Returns the refusal, and whether the copy was kept.
    """
    saved = False
    try:
        target = aside.unused_name_in(snapshot.parent / REPLACED_FOLDER, snapshot)
        durable.write_atomically(target, dumps(tables))
        kept = f"What this window held, with every change it saved, is kept in {target}."
        saved = True
    except OSError as error:  # a link where replaced/ should be is an OSError too
        kept = (
            f"What this window held could not be kept aside ({os_reason(error)}): "
            "do not close it before you have written down what it shows."
        )
    said = (
        f"The session {snapshot.stem} was changed in another window or by another copy "
        "of panel-tui since this window opened it, so this window saves nothing more, to "
        f"keep those changes: this change was not saved. {kept} Close this window and "
        "open the session again."
    )
    return ChangedElsewhere(printable(said)), saved
