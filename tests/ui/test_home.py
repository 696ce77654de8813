"""The home screen: the sessions to resume, rehearsals and damaged files, as a chair sees them.

The small App and its fixtures are in ``tests/ui/home_app.py``; the new-session
form's journeys are in test_setup_journeys.py. The form's snapshots stay here,
where their pictures are stored.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Select, Static

from panel_tui.domain.models import Candidate
from panel_tui.domain.sessions import practice_session
from panel_tui.domain.store import SessionSummary, Store, StoreError
from panel_tui.ui.screens import home
from panel_tui.ui.screens.home import HomeScreen, session_prompt
from panel_tui.ui.screens.home_lists import ListsInParts
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from tests.domain.helpers import three_votes_the_second_spoilt
from tests.ui.home_app import (
    BANK,
    PRACTICE_BANK,
    SHIPPED,
    HomeApp,
    app,
    quick_valid_form,
    start,
    store,
    stored,
    workdir,
)

__all__ = ["app", "store", "workdir"]  # the fixtures, shared from tests/ui/home_app.py


# -- the home screen ----------------------------------------------------------------


def test_sessions_with_the_same_title_are_told_apart_by_when_they_started() -> None:
    def listed(hour: int, minute: int, codes: tuple[str, ...] = ("C1", "C2", "C3")) -> str:
        started = datetime(2026, 11, 24, hour, minute, tzinfo=UTC)  # tests read clocks in UTC
        summary = SessionSummary("s", "Support worker", "live", started, False, len(codes), 0)
        return str(session_prompt(replace(summary, codes=codes)))

    assert listed(9, 5) == (
        "Support worker\n  Made 24 Nov 2026 at 09:05, 3 candidates (C1, C2, C3), 0 votes"
    )
    assert listed(9, 5) != listed(14, 30)
    # And by their candidates: HR prepares a session for each (found by a tester).
    assert ", 1 candidate (C2), " in listed(9, 5, ("C2",))
    assert ", 5 candidates (A, B, C and 2 more), " in listed(9, 5, tuple("ABCDE"))
    # Codes holding a comma are set apart by semicolons (found by a review).
    assert ", 2 candidates (Smith, J; Khan, A), " in listed(9, 5, ("Smith, J", "Khan, A"))


def test_the_demo_is_listed_as_the_demo() -> None:
    started = datetime(2026, 11, 24, 9, 5, tzinfo=UTC)
    summary = SessionSummary("s", "Demo: Support worker", "demo", started, False, 1, 0)
    assert str(session_prompt(summary)).startswith(
        "Demo: Support worker\n  The demo, with made-up people, made 24 Nov 2026 at 09:05"
    )


async def test_resume_lists_unfinished_sessions_and_choosing_one_posts_its_id(
    app: HomeApp, store: Store
) -> None:
    older = stored(store, "Older round", day=20)
    newer = stored(store, "Newer round", day=22)
    done = stored(store, "Done round", finished=True, day=21)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume", OptionList)
        assert [resume.get_option_at_index(i).id for i in range(resume.option_count)] == [
            newer.id,
            older.id,
        ]
        assert "Older round\n  Made 20 Nov 2026 at 10:00, 1 candidate (C1), 0 votes" in str(
            resume.get_option_at_index(1).prompt
        )
        assert app.focused is resume
        await pilot.press("down", "enter")
        assert app.chosen == [older.id]
        await pilot.press("f", "enter")
        assert app.chosen == [older.id, done.id]


async def test_names_that_look_like_markup_are_shown_literally(app: HomeApp, store: Store) -> None:
    candidate = Candidate(id="c1", code="C1", name="[@click=app.quit]y")
    session = stored(store, "[bold]x[/]", candidates=[candidate])
    with store.open(session.id) as opened:
        opened.move_to("c1", BANK.questions[1].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume", OptionList)
        prompt = resume.get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        screenshot = app.export_screenshot()
        assert "[bold]x[/]" in screenshot and "[@click=app.quit]y" in screenshot
        assert prompt.plain.startswith("[bold]x[/]\n")
        assert "Up to: [@click=app.quit]y, Question 2 of 6" in prompt.plain
        await pilot.click(resume, offset=(3, 1))
        await pilot.pause()
        assert app.is_running and app.chosen == [session.id]


async def test_practice_rounds_are_listed_apart(app: HomeApp, store: Store) -> None:
    live = stored(store, "Live round")
    rehearsal = practice_session(PRACTICE_BANK)
    store.save(rehearsal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = {
            name: [o.id for o in app.screen.query_one(f"#{name}", OptionList).options]
            for name in ("resume", "rehearsals")
        }
    assert ids == {"resume": [live.id], "rehearsals": [rehearsal.id]}


async def test_damaged_files_are_named_in_plain_words(app: HomeApp, store: Store) -> None:
    stored(store, "Fine round")
    store.path("2026-11-01-broken").write_text("{not json")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # a file new to the catalogue is read behind
        await pilot.pause()
        damaged = app.screen.query_one("#damaged", Static)
        assert damaged.display
        text = str(damaged.render())
        assert "2026-11-01-broken.json is damaged (it is not complete JSON" in text
        assert app.screen.query_one("#resume", OptionList).option_count == 1


async def test_a_damaged_session_is_got_back_with_what_was_lost_said(
    app: HomeApp, store: Store
) -> None:
    three_votes_the_second_spoilt(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # changed since catalogued: read behind
        await pilot.pause()
        box = app.screen.query_one("#damaged", Static)
        assert "s1.journal, is damaged" in str(box.render())
        resume = app.screen.query_one("#resume", OptionList)
        assert resume.option_count == 0
        button = app.screen.query_one("#recover", Button)
        assert button.display
        button.focus()
        await pilot.press("enter")
        await pilot.pause()
        said = " ".join(str(box.render()).split())
        assert said.startswith(f"Recovered s1 (Test) from {store.root.absolute()}/damaged/s1.")
        assert ": 2 candidates, 3 panel members, 2 votes. 2 changes read back." in said
        assert "Missing as a result: at least 1 vote, change of vote or undo." in said
        assert "could not be read" not in said  # the notice is done with
        assert not button.display
        assert resume.option_count == 1 and app.focused is resume
    assert [v.member for v in store.load("s1").votes] == ["m1", "m3"]


async def test_a_copy_set_aside_on_an_earlier_run_is_offered_at_each_start(
    app: HomeApp, store: Store
) -> None:
    three_votes_the_second_spoilt(store)
    with pytest.raises(StoreError):
        Store(store.root).load("s1")  # an earlier run: the notice said once, there
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = " ".join(str(app.screen.query_one("#damaged", Static).render()).split())
        assert said.startswith(
            "Set aside as damaged on an earlier run; what still reads can be got back: "
            f'"Test" (s1), in {store.root.absolute()}/damaged/s1.'
        )
        button = app.screen.query_one("#recover", Button)
        button.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#resume", OptionList).option_count == 1
        assert not button.display  # the session is back: nothing more to offer


async def test_a_new_session_appears_in_the_resume_list_on_return(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        await start(pilot)
        resume = app.screen.query_one("#resume", OptionList)
        assert resume.option_count == 1
        assert resume.get_option_at_index(0).id == app.chosen[0]


async def test_caps_lock_never_stops_a_key(app: HomeApp, store: Store) -> None:
    # Found by a tester: with Caps Lock on, N did nothing and said nothing,
    # though the footer shows "N New session".
    stored(store, "Peer support, October", finished=True, day=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")
        assert app.screen.focused is app.screen.query_one("#finished", OptionList)
        await pilot.press("N")
        assert isinstance(app.screen, SetupSessionScreen)


# -- snapshots ------------------------------------------------------------------------


def _home_with_sessions(store: Store) -> None:
    session = stored(
        store,
        "[bold]Support worker[/], November",
        candidates=[
            Candidate(id="c1", code="C1", name="[@click=app.quit]Alex"),
            Candidate(id="c2", code="C2"),
        ],
        session_id="2026-11-23-support-worker-aaaaaa",
    )
    with store.open(session.id) as opened:
        opened.record_vote("c1", BANK.questions[0].id, "m1", "up")
        opened.move_to("c1", BANK.questions[0].id)
    stored(
        store, "Peer support, October", finished=True, day=2, session_id="2026-11-02-peer-bbbbbb"
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_home_snapshot(
    snap_compare: Any,
    app: HomeApp,
    store: Store,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _home_with_sessions(store)
    # The whole path is shown: the same in every run, not the test's temporary folder.
    monkeypatch.setattr(home, "folder_shown", lambda folder: f"/home/chair/{folder}")

    async def settled(pilot: Pilot[Any]) -> None:
        # Sessions and copies set aside are read behind the first paint.
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=settled)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_new_session_form_snapshot(snap_compare: Any, app: HomeApp, size: tuple[int, int]) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#bank", Select).value = str(SHIPPED / "support-worker.toml")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=fill)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_form_problems_snapshot(snap_compare: Any, app: HomeApp, size: tuple[int, int]) -> None:
    async def fail(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=fail)


def test_new_session_form_ascii_snapshot(snap_compare: Any, app: HomeApp) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        app.set_class(True, "-ascii")  # as the real App marks ASCII mode
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#bank", Select).value = str(SHIPPED / "support-worker.toml")
        await pilot.press("tab", "tab")  # into the first member's name
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=fill)


async def test_a_slow_read_fills_in_behind_without_holding_up_keys(
    app: HomeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = stored(store, "Busy round")
    opened = store.open(session.id)
    opened.record_vote("c1", BANK.questions[0].id, "m1", "up")  # the catalogue is now behind
    release = threading.Event()
    real = store.summaries

    def slow() -> list[SessionSummary]:
        release.wait(timeout=10)
        return real()

    monkeypatch.setattr(store, "summaries", slow)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume", OptionList)
        assert "0 votes" in str(resume.get_option_at_index(0).prompt)  # as catalogued
        await pilot.press("n")  # a key while the read is still going
        await pilot.pause()
        assert isinstance(app.screen, SetupSessionScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert "1 vote" in str(resume.get_option_at_index(0).prompt)
    opened.close()


async def test_a_long_history_paints_the_newest_first_then_every_session(
    app: HomeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(1, 29):
        for n in range(6):
            stored(store, f"Round {day}-{n}", finished=True, day=day, session_id=f"r-{day}-{n}")
    parts: list[int] = []
    real = ListsInParts._fill_more

    def counting(lists: ListsInParts, list_id: str, rest: Any, token: object) -> None:
        parts.append(len(rest))
        real(lists, list_id, rest, token)

    monkeypatch.setattr(ListsInParts, "_fill_more", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.pause()
        finished = app.screen.query_one("#finished", OptionList)
        assert parts == [128, 28]  # after the first 40: a part after each refresh
        assert finished.option_count == 168
        ids = [finished.get_option_at_index(i).id for i in range(168)]
        assert ids[0] == "r-28-5" and ids[-1] == "r-1-0" and len(set(ids)) == 168  # in order
