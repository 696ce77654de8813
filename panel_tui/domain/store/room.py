"""Room in a session file: a change that would take it past what panel-tui reads is refused.

Found by a tester: a session imported just under the 64 MB panel-tui reads took
700 long notes, each said to be saved, and was then written past it at closing,
never to be opened, exported or recovered again (while ``sessions list`` showed
it as fine). :meth:`Store.save` refuses a whole session too large; a change to an
open one is checked here, before it counts as saved.

Checking each change exactly would mean writing the whole session out for each
vote. Instead a cheap bound is kept: the snapshot written with the journal's
changes folded in takes at most its size now and twice the journal's bytes (the
journal writes JSON without the spaces the snapshot has, at most one per other
character). Only when that bound passes the limit is the change folded in at
once, the whole file checked exactly before it is written (:func:`check`): that
is, only in the last few kilobytes before the limit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from panel_tui.domain.store import files
from panel_tui.domain.store.errors import StoreError
from panel_tui.domain.system_words import size_words

SLACK = 1024
"""Bytes the snapshot's own table may grow by when written again (tokens, checksum)."""


class SessionTooLarge(StoreError):
    """A change refused: the session would be larger than panel-tui reads."""


def near_the_limit(snapshot: int, journal: int, record: int) -> bool:
    """Whether the session, a record of ``record`` bytes appended to a journal of
    ``journal`` bytes beside a snapshot of ``snapshot`` bytes, might be written past what
    panel-tui reads: the change is then to be written whole, and checked (:func:`check`)."""
    limit = files.MAX_FILE_BYTES  # read now, so that a test can make it smaller
    return snapshot + 2 * (journal + record) + SLACK > limit


def check(path: Path, payload: bytes) -> None:
    """Refuse to write ``payload`` as the session file at ``path``, a change to the session
    in it, if panel-tui could not read it back.

    Raises:
        SessionTooLarge: it is larger than :data:`files.MAX_FILE_BYTES`, in plain words.
    """
    refuse_past_limit(
        len(payload),
        lambda takes, limit: (
            f"This change was not saved: with it, the session {path.stem} would take "
            f"{takes}, more than the {limit} panel-tui can read back, so it could never be "
            "opened again. Everything saved before it is kept. Shorten what you were adding, "
            "or carry on in a new session."
        ),
    )


def refuse_past_limit(size: int, refusal: Callable[[str, str], str]) -> None:
    """The one check of a session file's size (``size`` bytes) against what panel-tui
    reads, :data:`files.MAX_FILE_BYTES` (read now, so that a test can make it smaller).

    Args:
        size: the bytes of the session file to be written.
        refusal: what is said when it is larger, given its size and the limit in words.

    Raises:
        SessionTooLarge: it is larger.
    """
    limit = files.MAX_FILE_BYTES
    if size > limit:
        raise SessionTooLarge(refusal(size_words(size), size_words(limit)))
