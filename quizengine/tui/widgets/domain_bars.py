"""Horizontal bars of the share correct per domain or topic, sized to the widget (shapes survive NO_COLOR)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quizengine.scoring import CUT_FRACTION, Tally

LABEL_WIDTH = 32
NUMBERS_WIDTH = 13  # " 14/21  67 %"
MIN_BAR = 10


def bar_content(percent: float, width: int) -> Content:
    """A bar `width` cells wide: filled █ for the share correct, ░ for the rest."""
    filled = round(width * max(0.0, min(100.0, percent)) / 100)
    style = "$text-success" if percent >= CUT_FRACTION * 100 else "$text-warning" if percent >= 50 else "$text-error"
    return Content.assemble(("█" * filled, style), ("░" * (width - filled), "dim"))


class DomainBars(Widget):
    """One row per label: the label, a bar and 'correct/total percent'."""

    DEFAULT_CSS = """
    DomainBars { height: auto; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[tuple[str, Tally]] = []
        self.empty_text = "No answers yet."

    def show(self, rows: list[tuple[str, Tally]], *, empty_text: str | None = None) -> None:
        self.rows = rows
        if empty_text is not None:
            self.empty_text = empty_text
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.rows))

    def render(self) -> Content:
        if not self.rows:
            return Content.styled(self.empty_text, "dim")
        width = self.content_size.width
        label_width = min(LABEL_WIDTH, max(12, width // 3))
        bar_width = max(MIN_BAR, width - label_width - NUMBERS_WIDTH - 2)
        lines = []
        for label, tally in self.rows:
            text = label if len(label) <= label_width else label[: label_width - 1] + "…"
            lines.append(
                Content.assemble(
                    text.ljust(label_width),
                    " ",
                    bar_content(tally.percent, bar_width),
                    f" {tally.correct:>3}/{tally.total:<3} {tally.percent:>3.0f} %",
                )
            )
        return Content("\n").join(lines)
