"""What no longer reads in a journal: said for a person, and a last change that fails
its check kept as it was.

A journal's last record cut short (fewer bytes than its frame gives, or a body all
zeros the disk had not yet written) is a crash's:
a vote shows only once its append is on disk, so it was never shown, and it is
dropped quietly. A last record of its full length that fails its check cannot be
told from damage to a change that was shown (found by an adversarial tester: one
flipped bit in the last vote's time dropped it, the next opening said every vote
was kept, and compacted the journal away). Before anything rewrites the journal,
:func:`keep_as_it_was` copies the session's files, byte for byte, into
``damaged/``, where ``panel-tui sessions recover`` reads them; :func:`unread_words`
tells the chair.
"""

from __future__ import annotations

import glob
import json
import os
from pathlib import Path

from panel_tui.domain.models import Session
from panel_tui.domain.store import aside, durable, files
from panel_tui.domain.store.aside import DAMAGED_FOLDER
from panel_tui.domain.store.missing import Answer, answers
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import printable


def lost(count: int, first: bool, tail: bool) -> str:
    """What no longer reads in a journal, after ``count`` changes that do, for a person.

    Counted as a person counts (not "at byte 34572", which a tester met).
    """
    if first:
        return "it no longer reads from its start"
    if not tail:
        return f"change number {count + 1} saved in it no longer reads as it was written"
    lost = (
        f"everything saved in it after change number {count} no longer reads"
        if count
        else "none of the changes saved in it reads any more"
    )
    return f"{lost}, more than a change cut short by a crash could leave"


def keep_as_it_was(snapshot: Path, changes: Path) -> Path:
    """Copy a session's files, ``snapshot`` and its journal ``changes``, byte for byte into
    its folder's ``damaged/``; returns where the session file's copy is.

    The journal goes first: a crash between the two leaves it there alone, which
    the next start names (a record of changes with no session file beside it). A copy
    of the same bytes kept already is not made again: found by a review, each opening
    refused after the read (a full disk at the compaction) kept one more.

    Raises:
        StoreError: a copy could not be made; nothing of the session was changed.
    """
    from panel_tui.domain.store.errors import StoreError  # errors reads journal, which reads this

    folder = snapshot.parent / DAMAGED_FOLDER
    try:
        kept = {  # by suffix, the journal first
            changes.suffix: files.read_regular(changes),
            snapshot.suffix: files.read_regular(snapshot),
        }
        target = _kept_already(folder, snapshot.stem, kept)
        if target is not None:
            return target.absolute()
        target = aside.unused_name_in(folder, snapshot)
        for suffix, payload in kept.items():
            durable.write_atomically(target.with_suffix(suffix), payload)
    except (OSError, files.UnsafeFile) as error:
        reason = os_reason(error) if isinstance(error, OSError) else error.reason
        raise StoreError(
            printable(
                f"The session {snapshot.stem} was not opened: the last change saved in it "
                f"could not be read back, and a copy of its files could not be kept in "
                f"{folder} first ({reason}). Nothing in it was changed."
            )
        ) from None
    return target.absolute()


def _kept_already(folder: Path, stem: str, kept: dict[str, bytes]) -> Path | None:
    """The copy of the session file in ``folder`` kept with the same bytes as ``kept``
    (each file's by its suffix, the session file's last), its journal's too; ``None``
    when there is none.

    Raises:
        UnsafeFile: ``folder`` is a link or a file.
    """
    if not aside.check_folder(folder):
        return None
    *_, suffix = kept
    for copy in sorted(folder.glob(f"{glob.escape(stem)}.*{suffix}")):
        if all(_holds(copy.with_suffix(end), payload) for end, payload in kept.items()):
            return copy
    return None


def _holds(path: Path, payload: bytes) -> bool:
    """Whether the file at ``path`` (a plain file, never a link) holds ``payload``."""
    try:
        return os.lstat(path).st_size == len(payload) and files.read_regular(path) == payload
    except (OSError, files.UnsafeFile):
        return False


def vote_in(body: bytes) -> Answer | None:
    """The answer (candidate, question) of the one vote a record's ``body`` seems to add,
    read though the record fails its check; ``None`` when it does not read as one."""
    try:
        found = answers(json.loads(body))
    except (ValueError, RecursionError):
        return None
    return found[0] if len(found) == 1 else None


def said_if_unread(unread: tuple[Path, bytes] | None, session: Session) -> str | None:
    """What to say on opening ``session`` of its journal's last change that failed its
    check (``unread``: where its files were kept, and the change's body); ``None``: none.
    """
    if unread is None:
        return None
    kept, body = unread
    answer = vote_in(body)
    named = answer is not None and any(c.id == answer[0] for c in session.candidates)
    if answer is None or not (named and any(q.id == answer[1] for q in session.bank.questions)):
        return unread_words(kept, None)
    return unread_words(kept, session.answer_name(*answer))


def unread_words(kept: Path, answer: str | None) -> str:
    """Said on opening a session whose journal's last change failed its check.

    Args:
        kept: where the copy of the session file, as it was, is kept.
        answer: the answer the change seems to be a vote on, for the chair ("Alex Q1").
    """
    seems = (
        f" It seems to have been a vote on {answer}, but it is damaged, so that may be wrong."
        if answer is not None
        else ""
    )
    return printable(
        "This session was not closed properly last time (panel-tui or the computer "
        "stopped), and the last change saved before then could not "
        f"be read back: it is left out.{seems} If a vote was shown just before the stop, "
        "check it with the panel and give it again if it is missing. The session's files "
        f"as they were are kept as {kept} (and its record of changes beside it)."
    )
