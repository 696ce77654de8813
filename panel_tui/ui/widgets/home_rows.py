"""Rows of the new-session form: one panel member or one candidate per row.

A row only holds what was typed and shows the problems its screen finds; the
domain (:mod:`panel_tui.domain.setup_form`) checks the values and builds the models.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Select, Static

from panel_tui.domain.models import Role
from panel_tui.domain.setup_form import CandidateTyped, MemberTyped
from panel_tui.ui.contracts import cursor_blink
from panel_tui.ui.widgets.choices import ClearSelect

#: The roles in the words the form uses, in the order offered.
ROLE_CHOICES: tuple[tuple[str, Role], ...] = (
    ("Lived experience", "lived_experience"),
    ("Professional", "professional"),
    ("Observer (no vote)", "observer"),
)


def remove_button(tooltip: str) -> Button:
    """A row's Remove button, its word with no spaces round it (in ASCII its border
    takes those cells): the cells go to the member's name at 80 columns."""
    button = Button("Remove", classes="remove", tooltip=tooltip)
    button.styles.line_pad = 0  # the stylesheet takes no 0 for line-pad
    return button


class FormRow(Vertical):
    """A row of inputs with a line under it for the problems found in it."""

    #: What one row holds, as a listener hears it ("member 2").
    KIND: ClassVar[str] = "row"

    class RemoveRequested(Message):
        """The person pressed the row's Remove button."""

        def __init__(self, row: FormRow) -> None:
            super().__init__()
            self.row = row

    def on_mount(self) -> None:
        # The App can turn blinking off (tests, and people who find it distracting).
        for field in self.query(Input):
            field.cursor_blink = cursor_blink(self.app)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """A box left shows the start of what it holds, not the end the cursor was at.

        Found by a tester: "Dan Reilly-Featherstonehaugh" read "rstonehaugh".
        """
        if isinstance(event.widget, Input):
            event.widget.cursor_position = 0

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark the fields named in ``problems`` and say what is wrong, in words.

        Args:
            problems: a message per field id (``"name"``, ``"seat"``...);
                empty to clear the row.
        """
        for field in self.query(".field"):
            field.set_class(field.id in problems, "-invalid")
        line = self.query_one(".row-problem", Static)
        line.update(Content("\n".join(problems.values())))
        line.display = bool(problems)

    def row_words(self) -> str:
        """Whose row this is, read aloud: "member 2", counted among rows of its kind."""
        rows = self.parent.children if self.parent is not None else [self]
        return f"{self.KIND} {[r for r in rows if type(r) is type(self)].index(self) + 1}"

    def first_field(self) -> Input:
        """The field a new row is typed into first."""
        return self.query(Input).first()

    @on(Button.Pressed, ".remove")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RemoveRequested(self))


class MemberRow(FormRow):
    """A panel member: name, pronouns (optional), role and seat."""

    KIND = "member"

    def __init__(self, seat: int | None = None, given: MemberTyped | None = None) -> None:
        """A row, empty but for the seat, or filled with ``given`` (a panel from a file)."""
        super().__init__(classes="form-row member-row")
        self._seat = seat
        self._given = given

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row-fields"):
            given = self._given
            yield Input(
                given.name if given else "",
                placeholder="Name",
                id="name",
                classes="field name",
                max_length=200,
            )
            yield Input(
                given.pronouns if given else "",
                placeholder="Pronouns",
                id="pronouns",
                classes="field pronouns",
                max_length=200,
            )
            yield ClearSelect(
                [(label, value) for label, value in ROLE_CHOICES],
                prompt="Choose a role",
                spoken_name="Role",
                id="role",
                classes="field role",
                value=given.role if given and given.role else Select.NULL,
            )
            yield Input(
                given.seat if given else "" if self._seat is None else str(self._seat),
                placeholder="Seat",
                id="seat",
                classes="field seat",
                restrict=r"[1-9]?",
                max_length=1,
            )
            yield remove_button("Take this member off the panel")
        yield Static(classes="row-problem", markup=False)

    def typed(self) -> MemberTyped:
        """The values as typed."""
        role = self.query_one("#role", Select).value
        return MemberTyped(
            name=self.query_one("#name", Input).value,
            pronouns=self.query_one("#pronouns", Input).value,
            role=role if isinstance(role, str) else None,  # type: ignore[arg-type]
            seat=self.query_one("#seat", Input).value,
        )


class CandidateRow(FormRow):
    """A candidate: a code (needed) and a name (optional)."""

    KIND = "candidate"

    def __init__(self, code: str = "") -> None:
        super().__init__(classes="form-row candidate-row")
        self._code = code

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row-fields"):
            yield Input(
                self._code, placeholder="Code", id="code", classes="field code", max_length=200
            )
            yield Input(
                placeholder="Name (optional)", id="name", classes="field name", max_length=200
            )
            yield remove_button("Take this candidate off the list")
        yield Static(classes="row-problem", markup=False)

    def typed(self) -> CandidateTyped:
        """The values as typed."""
        return CandidateTyped(
            code=self.query_one("#code", Input).value,
            name=self.query_one("#name", Input).value,
        )
