"""Names in a table's column: wrapped at their spaces, and a word too wide after its hyphens.

Rich breaks a line only at spaces, and folds a word wider than the column
wherever the column ends ("Cole-Montgomery-Fitzwillia" over "m"). A name such
as "Dr Hannah Cole-Montgomery-Fitzwilliam" reads better broken after a hyphen
("Cole-Montgomery-" over "Fitzwilliam"). A word with no hyphen (or a part
between hyphens) still wider than the column has no better place to break: it
is left for Rich to fold at the column's edge (``overflow="fold"``).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

#: A word's parts, each ending at one of its hyphens (the last one may not).
_PARTS = re.compile(r"[^-]*-|[^-]+")


def broken_at_hyphens(text: Text, width: int) -> Text:
    """``text`` with a line break after a hyphen in each word wider than ``width`` cells,
    as many of the word's parts on a line as fit; its styles kept.

    A word as wide as the column or narrower is left whole (Rich wraps it at the
    spaces around it), so "Anne-Marie" never breaks when it fits a line.
    """
    cuts = []
    for word in re.finditer(r"\S+", text.plain):
        if cell_len(word.group()) <= width:
            continue
        line = 0
        for part in _PARTS.finditer(word.group()):
            size = cell_len(part.group())
            if line and line + size > width:
                cuts.append(word.start() + part.start())
                line = 0
            line += size
    if not cuts:
        return text
    return text.blank_copy("\n").join(text.divide(cuts))


class HyphenWrapped:
    """A text for a table's cell that wraps as :func:`broken_at_hyphens` says, at the
    width its column is given (for a column whose width Rich chooses)."""

    def __init__(self, text: Text) -> None:
        """Wrap ``text``; its styles, and any justify or overflow set on it, kept."""
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the text on one line at most; as narrow as its widest part at least."""
        widest = Measurement.get(console, options, self.text).maximum
        parts = (p for word in self.text.plain.split() for p in _PARTS.findall(word))
        least = max((cell_len(part) for part in parts), default=1)
        return Measurement(min(least, widest), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield broken_at_hyphens(self.text, options.max_width)


__all__ = ["HyphenWrapped", "broken_at_hyphens"]
