"""Settings that stay: ASCII, high contrast and read-aloud kept between runs."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from panel_tui import locations
from panel_tui.cli import _parser
from panel_tui.cli.display import resolve
from panel_tui.domain.display import DISPLAY_ENV, DisplaySettings, load_settings
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui import passing_notices
from panel_tui.ui.passing_notices import settings_notices
from panel_tui.ui.themes import HIGH_CONTRAST, NORMAL_THEME
from tests.ui.helpers import AppFactory, screen_text
from tests.ui.speaking import FakeSpeaker


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
    app = app_factory(
        session.id, display=settings, settings_path=path, notices=settings_notices(notices)
    )
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


@pytest.mark.parametrize(
    ("key", "setting"),
    [
        ("ctrl+t", "High contrast"),
        ("ctrl+e", "Read each question aloud"),
    ],
)
async def test_the_help_shows_a_setting_changed_while_it_is_open(
    app_factory: AppFactory, session: Session, key: str, setting: str
) -> None:
    app = app_factory(session.id, speaker=FakeSpeaker())
    async with app.run_test(size=(110, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert any(setting in line and " Off " in line for line in screen_text(app).splitlines())
        await pilot.press(key)
        await pilot.pause()
        assert any(setting in line and " On " in line for line in screen_text(app).splitlines())


def test_the_environment_sets_a_run_and_the_flags_beat_it(monkeypatch: pytest.MonkeyPatch) -> None:
    path = locations.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text('{"read_aloud": true}')
    monkeypatch.setenv(DISPLAY_ENV, "ascii,high-contrast,loudly")
    settings, notices = _run_args("--no-high-contrast")
    assert settings == DisplaySettings(ascii_only=True, read_aloud=True)
    assert len(notices) == 1 and "loudly" in notices[0]


@pytest.mark.parametrize(
    ("term", "told"),
    [
        # TERM=xterm or the Linux console: the usual look's footer keys came out
        # bright red on grey, about 1:1 (found by a tester).
        ("xterm", True),
        ("linux", True),
        ("xterm-256color", False),
    ],
)
async def test_a_terminal_of_16_colours_is_told_of_high_contrast(
    app_factory: AppFactory,
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    term: str,
    told: bool,
) -> None:
    monkeypatch.delenv("COLORTERM")
    monkeypatch.setenv("TERM", term)
    app = app_factory(session.id)  # its console reads the terminal's colours from these
    async with app.run_test() as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("only 16 colours" in m for m in said) is told
        if told:
            # Such a terminal's font (the Linux console's) may lack marks; and it says
            # how it goes (found by a tester, who waited 20 seconds for it to go).
            (notice,) = [m for m in said if "only 16 colours" in m]
            assert "If marks show as boxes, Ctrl+A shows plain ASCII." in notice
            assert notice.endswith("\n(This goes at the first key you press.)")
        # Told, never switched: the setting (or --no-high-contrast) is the chair's.
        assert app.theme == NORMAL_THEME
        # Gone with the first key, read by then: it lay over the seats' votes for
        # 30 s (found by a tester). A notice the key brings stays.
        await pilot.press("ctrl+t")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert not any("only 16 colours" in m for m in said)
        assert any("High contrast on." in m for m in said)


async def test_an_error_at_the_start_is_never_taken_away_by_the_first_key(
    app_factory: AppFactory, session: Session, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a review: with the 16-colour notice up, "Cannot open" (the session
    # open in another window) went at the first key, with the notice.
    monkeypatch.delenv("COLORTERM")
    monkeypatch.setenv("TERM", "xterm")
    with store.open(session.id):  # another panel-tui has it open
        app = app_factory(session.id)
        async with app.run_test() as pilot:
            await pilot.pause()
            titles = [n.title for n in app._notifications]
            assert "Cannot open" in titles and "Settings" in titles
            await pilot.press("down")
            await pilot.pause()
            assert "Cannot open" in [n.title for n in app._notifications]
            # Once the error's time is over, the next key takes the start's notices
            # away, as they say (found by a review: they stayed their whole 30 s).
            later = time.monotonic() + 60  # that module's clock only: never the loop's
            monkeypatch.setattr(passing_notices, "time", SimpleNamespace(monotonic=lambda: later))
            await pilot.press("down")
            await pilot.pause()
            assert "Settings" not in [n.title for n in app._notifications]


@pytest.mark.parametrize("key", ["ctrl+a", "ctrl+t", "ctrl+e"])
async def test_a_settings_notice_goes_at_the_next_key_and_the_lines_above_the_keys_show(
    app_factory: AppFactory, session: Session, key: str
) -> None:
    # Found in testing at 80x24: "Plain ASCII symbols on." lay over "Votes sealed: 1 of
    # 3 voted" and "Vote recorded for ..." for 4 s, as the members went on voting.
    app = app_factory(session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", key)
        await pilot.pause()
        assert len(app._notifications) == 1
        await pilot.press("2")
        await pilot.pause()
        assert list(app._notifications) == []
        shown = screen_text(app)
        assert "Votes sealed: 2 of 3 voted." in shown
        assert "Vote recorded for Seat 2" in shown


async def test_a_setting_that_could_not_be_saved_keeps_its_warning_past_the_next_key(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    # Found by a review: the setting's notice, going at the next key, took the
    # "Not saved" warning with it at the first vote.
    folder = tmp_path / "settings-folder"
    folder.write_text("a file where the settings folder should be")
    app = app_factory(session.id, settings_path=folder / "settings.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["Not saved", ""]
        await pilot.press("1")
        await pilot.pause()
        assert "Not saved" in [n.title for n in app._notifications]
        assert "Vote recorded for Seat 1" in screen_text(app)
