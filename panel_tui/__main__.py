"""Run as ``python -m panel_tui``."""

from panel_tui.cli import main

raise SystemExit(main())
