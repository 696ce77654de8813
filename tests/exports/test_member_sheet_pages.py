"""Member sheets printed: each one sheet of A4 for a day of up to 8 candidates (12 without
their names), at Easy Read sizes; a longer one flows on to a second page, never cut.

Printed by headless Chromium (see ``tests/exports/chromium.py``); skipped where
``chromium`` or ``pdftotext`` is not on the PATH. The pages were looked at by eye
(``pdftoppm -png``) when the two-column decisions were made.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.exports import ExportOptions
from panel_tui.domain.exports.sheets import member_sheets
from panel_tui.domain.models import (
    Candidate,
    Decision,
    Session,
    VoteEvent,
    VoteValue,
    Weighting,
)
from panel_tui.domain.sessions import demo_session
from tests.exports.chromium import CHROMIUM, PDFTOTEXT, printed_texts
from tests.exports.helpers import T0, build_session

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None, reason="no chromium or pdftotext"
)


def voted_demo(weighting: Weighting = "per_person", candidates: int = 3) -> Session:
    """The demo session part way through a day, as a chair would print it: every
    member has voted on every answer (up, middle, down and abstain among them),
    the panel has decided on two of its candidates (three, or ``candidates``),
    and it is not finished."""
    demo = demo_session(load_bank(locations.shipped_banks_dir() / "support-worker.toml"))
    more = [
        Candidate(id=f"c{n}", code=f"C{n}", name=f"Candidate {n}")
        for n in range(len(demo.candidates) + 1, candidates + 1)
    ]
    session = demo.model_copy(
        update={
            "candidates": [*demo.candidates, *more],
            "settings": demo.settings.model_copy(update={"weighting": weighting}),
            # A real day's sheet: the demo's own adds "This was the demo..." (the
            # demo as shipped, one person one vote, still prints on one page).
            "mode": "live" if weighting != "per_person" else demo.mode,
        }
    )
    values: Iterator[VoteValue] = itertools.cycle(
        ("up", "middle", "down", "up", "abstain", "middle", "up")
    )
    answers = [(c.id, q.id) for c in session.candidates for q in session.bank.questions]
    votes = [
        VoteEvent(candidate=c, question=q, member=m.id, value=next(values), at=T0)
        for c, q in answers
        for m in session.panel
    ]
    decisions = [
        Decision(candidate="c1", outcome="recommend"),
        Decision(candidate="c2", outcome="do_not_recommend"),
    ]
    return session.model_copy(update={"votes": votes, "decisions": decisions})


RULES: tuple[Weighting, ...] = ("per_person", "equal_groups", "lived_experience_share")


def decided_day(weighting: Weighting, candidates: int, *, finished: bool = True) -> Session:
    """``voted_demo`` with every candidate decided, each with a sentence of reasons."""
    session = voted_demo(weighting, candidates)
    reason = "Good examples throughout; kind and clear about choice and risk."
    decisions = [
        Decision(
            candidate=c.id, outcome="do_not_recommend" if n % 3 else "recommend", reason=reason
        )
        for n, c in enumerate(session.candidates)
    ]
    return session.model_copy(update={"decisions": decisions, "finished": finished})


def printed(session: Session, tmp_path: Path, options: ExportOptions | None = None) -> list[str]:
    """The text of each printed page of the session's fullest sheet, from headless Chromium."""
    pages = member_sheets(session, options)
    name = max(pages, key=lambda n: pages[n].count("<li>"))
    assert pages[name].count("<li>") >= 13  # every part of the sheet is there
    page = tmp_path / name
    page.write_text(pages[name], encoding="utf-8")
    return printed_texts(page, tmp_path)


@pytest.mark.parametrize("weighting", RULES)
def test_the_fullest_sheet_prints_on_one_a4_page(weighting: Weighting, tmp_path: Path) -> None:
    # A member was handed two sheets of paper, the second holding only "Thank you";
    # under a group rule (three lines more) it still was.
    texts = printed(voted_demo(weighting), tmp_path)
    assert len(texts) == 1
    assert "Thank you for being on the panel." in texts[0]


def test_the_tests_session_prints_on_one_a4_page(tmp_path: Path) -> None:
    assert len(printed(build_session(), tmp_path)) == 1  # 4 candidates, an answer still sealed


@pytest.mark.parametrize("weighting", RULES)
@pytest.mark.parametrize(
    ("finished", "names"),
    [(True, False), (False, True)],  # a finished day; one under way, names allowed
    ids=["finished", "under-way-with-names"],
)
def test_a_day_of_8_candidates_prints_on_one_a4_page(
    weighting: Weighting, finished: bool, names: bool, tmp_path: Path
) -> None:
    # Found by a tester: a day of 5 to 8 candidates printed on 2 pages, the second
    # holding only the last decisions and "Thank you".
    session = decided_day(weighting, 8, finished=finished)
    (text,) = printed(session, tmp_path, ExportOptions(candidate_names=names))
    flat = " ".join(text.split())
    assert "Thank you for being on the panel." in flat
    for n in range(1, 9):  # pdftotext reads the two columns a row at a time
        assert f"Candidate C{n}" in flat


@pytest.mark.parametrize("weighting", RULES)
@pytest.mark.parametrize("candidates", [16, 24])
def test_a_longer_sheet_flows_on_and_never_prints_the_thanks_alone(
    weighting: Weighting, candidates: int, tmp_path: Path
) -> None:
    texts = printed(voted_demo(weighting, candidates), tmp_path)
    assert len(texts) == 2  # too many for one page at Easy Read sizes
    last = texts[-1]
    assert "Thank you for being on the panel." in last
    left = last.replace("Thank you for being on the panel.", "").replace("Thank you", "")
    assert left.strip(), "the last page holds only the thank-you"
    lines = [" ".join(page.split()) for page in texts]
    for n in range(1, candidates + 1):  # each decision printed whole, on one page
        said = "not decided yet." if n > 2 else ("yes." if n == 1 else "no.")
        assert sum(f"Candidate C{n}: {said}" in page for page in lines) == 1, n
