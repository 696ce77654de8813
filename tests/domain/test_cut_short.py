"""A text cut short never takes more columns than it was given (``text.cut_short``).

Found by a review: ``cut_short("abc", 2)`` gave "...", three columns for two.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from panel_tui.domain.text import cells, cut_short

#: What is hard to measure: wide letters, emoji with a skin tone or joined by a
#: zero-width joiner, a flag's two letters, an accent typed after its letter,
#: and the spaces and commas a cut is made at.
_PIECES = ["a", "Sam", " ", ", ", "李", "雷", "👍", "🏽", "\u200d", "👩", "🦽", "🇬", "🇧"]
_PIECES += ["e", "\u0301", "\ufe0f", "❤", "..."]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=30)


@given(texts, st.integers(0, 50))
# A control character takes no column; counted as one in plain ASCII text, "\x080000"
# was cut to "\x080...", five columns by that count, when it fitted whole.
@example("\x080000", 4)
def test_a_cut_never_takes_more_columns_than_it_was_given(text: str, width: int) -> None:
    cut = cut_short(text, width)
    assert cells(cut) <= width
    if cells(text.strip()) <= width:
        assert cut == text.strip()  # it fits: nothing is cut
    elif width >= 4:
        assert cut.endswith("...")  # cut, and says so
    else:  # no room for a letter beside the dots: the letters alone
        assert text.strip().startswith(cut)


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [
        # No room for a letter beside "...": the letters alone, as the screens cut
        # (ui/widgets/fitting.py: cut_to), never the dots alone.
        ("abc", 2, "ab"),
        ("abc", 1, "a"),
        ("abc", 0, ""),
        ("abcd", 3, "abc"),
        ("Sam Okafor", 4, "S..."),  # room for one letter: the dots come back
        ("a bcd", 2, "a"),  # the space a cut ends on goes
        # A Chinese character takes two columns: half of one is never shown.
        ("李雷李", 3, "李"),
        ("李雷", 1, ""),
        # What fits is not cut, however narrow.
        ("ab", 2, "ab"),
        ("李", 2, "李"),
    ],
)
def test_a_cut_at_a_tiny_width(text: str, width: int, cut: str) -> None:
    assert cut_short(text, width) == cut
