"""Command palette commands ('area: verb'): the active screen's own, plus going places and starting things."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


@dataclass(frozen=True)
class PaletteCommand:
    """One palette entry; `help` says what it does or which key does the same."""

    title: str
    help: str
    callback: Callable[[], Any | Awaitable[Any]]


@runtime_checkable
class HasPaletteCommands(Protocol):
    """A screen that offers commands of its own."""

    def palette_commands(self) -> list[PaletteCommand]: ...


class QuizCommands(Provider):
    """Offers the current screen's commands first, then the app's."""

    def _commands(self) -> list[PaletteCommand]:
        screen = self.screen
        commands = list(screen.palette_commands()) if isinstance(screen, HasPaletteCommands) else []
        app = cast("QuizApp", self.app)
        commands.extend(app.palette_commands(screen))
        return commands

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.callback, help=command.help)
