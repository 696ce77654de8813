"""A key a question to the chair did not take, said on screen and read aloud, and the
notices of the start."""

from __future__ import annotations

import pytest

from panel_tui.domain.display import DisplaySettings
from panel_tui.domain.interview import ASKED_ALOUD
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.domain.store.opened import NOT_CLOSED_LAST_TIME
from panel_tui.ui.passing_notices import StartNotice
from panel_tui.ui.screens.dialogs import ConfirmDialog
from tests.ui.helpers import AppFactory, press, widget_text
from tests.ui.speaking import FakeSpeaker, listening
from tests.ui.test_not_closed_last_time import left_open

SIZE = (80, 24)

NOT_TAKEN_2 = "The 2 key was not taken: answer this first, then press it again."
NOT_TAKEN_COMMA = "The comma key was not taken: answer this first, then press it again."


@pytest.mark.parametrize("each", [True, False])
async def test_a_key_a_question_does_not_take_is_said_as_it_happens(
    app_factory: AppFactory, session: Session, each: bool
) -> None:
    # Found by a tester: the box showed "The keys 2, W, 3, X and 4 were not taken"
    # but the voice never said so, and a blind member who voted during the box
    # thought they had voted. Each refusal is told in turn, as the interview tells
    # a key refused; a key pressed again is refused again, and said again.
    async with listening(app_factory, session.id, each=each) as (pilot, speaker):
        await pilot.press("1", "ctrl+r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        before = len(speaker.said)
        await pilot.press("2", "comma", "2")
        await pilot.pause()
        if not each:
            assert speaker.said[before:] == []
            return
        assert speaker.said[before - 1 :] == [
            ASKED_ALOUD,
            NOT_TAKEN_2,
            NOT_TAKEN_COMMA,
            NOT_TAKEN_2,
        ]


async def test_a_question_read_aloud_says_the_keys_it_did_not_take(
    app_factory: AppFactory, session: Session
) -> None:
    # Ctrl+L over the box reads it as it shows: the question, the keys not taken
    # under it, then the answers' keys.
    async with listening(app_factory, session.id, each=False) as (pilot, speaker):
        await pilot.press("1", "ctrl+r", "2", "comma", "ctrl+l")
        await pilot.pause()
        assert speaker.said[-1] == (
            "Show the votes now? Not voted yet: Seat 2, [@click=app.quit]y; Seat 3, Dan Reilly.\n"
            "The keys 2 and comma were not taken, in that order: "
            "answer this first, then press them again.\n"
            "Enter: Show them. Escape: Not yet."
        )


def start_notice(which: str, store: Store, session: Session) -> tuple[str, list[StartNotice]]:
    """The words of a notice of the start, and the notices to give the app for it."""
    if which == "not closed":
        left_open(store, session)
        return NOT_CLOSED_LAST_TIME, []
    words = "The settings file could not be read: the usual settings are used."
    return words, [StartNotice("Settings", words)]


@pytest.mark.parametrize("which", ["not closed", "settings"])
async def test_a_notice_of_the_start_is_read_before_the_first_question(
    app_factory: AppFactory, store: Store, session: Session, which: str
) -> None:
    # Found by a tester: "panel-tui did not get to close this session properly last
    # time ... every vote was kept" was never read aloud with Ctrl+E on, only the
    # question. Read first, once: what the chair sees over the screen on arrival,
    # and a move stops the voice, so after a long question it could go unheard.
    words, notices = start_notice(which, store, session)
    speaker = FakeSpeaker()
    app = app_factory(
        session.id, speaker=speaker, notices=notices, display=DisplaySettings(read_aloud=True)
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        heard = "\n".join(speaker.said)
        assert heard.count(words) == 1
        assert heard.index(words) < heard.index("Question 1 of 2")
        assert speaker.reading is not None and speaker.reading.startswith("Question 1 of 2")


@pytest.mark.parametrize("which", ["not closed", "settings"])
async def test_ctrl_l_reads_a_notice_of_the_start_and_leaves_it(
    app_factory: AppFactory, store: Store, session: Session, which: str
) -> None:
    # Ctrl+L was "the first key" the notice goes at: gone before it could be read.
    words, notices = start_notice(which, store, session)
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker, notices=notices)
    async with app.run_test(size=SIZE, notifications=True) as pilot:

        def shown(words: str) -> bool:
            """In a notice, or (not closed last time) on the line above the keys."""
            if which == "not closed":
                return widget_text(pilot.app, "#hint") == words
            return any(words in n.message for n in app._notifications)

        await press(pilot, "ctrl+l")
        assert speaker.said[-1].startswith(f"{words}\nQuestion 1 of 2")
        assert shown(words)
        await press(pilot, "ctrl+l")  # again stops it
        assert not speaker.speaking and len(speaker.said) == 1
        await press(pilot, "right")  # the next key takes it, as it says
        assert not shown(words)
        await press(pilot, "ctrl+l")
        assert speaker.said[-1].startswith("Question 2 of 2")


async def test_on_the_home_screen_a_notice_of_the_start_is_read_too(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    words, notices = start_notice("settings", store, session)
    speaker = FakeSpeaker()
    app = app_factory(
        None, speaker=speaker, notices=notices, display=DisplaySettings(read_aloud=True)
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert sum(said.count(words) for said in speaker.said) == 1
        await press(pilot, "ctrl+l")
        assert speaker.said[-1].startswith(f"{words}\n")
        assert "Button: Start a new session" in speaker.said[-1]


async def test_punctuation_keys_not_taken_are_named_in_words(
    app_factory: AppFactory, session: Session
) -> None:
    # Seats 8 and 9 abstain with , and . on a full panel: the line said "The keys
    # 7, U, ,, . and 3 were not taken" (found by a tester). Named as the help
    # read aloud names them, and a shifted key without its underscores.
    async with app_factory(session.id).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("1", "ctrl+r", "u", "comma", "full_stop", "exclamation_mark")
        assert isinstance(app.screen, ConfirmDialog)
        said = (
            "The keys U, comma, full stop and exclamation mark were not taken, in that order: "
            "answer this first, then press them again."
        )
        assert widget_text(app, "#not-taken") == said
