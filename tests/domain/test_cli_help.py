"""``--help`` says what each command does and what each of its arguments is."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from panel_tui.cli import _parser


def _parsers(
    parser: argparse.ArgumentParser, name: str = "panel-tui"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser, the top level's and each command's, with the command typed."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for word, command in action.choices.items():
                yield from _parsers(command, f"{name} {word}")


def test_every_command_says_what_it_does_and_every_argument_what_it_is() -> None:
    # Found by a tester: import --help said nothing of the command, nor of FILE.json;
    # SESSION of sessions delete, and prepare's --panel and --candidates, had no words.
    unsaid = []
    for name, parser in _parsers(_parser()):
        if not parser.description:
            unsaid.append(f"{name}: what it does")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                unsaid += [f"{name} {c.dest}" for c in action._choices_actions if not c.help]
            if not isinstance(action, argparse._HelpAction) and not action.help:
                unsaid.append(f"{name} {'/'.join(action.option_strings) or action.metavar}")
    assert unsaid == []
