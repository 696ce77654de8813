"""Trainee sheets: one page per trainee with only their own figures, in plain words."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import cycle, islice
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.cli import main
from panel_tui.domain.banks import load_bank
from panel_tui.domain.exports import ExportOptions, plan_export, write_plan
from panel_tui.domain.exports.sheet_kinds import (
    MEMBER_SHEETS,
    TRAINEE_SHEETS,
    SheetError,
    sheets_of,
)
from panel_tui.domain.exports.trainee_sheets import trainee_sheets
from panel_tui.domain.models import Bank, Rating, Session, VoteEvent, VoteValue
from panel_tui.domain.sessions import practice_session
from panel_tui.domain.store import Store
from tests.domain.builders import T0
from tests.domain.practice import practice, shown_early_then_voted
from tests.exports.chromium import CHROMIUM, PDFTOTEXT, chromium, pdf_pages, printed_texts
from tests.exports.helpers import build_session

HOSTILE = "<script>alert(1)</script> Ann"


def rehearsal(session_id: str = "r2", names: tuple[str, ...] = (HOSTILE, "Ben Cho")) -> Session:
    # References: q1 up, q2 middle. Ann: up, up (q2 away, more generous). Ben: down, middle.
    return practice(
        ["up", "middle"],
        names,
        [
            ("p1", "q1", "m1", "up"),
            ("p1", "q1", "m2", "down"),
            ("p1", "q2", "m1", "up"),
            ("p1", "q2", "m2", "middle"),
        ],
        session_id=session_id,
        created=T0 + timedelta(days=7),
    )


def test_a_trainee_whose_name_has_no_latin_letter_is_named_by_seat_alone() -> None:
    # "李雷" gave r2-seat-1-x.html; now the seat alone, as an anonymised sheet is.
    names = [sheet.file_name for sheet in trainee_sheets(rehearsal(names=("李雷", "Ben Cho")))]
    assert names == ["r2-seat-1.html", "r2-seat-2-ben-cho.html"]


def test_a_sheet_per_trainee_with_only_their_own_figures() -> None:
    ann, ben = trainee_sheets(rehearsal())
    assert ann.file_name == "r2-seat-1-script-alert-1-script-ann.html"
    assert "Ben Cho" not in ann.html and "Ann" not in ben.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ann" in ann.html and "<script>" not in ann.html
    assert "Practice round: not a recruitment decision" in ann.html
    assert "Matched the reference on 1 of 2 answers" in ann.html
    assert "more generous than the reference (+0.25)" in ann.html
    # The answer scored away, in plain words, with the sample answer and its why,
    # under its question; candidates show by code.
    assert ">Question 2: Question 2?</th>" in ann.html and "Question 1" not in ann.html
    assert (
        '<td>Mock A</td><td class="vote">▲ Up</td><td class="vote">● Middle</td>'
        "<td>more generous</td><td>Why 2.</td>" in ann.html
    )
    assert "P1" not in ann.html
    assert '<td class="vote">▼ Down</td><td class="vote">▲ Up</td><td>harsher</td>' in ben.html
    assert ">Question 1: Question 1?</th>" in ben.html


def test_progress_over_rehearsals_is_on_the_sheet() -> None:
    earlier = practice(
        ["up"], ["ann lee"], [("p1", "q1", "m1", "down")], session_id="r1", created=T0
    )
    later = rehearsal(names=("Ann Lee", "Ben Cho"))
    (ann, ben) = trainee_sheets(later, ExportOptions(rehearsals=[earlier, later]))
    assert "Your progress over rehearsals" in ann.html
    assert ann.html.index("0.0%") < ann.html.index("(this one)")  # first to last
    assert "Your progress" not in ben.html  # one rehearsal only: nothing to compare


def test_a_sheet_says_its_figures_count_the_first_round_of_an_answer_voted_on_again() -> None:
    # Found by a tester: Ann's first-round Up on an answer whose reference was
    # Down went uncounted once she voted Down in round 2, and her sheet never said.
    first = rehearsal(names=("Ann Lee", "Ben Cho"))
    again = practice(
        ["up", "middle"],
        ["Ann Lee", "Ben Cho"],
        [
            *((v.candidate, v.question, v.member, v.value) for v in first.votes),
            ("p1", "q2", "m1", "middle", 2),
            ("p1", "q2", "m2", "middle", 2),
        ],
        rounds=[("p1", "q2", 2)],
    )
    said = "1 answer was voted on again after the panel had seen the reference. Your figures"
    ann, _ = trainee_sheets(again)
    assert said in ann.html
    assert "Matched the reference on 1 of 2 answers" in ann.html  # the first round counted
    assert all("voted on again" not in sheet.html for sheet in trainee_sheets(first))
    # Found by a review: only the trainees who voted again are told so; Ann gave
    # no vote in round 2 here, and Ben's is still sealed in the next.
    only_ben = practice(
        ["up", "middle"],
        ["Ann Lee", "Ben Cho"],
        [
            *((v.candidate, v.question, v.member, v.value) for v in first.votes),
            ("p1", "q2", "m2", "middle", 2),
        ],
        rounds=[("p1", "q2", 2)],
    )
    ann, ben = trainee_sheets(only_ben)
    assert "voted on again" not in ann.html and "voted on again" not in ben.html  # sealed
    # Round 2 still sealed leaves nothing of round 1 out, so no page speaks of it (every
    # page said "1 answer still sealed is left out": found by a tester).
    for sheet in (ann, ben):
        assert "still sealed" not in sheet.html and "not counted here yet" not in sheet.html
    shown = only_ben.model_copy(
        update={"settings": only_ben.settings.model_copy(update={"sealed": False})}
    )
    ann, ben = trainee_sheets(shown)
    assert "voted on again" not in ann.html and said in ben.html


def test_sheets_are_refused_for_live_rounds_and_totals_only() -> None:
    with pytest.raises(SheetError, match="not a practice round"):
        trainee_sheets(build_session())
    with pytest.raises(SheetError, match="each shows one trainee's own votes"):
        trainee_sheets(rehearsal(), ExportOptions(totals_only=True))


def test_anonymised_sheets_show_seats_only() -> None:
    ann, _ = trainee_sheets(rehearsal(), ExportOptions(anonymise=True))
    # The session id is replaced too (it may hold a name), by the day the panel
    # sat (its votes are on 23 November; it was made on the 30th) and the bank.
    assert ann.file_name == "2026-11-23-practice-seat-1.html" and "Ann" not in ann.html


def test_the_command_writes_a_folder_of_sheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(tmp_path / "sessions")
    store.save(rehearsal())
    data = ["--data-dir", str(tmp_path / "sessions")]
    out = tmp_path / "sheets"
    assert main([*data, "export", "r2", "--format", "trainee-sheets", "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "r2-seat-1-script-alert-1-script-ann.html",
        "r2-seat-2-ben-cho.html",
    ]
    capsys.readouterr()  # the "Wrote" lines
    assert main([*data, "export", "r2", "--format", "trainee-sheets", "-o", str(out)]) == 1
    said = capsys.readouterr().err
    assert "already exist, so nothing was written" in said
    # Every sheet in the way is named, as for member sheets (only the first was).
    assert str(out / "r2-seat-1-script-alert-1-script-ann.html") in said
    assert str(out / "r2-seat-2-ben-cho.html") in said
    assert (
        main([*data, "export", "r2", "--format", "trainee-sheets", "-o", str(out), "--force"]) == 0
    )
    capsys.readouterr()
    assert main([*data, "export", "r2", "--format", "trainee-sheets"]) == 1
    assert "name a folder with -o" in capsys.readouterr().err


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on the PATH")
def test_a_sheet_prints_on_one_a4_page_without_requests(tmp_path: Path) -> None:
    sheet = trainee_sheets(rehearsal())[0]
    page = tmp_path / sheet.file_name
    page.write_text(sheet.html, encoding="utf-8")
    pdf = tmp_path / "sheet.pdf"
    assert chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer") == []
    assert pdf_pages(pdf) == 1


#: As far from each reference rating as a thumb goes (from the middle, up: "more
#: generous" is the longer word).
FAR: dict[Rating, VoteValue] = {"up": "down", "middle": "up", "down": "up"}
FOOTER = "Made with panel-tui for a practice round. This sheet holds only your own thumbs."


def practice_bank(answers: int = 3) -> Bank:
    """The shipped practice bank (3 sample answers a question), or with its sample
    answers given again up to ``answers`` a question, so as many mock candidates."""
    bank = load_bank(locations.shipped_banks_dir() / "practice-support-worker.toml")
    questions = [
        q.model_copy(update={"sample_answers": [*islice(cycle(q.sample_answers), answers)]})
        for q in bank.questions
    ]
    return Bank.model_validate(bank.model_copy(update={"questions": questions}).model_dump())


def far_from_the_reference(bank: Bank, weeks: int = 0) -> Session:
    """A rehearsal on ``bank`` with every mock candidate heard on every question, in
    which every trainee scored every answer as far from the reference as a thumb can."""
    created = T0 + timedelta(weeks=weeks)
    session = practice_session(bank).model_copy(update={"id": f"week-{weeks}", "created": created})
    votes = [
        VoteEvent(candidate=c.id, question=q.id, member=m.id, value=FAR[sample.rating], at=created)
        for c in session.candidates
        for q in session.bank.questions
        if (sample := session.sample_answer(c.id, q.id)) is not None
        for m in session.voting_members
    ]
    return session.model_copy(update={"votes": votes})


def printed_far_sheet(bank: Bank, rehearsals: int, work: Path) -> list[str]:
    """The text on each A4 page Chromium prints of a trainee's sheet, far from the
    reference on every answer in each of ``rehearsals`` weekly rehearsals on ``bank``."""
    history = [far_from_the_reference(bank, weeks) for weeks in range(rehearsals)]
    sheet = trainee_sheets(history[-1], ExportOptions(rehearsals=history))[0]
    page = work / sheet.file_name
    page.write_text(sheet.html, encoding="utf-8")
    return printed_texts(page, work)


def test_the_shipped_practice_banks_largest_round_has_a_row_per_answer() -> None:
    # The case the one-page test below prints: its 3 mock candidates on its 4
    # questions (a mock candidate for each sample answer of a question).
    bank = practice_bank()
    session = far_from_the_reference(bank)
    assert len(session.candidates) == 3 and len(bank.questions) == 4
    sheet = trainee_sheets(session)[0]
    assert "Matched the reference on 0 of 12 answers" in sheet.html
    assert sheet.html.count('<td class="vote">') == 2 * 12  # a row for every answer
    # Each question is said once, over its answers, in the bank's order.
    assert sheet.html.count("Question 2: Someone you support") == 1
    assert sheet.html.index("Question 1:") < sheet.html.index("Question 2:")


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="no chromium or pdftotext")
def test_a_trainee_far_from_the_reference_prints_on_one_a4_page(tmp_path: Path) -> None:
    # Found by a trainer: a trainee who scored many answers away from the reference
    # was handed two sheets of paper, the second holding one row and the footer.
    # Here every answer of the shipped practice bank's largest round is away.
    (page,) = printed_far_sheet(practice_bank(), 1, tmp_path)
    assert FOOTER in page
    assert page.count("Mock C") == 4  # the last mock candidate's every answer


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="no chromium or pdftotext")
@pytest.mark.parametrize(
    ("answers", "rehearsals"),
    [
        (3, 4),  # the case above, with progress over a month of weekly rehearsals
        (10, 1),  # as many sample answers as a question may hold: 10 mock candidates
    ],
)
def test_a_sheet_longer_than_a_page_never_prints_the_footer_alone(
    answers: int, rehearsals: int, tmp_path: Path
) -> None:
    texts = printed_far_sheet(practice_bank(answers), rehearsals, tmp_path)
    assert len(texts) > 1
    assert FOOTER in texts[-1]
    assert texts[-1].replace(FOOTER, "").strip(), "the last page holds only the footer"
    # A question is printed whole, on the page of its heading with all its answers.
    for text in texts:
        assert text.count("Mock ") == answers * len(re.findall(r"Question \d:", text))
    if rehearsals > 1:  # the progress moves whole, every rehearsal with its heading
        assert "Your progress over rehearsals" in texts[-1]
        assert texts[-1].count("Practice: support worker (mock interviews)") == rehearsals


def test_a_trainee_with_no_votes_shown_is_not_told_every_thumb_matched() -> None:
    # Ben has not voted yet, so q1 is still sealed and Ann's vote is left out too.
    waiting = practice(["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "down")])
    ann, _ = trainee_sheets(waiting)
    assert "No votes yet on answers with a reference rating." in ann.html
    assert "every thumb you gave matched" not in ann.html
    assert "None yet: no vote of yours on an answer with a reference rating is shown." in ann.html


def test_a_sheet_says_which_votes_came_after_the_reference_was_shown() -> None:
    # Both voted on q2 (reference up) while sealed. On q1 Ann voted, the chair
    # showed the votes early, then Ben gave his vote and Ann changed hers.
    rows = [("p1", "q1", "m1", "down"), ("p1", "q2", "m1", "up"), ("p1", "q2", "m2", "middle")]
    sealed = practice(["up", "up"], ["Ann Lee", "Ben Cho"], rows)
    ann, ben = trainee_sheets(shown_early_then_voted(sealed, ("m2", "up"), ("m1", "up")))
    assert (
        "Matched the reference on 1 of 1 answer, and overall neither more generous nor "
        "harsher on average (0.00). Left out: 1 vote given or changed after the reference "
        "was shown."
    ) in ann.html
    assert "Matched the reference on 0 of 1 answer" in ben.html
    assert "Left out: 1 vote given or changed after the reference was shown." in ben.html
    # With only votes given after, nothing is counted, and the sheet says why.
    (only,) = trainee_sheets(shown_early_then_voted(practice(["up"], ["Ann Lee"]), ("m1", "up")))
    assert "No vote counted: each was given or changed after the reference was shown." in only.html


def test_the_summarys_sheets_go_in_a_folder_of_their_own_and_say_what_is_not_counted_yet(
    tmp_path: Path,
) -> None:
    # Ben has not voted yet, so q1 is still sealed: Ann's sheet says her vote is left out.
    # (Found by a review: the summary screen took the sealed votes out before the
    # sheets could count them, and the sheets never said so.) The sessions folder
    # is refused by the summary itself: tests/ui/test_export_flow.py.
    waiting = practice(["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "down")])
    assert sheets_of(waiting) == TRAINEE_SHEETS
    plan = plan_export(waiting, [TRAINEE_SHEETS], tmp_path / "exports")
    (sheets,) = plan.formats
    assert sheets.path == tmp_path / "exports" / f"{waiting.id}-trainee-sheets"
    write_plan(plan)
    paths = sorted(sheets.path.iterdir())
    assert len(paths) == 2
    # Only Ann's page says her vote is not counted yet, in plain words; Ben gave none.
    ann, ben = (path.read_text() for path in paths)
    assert (
        "Your vote on 1 answer the panel was still voting on is not counted here yet: it "
        "will count once the votes on that answer are shown."
    ) in ann
    assert "not counted here yet" not in ben and "still sealed" not in ann + ben
    # A live round's are member sheets.
    assert sheets_of(build_session()) == MEMBER_SHEETS


def test_all_writes_a_practice_rounds_trainee_sheets_as_the_sheets_format_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by a review: a practice round's "all" wrote member sheets ("Candidate Mock A:
    # the panel has not decided yet") and no trainee sheets, where the summary's Sheets
    # key writes trainee sheets.
    store = Store(tmp_path / "sessions")
    store.save(practice(["up"], ["Ann Lee"], [("p1", "q1", "m1", "down")], session_id="r1"))
    store.save(rehearsal(names=("Ann Lee", "Ben Cho")))
    data = ["--data-dir", str(tmp_path / "sessions")]
    alone, every = tmp_path / "sheets", tmp_path / "hr"
    assert main([*data, "export", "r2", "--format", "trainee-sheets", "-o", str(alone)]) == 0
    assert main([*data, "export", "r2", "--format", "all", "-o", str(every)]) == 0
    sheets = every / "r2-trainee-sheets"
    assert not (every / "r2-member-sheets").exists()
    pages = {p.name: p.read_text(encoding="utf-8") for p in sheets.iterdir()}
    assert pages == {p.name: p.read_text(encoding="utf-8") for p in alone.iterdir()}
    assert "Your progress over rehearsals" in pages["r2-seat-1-ann-lee.html"]  # rehearsals too
    said = capsys.readouterr().err
    assert f"Wrote {sheets / 'r2-seat-2-ben-cho.html'}" in said
    # Totals only: left out, as each shows one trainee's own votes, in one line.
    totals = tmp_path / "totals"
    assert main([*data, "export", "r2", "--format", "all", "--totals-only", "-o", str(totals)]) == 0
    assert not any(p.is_dir() for p in totals.iterdir())
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Trainee sheets were not written: each shows one trainee's own votes, "
        "and this copy is totals only."
    )


def test_an_abstention_on_a_sealed_answer_is_not_promised_to_count() -> None:
    # Ann abstained on q1 and Ben has not voted, so q1 is still sealed: an abstention
    # never counts, so Ann's sheet promises nothing (found by a review).
    ann, ben = trainee_sheets(practice(["up"], ["Ann", "Ben"], [("p1", "q1", "m1", "abstain")]))
    assert "not counted here yet" not in ann.html + ben.html
