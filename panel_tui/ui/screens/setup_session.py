"""The new-session form: bank, title, panel, candidates, scoring rule and sealing.

Everything typed is checked with the domain (``text.unsafe_character`` and the
pydantic models); each problem is said in plain words beside its field and
nothing is saved until all are put right. Warnings about the panel's make-up
(``sessions.setup_warnings``) are shown as the chair types and never block.
The screen saves the new session through the store and dismisses with its id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from pydantic import TypeAdapter, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from panel_tui.domain.banks import BankEntry
from panel_tui.domain.models import MAX_SEATS, Bank, Candidate, Member, Settings, Weighting
from panel_tui.domain.sessions import (
    default_title,
    mock_candidates,
    new_session,
    practice_session,
    setup_warnings,
)
from panel_tui.domain.store import Store, StoreError
from panel_tui.domain.text import Line, unsafe_character, without_invisible
from panel_tui.domain.wording import first_problem
from panel_tui.domain.words import panel_balance
from panel_tui.ui.app_settings import cursor_blink
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.widgets.choices import ClearCheckbox, ClearRadioButton
from panel_tui.ui.widgets.home_rows import CandidateRow, FormRow, MemberRow, MemberTyped

#: The scoring rules in the form's words: (rule, button label, explanation).
RULES: tuple[tuple[Weighting, str, str], ...] = (
    (
        "per_person",
        "Every member the same",
        "Each voting member's thumbs count the same, whatever their role.",
    ),
    (
        "equal_groups",
        "Equal halves for the two groups",
        (
            "Lived-experience members together have half the say and professionals the "
            "other half, however many are in each group."
        ),
    ),
    (
        "lived_experience_share",
        "A set share for lived experience",
        (
            "Lived-experience members together have the share you type below, and "
            "professionals the rest. Agree the share before the interviews."
        ),
    ),
)

_LINE: TypeAdapter[str] = TypeAdapter(Line)


def line_problem(value: str, what: str, *, required: bool) -> str | None:
    """Why a typed line cannot be used, in plain words, or ``None``.

    Args:
        value: the text as typed.
        what: how the message names the field, such as ``"The name"``.
        required: whether an empty field is a problem.
    """
    unsafe = unsafe_character(value, multiline=False)
    if unsafe:
        return (
            f"{what} holds {unsafe}, which can hide or change text on screen. "
            "It often comes from copying and pasting: delete it and type the text again."
        )
    if not value.strip():
        return f"{what} is empty: type it in." if required else None
    try:
        _LINE.validate_python(value)
    except ValidationError as error:
        return f"{what} {plain_pydantic(error)}"
    return None


def plain_pydantic(error: ValidationError) -> str:
    """The first problem of a pydantic error, as the end of a plain sentence."""
    return f"{first_problem(error)}."


def parse_share(typed: str) -> float | str:
    """The lived-experience share typed as ``0.3`` or ``30%``, or a message."""
    raw = typed.strip()
    percent = raw.endswith("%")
    try:
        number = float(raw.removesuffix("%").strip())
    except ValueError:
        return "Type the share as a number between 0 and 1, such as 0.3 (or as 30%)."
    return number / 100 if percent else number


class SetupSessionScreen(DisplayMode, Screen[str | None]):
    """The form for a new session; dismisses with the saved session's id, or ``None``."""

    CSS_PATH = "setup_session.tcss"
    AUTO_FOCUS = "#bank"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Control keys, so that they work while a field is being typed in; none
        # of these is one a text field uses.
        Binding("escape", "cancel", "Back"),
        Binding("ctrl+s", "start", "Start"),
        Binding("ctrl+n", "add_member", "Add member"),
        Binding("ctrl+o", "add_candidate", "Add candidate"),
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
        self._banks = [e for e in banks if e.bank is not None and e.bank.is_practice == practice]
        self._broken = [e for e in banks if e.bank is None]
        self._bank_path = str(bank_path) if bank_path is not None else None
        self._panel = list(panel)
        #: The title this form last offered, so a title the chair typed is kept.
        self._offered_title = ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In practice the mock candidates come from the bank: no candidate to add."""
        return not (self._practice and action == "add_candidate")

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="setup-body"):
            yield Static(
                "New practice round" if self._practice else "New session",
                id="setup-heading",
                classes="heading",
            )
            if self._practice:
                yield Static(
                    "Practice: a rehearsal for trainees with mock candidates who give the "
                    "bank's sample answers. Nothing from practice goes to HR. Once the "
                    "votes are shown, Ctrl+G runs an answer again as a new round; the "
                    "summary (Ctrl+S) compares each trainee with the reference, and T "
                    "there writes a printable sheet for each trainee.",
                    id="practice-about",
                    classes="about",
                )
            yield Label(
                "Practice bank (with sample answers)" if self._practice else "Question bank",
                classes="section",
            )
            paths = [str(e.path) for e in self._banks]
            chosen = self._bank_path if self._bank_path in paths else None
            if chosen is None and len(paths) == 1:
                chosen = paths[0]
            yield Select(
                [(self._bank_label(e), str(e.path)) for e in self._banks],
                prompt="Choose a question bank",
                id="bank",
                value=chosen if chosen is not None else Select.NULL,
            )
            yield Static(id="bank-about", classes="about", markup=False)
            yield Static(id="bank-problem", classes="problem", markup=False)
            yield Static(self._broken_text(), id="broken-banks", markup=False)

            yield Label("Title", classes="section")
            yield Input(id="title", placeholder="A name for this round", max_length=200)
            yield Static(id="title-problem", classes="problem", markup=False)

            yield Label(
                "Trainees (the panel)" if self._practice else "Panel members", classes="section"
            )
            yield Static(
                "Seats are numbered 1 to 9, each member their own. Observers take "
                "notes and do not vote. Pronouns are optional.",
                classes="about",
            )
            with Horizontal(classes="row-header member-header"):
                yield Label("Name", classes="name")
                yield Label("Pronouns", classes="pronouns")
                yield Label("Role", classes="role")
                yield Label("Seat", classes="seat")
                yield Label("", classes="remove")
            rows = [
                MemberRow(given=MemberTyped(m.name, m.pronouns or "", m.role, str(m.seat)))
                for m in self._panel
            ] or [MemberRow(seat=1)]
            yield Vertical(*rows, id="members")
            yield Static(id="members-problem", classes="problem", markup=False)
            with Horizontal(id="member-actions"):
                yield Button("Add a panel member", id="add-member")
                yield Static(id="panel-balance", markup=False)

            yield Label("Candidates", classes="section")
            if self._practice:
                yield Static(id="mock-about", classes="about", markup=False)
            else:
                yield Static(
                    "Each candidate needs a code, such as C1. A name is optional.",
                    classes="about",
                )
                yield Vertical(CandidateRow(code="C1"), id="candidates")
                yield Static(id="candidates-problem", classes="problem", markup=False)
                yield Button("Add a candidate", id="add-candidate")

            yield Label("How votes are counted", classes="section")
            with RadioSet(id="weighting"):
                for rule, label, _ in RULES:
                    yield ClearRadioButton(label, value=rule == "per_person", name=rule).data_bind(
                        DisplayMode.ascii_only
                    )
            yield Static(id="rule-about", classes="about", markup=False)
            with Horizontal(id="share-line"):
                yield Label("Lived-experience share (0 to 1)", id="share-label")
                yield Input("0.5", id="share", max_length=10)
            yield Static(id="share-problem", classes="problem", markup=False)

            yield Label("Hidden votes", classes="section")
            yield ClearCheckbox(
                "Keep each vote hidden until everyone has voted (recommended)",
                value=True,
                id="sealed",
            ).data_bind(DisplayMode.ascii_only)
            yield Static(
                "Hidden votes help everyone make up their own mind before seeing the others.",
                classes="about",
            )

            yield Static(id="warnings", markup=False)
            yield Static(id="form-problem", classes="problem", markup=False)
            with Horizontal(id="setup-buttons"):
                yield Button(
                    "Start the practice round" if self._practice else "Start the session",
                    id="start",
                    variant="primary",
                )
                yield Button("Back", id="cancel")
        yield Footer()

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

    def _typed_so_far(self) -> tuple[object, ...]:
        """Everything the chair can change, to tell whether leaving loses work."""
        return (
            tuple(field.value for field in self.query(Input)),
            len(self.query(MemberRow)),
            len(self.query(CandidateRow)),
        )

    @staticmethod
    def _bank_label(entry: BankEntry) -> Content:
        assert entry.bank is not None
        count = len(entry.bank.questions)
        where = ", your bank" if entry.source == "yours" else ""
        return Content.assemble(entry.bank.title, f" ({count} questions{where})")

    def _broken_text(self) -> Content:
        if not self._broken:
            return Content("")
        lines = ["These bank files could not be used; put them right to choose them:"]
        for entry in self._broken:
            lines.extend(f"  {problem}" for problem in entry.problems)
        return Content("\n".join(lines))

    # -- the chosen bank, rule and warnings, kept up to date ----------------

    def _chosen_bank(self) -> Bank | None:
        value = self.query_one("#bank", Select).value
        for entry in self._banks:
            if str(entry.path) == value:
                return entry.bank
        return None

    @on(Select.Changed, "#bank")
    def _bank_changed(self) -> None:
        self._show_bank()

    def _show_bank(self) -> None:
        bank = self._chosen_bank()
        about = self.query_one("#bank-about", Static)
        about.display = not self._banks or bank is not None
        if not self._banks:
            about.update(
                "No question banks were found. Put a bank file (.toml) in the "
                "question_banks folder, then come back here."
            )
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
            self._offered_title = default_title(bank, self._today)
            title.value = self._offered_title

    def _show_mocks(self, bank: Bank | None) -> None:
        """Practice: say who the mock candidates are, as the bank makes them."""
        if not self._practice:
            return
        text = "Choose the practice bank: its mock candidates give the sample answers."
        if bank is not None:
            codes = [c.code for c in mock_candidates(bank)]
            text = (
                f"{len(codes)} mock candidates ({', '.join(codes)}) give the bank's sample "
                "answers; each answer's reference rating shows once the votes are shown."
            )
        self.query_one("#mock-about", Static).update(Content(text))

    def _chosen_rule(self) -> Weighting:
        pressed = self.query_one("#weighting", RadioSet).pressed_button
        for rule, _, _ in RULES:
            if pressed is not None and pressed.name == rule:
                return rule
        return "per_person"

    @on(RadioSet.Changed, "#weighting")
    def _rule_changed(self) -> None:
        self._show_rule()

    @on(Input.Changed, "#share")
    def _share_changed(self) -> None:
        self._show_rule()

    def _show_rule(self) -> None:
        rule = self._chosen_rule()
        # The chosen rule says so in a word, beside its dot: never by colour alone.
        for button in self.query_one("#weighting", RadioSet).query(RadioButton):
            label = next(text for r, text, _ in RULES if r == button.name)
            button.label = f"{label}  (chosen)" if button.name == rule else label
        about = next(text for r, _, text in RULES if r == rule)
        share_input = self.query_one("#share", Input)
        share_input.disabled = rule != "lived_experience_share"
        self.query_one("#share-line").display = rule == "lived_experience_share"
        if rule == "lived_experience_share":
            share = parse_share(share_input.value)
            if isinstance(share, float) and 0 <= share <= 1:
                lived = round(share * 100, 1)
                about += (
                    f" Now: lived experience {lived:g}%, professionals {round(100 - lived, 1):g}%."
                )
        self.query_one("#rule-about", Static).update(about)

    @on(Input.Changed, ".member-row Input")
    @on(Select.Changed, ".member-row Select")
    @on(Input.Changed, ".candidate-row Input")
    def _panel_changed(self) -> None:
        self._show_warnings()

    def _show_warnings(self) -> None:
        # Warnings look only at roles and numbers, so rows not yet valid are
        # counted as they stand (built without checks, never saved).
        typed = [r.typed() for r in self.query(MemberRow)]
        self.query_one("#panel-balance", Static).update(panel_balance(t.role for t in typed))
        members = [
            Member.model_construct(id=f"m{n}", name=t.name, role=t.role, seat=n)
            for n, t in enumerate(typed, start=1)
            if t.role is not None
        ]
        bank = self._chosen_bank()
        candidates = (
            (mock_candidates(bank) if bank is not None else [])
            if self._practice
            else [
                Candidate.model_construct(id=f"c{n}", code=f"C{n}")
                for n, _ in enumerate(self.query(CandidateRow), start=1)
            ]
        )
        found = setup_warnings(members, candidates)
        box = self.query_one("#warnings", Static)
        box.display = bool(found)
        if found:
            box.update(
                Content(
                    "Worth knowing (these never stop you starting):\n"
                    + "\n".join(f"- {w}" for w in found)
                )
            )

    # -- rows -----------------------------------------------------------------

    @on(Button.Pressed, "#add-member")
    async def action_add_member(self) -> None:
        """Add an empty member row with the next free seat, and go to it."""
        rows = list(self.query(MemberRow))
        if len(rows) >= MAX_SEATS:
            self._say("#members-problem", f"A panel has at most {MAX_SEATS} seats.")
            return
        taken = {r.typed().seat for r in rows}
        seat = next(n for n in range(1, MAX_SEATS + 1) if str(n) not in taken)
        await self._add_row(self.query_one("#members"), MemberRow(seat=seat))

    @on(Button.Pressed, "#add-candidate")
    async def action_add_candidate(self) -> None:
        """Add a candidate row with the next free code, and go to it."""
        if self._practice:
            self.notify("In practice the mock candidates come from the practice bank.")
            return
        taken = {r.typed().code.strip().casefold() for r in self.query(CandidateRow)}
        number = next(n for n in range(1, 1000) if f"c{n}" not in taken)
        await self._add_row(self.query_one("#candidates"), CandidateRow(code=f"C{number}"))

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
        if container is not None:
            self._show_warnings()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        # Enter moves on, as in a paper form; only the Start button starts.
        event.stop()
        self.focus_next()

    # -- starting ----------------------------------------------------------------

    def action_cancel(self) -> None:
        """Leave the form; nothing is saved, so ask first when something was typed."""
        if self._typed_so_far() == self._as_opened:
            self.dismiss(None)
            return

        def leave(sure: bool | None) -> None:
            if sure:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Leave this form? Nothing has been saved, so what you typed here will be lost.",
                yes="Leave",
                no="Stay",
            ),
            leave,
        )

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Check every field; when all are right, save the session and leave."""
        problems: list[Widget] = []
        bank = self._chosen_bank()
        self._say("#bank-problem", None if bank else "Choose the question bank to use.")
        self.query_one("#bank").set_class(bank is None, "-invalid")
        if bank is None:
            problems.append(self.query_one("#bank"))

        title = self.query_one("#title", Input)
        title_problem = line_problem(title.value, "The title", required=True)
        self._say("#title-problem", title_problem)
        title.set_class(title_problem is not None, "-invalid")
        if title_problem:
            problems.append(title)

        panel = self._check_members(problems)
        candidates = (
            (mock_candidates(bank) if bank else None)
            if self._practice
            else self._check_candidates(problems)
        )
        settings = self._check_settings(problems)

        if problems or bank is None or panel is None or candidates is None or settings is None:
            self._say(
                "#form-problem",
                "Nothing was saved yet: put right the problems marked above, then "
                "press Start again.",
            )
            # At 80x24 the messages may sit below the fold: say it where it shows.
            self.notify(
                "Not started yet: some answers need putting right (marked in the form).",
                severity="error",
            )
            if problems:
                problems[0].focus()
                self.call_after_refresh(problems[0].scroll_visible)
            return
        try:
            if self._practice:
                session = practice_session(bank, panel, title=title.value, settings=settings)
            else:
                session = new_session(bank, title.value, panel, candidates, settings)
            self._store.save(session)
        except ValidationError as error:
            self._say("#form-problem", f"The session could not be made: it {plain_pydantic(error)}")
            return
        except StoreError as error:
            self._say("#form-problem", str(error))
            return
        self.dismiss(session.id)

    def _check_members(self, problems: list[Widget]) -> list[Member] | None:
        rows = list(self.query(MemberRow))
        self._say("#members-problem", None if rows else "Add at least one panel member.")
        if not rows:
            problems.append(self.query_one("#add-member"))
            return None
        seats: dict[str, int] = {}
        panel: list[Member] = []
        for number, row in enumerate(rows, start=1):
            typed = row.typed()
            found: dict[str, str] = {}
            for field, what, value, required in (
                ("name", "The name", typed.name, True),
                ("pronouns", "The pronouns", typed.pronouns, False),
            ):
                problem = line_problem(value, what, required=required)
                if problem:
                    found[field] = problem
            if typed.role is None:
                found["role"] = "Choose a role: lived experience, professional or observer."
            if not typed.seat:
                found["seat"] = "Give a seat number from 1 to 9."
            elif typed.seat in seats:
                found["seat"] = (
                    f"Seat {typed.seat} is already taken by member {seats[typed.seat]} "
                    "in this list; each member needs their own seat."
                )
            else:
                seats[typed.seat] = number
            row.show_problems({k: f"Member {number}: {v}" for k, v in found.items()})
            if found:
                problems.append(row.query_one(f"#{next(iter(found))}"))
                continue
            try:
                panel.append(
                    Member(
                        id=f"m{number}",
                        name=typed.name,
                        pronouns=typed.pronouns.strip() or None,
                        role=typed.role,  # type: ignore[arg-type]
                        seat=int(typed.seat),
                    )
                )
            except ValidationError as error:
                row.show_problems({"name": f"Member {number}: it {plain_pydantic(error)}"})
                problems.append(row.first_field())
        return panel if len(panel) == len(rows) else None

    def _check_candidates(self, problems: list[Widget]) -> list[Candidate] | None:
        rows = list(self.query(CandidateRow))
        self._say("#candidates-problem", None if rows else "Add at least one candidate.")
        if not rows:
            problems.append(self.query_one("#add-candidate"))
            return None
        codes: dict[str, int] = {}
        candidates: list[Candidate] = []
        for number, row in enumerate(rows, start=1):
            typed = row.typed()
            found: dict[str, str] = {}
            code_problem = line_problem(typed.code, "The code", required=True)
            key = without_invisible(typed.code).strip().casefold()
            if code_problem:
                found["code"] = code_problem
            elif key in codes:
                found["code"] = (
                    f"The code {typed.code.strip()} is already used by candidate "
                    f"{codes[key]}; each candidate needs their own code."
                )
            else:
                codes[key] = number
            name_problem = line_problem(typed.name, "The name", required=False)
            if name_problem:
                found["name"] = name_problem
            row.show_problems({k: f"Candidate {number}: {v}" for k, v in found.items()})
            if found:
                problems.append(row.query_one(f"#{next(iter(found))}"))
                continue
            try:
                candidates.append(
                    Candidate(id=f"c{number}", code=typed.code, name=typed.name.strip() or None)
                )
            except ValidationError as error:
                row.show_problems({"code": f"Candidate {number}: it {plain_pydantic(error)}"})
                problems.append(row.first_field())
        return candidates if len(candidates) == len(rows) else None

    def _check_settings(self, problems: list[Widget]) -> Settings | None:
        rule = self._chosen_rule()
        sealed = self.query_one("#sealed", Checkbox).value
        share_input = self.query_one("#share", Input)
        values: dict[str, Any] = {"sealed": sealed, "weighting": rule}
        message: str | None = None
        if rule == "lived_experience_share":
            share = parse_share(share_input.value)
            if isinstance(share, str):
                message = share
            else:
                values["lived_experience_share"] = share
        settings: Settings | None = None
        if message is None:
            try:
                settings = Settings(**values)
            except ValidationError as error:
                message = f"The share {plain_pydantic(error)}"
        self._say("#share-problem", message)
        share_input.set_class(message is not None, "-invalid")
        if message:
            problems.append(share_input)
        return settings

    def _say(self, selector: str, message: str | None) -> None:
        """Show (or clear) a plain message under a field."""
        line = self.query_one(selector, Static)
        line.update(Content(message or ""))
        line.display = message is not None
