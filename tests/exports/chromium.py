"""Headless Chromium for the tests of HTML exports: print or screenshot a page, and see
every request the page itself made.

Chromium writes a NetLog of every network request it starts. Chromium also
talks to its own services (the time, updates, sign-in) whatever the flags say;
those requests have no initiating page ("not an origin"), while every request a
page makes names the page's origin. So a request with an initiating page and a
URL that is not ``file:`` or ``data:`` is one the page made. All traffic goes to
a proxy on a closed local port, so nothing leaves the machine. ``CHROMIUM`` is
None when ``chromium`` is not on the PATH; tests using it skip then.

Chromium makes every output it is asked for (a PDF, a screenshot) from one load
of the page, so one run does both, and its NetLog holds the requests of both.
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

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: poppler-utils' pdftotext, to read what is on each printed page.
PDFTOTEXT = shutil.which("pdftotext")

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


def print_and_screenshot(page: Path, work: Path, pdf: Path, png: Path) -> list[str]:
    """Print a page to a PDF and take a screenshot of it, in one run; the URLs it asked for."""
    return chromium(
        page, work, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", f"--screenshot={png}"
    )


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


def printed_texts(page: Path, work: Path) -> list[str]:
    """The text on each A4 page Chromium prints of a local page; it asks for nothing."""
    pdf = work / f"{page.stem}.pdf"
    assert chromium(page, work, f"--print-to-pdf={pdf}", "--no-pdf-header-footer") == []
    texts = pdf_texts(pdf)
    assert len(texts) == pdf_pages(pdf)
    return texts


def pdf_texts(path: Path) -> list[str]:
    """The text on each page of a PDF, in order (pdftotext ends each page with a form feed)."""
    assert PDFTOTEXT is not None
    result = subprocess.run(
        [PDFTOTEXT, str(path), "-"], capture_output=True, timeout=60, check=True, text=True
    )
    return result.stdout.split("\f")[:-1]
