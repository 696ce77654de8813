"""``panel-tui combine``: two panels that heard the same candidates, matched up."""

from __future__ import annotations

import argparse
import sys

from panel_tui.cli.common import (
    CommandError,
    FolderOptions,
    document_options,
    emit,
    load,
    share,
    store,
)
from panel_tui.domain.combine import CombineError, combine_sessions, summary_line
from panel_tui.domain.exports.combined import FORMATS, render_combined


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], folders: FolderOptions
) -> None:
    """Add ``combine``."""
    parser = commands.add_parser(
        "combine",
        parents=[folders.sessions],
        help="match up two panels that interviewed the same candidates",
        description=(
            "Join two sessions that interviewed the same candidates (matched by code, "
            "capitals aside; questions by id). Anything that does not match is named and left out."
        ),
    )
    parser.add_argument("session_a", metavar="SESSION_A", help="the first panel's session id")
    parser.add_argument("session_b", metavar="SESSION_B", help="the second panel's session id")
    parser.add_argument(
        "--share",
        type=share,
        default=0.5,
        help="how much the panel of SESSION_A counts in the joint score, 0 to 1, as 0.3 or 30%% "
        "(default 0.5: half each)",
    )
    document_options(parser, FORMATS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the joint summary to standard output or a file."""
    found = store(args, existing=True)
    try:
        combined = combine_sessions(
            load(found, args.session_a), load(found, args.session_b), args.share
        )
    except CombineError as error:
        raise CommandError(str(error)) from None
    emit(render_combined(combined, args.format), args, bom=args.format == "csv")
    print(summary_line(combined), file=sys.stderr)
    return 0
