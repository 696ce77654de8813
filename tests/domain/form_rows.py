"""Rows of the new-session form as typed, and the banks they choose, for the form's tests."""

from __future__ import annotations

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.setup_form import MemberTyped

SHIPPED = locations.shipped_banks_dir()
BANK = load_bank(SHIPPED / "support-worker.toml")
PRACTICE_BANK = load_bank(SHIPPED / "practice-support-worker.toml")

SAM = MemberTyped("Sam", "", "lived_experience", "1")
DAN = MemberTyped("Dan", "", "lived_experience", "2")
