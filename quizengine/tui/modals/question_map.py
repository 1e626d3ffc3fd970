"""`QuestionMapModal(ModalScreen[int | None])`: the question map; returns the position to jump to."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from quizengine.tui.widgets.question_map import CellState, QuestionMap


class QuestionMapModal(ModalScreen[int | None]):
    """Every question at a glance; Enter (or a click) jumps, Escape returns to the same question."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,m", "close", "Close map", id="map.close")]

    def __init__(self, states: list[CellState], current: int) -> None:
        super().__init__()
        self.states = states
        self.current = current

    def compose(self) -> ComposeResult:
        answered = sum(1 for s in self.states if s.answered)
        flagged = sum(1 for s in self.states if s.flagged)
        with Vertical(classes="dialog", id="map-dialog"):
            yield Static("Question map", classes="dialog-title")
            yield Static(
                f"{answered} answered · {len(self.states) - answered} unanswered · {flagged} flagged",
                classes="dialog-body",
            )
            yield QuestionMap(self.states, self.current, id="question-map")
            yield Static(
                Content.assemble(
                    "● answered  ○ unanswered  ⚑ flagged   ",
                    ("arrows", "bold"),
                    " move  ",
                    ("Enter", "bold"),
                    " jump  ",
                    ("Esc", "bold"),
                    " close",
                ),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(QuestionMap).focus()

    @on(QuestionMap.QuestionPicked)
    def _picked(self, event: QuestionMap.QuestionPicked) -> None:
        self.dismiss(event.position)

    def action_close(self) -> None:
        self.dismiss(None)
