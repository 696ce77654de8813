"""The store: one TinyDB file per session, written so that no vote is ever lost.

By concern, as TinyDB itself splits storages from tables:

- ``files``: bytes on disk (owner-only modes, plain files only, never through a link);
- ``durable``: a file written whole or not at all, and kept through a crash;
- ``locks``: one writer per session;
- ``place``: the sessions folder, checked before each write (never made again);
- ``aside``: the folders a file is set aside in (``damaged/``, ``replaced/``);
- ``journal``: a session's changes, appended as self-checking records;
- ``storage``: a session's tables and their bytes; a whole small file's TinyDB storage;
- ``snapshot_meta``: which journal goes with a session file, and which it replaced;
- ``checksum``: a session file's checksum, checked as it is read;
- ``changes``: a change as the journal holds it: whether it can be applied, applying it;
- ``loading``: a session's files read together: the session file, its journal replayed;
- ``room``: a change that would take a session past what is read back, refused;
- ``journaled``: the TinyDB storage of a session, appending to its journal;
- ``journal_table``: the TinyDB table a session is opened with (an insert appends one document);
- ``other_writer``: another window's changes found in the files, never written over;
- ``catalogue``: the summaries a list of sessions shows, without reading them;
- ``opened``: :class:`OpenSession`, every change on disk when a method returns;
- ``folder``: :class:`Store`, the sessions folder;
- ``reading``: a session's files read plainly, damaged ones set aside, the rest named;
- ``salvage``: a damaged session read back, every change that still reads;
- ``second_copy``: a second session file run on after the first in one file, found and said;
- ``missing``: what one read back lacks: how many at least, the answers to check;
- ``copies``: the copies set aside in ``damaged/`` and ``replaced/``, found and told apart;
- ``recovery``: getting it back: the words, and notes for HR;
- ``errors``: what the store says, in plain words.
"""

from panel_tui.domain.store.catalogue import SessionSummary
from panel_tui.domain.store.durable import fsync_folder, write_atomically
from panel_tui.domain.store.errors import (
    DamagedFile,
    Notice,
    SessionExists,
    SessionLocked,
    SessionNotFound,
    SkippedFile,
    StoreError,
    plain_os_error,
)
from panel_tui.domain.store.files import make_folder
from panel_tui.domain.store.folder import Store
from panel_tui.domain.store.journaled import JournalStorage
from panel_tui.domain.store.opened import OpenSession
from panel_tui.domain.store.storage import AtomicJSONStorage, DamagedData, decode

__all__ = [
    "AtomicJSONStorage",
    "DamagedData",
    "DamagedFile",
    "JournalStorage",
    "Notice",
    "OpenSession",
    "SessionExists",
    "SessionLocked",
    "SessionNotFound",
    "SessionSummary",
    "SkippedFile",
    "Store",
    "StoreError",
    "decode",
    "fsync_folder",
    "make_folder",
    "plain_os_error",
    "write_atomically",
]
