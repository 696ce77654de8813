"""The vote grid: one row per voting member, with a button per vote value.

The grid never decides anything. A click posts :class:`VoteGrid.VoteCast` up to
the screen, which records the vote and then sets each row's :class:`SeatState`
back down. While the votes are sealed a row says only whether its member has
voted; the chosen button is highlighted only once the votes are shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Label

from panel_tui.domain.interview_lines import SeatState
from panel_tui.domain.models import VOTE_VALUES, Member, VoteValue
from panel_tui.ui.glyphs import ROLE_SHORT, glyphs
from panel_tui.ui.keys import key_label
from panel_tui.ui.widgets.fitting import CutLines


class VoteButton(Button):
    """A clickable vote key; never focused, so Enter and Space never vote by accident."""

    can_focus = False

    def __init__(self, member_id: str, seat: int, value: VoteValue) -> None:
        super().__init__(key_label(seat, value), compact=True, classes=f"vote-key -{value}")
        self.member_id = member_id
        self.value: VoteValue = value
        self.tooltip = f"Seat {seat}: {value}"

    def update_node_styles(self, animate: bool = True) -> None:
        """Style the button once it is on the screen, not while it is being made.

        Textual's button sets two classes as it is made (flat or not, compact), and
        each styled it at once: two stylings per button thrown away, as it is styled
        afresh when mounted (32 stylings of the demo interview's start).
        """
        if self.is_attached:
            super().update_node_styles(animate)


class VoteRow(Horizontal):
    """One voting member: seat, name and pronouns, role, vote state, vote keys."""

    state: reactive[SeatState] = reactive(SeatState, init=False)
    """What the row shows about the member's vote."""

    ascii_only: reactive[bool] = reactive(False, init=False)
    """Plain ASCII symbols instead of Unicode ones (bound to the grid's)."""

    def __init__(self, member: Member, others: Sequence[str] = ()) -> None:
        """``others``: the other members' names, which a cut name must still read apart from."""
        super().__init__(id=f"seat-{member.seat}", classes="vote-row")
        self.member = member
        self.others = others

    def compose(self) -> ComposeResult:
        member = self.member
        # The name on a line and the pronouns on the next, each cut with a mark
        # when too long (widgets/fitting.py), so that a row is at most two lines and every
        # member shows at 80x24 (the help screen gives them whole). With many members
        # a row is one line, without the pronouns, and the screen says so under the rows.
        # Pronouns in bold italic, below the bold name, as they have always shown.
        pronouns = [(member.pronouns, "bold italic")] if member.pronouns else []
        name = [(member.name, "bold"), *pronouns]
        yield Label(str(member.seat), classes="seat")
        yield CutLines(name, apart_from=self.others, classes="member").data_bind(VoteRow.ascii_only)
        yield Label(ROLE_SHORT[member.role], classes="role", markup=False)
        yield Label(self._state_text(), classes="state", markup=False)
        for value in VOTE_VALUES:
            yield VoteButton(member.id, member.seat, value)

    def _state_text(self) -> Text:
        state = self.state
        marks = glyphs(self.ascii_only)
        if state.revealed and state.voted:
            text = Text(marks.vote(state.shown))
            if state.changed:
                text.append(f"\n{marks.changed}", style="italic")
            return text
        if state.revealed:
            return Text("No vote")
        return Text(marks.voted if state.voted else marks.waiting)

    def _show(self) -> None:
        if not self.is_mounted:
            return
        state = self.state
        shown = self.query_one(".state", Label)
        shown.update(self._state_text())
        # On the state cell, the one widget they style.
        shown.set_class(state.voted, "-voted")
        shown.set_class(state.changed, "-changed")
        for button in self.query(VoteButton):
            # Highlighting the pressed button while sealed would show the vote.
            button.set_class(state.revealed and button.value == state.shown, "-chosen")

    def watch_state(self) -> None:
        self._show()

    def watch_ascii_only(self) -> None:
        self._show()


class VoteGrid(Vertical):
    """The voting members in seat order, with a header naming each vote column."""

    class VoteCast(Message):
        """A vote button was clicked."""

        def __init__(self, member_id: str, value: VoteValue) -> None:
            super().__init__()
            self.member_id = member_id
            self.value: VoteValue = value

    ascii_only: reactive[bool] = reactive(False, init=False)
    """Plain ASCII symbols instead of Unicode ones (bound to the screen's)."""

    def __init__(self, members: list[Member], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.members = members

    def compose(self) -> ComposeResult:
        with Horizontal(classes="vote-header"):
            yield Label("Seat", classes="seat")
            yield Label("Member", classes="member")
            yield Label("Role", classes="role")
            yield Label("Vote", classes="state")
            for value in VOTE_VALUES:
                yield Label(glyphs(self.ascii_only).vote(value), classes=f"vote-key -{value}")
        names = [member.name for member in self.members]
        for member in self.members:
            yield VoteRow(member, names).data_bind(VoteGrid.ascii_only)

    def show(self, states: dict[str, SeatState]) -> None:
        """Set each row's state, by member id."""
        for row in self.query(VoteRow):
            row.state = states.get(row.member.id, SeatState())

    def watch_ascii_only(self, ascii_only: bool) -> None:
        if not self.is_mounted:
            return
        marks = glyphs(ascii_only)
        header = self.query_one(".vote-header")
        for label, value in zip(header.query(".vote-key").results(Label), VOTE_VALUES, strict=True):
            label.update(marks.vote(value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, VoteButton):
            event.stop()
            self.post_message(self.VoteCast(event.button.member_id, event.button.value))
