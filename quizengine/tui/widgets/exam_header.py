"""The exam's top bar: 'Question 12 of 65', progress, the flag state and the countdown."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from quizengine.tui.formatting import clock_text

WARNING_SECONDS = 10 * 60
"""The countdown turns to a warning with ten minutes left."""
DANGER_SECONDS = 5 * 60
"""...and to an alarm with five."""


class Countdown(Static):
    """Time left in the exam; `-warning` at 10 minutes and `-danger` at 5 (colour and a sign, for NO_COLOR)."""

    remaining: reactive[float] = reactive(0.0, init=False)
    """Seconds left; the exam screen sets it on every tick."""

    def watch_remaining(self, seconds: float) -> None:
        danger = seconds <= DANGER_SECONDS
        warning = seconds <= WARNING_SECONDS
        sign = "⚠ " if warning else ""
        self.update(f"{sign}{clock_text(seconds)} left")
        self.set_class(warning and not danger, "-warning")
        self.set_class(danger, "-danger")


class FlagIndicator(Static):
    """Whether the current question is flagged for review; a click toggles the flag."""

    class Clicked(Message):
        """The learner clicked the flag indicator."""

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked())


class ExamHeader(Horizontal):
    """Position, answered and flagged counts, whether this question is flagged, and the countdown."""

    def compose(self) -> ComposeResult:
        yield Static(id="position", markup=False)
        yield Static(id="progress", markup=False)
        yield FlagIndicator(id="flag-state", markup=False)
        yield Countdown(id="countdown", markup=False)

    def show(self, *, index: int, total: int, answered: int, flagged_count: int, flagged: bool) -> None:
        self.query_one("#position", Static).update(f"Question {index + 1} of {total}")
        self.query_one("#progress", Static).update(f"{answered} answered · {flagged_count} flagged")
        flag = self.query_one("#flag-state", Static)
        flag.update("⚑ Flagged for review" if flagged else "⚐ Not flagged")
        flag.set_class(flagged, "-flagged")
