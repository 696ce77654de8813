"""Question banks: TOML files read with ``tomllib`` and checked into a ``Bank``.

A bank that is not valid is refused with one plain message per problem, naming
the file, the line where one can be found, the question and the field.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from panel_tui.domain.file_text import NotText, character_words, utf8_text
from panel_tui.domain.models import Bank, Question, SampleAnswer
from panel_tui.domain.records import id_clashes
from panel_tui.domain.store.files import read_regular, resolved
from panel_tui.domain.system_words import os_reason
from panel_tui.domain.text import capitalised, printable
from panel_tui.domain.wording import explain

_FIELDS: dict[str, set[str]] = {
    "bank": set(Bank.model_fields),
    "questions": set(Question.model_fields),
    "sample_answers": set(SampleAnswer.model_fields),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, in plain words.

    At a line, a sentence of its own, begun with a capital ("Field 'id' ...", "Question 2
    (q2), field 'text' ...", "The line holds ..."): under ``banks list`` no file's name
    comes before it. Of the whole file, what follows its name ("is empty; ...").
    """

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    @property
    def in_file(self) -> str:
        """The problem without the file's name, for a list under it: "line 4: ..."."""
        return f"line {self.line}: {self.message}" if self.line else self.message


class BankError(Exception):
    """A bank file that cannot be used; ``problems`` says every reason."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = list(problems)


def load_bank(path: Path) -> Bank:
    """Read and check one bank file.

    Raises:
        BankError: naming the file, line, question and field of each problem.
    """
    name = printable(str(path))
    try:
        raw = read_regular(path, follow_links=True)  # a pipe named *.toml never hangs
    except OSError as error:
        raise BankError([Problem(name, f"cannot be read ({_why_not(path, error)})")]) from None
    return parse_bank(raw, name)


def _why_not(path: Path, error: OSError) -> str:
    """Why a bank's file cannot be read; of a link whose file is gone, where it leads
    ("there is no such file" was said of a link that is there)."""
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        try:
            return f"it is a link to {printable(os.readlink(path))}, which is not there"
        except OSError:
            pass
    return os_reason(error)


def parse_bank(raw: bytes, name: str) -> Bank:
    """Check the bytes of a bank file; ``name`` is how messages name the file.

    Every message quotes the file's content through ``printable``, so a bank cannot
    send escape sequences to the terminal of whoever checks it.
    """
    name = printable(name)
    try:  # Windows Notepad writes a byte-order mark, which is allowed
        text = utf8_text(raw, save_as="save it again as UTF-8")
    except NotText as error:
        # Of the whole file, after its name; at a line, a sentence of its own (see Problem).
        message = error.words if error.line is None else f"The file {error.words}"
        raise BankError([Problem(name, message, error.line)]) from None
    if not text.strip():
        raise BankError([Problem(name, "is empty; a bank needs an id, a title and questions")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BankError([_toml_problem(name, text, error)]) from None
    except RecursionError:
        raise BankError([Problem(name, "is nested too deeply to be a question bank")]) from None
    except ValueError:  # a number of thousands of digits, which Python will not read
        long_number = re.search(r"[0-9_]{100,}", text)
        at = text[: long_number.start()].count("\n") + 1 if long_number else None
        raise BankError([Problem(name, "The line holds a number too long to read", at)]) from None
    try:
        return Bank.model_validate(data)
    except ValidationError as error:
        raise BankError(_problems(name, text, data, error)) from None


#: The characters TOML allows nowhere in a file (a tab and line ends aside).
_NOT_IN_TOML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _toml_problem(name: str, text: str, error: tomllib.TOMLDecodeError) -> Problem:
    message = str(error)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    # At the end of the file: its last line, where what was left open began or ran out.
    line = int(found.group(1)) if found else text.rstrip().count("\n") + 1
    unreadable = _NOT_IN_TOML.search(text)
    if unreadable:
        # tomllib stops at such a character in words about what it expected there
        # ("Expected newline": a quote problem, said a tester's bank with a NUL).
        at = unreadable.start()
        char_line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        if not found or (char_line, column) <= (line, int(found.group(2))):
            return _character_problem(name, unreadable.group(), char_line, column)
    reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    lines = text.splitlines()
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    # "1,5" as much of Europe writes decimals, "1,500" as thousands are written.
    comma_number = re.search(r"=\s*-?\d+,\d", written)
    if not found and reason == "Invalid value":
        words = "the file ends before a value does; a list, text or group was left open"
    elif comma_number:
        words = (
            "a number is written with a comma; write a whole number without it, such as "
            "1500, and part of one with a point, such as 1.5"
        )
    else:
        words = _toml_words(reason)
    return Problem(name, f"The file is not valid TOML here: {words}", line)


def _character_problem(name: str, char: str, line: int, column: int) -> Problem:
    """A character no bank can hold, named with where it is."""
    return Problem(name, capitalised(character_words(char, column, _A_BANK)), line)


_A_BANK = "a bank file"


#: tomllib's reasons, in the words of someone editing a bank; the first that
#: matches is said.
_TOML_WORDS: list[tuple[str, str]] = [
    ("Expected '=' after a key", "a setting needs = between its name and its value"),
    ("Invalid statement", "the line is not a setting (name = value), a [heading] or a # comment"),
    ("Invalid value", 'the value cannot be read; put text in double quotes, "like this"'),
    ("Unterminated string", "a text in quotes does not end; close it with the same quote"),
    (
        r"Illegal character '\\n'",
        'a text in quotes does not end on its line; close it, or use """ for several lines',
    ),
    ("Unclosed array", "a list in [ ] does not end; close it with ]"),
    ("Unclosed inline table", "a group in { } does not end; close it with }"),
    (
        "Expected newline",
        "more follows a setting on the same line: a quote mark inside a text ends it "
        "early (write \\\" inside \"...\", or put the text in '''...'''), or "
        "a second setting needs its own line",
    ),
    (
        "Expected '\\]\\]'|Expected '\\]'",
        "a [heading] does not end; close it with ] (]] for [[questions]])",
    ),
    (
        "Cannot declare|Cannot overwrite|Cannot redefine|Cannot mutate|Duplicate",
        "a setting or heading is given twice; keep one",
    ),
    ("Invalid initial character", "a setting's name must start with a letter or a digit"),
    (
        "Unescaped|Invalid hex|Escaped character",
        "a backslash in a text must be written twice (\\\\), or the text put in single quotes",
    ),
    ("Invalid date", "a date cannot be read"),
    ("Illegal character|Found invalid character", "the line holds a character a bank cannot hold"),
]


def _toml_words(reason: str) -> str:
    return next(
        (words for pattern, words in _TOML_WORDS if re.match(pattern, reason)),
        "the line is not written as a bank expects; compare it with a shipped bank",
    )


def _problems(name: str, text: str, data: dict[str, Any], error: ValidationError) -> list[Problem]:
    # Repeated ids are said from the file itself, beside the other problems, each
    # at its own line: pydantic checks the whole bank only once every field is right.
    questions = data.get("questions")
    listed = questions if isinstance(questions, list) else []
    ids = [q.get("id") if isinstance(q, dict) else None for q in listed]
    clashes = id_clashes([i if isinstance(i, str) else None for i in ids])
    problems = [
        Problem(name, _sentence(clash), _line_of(text, ("questions", number - 1, "id")))
        for number, clash in clashes.items()
    ]
    for detail in error.errors(include_url=False):
        location = tuple(detail["loc"])
        if not location and clashes:
            continue  # the whole bank's check, which found the clashes above
        where, field = _describe(location, data)
        message = f"{where}{field} {_plain(detail, location)}".strip()
        problems.append(Problem(name, _sentence(message), _line_of(text, location)))
    # In the order of the file, so a person can work down it; the whole file's first.
    return sorted(problems, key=lambda p: p.line or 0)


def _sentence(message: str) -> str:
    return printable(capitalised(message))


def _describe(location: tuple[int | str, ...], data: dict[str, Any]) -> tuple[str, str]:
    """``("question 2 (why-this-work), ", "field 'weight'")`` for a location."""
    parts: list[str] = []
    field = ""
    questions = data.get("questions")
    index = 0
    while index < len(location):
        key = location[index]
        nxt = location[index + 1] if index + 1 < len(location) else None
        if key == "questions" and isinstance(nxt, int):
            label = f"question {nxt + 1}"
            if isinstance(questions, list) and nxt < len(questions):
                qid = questions[nxt].get("id") if isinstance(questions[nxt], dict) else None
                if isinstance(qid, str) and qid:
                    label += f" ({qid})"
            parts.append(label)
            index += 2
        elif key == "sample_answers" and isinstance(nxt, int):
            parts.append(f"sample answer {nxt + 1}")
            index += 2
        elif isinstance(key, str) and not key.startswith("function-"):
            field = f"field '{key}'"
            if isinstance(nxt, int) and key == "look_for":
                field += f" (item {nxt + 1})"
            index += 2 if isinstance(nxt, int) else 1
        else:
            index += 1
    where = ", ".join(parts)
    if where and field:
        where += ", "
    elif where and not field:
        where += ":"
    return where, field


def _plain(detail: Any, location: tuple[int | str, ...]) -> str:
    """The pydantic error in words a panel member reads (one wording: ``wording``)."""
    section = next((p for p in reversed(location[:-1]) if isinstance(p, str)), "bank")
    return explain(detail, known=_FIELDS.get(section, set()), container="a bank")


def _line_of(text: str, location: tuple[int | str, ...]) -> int | None:
    """The line of a key in a bank file, found by walking the ``[[...]]`` tables."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    header = ""
    index = 0
    while index < len(location):
        key = location[index]
        nxt = location[index + 1] if index + 1 < len(location) else None
        if isinstance(key, str) and isinstance(nxt, int) and key in ("questions", "sample_answers"):
            header = f"{header}.{key}" if header else key
            pattern = re.compile(rf"^\s*\[\[\s*{re.escape(header)}\s*\]\]")
            found = [n for n in range(start, end) if pattern.match(lines[n])]
            if nxt >= len(found):  # written another way: "questions = [...]"
                return _first_line(lines, start, end, rf"^\s*{_named(key)}\s*=")
            start = found[nxt]
            following = [n for n in range(start + 1, end) if re.match(r"^\s*\[", lines[n])]
            if key == "questions":
                following = [
                    n for n in following if not re.match(r"^\s*\[\[\s*questions\.", lines[n])
                ]
            end = following[0] if following else end
            index += 2
            continue
        if isinstance(key, str):
            name = _named(key)
            # A setting (key = ...), or a heading of its own ([[question]], [question.x]).
            found_at = _first_line(lines, start, end, rf"^\s*({name}\s*=|\[\[?\s*{name}\s*[\].])")
            return found_at or (start + 1 if header else None)
        index += 1
    return start + 1 if header else None


def _named(key: str) -> str:
    """A key as a bank may write it: bare or in quotes."""
    return rf"[\"']?{re.escape(key)}[\"']?"


def _first_line(lines: list[str], start: int, end: int, pattern: str) -> int | None:
    """The number (from 1) of the first of ``lines[start:end]`` that ``pattern`` matches."""
    matching = re.compile(pattern)
    return next((n + 1 for n in range(start, end) if matching.match(lines[n])), None)


# ----------------------------------------------------------------- finding banks


@dataclass(frozen=True)
class BankEntry:
    """A bank found on disk, with where it came from."""

    path: Path
    source: str  # "shipped" or "yours"
    bank: Bank | None
    problems: tuple[Problem, ...] = ()


def banks_for(entries: Iterable[BankEntry], *, practice: bool) -> list[BankEntry]:
    """The banks offered: practice banks to rehearse, the others for a live round."""
    return [e for e in entries if e.bank is not None and e.bank.is_practice == practice]


def same_file(one: Path, other: Path) -> bool:
    """Whether two names are one bank file, once ``..`` and links are resolved.

    A name that leads round in a circle of links is no file's: a bank folder may
    hold one (listed as a bank that cannot be read), where the practice form,
    looking for its bank among them, closed the app with a traceback.
    """
    try:
        return resolved(one) == resolved(other)
    except OSError:
        return False


def find_banks(folders: Iterable[tuple[Path, str]]) -> list[BankEntry]:
    """Every ``*.toml`` in the folders, read and checked; bad ones keep their problems."""
    entries = []
    for folder, source in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                entries.append(BankEntry(path, source, load_bank(path)))
            except BankError as error:
                entries.append(BankEntry(path, source, None, tuple(error.problems)))
    return entries
