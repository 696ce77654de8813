"""Excel's first line naming a CSV sheet's separator (``sep=;``), and the separator found.

A European Excel, and HR systems copying it, begin a CSV file with such a line;
without one, the separator is found from the first line's own cells. A first
line beginning ``sep=`` that names no one separator is refused, with what to do.
"""

from __future__ import annotations

import re

from panel_tui.domain.wording import shown

#: Excel's own first line naming the separator ("sep=;"), as a European Excel
#: and HR systems copying it write: any case, the separator then perhaps
#: spaces or more separators (a sheet saved again pads the line with empty cells).
_SEP_LINE = re.compile(r"sep=[ ]*(\t|[^\w\s\"])(?:\1|[ \t])*", re.IGNORECASE)
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
#: How a first line meant as that line begins, usable or not; a quote mark
#: before it where a spreadsheet kept the line as a cell and saved it again.
_SEP_START = re.compile(r'[ ]*"?sep[ ]*=[ ]*([^\w\s"]?)', re.IGNORECASE)


def _first_line(text: str) -> str:
    return (text.lstrip("\r\n").splitlines() or [""])[0]  # CR alone ends a line too


def separator_line(text: str) -> str | None:
    """The separator a first line such as ``sep=;`` names, or ``None`` without one."""
    found = _SEP_LINE.fullmatch(_first_line(text).strip(" "))
    return found[1] if found else None


def delimiter_of(text: str) -> str:
    """As a ``sep=`` first line says; else semicolons where a European Excel used them,
    tabs, or commas (by the first line)."""
    return separator_line(text) or _counted(_first_line(text)) or ","


def _counted(line: str) -> str | None:
    """The semicolon, tab or comma a line has most of (in that order when as many)."""
    counts = {d: line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def unusable_separator_line(text: str) -> tuple[int, str] | None:
    """A first line that begins ``sep=`` but names no one separator: its line and what to do.

    Found by a review: ``sep=;,,,`` (the line kept as a cell by a spreadsheet
    and saved again with commas), ``sep=;,`` and ``sep=\\t`` typed as a
    backslash and a t were each taken for the heading row, and refused with
    advice about the wrong thing. Such a line is never read as the sheet's
    separator: the sheet's own rows are only looked at to say what to do.
    """
    first = _first_line(text)
    start = _SEP_START.match(first)
    if not start or separator_line(text):
        return None
    lines = text.lstrip("\r\n").splitlines()
    line = len(text[: len(text) - len(text.lstrip("\r\n"))].splitlines()) + 1
    heading = next((row for row in lines[1:] if row.strip(' \t,;"')), None)
    quoted = shown(first.strip(" ")) or "it begins 'sep='"  # a tab, unseen, is not quoted
    said = (
        f"is Excel's line naming the separator ({quoted}), but panel-tui "
        "cannot use it as written (it should be 'sep=' and one separator alone, such as "
        "'sep=;')"
    )
    if heading is None:
        return line, f"{said}; delete that line, and give the sheet a heading row and rows"
    used = _counted(heading)
    named = start[1]  # the mark after "sep=", if any
    if used is None and named and named in heading:
        return line, (
            f"{said}; the rest of the sheet has {separator_name(named, plural=True)} between "
            f"its cells, so change that line to 'sep={named}'"
        )
    if used is None:
        return line, f"{said}; delete that line"
    return line, (
        f"{said}; the rest of the sheet has {separator_name(used, plural=True)} between its "
        "cells, so delete that line"
    )


def separator_name(delimiter: str, *, plural: bool = False) -> str:
    """``"semicolon"``, or ``"semicolons"``: a separator as a person calls it."""
    name = SEPARATOR_NAMES.get(delimiter)
    if name is None:
        return f"'{delimiter}'" + (" characters" if plural else "")
    return name + ("s" if plural else "")


def sep_text(delimiter: str) -> str:
    """A ``sep=`` line as written, quoted: a tab, unseen, is said."""
    return "'sep=' and a tab" if delimiter == "\t" else f"'sep={delimiter}'"
