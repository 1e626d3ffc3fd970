"""The same blocks as `quizengine.markdown`, from markdown-it (reference CommonMark), to find texts the two read differently."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from quizengine.markdown import (
    CODE,
    EM,
    IMAGE,
    LINK,
    STRIKE,
    STRONG,
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    Table,
    parse,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_STYLE_OF = {"strong": STRONG, "em": EM, "s": STRIKE, "link": LINK}


@cache
def _markdown_it() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # CommonMark with GitHub's tables and strikethrough; raw HTML stays text, as on the exam screen.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def reference_parse(text: str) -> tuple[Block, ...]:
    """The blocks markdown-it finds in `text`, in `quizengine.markdown`'s terms."""
    tokens = _markdown_it().parse(text.replace("\t", "    "))
    blocks, _ = _blocks(tokens, 0, None)
    return tuple(blocks)


def differences(text: str) -> str | None:
    """None when the exam screen draws `text` as CommonMark reads it; otherwise the first block that differs."""
    ours, reference = comparable(parse(text)), comparable(reference_parse(text))
    if ours == reference:
        return None
    for index, (mine, theirs) in enumerate(zip(ours, reference, strict=False)):
        if mine != theirs:
            return f"block {index + 1}: drawn as {_describe(mine)}, CommonMark reads {_describe(theirs)}"
    return f"drawn as {len(ours)} blocks, CommonMark reads {len(reference)}"


def comparable(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks with what markdown-it's tokens cannot show set aside: whether a list without paragraphs is tight."""
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            items = tuple(comparable(item) for item in block.items)
            has_paragraphs = any(isinstance(child, Paragraph) for item in items for child in item)
            block = ListBlock(block.ordered, block.start, block.tight or not has_paragraphs, items)
        elif isinstance(block, Quote):
            block = Quote(comparable(block.blocks))
        result.append(block)
    return tuple(result)


def _describe(block: Block) -> str:
    text = repr(block)
    return text if len(text) <= 160 else text[:157] + "..."


def _blocks(tokens: list[Token], index: int, closing: str | None) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if closing is not None and kind == closing:
            return blocks, index + 1
        if kind == "paragraph_open":
            blocks.append(Paragraph(_runs(tokens[index + 1])))
            index += 3
        elif kind == "heading_open":
            blocks.append(Heading(int(token.tag[1]), _runs(tokens[index + 1])))
            index += 3
        elif kind == "fence":
            language = token.info.split()[0] if token.info.strip() else ""
            blocks.append(CodeBlock(language, token.content.removesuffix("\n")))
            index += 1
        elif kind == "code_block":
            blocks.append(CodeBlock("", token.content.rstrip("\n")))
            index += 1
        elif kind == "hr":
            blocks.append(Rule())
            index += 1
        elif kind == "blockquote_open":
            inner, index = _blocks(tokens, index + 1, "blockquote_close")
            blocks.append(Quote(tuple(inner)))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            listed, index = _list(tokens, index)
            blocks.append(listed)
        elif kind == "table_open":
            table, index = _table(tokens, index)
            blocks.append(table)
        else:  # html_block cannot occur (html is off); anything else is skipped
            index += 1
    return blocks, index


def _list(tokens: list[Token], index: int) -> tuple[ListBlock, int]:
    opening = tokens[index]
    ordered = opening.type == "ordered_list_open"
    start = int(str(opening.attrs.get("start", 1))) if ordered else 0
    closing = "ordered_list_close" if ordered else "bullet_list_close"
    items: list[tuple[Block, ...]] = []
    tight = True
    index += 1
    while tokens[index].type != closing:
        level = tokens[index].level
        # markdown-it hides the paragraphs of a tight list's items.
        for token in tokens[index + 1 :]:
            if token.type == "list_item_close" and token.level == level:
                break
            if token.type == "paragraph_open" and token.level == level + 1 and not token.hidden:
                tight = False
        inner, index = _blocks(tokens, index + 1, "list_item_close")
        items.append(tuple(inner))
    return ListBlock(ordered, start, tight, tuple(items)), index + 1


def _table(tokens: list[Token], index: int) -> tuple[Table, int]:
    header: list[Runs] = []
    rows: list[tuple[Runs, ...]] = []
    row: list[Runs] = []
    index += 1
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "inline":
            row.append(_runs(token))
        elif token.type == "tr_close":
            if not header:
                header = row
            else:
                rows.append(tuple(row))
            row = []
        index += 1
    return Table(tuple(header), tuple(rows)), index + 1


def _runs(inline: Token, extra: frozenset[str] = frozenset()) -> Runs:
    runs: list[Run] = []
    styles: list[str] = []

    def add(text: str, style: frozenset[str]) -> None:
        if not text:
            return
        if runs and runs[-1][1] == style:
            runs[-1] = (runs[-1][0] + text, style)
        else:
            runs.append((text, style))

    for child in inline.children or []:
        kind = child.type
        current = frozenset(styles) | extra
        if kind in ("text", "text_special", "html_inline"):
            add(child.content, current)
        elif kind == "code_inline":
            add(child.content, current | {CODE})
        elif kind == "softbreak":
            add(" ", current)
        elif kind == "hardbreak":
            add("\n", current)
        elif kind == "image":
            for text, style in _runs(child, current | {IMAGE}):
                add(text, style)
        elif kind.endswith("_open") and kind[:-5] in _STYLE_OF:
            styles.append(_STYLE_OF[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _STYLE_OF:
            styles.remove(_STYLE_OF[kind[:-6]])
    return tuple(runs)
