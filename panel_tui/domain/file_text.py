"""A file's bytes read as UTF-8 text, said one way wherever they are not.

Banks, the CSV files ``prepare`` reads and the json files import takes are all
UTF-8. A file saved again by another program may not be: UTF-16 (Windows
PowerShell 5's ``>``, Excel's "Unicode Text"), Latin-1 or Windows-1252 (old
Notepad, Excel's plain "CSV"), or one with a NUL character in it (a damaged
file, a paste from another program). Each is named here, with its line where it
has one; the caller adds what to do, as its kind of file is saved.
"""

from __future__ import annotations

import codecs

#: How a file saved as UTF-16 begins (little- or big-endian), before its text.
_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: How much of a file's start is looked at for UTF-16 without its byte-order mark.
_LOOKED_AT = 400


class NotText(ValueError):
    """Why a file's bytes are not UTF-8 text, in words that follow its name and line.

    Attributes:
        words: "is not UTF-8 text; " and what to do, or the NUL and its column.
        line: the line of text it is on; ``None`` where it is the whole file.
        before: the text before the problem, for a caller that numbers lines its own
            way (a spreadsheet's rows).
    """

    def __init__(self, words: str, line: int | None = None, before: str = "") -> None:
        super().__init__(words)
        self.words = words
        self.line = line
        self.before = before


def character_words(char: str, column: int, kind: str) -> str:
    """A character no such file can hold, and its column, after "line N: ".

    One wording for a bank, a CSV file and a json export: found by a tester, a NUL
    in a sheet was "not UTF-8", which saving again does not mend.
    """
    what = "a NUL character" if char == "\x00" else "a control character"
    return (
        f"the line holds {what} (U+{ord(char):04X}) at column {column}, which cannot be "
        f"in {kind}; delete it (it often comes from copying from another program, or from "
        "a damaged file)"
    )


def _utf16(raw: bytes) -> bool:
    """Whether ``raw`` is UTF-16: its byte-order mark, or a NUL beside each letter."""
    if raw.startswith(_UTF16_MARKS):
        return True
    start = raw[:_LOOKED_AT]
    if len(start) < 4:
        return False
    halves = (start[0::2], start[1::2])
    nuls = [half.count(0) / len(half) for half in halves]
    # Latin letters in UTF-16: every other byte a NUL, and the bytes between not.
    return max(nuls) >= 0.4 and min(nuls) <= 0.1


def utf8_text(raw: bytes, *, save_as: str) -> str:
    """``raw`` as text (a UTF-8 byte-order mark allowed), or why not.

    Args:
        save_as: what to do for a file not saved as UTF-8: "save it again as UTF-8".

    Raises:
        NotText: saved as UTF-16, or not UTF-8 at a line.
    """
    if _utf16(raw):
        raise NotText(f"is saved as UTF-16, not UTF-8; {save_as}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8-sig", errors="replace")
        raise NotText(f"is not UTF-8 text; {save_as}", before.count("\n") + 1, before) from None


def no_nul(text: str, *, kind: str) -> str:
    """``text``, if it holds no NUL character.

    A bank checks its own, after the mistakes before it (see :mod:`.banks`).

    Args:
        kind: what the file is: "a CSV file", "a json export".

    Raises:
        NotText: the line and column of the first NUL.
    """
    nul = text.find("\x00")
    if nul < 0:
        return text
    before = text[:nul]
    column = nul - (before.rfind("\n") + 1) + 1
    raise NotText(character_words("\x00", column, kind), before.count("\n") + 1, before)
