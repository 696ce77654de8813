"""Hostile names and notes come out harmless in every format.

Text from people is data: in HTML it is escaped, in Markdown it never becomes
markup or breaks a table, in CSV it never runs as a formula, in json it reads
back exactly. Control characters cannot get in at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from pydantic import ValidationError

from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.exports.documents import markdown_escape
from panel_tui.domain.exports.spreadsheets import neutralise
from panel_tui.domain.models import Member, Note, Session
from tests.exports.helpers import FORMULA, MARKUP, SCRIPT, T0, build_session, runs_as_formula

OPTIONS = [
    ExportOptions(),
    ExportOptions(anonymise=True),
    ExportOptions(totals_only=True),
    ExportOptions(anonymise=True, totals_only=True),
]
OPTION_IDS = ["plain", "anonymised", "totals-only", "both"]


# ----------------------------------------------------------------------- models


@pytest.mark.parametrize(
    "name",
    [
        "Sam\x1b[31m",  # an escape sequence that would recolour a terminal
        "Sam\x07",  # the bell
        "Sam\nOkafor",  # a line break has no place in a name
        "\u202eSam",  # right-to-left override (Trojan Source)
        "Sam\x00",  # NUL
    ],
)
def test_a_member_name_with_a_control_character_is_refused(name: str) -> None:
    with pytest.raises(ValidationError, match=r"control character|line break"):
        Member(id="m1", name=name, role="professional", seat=1)


@pytest.mark.parametrize("text", ["ok\x1b[2Jgone", "ok\x08", "\u2066hidden\u2069"])
def test_a_note_with_a_control_character_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="control character"):
        Note(candidate="c1", question="why", text=text, at=T0)


def test_a_session_with_a_control_character_in_a_name_cannot_be_built() -> None:
    data = build_session().model_dump()
    data["candidates"][0]["name"] = "Alex\x1b]8;;http://x\x07Morgan"  # a terminal hyperlink
    with pytest.raises(ValidationError, match="control character"):
        Session.model_validate(data)


def test_a_carriage_return_in_a_note_becomes_a_line_break_and_text_is_trimmed() -> None:
    # So no cell can start with a CR or a tab: the models never hold one there.
    note = Note(candidate="c1", text="\t=1+1\rsecond", at=T0)
    assert note.text == "=1+1\nsecond"


# -------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FORMULA, "'" + FORMULA),  # a formula with a link
        ("+1", "'+1"),  # read as a sum
        ("-2", "'-2"),  # read as a sum
        ("@SUM(A1)", "'@SUM(A1)"),  # Lotus-style function call
        ("\t=1", "'\t=1"),  # a leading tab hides a formula in some spreadsheets
        ("\r=1", "'\r=1"),  # so does a carriage return
        ("Sam Okafor", "Sam Okafor"),  # ordinary text is left alone
        ("a=b", "a=b"),  # only the first character matters
        ("", ""),  # empty stays empty
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("fmt", ["csv", "votes-csv", "involvement-csv"])
@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
def test_no_csv_cell_can_run_as_a_formula(fmt: str, options: ExportOptions) -> None:
    rows = _cells(render(build_session(), fmt, options))
    risky = [c for row in rows for c in row if runs_as_formula(c)]
    assert risky == []


def test_csv_neutralises_names_codes_and_reasons_and_keeps_numbers() -> None:
    session = build_session()
    candidates = _cells(render(session, "csv"))
    header = candidates[0]
    by_code = {
        row[header.index("code")]: dict(zip(header, row, strict=True)) for row in candidates[1:]
    }
    # C3's code is "+1" and its name starts "-2": both are text from a person.
    c3 = by_code["'+1"]
    assert c3["candidate"] == "'-2 Chris `Evans`-Bell"
    c2 = by_code["C2"]
    assert c2["decision_reason"] == "'=1+2 | the essential question scored below half"
    # A negative voice gap is our figure, so it stays a number a spreadsheet can add.
    assert c2["voice_gap_pct"] == "-37.5"
    assert c2["score_pct"] == "36.5"
    votes = _cells(render(session, "votes-csv"))
    members = {row[votes[0].index("member")] for row in votes[1:]}
    assert "'" + '=HYPERLINK("http://x","Dan Reilly")' in members
    assert "Hannah a|b Cole" in members  # a | is nothing special in CSV


# --------------------------------------------------------------------- Markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", r"a\|b"),  # a | would split a table cell
        ("one\ntwo", "one<br>two"),  # a line break would end a table row
        (SCRIPT, r"\<script>alert(1)\</script>"),  # raw HTML is not passed through
        (MARKUP, r"\[bold\]x\[/\]"),  # nor link or Rich brackets
        ("`code` **b** _i_ ~s~", r"\`code\` \*\*b\*\* \_i\_ \~s\~"),  # nor emphasis or code
        ("# not a heading", r"\# not a heading"),
        ("&amp;", r"\&amp;"),  # an entity stays as typed
        ("&#169;", r"\&\#169;"),  # (a # is always set apart)
        # What cannot start a tag or an entity is left as typed: a note read in
        # Notepad said "Warm \& specific \<3" (found by a new user).
        ("Warm & specific <3, 3 > 2", "Warm & specific <3, 3 > 2"),
        ("> not a quote", r"\> not a quote"),
        # Nor a link: an email link may begin with a digit or a sign (found by a review).
        ("<1user@evil.example>", r"\<1user@evil.example>"),
        ("<+x@y.z> and <-x@y.z>", r"\<+x@y.z> and \<-x@y.z>"),
        ("a<b and c>d", r"a\<b and c>d"),
        ("back\\slash", r"back\\slash"),
        (None, ""),
    ],
)
def test_markdown_escape(text: str | None, expected: str) -> None:
    assert markdown_escape(text) == expected


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
def test_markdown_tables_keep_their_shape(options: ExportOptions) -> None:
    lines = render(build_session(), "md", options).splitlines()
    table: list[str] = []
    tables_seen = 0
    for line in [*lines, ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            widths = {_unescaped_pipes(row) for row in table}
            assert len(widths) == 1, f"a row of this table has a different width:\n{table}"
            tables_seen += 1
            table = []
    assert tables_seen >= 3  # ranking, panel and a grid per candidate at least


def test_markdown_shows_hostile_text_literally() -> None:
    text = render(build_session(), "md")
    for raw in (SCRIPT, MARKUP, "[link](http://x)", "**calm**", "`Evans`"):
        assert raw not in text
    assert r"\<script>alert(1)\</script> Jordan Lee" in text
    assert r"Priya \[bold\]Shah\[/\]" in text
    assert r"Hannah a\|b Cole" in text
    # A note over two lines stays in its list item.
    assert "- Question 3: -2 examples given<br>\tsecond line indented with a tab" in text
    # No line starts with text from a person, so none can become a heading or list.
    assert not any(line.startswith(("=", "+", "-2", "@", "<", "\t")) for line in text.splitlines())


# ------------------------------------------------------------------------- HTML


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


SAFE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "svg",
    "defs",
    "pattern",
    "rect",
    "circle",
    "header",
    "main",
    "footer",
    "section",
    "p",
    "h1",
    "h2",
    "h3",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "span",
    "strong",
    "div",
    "table",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
}


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
def test_html_holds_no_script_no_handler_and_nothing_external(options: ExportOptions) -> None:
    html = render(build_session(), "html", options)
    parsed = _parse(html)
    assert parsed.tags <= SAFE_TAGS, parsed.tags - SAFE_TAGS
    assert not [name for name, _ in parsed.attributes if name.startswith("on")]
    assert not [v for _, v in parsed.attributes if "http" in v or "//" in v]
    assert "@import" not in html
    assert re.findall(r"url\(([^)]*)\)", html) and all(
        ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", html)
    ), "only references to patterns inside the file"
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">" in html
    )


def test_html_shows_hostile_text_as_text() -> None:
    html = render(build_session(), "html")
    text = "".join(_parse(html).text)
    assert "<script>alert(1)</script> Jordan Lee" in text  # shown, as words
    assert "<script>alert(1)</script> said risk is not their problem | worrying" in text
    assert "Priya [bold]Shah[/]" in text
    assert '=HYPERLINK("http://x","Dan Reilly")' in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Jordan Lee" in html


# ------------------------------------------------------------------------- json


@pytest.mark.parametrize("options", [OPTIONS[0], OPTIONS[2]], ids=["plain", "totals-only"])
def test_json_reads_back_hostile_text_exactly(options: ExportOptions) -> None:
    session = build_session()
    record = json.loads(render(session, "json", options))
    assert [m["name"] for m in record["panel"]] == [m.name for m in session.panel]
    kept = [] if options.leaves_out_notes else [n.text for n in session.notes]
    assert [n["text"] for n in record["notes"]] == kept


def test_every_format_is_checked_here() -> None:
    # A new format must get its own safety test above.
    assert set(FORMATS) == {"md", "html", "csv", "votes-csv", "json", "involvement-csv"}


@pytest.mark.parametrize(
    "text",
    [
        SCRIPT,
        MARKUP,
        "<1user@evil.example>",
        "<http://x.example>",
        "<b>bold</b> <!-- hidden --> <?php ?>",
        "[link](http://x.example) **strong** `code`",
        "&amp; &#60; &copy;",
        "> quoted",
    ],
)
def test_text_from_people_renders_as_itself_in_commonmark(text: str) -> None:
    # Read by a Markdown viewer (CommonMark, as GitHub's), the file shows what was
    # typed: no link, tag, emphasis, code or character from an entity.
    html = MarkdownIt("commonmark").enable("table").render(markdown_escape(text))
    for made in ("<a ", "<b>", "<script", "<strong", "<code", "<blockquote", "<!--", "<?"):
        assert made not in html, html
    assert "&amp;amp;" in html or "&amp;" not in text  # an entity stays as typed
