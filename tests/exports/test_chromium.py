"""The HTML summary renders in headless Chromium to PDF and PNG, with no request out.

How the requests a page makes are told from Chromium's own is in
``tests/exports/chromium.py``. A control page that loads an image shows that
such a request is seen. Skipped when ``chromium`` is not on the PATH.

The PNG (1240 x 1754, an A4 page at 150 dpi) and the PDF pages of the fixed
session were looked at by eye when the layout was made.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from panel_tui.domain.exports import ExportOptions, write_export
from panel_tui.domain.models import Session
from tests.exports.chromium import CHROMIUM, HEIGHT, WIDTH, chromium, pdf_pages, png_size

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on the PATH")


def test_the_control_page_shows_a_request_is_seen(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text('<img src="http://panel-tui.invalid/x.png" alt="">', encoding="utf-8")
    requests = chromium(page, tmp_path, f"--screenshot={tmp_path / 'control.png'}")
    assert requests == ["http://panel-tui.invalid/x.png"]


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
    assert chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer") == []
    assert chromium(page, tmp_path, f"--screenshot={png}") == []
    # A page for the ranking, panel and method, then each candidate on a new page.
    assert pdf_pages(pdf) >= 1 + len(session.candidates)
    assert re.search(rb"/MediaBox\s*\[\s*0 0 594\.9\d* 841\.9\d*\s*\]", pdf.read_bytes()), "A4"
    assert png_size(png) == (WIDTH, HEIGHT)
    assert png.stat().st_size > 20_000  # a page with content, not a blank
