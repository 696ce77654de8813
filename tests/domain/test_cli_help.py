"""``--help`` says what each command does and what each of its arguments is."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from panel_tui.cli import _parser, main


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


#: The commands that open the screens, where the display options mean something.
SCREENS = {"panel-tui", "panel-tui demo", "panel-tui practice"}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


def test_the_display_options_are_offered_only_where_screens_open() -> None:
    # Found by a tester: every command's help listed --ascii, --high-contrast and
    # --read-aloud, which do nothing where no screen opens.
    display = {"--high-contrast", "--no-high-contrast", "--read-aloud", "--config-dir"}
    for name, parser in _parsers(_parser()):
        offered = _options(parser)
        assert (display <= offered) is (name in SCREENS), name
        # --ascii also makes an export's files plain ASCII (its own words there).
        assert ("--ascii" in offered) is (name in {*SCREENS, "panel-tui export"}), name


#: The commands that read question banks, where ``--banks-dir`` means something.
READ_BANKS = {
    *SCREENS,
    "panel-tui prepare",
    "panel-tui banks",
    "panel-tui banks validate",  # to warn of a bank id the banks folders hold already
    "panel-tui banks list",
}


def test_each_folder_option_is_offered_only_where_that_folder_is_read() -> None:
    # Found by a tester: --banks-dir was offered by every command, where most never
    # read a bank; a script's folder there did nothing, without a word.
    for name, parser in _parsers(_parser()):
        offered = _options(parser)
        assert ("--banks-dir" in offered) is (name in READ_BANKS), name
        assert ("--data-dir" in offered) is not name.startswith("panel-tui banks"), name


def test_a_banks_folder_after_a_command_that_reads_no_bank_is_named_as_not_understood(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), "sessions", "list", "--banks-dir", str(tmp_path)])
    assert stopped.value.code == 2
    said = capsys.readouterr().err
    assert f"--banks-dir {tmp_path} is not something this command understands" in said


@pytest.mark.parametrize(
    "argv",
    [
        ["--config-dir", "{tmp}", "sessions", "list"],  # the command after a folder
        ["--ascii", "sessions", "list"],  # before the command: the top level's, as ever
    ],
)
def test_display_options_before_a_command_still_find_it(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    typed = [word.format(tmp=tmp_path) for word in argv]
    (tmp_path / "sessions").mkdir()
    assert main(["--data-dir", str(tmp_path / "sessions"), *typed]) == 0
    assert "No sessions in the folder" in capsys.readouterr().out


def test_a_display_option_after_a_command_without_screens_is_named_as_not_understood(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), "sessions", "list", "--high-contrast"])
    assert stopped.value.code == 2
    assert "--high-contrast is not something this command understands" in (capsys.readouterr().err)
