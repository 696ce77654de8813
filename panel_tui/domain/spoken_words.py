"""Text made fit for a voice: what is read aloud for a question, and screen text
with the marks a voice would misread left out. The voice itself is speech.py."""

from __future__ import annotations

import re
from collections.abc import Iterable

from panel_tui.domain.words import ASCII_VOTE_SYMBOLS, VOTE_SYMBOLS, VOTE_WORDS


def plain_for_speech(text: str) -> str:  # control characters as spaces: words only
    return "".join(c if c.isprintable() or c == "\n" else " " for c in text)


#: A vote as the screen shows it, mark and word ("● Middle", "o Middle"), the
#: mark standing alone (not a letter inside a word, as in "go Down").
_VOTE_MARK = re.compile(
    r"(?<!\w)["
    + re.escape("".join([*VOTE_SYMBOLS.values(), *ASCII_VOTE_SYMBOLS.values()]))
    + r"] ("
    + "|".join(VOTE_WORDS.values())
    + r")\b"
)


def words_for_speech(text: str) -> str:
    """Screen text with each vote's mark left out, so the voice reads the word alone.

    espeak-ng says "black circle" for "●" and "oh", "plus" or "slash" for the
    plain ASCII marks.
    """
    return _VOTE_MARK.sub(r"\1", text)


def spoken_question(
    position: str,
    text: str,
    look_for: Iterable[str],
    sample: str | None = None,
    *,
    tags: str = "",
    about: str = "",
) -> str:
    """What is read aloud for a question: where we are, the question, what to listen for.

    ``tags`` says what sets the question apart (``"essential, counts 2 times"``),
    as the screen shows under it; it is read after where we are. ``about``: the
    decision so far and the notes on the answer, read after the question, as shown.
    """
    parts = [f"{position}."]
    if tags:
        parts.append(f"{tags[:1].upper()}{tags[1:]}.")
    parts.append(text.strip())
    if about:
        parts.append(about)
    items = [item.strip().rstrip(".") for item in look_for if item.strip()]
    if items:
        parts.append("Listen for: " + "; ".join(items) + ".")
    if sample:
        parts.append(f"Sample answer: {sample.strip()}")
    return "\n".join(parts)
