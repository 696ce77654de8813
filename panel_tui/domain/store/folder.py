"""The sessions folder: a snapshot ``<id>.json`` and journal per session, locks, the catalogue."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from panel_tui.domain.models import Session
from panel_tui.domain.store import aside, checksum, durable, files, room
from panel_tui.domain.store.aside import DAMAGED_FOLDER, REPLACED_FOLDER
from panel_tui.domain.store.catalogue import (
    Catalogue,
    SessionSummary,
    newest_first,
    stamps,
    summarise,
)
from panel_tui.domain.store.errors import (
    SAFE,
    DamagedFile,
    MisnamedFile,
    Notice,
    SessionExists,
    SessionNotFound,
    SkippedFile,
    StoreError,
    plain_os_error,
)
from panel_tui.domain.store.files import FOLDER_MODE, SUFFIX, UnsafeFile
from panel_tui.domain.store.loading import journal_path, load
from panel_tui.domain.store.locks import SessionLock, clean_temporary_files
from panel_tui.domain.store.opened import OpenSession
from panel_tui.domain.store.place import SessionsFolder
from panel_tui.domain.store.reading import SessionReader
from panel_tui.domain.store.recovery import with_recovery_notes
from panel_tui.domain.store.salvage import ReadBack
from panel_tui.domain.store.snapshot_meta import named_by
from panel_tui.domain.store.storage import DamagedData, dumps, record_to_tables
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import IDENT_PATTERN, capitalised, printable, quoted
from panel_tui.domain.words import counted

#: The note the project keeps in its default sessions folder (``sessions/README.md``).
FOLDER_NOTE = "README.md"

__all__ = ["SessionSummary", "Store"]


def _same(one: Path | None, other: Path) -> bool:
    """Whether two names, one perhaps relative, are the same file."""
    return one is not None and one.absolute() == other.absolute()


def _unusable(root: Path, error: OSError) -> StoreError:
    """Why ``root`` cannot be the sessions folder, with the system's reason in plain words."""
    return StoreError(
        f"panel-tui cannot use the folder {root} for sessions "
        f"({os_reason(error)}). Choose another with --data-dir."
    )


def _keep_copy(reader: SessionReader, path: Path) -> Path:
    """Keep the session at ``path``, journal folded in, in ``replaced/`` beside it.

    A damaged session is set aside in ``damaged/`` as it is (snapshot and
    journal), as reading it would, and named in :attr:`Store.damaged`.

    Raises:
        StoreError: it is damaged and cannot be moved, or is another session's file
            (names swapped), so it is not replaced.
    """
    try:
        loaded = load(path)
    except DamagedData as error:
        notice = reader.set_aside(path, error, locked=True)
        if notice.moved_to is None:
            raise StoreError(f"{notice} So it was not replaced.") from None
        return notice.moved_to
    except MisnamedFile as misnamed:  # names swapped: left in place, never replaced
        said = f"{capitalised(misnamed.reason(path))}. So it was not replaced."
        raise StoreError(printable(said)) from None
    target = aside.unused_name_in(path.parent / REPLACED_FOLDER, path)
    durable.write_atomically(target, dumps(loaded.tables) if loaded else files.read_regular(path))
    return target


def _refuse_too_large(session: Session, size: int) -> None:
    """Refuse a session whose file panel-tui would then refuse to read.

    Found by a tester: ``prepare`` of 900,000 candidates said "Prepared" and wrote
    80 MB, which every later read refused as larger than 64 MB. Every new session,
    import and recovery is saved through :meth:`Store.save`, so it is checked here.

    Raises:
        SessionTooLarge: the file would be larger than panel-tui reads (a StoreError).
    """
    holds = (
        f"{counted(len(session.candidates), 'candidate')}, "
        f"{counted(len(session.panel), 'panel member')} and "
        f"{counted(len(session.bank.questions), 'question')}"
    )
    room.refuse_past_limit(
        size,
        lambda takes, limit: (
            f"The session {session.id} is too large for panel-tui, so it was not saved: it "
            f"holds {holds}, which would take {takes}, and panel-tui reads a session of at "
            f"most {limit}. Split it into smaller sessions, with fewer candidates in each."
        ),
    )


class Store:
    """The sessions folder: one ``<id>.json`` per session, plus locks.

    Damaged files met along the way are moved into ``damaged/``; they, and
    whatever else the store left alone (another program's file, a link, a file
    it may not read, a mode it could not fix), are named once each in
    ``damaged``. The other sessions go on working.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = SessionsFolder(root)
        self._reader = SessionReader(root, self.lock)
        self.catalogue = Catalogue(self.folder)
        try:
            made = not root.is_dir()
            if made:
                root.mkdir(parents=True, mode=FOLDER_MODE)
                os.chmod(root, FOLDER_MODE)  # mkdir's mode is masked by the umask
            # A folder of someone's other files is theirs to share: never narrowed.
            # One holding only the project's own note is panel-tui's, as a fresh
            # clone's sessions/ is (its first run had said it was someone's).
            ours = (
                made
                or self.catalogue.path.exists()
                or all(p.name == FOLDER_NOTE for p in root.iterdir())
            )
            shared = files.owner_only_folder(root, ours=ours)
            self.folder.settle()  # from now on, never made again: see place.py
        except (FileExistsError, NotADirectoryError):
            try:
                root.stat()  # a link round in a circle is "there" too, and is no file
            except OSError as error:
                raise _unusable(root, error) from None
            raise StoreError(
                f"panel-tui cannot keep sessions in {root}: it is a file, not a folder. "
                "Choose a folder with --data-dir."
            ) from None
        except OSError as error:
            raise _unusable(root, error) from None
        if shared:
            self._reader.add_notice(SkippedFile(root, shared, was_read=True))
        clean_temporary_files(self.root, self.lock)
        self.catalogue.clean()

    def path(self, session_id: str) -> Path:
        """Where a session's file is (whether or not it exists).

        Raises:
            SessionNotFound: the id could not be a session's (say ``../x``), so
                no file outside the folder is ever named.
        """
        if not re.fullmatch(IDENT_PATTERN, session_id):
            raise SessionNotFound(
                f"There is no session {quoted(session_id)}: session ids hold only the letters "
                "a to z, digits, - and _. 'panel-tui sessions list' shows them."
            )
        return self.root / f"{session_id}{SUFFIX}"

    def lock(self, session_id: str) -> SessionLock:
        """The lock of a session, in this folder only (never one made again)."""
        return SessionLock(self.path(session_id).with_suffix(".lock"), self.folder)

    @property
    def damaged(self) -> list[Notice]:
        """What the store could not read, or left alone, named once each.

        The list itself, never a copy: :meth:`recover` removes from it in place.
        """
        return self._reader.damaged

    def _session_files(self) -> Iterator[Path]:
        yield from sorted(p for p in self.root.glob(f"*{SUFFIX}") if not p.name.startswith("."))

    def _read(self, path: Path) -> Session:
        """Read a session in full; what cannot be read is named in :attr:`damaged` and raised.

        Every load and list reads through here, never round it.
        """
        return self._reader.read(path)

    def load(self, session_id: str) -> Session:
        """Read a session without opening it for writing (for exports and lists)."""
        return self._read(self.path(session_id))

    def sessions(self) -> list[Session]:
        """Every readable session, newest first; damaged files are set aside."""
        found = []
        for path in self._session_files():
            try:
                found.append(self._read(path))
            except StoreError:
                continue
        return sorted(found, key=lambda s: (s.created, s.id), reverse=True)

    def practice_sessions(self) -> list[Session]:
        """Every readable practice session, newest first, for trainees' progress.

        Found through the catalogue, so live sessions are never read for it.
        """
        found = []
        for summary in self.summaries():
            if summary.mode == "practice":
                with contextlib.suppress(StoreError):
                    found.append(self.load(summary.id))
        return found

    def summaries(self) -> list[SessionSummary]:
        """A line for each readable session, newest first, from the catalogue.

        Only sessions whose catalogue entry is missing or out of date are read,
        and the catalogue is brought up to date.
        """
        checked = self.catalogue.check()
        found = dict(checked.fresh)
        rebuilt = []
        for path in checked.stale:
            files_before = stamps(path)  # taken first: a later write shows as a change
            try:
                summary = summarise(self._read(path))
            except StoreError:
                continue
            found[summary.id] = summary
            rebuilt.append((summary, files_before))
        with contextlib.suppress(OSError):  # the catalogue only saves reading
            self.catalogue.update(rebuilt, checked.gone | (checked.outdated.keys() - found.keys()))
        return newest_first(found.values())

    def catalogued(self) -> tuple[list[SessionSummary], bool]:
        """What the catalogue holds, without reading any session, and whether that is all.

        Out-of-date entries are included as they were; the flag says that
        :meth:`summaries` would read some session (so a screen can paint these
        at once and fill in the rest behind).
        """
        checked = self.catalogue.check()
        shown = {**checked.outdated, **checked.fresh}
        return newest_first(shown.values()), bool(checked.stale or checked.gone)

    def _catalogue(self, session: Session) -> None:
        """Bring a session's catalogue entry up to date after its files changed."""
        with contextlib.suppress(OSError):
            self.catalogue.update([(summarise(session), stamps(self.path(session.id)))])

    def exists(self, session_id: str) -> bool:
        """Whether a session file (or anything else) has this id's name."""
        return os.path.lexists(self.path(session_id))

    def open(self, session_id: str) -> OpenSession:
        """Open a session for writing; only one process may have it open.

        Raises:
            SessionLocked: another panel-tui has it open.
            SessionNotFound: there is no such session.
            StoreError: the file is damaged (it is set aside).
        """
        lock = self.lock(session_id)
        lock.acquire(session_id)
        path = self.path(session_id)
        try:
            return self._reader.plainly(
                path, lambda: OpenSession(path, lock, self._catalogue), locked=True
            )
        except BaseException:
            lock.release()
            raise

    def save(self, session: Session, *, replace: bool = False) -> Path | None:
        """Write a whole session (a new one, or an import), durably.

        Replacing never destroys the session that was there: its file is kept
        in ``replaced/`` first, and that copy's path is returned.

        Raises:
            StoreError: the id is taken and ``replace`` is false, the session is
                open elsewhere, or the disk refuses.
        """
        path = self.path(session.id)
        not_done = f"the session {session.id} was not saved"
        tables = record_to_tables(session)
        # Written whole and anew, it supersedes any record of changes beside it (whose
        # session is kept first, when replaced): one a crash leaves before it is removed,
        # below, is stale. A copy put back from before its first compaction is then told
        # too (found by a review).
        named = named_by(journal_path(path))  # a link, say: None, and said on opening
        meta = {"snapshot": secrets.token_hex(8), "replaces": [named] if named else []}
        payload = checksum.sealed(tables, meta)
        _refuse_too_large(session, len(payload))  # before anything is written
        lock = self.lock(session.id)
        lock.acquire(session.id, not_done)
        kept = None
        try:
            if files.check_plain(path) is not None:
                if not replace:
                    raise SessionExists(
                        f"A session with the id {session.id} is already in {self.root}. "
                        "Use --replace to replace it (the one there is kept in "
                        "replaced/), or delete it first."
                    )
                kept = _keep_copy(self._reader, path)
            else:  # changes with no session file here: kept, never deleted below
                self._reader.keep_stray_changes(path)
            durable.write_atomically(path, payload)
            # The journal of the session replaced names the old snapshot, so it
            # would never be replayed; it goes so that nothing looks pending.
            journal_path(path).unlink(missing_ok=True)
        except UnsafeFile as unsafe:
            if unsafe.path != path:  # replaced/, where the session there is kept first
                raise StoreError(
                    f"{capitalised(not_done)}: a copy of the session there is kept first in "
                    f"{unsafe.path}, and {unsafe.reason}. Move {unsafe.path} out of the "
                    f"sessions folder, then try again; {SAFE}."
                ) from None
            raise StoreError(f"{path} cannot be used ({unsafe.reason}), so {not_done}.") from None
        except OSError as error:
            raise plain_os_error(error, path, not_done) from None
        finally:
            lock.release()
        if kept is not None:  # set aside as damaged: its notice's command must replace
            self._reader.replaced(kept)
        self._catalogue(session)
        return kept

    def recover(self, read: ReadBack, copy: Path, *, replace: bool = False) -> Path | None:
        """Save again what ``copy``, set aside, held as ``read`` back; a session replaced
        is kept, and where is returned.

        Raises:
            StoreError: the id is taken and ``replace`` is false, or the disk refused.
        """
        kept = self.save(with_recovery_notes(read), replace=replace)
        for notice in list(self.damaged):  # in place: a reading thread may add one meanwhile
            if isinstance(notice, DamagedFile) and _same(notice.moved_to, copy):
                self.damaged.remove(notice)
        return kept

    def create(self, session: Session) -> OpenSession:
        """Save a new session and open it."""
        self.save(session)
        return self.open(session.id)

    def delete(self, session_id: str) -> None:
        """Delete a session's file, lock file and kept copies from disk.

        Raises:
            SessionLocked: it is open in another panel-tui.
            SessionNotFound: there is no such session.
        """
        path = self.path(session_id)
        if not os.path.lexists(path):
            raise SessionNotFound(f"There is no session {session_id} in {self.root}.")
        not_done = f"the session {session_id} was not deleted"
        lock = self.lock(session_id)
        lock.acquire(session_id, not_done)
        try:
            path.unlink()
            journal_path(path).unlink(missing_ok=True)
        except OSError as error:
            lock.release()
            raise plain_os_error(error, path, not_done) from None
        try:
            # Copies kept of it too, damaged ones with their records of changes; never
            # through a link named damaged or replaced (files of like names elsewhere
            # were deleted through one).
            for folder, kind in ((REPLACED_FOLDER, SUFFIX), (DAMAGED_FOLDER, "")):
                with contextlib.suppress(UnsafeFile):
                    aside.remove_copies(self.root / folder, f"{session_id}.*{kind}")
            durable.fsync_folder(self.root)
        except OSError as error:
            raise plain_os_error(
                error, path, f"the session {session_id} was deleted, but not every kept copy of it"
            ) from None
        finally:
            lock.release()  # which removes the lock file too
        with contextlib.suppress(OSError):
            self.catalogue.update([], [session_id])
