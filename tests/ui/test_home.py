"""The home screen and the new-session form, driven as a chair would drive them.

A small App pushes ``HomeScreen`` and records ``SessionChosen`` messages, so
these tests do not depend on the real App. Each test gets its own sessions
folder and question_banks folder under ``tmp_path`` (relative paths, as the
command line gives them, so that snapshots do not show a temporary folder).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, OptionList, RadioSet, Select, Static

from panel_tui import locations
from panel_tui.domain.banks import load_bank
from panel_tui.domain.models import Candidate, Member, Session, Settings
from panel_tui.domain.sessions import default_title, new_session, practice_session
from panel_tui.domain.store import SessionSummary, Store, StoreError
from panel_tui.ui.screens.dialogs import ConfirmDialog
from panel_tui.ui.screens.home import HomeScreen, session_prompt
from panel_tui.ui.screens.setup_session import SetupSessionScreen
from panel_tui.ui.widgets.home_rows import CandidateRow, MemberRow

TODAY = date(2026, 11, 23)
CREATED = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
SHIPPED = locations.shipped_banks_dir()
BANK = load_bank(SHIPPED / "support-worker.toml")
PRACTICE_BANK = load_bank(SHIPPED / "practice-support-worker.toml")


class HomeApp(App[None]):
    """Just the home screen, recording the sessions chosen on it."""

    def __init__(self, store: Store, bank_folders: list[tuple[Path, str]]) -> None:
        super().__init__()
        self.store = store
        self.bank_folders = bank_folders
        self.chosen: list[str] = []
        # Scrolling to a focused field animates; tests need not wait for it.
        self.animation_level = "none"
        #: Read by the form, as the real App offers it: no blinking in pictures.
        self.cursor_blink = False

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.store, self.bank_folders, today=TODAY))

    def on_home_screen_session_chosen(self, message: HomeScreen.SessionChosen) -> None:
        self.chosen.append(message.session_id)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "question_banks").mkdir()
    yield tmp_path


@pytest.fixture
def store(workdir: Path) -> Store:
    return Store(Path("sessions"))


@pytest.fixture
def app(store: Store) -> HomeApp:
    return HomeApp(store, [(SHIPPED, "shipped"), (Path("question_banks"), "yours")])


def stored(
    store: Store,
    title: str,
    *,
    finished: bool = False,
    candidates: list[Candidate] | None = None,
    session_id: str | None = None,
    day: int = 23,
) -> Session:
    """Save a session with a fixed date and id, as if made on that day."""
    panel = [
        Member(id="m1", name="Sam", role="lived_experience", seat=1),
        Member(id="m2", name="Dan", role="professional", seat=2),
    ]
    cands = candidates or [Candidate(id="c1", code="C1", name="Alex")]
    session = new_session(BANK, title, panel, cands).model_copy(
        update={
            "id": session_id or f"2026-11-{day}-support-worker-{len(title):06x}",
            "created": CREATED.replace(day=day),
            "finished": finished,
        }
    )
    store.save(session)
    return session


# -- driving the form ------------------------------------------------------------


async def choose(pilot: Pilot[Any], select: Select[Any], value: object) -> None:
    """Open a Select with the keyboard and pick the option holding ``value``."""
    values = [v for _, v in select._options]  # the blank prompt comes first
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*["down"] * values.index(value), "enter")
    await pilot.pause()
    assert select.value == value


async def type_into(pilot: Pilot[Any], field: Input, text: str) -> None:
    """Focus a field, clear it and type ``text`` key by key."""
    field.focus()
    await pilot.pause()
    field.clear()
    await pilot.press(*text)


def rows(app: App[Any], kind: type[MemberRow | CandidateRow]) -> list[Any]:
    return list(app.screen.query(kind))


async def fill_member(
    pilot: Pilot[Any], row: MemberRow, name: str, role: str, seat: str, pronouns: str = ""
) -> None:
    await type_into(pilot, row.query_one("#name", Input), name)
    if pronouns:
        await type_into(pilot, row.query_one("#pronouns", Input), pronouns)
    await choose(pilot, row.query_one("#role", Select), role)
    await type_into(pilot, row.query_one("#seat", Input), seat)


async def open_form(pilot: Pilot[Any]) -> SetupSessionScreen:
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SetupSessionScreen)
    return screen


async def quick_valid_form(pilot: Pilot[Any]) -> SetupSessionScreen:
    """A form holding a valid session, filled by setting values (fast)."""
    screen = await open_form(pilot)
    screen.query_one("#bank", Select).value = str(SHIPPED / "support-worker.toml")
    await pilot.press("ctrl+n")
    await pilot.pause()
    first, second = rows(pilot.app, MemberRow)
    first.query_one("#name", Input).value = "Sam"
    first.query_one("#role", Select).value = "lived_experience"
    second.query_one("#name", Input).value = "Dan"
    second.query_one("#role", Select).value = "lived_experience"
    await pilot.pause()
    return screen


def shown(app: App[Any]) -> str:
    """Every visible message on the screen, as plain text."""
    messages = app.screen.query(".problem, .row-problem, #warnings").results(Static)
    return "\n".join(str(w.render()) for w in messages if w.display)


async def start(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


# -- creating a session ---------------------------------------------------------------


async def test_a_session_typed_into_the_form_is_stored_as_typed(app: HomeApp, store: Store) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(pilot)
        await choose(pilot, screen.query_one("#bank", Select), str(SHIPPED / "support-worker.toml"))
        await type_into(pilot, screen.query_one("#title", Input), "March")

        await fill_member(pilot, rows(app, MemberRow)[0], "Sam", "lived_experience", "1", "she")
        await pilot.click("#add-member")
        await fill_member(pilot, rows(app, MemberRow)[1], "Dan", "professional", "4")
        await pilot.click("#add-member")
        await fill_member(pilot, rows(app, MemberRow)[2], "Jo", "observer", "7")

        await type_into(pilot, rows(app, CandidateRow)[0].query_one("#name", Input), "Alex")
        await pilot.click("#add-candidate")
        await type_into(pilot, rows(app, CandidateRow)[1].query_one("#code", Input), "B7")

        screen.query_one("#weighting", RadioSet).focus()
        await pilot.press("down", "enter")  # the second rule: equal halves
        screen.query_one("#sealed", Checkbox).focus()
        await pilot.press("space")  # votes shown at once
        await pilot.click("#start")
        await pilot.pause()

        assert not isinstance(app.screen, SetupSessionScreen)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert session.title == "March"
    assert session.bank == BANK
    assert [(m.name, m.pronouns, m.role, m.seat) for m in session.panel] == [
        ("Sam", "she", "lived_experience", 1),
        ("Dan", None, "professional", 4),
        ("Jo", None, "observer", 7),
    ]
    assert [(c.code, c.name) for c in session.candidates] == [("C1", "Alex"), ("B7", None)]
    assert session.settings == Settings(sealed=False, weighting="equal_groups")
    assert session.mode == "live" and not session.votes


async def test_the_title_follows_the_bank_until_the_chair_types_one(app: HomeApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(pilot)
        bank, title = screen.query_one("#bank", Select), screen.query_one("#title", Input)
        bank.value = str(SHIPPED / "support-worker.toml")
        await pilot.pause()
        assert (
            title.value
            == default_title(BANK, TODAY)
            == "Support worker, supported living, 23 November 2026"
        )
        bank.value = str(SHIPPED / "peer-support-worker.toml")
        await pilot.pause()
        assert title.value.startswith("Peer support worker")
        title.value = "Our own title"
        bank.value = str(SHIPPED / "support-worker.toml")
        await pilot.pause()
        assert title.value == "Our own title"


# -- problems are said beside the field, and nothing is saved ---------------------


async def test_problems_are_said_beside_their_boxes_and_nothing_is_saved(
    app: HomeApp, store: Store
) -> None:
    # Each rule and its words are in tests/domain/test_setup_form.py; here, that the
    # screen marks the box the domain names, goes to the first, and saves nothing.
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        await pilot.press("ctrl+o")  # a second candidate, C2
        await pilot.pause()
        seat = rows(app, MemberRow)[1].query_one("#seat", Input)
        name = rows(app, CandidateRow)[1].query_one("#name", Input)
        await type_into(pilot, seat, "1")
        name.value = "A\x07"
        await start(pilot)
        text = shown(app)
        assert "Member 2: Seat 1 is already taken by member 1" in text
        assert "Candidate 2: The name holds a control character (U+0007)" in text
        assert "Nothing was saved yet" in text
        assert seat.has_class("-invalid") and name.has_class("-invalid")
        assert not rows(app, MemberRow)[0].query_one("#seat").has_class("-invalid")
        assert app.focused == seat  # the first problem has the focus
        assert isinstance(app.screen, SetupSessionScreen)
        assert store.sessions() == [] and app.chosen == []

        await type_into(pilot, seat, "2")  # one put right: its mark goes, the other stays
        await start(pilot)
        assert "Member 2" not in shown(app) and "Candidate 2: The name holds" in shown(app)
        assert not seat.has_class("-invalid") and name.has_class("-invalid")
        assert app.focused == name
        assert store.sessions() == [] and app.chosen == []

        name.value = "Alex"
        await start(pilot)  # every value put right: the session is made
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert [(m.name, m.seat) for m in session.panel] == [("Sam", 1), ("Dan", 2)]
    assert [(c.code, c.name) for c in session.candidates] == [("C1", None), ("C2", "Alex")]


async def test_a_set_share_is_checked_beside_its_box_then_stored(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await quick_valid_form(pilot)
        screen.query_one("#weighting", RadioSet).focus()
        await pilot.press("down", "down", "enter")
        share = screen.query_one("#share", Input)
        about = screen.query_one("#rule-about", Static)
        await type_into(pilot, share, "150%")
        assert "Now:" not in str(about.render())
        await start(pilot)
        assert "between 0 and 1" in shown(app)
        assert share.has_class("-invalid") and app.focused is share
        assert store.sessions() == [] and app.chosen == []
        await type_into(pilot, share, "30%")
        assert "lived experience 30%, professionals 70%" in str(about.render())
        await start(pilot)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert session.settings == Settings(
        weighting="lived_experience_share", lived_experience_share=0.3
    )


async def test_removing_every_member_is_refused_kindly(app: HomeApp, store: Store) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        for row in rows(app, MemberRow):
            await pilot.click(row.query_one(".remove"))
            await pilot.pause()
        assert rows(app, MemberRow) == []
        await start(pilot)
        assert "Add at least one panel member." in shown(app)
        assert store.sessions() == []


async def test_a_full_disk_is_said_plainly_and_the_form_kept(
    app: HomeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(session: Session, *, replace: bool = False) -> None:
        raise StoreError("The disk is full, so the last change was not saved.")

    monkeypatch.setattr(store, "save", refuse)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await quick_valid_form(pilot)
        await start(pilot)
        assert "The disk is full, so the last change was not saved." in shown(app)
        assert app.screen is screen and app.chosen == []
        assert rows(app, MemberRow)[0].typed().name == "Sam"  # nothing typed is lost


# -- warnings never block ------------------------------------------------------------


async def test_warnings_show_as_the_panel_is_typed_and_never_block(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        warnings = app.screen.query_one("#warnings", Static)
        assert not warnings.display  # two lived-experience members so far
        rows(app, MemberRow)[1].query_one("#role", Select).value = "professional"
        await pilot.press("ctrl+n")
        await pilot.pause()
        third = rows(app, MemberRow)[2]
        third.query_one("#name", Input).value = "Hannah"
        third.query_one("#role", Select).value = "professional"
        await pilot.pause()
        assert warnings.display
        assert "fewer lived-experience members (1) than professionals (2)" in str(warnings.render())
        for _ in range(6):
            await pilot.press("ctrl+o")
        await pilot.pause()
        assert len(rows(app, CandidateRow)) == 7
        assert "7 interviews are planned" in str(warnings.render())
        await start(pilot)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert [c.code for c in session.candidates] == [f"C{n}" for n in range(1, 8)]


# -- leaving, invalid banks ---------------------------------------------------------


async def test_back_saves_nothing_and_asks_before_losing_what_was_typed(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        form = app.screen
        form.query_one("#bank").focus()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # Stay: the form is as it was
        await pilot.pause()
        assert app.screen is form
        await pilot.press("escape", "enter")  # Leave
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.sessions() == [] and app.chosen == []


async def test_back_from_an_untouched_form_asks_nothing(app: HomeApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_an_invalid_bank_is_shown_with_its_problems(app: HomeApp, workdir: Path) -> None:
    (workdir / "question_banks" / "broken.toml").write_text(
        'id = "broken"\ntitle = "Broken"\n[[questions]]\nid = "q1"\ntext = "Why?"\nweight = 0\n'
    )
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(pilot)
        text = str(screen.query_one("#broken-banks", Static).render())
        assert "question_banks/broken.toml, line 6: Question 1 (q1), field 'weight' must be" in text
        assert "Broken" not in [
            str(label) for label, _ in screen.query_one("#bank", Select)._options
        ]


# -- the home screen ----------------------------------------------------------------


def test_sessions_with_the_same_title_are_told_apart_by_when_they_started() -> None:
    def listed(hour: int, minute: int) -> str:
        started = datetime(2026, 11, 24, hour, minute, tzinfo=UTC)  # tests read clocks in UTC
        summary = SessionSummary("s", "Support worker", "live", started, False, 3, 0)
        return str(session_prompt(summary))

    assert listed(9, 5) == "Support worker\n  Started 24 Nov 2026 at 09:05, 3 candidates, 0 votes"
    assert listed(9, 5) != listed(14, 30)


async def test_resume_lists_unfinished_sessions_and_choosing_one_posts_its_id(
    app: HomeApp, store: Store
) -> None:
    older = stored(store, "Older round", day=20)
    newer = stored(store, "Newer round", day=22)
    done = stored(store, "Done round", finished=True, day=21)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume", OptionList)
        assert [resume.get_option_at_index(i).id for i in range(resume.option_count)] == [
            newer.id,
            older.id,
        ]
        assert "Older round\n  Started 20 Nov 2026 at 10:00, 1 candidate, 0 votes" in str(
            resume.get_option_at_index(1).prompt
        )
        assert app.focused is resume
        await pilot.press("down", "enter")
        assert app.chosen == [older.id]
        await pilot.press("f", "enter")
        assert app.chosen == [older.id, done.id]


async def test_names_that_look_like_markup_are_shown_literally(app: HomeApp, store: Store) -> None:
    candidate = Candidate(id="c1", code="C1", name="[@click=app.quit]y")
    session = stored(store, "[bold]x[/]", candidates=[candidate])
    with store.open(session.id) as opened:
        opened.move_to("c1", BANK.questions[1].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume", OptionList)
        prompt = resume.get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        screenshot = app.export_screenshot()
        assert "[bold]x[/]" in screenshot and "[@click=app.quit]y" in screenshot
        assert prompt.plain.startswith("[bold]x[/]\n")
        assert "Up to: [@click=app.quit]y, question 2 of 6" in prompt.plain
        await pilot.click(resume, offset=(3, 1))
        await pilot.pause()
        assert app.is_running and app.chosen == [session.id]


async def test_practice_opens_the_form_with_the_practice_bank_chosen(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupSessionScreen)
        assert screen.query_one("#bank", Select).value == str(
            SHIPPED / "practice-support-worker.toml"
        )
        assert not screen.query(CandidateRow)  # the mock candidates come from the bank
        assert "3 mock candidates (Mock A, Mock B, Mock C)" in str(
            screen.query_one("#mock-about", Static).render()
        )
        title = screen.query_one("#title", Input).value
        assert title.count("Practice") == 1
        await fill_member(pilot, rows(app, MemberRow)[0], "Ann Lee", "lived_experience", "1")
        await start(pilot)
        [session] = store.sessions()
        assert app.chosen == [session.id]
    assert session.mode == "practice" and session.bank == PRACTICE_BANK
    assert [m.name for m in session.panel] == ["Ann Lee"]
    assert [c.code for c in session.candidates] == ["Mock A", "Mock B", "Mock C"]


async def test_practice_rounds_are_listed_apart(app: HomeApp, store: Store) -> None:
    live = stored(store, "Live round")
    rehearsal = practice_session(PRACTICE_BANK)
    store.save(rehearsal)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = {
            name: [o.id for o in app.screen.query_one(f"#{name}", OptionList).options]
            for name in ("resume", "rehearsals")
        }
    assert ids == {"resume": [live.id], "rehearsals": [rehearsal.id]}


async def test_damaged_files_are_named_in_plain_words(app: HomeApp, store: Store) -> None:
    stored(store, "Fine round")
    store.path("2026-11-01-broken").write_text("{not json")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()  # a file new to the catalogue is read behind
        await pilot.pause()
        damaged = app.screen.query_one("#damaged", Static)
        assert damaged.display
        text = str(damaged.render())
        assert "2026-11-01-broken.json is damaged (it is not complete JSON" in text
        assert app.screen.query_one("#resume", OptionList).option_count == 1


async def test_a_new_session_appears_in_the_resume_list_on_return(
    app: HomeApp, store: Store
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await quick_valid_form(pilot)
        await start(pilot)
        resume = app.screen.query_one("#resume", OptionList)
        assert resume.option_count == 1
        assert resume.get_option_at_index(0).id == app.chosen[0]


# -- snapshots ------------------------------------------------------------------------


def _home_with_sessions(store: Store) -> None:
    session = stored(
        store,
        "[bold]Support worker[/], November",
        candidates=[
            Candidate(id="c1", code="C1", name="[@click=app.quit]Alex"),
            Candidate(id="c2", code="C2"),
        ],
        session_id="2026-11-23-support-worker-aaaaaa",
    )
    with store.open(session.id) as opened:
        opened.record_vote("c1", BANK.questions[0].id, "m1", "up")
        opened.move_to("c1", BANK.questions[0].id)
    stored(
        store, "Peer support, October", finished=True, day=2, session_id="2026-11-02-peer-bbbbbb"
    )


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_home_snapshot(
    snap_compare: Any, app: HomeApp, store: Store, size: tuple[int, int]
) -> None:
    _home_with_sessions(store)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_new_session_form_snapshot(snap_compare: Any, app: HomeApp, size: tuple[int, int]) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#bank", Select).value = str(SHIPPED / "support-worker.toml")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=fill)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_form_problems_snapshot(snap_compare: Any, app: HomeApp, size: tuple[int, int]) -> None:
    async def fail(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=fail)


def test_new_session_form_ascii_snapshot(snap_compare: Any, app: HomeApp) -> None:
    async def fill(pilot: Pilot[Any]) -> None:
        app.set_class(True, "-ascii")  # as the real App marks ASCII mode
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#bank", Select).value = str(SHIPPED / "support-worker.toml")
        await pilot.press("tab", "tab")  # into the first member's name
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=fill)


async def test_a_slow_read_fills_in_behind_without_holding_up_keys(
    app: HomeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = stored(store, "Busy round")
    opened = store.open(session.id)
    opened.record_vote("c1", BANK.questions[0].id, "m1", "up")  # the catalogue is now behind
    release = threading.Event()
    real = store.summaries

    def slow() -> list[SessionSummary]:
        release.wait(timeout=10)
        return real()

    monkeypatch.setattr(store, "summaries", slow)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        resume = app.screen.query_one("#resume", OptionList)
        assert "0 votes" in str(resume.get_option_at_index(0).prompt)  # as catalogued
        await pilot.press("n")  # a key while the read is still going
        await pilot.pause()
        assert isinstance(app.screen, SetupSessionScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert "1 vote" in str(resume.get_option_at_index(0).prompt)
    opened.close()


async def test_a_long_history_paints_the_newest_first_then_every_session(
    app: HomeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(1, 29):
        for n in range(6):
            stored(store, f"Round {day}-{n}", finished=True, day=day, session_id=f"r-{day}-{n}")
    parts: list[int] = []
    real = HomeScreen._fill_more

    def counting(screen: HomeScreen, list_id: str, rest: Any, token: object) -> None:
        parts.append(len(rest))
        real(screen, list_id, rest, token)

    monkeypatch.setattr(HomeScreen, "_fill_more", counting)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.pause()
        finished = app.screen.query_one("#finished", OptionList)
        assert parts == [128, 28]  # after the first 40: a part after each refresh
        assert finished.option_count == 168
        ids = [finished.get_option_at_index(i).id for i in range(168)]
        assert ids[0] == "r-28-5" and ids[-1] == "r-1-0" and len(set(ids)) == 168  # in order
