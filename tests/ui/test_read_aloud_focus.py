"""Where the keys went, said aloud as Tab moves: each field, choice and button in its box."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select

from panel_tui import locations
from panel_tui.domain.interview import ASKED_ALOUD
from panel_tui.domain.models import Session
from panel_tui.domain.store import SessionSummary, Store
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow
from tests.ui.helpers import AppFactory
from tests.ui.speaking import FakeSpeaker, listening


@asynccontextmanager
async def the_form(
    app_factory: AppFactory, *, each: bool = True
) -> AsyncIterator[tuple[Pilot[None], FakeSpeaker]]:
    """The new-session form open, with each question read aloud (or not), and its voice."""
    async with listening(app_factory, None, each=each, size=(100, 40)) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()
        yield pilot, speaker


@pytest.mark.parametrize("each", [True, False])
async def test_with_each_question_read_aloud_tab_says_where_the_keys_went(
    app_factory: AppFactory, session: Session, each: bool
) -> None:
    # Tab moved a pointer a listener could not see: nothing said which field
    # had the keys (found by a tester with a screen reader's habits).
    async with the_form(app_factory, each=each) as (pilot, speaker):
        speaker.said.clear()
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab")  # back past the title, to the bank
        await pilot.pause()
    if not each:
        assert speaker.said == []  # only when asked for: no voice over a sighted chair
        return
    said = speaker.said
    assert len(said) == 6
    assert said[0] == "Title. Text box, empty: A name for this round"  # under its heading
    # Whose box, too: every row's sounded alike (found by a tester).
    assert said[1] == "Panel members, member 1. Text box, empty: Name"
    assert said[2] == "Panel members, member 1. Text box, empty: Pronouns"
    assert said[3] == said[1]  # and back
    assert said[4:] == [said[0], "Question bank. Drop-down list: nothing chosen"]
    assert speaker.stops >= 6  # each Tab cut short the field said before: no backlog


async def test_each_row_of_the_form_says_whose_it_is_and_which_box(
    app_factory: AppFactory,
) -> None:
    # Found by a tester: "Text box: 3" and "Button: Remove" said neither whose
    # row they were in nor what the box was for.
    async with the_form(app_factory) as (pilot, speaker):
        app = pilot.app
        app.screen.query_one("#add-member", Button).press()
        await pilot.pause()
        rows = app.screen.query(MemberRow)
        assert len(rows) == 2
        second = rows[1]
        for target in (second.query_one("#seat", Input), second.query_one(".remove", Button)):
            target.focus()
            await pilot.pause()
        candidate = app.screen.query(CandidateRow).first().query_one("#code", Input)
        candidate.focus()
        await pilot.pause()
        seat, code = second.query_one("#seat", Input).value, candidate.value
    assert seat and code  # each offered: the next free seat, the next code
    assert speaker.said[-3:] == [
        f"Panel members, member 2. Text box, Seat: {seat}",
        "Panel members, member 2. Button: Remove",
        f"Candidates, candidate 1. Text box, Code: {code}",
    ]


async def test_tab_in_a_box_over_the_interview_says_each_kind_of_field(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.pause()
        speaker.said.clear()
        await pilot.press("ctrl+d")  # the decision box: its list of choices has the keys
        await pilot.pause()
        await pilot.press("down", "enter", "tab", "tab")
        await pilot.pause()
    assert speaker.said == [
        # Whose decision, from the box's title (found by a tester: "Choices: none chosen" alone),
        # and where the pointer is.
        "The panel's decision on [red]Alex[/red]. Still to do: [red]Alex[/red] has no votes yet,"
        " so no score. Choices: Recommend, 1 of 3. None chosen",
        "Do not recommend, 2 of 3",  # each arrow says where the pointer went
        "Do not recommend, chosen, 2 of 3",  # and each choice what changed
        "Reason (needed to recommend or not recommend; Tab to move here). Text box, empty: Why the panel decided this",
        "Button: Save decision",
    ]


async def test_the_field_a_box_opens_on_is_said_at_once_never_over_the_news(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("1")  # "Vote recorded ...", waiting behind the question
        await pilot.pause()
        stops = speaker.stops
        await pilot.press("ctrl+d")
        await pilot.pause()
        vote = speaker.waiting
        assert len(vote) == 1 and vote[0].startswith("Vote recorded for Seat 1")
        # Said at once, cutting short the question now behind the box; the news follows.
        assert speaker.reading == speaker.said[-1]
        assert speaker.said[-1].startswith(
            "The panel's decision on [red]Alex[/red]. Still to do: [red]Alex[/red] has no votes on Q2"
        )
        assert speaker.said[-1].endswith(". Choices: Recommend, 1 of 3. None chosen")
        assert speaker.stops == stops + 1 and speaker.waiting == vote
        await pilot.press("tab")
        await pilot.pause()
        assert speaker.said[-1].startswith(
            "Reason (needed to recommend or not recommend; Tab to move here). Text box"
        )
        assert speaker.waiting == vote  # never over the news: it still follows


async def test_a_drop_down_list_is_said_by_the_words_it_shows_not_its_value(
    app_factory: AppFactory,
) -> None:
    async with the_form(app_factory) as (pilot, speaker):
        bank = pilot.app.screen.query_one(Select)
        bank.value = str(locations.shipped_banks_dir() / "support-worker.toml")  # a path
        await pilot.press("tab", "shift+tab")
        await pilot.pause()
    assert speaker.said[-1] == (
        "Question bank. Drop-down list: Support worker, supported living (6 questions)"
    )


async def test_the_list_said_at_start_is_the_one_shown_after_a_killed_run(
    app_factory: AppFactory, store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester after kill -9: the list said "0 votes" with no "Up to",
    # read from the catalogue before the killed run's votes were read in; the
    # screen then showed "1 vote, Up to: ...". Where the keys are is said once the
    # list shows what is on disk, from the list itself.
    with store.open(session.id) as opened:
        opened.move_to("c1", "q1")  # the catalogue as a closed run leaves it: up to date
    opened = store.open(session.id)
    opened.record_vote("c1", "q1", "m1", "up")
    opened.move_to("c2", "q2")
    opened._lock.release()  # killed: never closed, the catalogue's entry out of date
    read_in, summaries = threading.Event(), store.summaries

    def read_in_later() -> list[SessionSummary]:
        """The session is read in behind once the list has been painted and focused."""
        read_in.wait(5)
        return summaries()

    monkeypatch.setattr(store, "summaries", read_in_later)
    async with listening(app_factory, None) as (pilot, speaker):
        await pilot.pause()
        read_in.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        resume = pilot.app.screen.query_one("#resume", OptionList)
        lines = str(resume.get_option_at_index(0).prompt).splitlines()
        shown = ". ".join(" ".join(line.split()) for line in lines)  # each line a sentence
    assert "1 vote" in shown and "Up to: C2, Question 2 of 2" in shown
    assert speaker.said == [f"Carry on where you left off. List: {shown}, 1 of 1"]


async def test_tab_between_a_questions_buttons_says_each_button(
    app_factory: AppFactory, session: Session
) -> None:
    # Tab and the arrows moved Enter from one answer to the other in silence.
    # The question's own reading names the button it opens on.
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("1", "ctrl+r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        opened = list(speaker.said)
        await pilot.press("tab")
        await pilot.pause()
        moved = speaker.said[len(opened) :]
        await pilot.press("left")
        await pilot.pause()
        back = speaker.said[len(opened) + len(moved) :]
    assert opened[-1] == ASKED_ALOUD  # no button said over the question as the box opens
    assert len(moved) == 1 and moved[0].startswith("Button: "), moved
    assert moved[0].endswith("(Enter or Esc)"), moved  # Enter now gives this answer
    assert len(back) == 1 and back[0].startswith("Button: "), back
    assert back[0].endswith("(Enter)"), back
