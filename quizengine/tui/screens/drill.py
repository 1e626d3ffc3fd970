"""A topic or weak-spot drill: fresh variants one at a time, with feedback and explanations after each answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quizengine.delivery import SelectionRefused, apply_choice
from quizengine.drill import DrillSession, Feedback
from quizengine.question import Question
from quizengine.tui import help_text
from quizengine.tui.commands import PaletteCommand
from quizengine.tui.formatting import choose_label
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.widgets.answer_detail import AnswerDetail
from quizengine.tui.widgets.question_view import QuestionView, option_bindings

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


class DrillScreen(ScreenHelp, Screen[None]):
    """Choose, press Enter to check, read why, press Enter for the next question."""

    HELP = help_text.DRILL

    AUTO_FOCUS = ""  # the screen's bindings drive everything; nothing needs focus

    BINDINGS: ClassVar[list[BindingType]] = [
        *option_bindings("drill"),
        Binding("enter", "check_or_next", "Check / next", id="drill.check"),
        Binding("n", "next_question", "Next", id="drill.next"),
        Binding("pageup", "scroll(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll(1)", "Scroll down", show=False),
        Binding("r", "review", "Review", show=False, id="drill.review"),
        Binding("question_mark", "help", "Help", id="drill.help"),
        Binding("escape", "end_drill", "End drill", id="drill.end"),
    ]

    def __init__(self, session: DrillSession, *, title: str = "Topic drill") -> None:
        super().__init__()
        self.session = session
        """The drill; it stores every checked answer."""
        self.drill_title = title
        self.question: Question | None = None
        self.selected: list[str] = []
        self.feedback: Feedback | None = None
        self.done = False

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="drill-header", markup=False)
        with VerticalScroll(id="drill-scroll", can_focus=False):
            yield QuestionView(id="question")
            yield AnswerDetail(show_stem=False, id="feedback")
            yield Static(id="drill-summary", markup=False)
        yield Footer()

    async def on_mount(self) -> None:
        await self.action_next_question()

    # -- flow ------------------------------------------------------------------------------------------

    async def action_next_question(self) -> None:
        if self.done or (self.question is not None and self.feedback is None):
            return
        question = self.session.next_question()
        if question is None:
            self._finish()
            return
        self.question, self.selected, self.feedback = question, [], None
        await self.query_one(QuestionView).show_question(question, [], reveal=False)
        self.query_one("#feedback").display = False
        self.query_one("#drill-summary").display = False
        self.query_one("#drill-scroll", VerticalScroll).scroll_home(animate=False)
        self._refresh_header()

    def action_choose(self, letter: str) -> None:
        if self.question is None or self.feedback is not None or self.done:
            return
        try:
            self.selected = apply_choice(self.question, self.selected, letter)
        except SelectionRefused as refused:
            self.app.bell()
            self.notify(refused.message[:1].upper() + refused.message[1:], severity="warning", timeout=4)
            return
        self.query_one(QuestionView).show_selection(self.selected)

    def action_highlight(self, step: int) -> None:
        if self.feedback is None and not self.done:
            self.query_one(QuestionView).action_highlight(step)

    def action_choose_highlighted(self) -> None:
        self.query_one(QuestionView).action_toggle_highlighted()

    @on(QuestionView.OptionToggled)
    def _option_toggled(self, event: QuestionView.OptionToggled) -> None:
        self.action_choose(event.letter)

    async def action_check_or_next(self) -> None:
        if self.done:
            self.quiz_app.go_home()
        elif self.feedback is not None:
            await self.action_next_question()
        else:
            await self.check()

    async def check(self) -> None:
        """Store the answer and show whether it was right, the correct options and every explanation."""
        question = self.question
        if question is None:
            return
        if len(self.selected) != question.select:
            need = choose_label(question.select).lower() if question.select > 1 else "choose an option"
            self.notify(f"First {need} (a-e or 1-6), then press Enter.", severity="warning", timeout=4)
            return
        self.feedback = self.session.answer(question, self.selected)
        self.query_one(QuestionView).show_selection(self.selected, reveal=True)
        detail = self.query_one(AnswerDetail)
        await detail.show(question, self.selected)
        detail.display = True
        self._refresh_header()
        self.call_after_refresh(detail.scroll_visible, top=True, animate=False)

    def _finish(self) -> None:
        """Close the drill (stored) and show the summary."""
        self.done = True
        correct, answered = self.session.finish()
        self.question = None
        self.query_one(QuestionView).display = False
        self.query_one("#feedback").display = False
        summary = self.query_one("#drill-summary", Static)
        percent = f" ({100 * correct / answered:.0f} %)" if answered else ""
        summary.update(
            Content.assemble(
                ("Drill complete", "bold"),
                f"\n\n{correct} of {answered} correct{percent}.\n\n",
                ("r", "bold"),
                " review the drill   ",
                ("Enter", "bold"),
                " or ",
                ("Esc", "bold"),
                " home",
            )
        )
        summary.display = True
        self._refresh_header()

    def _refresh_header(self) -> None:
        correct, answered = self.session.score
        if self.done:
            position = f"{answered} answered"
        else:
            position = f"Question {len(self.session.asked)} of {self.session.count}"
        self.query_one("#drill-header", Static).update(f"{self.drill_title} · {position} · {correct} correct")

    # -- leaving ---------------------------------------------------------------------------------------

    async def action_end_drill(self) -> None:
        if self.done:
            self.quiz_app.go_home()
            return
        if not self.session.feedback:
            self.session.finish()
            self.quiz_app.go_home()
            return
        self._finish()

    def action_review(self) -> None:
        if self.done:
            self.quiz_app.open_review(self.quiz_app.engine.store.attempt(self.session.attempt_id))

    def action_scroll(self, direction: int) -> None:
        scroll = self.query_one("#drill-scroll", VerticalScroll)
        if direction < 0:
            scroll.scroll_page_up()
        else:
            scroll.scroll_page_down()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand("drill: Check answer / next question", "Enter", self.action_check_or_next),
            PaletteCommand("drill: End drill", "Esc", self.action_end_drill),
            PaletteCommand("drill: Keys", "?", self.action_help),
        ]
