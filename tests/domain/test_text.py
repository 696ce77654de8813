"""Text from people and files: invisible characters removed, quoted text never raw on a terminal."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from panel_tui.cli import main
from panel_tui.domain.banks import BankError, parse_bank
from panel_tui.domain.importing import SessionFileError, parse_session
from panel_tui.domain.models import Candidate, Member, Note, Session
from panel_tui.domain.rounds import compare_rounds
from panel_tui.domain.text import (
    BIDI_CONTROLS,
    capitalised,
    cells,
    compared,
    cut_short,
    printable,
    slug,
    unsafe_character,
    without_invisible,
)
from panel_tui.domain.wording import typed_problem
from tests.domain.builders import T0, one_vote
from tests.domain.helpers import HR_FILE

#: Operating system command 52: sets the terminal's clipboard.
CLIPBOARD = "\x1b]52;c;aGVsbG8=\x07"
#: The same, written with TOML's escapes inside a quoted string.
CLIPBOARD_TOML = "\\u001b]52;c;aGVsbG8=\\u0007"
ZERO_WIDTH = "\u200b"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, é and 日本", "plain text, é and 日本"),  # printable text is left alone
        (CLIPBOARD, "\\x1b]52;c;aGVsbG8=\\x07"),
        ("a\u202eb", "a\\u202eb"),  # a direction override
        ("C1\u200b", "C1\\u200b"),  # invisible: shown, so a message tells look-alikes apart
        ("tag\U000e0041", "tag\\U000e0041"),
        ("two\nlines\r", "two\\nlines\\r"),
        ("a\u2028b", "a\\u2028b"),  # a line separator
    ],
)
def test_printable_escapes_what_a_terminal_would_run_or_hide(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_keeps_line_breaks_only_when_asked() -> None:
    assert printable("one\n\x1b[2J", lines=True) == "one\n\\x1b[2J"


@pytest.mark.parametrize(
    "invisible",
    [
        "\u200b",  # zero-width space
        "\u200c",  # zero-width non-joiner
        "\u200d",  # zero-width joiner
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        "\u061c",  # Arabic letter mark
        "\ufeff",  # byte-order mark
        "\u2060",  # word joiner
        "\u00ad",  # soft hyphen
        "\U000e0041",  # tag letter A
    ],
)
def test_invisible_characters_are_removed_at_every_way_in(invisible: str) -> None:
    assert without_invisible(f"C{invisible}1") == "C1"
    assert Candidate(id="c1", code=f"C1{invisible}").code == "C1"
    member = Member(id="m1", name=f"Sam{invisible} Okafor", role="professional", seat=1)
    assert member.name == "Sam Okafor"
    note = Note(candidate="c1", question="q1", text=f"Warm{invisible}, specific.", at=T0)
    assert note.text == "Warm, specific."


@pytest.mark.parametrize(
    "name",
    [
        "حسن\u200cزاده",  # a Persian surname: the non-joiner is part of its spelling
        "👩🏽\u200d🦱 Zoë",  # one emoji, made of three joined
        "क्\u200dष",  # Devanagari: the joiner changes the letter's form
    ],
)
def test_a_joiner_between_letters_of_a_script_that_uses_it_is_kept(name: str) -> None:
    # Found by a tester: the Persian surname was saved spelt otherwise, and the
    # emoji came apart into three.
    assert without_invisible(name) == name
    assert Member(id="m1", name=name, role="professional", seat=1).name == name
    # Compared as a person compares: with or without it, one name.
    assert compared(name) == compared(name.replace("\u200c", "").replace("\u200d", ""))


def test_direction_overrides_are_still_refused() -> None:
    with pytest.raises(ValidationError, match="text-direction"):
        Candidate(id="c1", code="C1\u202e")


@pytest.mark.parametrize(
    ("char", "said"),
    [
        ("\x1b", "a control character (U+001B)"),
        ("\ud83d", "a broken character (U+D83D), half of one that did not copy whole"),
        ("\u2028", "a line break"),
        ("\r", "a line break"),
        ("\t", "a tab"),  # found by a tester: "a control character (U+0009)"
    ],
)
def test_a_character_no_text_may_hold_is_named_for_what_it_is(char: str, said: str) -> None:
    assert unsafe_character(f"Sam{char}", multiline=False) == said


def test_a_name_of_invisible_characters_only_is_empty() -> None:
    with pytest.raises(ValidationError):
        Candidate(id="c1", code=ZERO_WIDTH * 3)


def test_two_codes_that_look_the_same_are_refused_on_import() -> None:
    record = copy.deepcopy(HR_FILE)
    record["candidates"] = [
        {"id": "c1", "code": "C1"},
        {"id": "c2", "code": "C1" + ZERO_WIDTH},
    ]
    with pytest.raises(SessionFileError, match="candidate 2 has the code 'C1', as candidate 1"):
        parse_session(json.dumps(record).encode(), "hr.json")


def test_invisible_characters_in_a_bank_are_removed() -> None:
    raw = (
        'id = "x"\ntitle = "A bank\u200b"\n\n[[questions]]\nid = "q1"\n'
        'text = "\ufeffWhy\u2060 this work?"\nlook_for = ["Talks\U000e0041 about people"]\n'
    ).encode()
    bank = parse_bank(raw, "x.toml")
    assert bank.title == "A bank"
    assert bank.questions[0].text == "Why this work?"
    assert bank.questions[0].look_for == ["Talks about people"]


BAD_BANKS = {
    # an unknown key that would set the terminal's clipboard
    "key": f'id = "x"\ntitle = "t"\n"{CLIPBOARD_TOML}" = 1\n[[questions]]\nid = "q1"\ntext = "Why?"\n',
    # a question id holding an escape sequence (named in every message about that question)
    "id": f'id = "x"\ntitle = "t"\n[[questions]]\nid = "q1{CLIPBOARD_TOML}"\ntext = ""\n',
    # a raw control character, which TOML itself refuses
    "title": f'id = "x"\ntitle = "t{CLIPBOARD}"\n[[questions]]\nid = "q1"\ntext = "Why?"\n',
}


@pytest.mark.parametrize("kind", sorted(BAD_BANKS))
def test_bank_messages_never_hold_raw_control_characters(kind: str) -> None:
    with pytest.raises(BankError) as caught:
        parse_bank(BAD_BANKS[kind].encode(), f"banks/{kind}\x1b[2J.toml")
    text = str(caught.value)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b[2J.toml" in text  # the file's own name is shown escaped too
    if kind != "title":
        assert "\\x1b]52" in text  # the quoted content is shown, escaped


def _no_raw_control(text: str) -> None:
    assert not any(ch in text for ch in "\x1b\x07\u202e\u200b"), repr(text)


@pytest.mark.parametrize("command", ["validate", "list"])
def test_banks_commands_print_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    folder = tmp_path / "banks"
    folder.mkdir()
    for kind, text in BAD_BANKS.items():
        (folder / f"{kind}\u202e.toml").write_text(text)
    paths = [str(p) for p in sorted(folder.iterdir())]
    args = ["validate", *paths] if command == "validate" else ["list"]
    main(["banks", *args, "--banks-dir", str(folder)])
    out, err = capsys.readouterr()
    _no_raw_control(out + err)
    assert "\\x1b]52" in err and "\\u202e.toml" in err


def test_import_messages_print_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record: dict[str, Any] = copy.deepcopy(HR_FILE)
    record["panel"][0]["name"] = f"Sam{CLIPBOARD}"
    record["votes"][0][CLIPBOARD] = 1
    record["candidates"][0]["id"] = f"c1{CLIPBOARD}"
    source = tmp_path / f"hr\u202e{ZERO_WIDTH}.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "sessions"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    _no_raw_control(err)
    assert "\\u202e\\u200b.json" in err


def test_a_damaged_session_file_is_named_with_controls_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "sessions"
    data.mkdir()
    (data / f"x{CLIPBOARD}.json").write_text("{not json")
    assert main(["--data-dir", str(data), "sessions", "list"]) == 0
    err = capsys.readouterr().err
    _no_raw_control(err)
    assert "\\x1b]52" in err


@pytest.mark.parametrize(
    ("text", "begun"),
    [
        ("the session s1 was not opened", "The session s1 was not opened"),
        # A path or file name first is named as it is on disk (found by a tester:
        # "Sj/no-session.json" for the folder "sj").
        (
            "sj/no-session.json is not a panel-tui session",
            "sj/no-session.json is not a panel-tui session",
        ),
        ("notes.json is damaged", "notes.json is damaged"),
        ("c:\\sessions is full", "c:\\sessions is full"),
        ("", ""),
    ],
)
def test_a_sentence_begins_with_a_capital_unless_it_begins_with_a_path(
    text: str, begun: str
) -> None:
    assert capitalised(text) == begun


def test_a_candidates_code_keeps_no_joiner_so_codes_alike_are_one_code() -> None:
    # Found by a review: 'ЖЖ' and 'Ж' + joiner + 'Ж' were two codes on import and
    # in combine, once joiners were kept in names.
    assert Candidate(id="c1", code="Ж\u200dЖ").code == "ЖЖ"
    record = copy.deepcopy(HR_FILE)
    record["candidates"] = [{"id": "c1", "code": "ЖЖ"}, {"id": "c2", "code": "Ж\u200dЖ"}]
    with pytest.raises(SessionFileError, match="candidate 2 has the code 'ЖЖ', as candidate 1"):
        parse_session(json.dumps(record).encode(), "hr.json")


def test_a_name_with_and_without_its_joiner_is_one_member_over_rounds() -> None:
    # Found by a review: one person, typed with the joiner in one round and
    # without in another, came out as two rows of the report's members.
    def named(session_id: str, name: str) -> Session:
        held = one_vote(session_id)
        panel = [m.model_copy(update={"name": name}) if m.id == "m1" else m for m in held.panel]
        return held.model_copy(update={"panel": panel})

    report = compare_rounds([named("r1", "حسن\u200cزاده"), named("r2", "حسنزاده")])
    assert [m.sessions for m in report.members if "زاده" in m.name] == [2]


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Renée Łukasz", "renee-lukasz"),  # found by a tester: "renee-ukasz"
        ("Søren Østergaard", "soren-ostergaard"),
        ("Straße Æther Œuvre", "strasse-aether-oeuvre"),
        ("Þóra Đorđević", "thora-dordevic"),
        ("GROẞ Ŋuŋ", "gross-ngung"),
        ("李小龍", "x"),  # no Latin letters at all: the known case, named by seat
    ],
)
def test_a_file_name_keeps_every_latin_letter_of_a_name(name: str, named: str) -> None:
    assert slug(name) == named


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        # Chinese characters take two columns each: 40 columns is 18 of them, not 37.
        ("李雷" * 30, "李雷" * 9 + "..."),
        # A skin tone stays with its emoji (cut after the emoji, it showed a yellow thumb).
        ("👍🏽" * 30, "👍🏽" * 18 + "..."),
        # An accent typed after its letter stays with it ("Rene\u0301e" lost it).
        ("a" * 36 + "e\u0301bcdef", "a" * 36 + "e\u0301..."),
        # An emoji joined by a zero-width joiner is kept whole, or left out whole.
        ("x" * 35 + "👩\u200d🦽yyyy", "x" * 35 + "👩\u200d🦽..."),
        ("x" * 36 + "👩\u200d🦽yyyy", "x" * 36 + "..."),
        # A flag is two letters of its own alphabet: never half of one.
        ("x" * 36 + "🇬🇧yyyy", "x" * 36 + "..."),
        # Plain text is cut at a word, as it always was.
        ("Support worker, lived-experience panel, with a long way to go",
         "Support worker, lived-experience..."),
    ],
)  # fmt: skip
def test_a_title_is_cut_short_by_the_columns_it_takes_and_whole_characters(
    title: str, cut: str
) -> None:
    assert cut_short(title, 40) == cut
    assert cells(cut) <= 40


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("Sam Okafor", 10),
        ("李雷", 4),
        ("Rene\u0301e", 5),  # the accent sits on its letter
        ("Sam 👍🏽 Oka", 10),  # the skin tone is part of the emoji
        ("👩\u200d🦽", 2),
        ("🇬🇧", 2),
        ("❤\ufe0f", 2),  # a heart asked for as an emoji
    ],
)
def test_cells_counts_the_columns_a_fixed_width_font_gives_text(text: str, columns: int) -> None:
    assert cells(text) == columns


@pytest.mark.parametrize("name", ["Анна Петрова", "محمد", "李雷", "  -- "])
def test_a_name_with_nothing_a_file_name_can_spell_is_empty_when_asked(name: str) -> None:
    assert (slug(name), slug(name, empty="")) == ("x", "")


def test_every_kind_of_line_break_in_a_note_is_kept_as_a_line_break() -> None:
    # Found by an adversarial tester: a note pasted with U+2028 or U+0085 was refused
    # as holding "a line break", though Enter's line breaks are taken.
    typed = "Good example\u2028Listened\x85Kind\u2029Clear\r\nCalm\rDone"
    note = Note(candidate="c1", question="q1", text=typed, at=T0)
    assert note.text == "Good example\nListened\nKind\nClear\nCalm\nDone"
    assert typed_problem(typed, "The note", multiline=True) is None
    # A name is one line: each is still refused there.
    for char in "\u2028\x85\u2029\r\n":
        assert unsafe_character(f"Sam{char}Oka", multiline=False) == "a line break"


def _refused_one_by_one(char: str, *, multiline: bool) -> bool:
    """Whether ``unsafe_character`` refuses ``char`` by its rules, read one by one."""
    if multiline and char in "\t\n\r\u2028\u2029\x85":
        return False
    return (
        char in BIDI_CONTROLS
        or char in "\t\n\r\u2028\u2029\x85"
        or unicodedata.category(char) in ("Cs", "Cc")
    )


@pytest.mark.parametrize("multiline", [False, True])
def test_the_quick_look_at_printable_text_refuses_what_each_character_would(
    multiline: bool,
) -> None:
    # unsafe_character passes text str.isprintable allows without reading each character:
    # every character its rules refuse must be one isprintable refuses too.
    points = [
        *range(0x3100),
        *range(0xD800, 0xE000),
        *range(0xFE00, 0x10000),
        *range(0xE0000, 0xE0080),
    ]
    for point in points:
        char = chr(point)
        refused = unsafe_character(f"Sam {char} Oka", multiline=multiline) is not None
        assert refused == _refused_one_by_one(char, multiline=multiline), hex(point)
