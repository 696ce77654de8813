"""The terminal the app runs in: the old Windows console, and the keys Windows terminals send.

Pure functions of what they are given, so they are tested on any system.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

#: Set by terminals that draw the app properly on Windows: Windows Terminal
#: (``WT_SESSION``), VS Code, WezTerm and others (``TERM_PROGRAM``), ConEmu and
#: Cmder (``ConEmuANSI``), mintty and Git Bash (``TERM``).
_MODERN_MARKS = ("WT_SESSION", "TERM_PROGRAM", "ConEmuANSI", "TERM")


def is_legacy_windows_console(platform: str, environ: Mapping[str, str]) -> bool:
    """Whether the app runs in the old Windows console (conhost), which shows boxes for symbols.

    Args:
        platform: ``sys.platform``.
        environ: the environment (``os.environ``).
    """
    return platform == "win32" and not any(environ.get(mark) for mark in _MODERN_MARKS)


def legacy_console_advice(ascii_only: bool) -> str:
    """What to tell a chair in the old Windows console, once, in plain words."""
    advice = (
        "This is the old Windows console, which shows some symbols as boxes. Windows "
        "Terminal shows panel-tui properly: it comes with Windows 11 and is free for "
        "Windows 10 from the Microsoft Store."
    )
    if not ascii_only:
        advice += (
            " Where you cannot use it, press Ctrl+A now for plain symbols (kept for next"
            " time), or start panel-tui with --ascii."
        )
    return advice


# Ctrl with these letters is another key to a terminal (Ctrl+H is Backspace,
# Ctrl+I Tab, Ctrl+J and Ctrl+M Enter), or Windows Terminal keeps it for itself
# (Ctrl+C copies a selection, Ctrl+V pastes).
_CTRL_TAKEN = set("hijmcv")
_NAMED_KEYS = {
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "backspace",
    "space",
    "delete",
    "insert",
    "home",
    "end",
    "pageup",
    "pagedown",
    "up",
    "down",
    "left",
    "right",
    "question_mark",
    "comma",
    "full_stop",
}
# F11 is Windows Terminal's full screen; F1 to F10 and F12 reach the app.
_FUNCTION_KEYS = {f"f{n}" for n in (*range(1, 11), 12)}


def windows_sends(key: str) -> bool:
    """Whether Windows Terminal and the Windows console pass this key to the app.

    Following Textual's advice for Windows: letters, digits, function keys,
    Enter, Space, Tab, Escape, the arrows and Ctrl with a letter arrive; Ctrl
    pressed alone arrives as ``ctrl+@``, and Ctrl, Alt or Shift with an arrow,
    a digit or a sign arrive differently from terminal to terminal.

    Args:
        key: one Textual key name (``"ctrl+r"``, ``"f1"``, ``"q"``).
    """
    if len(key) == 1:
        return key in string.ascii_letters + string.digits + string.punctuation
    if key in _NAMED_KEYS or key in _FUNCTION_KEYS:
        return True
    modifier, _, letter = key.partition("+")
    return (
        modifier == "ctrl" and len(letter) == 1 and letter.isalpha() and letter not in _CTRL_TAKEN
    )
