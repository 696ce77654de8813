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

from textual.command import Command, CommandInput, CommandList, CommandPalette
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
from textual.widgets.option_list import Option

from panel_tui.domain.spoken_words import words_for_speech
from panel_tui.ui.contracts import NamedField, NamedRow
from panel_tui.ui.keys import spoken_help

#: What the command palette is, said first as it opens and on Ctrl+L: it opened on
#: "Text box, empty" alone (found by a tester).
PALETTE_WORDS = "Command palette: type to search the commands, arrows to choose, Enter to run."


def _label(button: RadioButton | Checkbox) -> str:
    """A choice's words, without the "(chosen)" a label may show beside its dot.

    Whether it is chosen is said once, from its value: "Every member the same
    (chosen) is chosen" was heard (found by a tester).
    """
    return button.label.plain.removesuffix("(chosen)").strip()


def _state(button: RadioButton | Checkbox) -> str:
    """Whether a choice is chosen or a box ticked, as a listener hears it ("" for unchosen)."""
    if isinstance(button, RadioButton):
        return "chosen" if button.value else ""
    return "ticked" if button.value else "not ticked"


def _one_line(prompt: object) -> str:
    """An item of several lines as one, each line its own sentence ("... living. The demo")."""
    lines = [said for line in str(prompt).splitlines() if (said := " ".join(line.split()))]
    return " ".join([*(_sentence(line) for line in lines[:-1]), *lines[-1:]])


def _option_words(option: Option) -> str:
    """An item of a list as one line; a palette command with its keys in words.

    The palette showed "Next question. ->: Go to the next question", read as
    "colon" (found by a blind panel member): "Next question, Right arrow: Go to ...".
    """
    if isinstance(option, Command) and option.hit.text and option.hit.help:
        return f"{option.hit.text}, {spoken_help(option.hit.help)}"
    return _one_line(option.prompt)


def _sentence(line: str) -> str:
    """``line`` ending as a sentence does, with a full stop unless it has its own mark."""
    return line if line.endswith((".", ":", ";", ",", "?", "!")) else f"{line}."


def _lines(widget: DOMNode) -> list[str]:
    if isinstance(widget, RadioButton | Checkbox):
        state = _state(widget)
        return [f"{_label(widget)}, {state}" if state else _label(widget)]
    if isinstance(widget, Input):
        if widget.value:
            return [f"Text box: {widget.value}"]
        return [f"Text box, empty: {widget.placeholder}".rstrip(": ")]
    if isinstance(widget, Button):
        return [f"Button: {widget.label}"]
    if isinstance(widget, OptionList):
        # The palette's arrows move its list's pointer from the search box.
        pointed = widget.has_focus or pointer_list(widget.screen.focused or widget) is widget
        here = widget.highlighted if pointed else None
        # Each item its own sentence: they ran together, "... living The demo" (found by a tester).
        return [
            _option_words(option) + (", the cursor is on it" if index == here else "")
            for index, option in enumerate(widget.options)
        ]
    if isinstance(widget, Static):
        return [str(widget.content)]
    return []


def spoken_box(box: DOMNode) -> str:
    """What the screen or box shows, a line for each part, in order.

    The field with the keys is marked ", the cursor is on it", as home's lists
    mark theirs; a row of fields (a panel member) is one line, each field named
    ("Name: Ana Lopes, Pronouns: she/her, Role: Lived experience, Seat: 1"), where
    "Text box: Ana Lopes / Text box: she/her" named none (found by a blind member).
    """
    lines: list[str] = [PALETTE_WORDS] if isinstance(box, CommandPalette) else []
    last_row: DOMNode | None = None
    for widget in box.query("Static, Input, Button, OptionList"):
        if widget.has_class("arrow") or not all(
            node.display for node in (widget, *widget.ancestors) if node is not box
        ):
            continue  # a drop-down's arrow was read "black down-pointing triangle"
        row = next((node for node in widget.ancestors if isinstance(node, NamedRow)), None)
        named = _named_in_row(widget) if row is not None else ""
        if named:
            said = words_for_speech(" ".join(named.split())) + _cursor_mark(widget)
            joins = row is last_row and lines
            lines[-1:] = [f"{lines[-1]}, {said}"] if joins else [*lines[-1:], said]
            last_row = row
            continue
        last_row = None
        for line in _lines(widget):
            said = " ".join(line.split())
            if said:
                lines.append(words_for_speech(said) + _cursor_mark(widget))
    return "\n".join(lines)


def _named_in_row(widget: DOMNode) -> str:
    """A field of a row, named: ``"Name: Ana Lopes"``, ``"Role: nothing chosen"``; else ``""``."""
    if isinstance(widget, Input) and widget.placeholder:
        return f"{widget.placeholder}: {widget.value or 'empty'}"
    select = widget.parent.parent if widget.parent is not None else None
    if isinstance(select, Select) and isinstance(widget, Static) and widget.id == "label":
        name = _field_name(select) or "Drop-down list"
        return f"{name}: {'nothing chosen' if select.is_blank() else widget.content}"
    return ""


def _cursor_mark(widget: DOMNode) -> str:
    """ ", the cursor is on it" for the field with the keys (a list's choice under the
    pointer, a drop-down's choice shown), else ``""``."""
    if isinstance(widget, OptionList):
        return ""  # each item marks itself
    parent = widget.parent
    if isinstance(widget, RadioButton) and isinstance(parent, RadioSet):
        here = (
            parent.has_focus and list(parent.query(RadioButton)).index(widget) == parent._selected
        )
        return ", the cursor is on it" if here else ""
    select = parent.parent if parent is not None else None
    if isinstance(select, Select) and widget.id == "label":
        return ", the cursor is on it" if select.has_focus else ""
    return ", the cursor is on it" if isinstance(widget, Widget) and widget.has_focus else ""


def spoken_focus(widget: Widget, *, opening: bool = False) -> str:
    """What Tab just reached, to read aloud: its heading, then what it is and holds.

    Read with each question read aloud on, on the screens that are read as they
    show: a listener hears where the keys went, as a sighted chair sees the pointer.
    ``opening``: the box or screen has just opened on ``widget``, and its title is
    said first if its heading is not the title.
    """
    what = _reached(widget)
    if not what:
        return ""
    row = next((node for node in widget.ancestors if isinstance(node, NamedRow)), None)
    heading = "" if isinstance(widget, Button) and row is None else _heading_before(widget)
    # A question keeps its mark alone: "Whose notes?. Choices" was heard (found by a tester).
    heading = heading.strip().rstrip(".:")
    if row is not None:
        # Whose field, and which: "Panel members, member 2. Text box, Seat: 3", where
        # every row's boxes sounded alike (found by a tester).
        heading = f"{heading}, {row.row_words()}" if heading else row.row_words()
        if isinstance(widget, Input) and widget.value and widget.placeholder:
            what = f"Text box, {widget.placeholder}: {widget.value}"
    warning = _opening_words(widget.screen) if opening else ""
    if warning:
        # Said as the box opens, between its title and its field, as it shows: the
        # decision box's "Still to do" was heard only on Ctrl+L (found by a tester).
        heading = f"{_sentence(heading)} {warning}" if heading else warning
        heading = heading.rstrip(".")
    joined = f"{heading} {what}" if heading.endswith("?") else f"{heading}. {what}"
    said = words_for_speech(" ".join(joined.split()) if heading else what)
    title = _title_of(widget.screen) if opening else ""
    if title and not heading.startswith(title.rstrip(".:")):
        # Whose notes the payment box holds, said as it opens: its title was never
        # heard, and notes were saved for Seat 1 meant for Seat 2 (found by a tester).
        said = f"{_sentence(words_for_speech(title))} {said}"
    problem = _problem_of(widget, row)
    return f"{_sentence(said)} {problem}" if problem else said


def _opening_words(screen: DOMNode) -> str:
    """What a box says as it opens besides its title (``.opening-words``), or ``""``."""
    lines = [
        _one_line(line.content)
        for line in screen.query(".opening-words")
        if isinstance(line, Static) and line.display
    ]
    return " ".join(line for line in lines if line)


def _title_of(screen: DOMNode) -> str:
    """The words of a box's title as it shows (the palette's, what it is), or ``""``."""
    if isinstance(screen, CommandPalette):
        return PALETTE_WORDS
    for title in screen.query(".title"):
        if isinstance(title, Static) and title.display:
            return " ".join(str(title.content).split())
    return ""


def _problem_of(widget: Widget, row: DOMNode | None) -> str:
    """What is wrong with a field marked so, as its line says ("The title is empty: ...").

    Tab to such a field said its box but not its problem (found by a tester).
    """
    if not widget.has_class("-invalid"):
        return ""
    where = row if row is not None else widget.screen
    selector = ".row-problem" if row is not None else f"#{widget.id}-problem"
    lines = [line for line in where.query(selector) if isinstance(line, Static) and line.display]
    return " ".join(" ".join(str(line.content).split()) for line in lines[:1])


def _reached(widget: Widget) -> str:
    if isinstance(widget, Checkbox):
        return f"Tick box: {spoken_pointer(widget)}"
    if isinstance(widget, RadioSet):
        # Where the pointer is, which Enter would choose, then the choice made if another:
        # "Summary as text (.md) is chosen" was heard with the pointer on .html (found by a tester).
        here = _pointer(widget)
        chosen = widget.pressed_button
        kind = _kind("Choices", widget)
        if not here:
            return f"{kind}: {_label(chosen)} is chosen" if chosen else f"{kind}: none chosen"
        if chosen is None:
            return f"{kind}: {here}. None chosen"
        if widget.pressed_index == widget._selected:
            return f"{kind}: {here}"
        return f"{kind}: {here}. Chosen: {_label(chosen)}"
    if isinstance(widget, TextArea):
        return f"Text box: {widget.text}" if widget.text else "Text box, empty"
    if isinstance(widget, Select):
        if widget.is_blank():
            return f"{_kind('Drop-down list', widget)}: nothing chosen"
        # Its value may be a path: the words are those it shows (Textual's own label).
        return f"{_kind('Drop-down list', widget)}: {widget.query_one('#label', Static).content}"
    if isinstance(widget, OptionList):
        here = _pointer(widget)
        return f"{_kind('List', widget)}: {here}" if here else f"{_kind('List', widget)}, empty"
    if isinstance(widget, Input | Button):
        return " ".join(_lines(widget))
    return ""


def left_unchosen(widget: RadioSet) -> str:
    """What to say as the keys leave a list whose pointer is off the choice made, or ``""``.

    Found by a blind chair: Down in the payment box's list of members, then Tab,
    and the notes typed were saved for Seat 1, never chosen away from.
    """
    chosen = widget.pressed_button
    buttons = list(widget.query(RadioButton))
    here = widget._selected  # Textual's name for the choice the pointer is on
    if chosen is None or here is None or here >= len(buttons) or buttons[here] is chosen:
        return ""
    return (
        f"Chosen: {_label(chosen)}. Not {_label(buttons[here])}, which was only under the"
        " pointer: to choose it, go back and press Space on it."
    )


def _field_name(widget: Widget) -> str:
    """A field's own name where no label gives it ("Role"), else ``""``."""
    if isinstance(widget, OptionList) and isinstance(widget.parent, Select):
        widget = widget.parent  # a drop-down's open list goes by the drop-down's name
    return widget.spoken_name if isinstance(widget, NamedField) else ""


def _kind(kind: str, widget: Widget) -> str:
    """What kind of field, then its own name, if any: "Drop-down list, Role"."""
    name = _field_name(widget)
    return f"{kind}, {name}" if name else kind


def spoken_pointer(widget: Widget) -> str:
    """The item under a list's pointer, or a tick box, briefly: what an arrow or Space changed.

    "Summary as a web page (.html), 2 of 5"; "Recommend, chosen, 1 of 3";
    "Anonymise, ticked". Empty for a widget with no pointer, or a list with nothing in it.
    """
    widget = pointer_list(widget)
    here = _pointer(widget)
    name = _field_name(widget)
    # Named as each text box is ("Role: Staff, 2 of 4"), where no label gives the name.
    return f"{name}: {here}" if name and here else here


def _pointer(widget: Widget) -> str:
    """The item under the pointer of ``widget``, or a tick box, without the field's name."""
    if isinstance(widget, Checkbox):  # a RadioButton is no Checkbox: both are ToggleButtons
        return f"{_label(widget)}, {_state(widget)}"
    if isinstance(widget, RadioSet):
        buttons = list(widget.query(RadioButton))
        here = widget._selected  # Textual's name for the choice the pointer is on
        if here is None or here >= len(buttons):
            return ""
        button = buttons[here]
        words = [_label(button), _state(button), f"{here + 1} of {len(buttons)}"]
        return ", ".join(word for word in words if word)
    if isinstance(widget, OptionList):
        here = widget.highlighted
        if here is None or not widget.option_count:
            return ""
        prompt = _option_words(widget.get_option_at_index(here)).rstrip(" .")
        return f"{prompt}, {here + 1} of {widget.option_count}"
    return ""


def pointer_list(widget: Widget) -> Widget:
    """The widget whose pointer the keys move: the command palette's list while its
    search box has the keys (the arrows move the list's pointer from there; found by
    a tester: its highlighted command was never read), else the widget itself."""
    if isinstance(widget, CommandInput):
        return widget.screen.query_one(CommandList)
    return widget


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
