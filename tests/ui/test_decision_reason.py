"""The decision box: the reason the chair types again for a changed outcome counts."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from tests.ui.helpers import AppFactory


@pytest.mark.parametrize(
    ("outcome", "typed_again", "kept"),
    [
        # Found by a tester: the old reason, deleted and typed again word for word
        # under the new outcome, was still refused as the reason given for the old one.
        ("undecided", True, ("undecided", "Clear examples.")),
        # Left as it was, untouched, it is still refused: a stale reason carried over.
        ("do_not_recommend", False, ("recommend", "Clear examples.")),
    ],
)
async def test_the_reason_counts_for_a_changed_outcome_only_once_typed_again(
    app_factory: AppFactory,
    store: Store,
    session: Session,
    outcome: str,
    typed_again: bool,
    kept: tuple[str, str],
) -> None:
    store.open(session.id).decide("c1", "recommend", "Clear examples.")
    async with app_factory(session.id).run_test(size=(100, 40)) as pilot:
        app = pilot.app
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog)
        assert await pilot.click(f"#{outcome}")
        if typed_again:
            reason = app.screen.query_one("#reason", Input)
            reason.focus()
            await pilot.pause()
            await pilot.press("end", *["backspace"] * len("Clear examples."))
            assert reason.value == ""
            await pilot.press(*"Clear examples.")
            assert reason.value == "Clear examples."
        assert await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog) is not typed_again  # refused: it stays
    decision = store.load(session.id).decision("c1")
    assert decision is not None
    assert (decision.outcome, decision.reason) == kept
