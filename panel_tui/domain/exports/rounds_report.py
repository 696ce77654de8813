"""The rounds report (``panel-tui report``) in md, html and csv.

The figures come from :mod:`panel_tui.domain.rounds`; this module lays them out
and draws the html's two charts as inline SVG (no script, nothing fetched): how
often the lived-experience members' first choice was recommended, and the mean
voice gap of each round over time. Each chart has a title and its figures
beside it in words, and the bars differ by pattern as well as colour.

``csv``: one row per round (``row`` = ``round``), a ``total`` row, one row
per member (``row`` = ``member``), then one row per round or file left out
(``row`` = ``left_out``, what and why in ``title``), with the columns of
:data:`COLUMNS`; the cells a row does not use are empty. Percentages have one decimal; amounts two.
A member's ``total_payable`` stays a number; ``total_payable_note`` says in words, as
the md and html say beside it, when it counts no fee for some rounds (declined
payment, or no rate noted). A round's ``first_choice_left_out`` names each candidate
scored on fewer questions (interviewed in part, or with answers still sealed) that was
left out of the first choice, with why, as its md and html cell does.
A round's ``finished`` is ``yes`` once its chair finished the session and ``no`` while
its votes and decisions may still change; the ``total`` row's is ``yes`` only when every
round's is. Before it, a round's ``finish_history``: when it was finished, reopened and
finished again, and what changed after, in the words of the session's own summaries;
empty for a round never reopened. Then ``mode``, as every csv ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from panel_tui.domain.exports.documents import HTML, MARKDOWN
from panel_tui.domain.exports.rounds_days import day_labels
from panel_tui.domain.exports.rounds_words import (
    FIRST_CHOICE_WORDS,
    first_choice_words,
    gap_points,
    passed_over,
    size_points,
    status_words,
)
from panel_tui.domain.exports.spreadsheets import ROW_END, Cell, neutralise, table, yes_no
from panel_tui.domain.rounds import FIRST_CHOICES, Round, Rounds
from panel_tui.domain.rounds_members import MemberTotal
from panel_tui.domain.words import (
    ROLE_WORDS,
    counted,
    figure,
    percent,
    short_day_words,
)

FORMATS = ("md", "html", "csv")

COLUMNS = (
    "row",
    "date",
    "session",
    "title",
    "bank",
    "lived_experience_members",
    "professional_members",
    "observers",
    "interviews",
    "lived_experience_first_choice",
    "first_choice_recommended",
    "recommended",
    "mean_voice_gap_pct",
    "votes_changed_after_reveal",
    # First votes after any reveal, the finish's too: named as before, so columns read
    # by name still read (the md and html say "First votes after a reveal").
    "first_votes_after_early_reveal",
    "answers_revealed_early",
    "member",
    "roles",
    "sessions",
    "hours",
    "interviews_sat",
    "answers_scored",
    "fees",
    "expenses",
    "total_payable",
    "declined_payment_sessions",
    # New columns go after the others, so that a sheet reading columns by place still
    # reads them; but before finished and mode, which end every row of every CSV
    # (spreadsheets.py).
    "mean_voice_gap_size_pct",
    "total_payable_note",
    "first_choice_left_out",
    "finish_history",
    *ROW_END,
)


def rehearsals_words(report: Rounds) -> str:
    """Where a trainer finds each trainee's figures, when rehearsals are counted here.

    Found by a trainer: the report held rehearsals' mock candidates and gaps,
    and no word of the trainees. Empty with no rehearsal counted.
    """
    if not any(r.practice for r in report.rounds):
        return ""
    return (
        "Rehearsals count here as rounds, mock candidates and all. Each trainee's "
        "agreement with the reference, and their progress, are on their trainee sheet: "
        "panel-tui export SESSION --format trainee-sheets -o FOLDER."
    )


def hours(minutes: int) -> str:
    """Minutes as hours with two decimals."""
    return f"{Decimal(minutes) / 60:.2f}"


def money(amount: Decimal) -> str:
    """An amount with two decimals."""
    return f"{amount:.2f}"


def make_up(r: Round) -> str:
    """The panel's make-up in words."""
    text = (
        f"{counted(r.lived_experience, 'with lived experience', 'with lived experience')}, "
        f"{counted(r.professional, 'professional')}"
    )
    return text + (f", {counted(r.observers, 'observer')}" if r.observers else "")


def payable_note(total: MemberTotal) -> str:
    """Why a member's total payable counts no fee for some rounds: ``"no fee counted for
    1 round: no rate noted"``, ``"no fee counted where payment was declined"``; empty when none.

    Said beside the figure in md, html and csv (found by testers: a member who
    declined payment showed a total with no word of it, read as money owed). How
    many rounds they declined is in the column beside it, so not said twice.
    """
    said = [f"for {counted(total.unpriced, 'round')}: no rate noted"] if total.unpriced else []
    said += ["where payment was declined"] if total.declined else []
    return "no fee counted " + "; nor ".join(said) if said else ""


def declined_words(total: MemberTotal) -> str:
    """The Declined payment column of the md and html: ``"In 2 rounds"``, or ``"No"``."""
    return f"In {counted(total.declined, 'round')}" if total.declined else "No"


def roles(total: MemberTotal) -> str:
    """The roles a person sat in, in words."""
    return "; ".join(ROLE_WORDS[role] for role in total.roles)


@dataclass(frozen=True)
class BarRow:
    """One bar of the first-choice chart."""

    label: str
    count: int
    y: float
    width: float
    kind: str  #: the pattern's name


@dataclass(frozen=True)
class GapPoint:
    """One round on the voice-gap chart."""

    x: float
    y: float
    label: str  #: date and gap in words


@dataclass(frozen=True)
class GapChart:
    """The voice-gap chart's geometry."""

    points: list[GapPoint]
    zero: float  #: the y of the zero line
    limit: int  #: the scale runs from -limit to +limit points
    top: float
    bottom: float
    left: float
    right: float
    first_day: str
    last_day: str

    @property
    def line(self) -> str:
        """The points joined, for an SVG polyline."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


BAR_MAX = 240.0
#: The widest a character of the chart's 13 px type runs, DejaVu Sans being the widest
#: font it asks for: labels are right-aligned before the bars, so the bars start after
#: the longest (found by a review: at 200 px, "No lived-experience member on the panel"
#: was cut to "...member on the panel").
CHAR_WIDTH = 7.8


#: Where the first-choice bars start: after the longest label, and 20 px of margin.
BAR_LEFT = float(math.ceil(20 + CHAR_WIDTH * max(len(w) for w in FIRST_CHOICE_WORDS.values())))


def first_choice_bars(report: Rounds) -> list[BarRow]:
    """The first-choice chart: one bar per outcome, as long as its count."""
    biggest = max([report.counts[c] for c in FIRST_CHOICES] + [1])
    kinds = {"recommended": "up", "not recommended": "down", "undecided": "middle"}
    return [
        BarRow(
            label=FIRST_CHOICE_WORDS[choice],
            count=report.counts[choice],
            y=10.0 + 36.0 * n,
            width=BAR_MAX * report.counts[choice] / biggest,
            kind=kinds.get(choice, "none"),
        )
        for n, choice in enumerate(FIRST_CHOICES)
    ]


def gap_chart(report: Rounds) -> GapChart | None:
    """The voice-gap chart: each round's mean gap, in date order; ``None`` with no gap."""
    scored = [r for r in report.rounds if r.mean_gap is not None]
    if not scored:
        return None
    day, axis = day_labels(report.rounds), day_labels(report.rounds, titles=False)
    biggest = max(abs(r.mean_gap or 0.0) * 100 for r in scored)
    limit = max(10, int(-(-biggest // 10)) * 10)
    left, right, top, bottom = 70.0, 540.0, 20.0, 200.0
    middle = (top + bottom) / 2
    step = (right - left) / max(len(scored) - 1, 1)
    points = [
        GapPoint(
            x=left + step * n if len(scored) > 1 else (left + right) / 2,
            y=middle - (r.mean_gap or 0.0) * 100 / limit * (bottom - top) / 2,
            label=f"{day[r.session_id]}: {gap_points(r.mean_gap)}",
        )
        for n, r in enumerate(scored)
    ]
    # The axis ends name the day and time alone: two titles there ran into each
    # other (found by a review); each point's own label gives its title.
    first, last = axis[scored[0].session_id], axis[scored[-1].session_id]
    return GapChart(points, middle, limit, top, bottom, left, right, first, last)


def _context(report: Rounds) -> dict[str, Any]:
    day = day_labels(report.rounds, titles=False)  # the Round column gives the title
    return {
        "report": report,
        "counted": counted,
        "first_choice": first_choice_words,
        "gap": gap_points,
        "size": size_points,
        "rehearsals": rehearsals_words(report),
        "status": status_words(report),
        "pct": percent,
        "make_up": make_up,
        "hours": hours,
        "money": money,
        "roles": roles,
        "payable_note": payable_note,
        "declined": declined_words,
        "day": lambda r: day[r.session_id],
        "short_day": short_day_words,  # a period runs from day to day
        "bars": first_choice_bars(report),
        "chart": gap_chart(report),
        "bar_left": BAR_LEFT,
        "bars_wide": BAR_LEFT + BAR_MAX + 40,  # the count after the longest bar
    }


def rounds_markdown(report: Rounds) -> str:
    """The rounds report as Markdown."""
    return MARKDOWN.get_template("rounds.md.j2").render(**_context(report))


def rounds_html(report: Rounds) -> str:
    """The rounds report as one self-contained HTML file with inline SVG charts."""
    return HTML.get_template("rounds.html.j2").render(**_context(report))


def _row(kind: str, **cells: Cell) -> tuple[Cell, ...]:
    """One row of :data:`COLUMNS`: ``row`` is ``kind``, the cells it does not use empty."""
    unknown = cells.keys() - set(COLUMNS)
    assert not unknown, unknown
    return tuple(kind if c == "row" else cells.get(c, "") for c in COLUMNS)


def _figures(r: Round | Rounds) -> dict[str, Cell]:
    """The cells a round and the totals both have."""
    return {
        "interviews": r.interviews,
        "mean_voice_gap_pct": figure(r.mean_gap),  # a plain number, as every csv writes a gap
        "mean_voice_gap_size_pct": figure(r.mean_gap_size),
        "votes_changed_after_reveal": r.changed_after_reveal,
        "first_votes_after_early_reveal": r.first_after_reveal,
        "answers_revealed_early": r.revealed_early,
    }


def _round_row(r: Round) -> tuple[Cell, ...]:
    return _row(
        "round",
        date=r.day.isoformat(),
        session=neutralise(r.session_id),
        title=neutralise(r.title),
        bank=neutralise(r.bank),
        lived_experience_members=r.lived_experience,
        professional_members=r.professional,
        observers=r.observers,
        lived_experience_first_choice=neutralise("; ".join(r.first_choices)),
        first_choice_left_out=neutralise("; ".join(f"{c} ({why})" for c, why in passed_over(r))),
        first_choice_recommended=FIRST_CHOICE_WORDS[r.first_choice],
        recommended=neutralise("; ".join(r.recommended)),
        # A rehearsal is never taken for a live round (found by a tester: only
        # the md and html said "(practice)").
        mode="practice" if r.practice else "live",
        finished=yes_no(r.finished),
        finish_history=neutralise(r.finish_history),
        **_figures(r),
    )


def _member_row(m: MemberTotal) -> tuple[Cell, ...]:
    return _row(
        "member",
        member=neutralise(m.name),
        roles=roles(m),
        sessions=m.sessions,
        hours=hours(m.minutes),
        interviews_sat=m.interviews,
        answers_scored=m.answers,
        fees=money(m.fees) if m.rated else "",  # no rate noted: not a fee of 0.00
        expenses=money(m.expenses),
        total_payable=money(m.payable),
        declined_payment_sessions=m.declined,
        total_payable_note=payable_note(m),
    )


def rounds_csv(report: Rounds) -> str:
    """The rounds, their totals and each member's totals as one table."""
    total = _row(
        "total",
        title=counted(len(report.rounds), "round"),
        first_choice_recommended=f"{report.counts['recommended']} of {report.decided}",
        finished=yes_no(report.finished),  # yes only when every round is
        **_figures(report),
    )
    rows = [
        *(_round_row(r) for r in report.rounds),
        total,
        *(_member_row(m) for m in report.members),
        # What was left out, and why, in ``title``: the md and html name it too (found
        # by a tester: the csv alone gave no sign that six files were left out).
        *(_row("left_out", title=neutralise(words)) for words in report.left_out),
    ]
    return table(COLUMNS, rows)


def render_rounds(report: Rounds, name: str) -> str:
    """The rounds report in one of :data:`FORMATS`."""
    renderers = {"md": rounds_markdown, "html": rounds_html, "csv": rounds_csv}
    return renderers[name](report)


__all__ = ["FORMATS", "render_rounds"]
