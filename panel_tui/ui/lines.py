"""A line worded by the domain, drawn as rich ``Text``: strong parts bold, quoted parts italic.

Every part is plain text: names and notes are never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from panel_tui.domain.interview_lines import Line, Stress

STYLES: dict[Stress, str] = {"": "", "strong": "bold", "quoted": "italic", "bullet": ""}


def line_text(line: Line | str) -> Text:
    """The line as ``Text``, each part in its style."""
    if isinstance(line, str):
        return Text(line)
    text = Text()
    for part, stress in line:
        text.append(part, style=STYLES[stress])
    return text


def line_drawn(line: Line | str) -> RenderableType:
    """The line as drawn: :func:`line_text`, with a list's items hanging after their bullets."""
    if isinstance(line, str) or all(stress != "bullet" for _, stress in line):
        return line_text(line)
    before: list[tuple[str, Stress]] = []
    items: list[list[tuple[str, Stress]]] = []
    bullet = ""
    for part, stress in line:
        if stress == "bullet":
            bullet = part.strip()
            items.append([])
        else:
            (items[-1] if items else before).append((part, stress))
    return Group(line_text(tuple(before)), bulleted((line_text(tuple(i)) for i in items), bullet))


def hanging(rows: Iterable[tuple[str, RenderableType]]) -> Table:
    """Each item after its label; a long item wraps under its own first word, not the label."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    for label, item in rows:
        grid.add_row(label, item)
    return grid


def bulleted(items: Iterable[RenderableType], bullet: str) -> Table:
    """Each item after a bullet, hanging (:func:`hanging`)."""
    return hanging((f" {bullet} ", item) for item in items)


__all__ = ["bulleted", "hanging", "line_drawn", "line_text"]
