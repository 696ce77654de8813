"""Two panels matched up: one round heard by two panels in separate rooms.

Some organisations run a lived-experience panel and a staff panel side by side,
then match up the scores (PRODUCT.md section 8). :func:`combine_sessions` joins
two sessions that interviewed the same candidates: candidates are matched by
their code, capitals aside (``session_checks.code_key``), and questions by their
id, exactly as written. What does not match is named and left out, never guessed.

Every figure comes from :func:`panel_tui.domain.scoring.score_session`: each
panel is scored by its own rule on a copy of its session that holds only the
matched candidates and questions, so a question one bank lacks cannot tip the
other panel's score. The joint score of an answer is panel A's score times the
agreed share plus panel B's score times the rest, when both panels scored it; a
candidate's joint score and gap are taken over the questions both panels scored,
each panel's by its own bank's weights, as the session's voice gap is (none when
there is no such question), and the joint ranking follows the same tie rules as
every ranking (section 4).
"""

from __future__ import annotations

import dataclasses

from panel_tui.domain.exports.early import NOBODY, early_reveal_views
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.joint import Combined, JointCandidate, JointQuestion, Panel, panel_names
from panel_tui.domain.models import Candidate, Session
from panel_tui.domain.scoring import (
    CandidateResult,
    Results,
    Tally,
    combine,
    rank,
    score_session,
    weighted_mean,
)
from panel_tui.domain.session_checks import code_key, repeated_codes
from panel_tui.domain.words import (
    THE_DEMO,
    counted,
    days_words,
    question_name,
    sealed_words,
)

#: The joint summary counts the members who voted after an early reveal, never names them.
COUNTED_ONLY = ExportOptions(totals_only=True)


class CombineError(Exception):
    """Two sessions that cannot be matched up, in plain words."""


def _restricted(session: Session, codes: set[str], questions: list[str]) -> Session:
    """The session with only the matched candidates and questions, for scoring."""
    keep = {c.id for c in session.candidates if code_key(c.code) in codes}
    wanted = set(questions)

    def kept(candidate: str, question: str | None = None) -> bool:
        return candidate in keep and (question is None or question in wanted)

    bank = session.bank.model_copy(
        update={"questions": [q for q in session.bank.questions if q.id in wanted]}
    )
    return session.model_copy(
        update={
            "bank": bank,
            "candidates": [c for c in session.candidates if c.id in keep],
            "votes": [v for v in session.votes if kept(v.candidate, v.question)],
            "notes": [n for n in session.notes if kept(n.candidate, n.question)],
            "reveals": [r for r in session.reveals if kept(r.candidate, r.question)],
            "decisions": [d for d in session.decisions if kept(d.candidate)],
            "cursor": None,
        }
    )


def _panel(name: str, session: Session, method: str) -> Panel:
    when = days_words(session.vote_days)
    return Panel(name, session.id, session.title, when, method, finished=session.finished)


def _only_in(kind: str, panel: str, names: list[str], others: list[str]) -> list[str]:
    """Each unmatched name in words, with a near match in the other panel pointed out."""
    lines = []
    for name in names:
        line = f"{kind} {name} is only in {panel}, so it is left out."
        near = [o for o in others if o.casefold().strip() == name.casefold().strip()]
        if near:
            line += (
                f" The other panel has {near[0]}, written differently: if they are the "
                "same, write them alike in both sessions."
            )
        lines.append(line)
    return lines


def combine_sessions(a: Session, b: Session, share: float = 0.5) -> Combined:
    """Match up two panels' sessions.

    Args:
        a: panel A's session (often the lived-experience panel).
        b: panel B's session.
        share: how much panel A's score counts in the joint score, 0 to 1.

    Raises:
        CombineError: the same session twice, a practice round beside a live
            one, a share outside 0 to 1, or no candidate or no question in common.
    """
    if not 0 <= share <= 1:
        raise CombineError(f"The share must be between 0 and 1 (for example 0.5), not {share:g}.")
    if a.id == b.id:
        raise CombineError(f"Both sessions are {a.id}: give the two panels' sessions.")
    if a.mode != b.mode:
        raise CombineError(_never_joined(a, b))
    # Each panel by the name the tables give it, in every line (found in testing: the
    # lines said "panel A" under tables that said "Lived-experience panel").
    name_of_a, name_of_b = panel_names(a.title, b.title)
    codes_a, codes_b = _codes_told_apart(a), _codes_told_apart(b)
    common_codes = [code for code in codes_a if code_key(code) in set(map(code_key, codes_b))]
    common_keys = {code_key(code) for code in common_codes}  # common_codes as A writes them
    ids_a = [q.id for q in a.bank.questions]
    ids_b = [q.id for q in b.bank.questions]
    common_ids = [qid for qid in ids_a if qid in set(ids_b)]
    left_out = [
        *_only_in("Candidate", name_of_a, [c for c in codes_a if c not in common_codes], []),
        *_only_in(
            "Candidate", name_of_b, [c for c in codes_b if code_key(c) not in common_keys], []
        ),
        *_only_in("Question", name_of_a, [q for q in ids_a if q not in common_ids], ids_b),
        *_only_in("Question", name_of_b, [q for q in ids_b if q not in common_ids], ids_a),
    ]
    if not common_codes:
        raise CombineError(
            f"{a.id} and {b.id} have no candidate code in common, so there is nothing "
            "to match up. Candidates are matched by their code (capitals aside)."
        )
    if not common_ids:
        raise CombineError(
            f"{a.id} and {b.id} have no question id in common, so there is nothing to "
            "match up. Questions are matched by their id, exactly as written."
        )
    # First, as it bears on every figure (found by an HR officer: a joint ranking made
    # while one panel's session was still open read as final).
    warnings = [
        f"{panel} ({session.id}) is not finished: its votes and decisions may still "
        "change, and so may this joint ranking."
        for session, panel in ((a, name_of_a), (b, name_of_b))
        if not session.finished
    ]
    for code in common_codes:
        name_a, name_b = _with_code(a, code).name, _with_code(b, code).name
        if (written := _with_code(b, code).code) != code:
            warnings.append(
                f"Candidate {code} is written {written} in {name_of_b}; they are matched as one."
            )
        if name_a and name_b and name_a != name_b:
            warnings.append(
                f"Candidate {code} is named {name_a} in {name_of_a} and {name_b} in {name_of_b}: "
                "check that they are the same person."
            )
    # Each panel as its room may see it: votes still sealed count nowhere yet.
    shown_a, shown_b = a.as_shown(), b.as_shown()
    for shown, panel in ((shown_a, name_of_a), (shown_b, name_of_b)):
        if not shown.votes:
            warnings.append(f"{panel} ({shown.id}) has no votes to count yet, so it has no scores.")
    sealed_a = _sealed(a, common_codes, common_ids)
    sealed_b = _sealed(b, common_codes, common_ids)
    for session, panel, sealed in ((a, name_of_a, sealed_a), (b, name_of_b, sealed_b)):
        if sealed:  # in the words of the session's own export (found by a tester)
            which = [f"{question_name(ids_a.index(q) + 1)} for {c}" for c, q in sealed]
            warnings.append(f"{panel} ({session.id}): {sealed_words(len(sealed), which)}")
    for qid in common_ids:
        qa, qb = a.bank.question(qid), b.bank.question(qid)
        if qa.text != qb.text:
            warnings.append(f"Question {qid} is worded differently in the two banks.")
        if qa.weight != qb.weight:
            warnings.append(
                f"Question {qid} counts {qa.weight:g} times in the bank of {name_of_a} and "
                f"{qb.weight:g} times in the bank of {name_of_b}; each panel's score uses its "
                "own."
            )
    matched_a = _restricted(shown_a, common_keys, common_ids)
    matched_b = _restricted(shown_b, common_keys, common_ids)
    scored_a, scored_b = score_session(matched_a), score_session(matched_b)
    rankings = (scored_a.ranking, scored_b.ranking)
    still_sealed = (set(sealed_a), set(sealed_b))
    joint = [
        _joint_candidate(a, b, code, common_ids, rankings, still_sealed, share)
        for code in common_codes
    ]
    ranked = _ranked(joint)
    return Combined(
        a=_panel(name_of_a, a, scored_a.method),
        b=_panel(name_of_b, b, scored_b.method),
        share=share,
        ranking=ranked,
        left_out=left_out,
        warnings=warnings,
        early_reveals=[
            *_early_lines(name_of_a, matched_a, scored_a),
            *_early_lines(name_of_b, matched_b, scored_b),
        ],
        mode=a.mode,  # the same as b's: sessions of two kinds are refused above
    )


def _sealed(session: Session, codes: list[str], questions: list[str]) -> list[tuple[str, str]]:
    """The matched answers still sealed in a session, as (code as panel A writes it,
    question id), in the order of the tables."""
    sealed = session.sealed_answers()
    ids = {code: _with_code(session, code).id for code in codes}
    return [(code, q) for code in codes for q in questions if (ids[code], q) in sealed]


def _with_code(session: Session, code: str) -> Candidate:
    """The candidate whose code is ``code``, capitals aside."""
    return next(c for c in session.candidates if code_key(c.code) == code_key(code))


def _codes_told_apart(session: Session) -> list[str]:
    """The session's codes; refused when kept before codes had to differ by more than capitals."""
    codes = [c.code for c in session.candidates]
    if repeated := repeated_codes(codes):
        index, earlier = next(iter(repeated.items()))
        raise CombineError(
            f"{session.id} has the candidates {codes[earlier]} and {codes[index]}, whose codes "
            "differ only in capitals, so they cannot be matched up. Give one another code."
        )
    return codes


def _early_lines(panel: str, session: Session, results: Results) -> list[str]:
    """One panel's early reveals on matched answers, in words (members counted, not named)."""
    return [
        f"{panel}, {view.candidate}, {question_name(view.number)} ({view.text}): the votes "
        f"were shown when {view.voted}, and {_lower(view.after)} voted after that."
        for view in early_reveal_views(session, results, {}, COUNTED_ONLY)
    ]


def _lower(after: str) -> str:
    """Who voted after, within a sentence: "nobody" rather than "Nobody"."""
    return "nobody" if after == NOBODY else after


def _joint_candidate(
    a: Session,
    b: Session,
    code: str,
    questions: list[str],
    rankings: tuple[list[CandidateResult], list[CandidateResult]],
    sealed: tuple[set[tuple[str, str]], set[tuple[str, str]]],
    share: float,
) -> JointCandidate:
    """One candidate matched up: each answer with both panels' scores (and whether it is
    still sealed in either), the joint and the gap over those both panels scored."""
    ranking_a, ranking_b = rankings
    candidate_a, candidate_b = _with_code(a, code), _with_code(b, code)
    result_a = next(r for r in ranking_a if r.candidate == candidate_a.id)
    result_b = next(r for r in ranking_b if r.candidate == candidate_b.id)
    by_question_a = {q.question: q.score for q in result_a.questions}
    by_question_b = {q.question: q.score for q in result_b.questions}
    numbers = {q.id: n for n, q in enumerate(a.bank.questions, start=1)}
    rows = [
        JointQuestion(
            question=qid,
            number=numbers[qid],
            text=a.bank.question(qid).text,
            a=by_question_a[qid],
            b=by_question_b[qid],
            joint=_joint(by_question_a[qid], by_question_b[qid], share),
            a_sealed=(code, qid) in sealed[0],
            b_sealed=(code, qid) in sealed[1],
        )
        for qid in questions
    ]
    # Over the questions both panels scored, as the session's voice gap (found by a
    # co-production lead: one panel's five questions against the other's one put the
    # joint above every answer's joint, and first in the ranking).
    both = [row.question for row in rows if row.joint is not None]
    shared_a = weighted_mean((a.bank.question(q).weight, by_question_a[q]) for q in both)
    shared_b = weighted_mean((b.bank.question(q).weight, by_question_b[q]) for q in both)
    gap = None if shared_a is None or shared_b is None else shared_a - shared_b
    return JointCandidate(
        code=code,
        name=candidate_a.name or candidate_b.name,
        a=result_a.score,
        b=result_b.score,
        joint=_joint(shared_a, shared_b, share),
        rank=None,
        questions=rows,
        a_scored=result_a.scored,
        b_scored=result_b.scored,
        gap=gap,
    )


def _joint(a: float | None, b: float | None, share: float) -> float | None:
    """Both panels' scores by the share: none unless both panels scored (one alone
    never stands for the two)."""
    if a is None or b is None:
        return None
    # The same combination of two means by a share as the lived-experience rule.
    return combine(a, b, "lived_experience_share", share)


def _ranked(joint: list[JointCandidate]) -> list[JointCandidate]:
    """The joint ranking, by the one ranking rule of section 4."""
    stand_ins = [
        CandidateResult(
            candidate=c.code,
            questions=[],
            score=c.joint,
            rank=None,
            tally=Tally(),
            lived_experience_score=None,
            professional_score=None,
        )
        for c in joint
    ]
    by_code = {c.code: c for c in joint}
    ranked = rank(stand_ins, {c.code: c.label for c in joint})
    return [dataclasses.replace(by_code[r.candidate], rank=r.rank) for r in ranked]


def summary_line(combined: Combined) -> str:
    """One line for the terminal: what was matched and what was left out."""
    matched = counted(len(combined.ranking), "candidate")
    questions = counted(len(combined.ranking[0].questions), "question") if combined.ranking else ""
    line = f"Matched {matched} on {questions}."
    if combined.left_out:
        line += f" Left out: {counted(len(combined.left_out), 'item')} (named in the summary)."
    if still_open := [p.name for p in (combined.a, combined.b) if not p.finished]:
        line += (
            f" Not finished yet, so the joint figures may still change: {' and '.join(still_open)}."
        )
    return line


def _never_joined(a: Session, b: Session) -> str:
    """Why a demo or practice session is never combined with a session of another kind."""
    demo = next((s for s in (a, b) if s.mode == "demo"), None)
    if demo is not None:
        other = b if demo is a else a
        kind = "live" if other.mode == "live" else "a practice round"
        return (
            f"{demo.id} is {THE_DEMO}, and the other session is {kind}: "
            "its scores must never join a real recruitment decision."
        )
    practice = a if a.mode == "practice" else b
    return (
        f"{practice.id} is a practice round with mock candidates, and the other session "
        "is live: a rehearsal's scores must never join a real recruitment decision."
    )
