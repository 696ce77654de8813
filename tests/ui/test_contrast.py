"""Colour: every text cell on every screen is readable, measured from the screen.

Each cell's character, foreground and background are read from what the app
draws (the compositor's segments, the same the terminal gets), and the WCAG
contrast ratio of foreground against background is checked: at least 4.5:1
in the usual theme and 7:1 in high contrast. Box lines, block characters and
scrollbars are not text, and nor is the dimmed screen behind a box on top
(inactive, as WCAG counts it); everything else is, vote symbols included.

Each screen is measured in the theme it shows, then switched to the other theme
(as Ctrl+T switches it) and measured again: one run of the app for both, and
proof that a switch redraws every text cell; a journey that carries on from
another goes on in the same run. Textual's command palette keeps the colours it
opened with until it opens again, so it is measured opened in each.
"""

from __future__ import annotations

import colorsys
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from textual.app import App
from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.theme import Theme
from textual.widgets import Select

from panel_tui.domain.store import Store
from panel_tui.ui.themes import HIGH_CONTRAST, PANEL_DARK
from tests.ui.helpers import AppFactory, small_session
from tests.ui.journeys import JOURNEYS, Journey, begin, run_id, runs, steps

RGB = tuple[int, int, int]

#: The least contrast for text in each theme (WCAG AA, and AAA for high contrast).
LEAST = {PANEL_DARK.name: 4.5, HIGH_CONTRAST.name: 7.0}
#: The theme a screen is switched to once measured in the other.
OTHER = {PANEL_DARK.name: HIGH_CONTRAST.name, HIGH_CONTRAST.name: PANEL_DARK.name}


class Cell(NamedTuple):
    ratio: float
    row: int
    column: int
    character: str
    foreground: RGB
    background: RGB


def luminance(colour: RGB) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = colour
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: RGB, other: RGB) -> float:
    """The WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_text(character: str) -> bool:
    """Letters, digits, punctuation and symbols; not box lines or block characters."""
    if character.isspace() or 0x2500 <= ord(character) <= 0x259F:
        return False
    return unicodedata.category(character)[0] in "LNPS"


def text_cells(app: App[Any]) -> list[Cell]:
    """Every text cell the screen shows, with its contrast."""
    screen = app.screen
    cells = []
    for row, strip in enumerate(screen._compositor.render_strips()):
        column = 0
        for segment in strip:
            style = segment.style
            for character in segment.text:
                behind = isinstance(screen, ModalScreen) and (
                    screen.get_widget_at(column, row)[0] is screen
                )
                if style is not None and is_text(character) and not behind:
                    assert style.color is not None and style.bgcolor is not None
                    fg: RGB = tuple(style.color.get_truecolor())  # type: ignore[assignment]
                    bg: RGB = tuple(style.bgcolor.get_truecolor())  # type: ignore[assignment]
                    if style.reverse:
                        fg, bg = bg, fg
                    cells.append(Cell(contrast(fg, bg), row, column, character, fg, bg))
                column += 1
    return cells


async def in_each_theme(
    pilot: Pilot[Any], measure: Callable[[App[Any]], list[Cell]] = text_cells
) -> dict[str, list[Cell]]:
    """The cells measured in the theme showing, then in the other, switched to as Ctrl+T does.

    The theme is set as Ctrl+T sets it, without Ctrl+T's notice, which would
    hide the cells under it. A cell that kept its colours through the switch was
    not redrawn, so its second measure would prove nothing: that fails.
    """
    app = pilot.app
    first = app.theme
    shown = {first: measure(app)}
    app.theme = OTHER[first]
    await pilot.pause()
    shown[app.theme] = measure(app)
    before = {(c.row, c.column, c.character): (c.foreground, c.background) for c in shown[first]}
    kept = [
        c
        for c in shown[app.theme]
        if before.get((c.row, c.column, c.character)) == (c.foreground, c.background)
    ]
    assert kept == [], (
        f"{len(kept)} cells kept their colours from {first} in {app.theme}: {kept[:3]}"
    )
    return shown


def assert_readable(shown: dict[str, list[Cell]], what: str) -> None:
    """Every cell measured meets the least contrast of the theme it was measured in; both were."""
    assert sorted(shown) == sorted(LEAST), f"{what}: measured in {sorted(shown)}"
    for theme, cells in shown.items():
        low = [c for c in cells if c.ratio < LEAST[theme]]
        assert low == [], (
            f"{what}: {len(low)} cells under {LEAST[theme]}:1 in {theme}, e.g. {low[:3]}"
        )


#: Textual's command palette is not restyled by a switch of theme while it is
#: open, so it is reached afresh in each theme.
OPENED_IN_EACH_THEME = {"command palette", "command palette, searching"}
SWITCHED = runs([j for j in JOURNEYS if j.name not in OPENED_IN_EACH_THEME])
OPENED = runs([j for j in JOURNEYS if j.name in OPENED_IN_EACH_THEME])


@pytest.mark.parametrize("run", SWITCHED, ids=[run_id(run) for run in SWITCHED])
async def test_every_text_cell_is_readable(
    app_factory: AppFactory, store: Store, run: tuple[Journey, ...]
) -> None:
    app = app_factory(begin(run[0], store))
    async with app.run_test(size=(80, 24)) as pilot:
        # Every other run starts in high contrast, as a chair who chose it does, so
        # screens are built in each theme as well as switched to it (a review).
        if SWITCHED.index(run) % 2:
            app.theme = HIGH_CONTRAST.name
        for journey, keys in steps(run):  # each in the theme the one before ended in
            await pilot.press(*keys)
            await pilot.pause()
            shown = await in_each_theme(pilot)
            for theme, cells in shown.items():  # the screen was measured, not empty
                assert len(cells) > 50, f"{journey.name}: {len(cells)} cells in {theme}"
            assert_readable(shown, journey.name)


@pytest.mark.parametrize("theme", [PANEL_DARK, HIGH_CONTRAST], ids=["usual", "high-contrast"])
@pytest.mark.parametrize("run", OPENED, ids=[run_id(run) for run in OPENED])
async def test_every_text_cell_of_the_palette_is_readable(
    app_factory: AppFactory, store: Store, run: tuple[Journey, ...], theme: Theme
) -> None:
    app = app_factory(begin(run[0], store))
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme.name
        for journey, keys in steps(run):
            await pilot.press(*keys)
            await pilot.pause()
            cells = text_cells(app)
            assert len(cells) > 50, journey.name  # the screen was measured, not empty
            least = LEAST[app.theme]
            low = [c for c in cells if c.ratio < least]
            assert low == [], (
                f"{journey.name}: {len(low)} cells under {least}:1 in {app.theme}, e.g. {low[:3]}"
            )


# -- colour-blind safe --------------------------------------------------------

#: Viénot, Brettel and Mollon (1999): how people with protanopia and deuteranopia
#: see linear RGB.
SIMULATIONS = {
    "protanopia": ((0.11238, 0.88762, 0.0), (0.11238, 0.88762, 0.0), (0.00401, -0.00401, 1.0)),
    "deuteranopia": ((0.29275, 0.70725, 0.0), (0.29275, 0.70725, 0.0), (-0.02234, 0.02234, 1.0)),
}


def _linear(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _srgb(value: float) -> float:
    value = min(1.0, max(0.0, value))
    return 12.92 * value if value <= 0.0031308 else 1.055 * value ** (1 / 2.4) - 0.055


def seen_with(kind: str, colour: str) -> RGB:
    """``colour`` (``#rrggbb``) as a person with this colour blindness sees it."""
    rgb = [_linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    matrix = SIMULATIONS[kind]
    seen = [sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix]
    r, g, b = (round(_srgb(v) * 255) for v in seen)
    return r, g, b


def hue(colour: str) -> float:
    """The hue of ``#rrggbb`` in degrees."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


@pytest.mark.parametrize("theme", [PANEL_DARK, HIGH_CONTRAST], ids=["usual", "high-contrast"])
@pytest.mark.parametrize("kind", sorted(SIMULATIONS))
def test_error_and_success_stay_apart_for_colour_blind_people(theme: Theme, kind: str) -> None:
    assert theme.error is not None and theme.success is not None
    # Blue against orange, never green against red: the pair that red-green
    # colour blindness (1 man in 12) still tells apart.
    assert 180 <= hue(theme.success) <= 240, theme.success
    assert hue(theme.error) <= 40, theme.error
    error, success = seen_with(kind, theme.error), seen_with(kind, theme.success)
    # Textual's own pair (#ba3c5b, #4EBF71) is 79 apart for deuteranopia; ours about 160 or more.
    distance = sum((a - b) ** 2 for a, b in zip(error, success, strict=True)) ** 0.5
    assert distance > 150, (error, success)


def notice_cells(app: App[Any]) -> list[Cell]:
    """The text cells of a notice, at the bottom right."""
    return [c for c in text_cells(app) if c.row >= 16]


@pytest.mark.parametrize("severity", ["information", "warning", "error"])
async def test_every_kind_of_notice_is_readable(
    app_factory: AppFactory, store: Store, severity: SeverityLevel
) -> None:
    session = small_session()
    store.save(session)
    app = app_factory(session.id)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify(
            "Your saved display settings could not be read.", title="Settings", severity=severity
        )
        await pilot.pause()
        shown = await in_each_theme(pilot, notice_cells)
    for theme, cells in shown.items():
        assert any(c.character == "S" for c in cells), f"no notice in {theme}"
    assert_readable(shown, f"a notice of {severity}")


@pytest.mark.parametrize("which", ["#bank", "#role"], ids=["bank", "role"])
async def test_an_open_drop_down_list_is_readable(app_factory: AppFactory, which: str) -> None:
    # The "Choose a question bank" (or role) line is highlighted when the list
    # opens; Textual draws it dim, 3.6:1 on the highlight in the usual theme.
    async with app_factory(None).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # the new-session form
        await pilot.pause()
        listed = pilot.app.screen.query(Select).filter(which).first(Select)
        listed.scroll_visible(animate=False)
        listed.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert listed.expanded
        shown = await in_each_theme(pilot)
        assert listed.expanded, f"the {which} list closed when the theme changed"
    assert_readable(shown, f"the open {which} list")
