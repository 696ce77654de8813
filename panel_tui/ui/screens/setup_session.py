"""The new-session form: bank, title, panel, candidates, scoring rule and sealing.

The screen reads its boxes as typed and asks the domain
(:mod:`panel_tui.domain.setup_form`), which holds every rule: it answers with
the session to save or with each problem, which the screen says beside its box
(:class:`~panel_tui.ui.screens.setup_problems.ProblemMarks`);
nothing is saved until all are put right. Warnings about the panel's make-up
are shown as the chair types and never block. The screen saves the new session
through the store and dismisses with its id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Select, Static

from panel_tui.domain.banks import BankEntry, banks_for
from panel_tui.domain.models import Bank, Member, Weighting
from panel_tui.domain.more_to_read import TABS
from panel_tui.domain.sessions import default_title
from panel_tui.domain.setup_form import (
    NO_BANKS,
    PANEL_FULL,
    RULES,
    FormProblems,
    FormTyped,
    check_form,
    form_warnings,
    mock_words,
    next_code,
    next_seat,
    rule_about,
)
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.words import panel_balance
from panel_tui.ui.asking import Asking, HoldsTyping, asks
from panel_tui.ui.contracts import cursor_blink, tell
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.setup_problems import ProblemMarks, say_under
from panel_tui.ui.widgets.home_rows import CandidateRow, FormRow, MemberRow
from panel_tui.ui.widgets.keys_footer import KeysFooter
from panel_tui.ui.widgets.more_to_read import MoreToRead
from panel_tui.ui.widgets.setup_parts import (
    DEFAULTS,
    bank_part,
    candidates_part,
    heading_part,
    panel_part,
    rules_part,
    sealed_part,
    start_part,
    title_part,
)


class SetupSessionScreen(HoldsTyping, DisplayMode, Screen[str | None]):
    """The form for a new session; dismisses with the saved session's id, or ``None``."""

    CSS_PATH = "setup_session.tcss"
    AUTO_FOCUS = "#bank"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Control keys, so that they work while a field is being typed in; none
        # of these is one a text field uses.
        # Escape acts as it is read (priority), so the key typed after it answers
        # "Leave this form?" rather than the form (see ui/asking.py).
        Binding(
            "escape",
            "cancel",
            "Back",
            priority=True,
            tooltip="Back to the list of sessions (asks first when something is typed).",
        ),
        Binding("ctrl+s", "start", "Start", tooltip="Start: check the form, save the session."),
        Binding("ctrl+n", "add_member", "Add member", tooltip="Add a row for a panel member."),
        Binding("ctrl+o", "add_candidate", "Add candidate", tooltip="Add a row for a candidate."),
    ]

    def __init__(
        self,
        store: Store,
        banks: Sequence[BankEntry],
        today: date,
        *,
        practice: bool = False,
        bank_path: Path | None = None,
        panel: Sequence[Member] = (),
    ) -> None:
        """Make the form.

        Args:
            store: where the new session is saved.
            banks: every bank found, valid or not; invalid ones are shown with
                their problems. A live session offers the banks without sample
                answers, a practice round those with them.
            today: the date the offered title carries.
            practice: a rehearsal for trainees: the mock candidates come from
                the practice bank, so the form asks for no candidates.
            bank_path: the bank chosen already (``panel-tui practice BANK``).
            panel: members to fill the form with (``--panel panel.csv``).
        """
        super().__init__()
        self._store = store
        self._today = today
        self._practice = practice
        self._banks = banks_for(banks, practice=practice)
        self._broken = [e for e in banks if e.bank is None]
        self._bank_path = str(bank_path) if bank_path is not None else None
        self._panel = list(panel)
        #: The title this form last offered, so a title the chair typed is kept.
        self._offered_title = ""
        self._problems = ProblemMarks(self, practice=practice)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In practice the mock candidates come from the bank: no candidate to add.

        Escape closes an open drop-down list first, as it does everywhere else.
        """
        if action == "cancel":
            return not any(select.expanded for select in self.query(Select))
        return not (self._practice and action == "add_candidate")

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        practice = self._practice
        with VerticalScroll(id="setup-body", can_focus=False):
            yield from heading_part(practice=practice)
            yield from bank_part(self._banks, self._broken, self._bank_path, practice=practice)
            yield from title_part()
            yield from panel_part(self._panel, practice=practice)
            yield from candidates_part(practice=practice)
            yield from rules_part()
            yield from sealed_part()
            yield from start_part(practice=practice)
        yield MoreToRead("#setup-body", TABS)
        yield KeysFooter()

    def on_mount(self) -> None:
        # The App can turn blinking off (tests, and people who find it distracting).
        for field in self.query(Input):
            field.cursor_blink = cursor_blink(self.app)
        self._show_bank()
        self._show_rule()
        self._show_warnings()
        self.query_one("#broken-banks").display = bool(self._broken)
        # Focusing the first field scrolls the form a little; start at the top.
        self.call_after_refresh(self.query_one("#setup-body").scroll_home, animate=False)
        self._as_opened = self._typed_so_far()

    def unsaved(self) -> bool:
        return self._typed_so_far() != self._as_opened

    def _typed_so_far(self) -> tuple[object, ...]:
        """Everything the chair can change, to tell whether leaving loses work."""
        return (
            tuple(field.value for field in self.query(Input)),
            len(self.query(MemberRow)),
            len(self.query(CandidateRow)),
        )

    # -- the chosen bank, rule and warnings, kept up to date ----------------

    def _chosen_bank(self) -> Bank | None:
        value = self.query_one("#bank", Select).value
        return next((e.bank for e in self._banks if str(e.path) == value), None)

    @on(Select.Changed, "#bank")
    def _bank_changed(self) -> None:
        self._show_bank()

    def _show_bank(self) -> None:
        bank = self._chosen_bank()
        about = self.query_one("#bank-about", Static)
        about.display = not self._banks or bank is not None
        if not self._banks:
            about.update(NO_BANKS)
            return
        if bank is None:
            about.update("")
            self._show_mocks(None)
            return
        about.display = bool(bank.description)
        about.update(Content(bank.description or ""))
        self._show_mocks(bank)
        title = self.query_one("#title", Input)
        if title.value in ("", self._offered_title):
            self._offered_title = default_title(bank, self._today, self._titles_taken())
            title.value = self._offered_title

    def _titles_taken(self) -> list[str]:
        """The sessions' titles, from the catalogue: no session is read while keys wait."""
        try:
            return [s.title for s in self._store.catalogued()[0]]
        except (OSError, StoreError):
            return []  # the offer is then not numbered; nothing else depends on it

    def _show_mocks(self, bank: Bank | None) -> None:
        """Practice: say who the mock candidates are, as the bank makes them."""
        if self._practice:
            self.query_one("#mock-about", Static).update(Content(mock_words(bank)))

    def _chosen_rule(self) -> Weighting:
        pressed = self.query_one("#weighting", RadioSet).pressed_button
        chosen = pressed.name if pressed is not None else None
        return next((rule for rule, _, _ in RULES if rule == chosen), DEFAULTS.weighting)

    @on(RadioSet.Changed, "#weighting")
    @on(Input.Changed, "#share")
    def _rule_changed(self) -> None:
        self._show_rule()
        self._show_warnings()  # what they say of the panel's balance hangs on the rule

    def _show_rule(self) -> None:
        rule = self._chosen_rule()
        # The chosen rule says so in a word, beside its dot: never by colour alone.
        for button in self.query_one("#weighting", RadioSet).query(RadioButton):
            label = next(text for r, text, _ in RULES if r == button.name)
            button.label = f"{label}  (chosen)" if button.name == rule else label
        share = self.query_one("#share", Input)
        share.disabled = rule != "lived_experience_share"
        self.query_one("#share-line").display = rule == "lived_experience_share"
        self.query_one("#rule-about", Static).update(rule_about(rule, share.value))

    @on(RadioSet.Changed, "#weighting")
    def _tell_rule(self) -> None:
        """Read aloud what the rule now chosen means, after its choice (found by a tester)."""
        tell(self.app, rule_about(self._chosen_rule(), self.query_one("#share", Input).value))

    @on(Input.Changed, ".member-row Input")
    @on(Select.Changed, ".member-row Select")
    @on(Input.Changed, ".candidate-row Input")
    def _panel_changed(self) -> None:
        self._show_warnings()

    def _show_warnings(self) -> None:
        form = self._typed()
        balance = self.query_one("#panel-balance", Static)
        was, now = str(balance.content), panel_balance(m.role for m in form.members)
        balance.update(now)
        if was and now != was:
            # Said as it changes, as news: a blind chair heard no word of the balance a
            # role changed (found by a blind panel member).
            tell(self.app, now)
        found = form_warnings(form)
        box = self.query_one("#warnings", Static)
        box.display = bool(found)
        if found:
            said = ["Worth knowing (these never stop you starting):", *(f"- {w}" for w in found)]
            box.update(Content("\n".join(said)))

    def _typed(self) -> FormTyped:
        """Everything in the form, as typed."""
        return FormTyped(
            bank=self._chosen_bank(),
            title=self.query_one("#title", Input).value,
            members=[row.typed() for row in self.query(MemberRow)],
            candidates=[row.typed() for row in self.query(CandidateRow)],
            weighting=self._chosen_rule(),
            share=self.query_one("#share", Input).value,
            sealed=self.query_one("#sealed", Checkbox).value,
            practice=self._practice,
        )

    # -- rows -----------------------------------------------------------------

    @on(Button.Pressed, "#add-member")
    async def action_add_member(self) -> None:
        """Add an empty member row with the next free seat, and go to it."""
        seat = next_seat([row.typed().seat for row in self.query(MemberRow)])
        if seat is None:
            # Said under the rows, where the new one would have gone, and brought
            # into view as a new row would be (the cursor stays): found by a tester,
            # Ctrl+N in the ninth row wrote it just below the screen, unseen.
            say_under(self, "#members-problem", PANEL_FULL)
            refusal = self.query_one("#members-problem")
            self.call_after_refresh(refusal.scroll_visible, animate=False)
            return
        await self._add_row(self.query_one("#members"), MemberRow(seat=seat))

    @on(Button.Pressed, "#add-candidate")
    async def action_add_candidate(self) -> None:
        """Add a candidate row with the next free code, and go to it."""
        if self._practice:
            self.notify("In practice the mock candidates come from the practice bank.")
            return
        code = next_code(row.typed().code for row in self.query(CandidateRow))
        await self._add_row(self.query_one("#candidates"), CandidateRow(code=code))

    async def _add_row(self, container: Widget, row: FormRow) -> None:
        await container.mount(row)
        row.first_field().focus(scroll_visible=False)
        # The row has no size until the next refresh, so scroll to it then.
        self.call_after_refresh(row.scroll_visible, animate=False)
        self._show_warnings()

    @on(FormRow.RemoveRequested)
    async def _remove_row(self, event: FormRow.RemoveRequested) -> None:
        container = event.row.parent
        await event.row.remove()
        button = "#add-member" if isinstance(event.row, MemberRow) else "#add-candidate"
        self.query_one(button).focus()
        if isinstance(event.row, MemberRow):
            # A seat is free again: "at most 9 seats" no longer answers anything (found
            # by a tester); a problem Start found is said again by the recheck.
            say_under(self, "#members-problem", None)
            self._recheck()
        if container is not None:
            self._show_warnings()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        # Enter moves on, as in a paper form; only the Start button starts.
        event.stop()
        self.focus_next()

    # -- starting ----------------------------------------------------------------

    @asks
    def action_cancel(self) -> Asking:
        """Leave the form; nothing is saved, so ask first when something was typed."""
        if not self.unsaved() or (
            yield ConfirmDialog(
                "Leave this form? Nothing has been saved, so what you typed here will be lost.",
                yes="Leave",
                no="Stay",
                safe_first=True,
            )
        ):
            self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Ask the domain to check every box; when all are right, save the session and leave."""
        made = check_form(self._typed())
        if isinstance(made, FormProblems):
            self._problems.show(made)
            return
        try:
            self._store.save(made)
        except StoreError as error:
            say_under(self, "#form-problem", str(error))
            return
        self.dismiss(made.id)

    @on(Input.Changed)
    @on(Select.Changed)
    def _recheck(self) -> None:
        """Once Start has said what is wrong, each problem goes as it is put right
        (found by a tester: "The name is empty" stayed under a name typed in)."""
        if self._problems.shown:
            self._problems.recheck(self._typed())
