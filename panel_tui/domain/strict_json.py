"""One strict way to read JSON: the store's session files and the files HR imports.

Python's ``json`` keeps the last of two equal keys (``"votes"`` twice loses the
first list without a word), reads ``NaN`` and ``Infinity``, and lets an
integer of more than 4,300 digits escape as a bare ``ValueError``. Here each is
refused with a reason in plain words, so the store can set such a file aside
and an import can name what is wrong.
"""

from __future__ import annotations

import codecs
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
        raise JSONProblem("it holds a number too large")
    return number


def _no_constant(name: str) -> Any:
    raise JSONProblem(f"it holds {name}, which is not a number JSON allows")


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_repeats,
    parse_int=_integer,
    parse_float=_finite,
    parse_constant=_no_constant,
)
#: What JSON counts as white space between values.
_SPACE = " \t\n\r"
#: Said of whole JSON with something after it that is not part of it.
FOLLOWED = "something that is not part of it follows its end"


def strict_json_loads(raw: bytes | str) -> Any:
    """Parse JSON text (UTF-8, a byte-order mark allowed), refusing what loses or hides data.

    Raises:
        JSONProblem: not UTF-8, not complete JSON (or more after it), a key given twice in one
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
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # whole, with more after it: said so, not "cut short"
            raise JSONProblem(FOLLOWED, error.lineno) from None
        raise JSONProblem("it is not complete JSON", error.lineno) from None
    except RecursionError:
        raise JSONProblem("it is nested too deeply") from None


def blank(raw: bytes) -> bool:
    """Whether ``raw`` holds nothing but white space, after any byte-order mark: an empty
    file, as an editor or Excel may leave one."""
    return not raw.removeprefix(codecs.BOM_UTF8).strip()


def strict_json_leading(raw: bytes) -> tuple[Any, int]:
    """The JSON value at the start of ``raw``, read as :func:`strict_json_loads` reads
    it, and how many of the bytes it takes (any byte-order mark and white space around
    it with it); what follows is not read.

    For getting back a file that something not part of it was added to, after its end
    (a sync tool, a bad copy): the bytes after may be anything, even not UTF-8.

    Raises:
        JSONProblem: no whole JSON value at the start, or one refused (see
            :func:`strict_json_loads`).
    """
    start = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    # Bytes that are not UTF-8 kept as they are, to be refused if the value holds any.
    text = raw[start:].decode("utf-8", "surrogateescape")
    try:
        value, end = _DECODER.raw_decode(text, after_space(text, 0))
    except json.JSONDecodeError as error:
        raise JSONProblem("it is not complete JSON", error.lineno) from None
    except RecursionError:
        raise JSONProblem("it is nested too deeply") from None
    taken = text[: after_space(text, end)].encode("utf-8", "surrogateescape")
    try:
        taken.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JSONProblem("it is not UTF-8 text", taken[: error.start].count(b"\n") + 1) from None
    return value, start + len(taken)


def after_space(text: str, at: int) -> int:
    """Where the JSON white space from ``at`` ends (:mod:`store.whole_part` reads by it)."""
    return len(text) - len(text[at:].lstrip(_SPACE))


def strict_json_at(text: str, at: int) -> tuple[Any, int] | None:
    """The JSON value that starts at ``at`` in ``text`` (white space before it passed
    over), read as :func:`strict_json_loads` reads it, and where it ends; ``None`` when
    no whole one is there, or one refused (a key given twice, text that is not UTF-8:
    ``text`` decoded with ``surrogateescape``).

    For reading back, value by value, what a file cut short still holds whole.
    """
    try:
        value, end = _DECODER.raw_decode(text, after_space(text, at))
        json.dumps(value, ensure_ascii=False).encode()  # a byte that was not UTF-8
    except (json.JSONDecodeError, RecursionError, UnicodeEncodeError, ValueError):
        return None
    return value, end
