"""Review a finished (or past) attempt: a list filtered by all / incorrect / flagged / unanswered and the explanations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from quizengine.question import Question
from quizengine.storage import Attempt
from quizengine.tui import help_text
from quizengine.tui.commands import PaletteCommand
from quizengine.tui.formatting import domain_title, local_time
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.widgets.answer_detail import AnswerDetail

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp

FILTERS = ("all", "incorrect", "flagged", "unanswered")
TITLE_CELLS = 18
"""Question titles in the list are cut to this many cells so every item stays on one line."""


@dataclass(frozen=True)
class ReviewItem:
    """One question of the attempt with what the learner did."""

    position: int
    question: Question
    selected: list[str]
    flagged: bool

    @property
    def answered(self) -> bool:
        return bool(self.selected)

    @property
    def correct(self) -> bool:
        return self.question.is_correct(self.selected)

    def matches(self, name: str) -> bool:
        """Whether the item belongs under filter `name`; incorrect includes unanswered (both score zero)."""
        if name == "incorrect":
            return not self.correct
        if name == "flagged":
            return self.flagged
        if name == "unanswered":
            return not self.answered
        return True


def review_items(attempt: Attempt) -> list[ReviewItem]:
    return [
        ReviewItem(position, question, sorted(record.selected), record.flagged)
        for position, (question, record) in enumerate(zip(attempt.questions, attempt.answer_list(), strict=True))
    ]


def item_prompt(item: ReviewItem) -> Content:
    if not item.answered:
        mark = ("○", "$text-warning bold")
    elif item.correct:
        mark = ("✓", "$text-success bold")
    else:
        mark = ("✗", "$text-error bold")
    flag = "⚑" if item.flagged else " "
    title = item.question.title
    if len(title) > TITLE_CELLS:
        title = title[: TITLE_CELLS - 1] + "…"
    return Content.assemble(mark, f" {item.position + 1:>2} {flag} ", (title, "dim"))


class ReviewScreen(ScreenHelp, Screen[None]):
    """Every question with the learner's answer, the correct one and why each option is right or wrong."""

    HELP = help_text.REVIEW

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "filter('all')", "All", id="review.all"),
        Binding("i", "filter('incorrect')", "Incorrect", id="review.incorrect"),
        Binding("f", "filter('flagged')", "Flagged", id="review.flagged"),
        Binding("u", "filter('unanswered')", "Unanswered", id="review.unanswered"),
        Binding("question_mark", "help", "Help", id="review.help"),
        Binding("escape", "back", "Back", id="review.back"),
    ]

    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt
        self.items = review_items(attempt)
        self.filter = "all"
        self.shown: list[ReviewItem] = []

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        items = self.items
        counts = {name: sum(1 for item in items if item.matches(name)) for name in FILTERS}
        yield Static(self._title(), id="review-title", markup=False)
        yield Tabs(
            *[Tab(f"{name.capitalize()} ({counts[name]})", id=f"filter-{name}") for name in FILTERS],
            id="review-filters",
        )
        with Horizontal(id="review-body"):
            yield OptionList(id="review-list")
            with VerticalScroll(id="review-detail"):
                yield AnswerDetail(id="review-answer")
                yield Static("", id="review-empty", markup=False)
        yield Footer()

    def _title(self) -> str:
        a = self.attempt
        score = f" · {a.score} {'PASS' if a.passed else 'FAIL'}" if a.score is not None else ""
        when = local_time(a.started, self.quiz_app.engine.timezone)
        return f"Review · {a.mode} #{a.id} · {when}{score}"

    def on_mount(self) -> None:
        self.query_one("#review-list", OptionList).focus()
        self._apply_filter()

    @on(Tabs.TabActivated, "#review-filters")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        name = (event.tab.id or "filter-all").removeprefix("filter-")
        if name != self.filter:
            self.filter = name
            self._apply_filter()

    def action_filter(self, name: str) -> None:
        self.query_one("#review-filters", Tabs).active = f"filter-{name}"

    def _apply_filter(self) -> None:
        self.shown = [item for item in self.items if item.matches(self.filter)]
        options = self.query_one("#review-list", OptionList)
        options.clear_options()
        options.add_options([Option(item_prompt(item), id=str(item.position)) for item in self.shown])
        empty = self.query_one("#review-empty", Static)
        detail = self.query_one(AnswerDetail)
        if self.shown:
            empty.display = False
            detail.display = True
            options.highlighted = 0
        else:
            detail.display = False
            empty.display = True
            empty.update(f"No {self.filter} questions in this attempt.")

    @on(OptionList.OptionHighlighted, "#review-list")
    async def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.shown):
            await self.show_item(self.shown[event.option_index])

    async def show_item(self, item: ReviewItem) -> None:
        question = item.question
        heading = Content.assemble(
            (f"Question {item.position + 1}", "bold"),
            f" · {domain_title(question.domain)} · {self.quiz_app.engine.topic_title(question.topic)}",
            (" · ⚑ flagged", "bold") if item.flagged else "",
        )
        await self.query_one(AnswerDetail).show(question, item.selected, heading=heading)
        self.query_one("#review-detail", VerticalScroll).scroll_home(animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand(f"review: Show {name} questions", name[0], partial(self.action_filter, name))
            for name in FILTERS
        ]
