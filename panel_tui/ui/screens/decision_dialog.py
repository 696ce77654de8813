"""The decision box: the panel's decision on a candidate, with the reason for it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from panel_tui.domain.interview_outcomes import chosen_outcome
from panel_tui.domain.models import Outcome
from panel_tui.domain.text import kept_as_typed
from panel_tui.ui.contracts import cursor_blink
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.glyphs import OUTCOME_WORDS
from panel_tui.ui.screens.dialogs import FormDialog, Save
from panel_tui.ui.widgets.choices import ChoiceList, ClearRadioButton
from panel_tui.ui.widgets.text_box import TextBox


@dataclass(frozen=True)
class DecisionChoice:
    """The panel's decision as the chair entered it."""

    outcome: Outcome
    reason: str
    reason_typed: bool = False
    """The chair typed in the reason after the box opened: given for ``outcome``, even
    in the words given for the one before (:func:`decision_problem`)."""


class DecisionDialog(FormDialog[DecisionChoice]):
    """Record the panel's decision on a candidate, with a reason."""

    def __init__(
        self,
        heading: Text,
        current: DecisionChoice | None,
        *,
        save: Save[DecisionChoice] | None = None,
        check: Callable[[Outcome | None, str, bool], str | None],
        still_to_do: Sequence[str] = (),
    ) -> None:
        super().__init__(save=save)
        self.heading = heading
        self.current = current
        self.still_to_do = still_to_do
        #: The domain's word on a decision before it is saved (a reason missing).
        self.check = check
        #: Whether the chair changed the reason since the box opened.
        self.reason_typed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="box"):
            yield Static(self.heading, markup=False, classes="title")
            if self.still_to_do:
                # Each on its own line, no dash to be read aloud as "minus".
                said = "\n".join(["Still to do:", *(f"  {w}" for w in self.still_to_do)])
                # Said as the box opens, before its choices (found by a tester).
                yield Static(Text(said), markup=False, id="still-to-do", classes="opening-words")
            with ChoiceList(id="outcome"):
                for outcome, words in OUTCOME_WORDS.items():
                    chosen = self.current is not None and self.current.outcome == outcome
                    yield ClearRadioButton(words, value=chosen, id=outcome).data_bind(
                        DisplayMode.ascii_only
                    )
            yield Label("Reason (needed to recommend or not recommend; Tab to move here):")
            yield TextBox(
                value=self.current.reason if self.current else "",
                placeholder="Why the panel decided this",
                id="reason",
            )
            yield Label("", id="problem", classes="problem")
            with Horizontal(classes="buttons"):
                yield Button("Save decision", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).cursor_blink = cursor_blink(self.app)
        self.query_one("#outcome", ChoiceList).focus()

    def on_key(self, event: events.Key) -> None:
        """Letters typed on the choices start the reason afresh, where they were
        dropped unseen (found by a tester); Space and Enter still choose."""
        reason = self.query_one("#reason", Input)
        taken = event.key == "space" or event.key in self.active_bindings
        if reason.has_focus or not event.is_printable or taken:
            return
        event.stop()
        reason.select_on_focus = False  # the letter stays, and the next goes after it
        reason.value = event.character or ""
        reason.cursor_position = len(reason.value)
        reason.focus()

    @on(Input.Changed, "#reason")
    def _reason_changed(self, event: Input.Changed) -> None:
        # Cleared and typed again word for word, it is still the chair's typing.
        self.reason_typed |= event.value != (self.current.reason if self.current else "")

    def unsaved(self) -> bool:
        pressed = self.query_one("#outcome", ChoiceList).pressed_button
        reason = kept_as_typed(self.query_one("#reason", Input).value)
        typed = (pressed.id if pressed else None, reason)
        current = self.current
        return typed != ((current.outcome, current.reason) if current else (None, ""))

    def submit(self) -> None:
        pressed = self.query_one("#outcome", ChoiceList).pressed_button
        outcome = chosen_outcome(pressed.id if pressed else None)
        reason = self.query_one("#reason", Input).value
        if trouble := self.check(outcome, reason, self.reason_typed):
            self.refuse(trouble)
            if outcome is not None:
                self.query_one("#reason", Input).focus()  # where the reason is typed
            return
        assert outcome is not None  # the domain's check asks for one first
        self.finish(DecisionChoice(outcome, reason, self.reason_typed))
