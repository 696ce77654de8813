"""A screen or a box on top of it (a note, a decision, an export), as it is read aloud.

Each line in the order it shows: its words, each choice with whether it is
chosen, each item of a list (and which the cursor is on), each text box
with what it holds (or what to type), and each button, named as one. Parts
hidden are left out; parts scrolled out of sight are read. A vote's mark is left
out for its word alone (:func:`~panel_tui.domain.speech.words_for_speech`).
Screens with a reading of their own (the interview, the summary, the help)
give it instead.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widgets import Button, Checkbox, Input, OptionList, RadioButton, Static

from panel_tui.domain.speech import words_for_speech


def _lines(widget: DOMNode) -> list[str]:
    if isinstance(widget, RadioButton | Checkbox):
        label = widget.label.plain
        # A label may say so itself ("Every member the same  (chosen)").
        return [label + (", chosen" if widget.value and "chosen" not in label else "")]
    if isinstance(widget, Input):
        if widget.value:
            return [f"Text box: {widget.value}"]
        return [f"Text box, empty: {widget.placeholder}".rstrip(": ")]
    if isinstance(widget, Button):
        return [f"Button: {widget.label}"]
    if isinstance(widget, OptionList):
        here = widget.highlighted if widget.has_focus else None
        return [
            str(option.prompt) + (", the cursor is on it" if index == here else "")
            for index, option in enumerate(widget.options)
        ]
    if isinstance(widget, Static):
        return [str(widget.content)]
    return []


def spoken_box(box: DOMNode) -> str:
    """What the screen or box shows, a line for each part, in order."""
    lines = []
    for widget in box.query("Static, Input, Button, OptionList"):
        if not all(node.display for node in (widget, *widget.ancestors) if node is not box):
            continue
        for line in _lines(widget):
            said = " ".join(line.split())
            if said:
                lines.append(words_for_speech(said))
    return "\n".join(lines)
