"""Excel's first line naming a CSV sheet's separator (``sep=;``), and the separator found.

A European Excel, and HR systems copying it, begin a CSV file with such a line;
without one, the separator is found from the first line's own cells.
"""

from __future__ import annotations

import re

#: Excel's own first line naming the separator ("sep=;"), as a European Excel
#: and HR systems copying it write: any case, the separator then perhaps
#: spaces or more separators (a sheet saved again pads the line with empty cells).
_SEP_LINE = re.compile(r"sep=[ ]*(\t|[^\w\s\"])(?:\1|[ \t])*", re.IGNORECASE)
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def _first_line(text: str) -> str:
    return (text.lstrip("\r\n").splitlines() or [""])[0]  # CR alone ends a line too


def separator_line(text: str) -> str | None:
    """The separator a first line such as ``sep=;`` names, or ``None`` without one."""
    found = _SEP_LINE.fullmatch(_first_line(text).strip(" "))
    return found[1] if found else None


def delimiter_of(text: str) -> str:
    """As a ``sep=`` first line says; else semicolons where a European Excel used them,
    tabs, or commas (by the first line)."""
    named = separator_line(text)
    if named:
        return named
    first_line = _first_line(text)
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def separator_name(delimiter: str, *, plural: bool = False) -> str:
    """``"semicolon"``, or ``"semicolons"``: a separator as a person calls it."""
    name = SEPARATOR_NAMES.get(delimiter)
    if name is None:
        return f"'{delimiter}'" + (" characters" if plural else "")
    return name + ("s" if plural else "")


def sep_text(delimiter: str) -> str:
    """A ``sep=`` line as written, quoted: a tab, unseen, is said."""
    return "'sep=' and a tab" if delimiter == "\t" else f"'sep={delimiter}'"
