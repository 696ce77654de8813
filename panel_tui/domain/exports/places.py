"""Where exports may go, safe names for them there on any system, and those names said short."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from panel_tui.domain.store.files import resolved
from panel_tui.domain.text import IDENT_PATTERN, RESERVED_NAMES, slug
from panel_tui.domain.words import sessions_folder_words


def safe_file_stem(text: str) -> str:
    """A file name stem made from any text: no separators, controls or reserved names.

    An identifier (letters, digits, ``-`` and ``_``, as session ids are) is kept
    as it is; any other text becomes a slug (see :func:`panel_tui.domain.text.slug`).
    Either way it cannot name a parent folder or a hidden file, and a device
    name such as ``con`` gets a prefix.
    """
    stem = text if re.fullmatch(IDENT_PATTERN, text) else slug(text, limit=60)
    return f"session-{stem}" if stem.lower() in RESERVED_NAMES else stem


def within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it, once ``..`` and links are resolved.

    Exports never go into the sessions folder, where a file could replace a session.

    Raises:
        OSError: a link on the way leads round in a circle (see :func:`resolved`).
    """
    target, root = resolved(path), resolved(folder)
    return target == root or target.is_relative_to(root)


def sessions_folder_problem(path: Path, sessions: Path) -> str | None:
    """Why nothing is written at ``path``: it is in the sessions folder (``None``: it is not).

    Raises:
        OSError: a link on the way leads round in a circle (see :func:`resolved`).
    """
    if not within(path, sessions):
        return None
    return (
        f"{path} is inside the {sessions_folder_words(sessions)}, so nothing was written: an "
        "export there could replace a session. Choose a place outside it."
    )


def names_said(names: Iterable[str]) -> str:
    """File names sharing a start, the first in full and the others by how they end.

    ``x.md, .html, -votes.csv``: six names of one session in full took eight of
    the screen's 24 lines under the summary.
    """
    listed = list(names)
    shared = len(os.path.commonprefix(listed))  # noqa: RUF071 (names, by character)
    # Back to where every name goes on with "." or "-", so each ending reads whole.
    while shared and not all(name[shared : shared + 1] in (".", "-") for name in listed):
        shared -= 1
    if len(listed) < 2 or not shared:
        return ", ".join(listed)
    return ", ".join([listed[0], *(name[shared:] for name in listed[1:])])
