"""Nothing is lost when the app dies: resume after dropping the app, and after a real kill -9 of its process."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from quizengine.cli import build_parser
from quizengine.tui.launch import launch
from quizengine.tui.requests import ResumeRequest
from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.screens.home import HomeScreen

from .conftest import FIXTURE_BANK, SIZE, exam_request, screen_text, wait_for

FULL_TIME = 130 * 60


async def test_resume_after_the_app_is_dropped_restores_question_answers_flags_and_time(
    build_app, manual_clock
) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, ExamScreen)
        assert isinstance(screen, ExamScreen)
        await pilot.press("b", "n", "f", "n", "n", "c")
        manual_clock.advance(600)
        screen.tick()
        questions = [q.id for q in screen.session.questions]
    # The app is gone without a submit. Time passes while it is closed: the exam clock must not run.
    manual_clock.advance(3600)
    app = build_app(ResumeRequest())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, ExamScreen)
        assert isinstance(screen, ExamScreen)
        session = screen.session
        assert [q.id for q in session.questions] == questions
        assert session.index == 3
        assert session.selected(session.questions[0]) == ["B"]
        assert session.is_flagged(session.questions[1])
        assert session.selected(session.questions[3]) == ["C"]
        assert session.remaining() == FULL_TIME - 600
        text = screen_text(app)
        assert "Question 4 of 65" in text and "2 answered · 1 flagged" in text and "2:00:00 left" in text


async def test_home_offers_to_resume_an_unfinished_exam(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, ExamScreen)
        await pilot.press("a", "n", "n")
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        home = await wait_for(pilot, HomeScreen)
        text = screen_text(app)
        assert "Unfinished exam: question 3 of 65, 1 answered, 2:10:00 left" in text
        menu = home.query_one("#menu")
        assert menu.get_option_at_index(0).id == "resume"  # type: ignore[attr-defined]
        await pilot.press("r")
        screen = await wait_for(pilot, ExamScreen)
        assert isinstance(screen, ExamScreen) and screen.session.index == 2


async def test_home_has_no_resume_entry_without_an_unfinished_exam(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        home = await wait_for(pilot, HomeScreen)
        ids = [home.query_one("#menu").get_option_at_index(i).id for i in range(7)]  # type: ignore[attr-defined]
        assert "resume" not in ids
        assert "Unfinished exam" not in screen_text(app)


def test_quizengine_resume_without_an_unfinished_exam_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = build_parser().parse_args(["--bank", str(FIXTURE_BANK), "--data-dir", str(tmp_path), "resume"])
    assert launch(args) == 1
    assert gc.isenabled()  # start-up pauses collection; leaving early must not leave it off
    assert "no unfinished exam to resume" in capsys.readouterr().err


CRASHING_RUN = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    from quizengine.blueprint import DVA_C02
    from quizengine.tui.app import make_app
    from quizengine.tui.requests import ExamRequest
    from quizengine.tui.screens.exam import ExamScreen

    class Clock:
        now = 100.0
        def __call__(self):
            return self.now

    async def main():
        clock = Clock()
        app = make_app(bank=sys.argv[1], data_dir=sys.argv[2], start=ExamRequest(DVA_C02, 7), clock=clock,
                       tick_seconds=3600)
        async with app.run_test(size=(100, 32)) as pilot:
            for _ in range(500):
                if isinstance(app.screen, ExamScreen):
                    break
                await pilot.pause(0.02)
            screen = app.screen
            await pilot.press("d", "n", "n", "f", "a", "n")
            clock.now += 1234
            screen.tick()
            print("answered", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    asyncio.run(main())
    """
)


async def test_resume_after_kill_9(build_app, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A real SIGKILL of a process running the app: the next `quizengine resume` finds everything."""
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_RUN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run(
        [sys.executable, str(script), str(FIXTURE_BANK), str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == -9, proc.stderr[-2000:]
    assert "answered" in proc.stdout
    app = build_app(ResumeRequest())
    async with app.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, ExamScreen)
        assert isinstance(screen, ExamScreen)
        session = screen.session
        assert session.index == 3
        assert session.selected(session.questions[0]) == ["D"]
        assert session.selected(session.questions[2]) == ["A"]
        assert session.is_flagged(session.questions[2])
        assert session.remaining() == FULL_TIME - 1234
