"""The screens of panel-tui, built with Textual."""
