"""A session opened for writing: every change is on disk when a method returns."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Self

from pydantic import ValidationError
from tinydb import TinyDB

from panel_tui.domain.models import (
    Cursor,
    Decision,
    NewRound,
    Note,
    Outcome,
    Reveal,
    Session,
    Settings,
    VoteEvent,
    VoteValue,
    now,
)
from panel_tui.domain.store.errors import SessionNotFound, StoreError, plain_os_error
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.storage import (
    SESSION_TABLE,
    AtomicJSONStorage,
    DamagedData,
    tables_to_record,
)


class OpenSession:
    """A session opened for writing: every change is on disk when a method returns.

    ``session`` is the state as it is on disk; screens read it after each call.
    """

    def __init__(self, path: Path, lock: SessionLock) -> None:
        self.path = path
        self._lock = lock
        self._db = TinyDB(path, storage=AtomicJSONStorage)
        session = self._from_disk()
        if session is None:
            raise SessionNotFound(f"There is no session file {path}.")
        self.session = session

    def _from_disk(self) -> Session | None:
        tables = self._db.storage.read()
        return None if tables is None else Session.model_validate(tables_to_record(tables))

    # -- writing ------------------------------------------------------------

    def _append(self, table: str, record: Any) -> None:
        try:
            self._db.table(table).insert(record.model_dump(mode="json"))
        except OSError as error:
            self._reload()
            raise plain_os_error(error, self.path) from None
        events = getattr(self.session, table)
        self.session = self.session.model_copy(update={table: [*events, record]})

    def _update_meta(self, **changes: Any) -> None:
        updated = self.session.model_copy(update=changes)
        record = updated.model_dump(mode="json", include=set(changes))
        try:
            self._db.table(SESSION_TABLE).update(record, doc_ids=[1])
        except OSError as error:
            self._reload()
            raise plain_os_error(error, self.path) from None
        self.session = updated

    def _reload(self) -> None:
        """After a failed write, take the state from disk again.

        A write can fail after the new file is in place (the folder's fsync), so
        the disk may hold the change: the screen then shows what the disk holds.
        """
        # If the disk cannot be read, the state in memory stays as before the write.
        with contextlib.suppress(OSError, DamagedData, ValidationError):
            self.session = self._from_disk() or self.session

    def record_vote(
        self, candidate: str, question: str, member: str, value: VoteValue | None
    ) -> VoteEvent:
        """Record a vote (``None`` withdraws one); returns once it is on disk."""
        if not self.session.member(member).votes:
            raise StoreError("Observers take notes and do not vote.")
        vote = self.session.new_vote(candidate, question, member, value)
        self._append("votes", vote)
        return vote

    def undo(self, candidate: str, question: str) -> VoteEvent | None:
        """Undo the last vote given on this answer, bringing back what stood before.

        Returns the event written, or ``None`` when there is nothing to undo.
        """
        found = self.session.undoable_vote(candidate, question)
        if found is None:
            return None
        index, vote = found
        revealed = self.session.is_revealed(candidate, question)
        # Once the votes show, an undo withdraws the vote rather than bring back
        # an earlier one the room may never have seen while it was sealed.
        restored = None if revealed else self.session.value_before(index)
        event = VoteEvent(
            candidate=candidate,
            question=question,
            member=vote.member,
            value=restored,
            at=now(),
            after_reveal=revealed and restored != vote.value,
            undoes=index,
            round=vote.round,
        )
        self._append("votes", event)
        return event

    def reveal(self, candidate: str, question: str) -> None:
        """Show the votes on an answer before everyone has voted."""
        if not self.session.is_revealed(candidate, question):
            number = self.session.round_of(candidate, question)
            self._append(
                "reveals", Reveal(candidate=candidate, question=question, at=now(), round=number)
            )

    def new_round(self, candidate: str, question: str) -> NewRound:
        """Practice only: ask the panel to vote on this answer again; earlier rounds are kept.

        Raises:
            StoreError: the session is live, or this round's votes are not shown yet.
        """
        try:
            started = self.session.next_round(candidate, question)
        except ValueError as error:
            raise StoreError(str(error)) from None
        self._update_meta(rounds=[*self.session.rounds, started])
        return started

    def add_note(self, candidate: str, question: str | None, text: str) -> Note:
        """Add a note on an answer (or on the candidate)."""
        note = Note(candidate=candidate, question=question, text=text, at=now())
        self._append("notes", note)
        return note

    def decide(self, candidate: str, outcome: Outcome, reason: str) -> Decision:
        """Record the panel's decision on a candidate (the latest one counts)."""
        decision = Decision(candidate=candidate, outcome=outcome, reason=reason, at=now())
        self._append("decisions", decision)
        return decision

    def move_to(self, candidate: str, question: str) -> None:
        """Remember where the panel is, so a restart resumes there."""
        cursor = Cursor(candidate=candidate, question=question)
        if cursor != self.session.cursor:
            self._update_meta(cursor=cursor)

    def change_settings(self, settings: Settings) -> None:
        """Change the settings; only before the first vote, as agreed beforehand."""
        if self.session.votes:
            raise StoreError("The scoring rule and sealing are fixed once the first vote is given.")
        self._update_meta(settings=settings)

    def set_finished(self, finished: bool = True) -> None:
        """Mark the session finished (or open it again).

        Finishing shows the votes on answers still sealed, as a reveal in the
        history, so the summary on screen and every export hold the same votes.
        """
        if finished:
            for candidate, question in sorted(self.session.sealed_answers()):
                self.reveal(candidate, question)
        self._update_meta(finished=finished)

    def close(self) -> None:
        """Let another process open the session."""
        self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
