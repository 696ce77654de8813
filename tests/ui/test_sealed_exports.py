"""An open session with an answer still sealed: the screen and every HR export agree.

C1: all three voters voted on Q1 (shown), and only seat 1 on Q2 (still sealed,
Down). The summary screen leaves Q2 out; md, html, csv and votes-csv must
leave it out too and say so, so the figures match; json keeps every vote, while
its figures leave the sealed answer out as the others do, and name it.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.models import Session, VoteEvent
from panel_tui.domain.scoring import score_session
from panel_tui.domain.store import Store
from panel_tui.domain.words import percent, sealed_words
from panel_tui.ui.screens.summary import SummaryScreen
from tests.ui.helpers import CREATED, AppFactory, screen_text

SEALED_WORDS = "1 answer still sealed is left out until its votes are shown."


def with_a_sealed_answer(session: Session) -> Session:
    rows = [("q1", "m1", "up"), ("q1", "m2", "middle"), ("q1", "m3", "up"), ("q2", "m1", "down")]
    votes = [
        VoteEvent(candidate="c1", question=q, member=m, value=v, at=CREATED + timedelta(seconds=n))  # type: ignore[arg-type]
        for n, (q, m, v) in enumerate(rows)
    ]
    return session.model_copy(update={"votes": votes})


async def test_the_screen_and_every_export_agree_while_an_answer_is_sealed(
    app_factory: AppFactory, store: Store, session: Session
) -> None:
    made = with_a_sealed_answer(session)
    store.save(made, replace=True)
    assert made.sealed_answers() == {("c1", "q2")}
    assert sealed_words(1) == SEALED_WORDS
    shown_score = percent(score_session(made.as_shown()).by_candidate["c1"].score)
    whole_score = percent(score_session(made).by_candidate["c1"].score)
    assert shown_score == "83.3%" and whole_score != shown_score  # the sealed Down would count

    async with app_factory(made.id).run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        assert isinstance(pilot.app.screen, SummaryScreen)
        shown = " ".join(screen_text(pilot.app).split())
    assert SEALED_WORDS in shown
    assert shown_score in shown and whole_score not in shown

    texts = {name: render(made, name, ExportOptions()) for name in FORMATS}
    for name in ("md", "html"):
        assert shown_score in texts[name], name
        assert whole_score not in texts[name], name
        assert SEALED_WORDS in texts[name], name
        assert "on 1 of 2 questions" in texts[name], name
    # Seat 1 voted on Q2: the three voters' cells and the score say the votes are
    # sealed, never "No vote" or "No score".
    q2 = next(line for line in texts["md"].splitlines() if line.startswith("| 2. "))  # C1's
    assert q2.count("| Sealed ") == 4 and "No vote" not in q2, q2
    assert texts["html"].count('<td class="vote vote-sealed">Sealed</td>') == 3
    (c1,) = [r for r in csv.DictReader(io.StringIO(texts["csv"])) if r["code"] == "C1"]
    assert (c1["score_pct"], c1["questions_scored"], c1["down"]) == ("83.3", "1", "0")
    assert c1["sealed_answers_left_out"] == "1"
    votes = list(csv.DictReader(io.StringIO(texts["votes-csv"])))
    assert [(r["question_id"], r["seat"]) for r in votes] == [("q1", "1"), ("q1", "2"), ("q1", "3")]
    # The json is the complete record, the backup import reads: every vote is in
    # it, while its figures agree with the others' and name the answer left out.
    record = json.loads(texts["json"])
    assert len(record["votes"]) == 4
    (figures,) = [r for r in record["results"]["ranking"] if r["candidate"] == "c1"]
    assert (figures["score_pct"], figures["questions_scored"]) == ("83.3", 1)
    assert record["results"]["sealed_left_out"] == [{"candidate": "c1", "question": "q2"}]
