"""What the store says when it cannot do something, in plain words."""

from __future__ import annotations

import errno
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from panel_tui.domain.store import files
from panel_tui.domain.store.journal import JOURNAL_SUFFIX
from panel_tui.domain.store.place import FolderGone
from panel_tui.domain.store.snapshot_meta import names, token_in
from panel_tui.domain.store.storage import DamagedData, session_id_in, session_id_of
from panel_tui.domain.system_words import held_open, os_reason, refused_file
from panel_tui.domain.text import IDENT_PATTERN, capitalised, printable
from panel_tui.domain.words import counted

#: Not every system names every error (Windows has no EDQUOT).
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_REFUSED = {errno.EROFS, errno.EACCES, errno.EPERM}


class StoreError(Exception):
    """Something the store cannot do, said in plain words for the person at the laptop."""


class SessionLocked(StoreError):
    """The session is open in another panel-tui process."""


class SessionNotFound(StoreError):
    """No session has that id."""


class SessionExists(StoreError):
    """A session with that id is in the folder already (and is not to be replaced)."""


def check_named(session_id: str, path: Path) -> None:
    """Refuse a session file whose name is not its id (names compared as Windows and
    macOS do, ignoring case): it is a copy, or renamed, never read or written as that id.

    Raises:
        MisnamedFile: the names differ.
    """
    if session_id.casefold() != path.stem.casefold():
        raise MisnamedFile(session_id)


class MisnamedFile(Exception):
    """A session file whose name is not its session's id.

    A copy made beside it ("x - Copy.json"), or a file renamed: it was listed as
    the session it holds, which could then not be opened by that id.
    """

    def __init__(self, session_id: str) -> None:
        super().__init__(session_id)
        self.session_id = session_id

    def reason(self, path: Path) -> str:
        """Why the file is left, and what to do, for :class:`SkippedFile`.

        A copy beside the session it copies is said to be one: taken in over it, a
        copy made while the session was open replaced its votes (found by a tester).
        """
        named = f"{self.session_id}.json"
        said = f"{path} holds the session {self.session_id}, but panel-tui finds a session by "
        if (path.parent / named).exists():
            held = session_id_in(path.parent / named)
            if held is not None and held.casefold() != self.session_id.casefold():
                if _swapped_alone(path, self.session_id):
                    return said + _swap_back(path, named, held)
                # Names swapped or mixed up: "delete it" said of each would lose both.
                # Each with its record of changes: votes not yet folded in are there.
                return said + (
                    f"its file's name, and {named} holds another session ({held}): the files' "
                    "names are mixed up. Delete neither: move both out of this folder, each "
                    f"with its record of changes ({path.stem}{JOURNAL_SUFFIX}, {self.session_id}"
                    f"{JOURNAL_SUFFIX}) if there is one, then take each back in with: panel-tui "
                    "sessions recover FILE"
                )
            return said + (
                f"its file's name, and {named} is here: this is an older copy, or another "
                "version, of it. Keep it elsewhere, or delete it once you are sure it is not needed"
            )
        return said + (
            f"its file's name, {named}: rename it {named}, or take it in with: "
            f"panel-tui sessions recover {shell_word(path)}"
        )


def _swapped_alone(path: Path, held: str) -> bool:
    """Whether ``path``, holding the session ``held``, goes with the record of changes
    named as ``held``'s file is: the session files' names were swapped, but not their
    records of changes (found by a review: each was set aside with the other's record,
    and the votes in it were said to be missing)."""
    return names(path.with_name(f"{held}{JOURNAL_SUFFIX}"), token_in(path))


def _swap_back(path: Path, named: str, held: str) -> str:
    """What to do when the session files ``path`` and ``named`` were swapped alone."""
    return (
        f"its file's name, and {named} holds another session ({held}): the session files' "
        f"names were swapped, but not their records of changes, so {Path(named).stem}"
        f"{JOURNAL_SUFFIX} goes with this one. Delete nothing and move nothing out: with "
        f"panel-tui closed, rename {path.name} to {named} and {named} to {path.name} (one of "
        "them to a spare name first), leaving the records of changes as they are"
    )


def another_copys_changes(path: Path, tables: dict[str, Any], token: str | None) -> Exception:
    """What to raise for the session file ``path`` (its tables ``tables``, its token
    ``token``) whose record of changes holds changes saved to another session file.

    An older copy put back, as a rule (:class:`DamagedData`: it is set aside). But when
    it holds another session, whose record of changes beside it names this file, the
    session files' names were swapped (:class:`MisnamedFile`: it is left, and said so):
    set aside, each went with the other's record, and its votes were said to be missing.
    """
    held = session_id_of(tables)
    if (
        held is not None
        and re.fullmatch(IDENT_PATTERN, held)
        and held.casefold() != path.stem.casefold()
        and names(path.with_name(f"{held}{JOURNAL_SUFFIX}"), token)
    ):
        return MisnamedFile(held)
    return DamagedData(
        f"its record of changes, {path.stem}{JOURNAL_SUFFIX}, holds changes saved to another "
        "copy of the session file, which this one lacks: an older copy may have been put "
        "back, by a backup or a sync tool"
    )


@dataclass(frozen=True)
class DamagedFile:
    """A session that could not be read, and where its files were moved to."""

    path: Path
    moved_to: Path | None
    reason: str
    recoverable: bool = False
    """Whether ``panel-tui sessions recover`` gets the session back from it."""
    open_elsewhere: bool = False
    """Left where it is because another panel-tui has it open."""
    not_moved: str = ""
    """Why it could not be moved aside, and what to do (see :func:`not_set_aside`)."""
    older: int = 0
    """How many older copies of the session, set aside before, are beside ``moved_to``."""
    changes: bool = False
    """The session file reads: what is damaged is its record of changes (the journal)
    beside it, which ``reason`` is about. Moved aside with it, as always."""
    replaced: bool = False
    """Another session was saved in its place since it was set aside (``--replace``), so
    only ``recover --replace`` has it back (found by a review: the plain command was
    given, which the session back under its id refuses)."""

    def __str__(self) -> str:
        # Any file in the folder is named here, so its name is shown with controls escaped.
        return printable(self._what() + self._where())

    def _what(self) -> str:
        """Which file is damaged, and how."""
        if self.changes:
            journal = self.path.with_suffix(JOURNAL_SUFFIX).name
            return (
                f"The session file {self.path} can be read, but its record of changes, {journal}, "
                f"is damaged ({self.reason})."
            )
        return f"The session file {self.path} is damaged ({self.reason})."

    def _where(self) -> str:
        """Where the session's files are now, and how to get back what still reads.

        Its two files always go together (the journal's changes belong to that
        snapshot): when the journal is the damaged one, both are said to be kept.
        """
        both = self.changes
        if self.moved_to:
            journal = self.moved_to.with_suffix(JOURNAL_SUFFIX).name
            where = (
                f" Both were moved to {self.moved_to.parent} (as {self.moved_to.name} and "
                f"{journal}) so that nothing overwrites them: keep them, as what was saved "
                "in them is still there."
                if both
                else f" It was moved to {self.moved_to} so that nothing overwrites it: keep it,"
                " as what was saved in it is still there."
            )
            if self.older == 1:
                where += " 1 older copy of the session, set aside before, is kept there too."
            elif self.older:
                where += (
                    f" {self.older} older copies of the session, set aside before, are kept "
                    "there too."
                )
        elif self.open_elsewhere:
            where = (
                " Another panel-tui has the session open, so both were left where they are:"
                if both
                else " Another panel-tui has it open, so it was left where it is:"
            ) + " quit that one, then start panel-tui again."
        else:
            left = "Both were left where they are" if both else "It was left where it is"
            where = f" {left}, unchanged: {self.not_moved}."
        if self.moved_to and self.recoverable and self.replaced:
            where += (
                f" The session {self.path.stem} was then replaced by another saved in its "
                "place: to have all that still reads in this copy back instead, run:"
                f" panel-tui sessions recover --replace {shell_word(self.moved_to)}"
            )
        elif self.moved_to and self.recoverable:
            where += (
                " To get back all that still reads:"
                f" panel-tui sessions recover {shell_word(self.moved_to)}"
            )
        return where


def not_set_aside(folder: Path, error: OSError) -> str:
    """Why a damaged session could not be moved into ``folder`` (``damaged/``), and what
    to do, for :attr:`DamagedFile.not_moved`.

    A link or a file of that name left the session unread on every start with no word
    of why (found by a tester): nothing is ever moved through one, so it must go.
    """
    if isinstance(error, files.UnsafeFile) and error.path == folder:
        return (
            f"panel-tui sets damaged files aside in {folder}, and {error.reason}. Move "
            f"{folder} out of the sessions folder, then start panel-tui again: the session "
            "is set aside then, and what still reads can be got back"
        )
    return f"it could not be moved into {folder} ({os_reason(error)})"


def shell_word(path: Path) -> str:
    """A path as typed after a command in this system's shell, so that pasting it works.

    Bare when it holds only letters, digits and ``._-/:\\``; otherwise quoted:
    single quotes on Linux and macOS (nothing inside them is special), double
    quotes on Windows (cmd and PowerShell both take them).
    """
    text = str(path)
    if re.fullmatch(r"[A-Za-z0-9._/:\\-]+", text):
        return text
    return f'"{text}"' if files.WINDOWS else shlex.quote(text)


def not_plain(path: Path, unsafe: Path, why: str) -> str:
    """Why a session's file that is a link (or a pipe, or a folder) is left, for SkippedFile.

    ``unsafe`` is the session's snapshot at ``path`` or its record of changes;
    for the record of changes, the session it hides is named (found by a tester).
    """
    if unsafe == path:
        return f"{path} is not read as a session: {why}"
    return (
        f"The session {path.stem} is not read, as its record of changes {unsafe} cannot be "
        f"read ({why}). Someone may have put it there on purpose: move it away, then "
        "try again"
    )


@dataclass(frozen=True)
class SkippedFile:
    """Something in the sessions folder the store left alone, and why.

    Not a session (another program's file, a link, a pipe), a file it may not
    read, or a mode it could not make owner-only.
    """

    path: Path
    reason: str
    #: Only open to other users (a mode not made owner-only): read all the same.
    was_read: bool = False

    def __str__(self) -> str:
        # The reason names a file of the folder: shown with controls escaped.
        return printable(f"{capitalised(self.reason)}. It was left as it is.")


@dataclass(frozen=True)
class StrayChanges:
    """A record of changes found with no session file beside it, holding changes, and
    where it was moved so that saving a session in its place never deletes it."""

    path: Path
    moved_to: Path
    changes: int

    def __str__(self) -> str:
        return printable(
            f"A record of changes, {self.path}, was in the sessions folder without its "
            f"session file. It holds {counted(self.changes, 'change')} (votes, notes or "
            "decisions) that may be in no session file: it may belong to one that was moved "
            f"or renamed. It was moved to {self.moved_to} so that nothing deletes it: keep "
            "it. To read it back, put it beside its session file, named as that file but "
            "ending in .journal, then: panel-tui sessions recover FILE"
        )


#: What :attr:`Store.damaged` lists: everything the person should hear about.
Notice = DamagedFile | SkippedFile | StrayChanges


#: Said after a refusal when the files on disk still hold every change before it.
SAFE = "everything saved before is safe"
#: Said when the sessions folder is not there: deleted, rather than moved or taken
#: out, it holds nothing, and this window alone holds the session (found by an
#: adversarial tester, told "safe", who then quit and lost every vote).
FOLDER_AWAY = (
    "this window holds every vote until then, so do not quit (if the folder was deleted, "
    "make it again)"
)
#: Said instead when memory alone holds changes (the files were removed, then the
#: disk refused to write them again): found by an adversarial tester, told "safe".
HELD_ONLY = (
    "the session's files were removed by another program, so the changes since are "
    "held only by this window until one is saved: do not quit"
)


def written_again(path: Path) -> str:
    """Said when the session's files, changed or removed outside panel-tui while the
    session was open, were written again from memory: every vote is kept.

    "Changed", not "replaced": the check that finds an older copy put back counts
    any other size or time of writing, and a network folder may change the time.
    """
    return printable(
        "This session's files were changed or removed outside panel-tui (a sync or "
        "backup tool can do this), so panel-tui wrote them again from this window, "
        "with every vote. If you see this again, ask IT to keep such tools away "
        f"from {path.parent}."
    )


def kept_after(error: OSError, *, held_only: bool) -> str:
    """What is safe after a write refused with ``error``: the files on disk, or this
    window alone (``held_only``: the files were removed and not yet written again;
    or the folder is not there, perhaps deleted)."""
    if held_only:
        return HELD_ONLY
    return FOLDER_AWAY if isinstance(error, FolderGone) else SAFE


def folder_gone(folder: Path, not_done: str, kept: str = SAFE) -> StoreError:
    """The sessions folder moved, renamed or taken out while panel-tui was open.

    Said as the disk being full is: what was not done, what to do, what is safe.
    """
    return StoreError(
        f"The sessions folder {folder} is not there any more (a USB stick taken out, or "
        f"the folder moved, renamed or deleted while panel-tui was open), so {not_done}. Put the "
        f"stick or the folder back where it was, then try again; {kept}."
    )


def plain_os_error(
    error: OSError, path: Path, not_done: str | None = None, *, kept: str = SAFE
) -> StoreError:
    """Turn an operating-system error into words a chair can act on.

    Args:
        error: what the system said.
        path: the file or folder it was about.
        not_done: what did not happen because of it ("the session s1 was not
            opened"); by default the last change to ``path``.
        kept: what is safe meanwhile (:data:`SAFE`, :data:`HELD_ONLY` or :data:`FOLDER_AWAY`).
    """
    if isinstance(error, FolderGone):
        return folder_gone(error.folder, not_done or "the last change was not saved", kept)
    reason, path = os_reason(error), refused_file(error, path)
    generic = (
        f"The last change could not be saved to {path} ({reason})"
        if not_done is None
        else f"{capitalised(not_done)}: {path} could not be written ({reason})"
    )
    not_done = not_done or f"the last change was not saved to {path}"
    if held_open(error):
        return StoreError(
            f"Another program (often an antivirus scanner or the search indexer) held "
            f"{path} for too long, so {not_done}. Try again in a moment; {kept}."
        )
    if error.errno in _FULL:
        return StoreError(
            f"The disk is full, so {not_done}. Free some space and try again; {kept}."
        )
    if error.errno in _REFUSED:
        return StoreError(
            f"panel-tui is not allowed to write to {path.parent} (read-only or no "
            f"permission), so {not_done}. Choose another folder with --data-dir; {kept}."
        )
    return StoreError(f"{generic}. {capitalised(kept)}.")
