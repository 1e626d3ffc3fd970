"""Shown while a worker thread loads the bank and assembles an exam or draws a drill; then opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from quizengine.analysis import FamilyRecord
from quizengine.cli import unknown
from quizengine.drill import DrillSession
from quizengine.errors import QuizengineError
from quizengine.exam import Exam
from quizengine.loader import Bank
from quizengine.tui.requests import DrillRequest, ExamRequest

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


class ExamAssembled(Message):
    """The worker assembled the exam."""

    def __init__(self, exam: Exam) -> None:
        super().__init__()
        self.exam = exam


class DrillPrepared(Message):
    """The worker loaded the bank (and, for a weak-spot drill, ranked the weak families)."""

    def __init__(self, bank: Bank, seed: int, records: list[FamilyRecord] | None) -> None:
        super().__init__()
        self.bank = bank
        self.seed = seed
        self.records = records


class PreparationFailed(Message):
    """The exam or drill cannot be built as asked."""

    def __init__(self, error: QuizengineError) -> None:
        super().__init__()
        self.error = error


def describe(request: ExamRequest | DrillRequest) -> str:
    if isinstance(request, ExamRequest):
        bp = request.blueprint
        return f"Assembling your exam: {bp.questions} questions, {bp.minutes} minutes…"
    if request.weak_spots:
        return "Finding your weak spots…"
    return "Drawing fresh questions for your drill…"


class PreparingScreen(Screen[None]):
    """Keeps the UI responsive while generation runs (assembling 65 questions can take a while)."""

    def __init__(self, request: ExamRequest | DrillRequest, *, exit_on_error: bool) -> None:
        super().__init__()
        self.request = request
        self.exit_on_error = exit_on_error
        """Started from the command line: a failure ends the app with the message and exit status 1."""

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="preparing"):
            yield Static(describe(self.request), id="preparing-text", markup=False)
            yield LoadingIndicator()

    def on_mount(self) -> None:
        self.prepare()

    @work(thread=True, exclusive=True, group="prepare")
    def prepare(self) -> None:
        engine = self.quiz_app.engine
        request = self.request
        try:
            seed = request.seed if request.seed is not None else engine.new_seed()
            if isinstance(request, ExamRequest):
                self.post_message(ExamAssembled(engine.assemble(request.blueprint, seed)))
                return
            bank = engine.bank()
            for topic in request.topics:
                if topic not in bank.topics:
                    raise unknown("topic", topic, sorted(bank.topics))
            records = engine.read_weak_families() if request.weak_spots else None
            self.post_message(DrillPrepared(bank, seed, records))
        except QuizengineError as error:
            self.post_message(PreparationFailed(error))

    @on(ExamAssembled)
    async def _exam_assembled(self, event: ExamAssembled) -> None:
        self.quiz_app.begin_exam(event.exam, replace=self)

    @on(DrillPrepared)
    async def _drill_prepared(self, event: DrillPrepared) -> None:
        request = self.request
        assert isinstance(request, DrillRequest)
        store = self.quiz_app.engine.store
        try:
            if request.weak_spots:
                session = DrillSession.weak_spots(store, event.bank, request.count, event.seed, records=event.records)
                title = "Weak-spot drill"
            else:
                session = DrillSession.for_topics(
                    store, event.bank, list(request.topics), request.domain, request.count, event.seed
                )
                title = "Topic drill"
        except QuizengineError as error:
            await self._failed(PreparationFailed(error))
            return
        self.quiz_app.open_drill(session, title=title, replace=self)

    @on(PreparationFailed)
    async def _failed(self, event: PreparationFailed) -> None:
        error = event.error
        if self.exit_on_error:
            self.app.exit(return_code=1, message=Text(f"quizengine: {error.title}: {error}"))
            return
        self.notify(str(error), title=error.title, severity="error", timeout=10)
        self.quiz_app.go_home()
