"""The HTML summary renders in headless Chromium to PDF and PNG, with no request out.

How the requests a page makes are told from Chromium's own is in
``tests/exports/chromium.py``. A control page that loads an image shows that
such a request is seen. Skipped when ``chromium`` is not on the PATH.

The PNG (1240 x 1754, an A4 page at 150 dpi) and the PDF pages of the fixed
session were looked at by eye when the layout was made.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.exports import ExportOptions
from panel_tui.domain.importing import load_session_file
from panel_tui.domain.models import Candidate, Decision, Member, Role, Session, VoteEvent
from panel_tui.domain.sessions import new_session
from tests.exports.chromium import (
    CHROMIUM,
    HEIGHT,
    WIDTH,
    chromium,
    pdf_pages,
    png_size,
    print_and_screenshot,
    printed_texts,
)
from tests.exports.helpers import write_export

#: Records exported from real runs, read back as import reads them.
RECORDS = Path(__file__).parent / "records"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on the PATH")


def test_the_control_page_shows_a_request_is_seen(tmp_path: Path) -> None:
    # An image on the page, and one only a printed page shows: a run that prints
    # and takes a screenshot sees both.
    page = tmp_path / "control.html"
    page.write_text(
        '<img src="http://panel-tui.invalid/x.png" alt="">'
        "<style>@media print { body { background: url(http://panel-tui.invalid/print.png) } }"
        "</style>",
        encoding="utf-8",
    )
    pdf, png = tmp_path / "control.pdf", tmp_path / "control.png"
    requests = print_and_screenshot(page, tmp_path, pdf, png)
    assert sorted(requests) == [
        "http://panel-tui.invalid/print.png",
        "http://panel-tui.invalid/x.png",
    ]


@pytest.mark.parametrize(
    "options",
    [ExportOptions(), ExportOptions(anonymise=True, totals_only=True)],
    ids=["plain", "anonymised-totals"],
)
def test_html_prints_to_a4_pdf_and_png_without_requests(
    session: Session, tmp_path: Path, options: ExportOptions
) -> None:
    page = write_export(session, "html", tmp_path / "out", options)
    pdf, png = tmp_path / "summary.pdf", tmp_path / "summary.png"
    assert print_and_screenshot(page, tmp_path, pdf, png) == []
    # A page for the ranking, panel and method, then each candidate on a new page.
    assert pdf_pages(pdf) >= 1 + len(session.candidates)
    assert re.search(rb"/MediaBox\s*\[\s*0 0 594\.9\d* 841\.9\d*\s*\]", pdf.read_bytes()), "A4"
    assert png_size(png) == (WIDTH, HEIGHT)
    assert png.stat().st_size > 20_000  # a page with content, not a blank


PDFTOTEXT = shutil.which("pdftotext")


def long_round() -> Session:
    """The shipped bank's six long questions, four members, three candidates, all voted."""
    bank = load_bank(locations.shipped_banks_dir() / "support-worker.toml")
    people: list[tuple[str, Role]] = [
        ("Sam Okafor", "lived_experience"),
        ("Priya Shah", "lived_experience"),
        ("Dan Reilly", "professional"),
        ("Hannah Cole", "professional"),
    ]
    panel = [
        Member(id=f"m{n}", name=name, role=role, seat=n)
        for n, (name, role) in enumerate(people, start=1)
    ]
    codes = [("c1", "Alex Morgan"), ("c2", "Jordan Lee"), ("c3", "Rita Nwosu")]
    candidates = [Candidate(id=c, code=c.upper(), name=name) for c, name in codes]
    start = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    votes = [
        VoteEvent(
            candidate=c.id,
            question=q.id,
            member=m.id,
            value="middle" if m.seat == 3 else "up",
            at=start + timedelta(minutes=n),
        )
        for n, (c, q, m) in enumerate(
            (c, q, m) for c in candidates for q in bank.questions for m in panel
        )
    ]
    reason = "Strong values and good on choice and risk; gave real examples throughout."
    decisions = [Decision(candidate=c.id, outcome="recommend", reason=reason) for c in candidates]
    made = new_session(bank, "Support worker, Manchester", panel, candidates)
    return made.model_copy(update={"votes": votes, "decisions": decisions, "finished": True})


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not on the PATH")
def test_each_table_of_votes_prints_whole_on_one_page(tmp_path: Path) -> None:
    # Four members on six long questions: seat 1's row printed on one page and
    # the rest of the table on the next, away from the questions it numbers
    # (found by a tester and a review).
    session = long_round()
    page = write_export(session, "html", tmp_path / "out", ExportOptions())
    pdf = tmp_path / "summary.pdf"
    assert chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer") == []
    pages = [
        subprocess.run(
            [str(PDFTOTEXT), "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        for n in range(1, pdf_pages(pdf) + 1)
    ]
    tables = [text for text in pages if "Seat 1, " in text]
    assert tables  # the tables were printed, and read
    for text in tables:  # a page with a table's first row holds its every row, and its heading
        assert "Votes by question" in text and "What made you want to work" in text, text
        assert all(f"Seat {m.seat}, {m.name}" in text for m in session.voting_members), text
        assert re.search(r"^\s*Flags\s", text, re.MULTILINE), text


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not on the PATH")
def test_a_long_name_heading_prints_whole_on_one_page(tmp_path: Path) -> None:
    # A tester's day, exported as json: the first candidate in the file, ranked
    # first, has a name that wraps over two lines. Its heading printed
    # "C2: Maximilian" at the foot of page 2 and the rest at the top of page 3.
    session = load_session_file(RECORDS / "long_name_day.json")
    page = write_export(session, "html", tmp_path / "out", ExportOptions())
    pages = printed_texts(page, tmp_path)
    for candidate in session.candidates:
        whole = f"{candidate.code}: {candidate.name}".replace("-", "")  # pdftotext drops a
        # hyphen where a line wraps; the rank badge ends the heading on the page it is on.
        badges = [" ".join(p.split()).replace("-", "") for p in pages]
        on_page = [p for p in badges if f"{whole} · rank " in p]
        assert on_page, f"{whole} is not whole before its rank on any page"
