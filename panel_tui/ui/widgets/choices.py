"""Radio buttons, checkboxes and drop-down lists that show their state plainly.

Textual draws a chosen and an unchosen radio button with the same character in
two colours; these draw an empty box when not chosen, and a pointer before the
choice the arrow keys have reached. In ASCII mode the sides
are brackets, ``( )`` and ``[ ]``, rather than half blocks; the screen binds
``ascii_only`` down (``.data_bind(DisplayMode.ascii_only)``).

Textual draws a drop-down list's "nothing chosen yet" line dim, which on the
highlight reads at 3.6:1 in the usual theme (WCAG asks 4.5:1); :class:`ClearSelect`
sets it apart in italics instead, and says what Esc does in the open list in
plain words ("Close list", not Textual's "Dismiss menu").
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from rich.text import Text
from textual._widget_navigation import find_next_enabled_no_wrap
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widgets import Checkbox, OptionList, RadioButton, RadioSet, Select
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets._toggle_button import ToggleButton

from panel_tui.ui.box_reading import left_unchosen
from panel_tui.ui.contracts import tell
from panel_tui.ui.focus_mark import focus_mark


class BoxAnswered(Message):
    """Enter on a list's choice already made, or on a tick box: the box takes its answer."""


def pointed(drawn: Content, here: bool, ascii_only: bool) -> Content:
    """A choice as drawn, after a pointer if the keys are on it (else spaces: nothing moves)."""
    return Content.assemble(f"{focus_mark(ascii_only)} " if here else "  ", drawn)


#: The component class of a box's sides, styled in widgets.tcss.
SIDES = "toggle--side"


def outlined(widget: ToggleButton) -> Content:
    """A box or round button drawn with its sides in the colour of a field's edge.

    Textual draws the sides in the colour of the inside, 1.2:1 on the screen:
    an unticked box or unchosen button all but vanished, in high contrast too
    (found by a tester). Its inside, and the mark in it, stay Textual's.
    """
    inside = widget.get_visual_style("toggle--button")
    edge = widget.get_visual_style(SIDES).foreground or inside.background
    sides = Style(foreground=edge, background=widget.background_colors[1])
    return Content.assemble(
        (widget.BUTTON_LEFT, sides),
        (widget.BUTTON_INNER, inside),
        (widget.BUTTON_RIGHT, sides),
    )


class ClearRadioButton(RadioButton):
    """A radio button: a dot when chosen, empty when not; a pointer where the arrows are.

    Textual marks the choice the arrow keys have reached (highlighted, not yet
    chosen) by its background colour alone. Here that choice also has a pointer
    before it while its list has the keys (``focus_mark``), so a chair who cannot
    tell the colours apart sees where Enter or Space will choose.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {*RadioButton.COMPONENT_CLASSES, SIDES}

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII sides, dot and pointer (bound to the screen's)."""

    @property
    def _button(self) -> Content:
        return outlined(self)

    def render(self) -> Content:
        here = isinstance(self.parent, RadioSet) and self.parent.has_focus
        return pointed(super().render(), here and self.has_class("-selected"), self.ascii_only)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 2 + super().get_content_width(container, viewport)

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the button."""
        if not self.value:
            return " "
        return "*" if self.ascii_only else "●"

    @property
    def BUTTON_LEFT(self) -> str:  # type: ignore[override]
        """The left side of the button."""
        return "(" if self.ascii_only else "▐"

    @property
    def BUTTON_RIGHT(self) -> str:  # type: ignore[override]
        """The right side of the button."""
        return ")" if self.ascii_only else "▌"


class ClearCheckbox(Checkbox):
    """A checkbox: a cross when ticked, empty when not; a pointer while it has the keys."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {*Checkbox.COMPONENT_CLASSES, SIDES}

    ascii_only: reactive[bool] = reactive(False)
    """Plain ASCII sides and pointer (bound to the screen's)."""

    @property
    def _button(self) -> Content:
        return outlined(self)

    def render(self) -> Content:
        return pointed(super().render(), self.has_focus, self.ascii_only)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return 2 + super().get_content_width(container, viewport)

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """The mark inside the box."""
        return "X" if self.value else " "

    @property
    def BUTTON_LEFT(self) -> str:  # type: ignore[override]
        """The left side of the box."""
        return "[" if self.ascii_only else "▐"

    @property
    def BUTTON_RIGHT(self) -> str:  # type: ignore[override]
        """The right side of the box."""
        return "]" if self.ascii_only else "▌"


class AnsweringCheckbox(ClearCheckbox):
    """A tick box in a box on top: Space ticks it, Enter answers the box.

    As Enter in a field does, and as the help says ("Enter saves a note, a
    decision, payment notes or an export"). Textual's Enter ticks: a chair who
    ticked "Anonymise" and pressed Enter to export unticked it (found by a tester).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer", "Answer the box", show=False),
    ]

    def action_answer(self) -> None:
        self.post_message(BoxAnswered())


class EndStopList(RadioSet):
    """Textual's list of choices, whose arrows stop at either end rather than go round."""

    def action_previous_button(self) -> None:
        """Up the list, staying on the first choice (Textual's list goes round)."""
        self._step(-1)

    def action_next_button(self) -> None:
        """Down the list, staying on the last choice.

        Found by a tester: from "Do not recommend", the last of the decision's
        choices, Down, Down went round to "Recommend" and Space chose it.
        """
        self._step(1)

    def _step(self, direction: Literal[-1, 1]) -> None:
        step = find_next_enabled_no_wrap(self.children, anchor=self._selected, direction=direction)
        if step is not None:
            self._selected = step


class ChoiceList(EndStopList):
    """A list of choices in a box: Enter chooses, and on the choice made answers the box.

    Textual's list takes Enter only to choose, so in a box whose first choice is
    made already (the export's format) Enter did nothing and the chair had to Tab
    to the button. Here Enter on the highlighted choice chooses it, as before, and
    Enter on the one already chosen answers the box, as Enter in a field does.
    Space only chooses.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose_or_answer", "Choose, or answer", show=False),
    ]

    def on_mount(self) -> None:
        # Textual highlights the first choice as the list is mounted (after this
        # handler). A box opened over a choice made before starts on that one, so
        # that Enter there answers the box and never changes the choice unseen.
        self.call_next(self._highlight_chosen)

    def _highlight_chosen(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def choose(self, button_id: str) -> None:
        """Make the choice with this id the one made, highlighted, with no message sent.

        For a box refilled with choices made before (the payment box, when
        another member is chosen): that happens while the other list's change is
        handled, when Textual drops the messages these buttons would send, so
        the list would keep its old choice beside the new one.
        """
        buttons = list(self.query(RadioButton))
        with self.prevent(RadioButton.Changed):
            for button in buttons:
                button.value = button.id == button_id
        chosen = next(index for index, button in enumerate(buttons) if button.id == button_id)
        self._pressed_button = buttons[chosen]  # Textual's record of the choice made
        self._selected = chosen

    def action_choose_or_answer(self) -> None:
        highlighted = self._selected  # Textual's name for the highlighted choice
        if highlighted is not None and highlighted == self.pressed_index:
            self.chosen_again()
        else:
            self.action_toggle_button()

    def chosen_again(self) -> None:
        """Enter on the choice already made: the box takes its answer."""
        self.post_message(BoxAnswered())


class ChoiceField(ChoiceList):
    """A list of choices that is one field of many in a box: Enter never answers the box.

    The arrows move the pointer and Enter or Space chooses, as in every list;
    Enter on the choice already made goes on to the next field, as Tab does.
    The box saves with its own key and button. In the payment box, whose list of
    members followed the pointer, Down, Down, Enter saved Seat 3's notes before
    a rate was typed, while its list of pay bases only chose (found by a tester).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown: the footer says what Enter does here, and the box's key saves.
        Binding("enter", "choose_or_answer", "Choose"),
    ]

    def __init__(self, *buttons: Any, spoken_name: str = "", **options: Any) -> None:
        """Textual's list of choices, with its name said aloud before its choice, if any."""
        super().__init__(*buttons, **options)
        self.spoken_name = spoken_name
        """The list's name as a listener hears it ("Rate"), where no label gives it."""

    def chosen_again(self) -> None:
        self.screen.focus_next()

    def on_blur(self) -> None:
        """Leaving with the pointer off the choice made: say which is chosen, and take
        the pointer back to it, so that its highlight shows the choice made to a
        sighted chair too (both were misled: found by a blind chair, who saved notes
        for Seat 1 with the pointer left on Seat 2)."""
        said = left_unchosen(self)
        if said:
            self._selected = self.pressed_index
            tell(self.app, said)


class ClosingList(SelectOverlay):
    """The open list of a drop-down, whose Esc says what it does in plain words."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close list")]


class ClearSelect(Select[str]):
    """A drop-down list whose "nothing chosen yet" line is italic, not dim."""

    def __init__(self, *options: Any, spoken_name: str = "", **settings: Any) -> None:
        """Textual's drop-down list, with its name said aloud before its choice, if any."""
        super().__init__(*options, **settings)
        self.spoken_name = spoken_name
        """The list's name as a listener hears it ("Role"), where no label gives it."""

    def compose(self) -> ComposeResult:
        # As Textual's, with the open list's Esc worded for a panel member.
        yield SelectCurrent(self.prompt)
        yield ClosingList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def _setup_options_renderables(self) -> None:
        # Textual builds the open list here (on mount and on new options), the
        # blank line first and dim; it is put back at full strength.
        super()._setup_options_renderables()
        if self._allow_blank:
            prompt = Text(self.prompt, style="italic")
            self.query_one(OptionList).replace_option_prompt_at_index(0, prompt)
