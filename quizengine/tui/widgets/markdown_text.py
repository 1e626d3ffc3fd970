"""Question Markdown drawn as one Visual: paragraphs, lists, code, quotes and tables laid out for the width at hand."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.selection import Selection
from textual.widgets import Static

from quizengine import markdown
from quizengine.markdown import Block, CodeBlock, Heading, ListBlock, Paragraph, Quote, Rule, Runs, Table
from quizengine.tui.widgets.laid_out import LaidOutVisual

_STYLES = {
    markdown.STRONG: "bold",
    markdown.EM: "italic",
    markdown.CODE: "bold $text-accent",
    markdown.STRIKE: "strike",
    markdown.LINK: "underline",
    markdown.IMAGE: "italic",
}
_BULLETS = ("•", "◦", "▪")


def runs_content(runs: Runs) -> Content:
    """Styled runs as Content; the text is never read as markup, so `[b]` or `${aws:username}` show as typed."""
    return Content.assemble(*[(text, " ".join(_STYLES[s] for s in sorted(styles))) for text, styles in runs])


def _code_content(block: CodeBlock, highlight_code: bool) -> Content:
    if block.language and highlight_code:
        from textual.highlight import highlight  # pygments, only for questions that show code

        return highlight(block.text, language=block.language).rstrip()
    return Content(block.text)


def _has_highlightable_code(blocks: Sequence[Block]) -> bool:
    for block in blocks:
        if isinstance(block, CodeBlock) and block.language:
            return True
        if isinstance(block, Quote) and _has_highlightable_code(block.blocks):
            return True
        if isinstance(block, ListBlock) and any(_has_highlightable_code(item) for item in block.items):
            return True
    return False


class MarkdownVisual(LaidOutVisual):
    """Blocks from `quizengine.markdown`, wrapped to the widget's width with hanging indents for list items."""

    def __init__(self, blocks: Sequence[Block], *, highlight_code: bool = True) -> None:
        super().__init__()
        self.blocks = tuple(blocks)
        self.highlight_code = highlight_code
        """Colour code blocks that name their language (pygments; plain text when False)."""

    @classmethod
    def from_markdown(cls, text: str, *, highlight_code: bool = True) -> MarkdownVisual:
        return cls(markdown.parse(text), highlight_code=highlight_code)

    @property
    def needs_highlighting(self) -> bool:
        """Whether a highlighted copy would look different (some code block names its language)."""
        return not self.highlight_code and _has_highlightable_code(self.blocks)

    def lay_out(self, width: int) -> list[Content]:
        return _layout_blocks(self.blocks, max(width, 8), depth=0, highlight_code=self.highlight_code)


def _layout_blocks(
    blocks: Sequence[Block], width: int, depth: int, *, highlight_code: bool, tight: bool = False
) -> list[Content]:
    lines: list[Content] = []
    for index, block in enumerate(blocks):
        if index and not tight:
            lines.append(Content(""))
        lines.extend(_layout_block(block, width, depth, highlight_code))
    return lines


def _layout_block(block: Block, width: int, depth: int, highlight_code: bool) -> list[Content]:
    if isinstance(block, Paragraph):
        return runs_content(block.runs).wrap(width)
    if isinstance(block, Heading):
        style = "bold underline" if block.level == 1 else "bold"
        return runs_content(block.runs).stylize(style).wrap(width)
    if isinstance(block, CodeBlock):
        bar = Content.styled("│ ", "$text-muted")
        code = _code_content(block, highlight_code)
        return [bar + piece for line in code.split(allow_blank=True) for piece in (line.fold(width - 2) or [line])]
    if isinstance(block, ListBlock):
        return _layout_list(block, width, depth, highlight_code)
    if isinstance(block, Quote):
        bar = Content.styled("▌ ", "$text-muted")
        return [bar + line for line in _layout_blocks(block.blocks, width - 2, depth, highlight_code=highlight_code)]
    if isinstance(block, Rule):
        return [Content.styled("─" * width, "$text-muted")]
    return _layout_table(block, width)


def _layout_list(block: ListBlock, width: int, depth: int, highlight_code: bool) -> list[Content]:
    if block.ordered:
        last = block.start + len(block.items) - 1
        markers = [f"{number}.".rjust(len(f"{last}.")) + " " for number in range(block.start, last + 1)]
    else:
        markers = [f"{_BULLETS[depth % len(_BULLETS)]} "] * len(block.items)
    lines: list[Content] = []
    for index, (marker, item) in enumerate(zip(markers, block.items, strict=True)):
        if index and not block.tight:
            lines.append(Content(""))
        indent = len(marker)
        body = _layout_blocks(item, width - indent, depth + 1, highlight_code=highlight_code, tight=block.tight)
        body = body or [Content("")]
        lines.append(Content.styled(marker, "bold") + body[0])
        lines.extend(Content(" " * indent) + line for line in body[1:])
    return lines


def _layout_table(table: Table, width: int) -> list[Content]:
    header = [runs_content(cell) for cell in table.header]
    rows = [[runs_content(cell) for cell in row] for row in table.rows]
    columns = [max([cell.cell_length for cell in column] + [1]) for column in zip(header, *rows, strict=True)]
    if sum(columns) + 3 * (len(columns) - 1) > width:
        # Too wide for a grid: each row as 'header: value' lines.
        lines: list[Content] = []
        for index, row in enumerate(rows):
            if index:
                lines.append(Content(""))
            for name, cell in zip(header, row, strict=True):
                lines.extend(Content.assemble(name.stylize("bold"), ": ", cell).wrap(width))
        return lines
    separator = Content.styled(" │ ", "$text-muted")

    def row_line(cells: list[Content]) -> Content:
        padded = [cell.pad_right(size - cell.cell_length) for cell, size in zip(cells[:-1], columns, strict=False)]
        return separator.join([*padded, cells[-1]])

    rule = Content.styled("─┼─".join("─" * size for size in columns), "$text-muted")
    return [row_line([cell.stylize("bold") for cell in header]), rule, *[row_line(row) for row in rows]]


class MarkdownText(Static):
    """A Static that shows Markdown drawn by `MarkdownVisual` (one widget, however many blocks)."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        self._markdown_visual = MarkdownVisual.from_markdown(text)
        super().__init__(self._markdown_visual, id=id, classes=classes, markup=False)
        self.markdown = text
        """The Markdown source shown."""

    def show_markdown(self, text: str) -> None:
        """Show `text` now; code is coloured right after it is first drawn (pygments takes ~10 ms to start)."""
        self.markdown = text
        self._markdown_visual = MarkdownVisual.from_markdown(text, highlight_code=False)
        self.update(self._markdown_visual)
        if self._markdown_visual.needs_highlighting:
            self.call_after_refresh(self._highlight_code, self._markdown_visual)

    def _highlight_code(self, shown: MarkdownVisual) -> None:
        if self._markdown_visual is shown:  # still the same text
            self._markdown_visual = MarkdownVisual(shown.blocks, highlight_code=True)
            self.update(self._markdown_visual)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """Selected text as laid out on screen (the mouse selection and copy work as in any Static)."""
        return selection.extract(self._markdown_visual.content(self.content_size.width).plain), "\n"
