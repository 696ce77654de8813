"""Words for what runs past its space: where the rest is, and the key that brings it.

Only a faint scrollbar said so otherwise (colour only, in plain ASCII): the last
points of a question to listen for, a box's fields, or the sessions at the foot of
a home-screen list went unseen (found by testers). The interview's question, the
boxes of fields and the lists of sessions all say it in these words.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The keys that bring the rest into view (:func:`more_to_read`): back, on, and either.
ARROWS = ("press the up arrow", "press the down arrow", "press the up or down arrow")
#: In a box of fields, where Tab moves from one to the next.
TABS = ("Shift+Tab moves back", "Tab moves on", "Tab, Shift+Tab")


def more_to_read(above: bool, below: bool, keys: tuple[str, str, str] = ARROWS) -> str | None:
    """Words for what runs past its space: where the rest is and the key to it.

    Only a faint scrollbar showed it otherwise (colour only in plain ASCII): the
    last points of a question to listen for, or a box's fields, went unseen.
    ``None`` when it all shows.
    """
    if not (above or below):
        return None
    where = "above and below" if above and below else "below" if below else "above"
    return f"More {where}: {_key_to_more(above, below, keys)}"


def more_in_list(above: int, below: int) -> str | None:
    """:func:`more_to_read` for a list: how many of its items are out of sight, each way.

    Found by a tester at 80x24: the home screen's list of unfinished sessions
    showed four and closed, the fifth out of sight with only a scrollbar's
    colour to say so. ``None`` when every item shows whole.
    """
    if not (above or below):
        return None
    where = ", ".join(f"{n} more {side}" for n, side in ((above, "above"), (below, "below")) if n)
    return f"{where}: {_key_to_more(above > 0, below > 0, ARROWS)}"


def _key_to_more(above: bool, below: bool, keys: tuple[str, str, str]) -> str:
    return keys[2] if above and below else keys[1] if below else keys[0]


def out_of_sight(heights: Sequence[int], top: int, height: int) -> tuple[int, int]:
    """How many items of a list are not wholly in view: above it, and below it.

    Args:
        heights: each item's height in lines, top to bottom.
        top: the first line in view.
        height: how many lines are in view.

    An item cut by the top of the view counts as above, one cut by its foot
    as below: a key is needed to read either whole.
    """
    above = below = start = 0
    for lines in heights:
        if start < top:
            above += 1
        elif start + lines > top + height:
            below += 1
        start += lines
    return above, below


__all__ = ["ARROWS", "TABS", "more_in_list", "more_to_read", "out_of_sight"]
