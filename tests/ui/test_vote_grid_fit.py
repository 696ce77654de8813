"""Nine seats at 80x24 keep every row on screen after votes given after the reveal."""

from __future__ import annotations

from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from tests.domain.builders import panel
from tests.ui.helpers import SIZE, AppFactory, screen_text


async def test_nine_seats_keep_every_row_on_screen_when_four_vote_after_the_reveal(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    # 7fb970c: "A vote given after the reveal keeps its row two lines at 80x24".
    # With nine seats the grid is compact (one line a row), and "after reveal"
    # still takes a second line under each such vote: four of them push seat 9
    # off the screen (the grid scrolls) and "Listen for" loses an item.
    made = session.model_copy(update={"panel": panel("LPLPLPLPL")})
    store.save(made, replace=True)
    async with app_factory(made.id).run_test(size=SIZE) as pilot:
        await pilot.press("1", "w", "ctrl+r", "enter", "3", "4", "5", "6")
        shown = screen_text(pilot.app)
    seats = [line.split()[0] for line in shown.splitlines() if line[1:2].isdigit()]
    assert seats == [str(n) for n in range(1, 10)], shown
