"""Small typed dialogs: each returns its answer with ``dismiss`` and Escape cancels.

Text from people (names, notes, reasons) is passed in as ``rich.text.Text`` or
shown in widgets with markup off, so it is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from panel_tui.domain.interview_lines import keys_not_taken
from panel_tui.domain.spoken_words import words_for_speech
from panel_tui.domain.store import StoreError
from panel_tui.domain.text import kept_as_typed
from panel_tui.ui.asking import Asking, HoldsTyping, asks
from panel_tui.ui.contracts import cursor_blink, tell
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.glyphs import glyphs
from panel_tui.ui.keys import READ_ALOUD_KEY, spoken_key_words
from panel_tui.ui.widgets.choices import BoxAnswered
from panel_tui.ui.widgets.text_box import TextBox

#: The keys that work everywhere work over a box too (Textual stops at a box the
#: app's own keys): F1 or ``?`` shows every key, as the line below the box says,
#: with the box as it was underneath; Ctrl+T, Ctrl+A and Ctrl+E switch a setting.
#: A field handles its own keys first (these are not priorities), so there ``?``
#: is typed and Ctrl+A and Ctrl+E move to the start and end, as in any text box.
EVERYWHERE: list[BindingType] = [
    Binding("f1,question_mark", "app.help", "Help", show=False),
    Binding("ctrl+t", "app.toggle_contrast", "Contrast", show=False),
    Binding("ctrl+a", "app.toggle_ascii", "ASCII", show=False),
    Binding("ctrl+e", "app.toggle_read_aloud", "Read each", show=False),
    Binding(READ_ALOUD_KEY, "app.read_aloud", "Read aloud", show=False),
]


class ConfirmDialog(ModalScreen[bool]):
    """A yes or no question: Enter gives the focused answer (yes), Escape says no.

    No letter keys answer it: the panel's vote keys cover the letters, and a
    member voting while the chair reads the question must never answer it.
    Its keys are priority bindings, as on the interview screen, so they are
    handled as they arrive: a key typed after Enter or Escape goes to the screen
    below, never to this closing dialog.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "No", show=False, priority=True),
        Binding("enter", "answer_focused", "Answer", show=False, priority=True),
        Binding("left,right", "app.focus_previous", "Other answer", show=False, priority=True),
        # A long question (what is left before finishing) scrolls above its buttons.
        Binding("up", "read_on(-1)", "Scroll up", show=False),
        Binding("down", "read_on(1)", "Scroll down", show=False),
        Binding("pageup", "read_on_page(-1)", "Scroll up a page", show=False),
        Binding("pagedown", "read_on_page(1)", "Scroll down a page", show=False),
        *EVERYWHERE,
    ]

    def __init__(
        self, question: Text | str, *, yes: str = "Yes", no: str = "No", safe_first: bool = False
    ) -> None:
        """Ask ``question``.

        Args:
            safe_first: Enter starts on the "no": yes throws away what was typed,
                and Enter pressed from habit did so (found by a tester).
        """
        super().__init__(classes="dialog")
        self.question = question if isinstance(question, Text) else Text(question)
        self.yes_label = yes
        self.no_label = no
        self.safe_first = safe_first
        self._not_taken: list[str] = []  #: the keys typed while it waited, as said

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            # Scrolled, not cut: a long question (ten candidates still to do) pushed
            # the buttons off the foot of the screen at 80x24 (found by a tester).
            with VerticalScroll(classes="question", can_focus=False):
                yield Static(self.question, markup=False, classes="message")
            yield Label("", id="not-taken", classes="problem")
            with Horizontal(classes="buttons"):
                yes, no = self._labels(no_focused=self.safe_first)
                yield Button(yes, id="yes", variant="primary")
                yield Button(no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no" if self.safe_first else "#yes", Button).focus()

    def _labels(self, *, no_focused: bool) -> tuple[str, str]:
        """Each button's words with its keys: Enter is on the one with the focus."""
        if no_focused:
            return self.yes_label, f"{self.no_label} (Enter or Esc)"
        return f"{self.yes_label} (Enter)", f"{self.no_label} (Esc)"

    def action_read_on(self, lines: int) -> None:
        """Scroll a long question by a line (the arrows up and down)."""
        self.query_one(".question", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_read_on_page(self, pages: int) -> None:
        """Scroll a long question by what shows of it (Page Up and Page Down; found by a
        tester: the Finish box's last line took twenty presses of the arrow)."""
        question = self.query_one(".question", VerticalScroll)
        question.scroll_relative(y=pages * question.scrollable_content_region.height, animate=False)

    def on_descendant_focus(self) -> None:
        """Each button says its keys, and Enter is on the one with the focus.

        Found by a tester: after Tab the first button still said "(Enter)",
        and Enter gave the other answer with no word of it.
        """
        yes, no = self.query_one("#yes", Button), self.query_one("#no", Button)
        yes.label, no.label = self._labels(no_focused=no.has_focus)
        for button in (yes, no):
            button.refresh(layout=True)  # a label is not laid out again by itself

    def on_key(self, event: events.Key) -> None:
        """A key the question does not take, such as a vote typed just after, is said.

        Found by a tester: seat 2's vote, typed just after seat 1's change of
        vote, went into the "Change the vote?" question and was lost unseen. A
        move or an undo (Right arrow, Backspace) the question does not take is
        said too (found by a tester: a burst's moves went unsaid, and its votes,
        typed again, landed on the answer the moves had left).
        """
        if event.key not in self.active_bindings:  # ? is help, Tab moves between buttons
            event.stop()
            # In words, as the help read aloud names keys: seats 8 and 9 abstain with
            # , and . on a full panel, and "The keys 7, U, ,, . and 3" could not be
            # read (found by a tester).
            key = spoken_key_words(event.key)
            self._not_taken.append(key)
            self.query_one("#not-taken", Label).update(Content(self.not_taken()))
            # Heard too, as the interview tells a key refused: a blind member who voted
            # during the box thought they had voted (found by a tester). Each press,
            # this key alone, so a burst is not heard as a list growing again and again.
            tell(self.app, keys_not_taken([key]))

    def not_taken(self) -> str:
        """What the box says of the keys typed while it waited, or ``""``."""
        return keys_not_taken(self._not_taken) if self._not_taken else ""

    def spoken_text(self) -> str:
        """The question read aloud, then the keys it did not take, then the key for
        each answer: in the order the box shows them."""
        asked = words_for_speech(self.question.plain)
        focused = self.focused
        enter = self.no_label if focused is not None and focused.id == "no" else self.yes_label
        not_taken = self.not_taken()
        return "\n".join(
            [
                asked,
                *([not_taken] if not_taken else []),
                f"Enter: {enter}. Escape: {self.no_label}.",
            ]
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_answer_focused(self) -> None:
        """Enter: the answer whose button has the focus."""
        focused = self.focused
        self.dismiss(isinstance(focused, Button) and focused.id == "yes")


T = TypeVar("T")


#: Saves a dialog's answer, raising ``StoreError`` or ``ValueError`` in plain words if it cannot.
Save = Callable[[T], object]


class FormDialog(HoldsTyping, DisplayMode, ModalScreen[T | None], Generic[T]):
    """A dialog with fields: Enter or the first button submits, Escape cancels.

    Given ``save``, the dialog saves its answer itself before it closes; when the
    save fails (a full disk) it stays open with the text still in it, says why,
    and the chair can try again or close it.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so a key typed after Escape goes to the screen below (or to
        # the question it asks when the box holds typing).
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close without saving (with something chosen or typed, asks first).",
            priority=True,
        ),
        *EVERYWHERE,
    ]
    #: The id of the button that submits.
    SUBMIT = "save"

    def __init__(self, *, save: Save[T] | None = None) -> None:
        super().__init__(classes="dialog")
        self._save = save
        #: Closed with Esc or Cancel while it held typing: nothing typed was saved.
        self.discarded = False

    def submit(self) -> None:
        """Check the fields and :meth:`finish` with the answer, or :meth:`refuse`."""
        raise NotImplementedError

    def closed_answer(self) -> T | None:
        """The answer on closing with Esc or Cancel: none, unless the box did something."""
        return None

    def refuse(self, problem: str) -> None:
        """Say what is wrong, scrolled into view: at 80x24 a tall box hides its foot."""
        label = self.query_one("#problem", Label)
        # Never markup: the words may quote what was typed (found by a tester: "[/"
        # in a payment box stopped the app).
        label.update(Content(problem))
        # Once laid out at its new height, so that every line of it shows.
        self.call_after_refresh(label.scroll_visible, animate=False)

    def finish(self, answer: T) -> None:
        """Save the answer (when the dialog saves), then close with it."""
        if self._save is not None:
            try:
                self._save(answer)
            except (StoreError, ValueError) as error:
                self.refuse(
                    f"Not saved: {error} What you typed is still here: save again, "
                    "or press Esc to close without saving."
                )
                return
        self.dismiss(answer)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_box_answered(self, event: BoxAnswered) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.SUBMIT:
            self.submit()
        else:
            self.action_cancel()

    @asks
    def action_cancel(self) -> Asking:
        """Close without saving; when the box holds typing, ask first.

        Found by a tester: a panel member who presses Esc when unsure lost a long
        note with one key. The new-session form already asked; boxes ask alike,
        and Esc or Enter at the question keeps the typing.
        """
        unsaved = self.unsaved()
        if unsaved and not (
            yield ConfirmDialog(
                "Close this box? What you chose or typed here has not been saved and will be lost.",
                yes="Close",
                no="Stay",
                safe_first=True,
            )
        ):
            return
        self.discarded = unsaved
        self.dismiss(self.closed_answer())


class NoteDialog(FormDialog[str]):
    """Add a note to an answer; never required, Escape closes it."""

    def __init__(
        self,
        heading: Text,
        earlier: list[str],
        *,
        check: Callable[[str], str | None],
        prompt: str | None = None,
        save: Save[str] | None = None,
    ) -> None:
        super().__init__(save=save)
        #: The domain's word on the note typed before it is saved.
        self.check = check
        self.heading = heading
        self.earlier = earlier
        self.prompt = prompt or "A short note on this answer (optional)."

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Static(self.heading, markup=False, classes="title")
            if self.earlier:
                with VerticalScroll(classes="earlier"):
                    bullet = glyphs(self.ascii_only).bullet
                    for note in self.earlier:
                        yield Static(Text(f"{bullet} ") + Text(note))
            yield Label(self.prompt)
            yield TextBox(placeholder="Type the note, then press Enter", id="note")
            yield Label("", id="problem", classes="problem")
            with Horizontal(classes="buttons"):
                yield Button("Save note", id="save", variant="primary")
                yield Button("Skip (Esc)", id="skip")

    def on_mount(self) -> None:
        field = self.query_one("#note", Input)
        field.cursor_blink = cursor_blink(self.app)
        field.focus()

    def unsaved(self) -> bool:
        return bool(kept_as_typed(self.query_one("#note", Input).value))

    def submit(self) -> None:
        typed = self.query_one("#note", Input).value
        problem = self.check(typed)
        if problem:
            self.refuse(problem)
            return
        self.finish(typed)  # an empty note saves nothing
