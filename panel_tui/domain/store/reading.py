"""Reading a session's files plainly: what cannot be read is named, a damaged session set aside.

:class:`SessionReader` is the part of :class:`~panel_tui.domain.store.folder.Store`
that meets the folder's bad files: it keeps the notices the store shows
(``Store.damaged``), each said once, and moves a damaged session into
``damaged/`` so that the other sessions go on working.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from panel_tui.domain.models import Session
from panel_tui.domain.store import aside, files, journal
from panel_tui.domain.store.aside import DAMAGED_FOLDER
from panel_tui.domain.store.copies import copies_of
from panel_tui.domain.store.errors import (
    DamagedFile,
    MisnamedFile,
    Notice,
    SessionNotFound,
    SkippedFile,
    StoreError,
    StrayChanges,
    check_named,
    not_plain,
    not_set_aside,
)
from panel_tui.domain.store.files import UnsafeFile
from panel_tui.domain.store.loading import journal_path, load
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.recovery import can_read_back
from panel_tui.domain.store.storage import (
    DamagedChanges,
    DamagedData,
    NotASession,
    session_from_tables,
)
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import IDENT_PATTERN

__all__ = ["SessionReader"]

_T = TypeVar("_T")
_N = TypeVar("_N", DamagedFile, SkippedFile, StrayChanges)


class SessionReader:
    """Reads the sessions in ``root``, naming in :attr:`damaged` what it could not.

    Damaged files are moved into ``damaged/``; they, and whatever else was left
    alone (another program's file, a link, a file it may not read, a mode it
    could not fix), are named once each in :attr:`damaged`.

    Args:
        root: the sessions folder.
        lock: the lock of the session with a given id.
    """

    def __init__(self, root: Path, lock: Callable[[str], SessionLock]) -> None:
        self.root = root
        self._lock = lock
        self.damaged: list[Notice] = []

    def add_notice(self, notice: _N) -> _N:
        """Add ``notice`` to ``damaged`` unless it is there already: each is said once."""
        if notice not in self.damaged:
            self.damaged.append(notice)
        return notice

    def read(self, path: Path) -> Session:
        """Read a session (snapshot and journal); what cannot be read is named and raised.

        Only plain files are read, never through a link and never more than
        :data:`files.MAX_FILE_BYTES`; a session's files are made owner-only.
        """
        return self.plainly(path, lambda: self._session_at(path))

    def _session_at(self, path: Path) -> Session:
        loaded = load(path)
        if loaded is None:
            raise SessionNotFound(path.stem)
        session = session_from_tables(loaded.tables)
        check_named(session.id, path)
        for file in (path, journal_path(path)):
            # Read already: the mode is only said (a compaction elsewhere may
            # have replaced the file since, which is then owner-only anyway).
            with contextlib.suppress(OSError, UnsafeFile):
                if file.exists() and (shared := files.make_owner_only(file)):
                    self.add_notice(SkippedFile(file, shared, was_read=True))
        return session

    def plainly(self, path: Path, read: Callable[[], _T], *, locked: bool = False) -> _T:
        """Run ``read`` on a session's files, saying plainly what went wrong.

        A damaged session is set aside (``locked``: this process holds its lock);
        another program's JSON, a link or a file that cannot be read is named
        and left alone.
        """
        try:
            return read()
        except (SessionNotFound, FileNotFoundError):
            raise SessionNotFound(
                f"There is no session {path.stem} in {self.root}. "
                "'panel-tui sessions list' shows the sessions there."
            ) from None
        except UnsafeFile as unsafe:
            skipped = SkippedFile(path, not_plain(path, unsafe.path, unsafe.reason))
            raise StoreError(str(self.add_notice(skipped))) from None
        except OSError as error:
            reason = f"the session file {path} cannot be read ({os_reason(error)})"
            raise StoreError(str(self.add_notice(SkippedFile(path, reason)))) from None
        except MisnamedFile as misnamed:
            raise StoreError(
                str(self.add_notice(SkippedFile(path, misnamed.reason(path))))
            ) from None
        except NotASession:
            # Some other program's JSON file: not ours to move or change.
            reason = f"{path} is not a panel-tui session (it holds other JSON)"
            raise StoreError(str(self.add_notice(SkippedFile(path, reason)))) from None
        except DamagedData as error:
            raise StoreError(str(self.set_aside(path, error, locked=locked))) from None

    def keep_stray_changes(self, path: Path) -> None:
        """Move a record of changes that holds changes and has no session file beside it
        (at ``path``) into ``damaged/``, and name it: saving a session at ``path``
        would otherwise delete it as stale.

        Found by a review: two session files with mixed-up names, moved out of the
        folder to be taken back in as advised, left their records behind, and each
        was deleted as the other session was saved there.

        Raises:
            OSError: it could not be read or moved (so nothing is saved over it).
        """
        changes = journal_path(path)
        raw = journal.read(changes)
        if raw is None:
            return
        parsed = journal.parse(raw, salvage=True)
        if not (parsed.records or parsed.unreadable or parsed.torn):
            return  # a header alone: nothing is lost with it
        folder = self.root / DAMAGED_FOLDER
        target = journal_path(aside.unused_name_in(folder, path))
        aside.move_into(folder, [(changes, target)])
        self.add_notice(StrayChanges(changes, target.absolute(), len(parsed.records)))

    def replaced(self, copy: Path) -> None:
        """Say, in the notice of the session set aside as ``copy``, that another was saved
        in its place since: its command to have it back must replace that one."""
        for at, notice in enumerate(self.damaged):
            if isinstance(notice, DamagedFile) and notice.moved_to == copy:
                self.damaged[at] = replace(notice, replaced=True)

    def set_aside(self, path: Path, error: DamagedData, *, locked: bool = False) -> DamagedFile:
        """Move a damaged session's snapshot, and its journal with it, into ``damaged/``.

        Never from under another panel-tui that has it open (``locked``: this
        one does): that one's next vote would go into the copy set aside. The
        notice names the file ``error`` is about: the snapshot, or the journal.
        """
        notice = DamagedFile(path, None, str(error), changes=isinstance(error, DamagedChanges))
        lock = None
        if not locked and re.fullmatch(IDENT_PATTERN, path.stem):
            lock = self._lock(path.stem)
            try:
                lock.acquire(path.stem)
            except StoreError:
                return self.add_notice(replace(notice, open_elsewhere=True))
        folder = self.root / DAMAGED_FOLDER
        try:
            target = aside.unused_name_in(folder, path)
            older = len(copies_of(folder, path.stem))  # said with this one: never out of mind
            journal = journal_path(path)
            moves = [(journal, journal_path(target))] if journal.exists() else []
            aside.move_into(folder, [*moves, (path, target)])
        except OSError as refused:  # damaged/ a link or a file, too: said, with what to do
            return self.add_notice(replace(notice, not_moved=not_set_aside(folder, refused)))
        finally:
            if lock is not None:
                lock.release()
        # Named in full, so that the command the notice gives works from any folder.
        target = target.absolute()
        return self.add_notice(
            replace(notice, moved_to=target, recoverable=can_read_back(target), older=older)
        )
