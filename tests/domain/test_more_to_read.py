"""Words for what runs past its space: a question, a box of fields, a list."""

from __future__ import annotations

import pytest

from panel_tui.domain import more_to_read as lines


@pytest.mark.parametrize(
    ("above", "below", "keys", "said"),
    [
        (False, False, lines.ARROWS, None),  # it all shows
        (False, True, lines.ARROWS, "More below: press the down arrow"),
        (True, True, lines.ARROWS, "More above and below: press the up or down arrow"),
        (True, False, lines.ARROWS, "More above: press the up arrow"),
        # The payment box's fields, moved through by Tab.
        (False, True, lines.TABS, "More below: Tab moves on"),
        (True, False, lines.TABS, "More above: Shift+Tab moves back"),
    ],
)
def test_more_to_read(
    above: bool, below: bool, keys: tuple[str, str, str], said: str | None
) -> None:
    assert lines.more_to_read(above, below, keys) == said


@pytest.mark.parametrize(
    ("above", "below", "said"),
    [
        (0, 0, None),  # every item shows whole
        (0, 1, "1 more below: press the down arrow"),  # the tester's fifth session
        (2, 0, "2 more above: press the up arrow"),
        (1, 3, "1 more above, 3 more below: press the up or down arrow"),
    ],
)
def test_more_in_list(above: int, below: int, said: str | None) -> None:
    assert lines.more_in_list(above, below) == said


@pytest.mark.parametrize(
    ("heights", "top", "height", "out"),
    [
        ([3, 3, 3, 3, 3], 0, 12, (0, 1)),  # four sessions of three lines fill 12; one below
        ([3, 3, 3, 3, 3], 3, 12, (1, 0)),  # scrolled down one: the first above
        ([3, 3, 3, 3, 3], 2, 12, (1, 1)),  # cut at both edges: one each way
        ([2, 2], 0, 12, (0, 0)),  # it all shows
        ([], 0, 12, (0, 0)),
        ([20], 0, 12, (0, 1)),  # one taller than the view
    ],
)
def test_out_of_sight_counts_items_not_wholly_in_view(
    heights: list[int], top: int, height: int, out: tuple[int, int]
) -> None:
    assert lines.out_of_sight(heights, top, height) == out
