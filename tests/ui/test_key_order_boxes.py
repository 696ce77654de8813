"""Keys typed into boxes are handled in the order typed, while a save runs.

Notes, decisions, the summary's question and the new-session form, each typed
in one burst (as ``tmux send-keys`` or a fast typist sends them) while every
fsync is slowed (the ``slow_disk`` fixture), as in ``test_key_order.py``.

Seats in the small session: 1 and 2 are lived-experience members, 3 a
professional; their keys are ``1 q a z``, ``2 w s x``, ``3 e d c``.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, Select

from panel_tui.domain.models import Session
from panel_tui.domain.setup_form import MemberTyped
from panel_tui.domain.store import Store
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from panel_tui.ui.widgets.home_rows import MemberRow
from tests.ui.helpers import (
    CLOSE_UNSAVED,
    AppFactory,
    Sender,
    burst,
    current,
    press,
    screen_names,
    widget_text,
)

SIZE = (80, 24)


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
    # Escape is the dialog's priority key, so the keys after it reach the interview;
    # with typing in the box, it asks first, and the keys after reach the question.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+n", "escape", "3", "ctrl+n", "s", *CLOSE_UNSAVED, "1")
        on_disk = store.load(session.id)
        assert on_disk.notes_on("c1", "q1") == []
        assert current(store, session) == {"m3": ("up", False), "m1": ("up", False)}
        assert screen_names(pilot.app) == ["InterviewScreen"]


@pytest.mark.usefixtures("slow_disk")
async def test_keys_straight_after_ctrl_d_go_to_the_decision(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # The decision dialog opens on its choices: "1" and "a" there vote nothing
    # (they are typed as the reason); Escape then Close closes it unchanged, and
    # the "2" after it votes.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await burst(pilot, "ctrl+d", "1", "a", *CLOSE_UNSAVED, "2")
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
        # Tab twice, to Skip; Enter there asks, and Close closes it without a note.
        (("ctrl+n", "a", "tab", "tab", "enter", "left", "enter"), []),
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
async def test_a_paste_between_typed_letters_keeps_its_place_in_a_note(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await burst(pilot, "a", "b", events.Paste("P"), "c", "enter")
        assert [n.text for n in store.load(session.id).notes_on("c1", "q1")] == ["abPc"]


async def test_a_text_of_several_lines_pasted_into_a_note_or_reason_is_kept_whole(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: only the first line of a paste was kept, and nothing said so.
    lines = "Strong on choice.\r\n\n  Weak on safeguarding.\nPanel agreed."
    whole = "Strong on choice. Weak on safeguarding. Panel agreed."
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await burst(pilot, events.Paste(lines), "enter")
        await pilot.press("ctrl+d", "enter", "tab")  # Recommend, then to the reason
        await burst(pilot, events.Paste(lines), "enter")
    saved = store.load(session.id)
    assert [n.text for n in saved.notes_on("c1", "q1")] == [whole]
    decision = saved.decision("c1")
    assert decision is not None and decision.reason == whole


async def test_a_move_or_an_undo_a_question_does_not_take_is_named_with_the_votes(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: a burst's Backspace (undo) went into the question
    # unsaid, and the votes named, typed again, landed on the answer they had left.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("1", "ctrl+r", "2", "backspace", "2", "delete", "f5")
        assert isinstance(app.screen, ConfirmDialog)
        said = (
            "The keys 2, Backspace, 2, Delete and F5 were not taken, in that order: "
            "answer this first, then press them again."
        )
        assert widget_text(app, "#not-taken") == said
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)
        assert list(app.screen.session.current_votes("c1", "q1")) == ["m1"]
