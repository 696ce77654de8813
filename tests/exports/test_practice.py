"""Practice is unmistakable in every export, and kept out of what HR gets across sessions."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from panel_tui.domain.calibration import KAPPA_ALL_SAME
from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.exports.calibration_report import PRACTICE_BANNER, build_calibration
from panel_tui.domain.models import Reveal, Session
from panel_tui.domain.words import colon_after
from tests.domain.builders import T0
from tests.domain.practice import practice, shown_early_then_voted
from tests.exports.helpers import build_session

OPTIONS = [
    ExportOptions(),
    ExportOptions(anonymise=True),
    ExportOptions(totals_only=True),
    ExportOptions(anonymise=True, totals_only=True),
]


def rehearsal() -> Session:
    """Three trainees; question 1 voted on again in a second round."""
    return practice(
        ["up", "middle"],
        ["Ann Lee", "Ben Cho", "Cat Diaz"],
        [
            ("p1", "q1", "m1", "up"),
            ("p1", "q1", "m2", "down"),
            ("p1", "q1", "m3", "middle"),
            ("p1", "q2", "m1", "middle"),
            ("p1", "q2", "m2", "middle"),
            ("p1", "q2", "m3", "up"),
            ("p1", "q1", "m1", "up", 2),
            ("p1", "q1", "m2", "up", 2),
            ("p1", "q1", "m3", "middle", 2),
        ],
        rounds=[("p1", "q1", 2)],
    )


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("options", OPTIONS)
def test_every_format_says_practice(options: ExportOptions) -> None:
    session = rehearsal()
    for name in FORMATS:
        text = render(session, name, options)
        if name == "md":
            assert text.startswith(f"**{PRACTICE_BANNER}**")
        elif name == "html":
            body = text[text.index("<body>") :]
            assert body.index(PRACTICE_BANNER) < body.index("<h1>")
        elif name == "json":
            record = json.loads(text)
            assert record["mode"] == "practice"
            assert record["results"]["calibration"]["panel"]["fleiss_kappa"] is not None
        else:
            table = rows(text)
            assert table and all(row["mode"] == "practice" for row in table), name


@pytest.mark.parametrize("name", ["csv", "votes-csv"])
def test_live_csvs_say_live(name: str) -> None:
    table = rows(render(build_session(), name))
    assert table and {row["mode"] for row in table} == {"live"}
    assert PRACTICE_BANNER not in render(build_session(), "md")


def test_the_report_shows_how_the_panel_moved_between_rounds() -> None:
    text = render(rehearsal(), "md")
    # Round 1 on q1 (reference up): up, down, middle -> 1 of 3; round 2: up, up, middle -> 2 of 3.
    assert "Round 1: 1 up, 1 middle, 1 down; 1 of 3 with the reference." in text
    assert "Round 2: 2 up, 1 middle, 0 down; 2 of 3 with the reference." in text
    assert "on 1 of them the panel's last round was closer to the reference" in text
    # A second round follows a discussion of the reference: calibration counts the
    # first (found by a trainer), and the report says so.
    assert "The figures above count each trainee's first vote, given before the" in text
    # Ben's down in round 1 counts, not his up in round 2 (reference up on q1).
    assert "| Seat 2, Ben Cho | 50.0% | harsher than the reference (-0.50) | 2 answers |" in text


def test_rounds_survive_anonymising_and_the_json_round_trip() -> None:
    session = rehearsal()
    record = json.loads(render(session, "json", ExportOptions(anonymise=True)))
    assert [r["round"] for r in record["rounds"]] == [2]
    assert Session.model_validate(record).round_of(record["rounds"][0]["candidate"], "q1") == 2
    again = Session.model_validate(json.loads(render(session, "json")))
    assert again == session


def test_practice_is_kept_out_of_what_hr_gets_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from panel_tui.cli import main
    from panel_tui.domain.store import Store

    store = Store(tmp_path)
    live, rehearsed = build_session(), rehearsal()
    store.save(live)
    store.save(rehearsed)
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "report", "--all", "--format", "csv"]) == 0
    sessions = [row["session"] for row in rows(capsys.readouterr().out) if row["row"] == "round"]
    assert sessions == [live.id]
    assert main([*data, "report", "--all", "--include-practice", "--format", "csv"]) == 0
    sessions = [row["session"] for row in rows(capsys.readouterr().out) if row["row"] == "round"]
    assert sorted(sessions) == sorted([live.id, rehearsed.id])


def test_cli_lists_practice_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from panel_tui.cli import main
    from panel_tui.domain.store import Store

    store = Store(tmp_path)
    store.save(build_session())
    store.save(rehearsal())
    assert main(["--data-dir", str(tmp_path), "sessions", "list"]) == 0
    out = capsys.readouterr().out
    live_at = out.index("Interview sessions:")
    practice_at = out.index("Practice sessions")
    assert live_at < out.index(build_session().id) < practice_at < out.index("p1  ")


def test_progress_over_rehearsals_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from panel_tui.cli import main
    from panel_tui.domain.store import Store

    # Ann's first rehearsal: q1 (reference up) voted down -> 0%, lean -1.
    earlier = practice(
        ["up"], ["ANN LEE"], [("p1", "q1", "m1", "down")], session_id="p0", created=T0
    )
    later = rehearsal().model_copy(update={"created": T0 + timedelta(days=7)})
    text = render(later, "md", ExportOptions(rehearsals=[earlier, later]))
    progress = text[text.index("### Progress over rehearsals") : text.index("### Answers to")]
    # First to last: 0% then 100% (round 2 counts: up on q1, middle on q2).
    first, this = progress.index("| 0.0% |"), progress.index("(this one) | 100.0% |")
    assert first < this
    assert "**Seat 1, Ann Lee**" in progress and "Ben Cho" not in progress
    assert "### Progress over rehearsals" not in render(later, "md")  # nothing to compare

    store = Store(tmp_path)
    store.save(earlier)
    store.save(later)
    assert main(["--data-dir", str(tmp_path), "export", later.id, "--format", "md"]) == 0
    assert "### Progress over rehearsals" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["md", "html"])
def test_the_report_says_what_it_left_out_after_an_early_reveal(name: str) -> None:
    # Found by a tester: trainees who voted after an early reveal (the reference
    # beside the votes) agreed 100%, and nothing said why.
    session = shown_early_then_voted(
        practice(["up"], ["Ann Lee", "Ben Cho"], [("p1", "q1", "m1", "down")]), ("m2", "up")
    )
    text = render(session, name)
    assert (
        "Left out of these figures: 1 vote given or changed after the votes and the "
        "reference were shown."
    ) in text
    # Found by a review: the answer's count read 0 up beside the score's 1 up.
    assert "Votes 0 up, 0 middle, 1 down (1 more given after the reveal, left out)" in text
    # Ben voted only after the reveal: nothing of his counts, and his row says so.
    assert "Seat 2, Ben Cho" in text and "None counted" in text
    assert "100.0%</td><td>" not in text and "| 100.0% |" not in text
    assert "Left out of these figures" not in render(rehearsal(), name)


def test_the_json_record_counts_what_calibration_left_out() -> None:
    session = shown_early_then_voted(
        practice(["up"], ["Ann Lee", "Ben Cho"], [("p1", "q1", "m1", "down")]), ("m2", "up")
    )
    calibration = json.loads(render(session, "json"))["results"]["calibration"]
    assert calibration["left_out_after_reveal"] == 1
    assert [(m["answers"], m["left_out_after_reveal"]) for m in calibration["members"]] == [
        (1, 0),
        (0, 1),
    ]


def test_ascii_reaches_the_calibration_report() -> None:
    # Found by a tester: with --ascii the answers to talk about still read
    # "reference ● Middle" on the summary screen, and in the md file.
    text = render(rehearsal(), "md", ExportOptions(ascii_only=True))
    assert "(the reference is + Up)" in text  # question 1, voted on again
    assert text.isascii()


def test_two_rehearsals_on_one_day_are_told_apart_by_their_time() -> None:
    # Found by a tester: two lines "24 Nov 2026" told apart only by "(this one)".
    earlier = practice(["up"], ["Ann Lee"], [("p1", "q1", "m1", "down")], session_id="p0")
    later = rehearsal().model_copy(update={"created": T0 + timedelta(hours=3)})
    text = render(later, "md", ExportOptions(rehearsals=[earlier, later]))
    progress = text[text.index("### Progress over rehearsals") : text.index("### Answers to")]
    at = [T0.astimezone(), (T0 + timedelta(hours=3)).astimezone()]
    assert [f"| 23 Nov 2026 at {moment:%H:%M} |" in progress for moment in at] == [True, True]
    # Rehearsals on days of their own keep the day alone.
    apart = later.model_copy(update={"created": T0 + timedelta(days=7)})
    text = render(apart, "md", ExportOptions(rehearsals=[earlier, apart]))
    assert "| 23 Nov 2026 |" in text and "| 30 Nov 2026 |" in text


def test_a_question_that_ends_a_sentence_takes_no_colon_before_its_flags() -> None:
    # Found by testers: "Mock A, question 1: Question 1?: Split". The practice
    # bank's questions end in "?"; one ending on no mark keeps its colon.
    votes = [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")]
    asked = practice(["up"], ["Ann Lee", "Ben Cho"], votes)
    md, html = render(asked, "md"), render(asked, "html")
    # "Question 1", as every document names a question (question_name; found by a review).
    assert "- **Mock A, Question 1: Question 1?** Split. Votes 1 up" in md
    assert "<strong>Mock A, Question 1: Question 1?</strong> <span class=" in html
    bank = asked.bank.model_copy(
        update={"questions": [asked.bank.questions[0].model_copy(update={"text": "Tell us"})]}
    )
    told = asked.model_copy(update={"bank": bank})
    assert "- **Mock A, Question 1: Tell us**: Split. Votes 1 up" in render(told, "md")
    assert "<strong>Mock A, Question 1: Tell us</strong>: <span class=" in render(told, "html")


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("What would you do?", ""),
        ("Tell us about a time.", ""),
        ("Go on!", ""),
        ('What would you say to "Why me?"', ""),  # the mark inside a closing quote
        ("What would you do (if anything)?", ""),
        ("Say what each of these means to you:", ""),  # read "...to you:: Split"
        ("Finish the line 'Support means:' ", ""),
        ("Tell us about a time", ":"),
        ("Tell us (briefly)", ":"),
        ('Say "no"', ":"),
    ],
)
def test_the_colon_before_a_label_is_left_out_after_a_sentence_mark(text: str, mark: str) -> None:
    assert colon_after(text) == mark


def test_rounds_compare_the_same_answers_and_a_sealed_round_says_so() -> None:
    """Found by a tester: first-round agreement over two answers beside last-round
    agreement over one, and a sealed round of two votes read as "0 up, 0 middle, 0 down"."""
    sealed_second = practice(
        ["up", "down"],
        ["Ann Lee", "Ben Cho", "Cat Diaz"],
        [
            *(("p1", "q1", m, v) for m, v in (("m1", "up"), ("m2", "middle"), ("m3", "down"))),
            *(("p1", "q2", m, v) for m, v in (("m1", "up"), ("m2", "up"), ("m3", "down"))),
            *(("p1", "q1", m, "up", 2) for m in ("m1", "m2", "m3")),  # shown: all voted
            *(("p1", "q2", m, "down", 2) for m in ("m1", "m2")),  # still sealed
        ],
        rounds=[("p1", "q1", 2), ("p1", "q2", 2)],
    )
    for name in ("md", "html"):
        text = render(sealed_second, name)
        # Both figures over q1 alone: 1 of 3 in its first round, 3 of 3 in its last.
        assert (
            "Over the 1 answer whose last round is shown, agreement with the reference was "
            "33.3% in the first round and 100.0% in the last"
        ) in text, name
        assert "Round 2: 3 up, 0 middle, 0 down; 3 of 3 with the reference." in text, name
        assert "Round 2: still sealed: its votes show once everyone has voted" in text, name
        assert "0 of 0 with the reference" not in text, name


def test_a_round_nobody_has_voted_in_yet_says_so_and_is_not_compared() -> None:
    unvoted = practice(
        ["up"],
        ["Ann Lee", "Ben Cho"],
        [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")],
        rounds=[("p1", "q1", 2)],
    )
    text = render(unvoted, "md")
    assert "Round 2: nobody has voted yet." in text
    assert "No last round is shown yet, so there is nothing to compare." in text


def test_a_kappa_not_worked_out_says_so_plainly_in_every_format() -> None:
    """Found by a tester: "Not available: every vote was the same rating, so chance
    explains it all" read as discouraging; every format says the one plain sentence."""
    alike = practice(
        ["up", "down"],
        ["Ann Lee", "Ben Cho"],
        [("p1", q, m, "up") for q in ("q1", "q2") for m in ("m1", "m2")],
    )
    words = "Not worked out when every vote is the same rating"
    assert words == KAPPA_ALL_SAME
    view = build_calibration(alike, ExportOptions())
    kappa = next(f for f in view.figures if f.name == "Fleiss' kappa")
    assert kappa.value == words  # the screen lays out these figures, as md and html do
    for name in ("md", "html"):
        text = render(alike, name)
        assert words in text and "chance explains it all" not in text, name
    panel = json.loads(render(alike, "json"))["results"]["calibration"]["panel"]
    assert (panel["fleiss_kappa"], panel["kappa_words"]) == (None, words)


def test_agreement_among_members_says_it_is_an_average_over_answers() -> None:
    """Found by a tester: the figure is each answer's share of agreeing pairs, averaged
    (agreement.percent_agreement), so the words say so, not "the share of pairs"."""
    # q1: up, up, up, down: 3 of 6 pairs agree (50%); q2: up, up, up: 3 of 3 (100%).
    # Averaged over answers 75.0%; over all 9 pairs it would be 66.7%.
    mixed = practice(
        ["up", "up"],
        ["Ann Lee", "Ben Cho", "Cat Diaz", "Dev Rao"],
        [
            *(("p1", "q1", m, "up") for m in ("m1", "m2", "m3")),
            ("p1", "q1", "m4", "down"),
            *(("p1", "q2", m, "up") for m in ("m1", "m2", "m3")),
            ("p1", "q2", "m4", "abstain"),
        ],
    )
    figure = next(f for f in build_calibration(mixed, ExportOptions()).figures if "among" in f.name)
    assert figure.value == "75.0%"
    assert figure.meaning == (
        "On an average answer, the share of pairs of members who gave the same thumbs "
        "(each answer's share, averaged over 2 answers with two votes or more)."
    )


def test_a_round_shown_with_nobody_voting_says_so_and_is_named_as_left_out() -> None:
    """Found by a tester: the chair showed round 2 with nobody voting (Ctrl+G, Ctrl+R,
    "Show them"); it read "0 up, 0 middle, 0 down; 0 of 0 with the reference", and the
    rounds sentence left it out of "the 1 answer whose last round is shown" unsaid."""
    base = practice(
        ["up", "middle"],
        ["Ann Lee", "Ben Cho"],
        [
            *(("p1", "q1", m, "up") for m in ("m1", "m2")),
            *(("p1", "q2", m, "middle") for m in ("m1", "m2")),
            *(("p1", "q1", m, "up", 2) for m in ("m1", "m2")),
        ],
        rounds=[("p1", "q1", 2), ("p1", "q2", 2)],
    )
    shown = Reveal(candidate="p1", question="q2", at=T0 + timedelta(hours=1), round=2)
    empty = base.model_copy(update={"reveals": [shown]})
    for name in ("md", "html"):
        text = render(empty, name)
        assert "Round 2: nobody voted." in text, name
        assert "0 of 0 with the reference" not in text, name
        assert (
            "Over the 1 answer whose last round is shown (left out: 1 answer with a round of "
            "no counted votes), agreement with the reference"
        ) in text, name


def test_a_round_nobody_voted_in_drops_yet_once_the_session_is_finished() -> None:
    unvoted = practice(
        ["up"],
        ["Ann Lee", "Ben Cho"],
        [("p1", "q1", "m1", "up"), ("p1", "q1", "m2", "down")],
        rounds=[("p1", "q1", 2)],
    )
    text = render(unvoted.model_copy(update={"finished": True}), "md")
    assert "Round 2: nobody voted." in text
    assert "nobody has voted yet" not in text
