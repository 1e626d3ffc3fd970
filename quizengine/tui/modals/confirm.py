"""A yes/no question in a dialog: `ConfirmModal(ModalScreen[bool])`."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant


class ConfirmModal(ModalScreen[bool]):
    """Asks before something the learner may not mean (leaving an exam, resuming an old one)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    YES_VARIANT: ClassVar[ButtonVariant] = "primary"
    NO_VARIANT: ClassVar[ButtonVariant] = "default"

    def __init__(self, title: str, body: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text = title
        self.body_text = body
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield from self.compose_body()
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", variant=self.YES_VARIANT, id="yes")
                yield Button(f"{self.no_label} (n)", variant=self.NO_VARIANT, id="no")

    def compose_body(self) -> ComposeResult:
        """What the dialog explains between its title and its buttons."""
        yield Static(self.body_text, classes="dialog-body", markup=False)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
