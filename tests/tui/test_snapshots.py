"""Snapshots of every screen at 100x32 (and the exam and home at 80x24): fixture bank, fixed seeds, clock and dates.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update`, then look at snapshot_report.html or the SVGs.
"""

from __future__ import annotations

import asyncio
import itertools

import pytest

from quizengine.tui.requests import DrillRequest, ResumeRequest
from quizengine.tui.screens.author import AuthorScreen
from quizengine.tui.screens.drill import DrillScreen
from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.screens.history import HistoryScreen
from quizengine.tui.screens.home import HomeScreen
from quizengine.tui.screens.results import ResultsScreen
from quizengine.tui.screens.review import ReviewScreen

from .conftest import SIZE, eventually, exam_request, screen_text, wait_for


@pytest.fixture(autouse=True)
def fixed_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored timestamps advance one minute per write from a fixed moment, so history dates never change."""
    minutes = itertools.count()
    monkeypatch.setattr("quizengine.storage.now_iso", lambda: f"2026-11-20T09:{min(59, next(minutes)):02d}:00+00:00")


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let workers finish and drop toasts (they time out, so they would make snapshots flaky)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


async def until(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    if not await eventually(pilot, lambda: text in screen_text(pilot.app)):
        raise AssertionError(f"{text!r} never appeared")


async def exam_screen(pilot) -> ExamScreen:  # type: ignore[no-untyped-def]
    screen = await wait_for(pilot, ExamScreen)
    assert isinstance(screen, ExamScreen)
    await settle(pilot)
    return screen


async def goto(pilot, screen: ExamScreen, predicate) -> None:  # type: ignore[no-untyped-def]
    await screen.go_to(next(i for i, q in enumerate(screen.session.questions) if predicate(q)))
    await pilot.pause()


async def answer_all(pilot, screen: ExamScreen, *, right: int, flag: tuple[int, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    session = screen.session
    for position, question in enumerate(session.questions[:60]):
        session.go_to(position)
        keys = question.correct_keys if position < right else [o.key for o in question.options if not o.correct]
        for key in list(keys)[: question.select]:
            session.choose(key)
    for position in flag:
        session.go_to(position)
        session.toggle_flag()
    session.go_to(0)
    await screen.show_current()


# -- home ------------------------------------------------------------------------------------------


def test_home(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_for(pilot, HomeScreen)
        await until(pilot, "question families")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run_before)


def test_home_offers_resume(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await pilot.press("b", "n", "c", "n")
        screen.session.save_progress()
        pilot.app.go_home()
        await wait_for(pilot, HomeScreen)
        await until(pilot, "question families")
        await settle(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_home_80x24(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_for(pilot, HomeScreen)
        await until(pilot, "question families")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=run_before)


def test_custom_exam_dialog(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_for(pilot, HomeScreen)
        await until(pilot, "question families")
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run_before)


def test_drill_setup_dialog(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_for(pilot, HomeScreen)
        await until(pilot, "question families")
        await pilot.press("t", "down", "space")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run_before)


# -- exam ------------------------------------------------------------------------------------------


def test_exam_first_question(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await exam_screen(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_exam_choose_two_answered_and_flagged(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await goto(pilot, screen, lambda q: q.select == 2)
        await pilot.press("b", "d", "f", "down", "down")

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_exam_stem_markup_shown_as_typed(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await goto(pilot, screen, lambda q: q.family == "sec-static")
        await pilot.press("a")

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_exam_80x24(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await goto(pilot, screen, lambda q: q.select == 2)
        await pilot.press("a")

    assert snap_compare(build_app(exam_request()), terminal_size=(80, 24), run_before=run_before)


def test_exam_last_five_minutes(snap_compare, build_app, manual_clock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        manual_clock.advance(130 * 60 - 4 * 60 - 30)
        screen.tick()
        await pilot.pause()

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_question_map(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await exam_screen(pilot)
        await pilot.press("a", "n", "f", "n", "c", "n", "f", "n", "m", "right", "right")
        await settle(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_confirm_submit(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await answer_all(pilot, screen, right=50, flag=(3, 61))
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_exam_help(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await exam_screen(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_resumed_exam(snap_compare, build_app, manual_clock) -> None:  # type: ignore[no-untyped-def]
    """An exam left by an earlier run of the app, reopened: same question, answers, flags and time left."""

    async def earlier_run() -> None:
        app = build_app(exam_request())
        async with app.run_test(size=SIZE) as pilot:
            screen = await exam_screen(pilot)
            await pilot.press("a", "n", "f", "b", "n")
            manual_clock.advance(3000)
            screen.tick()

    asyncio.run(earlier_run())

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await exam_screen(pilot)

    assert snap_compare(build_app(ResumeRequest()), terminal_size=SIZE, run_before=run_before)


# -- results and review ----------------------------------------------------------------------------


def test_results(snap_compare, build_app, manual_clock) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await answer_all(pilot, screen, right=50)
        manual_clock.advance(95 * 60 + 20)
        await pilot.press("ctrl+s", "y")
        await wait_for(pilot, ResultsScreen)
        await settle(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


def test_review_incorrect(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await exam_screen(pilot)
        await answer_all(pilot, screen, right=50, flag=(52,))
        await pilot.press("ctrl+s", "y")
        await wait_for(pilot, ResultsScreen)
        await pilot.press("r")
        await wait_for(pilot, ReviewScreen)
        await pilot.press("i", "down", "down")
        await settle(pilot)

    assert snap_compare(build_app(exam_request()), terminal_size=SIZE, run_before=run_before)


# -- drill -----------------------------------------------------------------------------------------


def test_drill_feedback(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await wait_for(pilot, DrillScreen)
        assert isinstance(screen, DrillScreen) and screen.question is not None
        wrong = next(o.key for o in screen.question.options if not o.correct)
        await pilot.press(wrong.lower(), "enter")
        await settle(pilot)

    assert snap_compare(
        build_app(DrillRequest(topics=("t.dev",), count=3, seed=5)), terminal_size=SIZE, run_before=run_before
    )


def test_drill_summary(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await wait_for(pilot, DrillScreen)
        assert isinstance(screen, DrillScreen)
        for _ in range(2):
            assert screen.question is not None
            await pilot.press(screen.question.correct_keys[0].lower(), "enter", "enter")
            await pilot.pause()
        await settle(pilot)

    assert snap_compare(
        build_app(DrillRequest(topics=("t.ops", "t.dep"), count=2, seed=5)), terminal_size=SIZE, run_before=run_before
    )


# -- history and author preview --------------------------------------------------------------------


def test_history(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        for right in (30, 55):
            pilot.app.start(exam_request(seed=right))
            screen = await exam_screen(pilot)
            await answer_all(pilot, screen, right=right)
            await pilot.press("ctrl+s", "y")
            await wait_for(pilot, ResultsScreen)
            await pilot.press("h")
            await wait_for(pilot, HomeScreen)
        pilot.app.start(DrillRequest(topics=("t.ops",), count=1, seed=1))
        drill = await wait_for(pilot, DrillScreen)
        assert isinstance(drill, DrillScreen) and drill.question is not None
        await pilot.press(drill.question.correct_keys[0].lower(), "enter", "enter", "escape")
        await wait_for(pilot, HomeScreen)
        await pilot.press("h")
        history = await wait_for(pilot, HistoryScreen)
        assert isinstance(history, HistoryScreen)
        await until(pilot, "2 exam(s)")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run_before)


def test_author_preview(snap_compare, build_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_for(pilot, HomeScreen)
        await pilot.press("v")
        await wait_for(pilot, AuthorScreen)
        await until(pilot, "check: ✓")
        await pilot.press("down", "down")
        await until(pilot, "Variant units:0")
        await until(pilot, "check: ✓")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run_before)
