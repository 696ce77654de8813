"""Reading aloud on the screens: the question, the help, the sample answer in practice."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen

from panel_tui.domain.interview import ASKED_ALOUD
from panel_tui.domain.interview_lines import spoken_votes
from panel_tui.domain.models import Member, Session
from panel_tui.domain.speech import Speaker
from panel_tui.domain.spoken_words import spoken_question
from panel_tui.domain.store import Store
from tests.domain.test_speech_trouble import NO_CARD, SAID, EndedVoice
from tests.ui.helpers import AppFactory, scrolled_text
from tests.ui.journeys import JOURNEYS, begin
from tests.ui.speaking import FakeSpeaker, listening


async def test_read_aloud_reads_the_question_and_stops_on_a_second_press(
    app_factory: AppFactory, session: Session
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert len(speaker.said) == 1
        said = speaker.said[0]
        assert said.startswith("Question 1 of 2, for [red]Alex[/red].")  # literal, as typed
        assert "Tell us about a time you [b]listened[/b] well." in said  # literal, as typed
        assert "Listen for: Gives a real example; [red]Not[/red] a lecture." in said
        assert speaker.speaking
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not speaker.speaking and len(speaker.said) == 1


async def test_the_voice_stops_when_the_question_changes(
    app_factory: AppFactory, session: Session
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+l", "right")
        await pilot.pause()
        assert not speaker.speaking and speaker.stops == 1
        assert len(speaker.said) == 1  # nothing new is read unless asked


async def test_read_each_question_reads_the_new_one(
    app_factory: AppFactory, session: Session
) -> None:
    async with listening(app_factory, session.id) as (pilot, speaker):
        await pilot.press("right")
        await pilot.pause()
        # The news of the move first, as the line above the keys shows it (found by
        # a tester: "No decision is recorded yet" showed but was never heard).
        assert speaker.said[-1].startswith(
            "[red]Alex[/red] Q1 has no votes yet: the Left arrow goes back to it.\n"
            "Question 2 of 2, for [red]Alex[/red]."
        )
        assert "What would you do if someone said no?" in speaker.said[-1]
        await pilot.press("1", "right")
        await pilot.pause()
        # The vote, told while question 2 was read, is said first: never dropped.
        assert speaker.said[-1].startswith(
            "Vote recorded for Seat 1, [bold]x[/]. 1 of 3 voted.\n"
            "[red]Alex[/red] Q2 still waits for seats 2, 3; its votes stay sealed.\n"
            "Question 1 of 2, for C2."
        )
        # The keys' reminder, shown at an ordinary move, is never read at each one.
        await pilot.press("right", "left")
        await pilot.pause()
        assert speaker.said[-1].startswith("Question 1 of 2, for C2.")


async def test_a_question_read_as_it_comes_up_puts_no_notice_over_the_votes(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: with each question read aloud, every move added a
    # "Reading aloud" notice; they stacked over the seats' votes. The chair
    # switched the reading on, and hears it: only Ctrl+L, pressed, is answered.
    async with listening(app_factory, session.id) as (pilot, speaker):
        app = pilot.app
        await pilot.press("right", "left", "right")
        await pilot.pause()
        assert len(speaker.said) >= 3
        assert not [n for n in app._notifications if "Reading aloud" in n.message]
        await pilot.press("ctrl+l", "ctrl+l", "ctrl+l")  # stops, then reads again
        await pilot.pause()
        assert [n.message for n in app._notifications if "Reading aloud" in n.message] == [
            "Reading aloud. Ctrl+L again stops. If you hear nothing, check the speakers."
        ]


@pytest.mark.parametrize("each", [True, False])
async def test_read_each_question_reads_each_vote_too_and_only_then(
    app_factory: AppFactory, session: Session, each: bool
) -> None:
    # A member who cannot see the screen hears that their vote went in, and the
    # tally once shown; with the setting off, a vote is never read on its own.
    async with listening(app_factory, session.id, each=each) as (pilot, speaker):
        app = pilot.app
        before = len(speaker.said)
        told = len([n for n in app._notifications if "Reading aloud" in n.message])
        await pilot.press("e", "w")
        await pilot.pause()
        said = speaker.said[before:]
        if not each:
            assert said == []
            return
        assert said == [
            "Vote recorded for Seat 3, Dan Reilly. 1 of 3 voted.",
            "Vote recorded for Seat 2, [@click=app.quit]y. 2 of 3 voted.",  # literal, as typed
        ]
        # No notice of the voice comes with each vote (nor with each question, below).
        assert len([n for n in app._notifications if "Reading aloud" in n.message]) == told
        # A key refused says why; a question to the chair says one is on screen,
        # not its words (they may name votes, and the candidate may hear).
        await pilot.press("4", "ctrl+r")
        await pilot.pause()
        assert speaker.said[-2:] == [
            "Seat 4, Olu Ade, is an observer and does not vote.",
            ASKED_ALOUD,
        ]
        # Ctrl+L then reads the box at once: the first press only stopped the voice
        # (found by a review). The news still waiting is said first, never dropped.
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert speaker.said[-1].startswith("Vote recorded for Seat 3, Dan Reilly.")
        assert f"{ASKED_ALOUD}\nShow the votes now?" in speaker.said[-1]
        # A move refused is said too.
        await pilot.press("escape", "left")
        await pilot.pause()
        assert speaker.said[-1] == "This is the first question of the first candidate."
        # The setting switched off says so aloud, for a member who cannot see the notice.
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert speaker.said[-1] == "Questions are read aloud only when asked."


async def test_no_speech_engine_is_said_plainly(app_factory: AppFactory, session: Session) -> None:
    app = app_factory(session.id, speaker=FakeSpeaker(engine=False))
    async with app.run_test() as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Nothing can read aloud on this computer") for m in said)


async def test_help_can_be_read_aloud(app_factory: AppFactory, session: Session) -> None:
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("f1", "ctrl+l")
        await pilot.pause()
        assert speaker.said and speaker.said[0].startswith("Votes: one key per seat")
        assert "Ctrl+L: Read this screen aloud" in speaker.said[0]


async def test_in_practice_the_sample_answer_is_read_aloud_too(
    app_factory: AppFactory, store: Store
) -> None:
    journey = next(j for j in JOURNEYS if j.practice)
    session_id = begin(journey, store)
    assert session_id is not None
    session = store.load(session_id)
    speaker = FakeSpeaker()
    app = app_factory(session_id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        first = session.bank.questions[0]
        sample = session.sample_answer(session.candidates[0].id, first.id)
        assert sample is not None
        assert speaker.said == [
            spoken_question(
                f"Question 1 of {len(session.bank.questions)}, for {session.candidates[0].label}",
                first.text,
                first.look_for,
                sample.text,
            )
            + "\n"  # then how the votes stand, as the line under the rows says
            + spoken_votes(session, session.candidates[0].id, first.id)
        ]
        assert "Sample answer: " + sample.text.strip() in speaker.said[0]


async def test_help_read_aloud_says_every_key_in_words_in_the_order_shown(
    app_factory: AppFactory, session: Session
) -> None:
    # espeak-ng says nothing for "?", "," or "." and "up colon" for "↑:", so the
    # help read aloud names such keys in words; it reads the seats that have a
    # member (not nine rows of "Q or Q"), and every part the screen shows, in its order.
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        shown = await scrolled_text(pilot, pages=10)
        await pilot.press("ctrl+l")
        await pilot.pause()
    said = speaker.said[0]
    lines = said.splitlines()
    assert "F1 or question mark: Show every key, and what each does." in lines
    assert "Left arrow: Go to the previous question." in lines
    assert "Up arrow: Scroll the question text up." in lines
    assert "Seat 3, Dan Reilly (he/him): Up 3, Middle E, Down D, Abstain C." in lines
    assert not any(line.startswith(("?", ",", ".", "←", "→", "↑", "↓")) for line in lines)
    assert "Q or Q" not in said and "Seat 9" not in said
    # The observer in seat 4 is said to be one, with no keys read for the seat.
    assert [line for line in lines if "Olu Ade" in line] == [
        "Seat 4, Olu Ade: observer, no vote keys."
    ]
    # The vote keys straight after the paragraph on votes, then the settings, on
    # the screen as aloud.
    parts = [
        "Votes: one key",
        "Vote keys",
        "Your settings",
        "During the interview",
        "On the summary",
        "Everywhere",
        "In a box",
    ]
    for text in (said, shown):
        where = [text.index(part) for part in parts]
        assert where == sorted(where), where
    assert "E: Write the summary to a file (choose format and folder)." in lines
    assert "Escape or B: Back to the interview." in lines  # espeak-ng says "esk" for Esc
    # Bigger text is the terminal's own zoom (a low-vision member looked for a setting).
    assert "For bigger text, zoom the terminal itself: Ctrl and + in Windows Terminal." in lines


async def test_the_summary_can_be_read_aloud(app_factory: AppFactory, session: Session) -> None:
    # Ctrl+L did nothing on the summary (the help says it works everywhere).
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
    said = speaker.said[-1].splitlines()
    assert said[0] == "Interview panel summary: Test round."
    assert said[2].startswith("C1: [red]Alex[/red]. Rank: ")  # names as typed, never markup
    assert said[3].startswith("C2. Rank: Not ranked. Score: No score yet.")


async def test_any_screen_is_read_aloud_as_it_shows(
    app_factory: AppFactory, session: Session
) -> None:
    # On the home screen Ctrl+L did nothing at all: no voice, no notice, so a
    # chair who cannot see the screen could not find the session to carry on.
    speaker = FakeSpeaker()
    app = app_factory(None, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
    said = speaker.said[-1].splitlines()
    assert "Button: Start a new session" in said
    assert "Carry on where you left off" in said
    carry_on = next(line for line in said if line.startswith(session.title))
    assert carry_on.endswith(", the cursor is on it")  # Enter opens it
    assert "2 candidates (C1, C2), 0 votes" in carry_on


async def test_a_screen_with_nothing_to_read_says_so_aloud(app_factory: AppFactory) -> None:
    speaker = FakeSpeaker()
    app = app_factory(None, speaker=speaker)
    async with app.run_test() as pilot:
        await app.push_screen(Screen())
        await pilot.press("ctrl+l")
        await pilot.pause()
        said = "There is nothing to read aloud on this screen."
        assert speaker.said == [said]
        assert said in [n.message for n in app._notifications]


async def test_a_question_in_a_box_can_be_read_aloud(
    app_factory: AppFactory, session: Session
) -> None:
    # A box asking the chair something (here: undo a vote already shown) could
    # not be read aloud: Ctrl+L did nothing over it.
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("1", "w", "e", "backspace")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
    assert speaker.said[-1] == (
        "The votes are showing. Undo the last vote (Middle), given by Seat 3, Dan Reilly? "
        "They will then have no vote.\nEnter: Undo it. Escape: Keep it."
    )


async def test_a_box_with_fields_is_read_aloud_in_its_order(
    app_factory: AppFactory, session: Session
) -> None:
    # With a note or a decision box on top, Ctrl+L said nothing could be read.
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+d", "down", "enter")  # "Do not recommend" chosen
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
    said = speaker.said[-1].splitlines()
    assert said == [
        "The panel's decision on [red]Alex[/red]",  # as typed, never markup
        # What is left undone, said before the choices as the box shows it.
        "Still to do: [red]Alex[/red] has no votes yet, so no score.",
        "Recommend",
        "Do not recommend, chosen, the cursor is on it",
        "Undecided",
        "Reason (needed to recommend or not recommend; Tab to move here):",
        "Text box, empty: Why the panel decided this",
        "Button: Save decision",
        "Button: Cancel (Esc)",
    ]


async def test_a_voice_that_cannot_be_heard_is_said_plainly(
    app_factory: AppFactory, session: Session
) -> None:
    # Found by a tester: espeak-ng with no sound card said nothing, its errors
    # went nowhere, and the notice said "Reading aloud" all the same.
    def popen(argv: list[str], **options: object) -> EndedVoice:
        return EndedVoice(NO_CARD, 0)

    speaker = Speaker("linux", lambda name: f"/usr/bin/{name}", popen)  # type: ignore[arg-type]
    async with app_factory(session.id, speaker=speaker).run_test() as pilot:
        app = pilot.app
        await pilot.press("ctrl+l")
        for _ in range(200):  # told from the voice's own thread, once it ends
            if any("Could not read aloud" in n.message for n in app._notifications):
                break
            await pilot.pause(0.01)
        assert [n.message for n in app._notifications if "read aloud" in n.message] == [SAID]
        await pilot.press("ctrl+l")  # asked again: said again, not "Reading aloud"
        await pilot.pause()
        said = [n.message for n in app._notifications if "ead aloud" in n.message]
        assert said == [SAID, SAID]


async def test_help_read_aloud_says_the_seats_in_the_order_shown(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # Found by a tester: with an observer in seat 3 the help read seats 1, 2, 4, 5,
    # 6, 7, then seat 3 last; the screen lists them in seat order.
    names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus"]
    panel = [
        Member(
            id=f"p{seat}",
            name=name,
            role="observer" if seat == 3 else "professional",
            seat=seat,
        )
        for seat, name in enumerate(names, start=1)
    ]
    store.save(session.model_copy(update={"panel": panel, "id": "seven"}))
    speaker = FakeSpeaker()
    async with app_factory("seven", speaker=speaker).run_test() as pilot:
        await pilot.press("f1", "ctrl+l")
        await pilot.pause()
    seats = [line.split(",")[0] for line in speaker.said[-1].splitlines()]
    assert [seat for seat in seats if seat.startswith("Seat ")] == [
        f"Seat {seat}" for seat in range(1, 8)
    ]
    assert "Seat 3, Cy: observer, no vote keys." in speaker.said[-1].splitlines()


async def test_how_to_stop_reading_is_told_once_a_run_not_over_each_screen(
    app_factory: AppFactory, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: after every Ctrl+L the notice hid, at 80x24, the line
    # saying what the last key did, "Votes sealed", and "Exported to ...".
    async with listening(app_factory, session.id, each=False) as (pilot, speaker):
        app = pilot.app
        told: list[str] = []
        notify = app.notify

        def noting(message: str, *args: Any, **kwargs: Any) -> None:
            told.append(message)
            notify(message, *args, **kwargs)

        monkeypatch.setattr(app, "notify", noting)
        for _ in range(3):
            await pilot.press("ctrl+l")  # reads
            await pilot.pause()
            await pilot.press("ctrl+l")  # stops
            await pilot.pause()
        assert len(speaker.said) == 3
        assert [m for m in told if m.startswith("Reading aloud")] == [
            "Reading aloud. Ctrl+L again stops. If you hear nothing, check the speakers."
        ]
