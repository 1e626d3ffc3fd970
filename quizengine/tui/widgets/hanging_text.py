"""A Visual that draws rows of a prefix (a mark, a letter, an indent) with text wrapped beside it."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class HangingText(Visual):
    """Each row: its prefix on the first line and its text wrapped after it, later lines under the text.

    One widget can draw what would otherwise take a row of two widgets per line (which matters for start-up:
    the exam screen shows six options), and explanations keep their indent when they wrap.
    """

    def __init__(self, rows: Sequence[tuple[Content, Content]]) -> None:
        self.rows = tuple(rows)
        self._layout: tuple[int, Content] | None = None

    @classmethod
    def single(cls, prefix: Content, text: Content) -> HangingText:
        return cls([(prefix, text)])

    def content(self, width: int) -> Content:
        """The rows laid out for `width` cells, one line per screen row."""
        if self._layout is None or self._layout[0] != width:
            lines: list[Content] = []
            for prefix, text in self.rows:
                indent = prefix.cell_length
                wrapped = text.wrap(max(width - indent, 4)) or [Content("")]
                pad = Content(" " * indent)
                lines.extend([prefix + wrapped[0], *(pad + line for line in wrapped[1:])])
            self._layout = (width, Content("\n").join(lines))
        return self._layout[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((prefix.cell_length + text.cell_length for prefix, text in self.rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.content(width).split(allow_blank=True))
