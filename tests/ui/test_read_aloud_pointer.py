"""Each move of a list's pointer, and each choice or tick, said aloud as it happens.

Found by a tester with read-aloud on: the arrows and Enter in every list and
choice were silent, and a list the keys came back to said the choice made as if
the pointer were on it.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList, RadioSet, Select

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.screens.home_lists import FIRST_PAINT
from tests.ui.helpers import AppFactory, small_session
from tests.ui.speaking import listening, said_after


async def test_down_in_the_home_list_says_the_session_under_the_pointer(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    store.save(small_session().model_copy(update={"id": "another", "title": "Another round"}))
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await pilot.press("c")  # the list of sessions to carry on
        await pilot.pause()
        heard = len(speaker.said)
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("up")
        await pilot.pause()
    said = speaker.said[heard:]
    assert said, "Down and Up said nothing"
    assert said[-1].startswith(session.title) and said[-1].endswith(", 1 of 2"), said
    # Each line of the item its own sentence: they ran together (found by a tester).
    assert f"{session.title}. " in said[-1]


async def test_a_long_list_come_back_to_is_said_with_its_true_total(
    app_factory: AppFactory, store: Store
) -> None:
    # Found by a review: home fills a long list in parts after its first paint
    # (FIRST_PAINT), and coming back said "1 of 40" of 45 sessions. Where the
    # keys are is said once the list is filled in, as after a killed run.
    for number in range(FIRST_PAINT + 5):
        store.save(
            small_session().model_copy(update={"id": f"s{number:02}", "title": f"R{number}"})
        )
    total = f" of {FIRST_PAINT + 5}"
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await pilot.pause()
        assert speaker.said and speaker.said[-1].endswith(f", 1{total}"), speaker.said
        await pilot.press("n")  # the new-session form, and back with nothing typed
        await pilot.pause()
        heard = len(speaker.said)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("up")  # round to the last
        await pilot.pause()
    about = "Made 23 Nov 2026 at 09:00, 2 candidates (C1, C2), 0 votes"
    # Where the pointer is, as the list shows once filled in; then Up, round to the last.
    assert speaker.said[heard:] == [f"R44. {about}, 1{total}", f"R0. {about}, 45{total}"]


async def test_down_in_an_open_drop_down_says_each_item(app_factory: AppFactory) -> None:
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.focused, Select)  # the form opens on the question bank
        await pilot.pause()
        heard = len(speaker.said)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
    said = speaker.said[heard:]
    assert said[0] == "Question bank. List: Choose a question bank, 1 of 3"  # the list opened
    assert said[1].endswith(", 2 of 3") and said[2].endswith(", 3 of 3")
    assert len(said) == 3


async def _export_box(pilot: Pilot[None]) -> None:
    """From the interview to the summary, and its Export box."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()


async def test_the_export_box_says_each_format_and_each_tick(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await _export_box(pilot)
        heard = len(speaker.said)
        await pilot.press("down")
        await pilot.pause()
        moved = speaker.said[heard:]
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        back = speaker.said[-1]
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        ticked = speaker.said[-1]
        await pilot.press("space")
        await pilot.pause()
        unticked = speaker.said[-1]
    assert moved and moved[-1].endswith(", 2 of 7"), moved
    # The pointer, never the choice made as if the pointer were on it (found by a tester).
    assert moved[-1].split(", 2 of 7")[0] in back
    assert "Choices: " in back and back.endswith(". Chosen: Summary as text (.md)")
    assert ticked.endswith(", ticked")
    assert unticked.endswith(", not ticked")


async def test_enter_in_the_decision_box_says_the_choice_made(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert speaker.said[-1] == "Recommend, chosen, 1 of 3"


async def test_the_scoring_rule_says_its_choice_once_and_its_new_explanation(
    app_factory: AppFactory,
) -> None:
    async with listening(app_factory, None, size=(100, 60)) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()

        pilot.app.screen.query_one("#weighting", RadioSet).focus()
        await pilot.pause()
        first = speaker.said[-1]
        await pilot.press("down")
        await pilot.pause()
        heard = len(speaker.said)
        await pilot.press("enter")
        await pilot.pause()
        said = speaker.said[heard:]
    assert "(chosen)" not in first and first.count("chosen") == 1, first
    assert said[0].endswith("chosen, 2 of 3") or ", chosen, 2 of " in said[0], said
    assert len(said) == 2, said  # then what the rule now means


async def test_the_payment_box_heading_keeps_its_question_mark_alone(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await said_after(pilot, speaker, "ctrl+s", "p")
    said = [line for line in speaker.said if "Whose notes" in line]
    assert said and "Whose notes? Choices: " in said[-1], speaker.said


async def test_ctrl_l_over_the_export_box_says_each_tick_box_ticked_or_not(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await _export_box(pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
    lines = speaker.said[-1].splitlines()
    assert any(line.endswith(", not ticked") for line in lines), lines
    assert "Summary as text (.md), chosen, the cursor is on it" in lines


async def test_down_in_the_command_palette_says_the_command_under_the_pointer(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: the search box keeps the keys, and the arrows moved the
    # highlight over the commands with not a word said.
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await pilot.press("ctrl+p", *"e")
        await pilot.pause(0.3)  # the palette's search runs aside
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one(CommandList)
        assert commands.option_count > 1 and commands.highlighted == 0
        heard = len(speaker.said)
        await pilot.press("down")
        await pilot.pause()
        said = speaker.said[heard:]
        second = commands.get_option_at_index(1).prompt
    assert said and said[-1].endswith(f", 2 of {commands.option_count}"), said
    assert str(second).splitlines()[0] in said[-1], (second, said)
    assert "., " not in said[-1], said  # the command's own full stop, then the count


async def test_a_members_role_is_said_with_its_name(app_factory: AppFactory) -> None:
    # Heard: "Lived experience, 2 of 4" and "Drop-down list: Lived
    # experience", where each text box in the row says its name ("Text box, Seat: 1").
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#role", Select).focus()
        await pilot.pause()
        reached = speaker.said[-1]
        await pilot.press("enter")  # the list opens
        await pilot.pause()
        opened = speaker.said[-1]
        await pilot.press("down")
        await pilot.pause()
        moved = speaker.said[-1]
        await pilot.press("enter")  # chosen: the list closes on the drop-down
        await pilot.pause()
        chosen = speaker.said[-1]
    assert reached == "Panel members, member 1. Drop-down list, Role: nothing chosen"
    assert opened == "Panel members, member 1. List, Role: Choose a role, 1 of 4"
    assert moved == "Role: Lived experience, 2 of 4"
    assert chosen == "Panel members, member 1. Drop-down list, Role: Lived experience"


async def test_the_payment_boxs_rate_choices_are_said_with_their_name(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id, size=(100, 40)) as (pilot, speaker):
        await said_after(pilot, speaker, "ctrl+s", "p")
        pilot.app.screen.query_one("#per", RadioSet).focus()
        await pilot.pause()
        reached = speaker.said[-1]
        await pilot.press("up")  # from the last: the choices stop at either end
        await pilot.pause()
        moved = speaker.said[-1]
        await pilot.press("enter")
        await pilot.pause()
        chosen = speaker.said[-1]
    assert reached.endswith(". Choices, Rate: Per session, chosen, 3 of 3"), reached
    assert moved == "Rate: Per block of hours (a block begun is paid whole), 2 of 3"
    assert chosen == "Rate: Per block of hours (a block begun is paid whole), chosen, 2 of 3"


async def test_a_list_the_keys_come_back_to_again_and_again_is_watched_once(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # The pointer's watcher is added each time the keys reach a list; Textual keeps
    # one per callback, so a list come back to is never said twice over.
    store.save(small_session().model_copy(update={"id": "another", "title": "Another round"}))
    async with listening(app_factory, None, size=(100, 40)) as (pilot, speaker):
        await pilot.pause()
        resume = pilot.app.screen.query_one("#resume", OptionList)
        for _ in range(3):  # the new-session form over home, and back
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert pilot.app.focused is resume
        heard = len(speaker.said)
        await pilot.press("down")
        await pilot.pause()
        watchers = getattr(resume, "__watchers")["highlighted"]
    assert len(watchers) == 1
    assert len(speaker.said[heard:]) == 1 and speaker.said[-1].endswith(", 2 of 2")
