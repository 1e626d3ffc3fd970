"""`HelpModal(ModalScreen[None])`: the keys and rules of the current screen, as Markdown."""

from __future__ import annotations

from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpModal(ModalScreen[None]):
    """Shows one help text; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close help", id="help.close")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        # Textual's Markdown widget (headings, tables) is imported only when help opens: it is slow to import.
        from textual.widgets import Markdown

        with Vertical(classes="dialog", id="help-dialog"):
            with VerticalScroll(id="help-scroll"):
                yield Markdown(self.markdown, open_links=False)
            yield Static("Esc closes", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class ScreenHelp:
    """Mixin for screens: `?` (action `help`) opens the screen's HELP text in a HelpModal."""

    HELP: ClassVar[str] = ""

    def action_help(self) -> None:
        cast("Screen[object]", self).app.push_screen(HelpModal(self.HELP))
