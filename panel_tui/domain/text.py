"""Safe text: the checks every piece of text from a person passes at every way in.

Names, titles, questions and notes are data. Control characters (which can move
the terminal's cursor or hide text) and bidirectional override characters (which
can make text read differently from what it holds) are refused wherever text
enters: banks, import and the screens. Other invisible characters (zero-width
spaces and joiners, direction marks, the byte-order mark, tag characters: every
Unicode "format" character) are removed, so that ``C1`` and ``C1`` with a
zero-width space are the same code, and two names that look alike are alike;
only a joiner inside a word of a script that is written with it stays, and
comparisons leave that out too.

Messages that quote what a file holds pass it through :func:`printable`, so a
file cannot send escape sequences to the terminal through an error message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, StringConstraints, ValidationInfo

#: Bidirectional embedding, override and isolate characters (Trojan Source).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

IDENT_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
MAX_LINE = 200  #: characters in a name or title
MAX_TEXT = 5000  #: characters in a question, note or reason


def is_invisible(char: str) -> bool:
    """A format character that shows as nothing (zero-width space, LRM, BOM, tags...).

    The bidirectional controls are format characters too, but they are refused
    rather than removed, as they change how the text around them reads.
    """
    return unicodedata.category(char) == "Cf" and char not in BIDI_CONTROLS


#: The zero-width non-joiner and joiner: part of how Persian and Indic scripts, and
#: emoji made of several, are written.
JOINERS = frozenset("\u200c\u200d")


def _joinable(char: str) -> bool:
    """Whether a joiner beside ``char`` can be part of the writing (not ASCII, not blank)."""
    return not char.isascii() and not char.isspace() and not is_invisible(char)


def without_joiners(text: str) -> str:
    """``text`` with every invisible character removed, joiners too (a code, a key)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(char for char in text if not is_invisible(char))


def without_invisible(text: str) -> str:
    """``text`` with every invisible format character removed.

    A joiner between two characters of a script or emoji that uses it is kept:
    without it a Persian surname is spelt otherwise (found by a tester). One
    anywhere else (``C1`` with a joiner) is removed, as every other is.
    """
    if text.isascii() and text.isprintable():
        return text
    kept = []
    for at, char in enumerate(text):
        if char in JOINERS:
            before, after = text[at - 1 : at], text[at + 1 : at + 2]
            if before and after and _joinable(before) and _joinable(after):
                kept.append(char)
        elif not is_invisible(char):
            kept.append(char)
    return "".join(kept)


def compared(text: str) -> str:
    """Text as a person compares it: invisible characters removed, trimmed, capitals ignored.

    Two candidate codes that give one key are one code: ``C1``, ``c1 `` and
    ``C1`` with a zero-width space.
    """
    return without_joiners(text).strip().casefold()


def told_apart(titles: Sequence[str]) -> bool:
    """Each title given, and no two the same as a person reads them (:func:`compared`).

    What decides whether titles can name things side by side: two anonymised
    copies of one day share a title, and a title may be empty.
    """
    read = [compared(t) for t in titles]
    return all(read) and len(set(read)) == len(read)


#: What ends a text cut short.
_CUT_MARK = "..."


def cut_short(text: str, limit: int) -> str:
    """``text`` trimmed, and cut at a word to at most ``limit`` columns (:func:`cells`)
    ending in "...", never inside a character as a person sees it (:func:`_seen_characters`).

    With no room for a letter beside the dots (under four columns), the letters
    alone, as many as fit: they say more than the dots would, as the screens cut
    (``cut_to`` in ``ui/widgets/fitting.py``).
    """
    text = text.strip()
    if cells(text) <= limit:
        return text
    room = limit - len(_CUT_MARK)
    if room < 1:
        return _leading(text, limit).rstrip()
    kept = _leading(text, room)
    kept = kept.rsplit(" ", 1)[0] if " " in kept else kept  # a whole word, where there is one
    return kept.rstrip(" ,;:-") + _CUT_MARK


def _leading(text: str, columns: int) -> str:
    """The characters as seen at the start of ``text`` that fit in ``columns``."""
    kept = ""
    for character in _seen_characters(text):
        columns -= _columns(character)
        if columns < 0:
            break
        kept += character
    return kept


#: Skin tones, and the selectors that ask for a character's emoji or text form:
#: drawn as part of the character before them.
_MODIFIERS = re.compile("[\U0001f3fb-\U0001f3ff\ufe00-\ufe0f\U000e0020-\U000e007f]")
#: The letters of the alphabet that flags are written in, two to a flag.
_FLAG_LETTERS = re.compile("[\U0001f1e6-\U0001f1ff]")


def _seen_characters(text: str) -> list[str]:
    """``text`` as the characters a person sees: a letter with the accents typed after
    it, an emoji with its skin tone and what a joiner joins to it, a flag's two letters.

    Close to Unicode's grapheme clusters, from ``unicodedata`` alone.
    """
    seen: list[str] = []
    for char in text:
        joined = seen and (
            unicodedata.combining(char)
            or unicodedata.category(char) in ("Mn", "Me", "Mc")
            or char == "\u200d"
            or seen[-1].endswith("\u200d")
            or _MODIFIERS.match(char)
            or (_FLAG_LETTERS.match(char) and _FLAG_LETTERS.fullmatch(seen[-1]))
        )
        if joined:
            seen[-1] += char
        else:
            seen.append(char)
    return seen


def _columns(character: str) -> int:
    """The columns one character as seen (:func:`_seen_characters`) takes."""
    first = character[0]
    if unicodedata.category(first) in ("Mn", "Me", "Cf", "Cc"):
        return 0  # an accent with no letter before it, an invisible mark
    wide = unicodedata.east_asian_width(first) in ("W", "F")
    return 2 if wide or "\ufe0f" in character or _FLAG_LETTERS.match(first) else 1


def cells(text: str) -> int:
    """The columns ``text`` takes in a fixed-width font (a terminal, a plain-text file):
    two for each Chinese, Japanese or Korean character and each emoji, none for an accent
    or a control character (plain ASCII or not: a backspace counted one there).

    The domain's measure; the screens use rich's ``cell_len``, which agrees on these.
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(_columns(character) for character in _seen_characters(text))


def printable(text: str, *, lines: bool = False) -> str:
    """Text from a file made safe to quote in a message on a terminal.

    Control, format (invisible and direction), surrogate and line-separator
    characters are shown as escapes such as ``\\x1b`` or ``\\u200b``, so the
    message shows what the file holds and the terminal runs none of it.

    Args:
        text: what the message quotes, or the whole message.
        lines: keep line breaks (``\\n``) as they are, for a message of several lines.
    """
    if text.isprintable():
        return text
    return "".join(
        char
        if (lines and char == "\n") or unicodedata.category(char) not in _ESCAPED
        else ascii(char)[1:-1]
        for char in text
    )


#: Character categories a message shows as escapes: control, format, surrogate,
#: line and paragraph separators (``str.isprintable`` also flags spaces other than " ").
_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

#: What text of several lines may hold though str.isprintable refuses it.
_TABS_AND_LINE_BREAKS = str.maketrans("", "", "\t\n\r\u2028\u2029\x85")


def unsafe_character(text: str, *, multiline: bool) -> str | None:
    """Describe the first character that text from a person may not hold.

    Args:
        text: the text to check.
        multiline: whether line breaks and tabs are allowed (notes, answers).

    Returns:
        A plain-English description such as ``"a control character (U+001B)"``,
        or ``None`` when the text is safe.
    """
    # All refused below str.isprintable refuses too: most text needs no look at each one.
    if (text.translate(_TABS_AND_LINE_BREAKS) if multiline else text).isprintable():
        return None
    for char in text:
        if multiline and ord(char) in _TABS_AND_LINE_BREAKS:  # each kept as "\n" (_check)
            continue
        if char in BIDI_CONTROLS:
            return f"a text-direction control character (U+{ord(char):04X})"
        if char in "\n\r\u2028\u2029\x85":
            # As a person made it: Enter in a note, Alt+Enter in a spreadsheet's cell.
            return "a line break"
        if char == "\t":  # the Tab key, as a person knows it (not "U+0009")
            return "a tab"
        if unicodedata.category(char) == "Cs":
            # Half of a pair that makes one character: what is left of a broken copy.
            return f"a broken character (U+{ord(char):04X}), half of one that did not copy whole"
        if unicodedata.category(char) == "Cc":
            return f"a control character (U+{ord(char):04X})"
    return None


def capitalised(text: str) -> str:
    """``text`` begun with a capital, as a sentence is; one that begins with a path
    or file name (a first word holding ``/``, ``\\`` or ``.``) is left as written.

    Found by a tester: "Sj/no-session.json is not a panel-tui session" named a
    folder "sj" that does not exist.
    """
    first = text.split(" ", 1)[0]
    if not text or any(mark in first for mark in "/\\."):
        return text
    return text[0].upper() + text[1:]


def quoted(text: str, limit: int = 64) -> str:
    """Text a person gave, quoted for a message with controls escaped, cut after ``limit``.

    A mistyped argument is echoed so the person sees what was read, never a
    screenful of it ("..." marks the cut).
    """
    return repr(text[:limit]) + ("..." if len(text) > limit else "")


#: Line breaks other than ``\n`` that text of several lines keeps as ``\n``:
#: Unicode's line and paragraph separators, and the old "next line" control
#: (found by an adversarial tester: a note pasted with one was refused).
OTHER_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def _check(text: str, *, multiline: bool) -> str:
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").translate(OTHER_LINE_BREAKS)
    problem = unsafe_character(text, multiline=multiline)
    if problem:
        raise ValueError(f"contains {problem}; remove it and try again")
    return text


def check_line(text: str) -> str:
    """Validate one line of text from a person (a name, a title)."""
    return _check(text, multiline=False)


def check_multiline(text: str) -> str:
    """Validate text that may run over several lines (a question, a note)."""
    return _check(text, multiline=True)


def kept_as_typed(typed: str) -> str:
    """Text typed or read as it is kept: invisible marks taken out, spaces round it trimmed."""
    return without_invisible(typed).strip()


def _strip(value: object) -> object:
    return kept_as_typed(value) if isinstance(value, str) else value


def _strip_all(value: object) -> object:
    return without_joiners(value).strip() if isinstance(value, str) else value


#: One line of text from a person, trimmed, not empty.
Line = Annotated[
    str,
    BeforeValidator(_strip),
    StringConstraints(min_length=1, max_length=MAX_LINE),
    AfterValidator(check_line),
]
#: A candidate's code: one line, joiners taken out too, so that codes written
#: alike are one code whoever compares them (found by a review).
Code = Annotated[
    str,
    BeforeValidator(_strip_all),
    StringConstraints(min_length=1, max_length=MAX_LINE),
    AfterValidator(check_line),
]
#: Text that may hold line breaks, trimmed, not empty.
Text = Annotated[
    str,
    BeforeValidator(_strip),
    StringConstraints(min_length=1, max_length=MAX_TEXT),
    AfterValidator(check_multiline),
]
#: Text that may be empty (a decision's reason).
OptionalText = Annotated[
    str,
    BeforeValidator(_strip),
    StringConstraints(max_length=MAX_TEXT),
    AfterValidator(check_multiline),
]
#: An identifier: letters, digits, - and _, safe in a file name.
Ident = Annotated[str, StringConstraints(pattern=IDENT_PATTERN)]

#: Names Windows keeps for devices, with any extension ("con.md" and "nul.json" too).
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)


def from_elsewhere(info: ValidationInfo) -> bool:
    """Whether what is being checked comes from elsewhere (an import, a prepared
    file), where stricter checks apply than to a session panel-tui kept itself."""
    return isinstance(info.context, dict) and bool(info.context.get("from_elsewhere"))


def _not_a_device(ident: str, info: ValidationInfo) -> str:
    # Refused in what comes from elsewhere (an import); a session already kept
    # under such a name (older versions took one) is still read, never set aside.
    if from_elsewhere(info) and ident.lower() in RESERVED_NAMES:
        raise ValueError(
            f"'{ident}' is a name Windows keeps for a device, so no file can have it: "
            "choose another id"
        )
    return ident


#: A session's id, which names its files: an identifier Windows can name a file
#: after, when it comes from elsewhere.
SessionId = Annotated[Ident, AfterValidator(_not_a_device)]

_SLUG = re.compile(r"[^a-z0-9]+")

#: Latin letters with no accent to take off, so NFKD keeps them and ASCII drops them
#: (before lower-casing, so capitals are listed too):
#: "Renée Łukasz" was "renee-ukasz" (found by a tester). Written as they are in English.
_OWN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae"}
    | {"œ": "oe", "þ": "th", "Ł": "L", "Ø": "O", "Đ": "D", "Ð": "D", "Ħ": "H", "Æ": "AE"}
    | {"Œ": "OE", "Þ": "Th", "ẞ": "SS", "ŋ": "ng", "Ŋ": "NG"}
)


def slug(text: str, *, limit: int = 40, empty: str = "x") -> str:
    """Make a file-name-safe lower-case slug of ``text``.

    Only Latin letters and digits are kept, so a name with none ("李雷", "محمد")
    has nothing left: then ``empty`` stands in, ``"x"`` unless asked otherwise (a
    name that is only a part of a file name asks for ``""``, so none ends in ``-x``).
    """
    plain = unicodedata.normalize("NFKD", text.translate(_OWN_LETTERS))
    ascii_text = plain.encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_text.lower()).strip("-")[:limit].strip("-") or empty


#: How a share is typed, said when it cannot be read.
SHARE_FORM = "Type the share as a number between 0 and 1, such as 0.3 (or as 30%)."


def parse_share(typed: str) -> float | str:
    """The lived-experience share typed as ``0.3`` or ``30%``, or a message."""
    raw = typed.strip()
    percent = raw.endswith("%")
    try:
        number = float(raw.removesuffix("%").strip())
    except ValueError:
        return SHARE_FORM
    return number / 100 if percent else number
