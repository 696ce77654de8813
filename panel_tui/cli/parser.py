"""argparse, with its complaints said in plain words.

argparse's own phrasing ("invalid choice: 'pdf' (choose from ...)",
"unrecognized arguments", "expected one argument") reads like a program's,
not a person's. :class:`PlainParser` rewords the common cases and keeps the
exit code (2) and the pointer to ``--help``; anything it does not know is
passed on as argparse said it.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Mapping, Sequence
from typing import NoReturn

from panel_tui.domain.text import printable

#: What a value of each type argparse converts is, in words.
_TYPES = {"float": "a number, such as 0.3", "int": "a whole number", "Path": "a file or folder"}


_CHOICE = re.compile(
    r"argument (?P<arg>[^:]+): invalid choice: '?(?P<value>.*?)'? "
    r"\(choose from (?P<choices>.*)\)"
)


def _names(text: str) -> list[str]:
    """The items of an argparse list: "'md', 'html'" or "md, html"."""
    return [part.strip().strip("'\"") for part in text.split(",") if part.strip()]


def _listed(items: list[str], joined: str = "or") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {joined} {items[-1]}"


def _meant(value: str, choices: Sequence[str]) -> str:
    """ " Did you mean html?" for a slip of the keys (``hmtl``), or nothing."""
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f" Did you mean {close[0]}?" if close else ""


def plain_usage_error(message: str, commands: Mapping[str, Sequence[str]] | None = None) -> str:
    """argparse's message for a command line it cannot take, in plain words.

    ``commands`` holds the choices of a command's word (``ACTION``: list, delete
    ...), which argparse names but does not list when the word is missing.
    """
    commands = commands or {}
    if found := re.fullmatch(_CHOICE, message):
        value, names = found["value"], _names(found["choices"])
        choices, meant = _listed(names), _meant(value, names)
        if found["arg"] in ("COMMAND", "ACTION"):
            return f"'{value}' is not something panel-tui can do: choose {choices}.{meant}"
        return f"{found['arg']} cannot be '{value}': choose {choices}.{meant}"
    if found := re.fullmatch(r"unrecognized arguments: (?P<rest>.*)", message):
        return (
            f"{found['rest']} is not something this command understands: check the "
            "spelling, or leave it out."
        )
    if found := re.fullmatch(r"the following arguments are required: (?P<names>.*)", message):
        names = _names(found["names"])
        if len(names) == 1 and names[0] in commands:
            return f"{names[0]} is needed: choose {_listed(list(commands[names[0]]))}."
        verb = "is" if len(names) == 1 else "are"
        return f"{_listed(names, 'and')} {verb} needed."
    if found := re.fullmatch(r"argument (?P<arg>[^:]+): expected one argument", message):
        return f"{found['arg']} needs a value after it."
    if found := re.fullmatch(
        r"argument (?P<arg>[^:]+): invalid (?P<type>\w+) value: '?(?P<value>.*?)'?", message
    ):
        what = _TYPES.get(found["type"], "something else")
        return f"{found['arg']} must be {what}, not '{found['value']}'."
    if found := re.fullmatch(
        r"argument (?P<arg>[^:]+): not allowed with argument (?P<other>.*)", message
    ):
        return f"{found['arg']} and {found['other']} cannot be used together: choose one."
    if found := re.fullmatch(r"one of the arguments (?P<names>.*) is required", message):
        return f"Give one of {_listed(found['names'].split())}."
    if found := re.fullmatch(
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", message
    ):
        return f"{found['option']} could mean {_listed(_names(found['matches']))}: spell it out."
    if found := re.fullmatch(r"argument (?P<arg>[^:]+): (?P<rest>.+)", message):
        # Our own checks of a value (ArgumentTypeError), said after the option's name.
        rest = found["rest"]
        return f"{found['arg']}: {rest}" + ("" if rest.endswith(".") else ".")
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


class PlainParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are plain sentences, then a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        """Say what is wrong with the command line in plain words; exit 2."""
        commands = {
            str(action.metavar): list(action.choices or ())
            for action in self._actions
            if isinstance(action, argparse._SubParsersAction)
        }
        said = printable(plain_usage_error(message, commands))
        print(f"{self.prog}: {said}\nFor help: {self.prog} --help", file=sys.stderr)
        sys.exit(2)
