"""Keys are handled strictly in the order typed, each against the answer then on screen.

The store is made slow on purpose (every fsync sleeps first), so a vote's save
blocks the app while the next keys arrive, as on a slow disk or a big session.
Keys are sent in one burst, as ``tmux send-keys Right 1`` or a fast typist does.

Seats in the small session: 1 and 2 are lived-experience members, 3 a
professional; their keys are ``1 q a z``, ``2 w s x``, ``3 e d c``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select

from panel_tui.domain.models import Session
from panel_tui.domain.setup_form import MemberTyped
from panel_tui.domain.store import Store
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from panel_tui.ui.widgets.home_rows import MemberRow
from panel_tui.ui.widgets.vote_grid import VoteButton
from tests.ui.helpers import AppFactory, burst

SIZE = (80, 24)
#: Long enough that every key of a burst arrives while a save is running: a burst
#: is queued before the first key is read, and it is twice Pilot's idle slice
#: (``pilot_pace``), so keys sent one by one would overtake a save run aside.
SLOW_FSYNC_SECONDS = 0.01


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fsync sleeps first, as on a slow disk."""
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC_SECONDS)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)


Sender = Callable[..., Awaitable[None]]


def recorded(store: Store, session: Session) -> list[tuple[str, str, str, str | None]]:
    """Every vote event on disk: candidate, question, member, value, in order."""
    on_disk = store.load(session.id)
    return [(v.candidate, v.question, v.member, v.value) for v in on_disk.votes]


def position(app: App[Any]) -> tuple[str, str]:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen.candidate_id, screen.question_id


# A chair's burst: each vote must land on the answer shown when its key came.
BURST = ("1", "right", "2", "right", "3", "left", "q", "pagedown", "e", "pageup", "w")
EXPECTED = [
    ("c1", "q1", "m1", "up"),
    ("c1", "q2", "m2", "up"),
    ("c2", "q1", "m3", "up"),
    ("c1", "q2", "m1", "middle"),
    ("c2", "q1", "m3", "middle"),
    ("c1", "q1", "m2", "middle"),
]


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Pilot's own key presses, one after another with no pause."""
    await pilot.press(*keys)


@pytest.mark.usefixtures("slow_disk")
@pytest.mark.parametrize("send", [burst, press], ids=["burst", "press"])
async def test_each_vote_lands_on_the_question_shown_when_its_key_came(
    app_factory: AppFactory, store: Store, session: Session, send: Sender
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await send(pilot, *BURST)
        assert recorded(store, session) == EXPECTED
        assert position(pilot.app) == ("c1", "q1")


@pytest.mark.usefixtures("slow_disk")
async def test_undo_in_a_burst_undoes_the_vote_on_the_answer_shown(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "right", "2", "backspace", "3", "left", "w")
        on_disk = store.load(session.id)
        assert {m: v.value for m, v in on_disk.current_votes("c1", "q1").items()} == {
            "m1": "up",
            "m2": "middle",
        }
        assert {m: v.value for m, v in on_disk.current_votes("c1", "q2").items()} == {"m3": "up"}


@pytest.mark.usefixtures("slow_disk")
async def test_a_key_after_a_dialog_opens_goes_to_the_dialog(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Ctrl+R asks first; the vote key typed after it answers nothing and votes nothing.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "ctrl+r", "2", "escape", "3")
        assert recorded(store, session) == [("c1", "q1", "m1", "up"), ("c1", "q1", "m3", "up")]


@pytest.mark.usefixtures("slow_disk")
async def test_answers_to_a_question_in_a_burst_go_where_they_were_typed(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # All three vote, so the votes show; seat 1 changes (asked, Enter says yes),
    # seat 2 changes (asked, Escape says no), then seat 3 votes again unchanged.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "2", "3", "a", "enter", "w", "escape", "3")
        on_disk = store.load(session.id)
        votes = on_disk.current_votes("c1", "q1")
        assert {m: v.value for m, v in votes.items()} == {"m1": "down", "m2": "up", "m3": "up"}
        assert votes["m1"].after_reveal
        assert isinstance(pilot.app.screen, InterviewScreen)


@pytest.mark.parametrize(
    ("key", "vote"),
    [
        ("Q", ("m1", "middle")),  # Caps Lock never stops a vote
        ("E", ("m3", "middle")),
        ("c", ("m3", "abstain")),
    ],
)
async def test_every_vote_key_is_a_binding(
    app_factory: AppFactory, store: Store, session: Session, key: str, vote: tuple[str, str]
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press(key)
        assert [
            (m, v.value) for m, v in store.load(session.id).current_votes("c1", "q1").items()
        ] == [vote]


@pytest.mark.usefixtures("slow_disk")
async def test_a_vote_typed_just_after_closing_help_is_given(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "f1", "2", "escape", "3", "right", "question_mark", "escape", "e")
        assert recorded(store, session) == [
            ("c1", "q1", "m1", "up"),
            ("c1", "q1", "m3", "up"),
            ("c1", "q2", "m3", "middle"),
        ]


# -- keys typed while a dialog opens and closes -------------------------------
#
# Each dialog below is asked for by a key and answered by the keys typed straight
# after it, in one burst. Every key must reach the dialog while it is open (never
# the interview under it), and the keys after its answer must see the change the
# answer made: the votes on disk are as the person meant.


def screen_names(app: App[Any]) -> list[str]:
    """The screens on the stack above the app's own blank one, bottom to top."""
    return [type(screen).__name__ for screen in app.screen_stack[1:]]


def current(store: Store, session: Session) -> dict[str, tuple[str, bool]]:
    """Each member's vote on the first answer, and whether it came after the reveal."""
    votes = store.load(session.id).current_votes("c1", "q1")
    return {m: (v.value, v.after_reveal) for m, v in votes.items() if v.value is not None}


@pytest.mark.usefixtures("slow_disk")
async def test_a_reveal_answered_in_a_burst_comes_before_the_votes_typed_after_it(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Ctrl+R asks; "2" typed before the answer goes to the dialog, not the vote;
    # Enter shows the votes, so the "w" typed after it is a first vote after the reveal.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "ctrl+r", "2", "enter", "w")
        assert current(store, session) == {"m1": ("up", False), "m2": ("middle", True)}
        assert store.load(session.id).is_revealed("c1", "q1")
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_an_undo_after_the_reveal_is_answered_by_the_keys_typed_after_it(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # All three vote, so the votes show. Backspace asks to undo seat 3's vote; the
    # "q" typed while it asks reaches the dialog (a vote change there would ask
    # again); Enter undoes; seat 3's "e" then votes afresh, after the reveal.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "2", "3", "backspace", "q", "enter", "e")
        assert current(store, session) == {
            "m1": ("up", False),
            "m2": ("up", False),
            "m3": ("middle", True),
        }
        assert recorded(store, session)[-2:] == [
            ("c1", "q1", "m3", None),
            ("c1", "q1", "m3", "middle"),
        ]
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_an_undo_declined_in_a_burst_keeps_the_vote(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Backspace asks; "1" while it asks reaches the dialog; Escape keeps the vote;
    # "a" after it is seat 1's change, which asks in turn and Enter agrees.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "1", "2", "3", "backspace", "1", "escape", "a", "enter")
        assert current(store, session) == {
            "m1": ("down", True),
            "m2": ("up", False),
            "m3": ("up", False),
        }
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_a_note_typed_straight_after_ctrl_n_goes_into_the_note(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # "d", "1" and "q" are vote keys on the interview: typed into the note they vote nothing.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+n", "d", "1", "q", "enter")
        await burst(pilot, "2")
        on_disk = store.load(session.id)
        assert [n.text for n in on_disk.notes_on("c1", "q1")] == ["d1q"]
        assert current(store, session) == {"m2": ("up", False)}
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_a_note_closed_in_a_burst_lets_the_next_vote_through(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Escape is the dialog's priority key, so the keys after it reach the interview.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+n", "escape", "3", "ctrl+n", "s", "escape", "1")
        on_disk = store.load(session.id)
        assert on_disk.notes_on("c1", "q1") == []
        assert current(store, session) == {"m3": ("up", False), "m1": ("up", False)}
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_keys_straight_after_ctrl_d_go_to_the_decision(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # The decision dialog opens on its choices: "1" and "a" there vote nothing;
    # Escape closes it unchanged, and the "2" after it votes.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+d", "1", "a", "escape", "2")
        on_disk = store.load(session.id)
        assert on_disk.decision("c1") is None
        assert current(store, session) == {"m2": ("up", False)}
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_a_decision_typed_at_a_persons_pace_is_saved_before_the_next_key(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Enter on the first choice (recommend), Tab to the reason, a reason, Enter
    # saves; the "3" after it votes on the answer shown.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "enter", "tab", "o", "k", "enter", "3")
        decision = store.load(session.id).decision("c1")
        assert decision is not None
        assert (decision.outcome, decision.reason) == ("recommend", "ok")
        assert current(store, session) == {"m3": ("up", False)}
        assert screen_names(pilot.app) == ["InterviewScreen"]


# Inside a box with fields Textual hands each key to the focused widget at once,
# and a field's own keys (Enter, Tab) run in the app only after the key has passed
# through the screen. So the app holds a key until the screens have dealt with the
# one before (ui/key_hold.py): a key typed straight after the Enter that saves a
# note is a vote, not more of the note, and keys after a Tab go to the next field.
@pytest.mark.usefixtures("slow_disk")
async def test_a_vote_typed_straight_after_saving_a_note_is_a_vote(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+n", "d", "enter", "2")
        assert [n.text for n in store.load(session.id).notes_on("c1", "q1")] == ["d"]
        assert current(store, session) == {"m2": ("up", False)}


@pytest.mark.usefixtures("slow_disk")
async def test_a_decision_typed_in_one_burst_is_saved_as_typed(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+d", "enter", "tab", "o", "k", "enter", "3")
        decision = store.load(session.id).decision("c1")
        assert decision is not None
        assert (decision.outcome, decision.reason) == ("recommend", "ok")
        assert current(store, session) == {"m3": ("up", False)}


@pytest.mark.usefixtures("slow_disk")
async def test_finishing_from_the_summary_in_a_burst_is_answered_by_the_enter_after_it(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Ctrl+S opens the summary, F asks to finish, Enter says yes: the dialog is
    # on screen before the Enter comes, so the Enter answers it.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+s", "f", "enter")
        assert store.load(session.id).finished
        assert screen_names(pilot.app) == ["InterviewScreen", "SummaryScreen"]


@pytest.mark.parametrize(
    ("keys", "notes"),
    [
        # Tab from the note to its Save button; Enter there saves it.
        (("ctrl+n", "a", "tab", "enter"), ["a"]),
        # Tab twice, to Skip; Enter there closes it without a note.
        (("ctrl+n", "a", "tab", "tab", "enter"), []),
    ],
)
@pytest.mark.parametrize("send", [burst, press], ids=["burst", "press"])
async def test_the_buttons_of_a_note_answer_the_enter_typed_on_them(
    app_factory: AppFactory,
    store: Store,
    session: Session,
    keys: tuple[str, ...],
    notes: list[str],
    send: Sender,
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await send(pilot, *keys, "2")
        assert [n.text for n in store.load(session.id).notes_on("c1", "q1")] == notes
        assert current(store, session) == {"m2": ("up", False)}
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.parametrize(
    ("keys", "screens"),
    [
        # P opens the payment notes; Escape closes them; B goes back: the
        # interview is left on top, with no dialog over it.
        (("ctrl+s", "p", "escape", "b"), ["InterviewScreen"]),
        # F asks to finish; Escape declines; E asks where to export.
        (("ctrl+s", "f", "escape", "e"), ["InterviewScreen", "SummaryScreen", "ExportDialog"]),
    ],
)
async def test_the_summarys_keys_in_a_burst_each_reach_the_screen_on_top_when_typed(
    app_factory: AppFactory,
    store: Store,
    session: Session,
    keys: tuple[str, ...],
    screens: list[str],
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, *keys)
        assert screen_names(pilot.app) == screens
        assert not store.load(session.id).finished


async def test_the_new_session_form_typed_in_one_burst_holds_what_was_typed(
    app_factory: AppFactory,
) -> None:
    # A fast typist: the bank list opened, moved and chosen, then Tab from field
    # to field and the role list, all in one burst.
    async with app_factory(None).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await burst(
            pilot,
            *("enter", "down", "enter", "tab", *"Round A", "tab"),
            *(*"Sam Okafor", "tab", *"they", "tab", "enter", "down", "enter", "tab", *"4"),
        )
        form = pilot.app.screen
        assert isinstance(form, SetupSessionScreen)
        assert form.query_one("#title", Input).value == "Round A"
        assert form.query_one("#bank", Select).value != Select.BLANK
        (member,) = form.query(MemberRow)
        # Tab selects the seat's 1 as it reaches it, so the 4 replaces it.
        assert member.typed() == MemberTyped("Sam Okafor", "they", "lived_experience", "4")


@pytest.mark.usefixtures("slow_disk")
async def test_a_vote_clicked_after_right_is_given_on_the_next_question(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # The click waits its turn behind the keys before it, as a key would.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.pause()
        seat_2_up = next(
            b for b in pilot.app.screen.query(VoteButton) if b.member_id == "m2" and b.value == "up"
        )
        await burst(pilot, "1", "right", seat_2_up)
        assert recorded(store, session) == [("c1", "q1", "m1", "up"), ("c1", "q2", "m2", "up")]


@pytest.mark.usefixtures("slow_disk")
async def test_a_paste_between_typed_letters_keeps_its_place_in_a_note(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await burst(pilot, "a", "b", events.Paste("P"), "c", "enter")
        assert [n.text for n in store.load(session.id).notes_on("c1", "q1")] == ["abPc"]
