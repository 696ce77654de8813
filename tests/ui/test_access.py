"""Access on the day: settings that stay, reading aloud, plain ASCII."""

from __future__ import annotations

from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.cli import _parser
from panel_tui.cli.display import resolve
from panel_tui.domain.display import DISPLAY_ENV, DisplaySettings, load_settings
from panel_tui.domain.models import Session
from panel_tui.domain.speech import Speaker, spoken_question
from panel_tui.domain.store import Store
from panel_tui.ui.themes import HIGH_CONTRAST, NORMAL_THEME
from panel_tui.ui.widgets.timer import QuestionTimer
from tests.ui.conftest import AppFactory, screen_text
from tests.ui.journeys import JOURNEYS, begin


class FakeSpeaker(Speaker):
    """Records what would be read aloud; speaks until stopped."""

    def __init__(self, engine: bool = True) -> None:
        super().__init__("linux", lambda name: "/usr/bin/espeak-ng" if engine else None)
        self.said: list[str] = []
        self.stops = 0
        self._on = False

    @property
    def speaking(self) -> bool:
        return self._on

    def say(self, text: str, *, wav: Path | None = None) -> str | None:
        self.stop()
        if not self._which("espeak-ng"):
            return super().say(text)
        self.said.append(text)
        self._on = True
        return None

    def stop(self) -> bool:
        was, self._on = self._on, False
        self.stops += was
        return was


def _run_args(*flags: str) -> tuple[DisplaySettings, list[str]]:
    return resolve(_parser().parse_args(list(flags)))


async def test_settings_survive_a_restart(app_factory: AppFactory, session: Session) -> None:
    path = locations.settings_file()
    first, notices = _run_args()
    assert first == DisplaySettings() and notices == []
    app = app_factory(session.id, display=first, settings_path=path)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+t", "ctrl+a", "ctrl+e")
        await pilot.pause()
    assert load_settings(path).settings == DisplaySettings(
        ascii_only=True, high_contrast=True, read_aloud=True
    )
    # The next morning: the same command line finds them.
    again, notices = _run_args()
    assert notices == []
    app = app_factory(session.id, display=again, settings_path=path, speaker=FakeSpeaker())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        assert app.ascii_only and app.read_aloud
        assert app.screen.has_class("-ascii") or app.has_class("-ascii")


async def test_a_flag_is_for_one_run_and_never_saved(
    app_factory: AppFactory, session: Session
) -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text('{"ascii_only": true, "high_contrast": true}')
    settings, _ = _run_args("--no-ascii")
    assert settings == DisplaySettings(high_contrast=True)
    app = app_factory(session.id, display=settings, settings_path=path)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+t")  # high contrast off: that change is saved
        await pilot.pause()
        assert app.theme == NORMAL_THEME
    assert load_settings(path).settings == DisplaySettings(ascii_only=True)


async def test_a_damaged_settings_file_never_stops_the_app(
    app_factory: AppFactory, session: Session
) -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"ascii_only": tru')
    settings, notices = _run_args()
    assert settings == DisplaySettings()
    app = app_factory(session.id, display=settings, settings_path=path, notices=notices)
    async with app.run_test() as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("could not be read" in m and "usual settings" in m for m in said)
        await pilot.press("ctrl+a")  # saving again mends the file
        await pilot.pause()
    assert load_settings(path).settings == DisplaySettings(ascii_only=True)


async def test_help_shows_the_settings_and_how_to_change_them(
    app_factory: AppFactory, session: Session
) -> None:
    path = locations.settings_file()
    app = app_factory(session.id, settings_path=path)
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.press("ctrl+t", "f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Your settings" in text
        assert "High contrast" in text and "--no-high-contrast" in text
        lines = text.splitlines()
        assert any("High contrast" in line and " On " in line for line in lines)
        assert any("Plain ASCII symbols" in line and " Off " in line for line in lines)
        assert "remembered in" in text


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
        assert said.startswith("Question 1 of 2.")
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
    speaker = FakeSpeaker()
    app = app_factory(session.id, speaker=speaker, display=DisplaySettings(read_aloud=True))
    async with app.run_test() as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert speaker.said[-1].startswith("Question 2 of 2.")
        assert "What would you do if someone said no?" in speaker.said[-1]


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
        assert "Ctrl+L: Read the question" in speaker.said[0]


async def test_the_balance_shows_in_the_header_and_the_finish_question(
    app_factory: AppFactory, session: Session
) -> None:
    # The small session: two lived-experience members, one professional, one observer.
    balance = "Panel: 2 lived experience, 1 professional (more lived experience)"
    app = app_factory(session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert balance in screen_text(app).splitlines()[1]
        await pilot.press("ctrl+s", "f")
        await pilot.pause()
        assert "Mark this session finished?" in screen_text(app)
        assert balance + "." in screen_text(app)


async def test_the_time_guide_is_said_in_words_and_never_closes_voting(
    app_factory: AppFactory, session: Session
) -> None:
    now = [0.0]
    app = app_factory(session.id, clock=lambda: now[0], ascii_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        timer = app.screen.query_one(QuestionTimer)
        now[0] = 3 * 60 + 59
        timer._tick()
        await pilot.pause()
        assert "Time 3:59 of 4 min" in screen_text(app)
        now[0] = 4 * 60
        timer._tick()
        await pilot.pause()
        assert "Time 4:00 ! 4 min guide reached" in screen_text(app)  # a symbol and words
        now[0] = 9 * 60
        await pilot.press("1", "w", "e")  # the panel votes on, long past the guide
        await pilot.pause()
        assert "Votes shown" in screen_text(app)
        assert len(app.screen.session.current_votes("c1", "q1")) == 3  # type: ignore[attr-defined]


async def test_the_timer_carries_on_after_a_resume(
    app_factory: AppFactory, session: Session, store: Store
) -> None:
    now = [100.0]
    app = app_factory(session.id, clock=lambda: now[0])
    async with app.run_test(size=(100, 30)) as pilot:
        now[0] += 130
        app.screen.query_one(QuestionTimer)._tick()
        await pilot.pause()
        assert "Time 2:10 of 4 min" in screen_text(app)
    # Quit; the next morning's clock starts anywhere.
    now[0] = 5.0
    app = app_factory(session.id, clock=lambda: now[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Time 2:10 of 4 min" in screen_text(app)
        now[0] += 5
        app.screen.query_one(QuestionTimer)._tick()
        await pilot.pause()
        assert "Time 2:15 of 4 min" in screen_text(app)
        await pilot.press("right", "left")  # a question come back to starts afresh
        await pilot.pause()
        assert "Time 0:00 of 4 min" in screen_text(app)


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
                f"Question 1 of {len(session.bank.questions)}",
                first.text,
                first.look_for,
                sample.text,
            )
        ]
        assert "Sample answer: " + sample.text.strip() in speaker.said[0]


def test_the_environment_sets_a_run_and_the_flags_beat_it(monkeypatch: pytest.MonkeyPatch) -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text('{"read_aloud": true}')
    monkeypatch.setenv(DISPLAY_ENV, "ascii,high-contrast,loudly")
    settings, notices = _run_args("--no-high-contrast")
    assert settings == DisplaySettings(ascii_only=True, read_aloud=True)
    assert len(notices) == 1 and "loudly" in notices[0]
