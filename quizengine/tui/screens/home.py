"""The home screen: resume (when an exam is unfinished), mock and custom exams, drills, history, author preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quizengine.blueprint import DVA_C02
from quizengine.errors import QuizengineError
from quizengine.loader import Bank
from quizengine.storage import Attempt
from quizengine.tui import help_text
from quizengine.tui.commands import PaletteCommand
from quizengine.tui.formatting import clock_text, local_time
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.requests import DrillRequest, ExamRequest, ResumeRequest

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


class BankLoaded(Message):
    """The worker loaded the question bank."""

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank


class BankFailed(Message):
    """The question bank could not be loaded."""

    def __init__(self, error: QuizengineError) -> None:
        super().__init__()
        self.error = error


MENU: list[tuple[str, str, str, str]] = [
    # (id, key, title, description); descriptions fit an 80-column terminal
    ("resume", "r", "Resume unfinished exam", "continue where you stopped"),
    ("exam", "e", "Mock exam", f"DVA-C02: {DVA_C02.questions} questions in {DVA_C02.minutes} minutes"),
    ("custom", "c", "Custom exam", "pick questions, minutes, domains, topics"),
    ("drill", "t", "Topic drill", "chosen topics, instant feedback"),
    ("weak", "w", "Weak-spot drill", "what you missed most, most recently"),
    ("history", "h", "History", "attempts, score trend, mastery"),
    ("author", "v", "Author preview", "families, variants, check problems"),
    ("quit", "q", "Quit", ""),
]
TITLE_WIDTH = max(len(title) for _, _, title, _ in MENU) + 2


def resume_text(attempt: Attempt, tz: dt.tzinfo | None) -> str:
    answered = sum(1 for a in attempt.answers.values() if a.selected)
    left = clock_text(attempt.remaining_seconds or 0)
    return (
        f"question {attempt.current_index + 1} of {len(attempt.questions)}, "
        f"{answered} answered, {left} left (started {local_time(attempt.started, tz)})"
    )


class HomeScreen(ScreenHelp, Screen[None]):
    """Where every mode starts. An unfinished exam is offered first, with where it stopped and the time left."""

    HELP = help_text.HOME

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "menu('resume')", "Resume", show=False, id="home.resume"),
        Binding("e", "menu('exam')", "Mock exam", show=False, id="home.exam"),
        Binding("c", "menu('custom')", "Custom", show=False, id="home.custom"),
        Binding("t", "menu('drill')", "Topic drill", show=False, id="home.drill"),
        Binding("w", "menu('weak')", "Weak spots", show=False, id="home.weak"),
        Binding("h", "menu('history')", "History", show=False, id="home.history"),
        Binding("v", "menu('author')", "Author", show=False, id="home.author"),
        Binding("q", "menu('quit')", "Quit", id="home.quit"),
        Binding("question_mark", "help", "Help", id="home.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.unfinished: Attempt | None = None
        self.bank: Bank | None = None

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(
                Content.assemble(("quizengine", "bold"), "  AWS Certified Developer – Associate (DVA-C02) practice"),
                id="home-title",
            )
            yield Static(id="data-warning", markup=False)
            yield Static(id="resume-banner", markup=False)
            yield OptionList(id="menu")
            yield Static("Loading the question bank…", id="bank-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        moved = self.quiz_app.engine.store.moved_aside
        warning = self.query_one("#data-warning", Static)
        if moved is not None:
            warning.update(
                f"The attempts database was damaged. It was moved to {moved.name} in the data folder "
                "and a new one was started."
            )
        warning.display = moved is not None
        self.refresh_menu()
        self.query_one("#menu", OptionList).focus()
        self.load_bank()

    def on_screen_resume(self) -> None:
        self.refresh_menu()

    def refresh_menu(self) -> None:
        """Rebuild the menu; the resume entry appears (first, highlighted) only when an exam is unfinished."""
        self.unfinished = self.quiz_app.engine.store.unfinished("exam")
        banner = self.query_one("#resume-banner", Static)
        if self.unfinished is not None:
            banner.update(
                Content.assemble(
                    ("Unfinished exam: ", "bold"),
                    resume_text(self.unfinished, self.quiz_app.engine.timezone),
                    ". Press ",
                    ("r", "bold"),
                    " to resume.",
                )
            )
        banner.display = self.unfinished is not None
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        for item_id, key, title, description in MENU:
            if item_id == "resume" and self.unfinished is None:
                continue
            prompt = Content.assemble((f" {key} ", "bold reverse"), "  ", (title.ljust(TITLE_WIDTH), "bold"))
            if description:
                prompt = Content.assemble(prompt, (description, "dim"))
            menu.add_option(Option(prompt, id=item_id))
        menu.highlighted = 0

    @work(thread=True, exclusive=True, group="bank")
    def load_bank(self) -> None:
        try:
            self.post_message(BankLoaded(self.quiz_app.engine.bank()))
        except QuizengineError as error:
            self.post_message(BankFailed(error))

    @on(BankLoaded)
    def _bank_loaded(self, event: BankLoaded) -> None:
        self.bank = bank = event.bank
        broken = len(bank.broken)
        covered = len({family.topic for family in bank.families.values()})
        text = f"{len(bank.families)} question families over {covered} of the syllabus's {len(bank.topics)} topics"
        if broken:
            text += f" · {broken} file(s) with problems (see Author preview)"
        self.query_one("#bank-status", Static).update(text)

    @on(BankFailed)
    def _bank_failed(self, event: BankFailed) -> None:
        self.query_one("#bank-status", Static).update(f"The question bank could not be loaded: {event.error}")

    @on(OptionList.OptionSelected, "#menu")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        await self.action_menu(event.option.id or "")

    async def action_menu(self, item: str) -> None:
        app = self.quiz_app
        if item == "resume":
            if self.unfinished is None:
                self.notify("There is no unfinished exam.")
                return
            app.start(ResumeRequest(self.unfinished.id))
        elif item == "exam":
            app.start(ExamRequest(DVA_C02))
        elif item == "weak":
            app.start(DrillRequest(weak_spots=True))
        elif item == "history":
            app.open_history()
        elif item == "author":
            app.open_author()
        elif item == "quit":
            app.exit()
        elif item in ("custom", "drill"):
            self._open_setup(item)

    def _open_setup(self, item: str) -> None:
        if self.bank is None:
            self.notify("The question bank is still loading; try again in a moment.")
            return

        async def start(request: ExamRequest | DrillRequest | None) -> None:
            if request is not None:
                self.quiz_app.start(request)

        if item == "custom":
            from quizengine.tui.modals.custom_exam import CustomExamModal

            self.app.push_screen(CustomExamModal(self.bank), start)
        else:
            from quizengine.tui.modals.drill_setup import DrillSetupModal

            self.app.push_screen(DrillSetupModal(self.bank), start)

    def palette_commands(self) -> list[PaletteCommand]:
        commands = [
            PaletteCommand(f"start: {title}", f"{key} · {description}".rstrip(" ·"), self._menu_callback(item_id))
            for item_id, key, title, description in MENU
            if item_id not in ("quit", "history", "author") and (item_id != "resume" or self.unfinished is not None)
        ]
        return commands

    def _menu_callback(self, item: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.action_menu(item)

        return run
