"""panel-tui: thumbs up, middle or down for co-produced recruitment panels."""

__version__ = "0.1.0"
