"""A box's list of choices (ui/widgets/choices.py ``ChoiceList``): Enter chooses, then answers.

Enter on the highlighted choice chooses it; Enter on the choice already made
answers the box, as Enter in one of its fields does. Space only chooses.
"""

from __future__ import annotations

from pathlib import Path

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.dialogs import DecisionDialog, ExportDialog
from panel_tui.ui.screens.payment import PaymentDialog
from tests.ui.helpers import SIZE, AppFactory


async def test_enter_on_the_format_already_chosen_exports(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    exports = tmp_path / "exports"
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        # The first format (Markdown) is chosen as the box opens.
        await pilot.press("ctrl+s", "e", "enter")
        assert not isinstance(pilot.app.screen, ExportDialog)
        assert sorted(p.name for p in exports.iterdir()) == ["test-session.md"]
        # Down highlights the next (HTML); Enter chooses it and the box stays.
        await pilot.press("e", "down", "enter")
        assert isinstance(pilot.app.screen, ExportDialog)
        # Space on it changes nothing and answers nothing.
        await pilot.press("space")
        assert isinstance(pilot.app.screen, ExportDialog)
        await pilot.press("enter")
        assert not isinstance(pilot.app.screen, ExportDialog)
    assert sorted(p.name for p in exports.iterdir()) == ["test-session.html", "test-session.md"]


async def test_enter_twice_on_a_decision_saves_it_without_a_reason(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "down", "enter")  # chooses "do not recommend"
        assert isinstance(pilot.app.screen, DecisionDialog)
        assert store.load(session.id).decision("c1") is None
        await pilot.press("enter")
        assert not isinstance(pilot.app.screen, DecisionDialog)
    decision = store.load(session.id).decision("c1")
    assert decision is not None
    assert (decision.outcome, decision.reason) == ("do_not_recommend", "")


async def test_payment_notes_are_chosen_and_saved_with_keys_alone(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        # Seat 1 is chosen as the box opens; Down and Enter choose seat 2 and
        # show its (empty) notes; Tab to the rate, an amount, Shift+Tab back to
        # the list, Enter on seat 2 saves.
        await pilot.press("ctrl+s", "p", "down", "enter", "tab", *"15", "shift+tab")
        assert isinstance(pilot.app.screen, PaymentDialog)
        await pilot.press("enter")
        assert not isinstance(pilot.app.screen, PaymentDialog)
    on_disk = store.load(session.id)
    notes = on_disk.member("m2").involvement
    assert notes is not None and notes.rate == 15
    assert on_disk.member("m1").involvement is None


async def test_enter_twice_on_a_decision_made_before_keeps_it(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Reopened over "do not recommend", the list starts on that choice, so Enter
    # there answers the box unchanged (it once chose the first, "recommend").
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "down", "enter", "enter")
        decision = store.load(session.id).decision("c1")
        assert decision is not None and decision.outcome == "do_not_recommend"
        await pilot.press("ctrl+d", "enter", "enter")
        assert not isinstance(pilot.app.screen, DecisionDialog)
    decision = store.load(session.id).decision("c1")
    assert decision is not None and decision.outcome == "do_not_recommend"
