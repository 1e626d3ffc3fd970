"""`CustomExamModal(ModalScreen[ExamRequest | None])`: questions, minutes, domains, topics and seed."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static

from quizengine.blueprint import DVA_C02, custom_blueprint
from quizengine.domains import DOMAINS
from quizengine.errors import QuizengineError
from quizengine.loader import Bank
from quizengine.tui.formatting import domain_title
from quizengine.tui.modals.setup_fields import topic_choices, whole_number
from quizengine.tui.requests import ExamRequest


class CustomExamModal(ModalScreen[ExamRequest | None]):
    """A DVA-C02-shaped exam with the learner's overrides; no topics ticked means every topic."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="custom.cancel"),
        Binding("ctrl+s", "start", "Start exam", id="custom.start"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="custom-exam"):
            yield Static("Custom exam", classes="dialog-title")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-field"):
                    yield Label("Questions")
                    yield Input(str(DVA_C02.questions), type="integer", id="questions")
                with Vertical(classes="form-field"):
                    yield Label("Minutes")
                    yield Input(placeholder="2 per question", type="integer", id="minutes")
                with Vertical(classes="form-field"):
                    yield Label("Seed")
                    yield Input(placeholder="random", type="integer", id="seed")
            yield Label("Domains")
            yield SelectionList[str](
                *[(domain_title(d), d, True) for d in DOMAINS], id="domains", classes="form-list -short"
            )
            yield Label("Topics (none ticked: every topic of the chosen domains)")
            yield SelectionList[str](*topic_choices(self.bank), id="topics", classes="form-list")
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start exam (Ctrl+S)", variant="primary", id="start")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#questions", Input).focus()

    @on(SelectionList.SelectedChanged, "#domains")
    def _domains_changed(self) -> None:
        domains = list(self.query_one("#domains", SelectionList).selected)
        topics = self.query_one("#topics", SelectionList)
        ticked = set(topics.selected)
        topics.clear_options()
        topics.add_options([(label, value, value in ticked) for label, value in topic_choices(self.bank, domains)])

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        error = self.query_one("#form-error", Static)
        try:
            questions = whole_number(self.query_one("#questions", Input), "Questions", default=65, minimum=1)
            minutes = whole_number(self.query_one("#minutes", Input), "Minutes", default=None, minimum=1)
            seed = whole_number(self.query_one("#seed", Input), "Seed", default=None)
            domains = list(self.query_one("#domains", SelectionList).selected)
            if not domains:
                raise ValueError("tick at least one domain")
            topics = list(self.query_one("#topics", SelectionList).selected)
            blueprint = custom_blueprint(questions, minutes, domains, topics)
        except (ValueError, QuizengineError) as exc:
            error.update(str(exc))
            return
        self.dismiss(ExamRequest(blueprint, seed))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
