"""The summary at 80x24 shows every member's vote and every figure, however big the panel."""

from __future__ import annotations

from panel_tui.domain.models import Member, Session
from panel_tui.domain.store import Store
from tests.ui.helpers import AppFactory, scrolled_text


async def test_a_nine_member_panel_shows_every_vote_and_figure_at_80x24(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # With nine members the grid of votes ran past the right edge: seats 8 and 9,
    # the score, the voice gap and the flags of each question were cut off.
    names = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy"]
    panel = [
        Member(
            id=f"p{seat}",
            name=name,
            role="lived_experience" if seat % 2 else "professional",
            seat=seat,
        )
        for seat, name in enumerate(names, start=1)
    ]
    store.save(session.model_copy(update={"panel": panel, "id": "nine"}))
    async with app_factory("nine").run_test(size=(80, 24)) as pilot:
        await pilot.press(*"123456789", "ctrl+s")
        await pilot.pause()
        text = await scrolled_text(pilot, pages=8)
    assert "Seat 9" in text and "Ivy" in text
    first = [line for line in text.splitlines() if line.startswith("  Q1 ")]
    assert first, text
    assert any("▲ Up" in line and "100.0%" in line for line in first), first
    assert any(line.rstrip().endswith("None") for line in first), first  # the flags column
