"""A session opened for writing: every change is on disk when a method returns.

Each change is one record appended to the session's journal; the snapshot is
rewritten (compacted) when the session opens, finishes and closes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Self

from tinydb import TinyDB

from panel_tui.domain.involvement import with_involvement
from panel_tui.domain.models import (
    Cursor,
    Decision,
    Finishing,
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
from panel_tui.domain.store.errors import (
    MisnamedFile,
    SessionNotFound,
    StoreError,
    check_named,
    kept_after,
    plain_os_error,
    written_again,
)
from panel_tui.domain.store.files import UnsafeFile
from panel_tui.domain.store.journal_damage import said_if_unread
from panel_tui.domain.store.journal_table import JournalTable
from panel_tui.domain.store.journaled import JournalStorage
from panel_tui.domain.store.locks import SessionLock
from panel_tui.domain.store.storage import SESSION_TABLE, DamagedData, session_from_tables
from panel_tui.domain.undos import round_to_take_back, undo_event
from panel_tui.domain.words import FINISHED_REFUSAL

Compacted = Callable[[Session], None]
"""Told the session each time snapshot and journal were folded together (the catalogue)."""
Told = Callable[[str], None]
"""Told news for the chair in plain words (the app shows it)."""
#: Said on opening a session the last run did not close: ``closed_properly_last_time``
#: of :class:`OpenSession` is ``False`` when the journal held changes not folded in
#: (:attr:`JournalStorage.left_unfolded`), as a run killed or cut off by a crash leaves
#: it. Every change it saved is there. A close the disk refused leaves the same files,
#: so the program "may have" stopped. When the journal's last change failed its check (a
#: vote maybe shown), ``last_change_unread`` says so instead (``None`` when none did).
NOT_CLOSED_LAST_TIME = (
    "This session was not closed properly last time (panel-tui or the computer stopped). "
    "Every vote shown before then was kept: carry on from here."
)
#: A write asked of a session once closed: it would reach the disk without the lock
#: (found by a review: the interview kept its time just after Sessions closed it).
CLOSED_REFUSAL = "This session is closed in this window: open it again to change it."


class OpenSession:
    """A session opened for writing: every change is on disk when a method returns.

    ``session`` is the state as it is on disk; screens read it after each call.
    """

    def __init__(self, path: Path, lock: SessionLock, compacted: Compacted | None = None) -> None:
        """Open the session file ``path`` under ``lock``, folding in its journal.

        Raises:
            SessionNotFound: there is no such file.
            StoreError: the disk refuses the compaction (a read-only folder), or the copy
                kept of a journal whose last change failed its check.
        """
        self.path, self._lock, self._compacted = path, lock, compacted
        #: Told once when files changed outside panel-tui were written again from this window.
        self.on_written_again: Told | None = None
        #: Called as the session closes, while it may still be written (the timer's keep).
        self.on_closing: Callable[[], None] | None = None
        self._closed = False
        self._answers: dict[tuple[str, str], list[VoteEvent]] | None = None
        self._db = TinyDB(path, storage=JournalStorage)
        self._db.table_class = JournalTable
        try:
            session = self._from_disk()
            if session is None:
                raise SessionNotFound(f"There is no session file {path}.")
            check_named(session.id, path)  # a copy, or renamed: never written
            self.session = session
            self.closed_properly_last_time = not self._storage.left_unfolded  # a kill, a crash
            self.last_change_unread = said_if_unread(self._storage.unread_last, session)
            self.compact()
        except BaseException:  # not opened: nothing left open
            self._db.close()
            raise

    @property
    def _storage(self) -> JournalStorage:
        storage = self._db.storage
        assert isinstance(storage, JournalStorage)
        return storage

    def compact(self) -> None:
        """Fold the journal into the snapshot (a file an older version wrote is converted).

        Raises:
            StoreError: the disk refused; every change is still on disk.
        """
        with self._refusals():
            changed = self._storage.compact()
        if changed and self._compacted is not None:
            self._compacted(self.session)

    def _from_disk(self) -> Session | None:
        tables = self._db.storage.read()
        return None if tables is None else session_from_tables(tables)

    # -- writing ------------------------------------------------------------

    def _append(self, table: str, record: Any) -> None:
        with self._refusals():
            self._db.table(table).insert(record.model_dump(mode="json"))
        events = getattr(self.session, table)
        self.session = self.session.model_copy(update={table: [*events, record]})
        if table == "votes" and self._answers is not None:
            self._answers.setdefault((record.candidate, record.question), []).append(record)

    def _on_answer(self, candidate: str, question: str) -> Session:
        """The session with only the votes on one answer, for the rules of a vote on it.

        Whether an answer is shown and whether a vote changes a shown one read
        that answer's votes alone, so this gives the same event as the whole
        session in a time that does not grow with the session. The index is
        built once and kept in step by :meth:`_append`.
        """
        if self._answers is None:
            self._answers = {}
            for vote in self.session.votes:
                self._answers.setdefault((vote.candidate, vote.question), []).append(vote)
        votes = self._answers.get((candidate, question), [])
        return self.session.model_copy(update={"votes": list(votes)})

    def _update_meta(self, **changes: Any) -> None:
        updated = self.session.model_copy(update=changes)
        record = updated.model_dump(mode="json", include=set(changes))
        with self._refusals():
            self._db.table(SESSION_TABLE).update(record, doc_ids=[1])
        self.session = updated

    @contextlib.contextmanager
    def _refusals(self) -> Iterator[None]:
        """A write the disk refused: memory from disk again, and plain words.

        Raises:
            StoreError: what was refused, for the chair; any write once closed.
        """
        if self._closed:
            raise StoreError(CLOSED_REFUSAL)
        try:
            # Moved away, or its USB stick taken out: never written anywhere else.
            self._lock.folder.check()
        except OSError as error:
            raise plain_os_error(error, self.path, kept=self._kept(error)) from None
        self._lock.keep(self.session.id)  # its file removed by hand: never two writers
        before = self._storage.written_again
        try:
            yield
        except OSError as error:  # a link or pipe put in a file's place too
            self._reload()
            raise plain_os_error(error, self.path, kept=self._kept(error)) from None
        if self._storage.written_again != before and self.on_written_again is not None:
            told, self.on_written_again = self.on_written_again, None  # once a window
            told(written_again(self.path))

    def _kept(self, error: OSError) -> str:
        """What is safe after a write refused with ``error`` (:func:`kept_after`)."""
        return kept_after(error, held_only=self.disk_behind)

    @property
    def folder_there(self) -> bool:
        """Whether the sessions folder is there now (else this window may alone hold it)."""
        return self._lock.folder.there()

    @property
    def disk_behind(self) -> bool:
        """Whether this window alone holds changes, its files removed by another program
        and not yet written again (a full disk): quitting now would lose them."""
        return self._storage.disk_behind

    def _reload(self) -> None:
        """After a failed write, the state from disk again: a write can fail after the new
        file is in place (the folder's fsync), so the screen shows what the disk holds.
        If the disk cannot be read, memory stays as before the write."""
        with contextlib.suppress(OSError, DamagedData, UnsafeFile, MisnamedFile):
            self.session = self._from_disk() or self.session
        self._answers = None

    def _refuse_if_finished(self) -> None:
        """A finished session's results change only once reopened: votes, undos, reveals,
        notes, decisions and rounds are refused (where the panel is and the payment
        notes are not results, so may still change).

        Raises:
            StoreError: the session is finished, with how to reopen it.
        """
        if self.session.finished:
            raise StoreError(FINISHED_REFUSAL)

    def record_vote(
        self, candidate: str, question: str, member: str, value: VoteValue | None
    ) -> VoteEvent:
        """Record a vote (``None`` withdraws one); returns once it is on disk.

        Raises:
            StoreError: an observer, a finished session, or the disk refused.
        """
        self._refuse_if_finished()
        if not self.session.member(member).can_vote:
            raise StoreError("Observers take notes and do not vote.")
        vote = self._on_answer(candidate, question).new_vote(candidate, question, member, value)
        self._append("votes", vote)
        return vote

    def undo(self, candidate: str, question: str) -> VoteEvent | NewRound | None:
        """Undo the last vote on this answer (the event written; ``None``: nothing to undo); in
        practice first a round nobody voted in, added as taken back (so no copy reads as another's).

        Raises:
            StoreError: the session is finished, or the disk refused.
        """
        self._refuse_if_finished()
        if (back := round_to_take_back(self.session, candidate, question)) is not None:
            self._update_meta(rounds=[*self.session.rounds, back])
            return back
        event = undo_event(self.session, candidate, question)
        if event is not None:
            self._append("votes", event)
        return event

    def reveal(self, candidate: str, question: str, *, at_finish: bool = False) -> None:
        """Show the votes on an answer before everyone has voted (or as the session finishes).

        Raises:
            StoreError: the session is finished, or the disk refused.
        """
        self._refuse_if_finished()
        if not self.session.is_revealed(candidate, question):
            number = self.session.round_of(candidate, question)
            shown = Reveal(candidate=candidate, question=question, at=now(), round=number)
            self._append("reveals", shown.model_copy(update={"at_finish": at_finish}))

    def new_round(self, candidate: str, question: str) -> NewRound:
        """Practice only: ask the panel to vote on this answer again; earlier rounds are kept.

        Raises:
            StoreError: the session is live or finished, or this round's votes are not shown.
        """
        self._refuse_if_finished()
        try:
            started = self.session.next_round(candidate, question)
        except ValueError as error:
            raise StoreError(str(error)) from None
        self._update_meta(rounds=[*self.session.rounds, started])
        return started

    def add_note(self, candidate: str, question: str | None, text: str) -> Note:
        """Add a note on an answer (or on the candidate).

        Raises:
            StoreError: the session is finished, or the disk refused.
        """
        self._refuse_if_finished()
        note = Note(candidate=candidate, question=question, text=text, at=now())
        self._append("notes", note)
        return note

    def decide(self, candidate: str, outcome: Outcome, reason: str) -> Decision:
        """Record the panel's decision on a candidate (the latest one counts).

        The same decision again writes nothing and returns the one recorded: a
        new event would move the session's last time on, and with it the time
        members are paid for when the log gives it.

        Raises:
            StoreError: the session is finished, or the disk refused.
        """
        self._refuse_if_finished()
        latest = self.session.decision(candidate)
        if latest is not None and (latest.outcome, latest.reason) == (outcome, reason):
            return latest
        decision = Decision(candidate=candidate, outcome=outcome, reason=reason, at=now())
        self._append("decisions", decision)
        return decision

    def move_to(self, candidate: str, question: str) -> None:
        """Remember where the panel is, and the time of the answer it leaves, for a resume."""
        self._keep_cursor(candidate, question, None)

    def keep_time(self, candidate: str, question: str, elapsed: int) -> None:
        """Remember the seconds spent on the current answer, for the timer after a resume: a
        small write of its own (now and then, on leaving, on closing), so no vote waits on it."""
        if self.session.cursor is not None or elapsed > 0:  # else nothing to keep
            self._keep_cursor(candidate, question, max(0, elapsed))

    def _keep_cursor(self, candidate: str, question: str, elapsed: int | None) -> None:
        """The cursor at an answer, with ``elapsed`` (``None``: its time kept), if new."""
        here = self.session.cursor
        at = Cursor(candidate=candidate, question=question) if here is None else here
        at = at.moved_to(candidate, question)
        if elapsed is not None:
            at = at.model_copy(update={"elapsed": elapsed})
        if at != here:  # nothing new to keep: the file is left alone
            self._update_meta(cursor=at)

    def change_settings(self, settings: Settings) -> None:
        """Change the settings: only before the first vote, and never once finished."""
        self._refuse_if_finished()
        if self.session.votes:
            raise StoreError("The scoring rule and sealing are fixed once the first vote is given.")
        self._update_meta(settings=settings)

    def set_finished(self, finished: bool = True) -> None:
        """Mark the session finished (or open it again), kept with its time among ``finishes``;
        finishing shows the votes on answers still sealed (reveals marked ``at_finish``)."""
        if finished == self.session.finished:
            return  # nothing changes, so no time is kept
        if finished:
            for candidate, question in sorted(self.session.sealed_answers()):
                self.reveal(candidate, question, at_finish=True)
        event = Finishing(at=now(), finished=finished)
        self._update_meta(finished=finished, finishes=[*self.session.finishes, event])
        # Every change is in the journal already: a compaction refused leaves it there.
        with contextlib.suppress(StoreError):
            self.compact()

    def set_involvement(self, seat: int, changes: dict[str, object]) -> None:
        """Change the payment notes of the member in ``seat`` (see ``involvement``).

        Raises:
            InvolvementError: no such seat, or notes that make no sense.
        """
        updated = with_involvement(self.session, seat, changes)
        self._update_meta(panel=updated.panel)

    def close(self) -> None:
        """Fold the journal into the snapshot and let another process open the session."""
        if not self._closed:
            if self.on_closing is not None:
                self.on_closing()
            with contextlib.suppress(StoreError):
                self.compact()
            self._closed = True
            self._db.close()
        self._lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
