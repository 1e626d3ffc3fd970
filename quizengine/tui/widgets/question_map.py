"""A grid of every question in the exam showing answered, unanswered and flagged; Enter or a click jumps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

COLUMNS = 10
"""Cells per row; ten 5-cell columns fit an 80-column terminal."""


@dataclass(frozen=True)
class CellState:
    """What the map shows about one question."""

    answered: bool
    flagged: bool


def cell_text(position: int, state: CellState) -> str:
    """'12●⚑': the number, ● answered or ○ unanswered, ⚑ when flagged (readable without colour)."""
    mark = "●" if state.answered else "○"
    flag = "⚑" if state.flagged else " "
    return f"{position + 1:>2}{mark}{flag}"


class MapCell(Static):
    """One question in the map."""

    def __init__(self, position: int, state: CellState) -> None:
        classes = ["map-cell", "-answered" if state.answered else "-unanswered"]
        if state.flagged:
            classes.append("-flagged")
        super().__init__(cell_text(position, state), classes=" ".join(classes), markup=False)
        self.position = position

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(QuestionMap.QuestionPicked(self.position))


class QuestionMap(Grid, can_focus=True):
    """The grid; arrow keys move the cursor and Enter picks, posting `QuestionPicked`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Left", show=False),
        Binding("right", "move(1)", "Right", show=False),
        Binding("up", f"move({-COLUMNS})", "Up", show=False),
        Binding("down", f"move({COLUMNS})", "Down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("enter,space", "pick", "Jump to question", id="map.pick"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Position of the highlighted cell."""

    class QuestionPicked(Message):
        """The learner chose a question to jump to."""

        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, states: list[CellState], current: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.states = states
        self._initial = current

    def compose(self) -> ComposeResult:
        for position, state in enumerate(self.states):
            yield MapCell(position, state)

    def on_mount(self) -> None:
        self.styles.grid_size_columns = COLUMNS
        self.cursor = max(0, min(self._initial, len(self.states) - 1))
        self.watch_cursor(self.cursor)

    def watch_cursor(self, cursor: int) -> None:
        for cell in self.query(MapCell):
            cell.set_class(cell.position == cursor, "-cursor")

    def action_move(self, step: int) -> None:
        target = self.cursor + step
        if 0 <= target < len(self.states):
            self.cursor = target

    def action_move_to(self, position: int) -> None:
        self.cursor = position % len(self.states)

    def action_pick(self) -> None:
        self.post_message(self.QuestionPicked(self.cursor))
