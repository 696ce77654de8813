"""Agreement among raters, as pure functions of a count table.

A count table has a row per item rated (an answer) and a column per category
(up, middle, down): each cell is how many raters put the item in that category.
Items may have different numbers of raters (a member abstains or steps out).

- :func:`percent_agreement`: the share of pairs of raters on an item who agree,
  averaged over the items with at least two ratings.
- :func:`fleiss_kappa`: Fleiss (1971), agreement beyond chance, with chance taken
  from how often each category is used overall.
- :func:`gwet_ac1`: Gwet (2008), the same observed agreement with a chance term
  that stays sensible when nearly every vote is the same (where kappa drops
  towards zero or below although the raters agree almost always).
- :func:`landis_koch`: the words Landis and Koch (1977) gave to ranges of kappa.
"""

from __future__ import annotations

from collections.abc import Sequence

Table = Sequence[Sequence[int]]

#: Below this, two numbers are taken as equal (chance agreement of 1 has no kappa).
TOLERANCE = 1e-9


def _rated(table: Table) -> list[Sequence[int]]:
    """The rows with at least two ratings: only they hold pairs of raters."""
    return [row for row in table if sum(row) >= 2]


def percent_agreement(table: Table) -> float | None:
    """The share of agreeing pairs of raters, averaged over items; ``None`` with no pairs."""
    rated = _rated(table)
    if not rated:
        return None
    shares = [sum(c * (c - 1) for c in row) / (sum(row) * (sum(row) - 1)) for row in rated]
    return sum(shares) / len(shares)


def fleiss_kappa(table: Table) -> float | None:
    """Fleiss' kappa of a count table.

    ``None`` when no item has two ratings, or when every rating is in one
    category (chance agreement is then 1 and kappa is not defined).
    """
    rated = _rated(table)
    observed = percent_agreement(rated)
    if observed is None:
        return None
    total = sum(sum(row) for row in rated)
    shares = [sum(row[k] for row in rated) / total for k in range(len(rated[0]))]
    chance = sum(p * p for p in shares)
    if abs(1 - chance) < TOLERANCE:
        return None
    return (observed - chance) / (1 - chance)


def gwet_ac1(table: Table) -> float | None:
    """Gwet's AC1 of a count table, as the irrCAC package computes it.

    The chance term is ``sum(pi_k * (1 - pi_k)) / (q - 1)`` over the ``q``
    categories, where ``pi_k`` is the mean share of category ``k`` within an
    item, over every item rated at least once. ``None`` when no item has two
    ratings or there are fewer than two categories.
    """
    observed = percent_agreement(table)
    used = [row for row in table if sum(row) >= 1]
    if observed is None or not used or len(used[0]) < 2:
        return None
    categories = len(used[0])
    shares = [sum(row[k] / sum(row) for row in used) / len(used) for k in range(categories)]
    chance = sum(p * (1 - p) for p in shares) / (categories - 1)
    return (observed - chance) / (1 - chance)


#: Landis and Koch (1977): the upper end of each range, and its words.
LANDIS_KOCH: tuple[tuple[float, str], ...] = (
    (0.0, "poor"),
    (0.20, "slight"),
    (0.40, "fair"),
    (0.60, "moderate"),
    (0.80, "substantial"),
    (1.0, "almost perfect"),
)


def landis_koch(kappa: float) -> str:
    """The Landis and Koch words for a kappa: below 0 poor, 0.81 to 1 almost perfect."""
    if kappa < 0:
        return "poor"
    for upper, words in LANDIS_KOCH[1:]:
        if kappa <= upper + TOLERANCE:
            return words
    return LANDIS_KOCH[-1][1]
