"""Each round's day as the rounds report writes it (:mod:`.rounds_report`), in its
table, its charts and its points' labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from panel_tui.domain.rounds import Round
from panel_tui.domain.text import cut_short, told_apart
from panel_tui.domain.words import made_words, short_day_words

#: Columns of a round's title in its day's label (two for a Chinese character),
#: before it is cut short.
LABEL_TITLE = 40


def day_labels(rounds: Sequence[Round], *, titles: bool = True) -> dict[str, str]:
    """Each round's day as the report writes it, by session id: "10 Mar 2026", or
    "10 Mar 2026 at 09:05" (the laptop's clock, as the practice report) when another
    round shares the day (found by testers: one label for two rounds). With
    ``titles``, rounds of one minute add their titles, "(Staff panel)", or "(2)"
    when titles are missing or alike (found by a review: "(2)" named no panel);
    the table (its next column is the title) and the chart's axis go without.
    """
    days = Counter(r.day for r in rounds)
    labels = {
        r.session_id: made_words(r.began) if days[r.day] > 1 else short_day_words(r.day)
        for r in rounds
    }
    if not titles:
        return labels
    minutes: dict[str, list[Round]] = {}
    for r in rounds:
        minutes.setdefault(labels[r.session_id], []).append(r)
    for label, together in minutes.items():
        if len(together) > 1:
            for r, name in zip(together, _names(together), strict=True):
                labels[r.session_id] = f"{label} ({name})"
    return labels


def _names(together: Sequence[Round]) -> list[str]:
    """What tells apart rounds begun in one minute: their titles, cut short where the cut
    ones still differ; else numbered in the order they began."""
    titles = [r.title.strip() for r in together]
    short = [cut_short(t, LABEL_TITLE) for t in titles]
    numbers = [str(n) for n in range(1, len(together) + 1)]
    return next((names for names in (short, titles) if told_apart(names)), numbers)
