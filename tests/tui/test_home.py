"""Home screen flows: mock exam, custom exam and topic drill dialogs, the palette, a damaged database."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from quizengine.storage import DB_NAME
from quizengine.tui.modals.custom_exam import CustomExamModal
from quizengine.tui.modals.drill_setup import DrillSetupModal
from quizengine.tui.screens.drill import DrillScreen
from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.screens.home import HomeScreen

from .conftest import SEED, SIZE, eventually, screen_text, wait_for


async def home_with_bank(pilot) -> HomeScreen:  # type: ignore[no-untyped-def]
    home = await wait_for(pilot, HomeScreen)
    assert isinstance(home, HomeScreen)
    await eventually(pilot, lambda: home.bank is not None)
    return home


async def test_mock_exam_from_home_is_the_dva_c02_preset(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await home_with_bank(pilot)
        assert "6 question families over 5 of the syllabus's 5 topics" in screen_text(app)
        await pilot.press("e")
        exam = await wait_for(pilot, ExamScreen)
        assert isinstance(exam, ExamScreen)
        assert exam.session.total == 65 and exam.session.attempt.seed == SEED
        assert exam.session.time_limit_seconds == 130 * 60


async def open_custom_exam(pilot) -> CustomExamModal:  # type: ignore[no-untyped-def]
    """From the home screen, once the bank is loaded, press `c` and return the dialog."""
    await home_with_bank(pilot)
    await pilot.press("c")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, CustomExamModal)
    return modal


async def test_custom_exam_dialog(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_custom_exam(pilot)
        modal.query_one("#questions", Input).value = "abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Questions must be a whole number" in screen_text(app)
        modal.query_one("#questions", Input).value = "6"
        modal.query_one("#minutes", Input).value = "9"
        modal.query_one("#seed", Input).value = "11"
        await pilot.press("ctrl+s")
        exam = await wait_for(pilot, ExamScreen)
        assert isinstance(exam, ExamScreen)
        assert exam.session.total == 6 and exam.session.time_limit_seconds == 9 * 60
        assert exam.session.attempt.seed == 11
        assert "0:09:00 left" in screen_text(app) or "09:00 left" in screen_text(app)


async def test_custom_exam_dialog_limits_domains(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_custom_exam(pilot)
        domains = modal.query_one("#domains")
        for name in ("development", "deployment", "troubleshooting"):
            domains.deselect(name)  # type: ignore[attr-defined]
        await pilot.pause()
        modal.query_one("#questions", Input).value = "4"
        await pilot.press("ctrl+s")
        exam = await wait_for(pilot, ExamScreen)
        assert isinstance(exam, ExamScreen)
        assert {q.domain for q in exam.session.questions} == {"security"}


async def test_topic_drill_dialog(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await home_with_bank(pilot)
        await pilot.press("t")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, DrillSetupModal)
        assert "Deployment topic (1 family)" in screen_text(app)
        modal.query_one("#topics").select("t.dep")  # type: ignore[attr-defined]
        modal.query_one("#count", Input).value = "3"
        await pilot.press("ctrl+s")
        drill = await wait_for(pilot, DrillScreen)
        assert isinstance(drill, DrillScreen)
        assert drill.session.count == 3
        assert drill.question is not None and drill.question.topic == "t.dep"


async def test_home_palette_offers_starting_things(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        home = await home_with_bank(pilot)
        titles = [c.title for c in home.palette_commands()] + [c.title for c in app.palette_commands(home)]
        assert "start: Mock exam" in titles and "start: Topic drill" in titles and "go: History" in titles


async def test_a_damaged_database_is_reported(build_app, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"this is not a database" * 100)
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, HomeScreen)
        assert "The attempts database was damaged" in screen_text(app)


async def test_no_color_is_honoured(build_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, HomeScreen)
        assert app.no_color
