"""The calibration report of a practice round, as text for the summary screen.

It lays out the same :class:`~panel_tui.domain.exports.calibration_report.CalibrationView`
as the Markdown and HTML summaries, so the screen and the files say the same.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from panel_tui.domain.exports.calibration_report import CalibrationView
from panel_tui.domain.interview_lines import plain
from panel_tui.domain.summary.calibration_lines import Entry, calibration_blocks
from panel_tui.ui.lines import bulleted, line_text


def calibration_text(view: CalibrationView, bullet: str) -> Group:
    """The report as literal text (names are never read as markup); lists wrap under each item.

    The domain words and orders it (:func:`calibration_blocks`, which the voice reads too);
    this adds the styling, the blank line before each heading and the bullets only.
    """
    parts: list[RenderableType] = []
    for block in calibration_blocks(view):
        if block.kind == "title":
            parts.append(Text(f"\n{plain(block.line)}", style="bold underline"))
        elif block.kind == "heading":
            (first, stress), *rest = block.line
            parts.append(line_text((("\n" + first, stress), *rest)))
        elif block.kind == "text":
            parts.append(line_text(block.line))
        else:
            parts.append(bulleted((_entry(entry, bullet) for entry in block.entries), bullet))
    return Group(*parts)


def _entry(entry: Entry, bullet: str) -> RenderableType:
    """One bulleted entry; the lines under it indented, its own entries (each rehearsal)
    hanging under their own first word when they wrap."""
    text = line_text(entry.line)
    for line in entry.indented:
        text.append(f"\n    {line}")
    if not entry.entries:
        return text
    steps = bulleted((line_text(line) for line in entry.entries), bullet)
    return Group(text, Text(entry.heading), steps)
