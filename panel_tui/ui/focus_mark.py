"""Where the keys go, marked in the box's border by a pointer as well as by colour.

Textual shows the box that has the keys (a field, a drop-down list, a list of
choices or of sessions, a tick box, a button) by the colour of its border alone, so a chair
who cannot tell the colours apart, or whose terminal shows none, could not see
where typing or Enter would go. The box with the keys now has a pointer at the
start of its top border, "▶", or ">" in plain ASCII. A list of choices points
at its highlighted choice, and a tick box at itself, as the compact ones in the
boxes on top have no border (``widgets/choices.py``); a one-line field there
shows its cursor and bold text, and a button its words in reverse.
"""

from __future__ import annotations

from textual.command import CommandInput
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, OptionList, RadioSet, Select, TextArea

#: What takes the keys and draws a box around itself (a drop-down list's box is its child's;
#: an open one's list is an OptionList, as are the home screen's lists).
MARKED = (Input, TextArea, Checkbox, RadioSet, Button, Select, OptionList)


def focus_mark(ascii_only: bool) -> str:
    """The pointer in the border of the box that has the keys."""
    return ">" if ascii_only else "▶"


def mark_focus(widget: Widget, *, ascii_only: bool | None) -> None:
    """Put the pointer in ``widget``'s border (ASCII if ``ascii_only``); ``None`` removes it.

    Not the actions list's search box (Ctrl+P): it has its own ">" before it, and
    its blank border drew the pointer alone on the line above (found by a tester).
    """
    if not isinstance(widget, MARKED) or isinstance(widget, CommandInput):
        return
    boxed = widget.query_one("SelectCurrent") if isinstance(widget, Select) else widget
    boxed.border_title = None if ascii_only is None else focus_mark(ascii_only)
