"""`ConfirmSubmitModal(ModalScreen[bool])`: submit the exam? It lists the unanswered and flagged questions."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from quizengine.tui.formatting import positions_text


class ConfirmSubmitModal(ModalScreen[bool]):
    """The last look before scoring: what is unanswered (counts as wrong) and what is flagged."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Submit", id="submit.yes"),
        Binding("n,escape", "answer(False)", "Keep working", id="submit.no"),
    ]

    def __init__(self, *, total: int, unanswered: list[int], flagged: list[int], remaining: str) -> None:
        super().__init__()
        self.total = total
        self.unanswered = unanswered
        self.flagged = flagged
        self.remaining = remaining

    def compose(self) -> ComposeResult:
        answered = self.total - len(self.unanswered)
        with Vertical(classes="dialog", id="confirm-submit"):
            yield Static("Submit your exam?", classes="dialog-title")
            yield Static(
                f"You answered {answered} of {self.total} questions with {self.remaining} left.",
                classes="dialog-body",
                markup=False,
            )
            if self.unanswered:
                yield Static(
                    Content.assemble(
                        (f"Unanswered ({len(self.unanswered)}, scored as wrong): ", "bold $text-warning"),
                        positions_text(self.unanswered),
                    ),
                    id="unanswered-list",
                    classes="dialog-body",
                )
            else:
                yield Static("Every question is answered.", id="unanswered-list", classes="dialog-body")
            if self.flagged:
                yield Static(
                    Content.assemble(
                        (f"Flagged for review ({len(self.flagged)}): ", "bold"), positions_text(self.flagged)
                    ),
                    id="flagged-list",
                    classes="dialog-body",
                )
            else:
                yield Static("No questions are flagged.", id="flagged-list", classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Submit exam (y)", variant="error", id="submit")
                yield Button("Keep working (n)", variant="primary", id="keep-working")

    def on_mount(self) -> None:
        self.query_one("#keep-working", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "submit")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
