"""Text checks, guarded against one small slip.

Written by a mutation audit: the test failed with the slip its comment names,
where no other domain or export test did.
"""

from __future__ import annotations

from panel_tui.domain.joint import panel_names
from panel_tui.domain.text import told_apart


def test_a_missing_title_cannot_name_a_panel() -> None:
    # Protects told_apart's "each title given": without it an empty (or invisible-only)
    # title names a panel, and the joint summary's tables head a column with nothing.
    assert told_apart(["", "Staff panel"]) is False
    assert told_apart(["\u200b ", "Staff panel"]) is False
    assert told_apart(["Staff panel", "Community panel"]) is True
    assert panel_names("  ", "Staff panel") == ("Panel A", "Panel B")
