"""What is said aloud, word for word: whose notes a box holds, keys in words, what a
screen shows read in its order (found by a blind panel member at 80x24)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, RadioSet, Select

from panel_tui.domain.models import Session
from panel_tui.ui.box_reading import PALETTE_WORDS
from tests.ui.helpers import AppFactory
from tests.ui.speaking import listening, said_after


async def test_the_payment_box_opens_saying_whose_notes_and_tab_off_an_unchosen_member_says_so(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await said_after(pilot, speaker, "ctrl+s")
        opening = await said_after(pilot, speaker, "p")
        await said_after(pilot, speaker, "down")
        left = await said_after(pilot, speaker, "tab")
        members = pilot.app.screen.query_one("#member", RadioSet)
        pointer = members._selected
    assert opening and opening[-1].startswith("Payment notes for Seat 1"), opening
    assert "Whose notes? Choices: Seat 1" in opening[-1], opening
    assert left and left[0].startswith("Chosen: Seat 1, "), left
    assert "Not Seat 2, " in left[0] and "Space" in left[0], left
    assert left[-1].startswith("Rate"), left  # then the field Tab reached
    # The pointer is back on the choice made, where a sighted chair sees it highlighted.
    assert pointer == 0


async def test_the_command_palette_says_its_keys_in_words(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("ctrl+a", "ctrl+p", *"next")
        await pilot.pause(0.3)  # the palette's search runs aside
        await pilot.press("down", "up")
        await pilot.pause()
        said = [line for line in speaker.said if line.startswith("Next question")]
        await pilot.press("ctrl+l")
        await pilot.pause()
        whole = speaker.said[-1]
    assert said and said[-1].startswith("Next question, Right arrow: Go to the next"), said
    assert "Right arrow: Go to the next" in whole and "->" not in whole, whole


async def test_ctrl_l_in_the_command_palette_reads_it_and_it_opens_saying_what_it_is(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: Ctrl+L in the palette said nothing and showed no notice
    # (Textual stops the app's keys at a box), and it opened on "Text box, empty".
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await pilot.pause()
        heard = len(speaker.said)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)  # the palette's search runs aside
        opening = speaker.said[heard:]
        # The first command follows the opening words, never cuts them short.
        reading, waiting = speaker.reading, speaker.waiting
        await pilot.press("ctrl+l")
        await pilot.pause()
        whole = speaker.said[-1].splitlines()
    assert opening and opening[0].startswith(PALETTE_WORDS), opening
    assert reading == opening[0] and waiting == opening[1:], (reading, waiting)
    assert opening[-1].endswith(", 1 of 16"), opening
    assert whole[0] == PALETTE_WORDS, whole
    assert whole[1].startswith("Text box, empty: Search"), whole
    pointed = [line for line in whole if line.endswith(", the cursor is on it")]
    assert len(pointed) == 2 and pointed[1].startswith(opening[-1].split(",")[0]), whole


def test_the_help_key_says_what_it_does_in_the_palette_too() -> None:
    # "(this help)" was read in the command palette, where no help shows.
    from panel_tui.ui.app import PanelApp

    shown = [b for b in PanelApp.BINDINGS if isinstance(b, Binding) and b.action == "help"]
    assert shown and "this help" not in (shown[0].tooltip or "")


async def test_ctrl_l_on_the_interview_reads_the_decision_and_the_sealed_votes_in_order(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, each=False) as (pilot, speaker):
        await pilot.press("1")  # seat 1 votes up, sealed
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        said = speaker.said[-1]
    question = said.index("listened")
    decision = said.index("Decision: not made yet")
    sealed = said.index("Votes sealed: 1 of 3 voted")
    waiting = said.index("Still to vote: Seat 2, ")
    assert question < decision < sealed < waiting, said
    assert "Dan Reilly" in said[waiting:], said
    assert " up" not in said[sealed:].lower(), said  # never how anyone voted while sealed


async def test_the_decision_box_opens_saying_what_is_still_to_do(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        said = await said_after(pilot, speaker, "ctrl+d")
    assert said and said[-1].startswith(
        "The panel's decision on [red]Alex[/red]. Still to do: [red]Alex[/red] has no votes"
    ), said
    assert "Choices" in said[-1], said


async def test_ctrl_l_on_the_form_names_each_field_of_a_member_and_where_the_cursor_is(
    app_factory: AppFactory,
) -> None:
    async with listening(app_factory, None) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()
        name = next(box for box in pilot.app.screen.query(Input) if box.placeholder == "Name")
        name.value = "Ana Lopes"
        name.focus()
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        lines = speaker.said[-1].splitlines()
    assert (
        "Name: Ana Lopes, the cursor is on it, Pronouns: empty, Role: nothing chosen, Seat: 1"
        in lines
    ), lines
    assert "▼" not in lines, lines


async def test_ctrl_l_on_a_box_says_which_field_has_the_cursor(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("ctrl+d", "down", "enter", "tab")  # to the reason
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        lines = speaker.said[-1].splitlines()
        await pilot.press("shift+tab")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        on_choices = speaker.said[-1].splitlines()
    assert "Text box, empty: Why the panel decided this, the cursor is on it" in lines, lines
    assert "Do not recommend, chosen, the cursor is on it" in on_choices, on_choices


async def test_the_panel_balance_on_the_form_is_said_as_it_changes(
    app_factory: AppFactory,
) -> None:
    async with listening(app_factory, None) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()
        heard = len(speaker.said)
        role = pilot.app.screen.query(".member-row Select").first(Select)
        role.value = "lived_experience"
        await pilot.pause()
        said = speaker.said[heard:]
        name = next(box for box in pilot.app.screen.query(Input) if box.placeholder == "Name")
        name.value = "Ana Lopes"  # the balance stays: not said again
        await pilot.pause()
        again = speaker.said[heard + len(said) :]
    assert "Panel: 1 lived experience, 0 professionals (more lived experience)" in said, said
    assert not any(line.startswith("Panel:") for line in again), again
