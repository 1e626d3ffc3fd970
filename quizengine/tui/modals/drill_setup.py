"""`DrillSetupModal(ModalScreen[DrillRequest | None])`: the topics (or domain) and length of a topic drill."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from quizengine.domains import DOMAINS
from quizengine.loader import Bank
from quizengine.tui.formatting import domain_title
from quizengine.tui.modals.setup_fields import topic_choices, whole_number
from quizengine.tui.requests import DrillRequest


class DrillSetupModal(ModalScreen[DrillRequest | None]):
    """Tick topics (or pick a domain); fresh variants of their families come one at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="drill-setup.cancel"),
        Binding("ctrl+s", "start", "Start drill", id="drill-setup.start"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="drill-setup"):
            yield Static("Topic drill", classes="dialog-title")
            yield Label("Topics (none ticked: every topic of the domain)")
            yield SelectionList[str](*topic_choices(self.bank), id="topics", classes="form-list")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-field -wide"):
                    yield Label("Domain")
                    yield Select[str](
                        [(domain_title(d), d) for d in DOMAINS], prompt="Any domain", id="domain", allow_blank=True
                    )
                with Vertical(classes="form-field"):
                    yield Label("Questions")
                    yield Input("10", type="integer", id="count")
                with Vertical(classes="form-field"):
                    yield Label("Seed")
                    yield Input(placeholder="random", type="integer", id="seed")
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start drill (Ctrl+S)", variant="primary", id="start")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#topics", SelectionList).focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        error = self.query_one("#form-error", Static)
        try:
            count = whole_number(self.query_one("#count", Input), "Questions", default=10, minimum=1)
            seed = whole_number(self.query_one("#seed", Input), "Seed", default=None)
        except ValueError as exc:
            error.update(str(exc))
            return
        domain = self.query_one("#domain", Select).value
        topics = tuple(self.query_one("#topics", SelectionList).selected)
        chosen_domain = domain if isinstance(domain, str) else None
        if topics and chosen_domain:
            wrong = [t for t in topics if self.bank.topics[t].domain != chosen_domain]
            if wrong:
                error.update(f"{', '.join(wrong)} is not in the {domain_title(chosen_domain)} domain")
                return
        assert count is not None
        self.dismiss(DrillRequest(topics, chosen_domain, count, seed))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
