"""One strict way to read JSON: the store's session files and the files HR imports.

Python's ``json`` keeps the last of two equal keys (``"votes"`` twice loses the
first list without a word), reads ``NaN`` and ``Infinity``, and lets an
integer of more than 4,300 digits escape as a bare ``ValueError``. Here each is
refused with a reason in plain words, so the store can set such a file aside
and an import can name what is wrong.
"""

from __future__ import annotations

import json
import math
from typing import Any

#: Far more digits than any count or id a session holds, and under Python's own limit.
MAX_DIGITS = 100


class JSONProblem(ValueError):
    """Why some bytes are not JSON panel-tui accepts, in plain words.

    Attributes:
        reason: what is wrong, for the end of "the file ... (reason)".
        line: the line it is on, where the parser knows it.
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason + (f", line {line}" if line else ""))
        self.reason = reason
        self.line = line


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise JSONProblem(f'the key "{key}" is given twice in one place')
        found[key] = value
    return found


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JSONProblem(f"it holds a number with more than {MAX_DIGITS} digits")
    return int(text)


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise JSONProblem("it holds a number too large to read")
    return number


def _no_constant(name: str) -> Any:
    raise JSONProblem(f"it holds {name}, which is not a number JSON allows")


def strict_json_loads(raw: bytes | str) -> Any:
    """Parse JSON text (UTF-8, a byte-order mark allowed), refusing what loses or hides data.

    Raises:
        JSONProblem: not UTF-8, not complete JSON, a key given twice in one
            object, a number too long or too large to read, ``NaN``/``Infinity``, or nesting
            too deep to follow.
    """
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        # The line, so that whoever mends the file by hand knows where to look.
        line = bytes(error.object[: error.start]).count(b"\n") + 1  # after any byte-order mark
        raise JSONProblem("it is not UTF-8 text", line) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_repeats,
            parse_int=_integer,
            parse_float=_finite,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as error:
        raise JSONProblem("it is not complete JSON", error.lineno) from None
    except RecursionError:
        raise JSONProblem("it is nested too deeply to read") from None
