"""The help screen: every key, built from the bindings so it never goes stale."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from panel_tui.domain.display import DISPLAY_ENV, SETTING_WORDS
from panel_tui.domain.interview_lines import lists_vote_keys
from panel_tui.domain.models import VOTE_VALUES, Member, Session
from panel_tui.domain.words import VOTE_WORDS
from panel_tui.ui.display_mode import DisplayMode
from panel_tui.ui.glyphs import glyphs
from panel_tui.ui.hyphens import HyphenWrapped
from panel_tui.ui.keys import (
    READ_ALOUD_KEY,
    SEATS,
    VOTES,
    key_label,
    key_words,
    spoken_key_words,
    spoken_vote_key,
)


def _listed(bindings: list[BindingType]) -> list[Binding]:
    """The bindings a help section lists: not the app's (listed under "Everywhere"), not votes."""
    return [
        b
        for b in bindings
        if isinstance(b, Binding) and not b.action.startswith("app.") and b.group is not VOTES
    ]


def _bindings_table(title: str, bindings: list[BindingType], *, ascii_only: bool) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.ASCII if ascii_only else box.SIMPLE_HEAD,
        show_header=False,
    )
    table.add_column("Keys", style="bold", no_wrap=True)
    table.add_column("What it does")
    for binding in _listed(bindings):
        table.add_row(
            key_words(binding.key, ascii_only=ascii_only), binding.tooltip or binding.description
        )
    return table


def _spoken_keys(title: str, bindings: list[BindingType]) -> list[str]:
    """A help section read aloud: its title, then each key and what it does."""
    lines = [f"{title}."]
    for binding in _listed(bindings):
        said = (binding.tooltip or binding.description).rstrip(".")
        lines.append(f"{spoken_key_words(binding.key)}: {said}.")
    return lines


#: An observer's seat read aloud: its keys record no vote, so none is listed (found by
#: a tester: the seat's keys were, and pressing them was refused).
OBSERVES = "observer, no vote keys"
#: The same on screen, after the name, where the table says "Vote keys" above it: short,
#: so that the row stays one line at 80x24 (a longer name wraps at its spaces). Not "no
#: keys", which a review read as "has no keyboard".
OBSERVES_SHOWN = ", observer: no vote"


def _member_cell(member: Member | None) -> Text:
    """A seat's member, their pronouns after the name in italic (on the next line if need
    be); an observer said to be one."""
    if member is None:
        return Text("(no one)", style="italic")
    cell = Text(member.name)
    if member.pronouns:
        # In brackets, as the help read aloud says them: italic alone may not show.
        cell.append(" ")
        cell.append(f"({member.pronouns})", style="italic")
    if not member.can_vote:
        # Named, not "(no one)": the observer sits there (found in review).
        cell.append(OBSERVES_SHOWN, style="italic")
    return cell


INTRO = (
    "Votes: one key per seat and value. The number row (1 2 3 ...) gives Up, "
    "the row below (Q W E ...) Middle, the next (A S D ...) Down and the bottom "
    "row (Z X C ...) Abstain (also for a "
    "member who steps out or declares a conflict). Seat 1 uses the first key of "
    "each row, seat 2 the second, and so on; each member's row on the screen "
    "shows its own keys."
)
#: Said under the vote keys, not before them: the intro kept short, the first
#: screen at 80x24 holds nine members even when one's name and pronouns take two lines.
AFTER_KEYS = (
    "Clicking a key in a member's row votes too, so the chair can record a show "
    "of thumbs. Votes stay sealed (who has voted, not how) until everyone has "
    "voted or the chair shows them."
)
#: Larger type is the terminal's own (a low-vision member asked for a setting).
BIGGER_TEXT = "For bigger text, zoom the terminal itself: Ctrl and + in Windows Terminal."


#: The keys of a box on top of the screen (Textual's own, described for the help).
DIALOG_KEYS: list[BindingType] = [
    Binding(
        "enter",
        "",
        "The answer marked (Enter) in a question such as 'Change the vote?'; save a "
        "note, decision, payment notes or export",
    ),
    Binding(
        "up,down",
        "",
        "Move in a list of choices; Enter chooses, and Enter on the choice made saves "
        "(in the payment notes it goes on to the next field; Ctrl+S saves them)",
    ),
    Binding("space", "", "Tick or untick a box such as 'Anonymise' (Enter saves)"),
    Binding(
        "escape",
        "",
        "No, or close a box without saving (with something chosen or typed, it asks first)",
    ),
    Binding("tab", "", "Move to the next field or button (also left and right in a question)"),
]


class HelpScreen(DisplayMode, ModalScreen[None]):
    """Every key of the app, with the vote keys for each seat."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so a vote key typed just after closing goes to the interview.
        Binding(
            "escape,f1,question_mark",
            "close",
            "Close help",
            tooltip="Close this help.",
            priority=True,
        ),
        # A box on top hides the app's keys; these work here too, as the help says.
        Binding(READ_ALOUD_KEY, "app.read_aloud", "Read aloud"),
        Binding("ctrl+e", "app.toggle_read_aloud", "Read each", show=False),
        Binding("ctrl+t", "app.toggle_contrast", "Contrast", show=False),
        Binding("ctrl+a", "app.toggle_ascii", "ASCII", show=False),
    ]

    def __init__(
        self,
        session: Session | None = None,
        settings_path: Path | None = None,
        opened_from: Screen[object] | None = None,
    ) -> None:
        """Make the help.

        Args:
            session: the open session, whose members' vote keys are listed.
            settings_path: where a change of setting is remembered, if anywhere.
            opened_from: the screen under the help (under any box): home and the
                new-session form list their own keys, and no vote key, which there
                is a letter doing something else (found by a tester: C is Carry on).
        """
        super().__init__()
        self.session = session
        self.settings_path = settings_path
        self.opened_from = opened_from

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(
                "Help: every key. Page Down shows more, Esc closes, Ctrl+L reads aloud.",
                id="help-title",
            )
            with VerticalScroll(id="help-body"):
                yield Static(self._content(), id="help-content", markup=False)

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def _settings_changed(self) -> None:
        self.query_one("#help-content", Static).update(self._content())

    def watch_ascii_only(self) -> None:
        self._settings_changed()

    def watch_high_contrast(self) -> None:
        self._settings_changed()

    def watch_read_aloud(self) -> None:
        self._settings_changed()

    def spoken_text(self) -> str:
        """The help read aloud, in the order it shows, every key named in words."""
        own = self._own_keys()
        sections = self._sections(own)
        if own is not None:  # home's or the form's keys, first as they show
            lines = [*_spoken_keys(*sections.pop(0)), ""]
        else:
            lines = [INTRO]
            # In seat order, as the table shows them: an observer in seat 3 was read last.
            panel = sorted(self.session.panel, key=lambda m: m.seat) if self.session else []
            if panel:
                lines += ["", "Vote keys."]
            for member in panel:
                if lists_vote_keys(member):
                    said = ", ".join(
                        f"{VOTE_WORDS[value]} {spoken_vote_key(member.seat, value)}"
                        for value in VOTE_VALUES
                    )
                else:
                    said = OBSERVES
                pronouns = f" ({member.pronouns})" if member.pronouns else ""
                lines.append(f"Seat {member.seat}, {member.name}{pronouns}: {said}.")
            lines += ["", AFTER_KEYS, ""]
        lines.append("Your settings.")
        lines += [f"{name}: {state}. {change}" for name, state, change in self._settings_rows()]
        lines.append(BIGGER_TEXT)
        for title, bindings in sections:
            lines += ["", *_spoken_keys(title, bindings)]
        return "\n".join(lines)

    def _settings_rows(self) -> list[tuple[str, str, str]]:
        now = {
            "ascii_only": self.ascii_only,
            "high_contrast": self.high_contrast,
            "read_aloud": self.read_aloud,
        }
        names = {
            "ascii_only": ("Plain ASCII symbols", "Ctrl+A"),
            "high_contrast": ("High contrast", "Ctrl+T"),
            "read_aloud": ("Read each question aloud", "Ctrl+E"),
        }
        rows = []
        for word, (field, _) in SETTING_WORDS.items():
            name, key = names[field]
            # In a text box Ctrl+A and Ctrl+E move to the start and the end, as in any
            # (dialogs.EVERYWHERE): said, where "switches it" alone was taken for
            # everywhere, and the key typed in a box changed nothing (found by a tester).
            where = " (out of a text box)" if key in ("Ctrl+A", "Ctrl+E") else ""
            rows.append(
                (
                    name,
                    "On" if now[field] else "Off",
                    f"{key}{where} switches it. For one run: --{word} or --no-{word}.",
                )
            )
        return rows

    def _settings(self, boxes: box.Box) -> Table:
        table = Table(title="Your settings", title_justify="left", title_style="bold", box=boxes)
        table.add_column("Setting")
        table.add_column("Now", no_wrap=True)
        table.add_column("To change it")
        for row in self._settings_rows():
            table.add_row(*row)
        path = self.settings_path
        kept = (
            f"Changes made here are remembered in {path}."
            if path is not None
            else "Changes made here last until you quit (no settings file for this run)."
        )
        table.caption = (
            f"{kept} {DISPLAY_ENV}=ascii,no-read-aloud (for example) sets them for "
            f"every run from that terminal. {BIGGER_TEXT}"
        )
        table.caption_justify = "left"
        return table

    def _everywhere(self) -> list[BindingType]:
        from panel_tui.ui.app import PanelApp

        return [
            *PanelApp.BINDINGS,
            Binding(
                "ctrl+q", "", "Quit. Every vote is already saved; the next start resumes here."
            ),
        ]

    def _content(self) -> Group:
        ascii_only = self.ascii_only
        boxes = box.ASCII if ascii_only else box.SIMPLE_HEAD
        marks = glyphs(ascii_only)
        intro = Text(INTRO)
        # No outer edge: two more columns for a long name, one line less above the rows.
        seats = Table(
            title="Vote keys", title_justify="left", title_style="bold", box=boxes, show_edge=False
        )
        seats.add_column("Seat", justify="right")
        for value in VOTE_VALUES:
            seats.add_column(marks.vote(value), justify="center")
        # Names and pronouns whole here: the interview cuts a long name, and leaves
        # the pronouns out when every member's row must fit on one line. A cell wraps
        # at spaces, and a word wider than the column after its hyphens, as the
        # summary's grid does; only a part with no hyphen to break at is folded.
        seats.add_column("Member", overflow="fold")
        members = {m.seat: m for m in self.session.panel} if self.session else {}
        for seat in SEATS:
            member = members.get(seat)
            listed = lists_vote_keys(member)
            seats.add_row(
                str(seat),
                *(key_label(seat, value) if listed else "" for value in VOTE_VALUES),
                HyphenWrapped(_member_cell(member)),
            )
        own = self._own_keys()
        tables = [
            _bindings_table(title, bindings, ascii_only=ascii_only)
            for title, bindings in self._sections(own)
        ]
        if own is not None:
            # Home and the form: their keys first, where the vote keys would be.
            return Group(*tables[:1], Text(""), self._settings(boxes), Text(""), *tables[1:])
        # The vote keys straight after the paragraph that explains them, before the
        # settings: the first screen at 80x24 shows every member with their pronouns
        # (the interview leaves them out with many members, and points here), nine
        # of them with one name and pronouns over two lines.
        return Group(
            intro,
            Text(""),
            seats,
            Text(""),
            Text(AFTER_KEYS),
            Text(""),
            self._settings(boxes),
            Text(""),
            *tables,
        )

    def _own_keys(self) -> tuple[str, list[BindingType]] | None:
        """Home's or the form's keys with their title, as they work there now; else None."""
        from panel_tui.ui.screens.home import HomeScreen
        from panel_tui.ui.screens.setup_session import SetupSessionScreen

        screen = self.opened_from
        if isinstance(screen, HomeScreen):
            title = "On the list of sessions"
        elif isinstance(screen, SetupSessionScreen):
            title = "On the new-session form"
        else:
            return None
        working: list[BindingType] = [
            b
            for b in screen.BINDINGS
            if isinstance(b, Binding) and screen.check_action(b.action, ()) is not False
        ]
        return title, working

    def _sections(
        self, own: tuple[str, list[BindingType]] | None
    ) -> list[tuple[str, list[BindingType]]]:
        """The help's lists of keys, each with its title, in the order shown: ``own``,
        home's or the form's (:meth:`_own_keys`), first where there are some."""
        from panel_tui.ui.screens.interview import InterviewScreen
        from panel_tui.ui.screens.summary import SummaryScreen

        if own is not None:
            return [
                own,
                ("Everywhere", self._everywhere()),
                ("In a box on top of the screen", DIALOG_KEYS),
            ]
        return [
            ("During the interview", InterviewScreen.BINDINGS),
            (
                "On the summary",
                SummaryScreen.keys_for(self.session) if self.session else SummaryScreen.BINDINGS,
            ),
            ("Everywhere", self._everywhere()),
            ("In a box on top of the screen", DIALOG_KEYS),
        ]

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
