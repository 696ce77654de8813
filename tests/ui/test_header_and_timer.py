"""The interview's header: the panel's balance and a timer that is kind."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Candidate, Session
from panel_tui.domain.sessions import practice_session
from panel_tui.domain.store import Store
from panel_tui.ui.passing_notices import MIN_SIZE
from panel_tui.ui.widgets.timer import QuestionTimer
from tests.ui.helpers import AppFactory, screen_text, widget_text


async def test_the_balance_shows_in_the_header_and_the_finish_question(
    app_factory: AppFactory, session: Session
) -> None:
    # The small session: two lived-experience members, one professional, one
    # observer; the agreed rule beside them (PRODUCT.md 4: shown on screen).
    balance = "Panel: 2 lived experience, 1 professional. Every member counts the same."
    app = app_factory(session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert balance in screen_text(app).splitlines()[1]
        await pilot.press("ctrl+s", "f")
        await pilot.pause()
        assert "Mark this session finished?" in screen_text(app)
        assert balance in widget_text(app, ".message")  # wrapped in the box


@pytest.mark.parametrize("keys", [("down",) * 20, ("pagedown",) * 3])
async def test_a_long_finish_question_scrolls_and_its_buttons_always_show(
    app_factory: AppFactory, store: Store, session: Session, keys: tuple[str, ...]
) -> None:
    # Found by a tester: with ten candidates still to do, the "Still to do" list
    # pushed the Finish and Cancel buttons off the foot of the screen at 80x24.
    # And by a tester: Page Down did nothing, and the last line took twenty arrows.
    many = [Candidate(id=f"c{n}", code=f"C{n}", name=f"Candidate {n}") for n in range(1, 11)]
    store.save(session.model_copy(update={"candidates": many}), replace=True)
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "f")
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "Finish (Enter)" in shown and "Cancel (Esc)" in shown
        first = "Mark this session finished?"
        last = "Candidate 10 has no decision recorded."
        assert first in shown and last not in shown  # further down the question
        await pilot.press(*keys)
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert last in shown and first not in shown and "Finish (Enter)" in shown
        assert "not taken" not in shown  # taken: the question scrolled
        await pilot.press("pageup", "pageup", "pageup")
        await pilot.pause()
        assert first in screen_text(pilot.app)


async def test_the_time_guide_is_said_in_words_and_never_closes_voting(
    app_factory: AppFactory, session: Session
) -> None:
    now = [0.0]
    app = app_factory(session.id, clock=lambda: now[0], ascii_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        timer = app.screen.query_one(QuestionTimer)
        now[0] = 3 * 60 + 59
        timer._tick()
        await pilot.pause()
        assert "Time 3:59 of 4 min" in screen_text(app)
        now[0] = 4 * 60
        timer._tick()
        await pilot.pause()
        assert "Time 4:00 ! over 4 min" in screen_text(app)  # a symbol and words
        now[0] = 9 * 60
        await pilot.press("1", "w", "e")  # the panel votes on, long past the guide
        await pilot.pause()
        assert "Votes shown" in screen_text(app)
        assert len(app.screen.session.current_votes("c1", "q1")) == 3  # type: ignore[attr-defined]


class HandClock:
    """A clock the test moves by hand, read by the interview's timer."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def move(self, timer: QuestionTimer, seconds: float) -> None:
        """Let ``seconds`` pass, and the timer read the clock (its tick, at once)."""
        self.now += seconds
        timer._tick()


@asynccontextmanager
async def forty_seconds_in(
    app_factory: AppFactory, session: Session
) -> AsyncIterator[tuple[Pilot[None], HandClock, QuestionTimer]]:
    """The interview at 100x30 on a hand-held clock, forty seconds into its first answer."""
    clock = HandClock()
    async with app_factory(session.id, clock=clock).run_test(size=(100, 30)) as pilot:
        timer = pilot.app.screen.query_one(QuestionTimer)
        clock.move(timer, 40)
        yield pilot, clock, timer


async def test_time_on_the_summary_is_not_counted_as_time_on_the_answer(
    app_factory: AppFactory, session: Session
) -> None:
    async with forty_seconds_in(app_factory, session) as (pilot, clock, timer):
        app = pilot.app
        await pilot.press("ctrl+s")  # the summary, for ten minutes
        clock.move(timer, 600)
        await pilot.press("escape")
        await pilot.pause()
        assert "Time 0:40 of 4 min" in screen_text(app)
        clock.move(timer, 5)
        await pilot.pause()
        assert "Time 0:45 of 4 min" in screen_text(app)  # and on it goes


async def test_a_finished_session_times_nothing_and_waits_for_nobody(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a new user: after Finish, every seat said "Waiting" and the clock ran on.
    async with forty_seconds_in(app_factory, session) as (pilot, clock, timer):
        app = pilot.app
        await pilot.press("1", "ctrl+s", "f", "enter", "escape")  # seat 1 voted, then finished
        await pilot.pause()
        shown = screen_text(app)
        assert "Session finished" in shown and "Time" not in shown
        await pilot.press("right")  # an answer nobody voted on
        clock.move(timer, 600)
        await pilot.pause()
        shown = screen_text(app)
        assert "Session finished" in shown
        assert shown.count("No vote") == 3 and "Waiting" not in shown
        await pilot.press("ctrl+s", "f", "enter", "escape")  # reopened
        await pilot.pause()
        shown = screen_text(app)
        assert "Time 0:00" in shown  # the ten finished minutes were not counted
        assert "No vote" not in shown and shown.count("Waiting") == 3


async def test_a_finished_sessions_clock_stays_stopped_after_a_look_at_the_summary(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a review: the summary's resume started the hidden clock again, and
    # the time kept on disk grew while the screen said "Session finished".
    async with forty_seconds_in(app_factory, session) as (pilot, clock, timer):
        app = pilot.app
        await pilot.press("ctrl+s", "f", "enter", "escape")  # finished, back on Q1
        await pilot.press("ctrl+s", "escape")  # a look at the summary
        clock.move(timer, 600)
        await pilot.pause()
        assert timer.elapsed == 40 and not timer.has_class("-over")
        await pilot.press("ctrl+s", "f", "enter", "escape")  # reopened, on the same answer
        clock.move(timer, 5)
        await pilot.pause()
        assert "Time 0:45 of 4 min" in screen_text(app)


async def test_the_timer_carries_on_after_a_resume(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    now = [100.0]
    app = app_factory(session.id, clock=lambda: now[0])
    async with app.run_test(size=(100, 30)) as pilot:
        now[0] += 130
        app.screen.query_one(QuestionTimer)._tick()
        await pilot.pause()
        assert "Time 2:10 of 4 min" in screen_text(app)
    # Quit; the next morning's clock starts anywhere.
    now[0] = 5.0
    app = app_factory(session.id, clock=lambda: now[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Time 2:10 of 4 min" in screen_text(app)
        now[0] += 5
        app.screen.query_one(QuestionTimer)._tick()
        await pilot.pause()
        assert "Time 2:15 of 4 min" in screen_text(app)
        await pilot.press("right")  # a new question (with no time guide) starts at 0:00
        await pilot.pause()
        assert "Time 0:00" in screen_text(app)
        # A question come back to carries on from its time; it started afresh, and
        # a look back lost the time guide (found by two testers).
        await pilot.press("left")
        await pilot.pause()
        assert "Time 2:15 of 4 min" in screen_text(app)


LONG_NAME = "Bartholomew Montgomery-Fitzwilliam-Ramasubramanian the Third of Wessex"


async def test_the_header_keeps_one_line_at_80x24_past_the_time_guide(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a new user: past the guide the longer timer words pushed "Morgan
    # (C1)" onto a second line, and the whole screen moved down mid-answer.
    first, *others = session.candidates
    made = session.model_copy(
        update={"candidates": [first.model_copy(update={"name": "Alex Morgan"}), *others]}
    )
    store.save(made, replace=True)
    now = [0.0]
    app = app_factory(made.id, clock=lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        now[0] = 4 * 60 + 8
        app.screen.query_one(QuestionTimer)._tick()
        await pilot.pause()
        top, balance = screen_text(app).splitlines()[:2]
        assert "Candidate 1 of 2: Alex Morgan (C1)" in top and "Time 4:08 ◆ over 4 min" in top
        assert balance.strip().startswith("Panel:")
    # A name too long for the line ends in an ellipsis rather than wrap.
    long = made.model_copy(
        update={"candidates": [first.model_copy(update={"name": LONG_NAME}), *others]}
    )
    store.save(long, replace=True)
    async with app_factory(long.id).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        top, balance = screen_text(pilot.app).splitlines()[:2]
        assert "Candidate 1 of 2: Bartholomew" in top and "…" in top
        assert balance.strip().startswith("Panel:")


@pytest.mark.parametrize("ascii_only", [False, True], ids=["symbols", "ascii"])
async def test_a_long_name_is_cut_but_the_candidates_code_stays(
    app_factory: AppFactory, store: Store, session: Session, ascii_only: bool
) -> None:
    # A long name ran the code off the end of the line ("Bartholomew Montgomery-F…"):
    # the code HR files the candidate under was nowhere on the interview screen.
    first, *others = session.candidates
    long = session.model_copy(
        update={"candidates": [first.model_copy(update={"name": LONG_NAME}), *others]}
    )
    store.save(long, replace=True)
    now = [0.0]
    app = app_factory(long.id, clock=lambda: now[0], ascii_only=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        top = screen_text(pilot.app).splitlines()[0]
        assert "Candidate 1 of 2: Bartholomew" in top and " (C1)" in top
        assert ("…" in top) is not ascii_only  # cut plainly in ASCII, as member names are
        # Past the time guide the timer's words grow; the name gives way, the code stays.
        now[0] = 4 * 60 + 8
        pilot.app.screen.query_one(QuestionTimer)._tick()
        await pilot.pause()
        top = screen_text(pilot.app).splitlines()[0]
        assert " (C1)" in top and "over 4 min" in top


TWELVE = [Candidate(id=f"c{n}", code=f"C{n}", name=f"Candidate Number {n}") for n in range(1, 13)]
FULL_NAME = "Maximilian Alexander Worthington-Smythe"


@pytest.mark.parametrize(
    ("candidates", "pages", "ascii_only", "heading"),
    [
        # Found by a tester: "Candidate 10 of…Candidate Number 10 (C10)", the total
        # and the colon lost to the longest part, which was the count.
        (TWELVE, 9, False, "Candidate 10 of 12: Candidate Numb… (C10)"),
        (TWELVE, 9, True, "Candidate 10 of 12: Candidate Nu... (C10)"),
        # Found by a tester: "Candidate 1 of 1: M… (LONG-CODE-2026-001)", no name left.
        (
            [Candidate(id="c1", code="LONG-CODE-2026-001", name=FULL_NAME)],
            0,
            False,
            "Candidate 1 of 1: Maximilian… (LONG-COD…)",
        ),
        # A short code stays whole; the name takes the rest of the line.
        (
            [Candidate(id="c1", code="C1", name=FULL_NAME)],
            0,
            True,
            "Candidate 1 of 1: Maximilian Alex... (C1)",
        ),
    ],
)
async def test_the_heading_at_80x24_keeps_the_count_and_cuts_the_name_first(
    app_factory: AppFactory,
    store: Store,
    session: Session,
    candidates: list[Candidate],
    pages: int,
    ascii_only: bool,
    heading: str,
) -> None:
    store.save(session.model_copy(update={"candidates": candidates}), replace=True)
    app = app_factory(session.id, ascii_only=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["pagedown"] * pages)
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert top == f" {heading}  Question 1 of 2  Time 0:00 of 4 min "


@pytest.mark.parametrize(
    ("width", "heading"),
    [
        # The narrowest window the app is made for: the count whole, then the name.
        (MIN_SIZE[0], "Candidate 12 of 12: Maximilia… (LONG-CO…)"),
        # Wider, more of the name: a long code is cut first, to its start...
        (90, "Candidate 12 of 12: Maximilian Alexande… (LONG-CO…)"),
        # ...and with room, all of it.
        (130, f"Candidate 12 of 12: {FULL_NAME} (LONG-CODE-2026-001)"),
    ],
)
async def test_the_heading_uses_the_width_it_has(
    app_factory: AppFactory, store: Store, session: Session, width: int, heading: str
) -> None:
    last = Candidate(id="c12", code="LONG-CODE-2026-001", name=FULL_NAME)
    store.save(session.model_copy(update={"candidates": [*TWELVE[:11], last]}), replace=True)
    app = app_factory(session.id)
    async with app.run_test(size=(width, MIN_SIZE[1])) as pilot:
        await pilot.press(*["pagedown"] * 11)
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert top.split("Question 1 of 2")[0].strip() == heading


async def test_a_second_round_on_an_answer_is_timed_from_nothing(
    app_factory: AppFactory, store: Store
) -> None:
    # Found by a tester: after Ctrl+G the header said "round 2  Time 0:45", the
    # first round's time counted on, though round 2 is a new answer to time.
    bank = load_bank(locations.shipped_banks_dir() / "practice-support-worker.toml")
    practice = practice_session(bank)
    store.save(practice)
    clock = HandClock()
    async with app_factory(practice.id, clock=clock).run_test(size=(100, 30)) as pilot:
        app = pilot.app
        timer = app.screen.query_one(QuestionTimer)
        clock.move(timer, 40)
        await pilot.press("1", "w", "d", "4", "ctrl+g")
        await pilot.pause()
        assert widget_text(app, "#position").endswith("round 2")
        assert timer.elapsed == 0
        clock.move(timer, 5)
        await pilot.pause()
        assert "Time 0:05 of " in screen_text(app)
    # Kept from round 2's start, so a resume carries on from round 2's time.
    cursor = store.load(practice.id).cursor
    assert cursor is not None and cursor.elapsed == 5
