"""Where to type shows without colour: every field's edge stands out from what is behind it.

WCAG asks 3:1 for the edges of a field against its background (1.4.11). Textual
draws a field that has no focus with an edge nearly the colour of the screen
(#191919 on #121212); in high contrast it was black on black. On a 16-colour
terminal (TERM=xterm) or with NO_COLOR both become black, and the boxes of the
new-session form, and a note's one line, were blank space.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.color import Color
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Select

from panel_tui.domain.store import Store
from tests.ui.helpers import AppFactory, small_session
from tests.ui.test_contrast import OTHER, contrast

#: WCAG 1.4.11: the edge of a field against what is behind it.
LEAST = 3.0


def edge_contrast(widget: Widget) -> float:
    """Contrast of the widget's left edge, as drawn, against the background behind it."""
    behind, _ = widget.background_colors
    kind, colour = widget.styles.border_left
    if not kind or kind == "none":
        return 1.0
    drawn: Color = behind + colour  # an edge with some transparency is drawn over what is behind
    return contrast(drawn.rgb, behind.rgb)


def fields(screen: Any) -> list[Widget]:
    """The form's fields: every text box and the shown part of every drop-down list."""
    shown: list[Widget] = list(screen.query(Input))
    shown += [select.query_one("SelectCurrent") for select in screen.query(Select)]
    return shown


async def edges_in_each_theme(
    pilot: Pilot[Any], found: list[Widget]
) -> dict[str, dict[str, float]]:
    """Each field's edge contrast in the theme showing, then in the other, switched as Ctrl+T does.

    A field whose edge kept its colour through the switch was not restyled, so
    its second measure would prove nothing: that fails.
    """
    app = pilot.app
    first = app.theme
    before = [w.styles.border_left for w in found]
    measured = {first: edges(found)}
    app.theme = OTHER[first]
    await pilot.pause()
    measured[app.theme] = edges(found)
    kept = [w.id for w, edge in zip(found, before, strict=True) if w.styles.border_left == edge]
    assert kept == [], f"edges kept their colour from {first} in {app.theme}: {kept}"
    return measured


def edges(found: list[Widget]) -> dict[str, float]:
    """The contrast of each field's edge, by its id."""
    return {f"{w.id or type(w).__name__}": round(edge_contrast(w), 2) for w in found}


@pytest.mark.parametrize("ascii_only", [False, True], ids=["symbols", "ascii"])
async def test_every_field_of_the_new_session_form_shows_its_edge(
    app_factory: AppFactory, ascii_only: bool
) -> None:
    async with app_factory(None, ascii_only=ascii_only).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        found = fields(pilot.app.screen)
        assert len(found) >= 6  # bank, title, a member's four fields, a candidate's
        measured = await edges_in_each_theme(pilot, found)
    assert sorted(measured) == sorted(OTHER)
    for theme, low in measured.items():
        assert all(ratio >= LEAST for ratio in low.values()), f"{theme}: {low}"


async def test_a_notes_line_shows_its_edges(app_factory: AppFactory, store: Store) -> None:
    session = small_session()
    store.save(session)
    async with app_factory(session.id).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        line = pilot.app.screen.query_one(Input)
        focused = await edges_in_each_theme(pilot, [line])
        line.blur()
        await pilot.pause()
        blurred = await edges_in_each_theme(pilot, [line])
    assert sorted(focused) == sorted(blurred) == sorted(OTHER)
    for theme in OTHER:
        assert focused[theme]["note"] >= LEAST, f"with the focus, in {theme}"
        assert blurred[theme]["note"] >= LEAST, f"without the focus, in {theme}"
