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
# A control character takes no column; counted as one in plain ASCII text, "\x08000"
# was cut to "\x08..." when it fitted whole.
@example("\x08000", 3)
def test_a_cut_never_takes_more_columns_than_it_was_given(text: str, width: int) -> None:
    cut = cut_short(text, width)
    assert cells(cut) <= width
    if cells(text.strip()) <= width:
        assert cut == text.strip()  # it fits: nothing is cut
    else:
        assert cut.endswith("..."[:width])  # cut: it says so, as far as there is room


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [
        # Too narrow for "...": as many of its dots as fit, so the cut still shows
        # (a plain "ab" would pass for the whole text).
        ("abc", 2, ".."),
        ("abc", 1, "."),
        ("abc", 0, ""),
        # Room for the dots and nothing before them: the dots alone.
        ("abcd", 3, "..."),
        ("李雷李", 4, "..."),  # a Chinese character takes two columns: none fits beside them
        # What fits is not cut, however narrow.
        ("ab", 2, "ab"),
        ("李", 2, "李"),
    ],
)
def test_a_cut_at_a_tiny_width(text: str, width: int, cut: str) -> None:
    assert cut_short(text, width) == cut
