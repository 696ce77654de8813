"""A box's list of choices (ui/widgets/choices.py ``ChoiceList``): Enter chooses, then answers.

Enter on the highlighted choice chooses it; Enter on the choice already made
answers the box, as Enter in one of its fields does. Space only chooses. On a
tick box in a box, Space ticks and Enter answers (``AnsweringCheckbox``). In the
payment box, a list is one field of many (``ChoiceField``): Enter on the choice
made goes on to the next field, and Ctrl+S saves the box.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Select

from panel_tui.domain.models import Session
from panel_tui.domain.payment_notes import Involvement
from panel_tui.domain.store import Store
from panel_tui.ui.screens.decision_dialog import DecisionDialog
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.export_dialog import ExportDialog
from panel_tui.ui.screens.payment import PaymentDialog
from panel_tui.ui.widgets.choices import AnsweringCheckbox, ChoiceList, ClearRadioButton
from tests.ui.helpers import CLOSE_UNSAVED, SIZE, AppFactory, screen_text, widget_text


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


async def test_enter_on_a_tick_box_exports_and_leaves_it_ticked(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a tester: Enter on "Anonymise", as the help says to export,
    # unticked it instead, and the next export would have held names.
    exports = tmp_path / "exports"
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "e", "down", "enter", "tab")  # HTML, then Anonymise
        box = pilot.app.screen.query_one("#anonymise", AnsweringCheckbox)
        assert box.has_focus
        await pilot.press("space")
        assert box.value
        await pilot.press("enter")
        assert not isinstance(pilot.app.screen, ExportDialog)
        assert box.value
    (written,) = exports.iterdir()
    assert written.name.endswith("-anonymised.html")


async def test_enter_twice_on_a_decision_asks_for_the_reason_then_saves_it(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # PRODUCT.md 5: a decision "with a reason". A key pressed twice by mistake
    # once saved the first choice, "recommend", with none (found by a tester).
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "down", "enter")  # chooses "do not recommend"
        assert isinstance(pilot.app.screen, DecisionDialog)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, DecisionDialog)
        assert "Type the panel's reason for 'Do not recommend' first" in screen_text(pilot.app)
        assert store.load(session.id).decision("c1") is None
        # The keys are in the reason's box now: type it, Enter saves.
        await pilot.press(*"No example", "enter")
        assert not isinstance(pilot.app.screen, DecisionDialog)
    decision = store.load(session.id).decision("c1")
    assert decision is not None
    assert (decision.outcome, decision.reason) == ("do_not_recommend", "No example")


async def test_letters_typed_on_the_choices_start_the_reason(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: typed after choosing, the reason was dropped unseen, and the
    # reason given before stood under the new choice.
    with store.open(session.id) as opened:
        opened.decide("c1", "recommend", "Strong examples")
    keys = ("ctrl+d", "down", "enter", *"Poor examples", "enter")
    decided = await _decided(app_factory, store, session, keys)
    assert decided == ("do_not_recommend", "Poor examples")


async def test_undecided_needs_no_reason(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    keys = ("ctrl+d", "down", "down", "enter", "enter")
    assert await _decided(app_factory, store, session, keys) == ("undecided", "")


async def _decided(
    app_factory: AppFactory, store: Store, session: Session, keys: tuple[str, ...]
) -> tuple[str, str]:
    """Press ``keys`` on the interview: the decision box closed, the decision on C1 saved."""
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        assert not isinstance(pilot.app.screen, DecisionDialog)
    decision = store.load(session.id).decision("c1")
    assert decision is not None
    return decision.outcome, decision.reason


async def test_enter_twice_on_a_decision_made_before_keeps_it(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Reopened over "do not recommend", the list starts on that choice, so Enter
    # there answers the box unchanged (it once chose the first, "recommend").
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "down", "enter", "tab", *"Vague", "enter")
        decision = store.load(session.id).decision("c1")
        assert decision is not None and decision.outcome == "do_not_recommend"
        await pilot.press("ctrl+d", "enter", "enter")
        assert not isinstance(pilot.app.screen, DecisionDialog)
    on_disk = store.load(session.id)
    decision = on_disk.decision("c1")
    assert decision is not None and decision.outcome == "do_not_recommend"
    # Saved unchanged, it is not written again (a new event would move the
    # session's last time on, and the time members are paid for with it).
    assert len(on_disk.decisions) == 1


async def test_enter_in_the_payment_lists_chooses_and_only_the_box_s_key_saves(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: on the list of members Down, Down, Enter closed the box
    # at once ("Saved the payment notes for Seat 3.") before a rate was typed,
    # where on the list of pay bases the arrows only moved the pointer and Enter
    # chose. Both lists choose alike now, and Enter in a list never saves the box.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+s", "p", "down", "down")
        box = app.screen
        assert isinstance(box, PaymentDialog)
        members, per = box.query_one("#member", ChoiceList), box.query_one("#per", ChoiceList)
        assert _chosen(members) == "seat-1"  # the arrows move the pointer only
        await pilot.press("enter")
        assert app.screen is box and _chosen(members) == "seat-3"
        assert "Payment notes for Seat 3" in screen_text(app)
        # Enter on the choice made goes on to the next field, as Tab does.
        await pilot.press("enter")
        assert app.screen is box and app.focused is box.query_one("#rate", Input)
        await pilot.press(*"15", "tab", "up")
        assert _chosen(per) == "per-session"  # the first list's ways, in the second
        await pilot.press("space")
        assert _chosen(per) == "per-block"
        await pilot.press("enter", *"3", "shift+tab", "shift+tab", "shift+tab", "enter")
        assert app.screen is box
        # The box saves with its own key, which its footer shows.
        assert "Ctrl+S Save" in screen_text(app)
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, PaymentDialog)
    on_disk = store.load(session.id)
    notes = on_disk.member("m3").involvement
    assert notes is not None
    assert (notes.rate, notes.per, notes.block_hours) == (15, "block", 3)
    assert on_disk.member("m1").involvement is None


def _chosen(choices: ChoiceList) -> str | None:
    """The id of the choice made in a list."""
    pressed = choices.pressed_button
    return pressed.id if pressed is not None else None


async def test_choosing_another_member_shows_and_keeps_their_pay_basis(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    pay = {
        "m1": Involvement(rate=Decimal("10"), per="hour"),
        "m2": Involvement(rate=Decimal("20"), per="block", block_hours=2),
    }
    panel = [m.model_copy(update={"involvement": pay.get(m.id)}) for m in session.panel]
    store.save(session.model_copy(update={"panel": panel}), replace=True)
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "p", "down", "enter")  # seat 2: its notes show
        box = pilot.app.screen
        assert isinstance(box, PaymentDialog)
        per = box.query_one("#per", ChoiceList)
        # Seat 2's basis alone is chosen (seat 1's "Per hour" stayed chosen beside it).
        assert [b.id for b in per.query(ClearRadioButton) if b.value] == ["per-block"]
        assert per.pressed_button is not None and per.pressed_button.id == "per-block"
        await pilot.press("ctrl+s")  # saves what the box shows
        assert not isinstance(pilot.app.screen, PaymentDialog)
    assert store.load(session.id).member("m2").involvement == pay["m2"]


async def test_typing_in_the_open_list_of_banks_finds_one(app_factory: AppFactory) -> None:
    # Found by a tester: typing "sup" in the open list left "Choose a question bank".
    async with app_factory(None).run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter", *"sup", "enter")  # the form opens on its banks
        bank = pilot.app.screen.query_one("#bank", Select)
        assert isinstance(bank.value, str) and Path(bank.value).name == "support-worker.toml"


async def test_the_decision_box_says_what_is_left_undone_at_80x24(
    app_factory: AppFactory, session: Session
) -> None:
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "ctrl+d")  # one vote on Q1 (sealed), none on Q2
        shown = screen_text(pilot.app)
        assert "Still to do:" in shown
        assert "  [red]Alex[/red] has no votes on Q2; the score uses only the" in shown
        assert "  Q1 is still sealed, as not everyone voted." in shown
        assert "Save decision" in shown  # the box still fits, buttons and all


async def test_a_box_that_holds_typing_asks_before_esc_throws_it_away(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: a panel member who presses Esc when unsure lost a long
    # note with one key (the new-session form already asked).
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("ctrl+n", *"Warm", "escape")
        asked = app.screen
        assert isinstance(asked, ConfirmDialog)
        assert asked.question.plain == (
            "Close this box? What you chose or typed here has not been saved and will be lost."
        )
        assert "Stay (Enter or Esc)" in screen_text(app)
        await pilot.press("escape")  # Esc again, or Enter, keeps the typing
        await pilot.press("escape", "enter")
        assert app.screen.query_one("#note", Input).value == "Warm"
        await pilot.press(*CLOSE_UNSAVED)
        assert widget_text(app, "#hint") == "No note added. What was typed in the box was not kept."
        # Found by a tester: a reason typed, then Esc, said only "The decision was not changed".
        await pilot.press("ctrl+d", "tab", *"Vague", *CLOSE_UNSAVED)
        said = widget_text(app, "#hint")
        assert said == "The decision was not changed. What was typed in the box was not kept."
        # Nothing typed: nothing to ask, nothing to say of it.
        await pilot.press("ctrl+n", "escape")
        assert widget_text(app, "#hint") == "No note added."


async def test_the_arrows_stop_at_either_end_of_a_list_of_choices(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: from "Do not recommend", Down, Down went round to
    # "Recommend", and Space chose it. Up on the first, Down on the last, stay put.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d", "up", "space")
        choices = pilot.app.screen.query_one("#outcome", ChoiceList)
        ids = [button.id for button in choices.query(ClearRadioButton)]
        assert choices.pressed_button is not None
        assert choices.pressed_button.id == ids[0]
        await pilot.press(*["down"] * (len(ids) + 1), "space")
        assert choices.pressed_button is not None
        assert choices.pressed_button.id == ids[-1]
