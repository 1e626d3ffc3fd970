"""Helpers for the TUI tests: an app on the fixture bank with a manual clock and data in tmp_path."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from quizengine.blueprint import DVA_C02
from quizengine.tui.app import QuizApp, make_app
from quizengine.tui.requests import ExamRequest, StartRequest
from tests.conftest import FakeClock

FIXTURE_BANK = Path(__file__).resolve().parent.parent / "fixtures" / "bank"
SEED = 7
SIZE = (100, 32)


# A monotonic clock that moves only when a test says so: exams never wait on real time.
ManualClock = FakeClock


AppFactory = Callable[..., QuizApp]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Pilot needs one); no plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


@pytest.fixture
def manual_clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def build_app(data_dir: Path, manual_clock: ManualClock) -> AppFactory:
    """make_app on the fixture bank, tmp data, the manual clock, UTC dates and fixed seeds."""

    def build(start: StartRequest | None = None, **overrides: object) -> QuizApp:
        options: dict[str, object] = {
            "bank": FIXTURE_BANK,
            "data_dir": data_dir,
            "start": start,
            "clock": manual_clock,
            "new_seed": lambda: SEED,
            "timezone": dt.UTC,
            "tick_seconds": 3600.0,  # tests call tick() themselves
        }
        options.update(overrides)
        return make_app(**options)  # type: ignore[arg-type]

    return build


def exam_request(seed: int = SEED) -> ExamRequest:
    return ExamRequest(DVA_C02, seed)


async def eventually(pilot: Pilot[object], condition: Callable[[], bool], attempts: int = 200) -> bool:
    """Pause until `condition()` holds (workers load banks and assemble exams in threads); whether it did."""
    for _ in range(attempts):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


async def wait_for(pilot: Pilot[object], screen_type: type[Screen[object]], attempts: int = 200) -> Screen[object]:
    """Pause until `screen_type` is the active screen."""
    app = pilot.app
    if not await eventually(pilot, lambda: isinstance(app.screen, screen_type) and app.screen.is_mounted, attempts):
        raise AssertionError(f"{screen_type.__name__} never became active; the screen is {type(app.screen).__name__}")
    await pilot.pause()
    return app.screen


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip).rstrip() for strip in strips)
