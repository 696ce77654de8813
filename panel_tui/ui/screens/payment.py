"""The payment notes dialog: a member's rate, expenses, times sat, or declined payment.

The chair opens it from the summary (key ``p``). Choosing a member fills the
fields with what was noted before. Its lists choose as every list does (the
arrows move, Enter or Space chooses) and never save the box: Ctrl+S or the
Save button does, as its footer says, or Enter in a field. Saving checks the
notes with the domain (:func:`panel_tui.domain.involvement.with_involvement`)
and shows what is wrong in plain words, or saves them (``save``) and closes; a
save the disk refuses leaves the dialog open with what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, RadioSet, Static

from panel_tui.domain import payment_form
from panel_tui.domain.involvement import InvolvementError, days_to_type
from panel_tui.domain.models import Session
from panel_tui.domain.more_to_read import TABS, more_to_read
from panel_tui.domain.payment_form import PaymentTyped, notes_changes, typed_from
from panel_tui.domain.payment_notes import PayBasis
from panel_tui.domain.words import ROLE_WORDS, day_words
from panel_tui.ui.contracts import cursor_blink
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.screens.dialogs import FormDialog, Save
from panel_tui.ui.widgets.choices import ChoiceField, ChoiceList, ClearRadioButton
from panel_tui.ui.widgets.fields_box import FieldsBox
from panel_tui.ui.widgets.keys_footer import KeysFooter

PER_WORDS: dict[PayBasis, str] = {
    "hour": "Per hour",
    "block": "Per block of hours (a block begun is paid whole)",
    "session": "Per session",
}


TITLE = "Payment notes"

DECLINED_WORDS = {
    "declined-no": "Takes payment",
    "declined-yes": "Declined payment (expenses are still repaid)",
}


@dataclass(frozen=True)
class PaymentChange:
    """The notes to keep for the member in ``seat``."""

    seat: int
    changes: dict[str, object]


class PaymentDialog(FormDialog[PaymentChange]):
    """Note a member's rate, expenses, times sat, or that they declined payment."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The box's own key to save, shown in its footer: Enter in its lists only
        # chooses (found by a tester: Enter on a member saved the box at once).
        Binding("ctrl+s", "save", "Save", tooltip="Check and save these payment notes."),
        Binding("tab", "app.focus_next", "Next field"),
    ]

    def __init__(self, session: Session, *, save: Save[PaymentChange] | None = None) -> None:
        super().__init__(save=save)
        self.session = session
        self.members = sorted(session.panel, key=lambda m: m.seat)
        #: The days a time sat is typed for: a field each (``times-1``, ``times-2``...).
        self.days = days_to_type(session)
        #: The member whose notes the fields show.
        self._seat = 0

    def compose(self) -> ComposeResult:
        # The fields scroll between the title and the buttons, so that Save, Cancel
        # and what is wrong always show, at 80x24 too.
        with Vertical(classes="box payment"):
            yield Static(TITLE, classes="title", id="payment-title")
            # Not a stop of its own for Tab: nothing would look focused (found by a review).
            with FieldsBox(classes="fields"):
                yield from self._fields()
            yield Label("", id="problem", classes="problem")
            with Horizontal(classes="buttons"):
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")
        # Over the summary's own footer, whose keys do not work under the box.
        yield KeysFooter(show_command_palette=False)

    def _fields(self) -> ComposeResult:
        """Whose notes, then the rate, expenses, payment choice and times sat."""
        yield Label("Whose notes?")
        with ChoiceField(id="member"):
            for number, member in enumerate(self.members):
                # Content, not a str: a name is shown as typed, never read as markup.
                yield ClearRadioButton(
                    Content(f"Seat {member.seat}, {member.name}: {ROLE_WORDS[member.role]}"),
                    value=number == 0,
                    id=f"seat-{member.seat}",
                ).data_bind(DisplayMode.ascii_only)
        yield Label("Rate (an amount such as 15.00; leave empty for none):")
        yield Input(id="rate")
        with ChoiceField(id="per", spoken_name="Rate"):
            for basis, words in PER_WORDS.items():
                yield ClearRadioButton(words, id=f"per-{basis}").data_bind(DisplayMode.ascii_only)
        yield Label("Hours in one block (only for a rate per block):")
        yield Input(id="block")
        yield Label("Expenses (an amount; 0 for none):")
        yield Input(id="expenses")
        yield Label("What the expenses were for:")
        yield Input(id="note")
        # Two choices, not a tick box: Enter on a tick box ticked it unseen (found
        # by a tester); in a list Enter chooses, as in the box's other lists.
        yield Label("Payment for their time:")
        with ChoiceField(id="declined"):
            for choice, words in DECLINED_WORDS.items():
                yield ClearRadioButton(words, id=choice).data_bind(DisplayMode.ascii_only)
        fields = self._day_fields()
        if len(fields) == 1:
            yield Label("Times sat, such as 09:30-12:40; 13:30-15:00 (empty: from the log):")
        else:
            # A Static, not a Label: it wraps at 80 columns.
            yield Static(
                "Times sat on each day, such as 09:30-12:40; 13:30-15:00. Leave every "
                "day empty to count each day from its first to its last vote, note or "
                "decision; if you fill in any day, a day you leave empty counts as no "
                "time.",
                classes="times-help",
            )
        for day, field_id in fields:
            if len(fields) > 1:
                yield Label(f"{day_words(day)}:")
            yield Input(id=field_id)

    def _day_fields(self) -> list[tuple[date, str]]:
        """Each day a time sat is typed for, with the id of its field."""
        return [(day, f"times-{number}") for number, day in enumerate(self.days, 1)]

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = cursor_blink(self.app)
        if self.members:
            self._fill(self.members[0].seat)
        # Whose notes, in the title before the keys reach the list: the box's opening
        # words say it (found by a tester).
        self._say_more()
        self.query_one("#member", ChoiceList).focus()
        # The box opens at its top, "Whose notes?" above the list: the list scrolls
        # its chosen member into view before the box is laid out.
        fields = self.query_one(".fields", FieldsBox)
        self.call_after_refresh(fields.scroll_home, animate=False)
        self.watch(fields, "scroll_y", self._say_more, init=False)
        self.call_after_refresh(self._say_more)  # once laid out

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_more)  # a taller window may show every field

    def _say_more(self) -> None:
        """Say in the title when fields are out of sight: the scroll bar alone is colour."""
        fields = self.query_one(".fields", FieldsBox)
        more = more_to_read(fields.scroll_y > 0, fields.scroll_y < fields.max_scroll_y, TABS)
        # Whose notes the fields show, always in sight: the list's pointer may be
        # on another member, not chosen yet (found by a new user).
        title = f"{TITLE} for Seat {self._seat}" if self._seat else TITLE
        self.query_one("#payment-title", Static).update(f"{title} ({more})" if more else title)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "member" or not event.pressed.id:
            return
        seat = int(event.pressed.id.removeprefix("seat-"))
        if seat == self._seat:
            return
        if self.unsaved():
            # Refilling the fields would throw away what was typed: the chair
            # saves it, or closes the box, first.
            self.query_one("#member", ChoiceList).choose(f"seat-{self._seat}")
            self.refuse(
                f"The notes for Seat {self._seat} have changes that are not saved. Save "
                "them, or press Esc to close without saving, before choosing another member."
            )
            # The keys go on to the button the refusal names, beside it.
            self.query_one("#save", Button).focus()
            return
        self._fill(seat)

    def unsaved(self) -> bool:
        return bool(self._seat) and payment_form.unsaved(self.session, self._seat, self._typed())

    def _fill(self, seat: int) -> None:
        """Show what was noted before for this member."""
        member = next(m for m in self.members if m.seat == seat)
        typed = typed_from(member.involvement, self.days)
        self._seat = seat
        texts = {
            "rate": typed.rate,
            "block": typed.block,
            "expenses": typed.expenses,
            "note": typed.note,
            **{field_id: typed.times[day] for day, field_id in self._day_fields()},
        }
        for field, value in texts.items():
            self.query_one(f"#{field}", Input).value = value
        self.query_one("#per", ChoiceList).choose(f"per-{typed.per}")
        self.query_one("#declined", ChoiceList).choose(
            "declined-yes" if typed.declined else "declined-no"
        )
        self.query_one("#problem", Label).update("")
        if self.is_mounted:
            self._say_more()

    def action_save(self) -> None:
        """Ctrl+S: check and save the notes, as the Save button does."""
        self.submit()

    def _declined(self) -> bool:
        chosen = self.query_one("#declined", ChoiceList).pressed_button
        return chosen is not None and chosen.id == "declined-yes"

    def _typed(self) -> PaymentTyped:
        """What the fields hold."""
        per = self.query_one("#per", ChoiceList).pressed_button
        chosen = (per.id or "").removeprefix("per-") if per else ""
        basis: PayBasis = next((b for b in PER_WORDS if b == chosen), PaymentTyped().per)
        return PaymentTyped(
            rate=self.query_one("#rate", Input).value,
            per=basis,
            block=self.query_one("#block", Input).value,
            expenses=self.query_one("#expenses", Input).value,
            note=self.query_one("#note", Input).value,
            declined=self._declined(),
            times={
                day: self.query_one(f"#{field_id}", Input).value
                for day, field_id in self._day_fields()
            },
        )

    def submit(self) -> None:
        member = self.query_one("#member", ChoiceList).pressed_button
        if member is None or not member.id:
            self.refuse("Choose whose notes these are.")
            return
        seat = int(member.id.removeprefix("seat-"))
        try:
            changes = notes_changes(self.session, seat, self._typed())
        except InvolvementError as error:
            self.refuse(str(error))
            return
        self.finish(PaymentChange(seat, changes))
