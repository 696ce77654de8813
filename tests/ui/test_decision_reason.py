"""The decision box: the reason the chair types again for a changed outcome counts."""

from __future__ import annotations

from textual.widgets import Input

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from tests.ui.helpers import AppFactory


async def test_the_same_words_typed_again_for_a_changed_outcome_are_saved(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: the old reason, deleted and typed again word for word
    # under the new outcome, was still refused as the reason given for the old one.
    store.open(session.id).decide("c1", "recommend", "Clear examples.")
    async with app_factory(session.id).run_test(size=(100, 40)) as pilot:
        app = pilot.app
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog)
        assert await pilot.click("#undecided")
        reason = app.screen.query_one("#reason", Input)
        reason.focus()
        await pilot.pause()
        await pilot.press("end", *["backspace"] * len("Clear examples."))
        assert reason.value == ""
        await pilot.press(*"Clear examples.")
        assert reason.value == "Clear examples."
        assert await pilot.click("#save")
        await pilot.pause()
        assert not isinstance(app.screen, DecisionDialog)
    decision = store.load(session.id).decision("c1")
    assert decision is not None
    assert (decision.outcome, decision.reason) == ("undecided", "Clear examples.")


async def test_the_old_reason_left_under_a_changed_outcome_is_still_refused(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    store.open(session.id).decide("c1", "recommend", "Clear examples.")
    async with app_factory(session.id).run_test(size=(100, 40)) as pilot:
        app = pilot.app
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert await pilot.click("#do_not_recommend")
        assert await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog)
    decision = store.load(session.id).decision("c1")
    assert decision is not None and decision.outcome == "recommend"
