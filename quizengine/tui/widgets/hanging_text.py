"""A Visual that draws a prefix (a mark, a bullet) and wraps the text beside it with a hanging indent."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class HangingText(Visual):
    """`prefix` on the first line, `text` wrapped after it; later lines start under the text, not the prefix.

    One widget can draw what would otherwise take a row of two widgets (which matters for start-up: the exam
    screen shows six options).
    """

    def __init__(self, prefix: Content, text: Content) -> None:
        self.prefix = prefix
        self.text = text
        self._layout: tuple[int, Content] | None = None

    def content(self, width: int) -> Content:
        """The text laid out for `width` cells, one line per row."""
        if self._layout is None or self._layout[0] != width:
            indent = self.prefix.cell_length
            lines = self.text.wrap(max(width - indent, 4)) or [Content("")]
            pad = Content(" " * indent)
            laid_out = Content("\n").join([self.prefix + lines[0], *(pad + line for line in lines[1:])])
            self._layout = (width, laid_out)
        return self._layout[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.prefix.cell_length + self.text.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.content(width).split(allow_blank=True))
