"""Which files an export writes, said before any is written: one plan for every way in.

Every way of writing files into a folder asks :func:`plan_export` what a choice
of formats writes there: ``panel-tui export`` into the folder ``-o`` names
(``all``, or the sheets alone) and the summary's Export box and Sheets key (T).
Each one-file format's file, and each page of the sheets in their own folder
(the pages made here, once, so they are checked with the files), or straight
in the folder (``export --format member-sheets -o DIR``: :func:`plan_export`'s
``pages_here``). No name the plan writes at is a link (panel-tui never writes
through one), leads out of the folder, or into the sessions folder. ``all`` (:data:`.formats.ALL`)
is every format and the session's own kind of sheets, which a totals-only copy
leaves out, saying why (:attr:`ExportPlan.left_out`). The command refuses when
any planned file is there; the summary writes the others and asks about those.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from panel_tui.domain.exports.formats import (
    ALL,
    FOLDER_FORMATS,
    all_formats,
    file_name,
    left_out_of_all,
)
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.exports.places import within
from panel_tui.domain.models import Session
from panel_tui.domain.store.files import UnsafeFile, is_link, resolved
from panel_tui.domain.words import sessions_folder_words


@dataclass(frozen=True)
class Planned:
    """One format of an export: where it goes, and each file it writes there."""

    name: str  #: the format that writes it: "md", "json", ... or "member-sheets"
    #: Its file; for sheets, the folder they go into (of their own, or the plan's own folder).
    path: Path
    #: Sheets only: each page's HTML, by file name (``None`` for a one-file format).
    pages: Mapping[str, str] | None = None

    @property
    def files(self) -> list[Path]:
        """Each file it writes: its own, or each page in the sheets' folder."""
        if self.pages is None:
            return [self.path]
        return [self.path / page for page in self.pages]

    def taken(self) -> list[Path]:
        """Its files already there (a link counts, even one that leads nowhere)."""
        return [path for path in self.files if path.exists() or path.is_symlink()]

    def without(self, taken: Collection[Path]) -> Planned:
        """The same sheets, but only their pages not among ``taken`` (those already there)."""
        pages = self.pages or {}
        return replace(self, pages={n: t for n, t in pages.items() if self.path / n not in taken})


@dataclass(frozen=True)
class ExportPlan:
    """What an export writes into a folder, before anything is written."""

    session: Session  #: the session as stored (each format leaves out what it must)
    folder: Path
    options: ExportOptions
    formats: tuple[Planned, ...]  #: in the order they are written
    #: What the choice left out, and why, in one plain line ("" when nothing was).
    left_out: str = ""

    @property
    def files(self) -> list[tuple[str, Path]]:
        """Every file it writes, with the format that writes it."""
        return [(planned.name, path) for planned in self.formats for path in planned.files]

    def taken(self) -> list[Path]:
        """Every file it writes that is already there, in the order they are written."""
        return [path for planned in self.formats for path in planned.taken()]

    def folders_in_the_way(self) -> list[Path]:
        """Every file it writes where a folder is, which no export replaces (not even
        ``--force`` or Replace): said before any file is written."""
        return [path for _, path in self.files if path.is_dir() and not path.is_symlink()]

    def only(self, names: Collection[str]) -> ExportPlan:
        """The same plan for these of its formats only (those the chair chose to replace)."""
        return replace(self, formats=tuple(p for p in self.formats if p.name in names))


def plan_export(
    session: Session,
    names: Sequence[str],
    folder: Path,
    options: ExportOptions | None = None,
    *,
    pages_here: bool = False,
    sessions: Path | None = None,
) -> ExportPlan:
    """Which files writing the formats ``names`` into ``folder`` writes; nothing is written.

    ``all`` among ``names`` stands for what :func:`.formats.all_formats` lists: every
    one-file format and the session's own kind of sheets, left out of a totals-only
    copy (and :attr:`ExportPlan.left_out` says so).

    Sheets go into a folder of their own in ``folder``, named as the files are
    (``...-member-sheets``); with ``pages_here``, their pages go straight into
    ``folder`` (``export --format member-sheets -o DIR``). Every name is checked
    against ``sessions`` (the sessions folder), where an export could replace a session.

    Raises:
        SheetError: sheets asked for by name cannot be made (a totals-only copy,
            trainee sheets of a live round), in plain words.
        UnsafeFile: ``folder`` itself is a link, or a name the plan writes at is
            one, or leads out of ``folder`` or into ``sessions`` (an ``OSError``
            naming it).
        OSError: a link there leads round in a circle.
    """
    _check_not_a_link(folder)
    options = options or ExportOptions()
    every = all_formats(session, options)
    chosen = dict.fromkeys(name for asked in names for name in (every if asked == ALL else [asked]))
    formats = tuple(_planned(session, name, folder, options, pages_here) for name in chosen)
    for planned in formats:
        _check_inside(folder, [planned.path] if planned.path != folder else [], sessions)
        if planned.pages is not None:
            _check_inside(planned.path, planned.files, sessions)
    left_out = left_out_of_all(session, options) if ALL in names else ""
    return ExportPlan(session, folder, options, formats, left_out)


def _planned(
    session: Session, name: str, folder: Path, options: ExportOptions, pages_here: bool
) -> Planned:
    """Where a format goes in ``folder``: its file, or its sheets' folder and their pages."""
    pages = FOLDER_FORMATS[name](session, options) if name in FOLDER_FORMATS else None
    if pages is not None and pages_here:
        return Planned(name, folder, pages)
    return Planned(name, folder / file_name(session, name, options), pages)


def _check_not_a_link(folder: Path) -> None:
    """Refuse a folder that is itself a link (or a junction), wherever it leads.

    Found by a tester: ``-o`` naming a link wrote every file through it, so a link
    planted where HR files exports sends them elsewhere. Only the folder named is
    checked, not those above it: a home or ``/tmp`` reached through a link (as on
    macOS) is the user's own place.

    Raises:
        UnsafeFile: ``folder`` is a link, with the folder it leads to to name instead
            (or, leading nowhere or to a file, said to be no folder).
        OSError: it leads round in a circle (see :func:`resolved`).
    """
    if not _is_link(folder):
        return
    target = resolved(folder)
    if target.is_dir():
        where, instead = f"the folder {target}", "that folder"
    else:
        which = "a file" if target.exists() else "not there"
        where, instead = f"{target}, which is {which}", "a folder"
    raise UnsafeFile(
        folder,
        f"it is a link to {where}, and panel-tui never writes through a link: "
        f"name {instead} instead",
    )


def _check_inside(folder: Path, paths: Iterable[Path], sessions: Path | None) -> None:
    """Refuse a name in ``folder`` that is a link, or leads into ``sessions`` or out of ``folder``.

    The names are slugs, so only a link can lead elsewhere; checked because a file must
    never land elsewhere, and panel-tui never writes through a link (even one inside).

    Raises:
        UnsafeFile: the name is a link, or leads elsewhere (an ``OSError`` naming it).
        OSError: a link on the way leads round in a circle (see :func:`resolved`).
    """
    inside = resolved(folder)
    for path in paths:
        link = _is_link(path)
        if sessions is not None and within(path, sessions):
            where = "a link into" if link else "inside"
            raise UnsafeFile(
                path,
                f"it is {where} the {sessions_folder_words(sessions)}, where an export could "
                "replace a session",
            )
        if resolved(path).parent != inside:
            raise UnsafeFile(path, f"it is a link that leads out of the folder {folder}")
        if link:
            raise UnsafeFile(path, "it is a link, which panel-tui never writes through")


def _is_link(path: Path) -> bool:
    """Whether ``path`` itself is a link (or a junction); ``False`` when nothing is there."""
    try:
        return is_link(os.lstat(path))
    except (FileNotFoundError, NotADirectoryError):
        return False
