"""Past attempts (date, mode, score, pass/fail, time), the score trend and per-domain mastery; any attempt opens in review."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quizengine.analysis import HistorySummary, summarize
from quizengine.errors import QuizengineError
from quizengine.scoring import MAX_SCORE, MIN_SCORE, PASSING_SCORE
from quizengine.storage import Attempt
from quizengine.tui import help_text
from quizengine.tui.formatting import clock_text, domain_title, duration_text, local_time
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.widgets.domain_bars import DomainBars, bar_content

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


class HistoryLoaded(Message):
    """The worker read every attempt and summarised them."""

    def __init__(self, attempts: list[Attempt], summary: HistorySummary) -> None:
        super().__init__()
        self.attempts = attempts
        self.summary = summary


class HistoryFailed(Message):
    """The attempts could not be read."""

    def __init__(self, error: QuizengineError) -> None:
        super().__init__()
        self.error = error


def time_used(attempt: Attempt) -> float | None:
    """Seconds an exam took (limit minus what was left); None for drills."""
    if attempt.time_limit_seconds is None or attempt.remaining_seconds is None:
        return None
    return attempt.time_limit_seconds - attempt.remaining_seconds


def row_for(attempt: Attempt, tz: dt.tzinfo | None) -> tuple[str, ...]:
    """The table row: id, date, mode, score, result, correct, time."""
    answered = [a for a in attempt.answer_list() if a.selected]
    correct = sum(1 for q, a in zip(attempt.questions, attempt.answer_list(), strict=True) if q.is_correct(a.selected))
    if attempt.status == "in_progress":
        if attempt.mode == "exam":
            result = f"unfinished, {clock_text(attempt.remaining_seconds or 0)} left"
        else:
            result = "not finished"
        score = "—"
    elif attempt.score is not None:
        score = str(attempt.score)
        result = "PASS" if attempt.passed else "FAIL"
    else:
        score = "—"
        result = "done"
    total = len(attempt.questions) if attempt.mode == "exam" else len(answered)
    return (
        str(attempt.id),
        local_time(attempt.started, tz),
        attempt.mode,
        score,
        result,
        f"{correct}/{total}",
        duration_text(time_used(attempt)) if attempt.mode == "exam" else "—",
    )


TREND_ROWS = 8
"""The trend plots the last this many submitted exams."""
TREND_BAR = 20


def trend_content(trend: list[tuple[str, int]], tz: dt.tzinfo | None) -> Content:
    """A text plot, oldest first: date, a bar on the 100-1000 scale, the score and PASS/FAIL at 720."""
    if not trend:
        return Content.styled("No submitted exams yet: the trend appears after your first mock exam.", "dim")
    rows = []
    for started, score in trend[-TREND_ROWS:]:
        percent = 100 * (score - MIN_SCORE) / (MAX_SCORE - MIN_SCORE)
        verdict = ("PASS", "$text-success") if score >= PASSING_SCORE else ("FAIL", "$text-error")
        rows.append(
            Content.assemble(
                local_time(started, tz)[:10], " ", bar_content(percent, TREND_BAR), f" {score:>4} ", verdict
            )
        )
    scores = [score for _, score in trend]
    passed = sum(1 for s in scores if s >= PASSING_SCORE)
    rows.append(
        Content.styled(f"{len(scores)} exam(s), {passed} passed · best {max(scores)} · latest {scores[-1]}", "dim")
    )
    return Content("\n").join(rows)


class HistoryScreen(ScreenHelp, Screen[None]):
    """Read in a worker: a learner with many attempts must not freeze the UI."""

    HELP = help_text.HISTORY

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="history.back"),
        Binding("question_mark", "help", "Help", id="history.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.attempts: dict[str, Attempt] = {}
        self.loaded_once = False

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("History", id="history-title")
        table: DataTable[str] = DataTable(id="attempts", cursor_type="row", zebra_stripes=True)
        table.loading = True
        yield table
        with Horizontal(id="history-panels"):
            with Vertical(id="trend-panel"):
                yield Static("Score trend (scaled, oldest first)", classes="section-title")
                yield Static("", id="trend", markup=False)
            with Vertical(id="mastery-panel"):
                yield Static("Mastery by domain (exams and drills)", classes="section-title")
                yield DomainBars(id="mastery")
                yield Static("", id="weak-topics", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#attempts", DataTable)
        table.add_columns("#", "Started", "Mode", "Score", "Result", "Correct", "Time")
        table.focus()
        self.load()

    def on_screen_resume(self) -> None:
        if self.loaded_once:
            self.load()  # back from a review or a resumed exam: attempts may have changed

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        try:
            attempts = self.quiz_app.engine.read_attempts()
        except QuizengineError as error:
            self.post_message(HistoryFailed(error))
            return
        self.post_message(HistoryLoaded(attempts, summarize(attempts)))

    @on(HistoryLoaded)
    def _loaded(self, event: HistoryLoaded) -> None:
        self.loaded_once = True
        tz = self.quiz_app.engine.timezone
        table = self.query_one("#attempts", DataTable)
        table.clear()
        self.attempts = {str(a.id): a for a in event.attempts}
        for attempt in event.attempts:
            table.add_row(*row_for(attempt, tz), key=str(attempt.id))
        table.loading = False
        table.focus()
        if not event.attempts:
            table.add_row("", "No attempts yet: start a mock exam or a drill from the home screen.", "", "", "", "", "")
        summary = event.summary
        self.query_one("#trend", Static).update(trend_content(summary.trend, tz))
        rows = [(domain_title(name), tally) for name, tally in sorted(summary.domains.items())]
        self.query_one("#mastery", DomainBars).show(rows, empty_text="No graded answers yet.")
        weakest = summary.weakest_topics(3)
        self.query_one("#weak-topics", Static).update(
            "Weakest topics: "
            + "; ".join(f"{self.quiz_app.engine.topic_title(t)} {x.correct}/{x.total}" for t, x in weakest)
            if weakest
            else ""
        )

    @on(HistoryFailed)
    def _failed(self, event: HistoryFailed) -> None:
        self.query_one("#attempts", DataTable).loading = False
        self.notify(str(event.error), title=event.error.title, severity="error")

    @on(DataTable.RowSelected, "#attempts")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        attempt = self.attempts.get(str(event.row_key.value))
        if attempt is None:
            return
        if attempt.status == "in_progress" and attempt.mode == "exam":
            self._offer_resume(attempt)
        elif not attempt.questions:
            self.notify("This attempt has no questions to review.")
        else:
            self.quiz_app.open_review(attempt)

    def _offer_resume(self, attempt: Attempt) -> None:
        from quizengine.tui.modals.confirm import ConfirmModal
        from quizengine.tui.requests import ResumeRequest

        async def resume(confirmed: bool | None) -> None:
            if confirmed:
                self.quiz_app.start(ResumeRequest(attempt.id))

        self.app.push_screen(
            ConfirmModal(
                f"Resume exam #{attempt.id}?",
                f"It stopped at question {attempt.current_index + 1} of {len(attempt.questions)} with "
                f"{clock_text(attempt.remaining_seconds or 0)} left. Unfinished exams are not scored, so they "
                "cannot be reviewed yet.",
                yes="Resume",
                no="Not now",
            ),
            resume,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
