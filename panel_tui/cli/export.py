"""``panel-tui export``: a session in the formats HR files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from panel_tui import locations
from panel_tui.cli.common import (
    CommandError,
    FolderOptions,
    load,
    output_path,
    refuse_in_data_folder,
    store,
    to_standard_output,
    write_new,
)
from panel_tui.domain.exports import (
    ALL,
    FOLDER_FORMATS,
    FORMATS,
    AlreadyThere,
    ExportOptions,
    FolderInTheWay,
    PartlyWritten,
    could_not_write,
    encoded,
    plan_export,
    render,
    write_all,
)
from panel_tui.domain.exports.anonymise import anonymity_warning
from panel_tui.domain.exports.sheet_kinds import PERSON, SheetError
from panel_tui.domain.models import Session
from panel_tui.domain.text import printable


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``export``."""
    export = commands.add_parser(
        "export",
        parents=[folders.sessions],
        help="export a session",
        description="Write a session out: its summary as text or a page to print, its "
        "votes as a spreadsheet (CSV), a json copy to import elsewhere, or all of them. "
        "Without -o, one format is printed here.",
    )
    export.add_argument(
        "session", metavar="SESSION", help="the session's id, as 'panel-tui sessions list' shows it"
    )
    export.add_argument(
        "--format",
        type=str.lower,
        choices=[*FORMATS, *FOLDER_FORMATS, ALL],
        default="md",
        help="what to write (default md, the summary as text); html prints well; all "
        "writes every format into a folder, and the session's sheets (member sheets, or "
        "trainee sheets for a practice round) in a folder of their own there (left out "
        "with --totals-only)",
    )
    export.add_argument("--anonymise", action="store_true", help="seat labels and codes, no names")
    export.add_argument(
        "--totals-only", action="store_true", help="no individual votes (and no notes)"
    )
    export.add_argument(
        "--no-notes", action="store_true", help="leave out notes and decision reasons"
    )
    export.add_argument(
        "--candidate-names",
        action="store_true",
        help="member sheets (and all): the chair allows candidates' names beside their codes",
    )
    export.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="PATH",
        help="the file to write, or the folder for all and the sheets (without it, one "
        "format is printed here)",
    )
    export.add_argument("--force", action="store_true", help="replace files that already exist")
    export.add_argument(
        "--ascii",
        dest="ascii_only",
        action="store_true",
        default=argparse.SUPPRESS,  # given before the command, it stays
        help="plain ASCII characters only in what is written, except what people typed",
    )
    export.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write one format to standard output or a file, or every format into a folder."""
    session = load(store(args, existing=True), args.session)
    options = ExportOptions(
        anonymise=args.anonymise,
        totals_only=args.totals_only,
        no_notes=args.no_notes,
        # Only the flag on this command line: a saved screen setting never changes HR's files.
        ascii_only=bool(getattr(args, "ascii_only", False)),
        candidate_names=args.candidate_names,
    )
    refuse_in_data_folder(args)
    if warning := anonymity_warning(session, options, "add --no-notes"):
        print(printable(warning), file=sys.stderr)
    if session.mode == "practice":
        # Each trainee's progress over rehearsals, for the report and the sheets.
        options = replace(options, rehearsals=store(args).practice_sessions())
    if args.format == ALL or args.format in FOLDER_FORMATS:
        return _export_into_folder(session, options, args)
    if args.output is None:
        to_standard_output(render(session, args.format, options))
        return 0
    write_new(args.output, encoded(session, args.format, options), force=args.force)
    print(printable(f"Wrote {args.output}"), file=sys.stderr)
    return 0


def _export_into_folder(session: Session, options: ExportOptions, args: argparse.Namespace) -> int:
    """Into the folder ``-o`` names: every format (``all``, the sheets in a folder of their
    own there), or a page per member or trainee (their sheets) straight in it."""
    folder: Path | None = args.output
    if folder is None and args.format == ALL:
        raise CommandError("--format all writes several files: name a folder with -o.")
    if folder is None:
        raise CommandError(
            f"--format {args.format} writes a page per {PERSON[args.format]}: "
            "name a folder with -o."
        )
    try:
        plan = plan_export(
            session,
            [args.format],
            folder,
            options,
            pages_here=args.format in FOLDER_FORMATS,
            sessions=locations.data_dir(getattr(args, "data_dir", None)),
        )
        for path in write_all(plan, overwrite=args.force):
            print(printable(f"Wrote {path}"), file=sys.stderr)
    except SheetError as error:
        raise CommandError(str(error)) from None
    except PartlyWritten as refused:
        exported = refused.exported
        if isinstance(refused.error, NotADirectoryError) and not exported.written:
            raise _not_a_directory(folder, args.format, refused.error) from None
        # The files written are there now: only --force writes over them.
        again = "export again with --force" if exported.written else "export again"
        raise CommandError(exported.refused_words(again)) from None
    except FolderInTheWay as error:
        raise CommandError(error.words("name another folder with -o")) from None
    except AlreadyThere as error:
        raise CommandError(_already_there(error.paths)) from None
    except OSError as error:
        raise CommandError(could_not_write(folder, error)) from None
    if plan.left_out:
        print(plan.left_out, file=sys.stderr)
    return 0


def _not_a_directory(folder: Path, format_name: str, error: OSError) -> CommandError:
    """Nothing written, as part of the path is a file: -o itself, or a file above it."""
    if error.filename in (None, str(folder)) and folder.is_file():
        return _not_a_folder(folder, format_name)
    return CommandError(could_not_write(folder, error))


def _not_a_folder(folder: Path, format_name: str) -> CommandError:
    return CommandError(
        f"{folder} is a file, not a folder, so nothing was written: --format {format_name} "
        "writes several files into the folder -o names."
    )


def _already_there(paths: list[Path]) -> str:
    """Files in the way, each named, and the two ways on: replace them, or another folder.

    Found in testing: "These files already exist" of one file, and only --force
    offered, which replaces every file, their own edits too.
    """
    if len(paths) == 1:
        return (
            f"{paths[0]} already exists, so nothing was written. Add --force to replace it, "
            "or name another folder with -o."
        )
    return (
        f"These files already exist, so nothing was written: {', '.join(map(str, paths))}. "
        "Add --force to replace them, or name another folder with -o."
    )
