"""The vote keys: one key per seat and value, laid out like the keyboard.

The top row of letters and digits gives *up*, the row below *middle*, the next
*down* and the bottom row *abstain*: seat 1 is the first key of each row, seat 9
the ninth. A chair learns one picture, ``1 Q A Z`` for seat 1, ``2 W S X`` for
seat 2, and every row of the screen shows its own keys.

The vote keys are key bindings like every other key of the interview, made here
by :func:`vote_bindings`, so that one path handles every key in the order typed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from panel_tui.domain.models import MAX_SEATS, VOTE_VALUES, VoteValue
from panel_tui.domain.words import listed

#: The key that reads the screen (or a box) aloud, bound on each screen that reads.
READ_ALOUD_KEY = "ctrl+l"

VOTE_KEY_ROWS: dict[VoteValue, str] = {
    "up": "123456789",
    "middle": "qwertyuio",
    "down": "asdfghjkl",
    "abstain": "zxcvbnm,.",
}

SEATS = range(1, MAX_SEATS + 1)


def vote_key(seat: int, value: VoteValue) -> str:
    """The character that gives this seat this vote."""
    return VOTE_KEY_ROWS[value][seat - 1]


def key_label(seat: int, value: VoteValue) -> str:
    """The key as printed on a keyboard (capital letters)."""
    return vote_key(seat, value).upper()


#: Textual's names for the vote keys that are not letters or digits.
_KEY_NAMES = {",": "comma", ".": "full_stop"}

#: The vote bindings, listed together (the help shows them as a table of seats).
VOTES = Binding.Group("Vote")


def vote_bindings() -> list[Binding]:
    """A key binding for each seat and value, running the screen's ``vote`` action.

    Capital letters are bound too, so Caps Lock never stops a vote. The bindings
    are priority bindings: Textual runs those as the app takes each key, in the
    order typed, where other bindings run only after the key has passed through
    the screen (the app then holds later keys meanwhile: ``ui/key_hold.py``).
    """
    bindings = []
    for seat in SEATS:
        for value in VOTE_VALUES:
            character = vote_key(seat, value)
            bindings.append(
                Binding(
                    with_capitals(_KEY_NAMES.get(character, character)),
                    f"vote({seat}, {value!r})",
                    f"Seat {seat}: {value}",
                    show=False,
                    priority=True,
                    group=VOTES,
                )
            )
    return bindings


_KEY_WORDS = {
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "backspace": "Backspace",
    "pageup": "Page Up",
    "pagedown": "Page Down",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "question_mark": "?",
    "comma": ",",
    "full_stop": ".",
}


_ASCII_KEY_WORDS = {"left": "<-", "right": "->", "up": "Up", "down": "Down"}


def key_words(keys: str, *, ascii_only: bool = False) -> str:
    """A binding's keys as a chair reads them.

    ``"backspace,ctrl+z"`` -> ``"Backspace or Ctrl+Z"``; ``"b,B"`` -> ``"B"``.
    """
    shown = []
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        word = (_ASCII_KEY_WORDS if ascii_only else {}).get(name) or _KEY_WORDS.get(
            name, name.upper() if len(name) <= 3 else name.title()
        )
        shown.append("+".join([*(m.title() for m in modifiers), word]))
    return " or ".join(dict.fromkeys(shown))  # "b,B" is one key, "B", with or without Caps Lock


def with_capitals(keys: str) -> str:
    """A binding's keys with the capital of each letter key too: ``"escape,b"`` ->
    ``"escape,b,B"``.

    So Caps Lock never stops a key, as it never stops a vote (found by a tester:
    with Caps Lock on, F on the summary did nothing and said nothing, though the
    footer shows "F Finish / reopen"). The vote keys take theirs here too. Only for
    keys of screens without a box to type in.
    """
    names = [key.strip() for key in keys.split(",")]
    capitals = [name.upper() for name in names if len(name) == 1 and name.islower()]
    return ",".join(dict.fromkeys([*names, *capitals]))


#: Keys as a voice reads them: espeak-ng says nothing for "?", "," or ".", "esk"
#: for "Esc" and "up colon" for "↑:", so those keys are named in words.
_SPOKEN_KEY_WORDS = {
    "left": "Left arrow",
    "right": "Right arrow",
    "up": "Up arrow",
    "down": "Down arrow",
    "escape": "Escape",
    "comma": "comma",  # key_words gives ","; "question_mark" and the like read as named
}


def spoken_key_words(keys: str) -> str:
    """A binding's keys in words for reading aloud or a sentence, each key once.

    ``"f1,question_mark"`` -> ``"F1 or question mark"``; ``"q,Q"`` -> ``"Q"``;
    ``"exclamation_mark"`` -> ``"exclamation mark"``.
    """
    spoken = []
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        word = _SPOKEN_KEY_WORDS.get(name) or (
            name.replace("_", " ") if "_" in name else key_words(name)
        )
        spoken.append("+".join([*(m.title() for m in modifiers), word]))
    return " or ".join(dict.fromkeys(spoken))


#: The key names behind the words :func:`key_words` shows, symbols or ASCII.
_SHOWN_KEY_NAMES = {
    **{word: name for name, word in _KEY_WORDS.items()},
    **{word: name for name, word in _ASCII_KEY_WORDS.items()},
}


def spoken_help(shown: str) -> str:
    """A palette entry's help with its keys in words: ``"->: Go on"`` -> ``"Right arrow: Go on"``.

    The palette shows keys as the footer does, and espeak-ng read "->:" as
    "colon" and "F1 or ?:" as "F1 or" (found by a blind panel member). Help
    that does not start with keys is left as it is.
    """
    keys, colon, rest = shown.partition(": ")
    names = []
    for key in keys.split(" or ") if colon else []:
        *modifiers, word = key.split("+")
        name = _SHOWN_KEY_NAMES.get(word) or word.lower()
        if not word or " " in name.strip() or (len(word) > 3 and word.lower() not in _KNOWN):
            return shown  # not keys: a sentence with a colon in it
        names.append("+".join([*(m.lower() for m in modifiers), name.replace(" ", "")]))
    if not names:
        return shown
    return f"{spoken_key_words(','.join(names))}: {rest}"


#: Key names longer than three letters that the help and the palette show.
_KNOWN = {"backspace", "pageup", "pagedown", "enter", "tab", "escape", "delete", "home", "end"}


def spoken_vote_key(seat: int, value: VoteValue) -> str:
    """The vote key of this seat and value, for reading aloud (``"comma"``, not ``","``)."""
    character = vote_key(seat, value)
    return spoken_key_words(_KEY_NAMES.get(character, character))


def letters_said(bindings: list[BindingType]) -> str:
    """A screen's keys in a sentence, from its bindings: "N new session, C carry on and ..."."""
    return listed(
        [f"{key_words(b.key)} {b.description.lower()}" for b in bindings if isinstance(b, Binding)]
    )


def palette_command(
    owner: DOMNode, title: str, action: Callable[[], object], *, ascii_only: bool = False
) -> SystemCommand:
    """A command-palette entry for one of ``owner``'s key bindings.

    ``action`` is the bound method, such as ``screen.action_reveal``. What it
    does and its keys come from its binding, as in the help, so the palette
    never names a key the screen does not answer.
    """
    name = action.__name__.removeprefix("action_")
    binding = next(b for b in owner.BINDINGS if isinstance(b, Binding) and b.action == name)
    keys = key_words(binding.key, ascii_only=ascii_only)
    return SystemCommand(title, f"{keys}: {binding.tooltip}", action)
