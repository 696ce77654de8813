"""Display settings kept between runs: the file, the environment, the flags."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.domain.display import (
    SETTINGS_LIMIT,
    DisplaySettings,
    from_environment,
    load_settings,
    save_settings,
    with_flags,
)
from tests.platforms import link_to


def test_saved_settings_come_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "display.json"
    chosen = DisplaySettings(ascii_only=True, high_contrast=True, read_aloud=True)
    assert save_settings(path, chosen) is None
    assert load_settings(path).settings == chosen
    assert load_settings(path).problem is None


def test_no_file_is_the_defaults_without_complaint(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "none.json")
    assert loaded.settings == DisplaySettings()
    assert loaded.problem is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",  # cut off mid-write by an older tool
        b"\xff\xfe\x00",  # not text at all
        b'{"ascii_only": "perhaps"}',  # a value that is not yes or no
        b"[1, 2]",  # not a table of settings
    ],
)
def test_damaged_file_gives_defaults_and_a_plain_reason(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "display.json"
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.settings == DisplaySettings()
    assert loaded.problem is not None
    assert str(path) in loaded.problem and "usual settings are used" in loaded.problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="Windows has no named pipes in folders")
def test_a_pipe_or_device_in_place_of_the_file_is_refused_at_once(tmp_path: Path) -> None:
    """Found by a tester: a pipe named display.json left the app's start blank for
    ever, and a link to /dev/zero read until memory ran out (a traceback)."""
    pipe = tmp_path / "pipe" / "display.json"
    pipe.parent.mkdir()
    os.mkfifo(pipe)  # nothing ever writes into it: a read would wait for ever
    device = tmp_path / "device" / "display.json"
    device.parent.mkdir()
    device.symlink_to("/dev/zero")  # endless zeros
    for path in (pipe, device):
        loaded = load_settings(path)
        assert loaded.settings == DisplaySettings()
        assert loaded.problem is not None
        assert "it is a pipe, a device or a socket, not a plain file" in loaded.problem


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "display.json"
    path.write_bytes(
        b" " * (SETTINGS_LIMIT + 1) + b"{}"
    )  # valid JSON, but no settings are that long
    loaded = load_settings(path)
    assert loaded.settings == DisplaySettings()
    assert loaded.problem is not None and "it is larger than 64 KB" in loaded.problem


def test_a_settings_file_linked_from_elsewhere_is_read(tmp_path: Path) -> None:
    """People who keep their settings in one place link them in (a dotfiles folder)."""
    kept = tmp_path / "dotfiles" / "display.json"
    assert save_settings(kept, DisplaySettings(high_contrast=True)) is None
    linked = tmp_path / "config" / "display.json"
    linked.parent.mkdir()
    link_to(linked, kept)  # skipped where links cannot be made (Windows without rights)
    assert load_settings(linked) == load_settings(kept)
    assert load_settings(linked).settings.high_contrast


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "display.json"
    path.write_text('{"ascii_only": true, "font": "large"}')
    assert load_settings(path).settings == DisplaySettings(ascii_only=True)


def test_saving_into_a_file_in_the_way_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be")
    problem = save_settings(blocker / "display.json", DisplaySettings())
    assert problem is not None and "could not be saved" in problem


@pytest.mark.parametrize(
    ("words", "expected", "note"),
    [
        ("ascii", DisplaySettings(ascii_only=True, high_contrast=True), ""),
        ("no-high-contrast", DisplaySettings(), ""),
        (" Read-Aloud , no-ascii ", DisplaySettings(high_contrast=True, read_aloud=True), ""),
        ("", DisplaySettings(high_contrast=True), ""),
        ("loud", DisplaySettings(high_contrast=True), "loud"),  # named, the rest still applies
    ],
)
def test_environment_overrides_the_file(words: str, expected: DisplaySettings, note: str) -> None:
    saved = DisplaySettings(high_contrast=True)
    settings, said = from_environment(saved, words)
    assert settings == expected
    assert (note in said) if note else said == ""


def test_flags_override_and_none_leaves_alone() -> None:
    base = DisplaySettings(ascii_only=True, read_aloud=True)
    assert with_flags(base, ascii_only=False, high_contrast=None, read_aloud=None) == (
        DisplaySettings(read_aloud=True)
    )


def test_settings_file_follows_the_override_and_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert locations.settings_file(tmp_path / "x") == tmp_path / "x" / "display.json"
    monkeypatch.setenv(locations.CONFIG_DIR_ENV, str(tmp_path / "env"))
    assert locations.settings_file() == tmp_path / "env" / "display.json"
    monkeypatch.delenv(locations.CONFIG_DIR_ENV)
    assert locations.settings_file().name == "display.json"
    assert "panel-tui" in str(locations.settings_file())
