"""An export made from the app in ASCII mode is ASCII, as ``export --ascii`` is."""

from __future__ import annotations

from pathlib import Path

from panel_tui.domain.models import Session
from tests.ui.helpers import SIZE, AppFactory, export_from_summary


async def test_markdown_exported_in_ascii_mode_has_no_symbols(
    app_factory: AppFactory, session: Session, tmp_path: Path
) -> None:
    async with app_factory(session.id, ascii_only=True).run_test(size=SIZE) as pilot:
        await pilot.press("1", "w", "d")
        await export_from_summary(pilot, "md")
        await pilot.pause()
    written = list((tmp_path / "exports").rglob("*.md"))
    assert written
    text = written[0].read_text(encoding="utf-8")
    assert "Up" in text
    assert all(ord(char) < 128 for char in text), [c for c in text if ord(c) > 127]
