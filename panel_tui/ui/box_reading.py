"""A box on top of the screen (a note, a decision, an export) as it is read aloud.

Each line of the box in the order it shows: its words, each choice with
whether it is chosen, each text box with what it holds (or what to type), and
each button, named as one. A vote's mark is left out for its word alone
(:func:`~panel_tui.domain.speech.words_for_speech`).
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Button, Checkbox, Input, RadioButton, Static

from panel_tui.domain.speech import words_for_speech


def _line(widget: DOMNode) -> str:
    if isinstance(widget, RadioButton | Checkbox):
        return widget.label.plain + (", chosen" if widget.value else "")
    if isinstance(widget, Input):
        if widget.value:
            return f"Text box: {widget.value}"
        return f"Text box, empty: {widget.placeholder}".rstrip(": ")
    if isinstance(widget, Button):
        return f"Button: {widget.label}"
    if isinstance(widget, Static):
        return str(widget.content)
    return ""


def spoken_box(box: DOMNode) -> str:
    """What the box shows, a line for each part, in order; hidden and empty parts left out."""
    lines = []
    for widget in box.query("Static, Input, Button"):
        if not all(node.display for node in (widget, *widget.ancestors) if node is not box):
            continue
        line = " ".join(_line(widget).split())
        if line:
            lines.append(words_for_speech(line))
    return "\n".join(lines)
