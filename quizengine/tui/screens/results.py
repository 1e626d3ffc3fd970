"""The score after an exam: scaled score and PASS/FAIL at 720, raw score, time used, domain bars, weakest topics."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quizengine.scoring import PASSING_SCORE, ExamResult
from quizengine.tui import help_text
from quizengine.tui.commands import PaletteCommand
from quizengine.tui.formatting import domain_title, duration_text
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.widgets.domain_bars import DomainBars

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


class ResultsScreen(ScreenHelp, Screen[None]):
    """What the real score report shows, plus the weakest topics to work on next."""

    HELP = help_text.RESULTS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", "Review answers", id="results.review"),
        Binding("d", "drill_weakest", "Drill weakest topics", id="results.drill"),
        Binding("h,escape", "home", "Home", id="results.home"),
        Binding("question_mark", "help", "Help", id="results.help"),
    ]

    def __init__(
        self, attempt_id: int, result: ExamResult, *, time_used: float | None, time_limit: float | None
    ) -> None:
        super().__init__()
        self.attempt_id = attempt_id
        self.result = result
        self.time_used = time_used
        self.time_limit = time_limit

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        result = self.result
        verdict = "PASS" if result.passed else "FAIL"
        with VerticalScroll(id="results"):
            with Horizontal(id="score-row"):
                yield Static(
                    Content.assemble((f" {verdict} ", "bold reverse"), "  ", (f"{result.scaled}", "bold")),
                    id="verdict",
                    classes="-pass" if result.passed else "-fail",
                )
                yield Static(
                    Content.assemble(
                        (f"Scaled score {result.scaled} of 1000", "bold"),
                        f" (pass mark {PASSING_SCORE})\n",
                        f"Raw score {result.correct} of {result.total} correct ({result.percent:.1f} %), "
                        f"{result.answered} answered\n",
                        f"Time used {duration_text(self.time_used)} of {duration_text(self.time_limit)}",
                    ),
                    id="score-detail",
                )
            yield Static("By domain", classes="section-title")
            yield DomainBars(id="domain-bars")
            yield Static("Weakest topics", classes="section-title")
            yield Static(id="weakest", markup=False)
            yield Static(
                Content.assemble(
                    ("r", "bold"),
                    " review every answer   ",
                    ("d", "bold"),
                    " drill the weakest topics   ",
                    ("h", "bold"),
                    " home",
                ),
                id="results-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        rows = [(domain_title(name), tally) for name, tally in self.result.domains.items()]
        self.query_one(DomainBars).show(rows)
        weakest = self.result.weakest_topics()
        lines = [
            f"{tally.correct:>3}/{tally.total:<3} {tally.percent:>3.0f} %  {self.quiz_app.engine.topic_title(topic)} ({topic})"
            for topic, tally in weakest
        ]
        self.query_one("#weakest", Static).update("\n".join(lines) or "None: every topic fully correct.")

    def action_review(self) -> None:
        self.quiz_app.open_review(self.quiz_app.engine.store.attempt(self.attempt_id))

    async def action_drill_weakest(self) -> None:
        from quizengine.tui.requests import DrillRequest

        topics = tuple(topic for topic, _ in self.result.weakest_topics())
        if not topics:
            self.notify("No weak topics in this exam: every topic was fully correct.")
            return
        self.quiz_app.start(DrillRequest(topics=topics, count=10))

    async def action_home(self) -> None:
        self.quiz_app.go_home()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand("results: Review answers", "r", self.action_review),
            PaletteCommand("results: Drill the weakest topics", "d", self.action_drill_weakest),
        ]
