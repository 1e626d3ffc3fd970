"""`ConfirmSubmitModal(ConfirmModal)`: submit the exam? It lists the unanswered and flagged questions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from quizengine.tui.formatting import positions_text
from quizengine.tui.modals.confirm import ConfirmModal


class ConfirmSubmitModal(ConfirmModal):
    """The last look before scoring: what is unanswered (counts as wrong) and what is flagged."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Submit", id="submit.yes"),
        Binding("n,escape", "answer(False)", "Keep working", id="submit.no"),
    ]
    YES_VARIANT = "error"
    NO_VARIANT = "primary"

    def __init__(self, *, total: int, unanswered: list[int], flagged: list[int], remaining: str) -> None:
        answered = total - len(unanswered)
        body = f"You answered {answered} of {total} questions with {remaining} left."
        super().__init__("Submit your exam?", body, yes="Submit exam", no="Keep working")
        self.unanswered = unanswered
        self.flagged = flagged

    def compose_body(self) -> ComposeResult:
        yield from super().compose_body()
        if self.unanswered:
            yield Static(
                Content.assemble(
                    (f"Unanswered ({len(self.unanswered)}, scored as wrong): ", "bold $text-warning"),
                    positions_text(self.unanswered),
                ),
                classes="dialog-body",
            )
        else:
            yield Static("Every question is answered.", classes="dialog-body")
        if self.flagged:
            yield Static(
                Content.assemble((f"Flagged for review ({len(self.flagged)}): ", "bold"), positions_text(self.flagged)),
                classes="dialog-body",
            )
        else:
            yield Static("No questions are flagged.", classes="dialog-body")
