"""The interview's keys: every one a priority binding.

Every key of the interview, the vote keys included, is a priority binding.
Textual runs priority bindings as the app takes each key, one key at a time
(each in its turn: ``ui/key_hold.py``), while other keys pass through the
screen first and run their bindings after that. So a vote typed just after an
arrow (or while a save blocks the app) is given on the answer the arrow moved
to, never the one before.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap, BindingType

from panel_tui.ui.keys import READ_ALOUD_KEY, vote_bindings

#: Left and right show as one footer entry, to leave room at 80 columns.
MOVE = Binding.Group("Move")

INTERVIEW_KEYS: list[BindingType] = [
    Binding(
        "left",
        "previous_question",
        "Back",
        group=MOVE,
        tooltip="Go to the previous question.",
        priority=True,
    ),
    Binding(
        "right",
        "next_question",
        "Next",
        group=MOVE,
        tooltip="Go to the next question; after the last one, the next candidate.",
        priority=True,
    ),
    Binding(
        "backspace,ctrl+z",
        "undo",
        "Undo",
        tooltip="Undo the last vote given on this answer.",
        priority=True,
    ),
    Binding(
        "ctrl+r",
        "reveal",
        "Show votes",
        tooltip="Show the votes on this answer before everyone has voted.",
        priority=True,
    ),
    Binding("ctrl+n", "note", "Note", tooltip="Add a note to this answer.", priority=True),
    Binding(
        "ctrl+d",
        "decide",
        "Decide",
        tooltip=(
            "Record the panel's decision on this candidate, with a reason (not in "
            "practice: mock candidates are never hired)."
        ),
        priority=True,
    ),
    # Shown in practice only, in the Decide key's place (show_vote_again); one word, so
    # the footer still fits 80 columns in ASCII.
    Binding(
        "ctrl+g",
        "new_round",
        "Revote",
        show=False,
        tooltip=(
            "Practice only: after the votes are shown and discussed, the panel "
            "votes on this answer again as a new round; earlier rounds are kept."
        ),
        priority=True,
    ),
    Binding(
        "ctrl+s",
        "summary",
        "Summary",
        tooltip="Show the summary, ranking and export.",
        priority=True,
    ),
    Binding(
        "escape",
        "nothing_to_close",
        "Esc",
        show=False,
        tooltip="Closes a box; here, says where to go instead (the summary, or quit).",
        priority=True,
    ),
    # Help stays out of this footer, which is full at 80 columns; the hint line names it.
    Binding("f1,question_mark", "app.help", "Help", show=False, priority=True),
    # Read aloud too (the footer has no room left at 80 columns); the hint line names it.
    Binding(READ_ALOUD_KEY, "app.read_aloud", "Read aloud", show=False, priority=True),
    Binding(
        "pagedown",
        "next_candidate",
        "Next candidate",
        show=False,
        tooltip="Go to the first question of the next candidate.",
        priority=True,
    ),
    Binding(
        "pageup",
        "previous_candidate",
        "Previous candidate",
        show=False,
        tooltip="Go to the first question of the previous candidate.",
        priority=True,
    ),
    Binding(
        "up",
        "scroll_question(-1)",
        "Scroll up",
        show=False,
        tooltip="Scroll the question text up.",
        priority=True,
    ),
    Binding(
        "down",
        "scroll_question(1)",
        "Scroll down",
        show=False,
        tooltip="Scroll the question text down.",
        priority=True,
    ),
    *vote_bindings(),
]


def show_vote_again(bindings: BindingsMap) -> None:
    """Practice: Ctrl+G (Revote) shows in the footer, where a live session shows Decide.

    In a live session the key stays out of the footer but still answers, saying
    rounds are for practice; so it is shown, not enabled, by the session's mode.
    """
    bindings.key_to_bindings["ctrl+g"] = [
        replace(binding, show=True) for binding in bindings.key_to_bindings["ctrl+g"]
    ]


__all__ = ["INTERVIEW_KEYS", "MOVE", "show_vote_again"]
