"""The payment notes dialog on the summary: a chair notes a member's pay in words."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Label

from panel_tui.domain.models import Session, VoteEvent
from panel_tui.domain.store import Store
from panel_tui.ui.screens.payment import PaymentDialog
from panel_tui.ui.screens.summary import SummaryScreen
from panel_tui.ui.widgets.choices import ChoiceList
from tests.ui.helpers import (
    CLOSE_UNSAVED,
    CREATED,
    AppFactory,
    screen_text,
    small_session,
    widget_text,
)

SIZE = (80, 24)


async def click(pilot: Pilot[Any], selector: str) -> None:
    """Scroll the dialog to a field, as a person would, then click it."""
    target = pilot.app.screen.query_one(selector)
    target.scroll_visible(animate=False)
    # A button ignores a click while it still shows the one before (Textual's 0.2 s
    # "pressed" effect), as it would for a person clicking twice at once.
    while target.has_class("-active"):
        await pilot.pause(0.05)
    await pilot.pause()
    assert await pilot.click(selector)


async def open_box(pilot: Pilot[Any]) -> PaymentDialog:
    """The summary's payment box, opened as the chair opens it (Ctrl+S, then P)."""
    await pilot.press("ctrl+s", "p")
    dialog = pilot.app.screen
    assert isinstance(dialog, PaymentDialog)
    return dialog


async def test_the_chair_notes_a_rate_and_expenses_and_it_is_on_disk(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "p")
        assert isinstance(app.screen, PaymentDialog)
        await click(pilot, "#seat-2")
        dialog = app.screen
        dialog.query_one("#rate", Input).value = "£15"
        await click(pilot, "#per-hour")
        dialog.query_one("#expenses", Input).value = "6.40"
        dialog.query_one("#note", Input).value = "Bus, both ways"
        dialog.query_one("#times-1", Input).value = "09:30-12:40"
        await click(pilot, "#save")
        assert isinstance(app.screen, SummaryScreen)
        assert "Saved the payment notes for Seat 2." in screen_text(app)
    notes = store.load(session.id).member("m2").involvement
    assert notes is not None
    assert (notes.rate, notes.per, notes.expenses, notes.expenses_note) == (
        Decimal("15"),
        "hour",
        Decimal("6.40"),
        "Bus, both ways",
    )
    assert [(t.end - t.start).total_seconds() for t in notes.times] == [190 * 60]
    assert store.load(session.id).member("m1").involvement is None


async def test_notes_that_make_no_sense_are_named_and_nothing_is_saved(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "p")
        dialog = app.screen
        dialog.query_one("#rate", Input).value = "ten pounds"
        await click(pilot, "#save")
        assert isinstance(app.screen, PaymentDialog)
        shown = str(dialog.query_one("#problem", Label).render())
        assert "Seat 1: the rate must be an amount of money of at least 0, such as 15.50" in shown
        dialog.query_one("#rate", Input).value = "10"
        await click(pilot, "#per-block")
        await click(pilot, "#save")
        shown = str(dialog.query_one("#problem", Label).render())
        assert "a rate per block needs the hours in one block" in shown
        await pilot.press(*CLOSE_UNSAVED)
        assert isinstance(app.screen, SummaryScreen)
    assert all(m.involvement is None for m in store.load(session.id).panel)


async def test_choosing_a_member_shows_what_was_noted_before(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        (await open_box(pilot)).query_one("#rate", Input).value = "60"
        await click(pilot, "#declined-yes")
        await click(pilot, "#save")
        await pilot.press("p")
        dialog = app.screen
        assert dialog.query_one("#rate", Input).value == "60.00"
        await click(pilot, "#seat-3")
        assert dialog.query_one("#rate", Input).value == ""
        await click(pilot, "#seat-1")
        assert dialog.query_one("#rate", Input).value == "60.00"
    notes = store.load(session.id).member("m1").involvement
    assert notes is not None and notes.declined


@pytest.mark.parametrize("tabs", [1, 3])
async def test_what_was_typed_is_quoted_in_a_refusal_as_typed_never_as_markup(
    app_factory: AppFactory, session: Session, tabs: int
) -> None:
    # Found by a tester: "[/" in a box made the refusal's words bad markup, and
    # the app stopped with a traceback.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "p", *["tab"] * tabs, "[", "/", "enter")
        shown = str(pilot.app.screen.query_one("#problem", Label).render())
        assert '"[/"' in shown and isinstance(pilot.app.screen, PaymentDialog)


async def test_a_refusal_shows_at_80x24_after_enter_in_a_box_near_the_top(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "p")
        rate = pilot.app.screen.query_one("#rate", Input)
        rate.focus()
        await pilot.press("a", "b", "c", "enter")
        await pilot.pause()
        # the message is on screen, not below the fold of the dialog
        assert "the rate must be an amount of money" in screen_text(pilot.app)


async def test_choosing_another_member_never_throws_away_what_was_typed(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        # Seat 1's rate typed, then Down and Enter on the list would show seat 2's notes.
        await pilot.press("ctrl+s", "p", "tab", *"15", "shift+tab", "down", "enter")
        dialog = app.screen
        assert isinstance(dialog, PaymentDialog)
        member = dialog.query_one("#member", ChoiceList).pressed_button
        assert member is not None and member.id == "seat-1"
        assert dialog.query_one("#rate", Input).value == "15"
        problem = str(dialog.query_one("#problem", Label).render())
        assert "The notes for Seat 1 have changes that are not saved." in problem
        # The box has scrolled to its foot: the keys go on to the Save button shown
        # beside the refusal, not to the list now out of sight.
        await pilot.pause()
        shown = screen_text(app)
        assert "have changes that are not saved" in shown
        focused = app.focused
        assert isinstance(focused, Button) and focused.id == "save"
        assert "Save" in shown
        # Saved, the chair may go on to seat 2.
        await pilot.press("enter")  # on Save: saves seat 1's notes
        await pilot.press("p", "down", "enter")
        dialog = app.screen
        assert isinstance(dialog, PaymentDialog)
        member = dialog.query_one("#member", ChoiceList).pressed_button
        assert member is not None and member.id == "seat-2"
    notes = store.load(session.id).member("m1").involvement
    assert notes is not None and notes.rate == 15


async def test_the_title_names_the_member_whose_notes_the_fields_show(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    # Found by a new user: Down put the pointer on Seat 2 while the fields, and
    # the save, stayed Seat 1's. The list chooses as every list does (Enter or
    # Space), and the title, always in sight, names whose notes the fields show.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "p", "down")
        assert "Payment notes for Seat 1 (More below" in screen_text(app)
        await pilot.press("enter", "tab", *"12")
        assert "Payment notes for Seat 2 (More below" in screen_text(app)
        await pilot.press("ctrl+s")
        assert "Saved the payment notes for Seat 2." in screen_text(app)
    saved = store.load(session.id)
    notes = saved.member("m2").involvement
    assert notes is not None and notes.rate == 12
    assert saved.member("m1").involvement is None


async def test_names_in_the_member_list_are_shown_as_typed_never_as_markup(
    app_factory: AppFactory, session: Session
) -> None:
    # "[bold]x[/]" showed as a bold "x", and "[@click=app.quit]y" as a link that quit.
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "p")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Seat 1, [bold]x[/]: Lived experience" in text
        assert "Seat 2, [@click=app.quit]y: Lived experience" in text
        # One pair of brackets: "(Observer (does not vote))" read badly (found by a tester).
        assert "Seat 4, Olu Ade: Observer (does not vote)" in text


def two_day_session(store: Store) -> Session:
    """The small session, saved, with seat 3 voting on 23 and on 24 November."""
    first, second = CREATED + timedelta(hours=1), CREATED + timedelta(days=1, hours=1)
    votes = [
        VoteEvent(candidate=c, question="q1", member="m3", value="up", at=at)
        for c, at in (("c1", first), ("c2", second))
    ]
    session = small_session().model_copy(update={"votes": votes})
    store.save(session)
    return session


async def test_save_and_cancel_show_at_80x24_wherever_the_chair_is_in_the_box(
    app_factory: AppFactory, store: Store
) -> None:
    # The box scrolled as a whole: at 80x24 Save and Cancel were below the fold,
    # with only the scroll bar to say so (found on a walk). The fields scroll now,
    # between the title and the buttons, and a refusal shows beside the buttons.
    session = two_day_session(store)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        dialog = await open_box(pilot)
        await pilot.pause()
        assert "Whose notes?" in screen_text(pilot.app)  # opened at its top
        # In words, not only by the scroll bar's colour (found by a review).
        assert "Payment notes for Seat 1 (More below: Tab moves on)" in screen_text(pilot.app)
        for field in ("#member", "#rate", "#expenses", "#times-2"):
            dialog.query_one(field).focus()
            await pilot.pause()
            lines = screen_text(pilot.app).splitlines()
            assert any("Payment notes" in line for line in lines[:3]), field
            assert any("Save" in line and "Cancel (Esc)" in line for line in lines), field
        # Tab goes from Cancel straight back to the first field: the scrolling
        # fields are no stop of their own, where nothing looked focused.
        dialog.query_one("#cancel").focus()
        await pilot.press("tab")
        assert pilot.app.focused is dialog.query_one("#member")
        dialog.query_one("#times-2").focus()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the box scrolls to the field
        assert "Payment notes for Seat 1 (More above: Shift+Tab moves back)" in screen_text(
            pilot.app
        )
        await pilot.press("a", "enter")
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert '24 November 2026: "a" is not a time sat' in shown
        assert "Cancel (Esc)" in shown


async def test_a_session_of_two_days_has_a_field_of_times_for_each_day(
    app_factory: AppFactory, store: Store
) -> None:
    # One field of times, read as the first day: a member who sat only the second
    # morning was paid for a morning on the first.
    session = two_day_session(store)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        dialog = await open_box(pilot)
        await click(pilot, "#seat-3")
        field = dialog.query_one("#times-2", Input)
        # The field under the second day's name, as the chair sees it.
        names = [w for w in field.parent.children if isinstance(w, Label)] if field.parent else []
        above = [w for w in names if w.region.y < field.region.y]
        assert str(above[-1].render()) == "24 November 2026:"
        field.value = "09:00-12:30"
        field.scroll_visible(animate=False)
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "decision; if you fill in any day" in shown  # wrapped, not cut off at 80
        await click(pilot, "#save")
        assert isinstance(pilot.app.screen, SummaryScreen)
    notes = store.load(session.id).member("m3").involvement
    assert notes is not None
    start = datetime(2026, 11, 24, 9, 0).astimezone()
    assert [(t.start, t.end) for t in notes.times] == [(start, start + timedelta(hours=3.5))]


async def test_closing_the_box_with_changes_says_they_were_not_saved(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    # After an earlier save, Esc on new changes left "Saved the payment notes
    # for Seat 1." on the summary: the chair believed them saved (found by a tester).
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        (await open_box(pilot)).query_one("#rate", Input).value = "15"
        await click(pilot, "#save")
        assert "Saved the payment notes for Seat 1." in screen_text(app)
        await pilot.press("p")
        app.screen.query_one("#rate", Input).value = "20"
        await pilot.press(*CLOSE_UNSAVED)
        assert isinstance(app.screen, SummaryScreen)
        shown = screen_text(app)
        assert "Payment notes not saved: the box was closed with changes in it." in shown
        assert "Saved the payment notes" not in shown
        # Saved again, then closed with nothing changed: the line still says saved.
        await pilot.press("p")
        await click(pilot, "#save")
        await pilot.press("p", "escape")
        assert isinstance(app.screen, SummaryScreen)
        assert "Saved the payment notes for Seat 1." in screen_text(app)
    notes = store.load(session.id).member("m1").involvement
    assert notes is not None and notes.rate == 15


async def test_enter_on_the_payment_choice_never_marks_it_declined_nor_saves(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    # Enter on the "Declined payment" tick box ticked it (found by a tester); on
    # the choice made, Enter goes on to the next field, and only Save saves.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        dialog = await open_box(pilot)
        dialog.query_one("#rate", Input).value = "15"
        dialog.query_one("#declined", ChoiceList).focus()
        await pilot.press("enter")
        assert app.screen is dialog and app.focused is dialog.query_one("#times-1", Input)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SummaryScreen)
    notes = store.load(session.id).member("m1").involvement
    assert notes is not None and (notes.rate, notes.declined) == (Decimal("15"), False)


async def test_the_title_follows_the_window_being_resized(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a review: the title's "more below" went stale on a resize.
    async with app_factory(session.id).run_test(size=(80, 60)) as pilot:
        await open_box(pilot)
        await pilot.pause()
        # Every field shows: no "more below".
        assert widget_text(pilot.app, "#payment-title") == "Payment notes for Seat 1"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Payment notes for Seat 1 (More below: Tab moves on)" in screen_text(pilot.app)
        await pilot.resize_terminal(80, 60)
        await pilot.pause()
        assert widget_text(pilot.app, "#payment-title") == "Payment notes for Seat 1"


async def test_a_field_refused_at_80x24_stays_in_sight_with_what_is_typed_in_it(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a new user: after "9-1" was refused, the times box slid out of
    # sight under the refusal, and what was typed next could not be seen.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        dialog = await open_box(pilot)
        dialog.query_one("#times-1", Input).focus()
        await pilot.press(*"9-1", "enter", "x")
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert '"9-1" is not a time sat' in shown
        assert "9-1x" in shown
