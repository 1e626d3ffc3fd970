"""The timed exam: one question at a time, the countdown, flags, the question map and submit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from quizengine.delivery import ExamSession, SelectionRefused
from quizengine.tui import help_text
from quizengine.tui.commands import PaletteCommand
from quizengine.tui.formatting import clock_text
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.widgets.exam_header import DANGER_SECONDS, WARNING_SECONDS, Countdown, ExamHeader, FlagIndicator
from quizengine.tui.widgets.question_map import CellState
from quizengine.tui.widgets.question_view import QuestionView, option_bindings

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


class ExamScreen(ScreenHelp, Screen[None]):
    """Like the real exam: the domain stays hidden, answers count only when submitted, the clock keeps running."""

    HELP = help_text.EXAM

    AUTO_FOCUS = ""  # the screen's bindings drive everything; nothing needs focus

    BINDINGS: ClassVar[list[BindingType]] = [
        *option_bindings("exam"),
        Binding("n,right", "next_question", "Next", id="exam.next", priority=True),
        Binding("p,left", "previous_question", "Prev", id="exam.previous", priority=True),
        Binding("f", "flag_question", "Flag", id="exam.flag", tooltip="Flag this question for review"),
        Binding("m", "question_map", "Map", id="exam.map", tooltip="All questions: answered, unanswered, flagged"),
        Binding("ctrl+s", "submit_exam", "Submit", id="exam.submit", tooltip="Score the exam (asks first)"),
        Binding("x", "clear_answer", "Clear answer", show=False, id="exam.clear"),
        Binding("enter", "choose_highlighted", "Choose highlighted", show=False, id="exam.choose-highlighted"),
        Binding("pageup", "scroll_question(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_question(1)", "Scroll down", show=False),
        Binding("question_mark", "help", "Help", id="exam.help"),
        Binding("escape", "leave_exam", "Leave", id="exam.leave", tooltip="Save and leave; resume later"),
    ]

    def __init__(self, session: ExamSession, *, tick_seconds: float = 1.0) -> None:
        super().__init__()
        self.session = session
        """The attempt in progress; every change goes through it and is stored at once."""
        self.tick_seconds = tick_seconds
        self._warned: set[int] = set()

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield ExamHeader(id="exam-header")
        with VerticalScroll(id="question-scroll", can_focus=False):
            yield QuestionView(id="question")
        yield Footer()

    async def on_mount(self) -> None:
        self.session.save_progress()
        await self.show_current()
        self.query_one(Countdown).remaining = self.session.remaining()
        self._warned = {t for t in (WARNING_SECONDS, DANGER_SECONDS) if self.session.remaining() <= t}
        self._announce_time(initial=True)
        self.set_interval(self.tick_seconds, self.tick, name="exam-tick")
        if self.session.expired:
            self.time_up()

    def on_unmount(self) -> None:
        self.session.save_progress()

    # -- drawing ---------------------------------------------------------------------------------------

    async def show_current(self) -> None:
        """Draw the current question, its selection and the header."""
        session = self.session
        await self.query_one(QuestionView).show_question(session.current, session.selected())
        self.query_one("#question-scroll", VerticalScroll).scroll_home(animate=False)
        self._refresh_header()

    def _refresh_header(self) -> None:
        progress = self.session.progress()
        self.query_one(ExamHeader).show(
            index=self.session.index,
            total=self.session.total,
            answered=progress.answered,
            flagged_count=progress.flagged,
            flagged=self.session.is_flagged(),
        )

    # -- the clock -------------------------------------------------------------------------------------

    def tick(self) -> None:
        """Once a second: store the time left, update the countdown, warn, and submit when time is up."""
        if self.session.submitted:
            return
        expired = self.session.tick()
        self.query_one(Countdown).remaining = self.session.remaining()
        self._announce_time()
        if expired:
            self.time_up()

    def _announce_time(self, *, initial: bool = False) -> None:
        remaining = self.session.remaining()
        due = [t for t in (WARNING_SECONDS, DANGER_SECONDS) if remaining <= t and (initial or t not in self._warned)]
        if not due or remaining <= 0:
            return
        self._warned.update(due)
        minutes = max(1, round(remaining / 60))
        self.notify(
            f"{minutes} minute{'s' if minutes != 1 else ''} left. Unanswered questions count as wrong.",
            title="Time",
            severity="error" if remaining <= DANGER_SECONDS else "warning",
            timeout=8,
        )

    def time_up(self) -> None:
        """Time has run out: submit without asking and open the results (the app closes any dialog first)."""
        if self.session.submitted:
            return
        self.notify("Time is up: your exam was submitted.", title="Time", severity="warning", timeout=8)
        self._finish()

    def _finish(self) -> None:
        result = self.session.submit()
        self.quiz_app.show_results(self.session, result)

    # -- actions ---------------------------------------------------------------------------------------

    def action_choose(self, letter: str) -> None:
        try:
            selected = self.session.choose(letter)
        except SelectionRefused as refused:
            self.app.bell()
            self.notify(refused.message[:1].upper() + refused.message[1:], severity="warning", timeout=4)
            return
        self.query_one(QuestionView).show_selection(selected)
        self._refresh_header()

    @on(QuestionView.OptionToggled)
    def _option_toggled(self, event: QuestionView.OptionToggled) -> None:
        self.action_choose(event.letter)

    def action_highlight(self, step: int) -> None:
        self.query_one(QuestionView).action_highlight(step)

    def action_choose_highlighted(self) -> None:
        self.query_one(QuestionView).action_toggle_highlighted()

    def action_clear_answer(self) -> None:
        self.session.clear_answer()
        self.query_one(QuestionView).show_selection([])
        self._refresh_header()

    def action_flag_question(self) -> None:
        self.session.toggle_flag()
        self._refresh_header()

    @on(FlagIndicator.Clicked)
    def _flag_clicked(self) -> None:
        self.action_flag_question()

    async def action_next_question(self) -> None:
        if self.session.index + 1 >= self.session.total:
            self.notify("This is the last question. Ctrl+S submits; m shows the map.", timeout=3)
            return
        self.session.next()
        await self.show_current()

    async def action_previous_question(self) -> None:
        if self.session.index == 0:
            return
        self.session.previous()
        await self.show_current()

    async def go_to(self, position: int) -> None:
        self.session.go_to(position)
        await self.show_current()

    def action_scroll_question(self, direction: int) -> None:
        scroll = self.query_one("#question-scroll", VerticalScroll)
        if direction < 0:
            scroll.scroll_page_up()
        else:
            scroll.scroll_page_down()

    def action_question_map(self) -> None:
        from quizengine.tui.modals.question_map import QuestionMapModal

        states = [CellState(self.session.is_answered(q), self.session.is_flagged(q)) for q in self.session.questions]

        async def jump(position: int | None) -> None:
            if position is not None and not self.session.submitted:
                await self.go_to(position)

        self.app.push_screen(QuestionMapModal(states, self.session.index), jump)

    def action_submit_exam(self) -> None:
        from quizengine.tui.modals.confirm_submit import ConfirmSubmitModal

        async def submit(confirmed: bool | None) -> None:
            if confirmed and not self.session.submitted:
                self._finish()

        self.app.push_screen(
            ConfirmSubmitModal(
                total=self.session.total,
                unanswered=self.session.unanswered_positions(),
                flagged=self.session.flagged_positions(),
                remaining=clock_text(self.session.remaining()),
            ),
            submit,
        )

    def action_leave_exam(self) -> None:
        from quizengine.tui.modals.confirm import ConfirmModal

        async def leave(confirmed: bool | None) -> None:
            if confirmed and not self.session.submitted:
                self.session.save_progress()
                self.quiz_app.go_home()

        self.app.push_screen(
            ConfirmModal(
                "Leave the exam?",
                f"Your answers and the {clock_text(self.session.remaining())} left are saved. The clock stops "
                "until you resume (home screen, or `quizengine resume`).",
                yes="Leave",
                no="Stay",
            ),
            leave,
        )

    def palette_commands(self) -> list[PaletteCommand]:
        """Exam commands for the command palette."""
        unanswered = self.session.unanswered_positions()
        flagged = self.session.flagged_positions()
        commands = [
            PaletteCommand("exam: Flag or unflag this question", "f", self.action_flag_question),
            PaletteCommand("exam: Next question", "n or →", self.action_next_question),
            PaletteCommand("exam: Previous question", "p or ←", self.action_previous_question),
            PaletteCommand("exam: Question map", "m", self.action_question_map),
            PaletteCommand("exam: Clear this answer", "x", self.action_clear_answer),
            PaletteCommand("exam: Submit", "Ctrl+S, after a confirmation", self.action_submit_exam),
            PaletteCommand("exam: Leave (saved; resume later)", "Esc", self.action_leave_exam),
            PaletteCommand("exam: Keys and rules", "?", self.action_help),
        ]
        if unanswered:
            commands.append(
                PaletteCommand(
                    "exam: Go to the first unanswered question",
                    f"question {unanswered[0] + 1}",
                    lambda: self.go_to(unanswered[0]),
                )
            )
        if flagged:
            after = [p for p in flagged if p > self.session.index] or flagged
            commands.append(
                PaletteCommand(
                    "exam: Go to the next flagged question", f"question {after[0] + 1}", lambda: self.go_to(after[0])
                )
            )
        return commands
