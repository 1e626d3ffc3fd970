"""`LaidOutVisual`: a Visual whose lines a subclass lays out for a given width (kept per width, drawn as Content)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class LaidOutVisual(Visual):
    """Subclasses say how their text breaks into lines at a width; this draws and measures those lines.

    Each line is already no wider than the width, so Textual's own wrapping leaves it alone: indents chosen
    by the layout (hanging indents, list markers, code bars) survive.
    """

    def __init__(self) -> None:
        self._layouts: dict[int, Content] = {}

    def lay_out(self, width: int) -> list[Content]:
        raise NotImplementedError

    def content(self, width: int) -> Content:
        """The text laid out for `width` cells, one line per screen row."""
        if width not in self._layouts:
            self._layouts[width] = Content("\n").join(self.lay_out(width))
        return self._layouts[width]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((line.cell_length for line in self.content(container_width).split()), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.content(width).split(allow_blank=True))
