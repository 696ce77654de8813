"""The HTML summary renders in headless Chromium to PDF and PNG, with no request out.

Chromium writes a NetLog of every network request it starts. Chromium also
talks to its own services (the time, updates, sign-in) whatever the flags say;
those requests have no initiating page ("not an origin"), while every request a
page makes names the page's origin. So a request with an initiating page and a
URL that is not ``file:`` or ``data:`` is one the summary made, and there must
be none. A control page that loads an image shows that such a request is seen.
All traffic goes to a proxy on a closed local port, so nothing leaves the
machine. Skipped when ``chromium`` is not on the PATH.

The PNG (1240 x 1754, an A4 page at 150 dpi) and the PDF pages of the fixed
session were looked at by eye when the layout was made.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import struct
import subprocess
from pathlib import Path

import pytest

from panel_tui.domain.exports import ExportOptions, write_export
from panel_tui.domain.models import Session

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on the PATH")

WIDTH, HEIGHT = 1240, 1754
LOCAL_SCHEMES = ("file:", "data:", "chrome:", "about:")


def closed_port() -> int:
    """A local port nothing listens on: a proxy there refuses every request."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def chromium(page: Path, work: Path, *output: str) -> list[str]:
    """Run headless Chromium on a local file; returns the URLs the page asked for."""
    assert CHROMIUM is not None
    net_log = work / f"net-{len(list(work.glob('net-*.json')))}.json"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",  # the tests may run as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={work / 'profile'}",
        f"--proxy-server=http://127.0.0.1:{closed_port()}",
        "--proxy-bypass-list=<-loopback>",
        f"--log-net-log={net_log}",
        f"--window-size={WIDTH},{HEIGHT}",
        *output,
        page.as_uri(),
    ]
    env = {**os.environ, "HOME": str(work)}
    result = subprocess.run(command, capture_output=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return page_requests(net_log)


def page_requests(net_log: Path) -> list[str]:
    """The URLs of the requests a page started, from a Chromium NetLog."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] != start or "url" not in params:
            continue
        if params.get("initiator", "not an origin") == "not an origin":
            continue  # Chromium's own services, not the page
        if not params["url"].startswith(LOCAL_SCHEMES):
            urls.append(params["url"])
    return urls


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-"), "not a PDF"
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


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
