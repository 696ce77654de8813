"""What the operating system says when a file cannot be read or written, in plain words.

The system's own phrasing ("No such file or directory", "Is a directory",
"File exists") is a programmer's; every message that quotes a reason for a
file goes through :func:`os_reason`, so one place says it and says it alike; a file
not written is said by :func:`not_written` (a file another program has open, too).
"""

from __future__ import annotations

import errno
import math
from collections.abc import Sequence
from pathlib import Path

from panel_tui.domain.words import listed

_WORDS: dict[int, str] = {
    errno.ENOENT: "there is no such file or folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.EEXIST: "something of that name is already there",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EACCES: "you do not have permission",
    errno.EPERM: "you do not have permission",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ENOTEMPTY: "the folder is not empty",
    errno.EBUSY: "another program is using it",
    errno.ELOOP: "it is a link that leads round in a circle",
    errno.EINVAL: "the name is not one this system allows",
    errno.EMFILE: "too many files are open; close some programs and try again",
    errno.EIO: "the disk could not be read or written (it may be failing or unplugged)",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _WORDS[errno.EDQUOT] = "your share of the disk is full"


#: Windows: another program has the file open (a sharing violation, a lock violation).
#: Python says ``PermissionError`` (errno 13), as for a file truly refused.
HELD_OPEN_WINERRORS = frozenset({32, 33})

_HELD_OPEN = "it is open in another program"


def held_open(error: OSError) -> bool:
    """Whether ``error`` is Windows saying another program has the file open (Excel
    holding a CSV, a scanner holding a session), not that permission is refused."""
    return getattr(error, "winerror", None) in HELD_OPEN_WINERRORS


def os_reason(error: OSError) -> str:
    """Why a file could not be used, as the end of a sentence: "there is no such file or folder".

    An error the table does not know keeps the system's words, lower-cased
    at the start so it reads inside a sentence.
    """
    if held_open(error):  # errno 13 too, but no question of permission
        return _HELD_OPEN
    if error.errno in _WORDS:
        return _WORDS[error.errno]
    said = error.strerror or str(error) or type(error).__name__
    return said[:1].lower() + said[1:]


def not_written(refused: Sequence[tuple[Path, OSError]], *, again: str = "try again") -> str:
    """Why files were not written, for the person who asked: a sentence per reason, in
    the order given. "Could not write to x.json and x.md (the disk is full)."

    A file another program has open (:func:`held_open`) is said to be, with the way
    on (close it there, then ``again``), and for a CSV, that a spreadsheet may hold it
    (said apart from the other files held). Found by a tester, Excel holding a CSV was
    said as "you do not have permission", and HR asked IT about the folder.
    """
    places: dict[tuple[str, str], list[Path]] = {}
    for place, error in refused:
        reason = os_reason(error)
        said = places.setdefault((reason, _held_hint(place) if reason == _HELD_OPEN else ""), [])
        if place not in said:
            said.append(place)
    sentences = []
    for (reason, hint), paths in places.items():
        named = listed([str(path) for path in paths])
        if reason != _HELD_OPEN:
            sentences.append(f"Could not write to {named} ({reason}).")
            continue
        it, is_ = ("it", "it is") if len(paths) == 1 else ("them", "they are")
        sentences.append(
            f"Could not write {named}: {is_} open in another program{hint}. "
            f"Close {it} there and {again}."
        )
    return " ".join(sentences)


def _held_hint(path: Path) -> str:
    """Which program may hold ``path`` open, when the kind of file says: a spreadsheet
    for a CSV. Found by a review: "(a spreadsheet, perhaps)" was said of an HTML page."""
    return " (a spreadsheet, perhaps)" if path.suffix.lower() == ".csv" else ""


def size_words(size: int) -> str:
    """A file's size as a person reads it, rounded up: "80 MB", or "20 KB" for a small one."""
    if size >= 1024 * 1024:
        return f"{math.ceil(size / (1024 * 1024))} MB"
    return f"{math.ceil(size / 1024)} KB"


def refused_file(error: OSError, path: Path) -> Path:
    """The file a write the system refused with ``error`` was to: the one the error names,
    when it is a file of the same name as ``path`` beside it (a session's record of changes,
    ``s1.journal``, for ``s1.json``); else ``path``. A temporary file is never named.

    Found by a tester: a vote refused on a full disk was said as "not saved to s1.json",
    when the write that failed was to ``s1.journal``.
    """
    named = error.filename
    if isinstance(named, str) and named:
        failed = Path(named)
        if failed.parent == path.parent and failed.stem == path.stem and failed != path:
            return failed
    return path
