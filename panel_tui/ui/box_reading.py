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
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from panel_tui.domain.speech import words_for_speech
from panel_tui.ui.contracts import NamedRow


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


def spoken_focus(widget: Widget) -> str:
    """What Tab just reached, to read aloud: its heading, then what it is and holds.

    Read with each question read aloud on, on the screens that are read as they
    show: a listener hears where the keys went, as a sighted chair sees the pointer.
    """
    what = _reached(widget)
    if not what:
        return ""
    row = next((node for node in widget.ancestors if isinstance(node, NamedRow)), None)
    heading = "" if isinstance(widget, Button) and row is None else _heading_before(widget)
    heading = heading.strip().rstrip(".:")
    if row is not None:
        # Whose field, and which: "Panel members, member 2. Text box, Seat: 3", where
        # every row's boxes sounded alike (found by a tester).
        heading = f"{heading}, {row.row_words()}" if heading else row.row_words()
        if isinstance(widget, Input) and widget.value and widget.placeholder:
            what = f"Text box, {widget.placeholder}: {widget.value}"
    return words_for_speech(" ".join(f"{heading}. {what}".split()) if heading else what)


def _reached(widget: Widget) -> str:
    if isinstance(widget, Checkbox):
        return f"Tick box: {widget.label.plain}, {'ticked' if widget.value else 'not ticked'}"
    if isinstance(widget, RadioSet):
        chosen = widget.pressed_button
        return f"Choices: {chosen.label.plain} is chosen" if chosen else "Choices: none chosen"
    if isinstance(widget, TextArea):
        return f"Text box: {widget.text}" if widget.text else "Text box, empty"
    if isinstance(widget, Select):
        if widget.is_blank():
            return "Drop-down list: nothing chosen"
        # Its value may be a path: the words are those it shows (Textual's own label).
        return f"Drop-down list: {widget.query_one('#label', Static).content}"
    if isinstance(widget, OptionList):
        here = widget.highlighted
        if here is None or not widget.option_count:
            return "List, empty"
        prompt = " ".join(str(widget.get_option_at_index(here).prompt).split())
        return f"List: {prompt}, {here + 1} of {widget.option_count}"
    if isinstance(widget, Input | Button):
        return " ".join(_lines(widget))
    return ""


def _heading_before(widget: Widget) -> str:
    """The nearest label before ``widget``, or before the rows holding it ("Panel members").

    A box's title counts as one: the decision box's choices, which it opens on,
    were heard as "Choices: none chosen", with no word of whose decision (found
    by a tester).
    """
    node: DOMNode = widget
    while isinstance(node, Widget) and node.parent is not None and node is not widget.screen:
        siblings = list(node.parent.children)
        for sibling in reversed(siblings[: siblings.index(node)]):
            heading = isinstance(sibling, Label) or sibling.has_class("title")
            if heading and isinstance(sibling, Static) and sibling.display:
                return str(sibling.content)
        node = node.parent
    return ""
