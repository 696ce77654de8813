"""--anonymise and --totals-only, in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.exports import FORMATS, ExportOptions, render
from panel_tui.domain.exports.anonymise import anonymised
from panel_tui.domain.exports.spreadsheets import TOTAL_COLUMNS
from panel_tui.domain.models import Session, VoteEvent
from panel_tui.domain.records import AnswerTime, Cursor
from panel_tui.domain.scoring import score_session
from panel_tui.domain.sessions import practice_session
from tests.exports.helpers import NAME_WORDS, NOTES, PRONOUNS, T0, VOTES, build_session

ANONYMOUS = [ExportOptions(anonymise=True), ExportOptions(anonymise=True, totals_only=True)]
TOTALS = [ExportOptions(totals_only=True), ExportOptions(anonymise=True, totals_only=True)]


def _with_names_as_ids() -> Session:
    """The fixed session, but with ids made from names, as a hand-made file may have."""
    text = build_session().model_dump_json()
    for old, new in {
        "m1": "okafor",
        "m2": "priya-s",
        "m3": "reilly",
        "m4": "hannah",
        "m5": "marsh",
        "c1": "morgan",
        "c2": "jordan",
        "c3": "evans",
        "c4": "patel",
    }.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    session = Session.model_validate_json(text)
    assert session.panel[0].id == "okafor"  # the ids really changed
    return session


# -------------------------------------------------------------------- anonymise


@pytest.mark.parametrize("options", ANONYMOUS, ids=["anonymise", "anonymise+totals"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("make", [build_session, _with_names_as_ids], ids=["ids", "name-ids"])
def test_anonymise_leaves_no_name_anywhere(make: object, fmt: str, options: ExportOptions) -> None:
    session = make()  # type: ignore[operator]
    text = render(session, fmt, options).casefold()
    found = [word for word in (*NAME_WORDS.values(), *PRONOUNS) if word.casefold() in text]
    assert found == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_names_are_there_without_anonymise(fmt: str) -> None:
    # So the search above would find a name that got through.
    text = render(build_session(), fmt)
    if fmt != "involvement-csv":  # the involvement record names no candidate
        assert all(NAME_WORDS[c] in text for c in ("c1", "c2", "c3"))
    if fmt != "csv":  # the candidates CSV has no member names
        assert NAME_WORDS["m1"] in text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_anonymise_keeps_the_notes(fmt: str) -> None:
    text = render(build_session(), fmt, ExportOptions(anonymise=True))
    assert "Warm and specific." in text
    assert "calm" in text and "worrying" in text


def test_anonymised_session_has_seat_labels_codes_and_the_same_figures() -> None:
    session = build_session()
    hidden = anonymised(session)
    assert [(m.seat, m.name, m.pronouns) for m in hidden.panel] == [
        (m.seat, f"Seat {m.seat}", None) for m in session.panel
    ]
    assert [c.label for c in hidden.candidates] == [c.code for c in session.candidates]
    assert [n.text for n in hidden.notes] == [n.text for n in session.notes]
    before, after = score_session(session), score_session(hidden)
    assert [(r.rank, r.score, r.tally, r.voice_gap) for r in before.ranking] == [
        (r.rank, r.score, r.tally, r.voice_gap) for r in after.ranking
    ]
    assert before.method == after.method


def test_anonymised_session_renames_the_answers_the_panel_left_too() -> None:
    # Found by a review: the cursor's answers left (each with the time spent on it)
    # kept their candidate ids, which anonymising renames, and the copy was refused.
    session = _with_names_as_ids()
    first, second = (q.id for q in session.bank.questions[:2])
    left = [AnswerTime(candidate=c.id, question=first, elapsed=30) for c in session.candidates]
    cursor = Cursor(candidate="morgan", question=second, elapsed=5, left=left)
    hidden = anonymised(session.model_copy(update={"cursor": cursor}))
    ids = [c.id for c in hidden.candidates]
    assert hidden.cursor is not None and hidden.cursor.candidate == ids[0]
    assert [(t.candidate, t.elapsed) for t in hidden.cursor.left] == [(i, 30) for i in ids]
    assert "morgan" not in hidden.model_dump_json()


def test_anonymised_csv_names_candidates_by_code_and_members_by_seat() -> None:
    text = render(build_session(), "votes-csv", ExportOptions(anonymise=True))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["candidate"] for r in rows} == {"C1", "C2", "'+1"}
    assert {r["member"] for r in rows} == {"Seat 1", "Seat 2", "Seat 3", "Seat 4"}


# ------------------------------------------------------------------ totals only


def _swap_members(a: str, b: str) -> Session:
    """The fixed session with every vote of members a and b swapped."""
    swap = {a: b, b: a}
    return build_session(
        [(c, q, swap.get(m, m), v, after, undo) for c, q, m, v, after, undo in VOTES]
    )


@pytest.mark.parametrize("options", TOTALS, ids=["totals", "totals+anonymise"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_totals_only_cannot_tell_who_voted_what(fmt: str, options: ExportOptions) -> None:
    # Seats 1 and 2 are both lived-experience members: swapping all their votes
    # keeps every total, so an export that shows no individual vote cannot change.
    assert render(build_session(), fmt, options) == render(_swap_members("m1", "m2"), fmt, options)


@pytest.mark.parametrize("fmt", ["md", "html", "votes-csv", "json"])
def test_without_totals_only_the_swap_shows(fmt: str) -> None:
    # So the test above would catch an individual vote that got through.
    assert render(build_session(), fmt) != render(_swap_members("m1", "m2"), fmt)


def test_totals_only_votes_csv_holds_a_row_of_totals_per_question() -> None:
    rows = list(
        csv.reader(
            io.StringIO(render(build_session(), "votes-csv", ExportOptions(totals_only=True)))
        )
    )
    assert tuple(rows[0]) == TOTAL_COLUMNS
    assert len(rows) == 1 + 4 * 3  # four candidates, three questions
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["question_id"], first["up"], first["middle"], first["down"]) == (
        "why",
        "3",
        "1",
        "0",
    )
    assert "member" not in rows[0] and "seat" not in rows[0]


def test_totals_only_json_drops_the_vote_log_and_says_so() -> None:
    session = build_session()
    record = json.loads(render(session, "json", ExportOptions(totals_only=True)))
    assert record["votes"] == []
    assert record["export"] == {"anonymised": False, "totals_only": True, "notes_left_out": True}
    # The figures are kept, as every export gives them: an answer still sealed is
    # left out (this session has one) and named.
    sealed = session.sealed_answers()
    assert sealed
    assert [r["score_pct"] for r in record["results"]["ranking"]] == [
        r.score_pct for r in score_session(session.as_shown()).ranking
    ]
    assert record["results"]["sealed_left_out"] == [
        {"candidate": c, "question": q} for c, q in sorted(sealed)
    ]


def test_plain_json_is_the_complete_record() -> None:
    record = json.loads(render(build_session(), "json"))
    assert len(record["votes"]) == len(VOTES)
    assert "export" not in record
    assert len(record["notes"]) == len(NOTES)


def test_totals_only_summary_counts_changes_without_saying_whose() -> None:
    text = render(build_session(), "md", ExportOptions(totals_only=True))
    assert "1 vote was given after the votes were shown." in text
    assert "changed from" not in text
    assert "Seat 3," not in text


def _one_professional() -> Session:
    """A panel of two lived-experience members and one professional."""
    text = build_session().model_dump()
    text["panel"] = [m for m in text["panel"] if m["id"] != "m4"]
    text["votes"] = [v for v in text["votes"] if v["member"] != "m4" and v["undoes"] is None]
    return Session.model_validate(text)


def test_totals_only_hides_a_voice_gap_that_is_one_members_vote() -> None:
    session = _one_professional()
    plain = render(session, "md")
    totals = render(session, "md", ExportOptions(totals_only=True))
    assert "points higher than" in plain
    assert "points higher than" not in totals
    assert "a group with one member would show that member's own votes" in totals
    rows = list(
        csv.DictReader(io.StringIO(render(session, "csv", ExportOptions(totals_only=True))))
    )
    assert {r["voice_gap_pct"] for r in rows} == {""}
    assert {r["professional_pct"] for r in rows} == {""}
    record = json.loads(render(session, "json", ExportOptions(totals_only=True)))
    assert [r["voice_gap"] for r in record["results"]["ranking"]] == [None] * 4
    assert json.loads(render(session, "json"))["results"]["ranking"][0]["voice_gap"] is not None


def test_totals_only_json_hides_a_question_gap_from_a_single_voice() -> None:
    # On C2's last question seat 2 abstained: seat 1 is the only lived-experience vote.
    def gaps(options: ExportOptions) -> dict[str, object]:
        record = json.loads(render(build_session(), "json", options))
        c2 = next(r for r in record["results"]["ranking"] if r["candidate"] == "c2")
        return {q["question"]: q["voice_gap"] for q in c2["questions"]}

    assert gaps(ExportOptions())["mistake"] is not None
    assert gaps(ExportOptions(totals_only=True)) == {**gaps(ExportOptions()), "mistake": None}


def _practice_round() -> Session:
    """A practice round on the shipped practice bank, every member voting."""
    bank = load_bank(locations.shipped_banks_dir() / "practice-support-worker.toml")
    session = practice_session(bank)
    values = ("up", "middle", "down", "up")
    votes = [
        VoteEvent(candidate=c.id, question=q.id, member=m.id, value=v, at=T0)  # type: ignore[arg-type]
        for c in session.candidates
        for q in session.bank.questions
        for m, v in zip(session.voting_members, values, strict=True)
    ]
    return session.model_copy(update={"votes": votes})


def test_practice_agreement_per_member_is_left_out_of_totals_only() -> None:
    session = _practice_round()
    plain = render(session, "md")
    totals = render(session, "md", ExportOptions(totals_only=True))
    assert "### Each trainee" in plain and "Seat 1, Sam Okafor" in plain
    assert "### Each trainee" not in totals
    assert "Fleiss' kappa" in totals  # a figure for the whole panel stays
    record = json.loads(render(session, "json", ExportOptions(totals_only=True)))
    assert record["results"]["practice"]["reference_agreement"] is None
    assert record["results"]["calibration"]["members"] is None
    assert record["results"]["practice"]["fleiss_kappa"] is not None
