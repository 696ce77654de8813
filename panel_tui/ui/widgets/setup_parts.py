"""The parts of the new-session form, top to bottom, as the form's screen composes them.

Each part yields the widgets of one section of ``SetupSessionScreen`` with the
ids the screen and its ``setup_session.tcss`` use; they hold no rule (the
rules are in :mod:`panel_tui.domain.setup_form`) and keep no state. They run
inside the screen's ``compose``, so their radio buttons and checkbox bind to
the screen's ``DisplayMode.ascii_only``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from panel_tui.domain.banks import BankEntry
from panel_tui.domain.models import Member, Settings
from panel_tui.domain.setup_form import RULES, MemberTyped
from panel_tui.domain.words import counted
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.widgets.choices import ClearCheckbox, ClearRadioButton, ClearSelect, EndStopList
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow

PRACTICE_ABOUT = (
    "Practice: a rehearsal for trainees with mock candidates who give the "
    "bank's sample answers. Nothing from practice goes to HR. Once the "
    "votes are shown, Ctrl+G runs an answer again as a new round; the "
    "summary (Ctrl+S) compares each trainee with the reference, and T "
    "there writes a printable sheet for each trainee."
)


#: A new session's settings until the chair changes them: the domain's own.
DEFAULTS = Settings()


def _problem(box: str) -> Static:
    """The line under a box where its problem is said (hidden until there is one)."""
    return Static(id=f"{box}-problem", classes="problem", markup=False)


def heading_part(*, practice: bool) -> ComposeResult:
    """The form's heading, and in practice what a practice round is."""
    yield Static(
        "New practice round" if practice else "New session",
        id="setup-heading",
        classes="heading",
    )
    if practice:
        yield Static(PRACTICE_ABOUT, id="practice-about", classes="about")


def _bank_label(entry: BankEntry) -> Text:
    """A bank in the list: its title as written (never markup), and its size.

    Rich ``Text``, not ``Content``: a drop-down list searches as it is typed in
    only the first (found by a tester: typing "sup" found no bank).
    """
    assert entry.bank is not None
    where = ", your bank" if entry.source == "yours" else ""
    return Text(f"{entry.bank.title} ({counted(len(entry.bank.questions), 'question')}{where})")


def _broken_text(broken: Sequence[BankEntry]) -> Content:
    if not broken:
        return Content("")
    lines = ["These bank files could not be used; put them right to choose them:"]
    for entry in broken:
        lines.extend(f"  {problem}" for problem in entry.problems)
    return Content("\n".join(lines))


def bank_part(
    banks: Sequence[BankEntry],
    broken: Sequence[BankEntry],
    chosen: str | None,
    *,
    practice: bool,
) -> ComposeResult:
    """The bank to choose (the one given, or the only one), and the banks that are broken."""
    yield Label(
        "Practice bank (with sample answers)" if practice else "Question bank",
        classes="section",
    )
    paths = [str(e.path) for e in banks]
    chosen = chosen if chosen in paths else None
    if chosen is None and len(paths) == 1:
        chosen = paths[0]
    yield ClearSelect(
        [(_bank_label(e), str(e.path)) for e in banks],
        prompt="Choose a question bank",
        id="bank",
        value=chosen if chosen is not None else Select.NULL,
    )
    yield Static(id="bank-about", classes="about", markup=False)
    yield _problem("bank")
    yield Static(_broken_text(broken), id="broken-banks", markup=False)


def title_part() -> ComposeResult:
    """The session's title."""
    yield Label("Title", classes="section")
    yield Input(id="title", placeholder="A name for this round", max_length=200)
    yield _problem("title")


def panel_part(panel: Sequence[Member], *, practice: bool) -> ComposeResult:
    """A row per member (those given, or one empty row on seat 1), and the balance."""
    yield Label("Trainees (the panel)" if practice else "Panel members", classes="section")
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
        MemberRow(given=MemberTyped(m.name, m.pronouns or "", m.role, str(m.seat))) for m in panel
    ] or [MemberRow(seat=1)]
    yield Vertical(*rows, id="members")
    yield _problem("members")
    with Horizontal(id="member-actions"):
        yield Button("Add a panel member", id="add-member")
        yield Static(id="panel-balance", markup=False)


def candidates_part(*, practice: bool) -> ComposeResult:
    """A row per candidate; in practice, who the bank's mock candidates are."""
    yield Label("Candidates", classes="section")
    if practice:
        yield Static(id="mock-about", classes="about", markup=False)
        return
    yield Static("Each candidate needs a code, such as C1. A name is optional.", classes="about")
    yield Vertical(CandidateRow(code="C1"), id="candidates")
    yield _problem("candidates")
    yield Button("Add a candidate", id="add-candidate")


def rules_part() -> ComposeResult:
    """The scoring rule, what it means, and the share the set-share rule uses."""
    yield Label("How votes are counted", classes="section")
    with EndStopList(id="weighting"):
        for rule, label, _ in RULES:
            chosen = rule == DEFAULTS.weighting
            yield ClearRadioButton(label, value=chosen, name=rule).data_bind(DisplayMode.ascii_only)
    yield Static(id="rule-about", classes="about", markup=False)
    with Horizontal(id="share-line"):
        yield Label("Lived-experience share (0 to 1)", id="share-label")
        yield Input(str(DEFAULTS.lived_experience_share), id="share", max_length=10)
    yield _problem("share")


def sealed_part() -> ComposeResult:
    """Whether votes stay hidden until everyone has voted."""
    # "Sealed", as the interview, the summary and HR's files say it.
    yield Label("Sealed votes", classes="section")
    yield ClearCheckbox(
        "Seal each vote until everyone has voted (recommended)",
        value=DEFAULTS.sealed,
        id="sealed",
    ).data_bind(DisplayMode.ascii_only)
    yield Static(
        "Sealed votes are hidden until everyone has voted, so each member makes up "
        "their own mind before seeing the others.",
        classes="about",
    )


def start_part(*, practice: bool) -> ComposeResult:
    """The warnings, the form's own problem, and the Start and Back buttons."""
    yield Static(id="warnings", markup=False)
    yield _problem("form")
    with Horizontal(id="setup-buttons"):
        yield Button(
            "Start the practice round" if practice else "Start the session",
            id="start",
            variant="primary",
        )
        yield Button("Back", id="cancel")
