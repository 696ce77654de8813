"""Golden files: the md, html, csv and votes-csv exports of the fixed session.

The files under ``golden/`` were read by eye once (the HTML also as a printed
PDF and a screenshot). After a deliberate change, regenerate them with
``UPDATE_GOLDEN=1 python -m pytest tests/exports/test_golden.py``, read the
diff, and commit it with the change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from panel_tui.domain.exports import encoded, render
from panel_tui.domain.models import Reveal, Session
from tests.domain import builders
from tests.exports.helpers import T0, build_session

GOLDEN = Path(__file__).parent / "golden"
FILES = {
    "md": "summary.md",
    "html": "summary.html",
    "csv": "candidates.csv",
    "votes-csv": "votes.csv",
}


@pytest.mark.parametrize("fmt", FILES)
def test_export_matches_its_golden_file(session: Session, fmt: str) -> None:
    produced = encoded(session, fmt)
    golden = GOLDEN / FILES[fmt]
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(produced)
    assert golden.exists(), f"no golden file {golden}: run with UPDATE_GOLDEN=1 and review it"
    assert produced == golden.read_bytes(), (
        f"{fmt} differs from {golden}; if the change is meant, regenerate with "
        "UPDATE_GOLDEN=1 and review the diff"
    )


def test_golden_csv_files_start_with_a_byte_order_mark() -> None:
    # Excel reads a CSV as UTF-8 only when it starts with a BOM.
    for name in ("candidates.csv", "votes.csv"):
        assert (GOLDEN / name).read_bytes().startswith("\ufeff".encode())


# ------------------------------------------------------------ an open session


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_open_session_says_it_leaves_out_votes_still_sealed(fmt: str) -> None:
    # In the fixed session only C3's last question lacks votes (seats 1 and 2
    # never voted) and was never shown: one answer still sealed, left out.
    session = build_session().model_copy(update={"finished": False})
    text = render(session, fmt)
    assert "unfinished: votes may still change." in text
    assert "1 answer still sealed is left out until its votes are shown." in text
    assert render(session, "json").count('"question": "mistake"') > len(
        [line for line in render(session, "votes-csv").splitlines() if ",mistake," in line]
    )


def test_an_open_session_with_every_answer_shown_says_nothing_of_sealed_votes() -> None:
    session = build_session()
    session = session.model_copy(
        update={
            "finished": False,
            "reveals": [*session.reveals, Reveal(candidate="c3", question="mistake", at=T0)],
        }
    )
    text = render(session, "md")
    assert "unfinished: votes may still change." in text
    assert "sealed" not in text.split(", unfinished")[1].splitlines()[0]


def test_a_finished_session_says_finished() -> None:
    text = render(build_session(), "md")
    assert "Live interviews, finished." in text
    assert "unfinished" not in text


def test_the_md_and_html_give_their_sections_in_one_order_with_the_rule_first() -> None:
    # PRODUCT.md: the rule is "stated in words at the top of every summary"; a
    # reader moving between the printed html and the md finds the same order.
    session = build_session()
    md = [line[3:] for line in render(session, "md").splitlines() if line.startswith("## ")]
    html = re.findall(r'<h2 id="[a-z-]+">([^<]+)</h2>', render(session, "html"))
    before_candidates = [h for h in md if not h.startswith("Candidate ")]
    assert html == before_candidates
    assert html[0] == "How the scores were worked out"
    assert html.index("Early reveals") < html.index("Ranking")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_candidate_whose_only_votes_are_sealed_is_not_said_to_have_none(fmt: str) -> None:
    # Found by a tester: one vote given on C1 Q2 (still sealed) and the summary said
    # "No votes were recorded for this candidate"; C2, with no vote at all, does say it.
    session = builders.session(
        "LLP",
        [("c1", "q2", "m1", "up")],
        questions=[("q1", 1.0, False), ("q2", 1.0, False)],
        candidates=[("c1", "Alex"), ("c2", "Sam")],
    )
    text = render(session, fmt)
    sealed = (
        "No votes are shown: Question 2 is still sealed, as not everyone voted, so this copy "
        "leaves them out."
    )
    assert text.count(sealed) == 1
    assert text.count("No votes were recorded for this candidate.") == 1
    assert text.index(sealed) < text.index("No votes were recorded for this candidate.")
