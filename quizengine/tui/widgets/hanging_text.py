"""A Visual that draws rows of a prefix (a mark, a letter, an indent) with text wrapped beside it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap

from quizengine.tui.widgets.laid_out import LaidOutVisual


class HangingText(LaidOutVisual):
    """Each row: its prefix on the first line and its text wrapped after it, later lines under the text.

    One widget can draw what would otherwise take a row of two widgets per line (which matters for start-up:
    the exam screen shows six options), and explanations keep their indent when they wrap.
    """

    def __init__(self, rows: Sequence[tuple[Content, Content]]) -> None:
        super().__init__()
        self.rows = tuple(rows)

    @classmethod
    def single(cls, prefix: Content, text: Content) -> HangingText:
        return cls([(prefix, text)])

    def lay_out(self, width: int) -> list[Content]:
        lines: list[Content] = []
        for prefix, text in self.rows:
            indent = prefix.cell_length
            wrapped = text.wrap(max(width - indent, 4)) or [Content("")]
            pad = Content(" " * indent)
            lines.extend([prefix + wrapped[0], *(pad + line for line in wrapped[1:])])
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((prefix.cell_length + text.cell_length for prefix, text in self.rows), default=0)
