"""The summary screen's text, laid out from the one :class:`~panel_tui.domain.summary.Summary`.

Every word here about a result comes from the summary the md and html files
render, so the screen and the files say each fact alike; this module only
chooses bold, bullets and tables. Text a person typed (names, notes, reasons,
questions) goes into :class:`~rich.text.Text` as it is, never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from panel_tui.domain.summary import CandidateView, Labels, Summary
from panel_tui.ui.glyphs import ASCII, Glyphs
from panel_tui.ui.hyphens import HyphenWrapped, broken_at_hyphens
from panel_tui.ui.lines import bulleted, hanging


def _box(marks: Glyphs) -> box.Box:
    return box.ASCII if marks == ASCII else box.SIMPLE_HEAD


def _bullets(
    heading: str, lines: list[tuple[str, str]] | list[str], bullet: str, none: str = ""
) -> RenderableType:
    """``heading:`` in bold, then a bulleted line for each item (``where: words`` pairs too).

    With no items, ``none`` follows the heading on its line.
    """
    title = Text.assemble((f"{heading}:", "bold"))
    if not lines:
        return title.append(f" {none}") if none else title
    items = [
        Text(f"{line[0]}: ") + Text(line[1]) if isinstance(line, tuple) else Text(line)
        for line in lines
    ]
    return Group(title, bulleted(items, bullet))


def heading(summary: Summary) -> Text:
    """The practice banner (in practice), the title and the status, sealed answers included."""
    text = Text()
    if summary.calibration:
        text.append(f" {summary.calibration.banner} \n", style="bold reverse")
    text.append_text(Text(summary.heading, style="bold"))
    text.append("\n")
    text.append_text(Text(summary.status, style="italic"))
    return text


def early_reveals(summary: Summary, marks: Glyphs) -> Group:
    """Each answer shown before everyone had voted, and who voted after; or that none was,
    as every summary file says it."""
    if not summary.early_reveals:
        return Group(Text(Labels.EARLY_REVEALS, style="bold"), Text(summary.no_early_reveals))
    items = [
        Text(f"{early.candidate}, {early.question}")
        + Text(f"\n{early.voted}. Voted after the reveal: {early.after}.")
        for early in summary.early_reveals
    ]
    return Group(
        Text(Labels.EARLY_REVEALS, style="bold"),
        Text(summary.EARLY_REVEALS),
        bulleted(items, marks.bullet),
    )


def questions(summary: Summary) -> Group:
    """The bank's questions with their tags (a long one wrapping under its own text,
    not its number), then what each flag and figure means."""
    listed = []
    for short, words, tags in summary.question_list:
        item = Text(words)
        if tags:
            item.append(f" ({tags})", style="italic")
        listed.append((f" {short} ", item))
    key = Text()
    for term, meaning in summary.key:
        key.append(f"\n{term}: ", style="bold")
        key.append(meaning)
    if any(not q.gap_figure for c in summary.candidates for q in c.questions):
        key.append(f"\n{summary.no_gap_key}")
    return Group(Text("Questions:", style="bold"), hanging(listed), key)


def ranking(summary: Summary, marks: Glyphs) -> RenderableType:
    """Every candidate, best first, with score, flags and decision; reads at 80 columns.

    In practice the mock candidates as interviewed, with no rank and no decision,
    under a line that says so.
    """
    hiring = not summary.practice
    table = Table(
        title=summary.ranking_heading,
        title_justify="left",
        box=_box(marks),
        title_style="bold",
    )
    if hiring:
        table.add_column(Labels.RANK, justify="right")
    table.add_column(Labels.CANDIDATE, ratio=3, overflow="fold")
    table.add_column(Labels.SCORE, ratio=3, overflow="fold")
    table.add_column(Labels.FLAGS, ratio=2, overflow="fold")
    if hiring:
        table.add_column(Labels.DECISION, ratio=2, overflow="fold")
    for c in summary.candidates:
        rank: list[RenderableType] = [Text(c.rank_words)]
        decision: list[RenderableType] = [Text(c.decision)]
        # A long name breaks after a hyphen, not mid-word ("Cole-Montgomer" over "y-...").
        cells: list[RenderableType] = [
            HyphenWrapped(Text(c.heading)),
            Text(c.score_cell),
            Text(c.flags_cell),
        ]
        table.add_row(*(rank + cells + decision if hiring else cells))
    if not summary.ranking_note:
        return table
    table.title = None  # said above the note, which is as wide as the screen
    return Group(Text(summary.ranking_heading, style="bold"), Text(summary.ranking_note), table)


def _widest_vote(candidate: CandidateView) -> int:
    """The widest vote in a candidate's grid, in cells: "– Abstain" where a member abstained."""
    return max((cell_len(m.text) for q in candidate.questions for m in q.marks), default=1)


def _wanted(summary: Summary, candidate: CandidateView, index: int) -> int:
    """How wide the member at ``index`` would have their column: the name and each vote whole."""
    votes = [m for q in candidate.questions for m in q.marks[index : index + 1]]
    texts = [
        summary.voters[index].label,
        *(m.text for m in votes),
        *(m.changed_words for m in votes),
    ]
    return max(cell_len(text) for text in texts)


def _shared_out(room: int, least: int, wanted: list[int]) -> list[int]:
    """Columns of ``least`` width, widened in turn towards what each wants, as ``room`` allows."""
    widths = [max(least, 1) for _ in wanted]
    while room > 0:
        short = [i for i, width in enumerate(widths) if width < wanted[i]]
        if not short:
            break
        each = max(1, room // len(short))
        for i in short:
            more = min(each, wanted[i] - widths[i], room)
            widths[i] += more
            room -= more
    return widths


def _longest_word(*texts: str) -> int:
    """The longest word of ``texts``, in cells: a column narrower than this breaks a word."""
    return max((cell_len(word) for text in texts for word in text.split()), default=1)


def _grid(
    summary: Summary,
    candidate: CandidateView,
    marks: Glyphs,
    seats: range,
    *,
    figures: bool = True,
    widths: Sequence[int],
) -> Table:
    """Questions by member (the members in ``seats``, by position), with the figures if asked.

    Each vote shows as symbol and word, marked when given after the reveal.
    Each member's column has the width given (a name wraps under it).
    """
    # Collapsed padding, so four members' votes and the figures fit 80 columns in ASCII too.
    grid = Table(box=_box(marks), pad_edge=False, collapse_padding=True)
    grid.add_column("Q", no_wrap=True)
    for index, width in zip(seats, widths, strict=True):
        # A fixed width: Rich narrows the figures to fit, never a vote.
        # A name wraps at its spaces, and a word wider than the column after its hyphens.
        heading = broken_at_hyphens(Text(summary.voters[index].label), width)
        grid.add_column(heading, width=width, overflow="fold")
    if figures:
        questions = candidate.questions
        if summary.practice:
            least = _longest_word(Labels.REFERENCE, *(q.reference or "" for q in questions))
            grid.add_column(Labels.REFERENCE, min_width=least, overflow="fold")
        scores = (q.score for q in questions)
        least = _longest_word(Labels.SCORE, *scores)
        grid.add_column(Labels.SCORE, justify="right", min_width=least)
        gaps = (q.gap_figure or summary.no_gap for q in questions)
        least = _longest_word(Labels.VOICE_GAP, *gaps)
        grid.add_column(Labels.VOICE_GAP, justify="right", min_width=least)
        grid.add_column(Labels.FLAGS, min_width=7)
    for question in candidate.questions:
        cells = []
        for mark in question.marks[seats.start : seats.stop]:
            cell = Text(mark.text)  # the column's width keeps "– Abstain" on one line
            if mark.changed:
                cell.append(f"\n{mark.changed_words}", style="italic")
            cells.append(cell)
        if figures:
            reference = [Text(question.reference or "")] if summary.practice else []
            cells += [
                *reference,
                Text(question.score),
                Text(question.gap_figure or summary.no_gap),
                Text(question.flags_words, style="bold" if question.flags else ""),
            ]
        grid.add_row(Text(question.short), *cells)
    return grid


@dataclass(frozen=True)
class _Grids:
    """A candidate's grid, split by members into as many tables as the width needs.

    Nine members' votes and the figures do not fit 80 columns side by side: a
    table too wide was cut at the right edge (seats 8 and 9, the score, the
    voice gap and the flags). Each table but the last holds members only; the
    last holds the rest of the members and the figures.

    Each table is tried first with its members' columns as narrow as the widest
    vote, then drawn with the room left shared out between them. Left to Rich,
    the members' columns (their names the widest) were narrowed first and one
    came out too narrow for "– Abstain", which broke over two lines (at 80
    columns, four members with figures).
    """

    summary: Summary
    candidate: CandidateView
    marks: Glyphs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        voters = len(self.summary.voters)
        narrowest = _widest_vote(self.candidate)

        def width(seats: range, figures: bool) -> int:
            # Drawn as it would be: Rich narrows the figures to fit, but not below
            # their longest word (a table then runs past the edge), and squeezes
            # every column, votes too, when even that is too wide: then the least
            # width it needs is the wider.
            table = self._table(seats, figures=figures, widths=[narrowest] * len(seats))
            lines = Segment.split_lines(console.render(table, options))
            drawn = max(Segment.get_line_length(line) for line in lines)
            # The table's own measure: Measurement.get would cap it at the width.
            return max(drawn, table.__rich_measure__(console, options).minimum)

        per = voters
        while per > 1 and width(range(voters - per, voters), True) > options.max_width:
            per -= 1
        # As many tables as needed, the members shared out evenly, so none holds one alone.
        count = -(-voters // per) if voters else 1
        bounds = [round(i * voters / count) for i in range(count + 1)]
        for i in range(count):
            seats, figures = range(bounds[i], bounds[i + 1]), i == count - 1
            room = options.max_width - width(seats, figures)
            wanted = [_wanted(self.summary, self.candidate, index) for index in seats]
            widths = _shared_out(room, narrowest, wanted)
            yield self._table(seats, figures=figures, widths=widths)

    def _table(self, seats: range, *, figures: bool, widths: Sequence[int]) -> Table:
        return _grid(
            self.summary, self.candidate, self.marks, seats, figures=figures, widths=widths
        )


def candidate(summary: Summary, candidate: CandidateView, marks: Glyphs) -> Group:
    """One candidate: the facts, the flagged questions, the grid, notes and late votes."""
    facts = Text()
    for label, words in candidate.facts:
        facts.append(f"\n{label}: " if facts else f"{label}: ", style="bold")
        facts.append_text(Text(words))
    parts: list[RenderableType] = [
        Text("\n") + Text(candidate.heading, style="bold underline"),
        facts,
    ]
    parts += [_bullets(h, items, marks.bullet) for h, items in candidate.flag_lists]
    if not candidate.flag_lists:
        parts.append(Text(candidate.no_flags))
    parts.append(_Grids(summary, candidate, marks))
    notes = _bullets(Labels.NOTES, candidate.note_lines, marks.bullet, candidate.notes_words)
    changes = candidate.change_lines
    after = _bullets(Labels.AFTER_THE_REVEAL, changes, marks.bullet, candidate.NO_CHANGES)
    parts += [notes, after]
    return Group(*parts)


def candidates(summary: Summary, marks: Glyphs) -> Group:
    """Every candidate, in ranking order."""
    return Group(*(candidate(summary, c, marks) for c in summary.candidates))
