"""Agreement statistics against published worked examples and small tables worked by hand."""

from __future__ import annotations

import pytest

from panel_tui.domain.agreement import fleiss_kappa, gwet_ac1, landis_koch, percent_agreement

# Fleiss (1971) as worked on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters,
# 5 categories; P_bar = 0.378, P_e = 0.213, kappa = 0.210.
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]

# Gwet's irrCAC package, dataset cac.raw4raters (12 subjects, 4 raters, 5 categories,
# some ratings missing), as counts per subject of categories 1..5. The package's
# documented output: percent agreement 0.8182, Gwet's AC1 0.7754.
IRRCAC_RAW4RATERS = [
    [3, 0, 0, 0, 0],  # 1, 1, -, 1
    [0, 3, 1, 0, 0],  # 2, 2, 3, 2
    [0, 0, 4, 0, 0],
    [0, 0, 4, 0, 0],
    [0, 4, 0, 0, 0],
    [1, 1, 1, 1, 0],  # 1, 2, 3, 4
    [0, 0, 0, 4, 0],
    [3, 1, 0, 0, 0],
    [0, 4, 0, 0, 0],
    [0, 0, 0, 0, 3],  # -, 5, 5, 5
    [2, 0, 0, 0, 0],  # -, -, 1, 1
    [0, 0, 1, 0, 0],  # one rating only: counts for the category shares, not for pairs
]


def test_fleiss_kappa_published_example() -> None:
    assert fleiss_kappa(WIKIPEDIA_FLEISS) == pytest.approx(0.210, abs=5e-4)
    assert percent_agreement(WIKIPEDIA_FLEISS) == pytest.approx(0.378, abs=5e-4)


def test_gwet_ac1_published_example() -> None:
    assert percent_agreement(IRRCAC_RAW4RATERS) == pytest.approx(0.8182, abs=5e-5)
    assert gwet_ac1(IRRCAC_RAW4RATERS) == pytest.approx(0.7754, abs=5e-5)


@pytest.mark.parametrize(
    ("table", "kappa", "ac1", "pa"),
    [
        # Every rater agrees, on two categories (up, middle, down columns):
        # P_bar = 1; p = (1/2, 0, 1/2), P_e = 1/2 -> kappa 1.
        # AC1: pi = (1/2, 0, 1/2), pe = (1/4 + 0 + 1/4) / 2 = 1/4 -> (1 - 1/4)/(3/4) = 1.
        ([[3, 0, 0], [0, 0, 3]], 1.0, 1.0, 1.0),
        # Every rater agrees and always says up: kappa undefined (P_e = 1),
        # yet AC1: pi = (1, 0, 0), pe = 0 -> AC1 = 1. This is why AC1 is shown too.
        ([[3, 0, 0], [3, 0, 0]], None, 1.0, 1.0),
        # Nearly every vote up, one middle: 3 answers by 4 raters.
        # P_i = 1, 1, (6 + 0)/12 = 1/2 -> P_bar = 5/6.
        # p = (11/12, 1/12, 0), P_e = 122/144 -> kappa = (120/144 - 122/144)/(22/144) = -1/11.
        # AC1: pi = (11/12, 1/12, 0), pe = (11/144 + 11/144)/2 = 11/144
        #      -> (120/144 - 11/144)/(133/144) = 109/133.
        ([[4, 0, 0], [4, 0, 0], [3, 1, 0]], -1 / 11, 109 / 133, 5 / 6),
        # Two raters always disagree (up/down): P_bar = 0, P_e = 1/2 -> kappa -1.
        # AC1: pi = (1/2, 0, 1/2), pe = 1/4 -> (0 - 1/4)/(3/4) = -1/3.
        ([[1, 0, 1], [1, 0, 1]], -1.0, -1 / 3, 0.0),
        # Only single ratings: no pairs, nothing to compare.
        ([[1, 0, 0], [0, 1, 0]], None, None, None),
    ],
)
def test_small_tables_worked_by_hand(
    table: list[list[int]], kappa: float | None, ac1: float | None, pa: float | None
) -> None:
    for got, expected in ((fleiss_kappa(table), kappa), (gwet_ac1(table), ac1)):
        if expected is None:
            assert got is None
        else:
            assert got == pytest.approx(expected)
    assert percent_agreement(table) == (None if pa is None else pytest.approx(pa))


@pytest.mark.parametrize(
    ("kappa", "words"),
    [
        (-0.1, "poor"),
        (0.0, "slight"),
        (0.20, "slight"),
        (0.21, "fair"),
        (0.40, "fair"),
        (0.41, "moderate"),
        (0.61, "substantial"),
        (0.80, "substantial"),
        (0.81, "almost perfect"),
        (1.0, "almost perfect"),
    ],
)
def test_landis_koch_words(kappa: float, words: str) -> None:
    assert landis_koch(kappa) == words
