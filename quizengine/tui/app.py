"""The Textual app: `make_app(...)` builds it for the CLI and the tests; the app only wires screens together."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import Reactive
from textual.screen import Screen

from quizengine.blueprint import Blueprint
from quizengine.delivery import Clock, ExamSession
from quizengine.errors import QuizengineError
from quizengine.paths import data_dir as resolve_data_dir
from quizengine.scoring import ExamResult
from quizengine.storage import Attempt, Store
from quizengine.tui.commands import PaletteCommand, QuizCommands
from quizengine.tui.engine import Engine
from quizengine.tui.requests import DrillRequest, ExamRequest, HomeRequest, ResumeRequest, StartRequest

if TYPE_CHECKING:
    from quizengine.drill import DrillSession
    from quizengine.exam import Exam

DEFAULT_THEME = "ansi-dark"
"""The terminal's own palette and background, so quizengine looks like the learner's terminal theme.
QUIZENGINE_THEME (or the palette's "Change theme") picks any Textual theme instead, e.g. textual-dark."""
PREPARE_NEXT_AFTER_SECONDS = 3.0
"""Delay before assembling the next exam in the background, so it never competes with the first screen."""


class QuizApp(App[None]):
    """quizengine in the terminal. Screens call the engine; this class routes between them."""

    CSS_PATH = "quizengine.tcss"
    TITLE = "quizengine"
    SUB_TITLE = "AWS DVA-C02 practice"
    COMMANDS = App.COMMANDS | {QuizCommands}
    # The default theme is the class default rather than set in __init__: setting it there re-parses every
    # stylesheet right after start-up.
    theme: Reactive[str] = Reactive(DEFAULT_THEME)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit", tooltip="Quit; an exam is saved"),
    ]

    def __init__(
        self,
        engine: Engine,
        start: StartRequest,
        *,
        tick_seconds: float = 1.0,
        theme: str | None = None,
        on_started: Callable[[], None] | None = None,
    ):
        super().__init__()
        self.engine = engine
        """The headless engine: bank, store, clock and seeds."""
        self.start_request = start
        self.tick_seconds = tick_seconds
        """How often an exam stores its time left and redraws the countdown."""
        self.on_started = on_started
        """Called once the first screen has been drawn."""
        wanted = theme or os.environ.get("QUIZENGINE_THEME") or DEFAULT_THEME
        self._unknown_theme = None if wanted in self.available_themes else wanted
        if wanted != DEFAULT_THEME and not self._unknown_theme:
            self.theme = wanted

    async def on_mount(self) -> None:
        if self._unknown_theme:
            self.notify(f"Unknown theme {self._unknown_theme!r}; using {DEFAULT_THEME}.", severity="warning")
        await self._start(self.start_request, from_cli=True)
        if self.on_started is not None:
            self.call_after_refresh(self.on_started)

    def on_unmount(self) -> None:
        self.engine.store.close()

    # -- navigation ------------------------------------------------------------------------------------
    # Screens call these from their own handlers. Each only schedules the change on the app's queue: a screen
    # must not await its own removal.

    def start(self, request: StartRequest) -> None:
        """Open what the learner asked for from a menu or the palette."""
        self.call_later(self._start, request, False)

    def go_home(self) -> None:
        """Back to the home screen, closing everything above it (it is created when first needed)."""
        self.call_later(self._go_home)

    def open_exam(self, session: ExamSession, *, replace: Screen[None] | None = None) -> None:
        from quizengine.tui.screens.exam import ExamScreen

        self.call_later(self._show, ExamScreen(session, tick_seconds=self.tick_seconds), replace)

    def open_drill(self, session: DrillSession, *, title: str, replace: Screen[None] | None = None) -> None:
        from quizengine.tui.screens.drill import DrillScreen

        self.call_later(self._show, DrillScreen(session, title=title), replace)

    def show_results(self, session: ExamSession, result: ExamResult) -> None:
        """The submitted exam's results take the exam screen's place (dialogs above it close)."""
        from quizengine.tui.screens.results import ResultsScreen

        limit = session.time_limit_seconds or None
        used = (limit - session.remaining()) if limit else None
        self.call_later(self._replace_exam, ResultsScreen(session.attempt_id, result, time_used=used, time_limit=limit))

    def open_review(self, attempt: Attempt) -> None:
        from quizengine.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(attempt))

    def open_history(self) -> None:
        from quizengine.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def open_author(self) -> None:
        from quizengine.tui.screens.author import AuthorScreen

        self.push_screen(AuthorScreen())

    async def _start(self, request: StartRequest, from_cli: bool) -> None:
        if isinstance(request, HomeRequest):
            await self._go_home()
        elif isinstance(request, ResumeRequest):
            await self._resume(request, from_cli=from_cli)
        elif isinstance(request, ExamRequest) and (exam := self._assembled_before(request)) is not None:
            self.begin_exam(exam)
        elif isinstance(request, ExamRequest | DrillRequest):
            from quizengine.tui.screens.preparing import PreparingScreen

            await self.push_screen(PreparingScreen(request, exit_on_error=from_cli))

    def _assembled_before(self, request: ExamRequest) -> Exam | None:
        """An exam assembled before opens at once, without loading the bank: one with this explicit seed, or,
        without a seed, the learner's next exam prepared ahead."""
        if request.seed is None:
            return self.engine.take_prepared_exam(request.blueprint)
        return self.engine.cached_exam(request.blueprint, request.seed)

    def begin_exam(self, exam: Exam, *, replace: Screen[None] | None = None) -> None:
        """Store a new attempt for `exam` and open it; notes on a small bank are shown briefly."""
        session = ExamSession.start(self.engine.store, exam, self.engine.clock)
        if exam.notes:
            self.log.warning("exam notes", exam.notes)
            first = exam.notes[0] if len(exam.notes[0]) <= 110 else exam.notes[0][:109] + "…"
            more = f" (+{len(exam.notes) - 1} more)" if len(exam.notes) > 1 else ""
            self.notify(f"{first}{more}", title="The bank is small for this exam", severity="warning", timeout=8)
        self.open_exam(session, replace=replace)
        # Once the learner is reading the first question, get the next exam of this kind ready.
        self.set_timer(PREPARE_NEXT_AFTER_SECONDS, lambda: self._prepare_next_exam(exam.blueprint))

    @work(thread=True, exclusive=True, group="prepare-next", exit_on_error=False)
    def _prepare_next_exam(self, blueprint: Blueprint) -> None:
        try:
            self.engine.prepare_next_exam(blueprint)
        except QuizengineError as error:  # a broken bank shows up when that exam is asked for, not now
            self.log.warning("could not prepare the next exam", error)

    async def _resume(self, request: ResumeRequest, *, from_cli: bool) -> None:
        session = ExamSession.resume(self.engine.store, request.attempt_id, self.engine.clock)
        if session is None:
            if from_cli:
                self.exit(return_code=1, message="quizengine: there is no unfinished exam to resume.")
                return
            self.notify("There is no unfinished exam to resume.", severity="warning")
            await self._go_home()
            return
        from quizengine.tui.screens.exam import ExamScreen

        await self.push_screen(ExamScreen(session, tick_seconds=self.tick_seconds))

    async def _show(self, screen: Screen[None], replace: Screen[None] | None) -> None:
        """Push `screen`, or put it in place of `replace` (the screen that prepared it) if that is on top."""
        if replace is not None and self.screen is replace:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)

    async def _go_home(self) -> None:
        from quizengine.tui.screens.home import HomeScreen

        stack = self.screen_stack
        home_index = next((i for i, s in enumerate(stack) if isinstance(s, HomeScreen)), None)
        keep = 1 if home_index is None else home_index + 1
        with self.batch_update():
            while len(self.screen_stack) > keep:
                await self.pop_screen()
            if home_index is None:
                await self.push_screen(HomeScreen())

    async def _replace_exam(self, results: Screen[None]) -> None:
        from quizengine.tui.screens.exam import ExamScreen

        with self.batch_update():
            while len(self.screen_stack) > 1 and not isinstance(self.screen, ExamScreen):
                await self.pop_screen()
            await self.switch_screen(results)

    def palette_commands(self, screen: Screen[object]) -> list[PaletteCommand]:
        """App-wide palette commands; none that would abandon a running exam or drill."""
        from quizengine.tui.screens.drill import DrillScreen
        from quizengine.tui.screens.exam import ExamScreen

        if isinstance(screen, ExamScreen | DrillScreen):
            return []
        return [
            PaletteCommand("go: Home", "the main menu", self.go_home),
            PaletteCommand("go: History", "past attempts, trend, mastery", self.open_history),
            PaletteCommand("go: Author preview", "browse and check families", self.open_author),
        ]


def make_app(
    *,
    bank: Path | str | None = None,
    data_dir: Path | str | None = None,
    start: StartRequest | None = None,
    clock: Clock = time.monotonic,
    new_seed: Callable[[], int] | None = None,
    timezone: dt.tzinfo | None = None,
    theme: str | None = None,
    tick_seconds: float = 1.0,
    on_started: Callable[[], None] | None = None,
) -> QuizApp:
    """The app as the CLI and the tests build it; `data_dir` None means --data-dir / $QUIZENGINE_HOME / platform."""
    store = Store.open(resolve_data_dir(data_dir))
    engine = Engine(store, bank_root=Path(bank) if bank else None, clock=clock, timezone=timezone)
    if new_seed is not None:
        engine.new_seed = new_seed
    return QuizApp(engine, start or HomeRequest(), tick_seconds=tick_seconds, theme=theme, on_started=on_started)
