"""``panel-tui sessions list``, ``sessions delete`` and ``sessions recover``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

from panel_tui import locations
from panel_tui.cli.common import (
    EXIT_ERROR,
    CommandError,
    FolderOptions,
    confirm,
    load,
    store,
    warn_damaged,
)
from panel_tui.domain.damaged_copies import DamagedCopies
from panel_tui.domain.models import now
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.store.catalogue import SessionSummary, practice_apart, summarise
from panel_tui.domain.store.copies import copies_set_aside, live_in, sessions_folder_of
from panel_tui.domain.store.errors import shell_word
from panel_tui.domain.store.files import resolved
from panel_tui.domain.store.locks import open_elsewhere
from panel_tui.domain.store.recovery import kept_words, read_back_plainly, recovery_words
from panel_tui.domain.store.salvage import snapshot_of
from panel_tui.domain.text import printable, quoted
from panel_tui.domain.words import (
    candidates_words,
    counted,
    made_words,
    sessions_folder_words,
    utc_text,
    votes_words,
)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``sessions list``, ``sessions delete`` and ``sessions recover``."""
    sessions = commands.add_parser(
        "sessions",
        parents=[folders.sessions],
        help="stored sessions",
        description="List the sessions in the sessions folder, delete them, or recover one "
        "set aside as damaged.",
    )
    actions = sessions.add_subparsers(
        dest="sessions_command",
        metavar="ACTION",
        required=True,
        help="what to do with the sessions",
    )
    listing = actions.add_parser(
        "list",
        parents=[folders.sessions],
        help="list sessions",
        description="List the sessions in the sessions folder, newest first, and name any "
        "set aside as damaged.",
    )
    listing.add_argument("--json", action="store_true", help="a JSON array, for scripts")
    listing.set_defaults(run=run_list)
    delete = actions.add_parser(
        "delete",
        parents=[folders.sessions],
        help="delete sessions",
        description="Delete one session, or every session with nothing recorded for some "
        "days, from disk for good, after asking.",
    )
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "session",
        nargs="?",
        metavar="SESSION",
        help="the session's id, as 'panel-tui sessions list' shows it",
    )
    which.add_argument(
        "--older-than",
        type=_days,
        metavar="DAYS",
        help="every session with nothing recorded in the last DAYS days",
    )
    delete.add_argument("--yes", action="store_true", help="do not ask to confirm")
    delete.set_defaults(run=run_delete)
    recover = actions.add_parser(
        "recover",
        parents=[folders.sessions],
        help="read back what a damaged session file still holds",
        description=(
            "Read back a session set aside in damaged/: every change saved in it that "
            "still reads. It goes back into the sessions folder it was set aside from, "
            "and the damaged copy is kept as it is."
        ),
    )
    recover.add_argument("file", type=Path, metavar="FILE", help="the damaged copy, as named")
    recover.add_argument(
        "--replace", action="store_true", help="replace a session with the same id"
    )
    recover.set_defaults(run=run_recover)


def _days(text: str) -> int:
    """A number of days for --older-than: a whole number from 0 to 36500."""
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 0 <= days <= 36500:
        raise argparse.ArgumentTypeError(f"{quoted(text)} is not a number of days from 0 to 36500")
    return days


def _name_damaged(found: Store) -> None:
    """Name on standard error what is damaged: set aside now, or earlier and not yet back.

    As the home screen does at each start: a copy named once, when set aside,
    would leave its session looking deleted afterwards (found by a tester).
    """
    damaged = DamagedCopies(found)
    damaged.found_earlier(copies_set_aside(found.root, found.exists))
    for line in damaged.words():
        print(f"panel-tui: {printable(line)}", file=sys.stderr)
    if damaged.earlier_only():  # one set aside now is named with its own command
        print(
            "panel-tui: 'panel-tui sessions recover FILE' gets back what a copy still holds.",
            file=sys.stderr,
        )


def run_list(args: argparse.Namespace) -> int:
    """Every session, newest first (``--json`` for scripts)."""
    named = locations.data_dir_named(getattr(args, "data_dir", None))
    root = locations.data_dir(getattr(args, "data_dir", None))
    if not named and not os.path.lexists(root):  # none made here yet; nor a folder to say so
        print("[]" if args.json else _no_sessions(root, args))
        return 0
    found = store(args, existing=True)  # a folder named and not there is a slip: said
    summaries = found.summaries()
    _name_damaged(found)
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "mode": s.mode,
                "created": utc_text(s.created),
                "finished": s.finished,
                "candidates": s.candidates,
                "candidate_codes": list(s.codes),
                "votes": s.standing_votes,
                "vote_events": s.votes,
            }
            for s in summaries
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        print(_no_sessions(found.root, args))
    live, practice = practice_apart(summaries)
    for heading, group in (
        ("Interview sessions:", live),
        ("Practice sessions (rehearsals with mock candidates, not for HR):", practice),
    ):
        if not group or not summaries:
            continue
        if practice:
            print(heading)
        for s in group:
            state = "finished" if s.finished else "unfinished"  # as the home screen says
            candidates = candidates_words(s.candidates, s.codes)
            print(
                printable(
                    f"{s.id}  {s.title}  ({s.mode}, {state}, {candidates}, "
                    f"{votes_words(s.standing_votes)}, made {made_words(s.created)})"
                )
            )
    return 0


def _no_sessions(root: Path, args: argparse.Namespace) -> str:
    """An empty list, said with the whole folder: "sessions" alone says nothing."""
    said = f"No sessions in the folder {resolved(root)}."
    if not locations.data_dir_named(getattr(args, "data_dir", None)):
        said += (
            " Sessions are kept in a folder named sessions where panel-tui was started;"
            " --data-dir (or PANEL_TUI_DATA_DIR) names another."
        )
    return printable(said)


def run_delete(args: argparse.Namespace) -> int:
    """Delete one session, or every session with nothing recorded for some days, after asking."""
    found = store(args, existing=True)
    if args.session:
        targets = [summarise(load(found, args.session))]
    else:
        cutoff = now() - timedelta(days=args.older_than)
        # The catalogue finds the candidates without reading every session (one
        # made since the cutoff has had nothing recorded before it); what is
        # deleted is judged on the session itself, never on the catalogue's word.
        # Its age counts from the last thing recorded, so a session made long ago
        # and still in use is kept (found by a tester: one voted on a minute
        # before was deleted).
        targets = []
        for listed in [s for s in found.summaries() if s.created < cutoff]:
            try:
                stored = found.load(listed.id)
            except StoreError as error:
                print(f"panel-tui: {printable(str(error))}", file=sys.stderr)
                continue
            if stored.last_recorded < cutoff:
                targets.append(summarise(stored))
        warn_damaged(found)
        if not targets:
            days = counted(args.older_than, "day")
            print(f"Nothing to delete: no session has gone {days} with nothing recorded.")
            return 0
    targets, kept = _not_open_elsewhere(found, targets, one=bool(args.session))
    if not targets:
        print("Nothing was deleted.")
        return EXIT_ERROR
    print("This will delete, from disk, for good:")
    for session in targets:
        print(printable(f"  {session.id}  {session.title}  (made {made_words(session.created)})"))
    if not confirm(f"Delete {counted(len(targets), 'session')}?", args.yes):
        print("Nothing was deleted.")
        return EXIT_ERROR if kept else 0
    left: list[str] = []
    for session in targets:
        try:
            found.delete(session.id)
        except StoreError as error:
            if args.session:
                raise
            # One session open elsewhere (or refused) never stops the rest.
            left.append(f"  {session.id}: {error}")
            continue
        print(f"Deleted {session.id}.")
    _say_not_deleted(left)
    return EXIT_ERROR if left or kept else 0


def _say_not_deleted(lines: list[str]) -> None:
    """The sessions not deleted, a line each with why, on standard error."""
    if lines:
        said = f"Not deleted, {counted(len(lines), 'session')}:\n" + "\n".join(lines)
        print(printable(f"panel-tui: {said}", lines=True), file=sys.stderr)


def _not_open_elsewhere(
    found: Store, targets: list[SessionSummary], *, one: bool
) -> tuple[list[SessionSummary], int]:
    """The sessions free to delete, and how many were left out: each said on standard error.

    Before anything is listed or asked: a session open in another panel-tui was
    listed under "This will delete" and refused only after, which read as
    deleted (found by a tester).

    Raises:
        CommandError: the one session named cannot be deleted now, and why.
        StoreError: its lock cannot be taken for another reason (one session named).
    """
    free: list[SessionSummary] = []
    kept: list[str] = []
    for session in targets:
        not_done = f"the session {session.id} was not deleted"
        try:
            why = open_elsewhere(found.lock(session.id), session.id, not_done)
        except StoreError as error:
            if one:
                raise
            why = str(error)
        if why is None:
            free.append(session)
        elif one:
            raise CommandError(f"The session {session.id} was not deleted: {why}.")
        else:
            kept.append(f"  {session.id}  {session.title}: {why}")
    _say_not_deleted(kept)
    return free, len(kept)


def run_recover(args: argparse.Namespace) -> int:
    """Save again what a damaged session's files still hold, and say what was left out."""
    copy: Path = args.file
    _not_the_session_itself(copy, args)
    read = read_back_plainly(copy)  # before any folder is opened, or made
    # A copy set aside goes back to the folder it came from, unless this run names one.
    home = None if _folder_named(args) else sessions_folder_of(copy)
    found = Store(home) if home is not None else store(args)
    kept = found.recover(read, copy, replace=args.replace)
    warn_damaged(found)
    lines = [
        *recovery_words(read, copy),
        f"It is saved in the {sessions_folder_words(resolved(found.root))}.",
    ]
    if kept is not None:
        lines.append(kept_words(kept, read.session, copy))
    print(printable("\n".join(lines), lines=True))
    return 0


def _not_the_session_itself(copy: Path, args: argparse.Namespace) -> None:
    """Refuse the session file in this run's sessions folder: nothing to recover.

    Raises:
        CommandError: ``copy`` is the session itself, with how to check it.
    """
    root = locations.data_dir(getattr(args, "data_dir", None))
    if not live_in(copy, root):
        return
    folder = resolved(root)
    where = f" --data-dir {shell_word(folder)}" if _folder_named(args) else ""
    what = "the session itself"
    if snapshot_of(copy) != copy:
        what = f"the record of changes of {what}"
    raise CommandError(
        printable(
            f"{copy} is {what}, in the {sessions_folder_words(folder)}, not a copy "
            f"set aside: there is nothing to recover. To check it, run: panel-tui{where} "
            "sessions list (a damaged session is then set aside, with the command that "
            "recovers it)."
        )
    )


def _folder_named(args: argparse.Namespace) -> bool:
    """Whether this run names its sessions folder (``--data-dir`` or the environment)."""
    return bool(locations.data_dir_named(getattr(args, "data_dir", None)))
