"""Keys are handled strictly in the order typed, each against the answer then on screen.

The store is made slow on purpose (every fsync sleeps first), so a vote's save
blocks the app while the next keys arrive, as on a slow disk or a big session.
Keys are sent in one burst, as ``tmux send-keys Right 1`` or a fast typist does.

Seats in the small session: 1 and 2 are lived-experience members, 3 a
professional; their keys are ``1 q a z``, ``2 w s x``, ``3 e d c``.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.widgets.vote_grid import VoteButton
from tests.ui.helpers import (
    AppFactory,
    Sender,
    burst,
    current,
    press,
    recorded,
    screen_names,
)

SIZE = (80, 24)


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
        # Both answers at once: a failure then shows whether a key was late or misplaced.
        assert {
            question: {m: v.value for m, v in on_disk.current_votes("c1", question).items()}
            for question in ("q1", "q2")
        } == {"q1": {"m1": "up", "m2": "middle"}, "q2": {"m3": "up"}}


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
