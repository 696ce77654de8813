"""Where exports may go, and safe names for them there, on any system."""

from __future__ import annotations

import re
from pathlib import Path

from panel_tui.domain.text import IDENT_PATTERN, RESERVED_NAMES, slug


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
    """
    target, root = path.resolve(), folder.resolve()
    return target == root or target.is_relative_to(root)


def sessions_folder_problem(path: Path, sessions: Path) -> str | None:
    """Why nothing is written at ``path``: it is in the sessions folder (``None``: it is not)."""
    if not within(path, sessions):
        return None
    return (
        f"{path} is inside the sessions folder {sessions}, so nothing was written: an "
        "export there could replace a session. Choose a place outside it."
    )
