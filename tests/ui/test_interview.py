"""Pilot-driven tests of the live panel: a whole interview, and each rule on its own.

Seats in the small session: 1 and 2 are lived-experience members, 3 is a
professional, 4 an observer. Their keys: seat 1 ``1 q a z``, seat 2 ``2 w s x``,
seat 3 ``3 e d c`` (up, middle, down, abstain).
"""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, Label

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.exports import FORMATS, file_name
from panel_tui.domain.interview import NO_CANDIDATES
from panel_tui.domain.models import Session
from panel_tui.domain.sessions import practice_session
from panel_tui.domain.store import Store, StoreError
from panel_tui.ui.app import PanelApp
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from panel_tui.ui.screens.dialogs import ConfirmDialog, NoteDialog
from panel_tui.ui.screens.export_dialog import ExportDialog
from panel_tui.ui.screens.help import HelpScreen
from panel_tui.ui.screens.home import HomeScreen
from panel_tui.ui.screens.interview import InterviewScreen
from panel_tui.ui.screens.summary import SummaryScreen
from panel_tui.ui.widgets.vote_grid import VoteButton, VoteRow
from tests.ui.helpers import (
    BROKEN_MARKUP,
    CLICK_NAME,
    MARKUP_NAME,
    SIZE,
    AppFactory,
    assert_sealed,
    row_text,
    screen_text,
    scrolled_text,
    standing,
    widget_text,
)
from tests.ui.speaking import FakeSpeaker


async def test_a_whole_interview(app_factory: AppFactory, store: Store, session: Session) -> None:
    app = app_factory(session.id)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, InterviewScreen)

        # Seat 1 by key: recorded, sealed.
        await pilot.press("1")
        assert row_text(app, 1) == "✓ Voted"
        assert standing(store, "c1", "q1") == {"m1": "up"}

        # A slip by seat 2, undone with one key (no question asked while sealed).
        await pilot.press("s")
        assert_sealed(app)
        await pilot.press("backspace")
        assert row_text(app, 2) == "… Waiting"
        assert standing(store, "c1", "q1") == {"m1": "up"}

        # Seat 2 by a click on its Middle key.
        assert await pilot.click("#seat-2 VoteButton.-middle")
        assert row_text(app, 2) == "✓ Voted"
        assert row_text(app, 3) == "… Waiting"
        assert standing(store, "c1", "q1") == {"m1": "up", "m2": "middle"}
        assert_sealed(app)
        assert "2 of 3 voted" in widget_text(app, "#status")

        # Seat 3 abstains; everyone has voted, so every vote shows at once.
        await pilot.press("c")
        assert [row_text(app, s) for s in (1, 2, 3)] == ["▲ Up", "● Middle", "– Abstain"]
        assert "Ctrl+N" in widget_text(app, "#hint")  # a note is offered, not forced
        assert not isinstance(app.screen, NoteDialog)

        # Changing a shown vote asks first; "no" keeps it, "yes" changes and marks it.
        await pilot.press("a")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert standing(store, "c1", "q1")["m1"] == "up"
        await pilot.press("a")
        await pilot.press("enter")
        assert standing(store, "c1", "q1")["m1"] == "down"
        assert row_text(app, 1) == "▼ Down\nafter reveal"
        assert store.load(session.id).votes[-1].after_reveal

        # A note of what was missing.
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"No example")
        await pilot.press("enter")
        assert [n.text for n in store.load(session.id).notes_on("c1", "q1")] == ["No example"]

        # The next question: up, down (a click), up.
        await pilot.press("right")
        assert store.load(session.id).cursor is not None
        assert store.load(session.id).cursor.question == "q2"
        await pilot.press("1")
        assert await pilot.click("#seat-2 VoteButton.-down")
        await pilot.press("3")
        assert [row_text(app, s) for s in (1, 2, 3)] == ["▲ Up", "▼ Down", "▲ Up"]
        assert "Split" in widget_text(app, "#status")

        # The panel's decision, with a reason that looks like markup.
        await pilot.press("ctrl+d")
        assert isinstance(app.screen, DecisionDialog)
        assert await pilot.click("#recommend")
        app.screen.query_one("#reason", Input).value = "[b]Warm[/b], specific"
        assert await pilot.click("#save")
        decision = store.load(session.id).decision("c1")
        assert decision is not None
        assert (decision.outcome, decision.reason) == ("recommend", "[b]Warm[/b], specific")

        # The summary shows the figures; export writes them.
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        assert "52.8%" in await scrolled_text(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        assert await pilot.click("#format-all")
        assert await pilot.click("#export")
        assert isinstance(app.screen, SummaryScreen)
        reported = widget_text(app, "#exported")
        assert str(app.export_dir.resolve()) in reported  # it says where
        stem = file_name(store.load(session.id), "md").removesuffix(".md")
        assert f"{stem}.md" in reported  # the first file in full, the rest by how they end
        for name in FORMATS:  # every format, each file named
            path = app.export_dir / file_name(store.load(session.id), name)
            assert path.exists()
            ending = path.name.removeprefix(stem)
            assert f": {stem}{ending}" in reported if name == "md" else f", {ending}" in reported
        written = app.export_dir / "test-session.json"

    exported = json.loads(written.read_text(encoding="utf-8"))
    last: dict[tuple[str, str, str], str | None] = {}
    for vote in exported["votes"]:
        last[(vote["candidate"], vote["question"], vote["member"])] = vote["value"]
    assert {k: v for k, v in last.items() if v is not None} == {
        ("c1", "q1", "m1"): "down",
        ("c1", "q1", "m2"): "middle",
        ("c1", "q1", "m3"): "abstain",
        ("c1", "q2", "m1"): "up",
        ("c1", "q2", "m2"): "down",
        ("c1", "q2", "m3"): "up",
    }
    alex = next(r for r in exported["results"]["ranking"] if r["candidate"] == "c1")
    # q1: down 0, middle 0.5 (abstain left out) = 0.25; q2 (weight 2): 2 of 3 up = 0.667.
    assert alex["score_pct"] == "52.8"
    assert alex["tally"] == {"up": 2, "middle": 1, "down": 2, "abstain": 1}
    assert alex["splits"] == ["q2"]
    assert alex["concerns"] == []
    assert alex["voice_gap"] == -0.5  # q2 only: lived-experience 0.5, professional 1
    assert exported["decisions"][-1]["reason"] == "[b]Warm[/b], specific"


async def test_the_chair_can_show_votes_early_after_confirming(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        await pilot.press("w")
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert_sealed(app)
        await pilot.press("ctrl+r", "enter")
        assert row_text(app, 2) == "● Middle"
        assert row_text(app, 1) == "No vote"
        assert [r.question for r in store.load(session.id).reveals] == ["q1"]
        assert "Ctrl+N" in widget_text(app, "#hint")


async def test_undo_after_the_reveal_asks_first(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("1", "2", "3")
        await pilot.press("ctrl+z")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert str(pilot.app.screen.question) == (
            "The votes are showing. Undo the last vote (▲ Up), given by Seat 3, Dan Reilly? "
            "They will then have no vote."
        )
        await pilot.press("escape")
        assert standing(store, "c1", "q1") == {"m1": "up", "m2": "up", "m3": "up"}
        await pilot.press("ctrl+z", "enter")
        assert standing(store, "c1", "q1") == {"m1": "up", "m2": "up"}


async def test_a_note_with_an_escape_code_is_refused(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note", Input).value = "bad \x1b[31m red"
        await pilot.press("enter")
        assert isinstance(app.screen, NoteDialog)
        assert "control character (U+001B)" in str(app.screen.query_one("#problem", Label).render())
        await pilot.press("escape")
        assert store.load(session.id).notes == []


async def test_a_decision_needs_an_outcome(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+d")
        assert await pilot.click("#save")
        assert isinstance(app.screen, DecisionDialog)
        assert "Choose" in str(app.screen.query_one("#problem", Label).render())
        await pilot.press("escape")
        assert store.load(session.id).decisions == []


async def test_moving_is_saved_and_a_new_start_resumes_there(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("pagedown", "2")
        await pilot.press("right", "left", "right")
    cursor = store.load(session.id).cursor
    assert cursor is not None
    assert (cursor.candidate, cursor.question) == ("c2", "q2")

    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert (screen.candidate_id, screen.question_id) == ("c2", "q2")
        assert "Question 2 of 2" in screen_text(app)
        await pilot.press("left")
        assert row_text(app, 2) == "✓ Voted"


async def test_names_and_text_that_look_like_markup_show_literally(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        text = screen_text(app)
        for literal in (MARKUP_NAME, CLICK_NAME, BROKEN_MARKUP, "[red]Alex[/red]"):
            assert literal in text
        assert "Tell us about a time you [b]listened[/b] well." in text
        assert "[red]Not[/red] a lecture" in text
        # Clicking the name that looks like a click action does nothing.
        assert await pilot.click("#seat-2 .member")
        assert app.is_running
        await pilot.press("1", "2", "3", "ctrl+s")
        summary = await scrolled_text(pilot)
        assert "[red]Alex[/red]" in summary
        assert "[bold]x[/]" in summary


async def test_observers_do_not_get_a_vote_row(app_factory: AppFactory, session: Session) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert [row.member.id for row in app.screen.query(VoteRow)] == ["m1", "m2", "m3"]
        assert "Olu Ade" in widget_text(app, "#observers")
        await pilot.press("4")
        assert "Seat 4, Olu Ade, is an observer and does not vote." in widget_text(app, "#hint")


async def test_a_store_error_is_shown_and_the_vote_is_not_shown(
    app_factory: AppFactory, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app, PanelApp)
        assert app.opened is not None

        def full_disk(*_: object) -> None:
            raise StoreError("The disk is full, so the last change was not saved.")

        monkeypatch.setattr(app.opened, "record_vote", full_disk)
        await pilot.press("1")
        assert row_text(app, 1) == "… Waiting"
        assert any("disk is full" in n.message for n in app._notifications)
        assert "disk is full" in widget_text(app, "#hint")


async def test_a_session_open_elsewhere_shows_why_and_goes_home(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    with store.open(session.id):
        async with app_factory(session.id).run_test(size=SIZE) as pilot:
            app = pilot.app
            assert isinstance(app.screen, HomeScreen)
            assert any("open in another" in n.message for n in app._notifications)


async def test_choosing_a_session_at_home_opens_it(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory().run_test(size=SIZE) as pilot:
        app = pilot.app
        assert isinstance(app.screen, HomeScreen)
        app.screen.post_message(HomeScreen.SessionChosen(session.id))
        await pilot.pause()
        assert isinstance(app.screen, InterviewScreen)


async def test_the_timer_counts_against_the_time_guide(
    app_factory: AppFactory, session: Session
) -> None:
    now = [0.0]
    async with app_factory(session.id, clock=lambda: now[0]).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert "Time 0:00 of 4 min" in screen_text(app)
        now[0] = 4 * 60 + 1
        app.screen.query_one("#timer")._tick()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Time 4:01 ◆ over 4 min" in screen_text(app)
        await pilot.press("right")  # question 2 has no time guide
        assert "Time 0:00" in screen_text(app)
        assert "of 4 min" not in screen_text(app)


def test_vote_buttons_never_take_focus() -> None:
    # Enter or Space must never vote by accident.
    assert VoteButton.can_focus is False


async def test_practice_shows_the_sample_answer_and_the_reference_after_the_reveal(
    app_factory: AppFactory, store: Store
) -> None:
    bank = load_bank(locations.shipped_banks_dir() / "practice-support-worker.toml")
    practice = practice_session(bank)
    store.save(practice)
    async with app_factory(practice.id).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        sample = practice.sample_answer(practice.candidates[0].id, bank.questions[0].id)
        assert sample is not None
        shown = widget_text(app, "#sample")
        assert shown.startswith("Sample answer: ")
        assert "Reference rating" not in shown
        await pilot.press("1", "2", "3", "4")
        shown = widget_text(app, "#sample")
        words = {"up": "▲ Up", "middle": "● Middle", "down": "▼ Down"}
        assert f"Reference rating: {words[sample.rating]}" in shown
        await pilot.press("ctrl+s")
        assert "Calibration: how the panel compares" in await scrolled_text(pilot, pages=12)


async def test_a_session_without_candidates_refuses_votes_kindly(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    store.save(session.model_copy(update={"candidates": [], "id": "empty"}))
    speaker = FakeSpeaker()
    async with app_factory("empty", speaker=speaker).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert "no candidates" in widget_text(app, "#status")
        assert await pilot.click("#seat-1 VoteButton.-up")
        await pilot.press("ctrl+n", "right", "pagedown", "backspace")
        assert isinstance(app.screen, InterviewScreen)
        assert store.load("empty").votes == []
        # Found by a tester: Ctrl+L here stopped the app. It reads what the screen says.
        await pilot.press("ctrl+l")
        assert speaker.said[-1] == NO_CANDIDATES


async def test_vote_keys_never_answer_the_chairs_question(
    app_factory: AppFactory, session: Session
) -> None:
    # Seat 6's keys on a full keyboard are Y (middle) and N (abstain): a member
    # voting while the chair reads a question must not answer it.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("1", "ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y", "n", "Y", "N", "2", "w")
        assert isinstance(app.screen, ConfirmDialog)
        # Said, not lost unseen (found by a tester: a vote typed just after the
        # key that opened the question vanished), and every key, not only the last
        # (found by a tester: a burst of four seats' votes named only seat 4's).
        said = (
            "The keys Y, N, Y, N, 2 and W were not taken, in that order: "
            "answer this first, then press them again."
        )
        assert widget_text(app, "#not-taken") == said  # wrapped whole inside the box
        await pilot.press("question_mark")  # the help still opens over the question
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)
        assert not app.screen.session.is_revealed("c1", "q1")
        assert list(app.screen.session.current_votes("c1", "q1")) == ["m1"]
