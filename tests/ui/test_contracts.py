"""What dialogs and form rows read from the app, through a protocol rather than getattr."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from panel_tui.ui.contracts import DisplaySettingsSource, cursor_blink, tell


@dataclass
class Blinks:
    cursor_blink: bool


class Plain:
    """An app that says nothing about blinking (a small test app)."""


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        # The panel's app with blinking turned off (as every test app is): no blink.
        (Blinks(cursor_blink=False), False),
        # Turned on: blink.
        (Blinks(cursor_blink=True), True),
        # An app without the setting keeps Textual's default, a blinking cursor.
        (Plain(), True),
    ],
)
def test_text_fields_blink_as_the_app_says(app: object, expected: bool) -> None:
    assert cursor_blink(app) is expected


@dataclass
class Teller:
    told: list[str] = field(default_factory=list)

    def tell(self, news: str) -> None:
        self.told.append(news)


def test_news_goes_to_an_app_that_reads_it_and_nowhere_else() -> None:
    teller = Teller()
    tell(teller, "Saved.")
    assert teller.told == ["Saved."]
    tell(Plain(), "Saved.")  # a small test app without speech: nothing to do, no error


@dataclass
class Settings:
    ascii_only: bool
    read_aloud: bool


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        # The panel's app holds both settings: screens mirror them.
        (Settings(ascii_only=True, read_aloud=False), True),
        # A small test app holds neither: screens keep the usual symbols.
        (Plain(), False),
        # Blinking alone is not the display settings.
        (Blinks(cursor_blink=False), False),
    ],
)
def test_screens_mirror_the_display_settings_only_of_an_app_that_holds_them(
    app: object, expected: bool
) -> None:
    assert isinstance(app, DisplaySettingsSource) is expected
