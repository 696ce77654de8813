"""Properties: import of an export gives an equal session; order never changes results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from panel_tui.domain.exports.json_record import export_json
from panel_tui.domain.importing import parse_session
from panel_tui.domain.models import (
    Bank,
    Candidate,
    Member,
    Note,
    Question,
    Session,
    Settings,
    VoteEvent,
)
from panel_tui.domain.scoring import score_session

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# Names from people: any printable text, including markup, quotes and other scripts.
names = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x85",
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() == s and s != "")


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    n_questions = draw(st.integers(1, 4))
    questions = [
        Question(
            id=f"q{n}",
            text=draw(names),
            weight=draw(st.sampled_from([0.5, 1.0, 2.0, 3.0])),
            essential=draw(st.booleans()),
        )
        for n in range(n_questions)
    ]
    roles = draw(
        st.lists(
            st.sampled_from(["lived_experience", "professional", "observer"]),
            min_size=1,
            max_size=6,
        )
    )
    panel = [
        Member(id=f"m{n}", name=draw(names), role=role, seat=n + 1)  # type: ignore[arg-type]
        for n, role in enumerate(roles)
    ]
    candidates = [
        Candidate(id=f"c{n}", code=f"C{n}", name=draw(st.none() | names))
        for n in range(draw(st.integers(1, 4)))
    ]
    voters = [m.id for m in panel if m.role != "observer"]
    votes = []
    if voters:
        for n in range(draw(st.integers(0, 25))):
            votes.append(
                VoteEvent(
                    candidate=draw(st.sampled_from([c.id for c in candidates])),
                    question=draw(st.sampled_from([q.id for q in questions])),
                    member=draw(st.sampled_from(voters)),
                    value=draw(st.sampled_from(["up", "middle", "down", "abstain", None])),
                    at=T0 + timedelta(seconds=n),
                )
            )
    notes = [
        Note(candidate=candidates[0].id, question=questions[0].id, text=draw(names), at=T0)
        for _ in range(draw(st.integers(0, 2)))
    ]
    weighting = draw(st.sampled_from(["per_person", "equal_groups", "lived_experience_share"]))
    return Session(
        id="s-1",
        title=draw(names),
        created=T0,
        settings=Settings(
            sealed=draw(st.booleans()),
            weighting=weighting,  # type: ignore[arg-type]
            lived_experience_share=draw(st.sampled_from([0.0, 0.3, 0.5, 1.0])),
        ),
        bank=Bank(id="b", title=draw(names), questions=questions),
        panel=panel,
        candidates=candidates,
        votes=votes,
        notes=notes,
    )


@settings(max_examples=60, deadline=None)
@given(sessions())
def test_import_of_an_export_gives_an_equal_session(session: Session) -> None:
    assert parse_session(export_json(session).encode(), "x.json") == session


def _figures(session: Session) -> dict[str, tuple[object, ...]]:
    results = score_session(session)
    return {
        r.candidate: (
            r.rank,
            None if r.score is None else round(r.score, 9),
            r.tally,
            sorted(r.splits),
            sorted(r.concerns),
            None if r.voice_gap is None else round(r.voice_gap, 9),
        )
        for r in results.ranking
    }


@settings(max_examples=60, deadline=None)
@given(sessions(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_candidates_members_or_questions(
    session: Session, rng: object
) -> None:
    import random

    assert isinstance(rng, random.Random)
    shuffled = session.model_copy(
        update={
            "candidates": rng.sample(session.candidates, len(session.candidates)),
            "panel": rng.sample(session.panel, len(session.panel)),
            "bank": session.bank.model_copy(
                update={
                    "questions": rng.sample(session.bank.questions, len(session.bank.questions))
                }
            ),
        }
    )
    assert _figures(shuffled) == _figures(session)
