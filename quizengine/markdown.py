"""Question Markdown parsed into blocks of styled text runs, by a small CommonMark parser with no third-party import.

Question stems are Markdown. The exam screen draws them from these blocks rather than with a full Markdown
widget, which saves a noticeable part of the start-up (the parser and the widget tree). The dialect is
CommonMark plus GitHub's pipe tables and ~~strikethrough~~, with raw HTML shown as typed; link reference
definitions are not supported. `quizengine check` parses every stem with this module and with markdown-it
(the reference CommonMark parser) and reports any stem where the two differ, so authors see when the exam
would draw their text differently (see `markdown_reference`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypeAlias

STRONG = "strong"
EM = "em"
CODE = "code"
STRIKE = "strike"
LINK = "link"
IMAGE = "image"

Run: TypeAlias = tuple[str, frozenset[str]]
"""A piece of text and its styles (a subset of STRONG, EM, CODE, STRIKE, LINK, IMAGE)."""
Runs: TypeAlias = tuple[Run, ...]


class _Value:
    """Equal when of the same class with equal fields; never changed after it is made.

    Hand-written rather than a dataclass: the exam screen imports this module while it starts, and each
    dataclass costs about half a millisecond to define.
    """

    __slots__: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    def __hash__(self) -> int:
        return hash((type(self).__name__, *(getattr(self, n) for n in self.__slots__)))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Paragraph(_Value):
    __slots__ = ("runs",)

    def __init__(self, runs: Runs) -> None:
        self.runs = runs


class Heading(_Value):
    __slots__ = ("level", "runs")

    def __init__(self, level: int, runs: Runs) -> None:
        self.level = level
        self.runs = runs


class CodeBlock(_Value):
    __slots__ = ("language", "text")

    def __init__(self, language: str, text: str) -> None:
        self.language = language
        """First word of a fence's info string ('' when none or for indented code)."""
        self.text = text


class ListBlock(_Value):
    __slots__ = ("items", "ordered", "start", "tight")

    def __init__(self, ordered: bool, start: int, tight: bool, items: tuple[tuple[Block, ...], ...]) -> None:
        self.ordered = ordered
        self.start = start
        self.tight = tight
        """A tight list has no blank lines between its items (drawn without them)."""
        self.items = items


class Quote(_Value):
    __slots__ = ("blocks",)

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.blocks = blocks


class Rule(_Value):
    """A thematic break (---)."""

    __slots__ = ()


class Table(_Value):
    __slots__ = ("header", "rows")

    def __init__(self, header: tuple[Runs, ...], rows: tuple[tuple[Runs, ...], ...]) -> None:
        self.header = header
        self.rows = rows


Block: TypeAlias = Paragraph | Heading | CodeBlock | ListBlock | Quote | Rule | Table


def parse(text: str) -> tuple[Block, ...]:
    """The blocks of a Markdown text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the text's final line break does not start another line
    return tuple(_parse_lines(lines)[0])


def plain_text(runs: Runs) -> str:
    return "".join(text for text, _ in runs)


# -- blocks ----------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ ]+(.*?))?[ ]*$")
_ATX_CLOSING = re.compile(r"(?:^|[ ]+)#+$")
_THEMATIC = re.compile(r"^ {0,3}(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$")
_BULLET = re.compile(r"^( {0,3})([-+*])(?:( +)(.*))?$")
_ORDERED = re.compile(r"^( {0,3})(\d{1,9})([.)])(?:( +)(.*))?$")
_QUOTE = re.compile(r"^ {0,3}> ?(.*)$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ ]*$")
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$")


class _Marker:
    """A list item's marker: its kind, the column its content starts at and the text after it."""

    __slots__ = ("char", "content_column", "first_line", "number", "ordered")

    def __init__(self, ordered: bool, char: str, number: int, content_column: int, first_line: str) -> None:
        self.ordered = ordered
        self.char = char  # the bullet, or the ordered delimiter . or )
        self.number = number
        self.content_column = content_column
        self.first_line = first_line

    def continues(self, other: _Marker) -> bool:
        return self.ordered == other.ordered and self.char == other.char


def _list_marker(line: str) -> _Marker | None:
    match = _BULLET.match(line)
    if match:
        indent, char, spaces, rest = match.group(1), match.group(2), match.group(3) or "", match.group(4) or ""
        ordered, number, width = False, 0, len(indent) + 1
    else:
        match = _ORDERED.match(line)
        if not match:
            return None
        indent, digits, char = match.group(1), match.group(2), match.group(3)
        spaces, rest = match.group(4) or "", match.group(5) or ""
        ordered, number, width = True, int(digits), len(indent) + len(digits) + 1
    if not rest:  # an empty item: its content (on later lines) starts one column after the marker
        return _Marker(ordered, char, number, width + 1, "")
    if len(spaces) >= 5:  # the content is indented code; the item's column is one space after the marker
        return _Marker(ordered, char, number, width + 1, " " * (len(spaces) - 1) + rest)
    return _Marker(ordered, char, number, width + len(spaces), rest)


def _fence(line: str) -> re.Match[str] | None:
    """A code fence's opening line (a backtick fence's info string cannot contain backticks)."""
    match = _FENCE.match(line)
    if match and match.group(2)[0] == "`" and "`" in match.group(3):
        return None
    return match


def _is_blank(line: str) -> bool:
    return not line.strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _split_cells(line: str) -> list[str]:
    """A table row's cells: split at unescaped pipes, without the outer ones."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] == "|":
            current.append("|")
            index += 2
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current).strip())
    return cells


def _table_starts(lines: list[str], index: int) -> bool:
    if index + 1 >= len(lines) or "|" not in lines[index] or _indent(lines[index]) >= 4:
        return False
    delimiter = lines[index + 1]
    if not _TABLE_DELIMITER.match(delimiter) or ("|" not in delimiter and "|" not in lines[index].strip()[1:-1]):
        return False
    return len(_split_cells(lines[index])) == len(_split_cells(delimiter))


def _interrupts_paragraph(lines: list[str], index: int) -> bool:
    """Whether a line ends the paragraph before it (a blank line or the start of another block)."""
    line = lines[index]
    if _is_blank(line):
        return True
    if _fence(line) or _ATX.match(line) or _THEMATIC.match(line) or _QUOTE.match(line) or _table_starts(lines, index):
        return True
    marker = _list_marker(line)
    return marker is not None and bool(marker.first_line.strip()) and (not marker.ordered or marker.number == 1)


def _starts_block(line: str) -> bool:
    """Whether a line would open a block of its own (it then cannot be a lazy continuation line)."""
    return bool(_fence(line) or _ATX.match(line) or _THEMATIC.match(line) or _QUOTE.match(line)) or (
        _list_marker(line) is not None
    )


def _parse_lines(lines: list[str]) -> tuple[list[Block], bool]:
    """Blocks of some lines, and whether a blank line separated two of them (which makes a list item loose)."""
    blocks: list[Block] = []
    separated = False
    blank_before = False
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if _is_blank(line):
            blank_before = True
            index += 1
            continue
        if blocks and blank_before:
            separated = True
        blank_before = False

        fence = _fence(line)
        if fence:
            index = _fenced_code(lines, index, fence, blocks)
            continue
        if _indent(line) >= 4:
            index = _indented_code(lines, index, blocks)
            continue
        atx = _ATX.match(line)
        if atx:
            title = _ATX_CLOSING.sub("", atx.group(2) or "").strip()
            blocks.append(Heading(len(atx.group(1)), parse_inline(title)))
            index += 1
            continue
        if _THEMATIC.match(line):
            blocks.append(Rule())
            index += 1
            continue
        if _QUOTE.match(line):
            index = _block_quote(lines, index, blocks)
            continue
        marker = _list_marker(line)
        if marker is not None:
            index = _list(lines, index, marker, blocks)
            continue
        if _table_starts(lines, index):
            index = _table(lines, index, blocks)
            continue
        index = _paragraph(lines, index, blocks)
    return blocks, separated


def _fenced_code(lines: list[str], index: int, fence: re.Match[str], blocks: list[Block]) -> int:
    indent, opening, info = len(fence.group(1)), fence.group(2), fence.group(3).strip()
    body: list[str] = []
    index += 1
    closing = re.compile(rf"^ {{0,3}}{re.escape(opening[0])}{{{len(opening)},}}[ ]*$")
    while index < len(lines):
        line = lines[index]
        if closing.match(line):
            index += 1
            break
        strip = min(indent, _indent(line))
        body.append(line[strip:])
        index += 1
    else:  # not closed: the code runs to the end of the text, without its trailing blank lines
        while body and not body[-1].strip():
            body.pop()
    language = info.split()[0] if info else ""
    blocks.append(CodeBlock(language, "\n".join(body)))
    return index


def _indented_code(lines: list[str], index: int, blocks: list[Block]) -> int:
    body: list[str] = []
    while index < len(lines) and (_is_blank(lines[index]) or _indent(lines[index]) >= 4):
        body.append(lines[index][4:] if len(lines[index]) >= 4 else "")
        index += 1
    while body and not body[-1].strip():
        body.pop()
    blocks.append(CodeBlock("", "\n".join(body)))
    return index


def _block_quote(lines: list[str], index: int, blocks: list[Block]) -> int:
    inner: list[str] = []
    while index < len(lines):
        match = _QUOTE.match(lines[index])
        if match:
            inner.append(match.group(1))
        elif (
            inner
            and not _is_blank(inner[-1])
            and not _is_blank(lines[index])
            and not _starts_block(lines[index])
            and _ends_in_paragraph(inner)
        ):
            inner.append(_lazy(lines[index]))  # a lazy continuation of the quoted paragraph
        else:
            break
        index += 1
    blocks.append(Quote(tuple(_parse_lines(inner)[0])))
    return index


def _list(lines: list[str], index: int, marker: _Marker, blocks: list[Block]) -> int:
    items: list[tuple[Block, ...]] = []
    loose = False
    current: _Marker | None = marker
    while current is not None:
        body = [current.first_line]
        index += 1
        while index < len(lines):
            line = lines[index]
            if _is_blank(line):
                if not body[-1].strip() and len(body) == 1:
                    break  # an item can begin with at most one blank line
                body.append("")
            elif _indent(line) >= current.content_column:
                body.append(line[current.content_column :])
            elif body[-1].strip() and not _starts_block(line) and _ends_in_paragraph(body):
                body.append(_lazy(line))  # a lazy continuation of the item's paragraph
            else:
                break
            index += 1
        trailing_blank = 0
        while len(body) > 1 and not body[-1].strip():
            body.pop()
            trailing_blank += 1
        item_blocks, separated = _parse_lines(body)
        items.append(tuple(item_blocks))
        loose = loose or separated
        index -= trailing_blank
        after_blanks = index
        while after_blanks < len(lines) and _is_blank(lines[after_blanks]):
            after_blanks += 1
        following = _list_marker(lines[after_blanks]) if after_blanks < len(lines) else None
        if following is not None and following.continues(marker) and not _THEMATIC.match(lines[after_blanks]):
            loose = loose or after_blanks > index
            index = after_blanks
            current = following
        else:
            current = None  # any blank lines belong after the list
    blocks.append(ListBlock(marker.ordered, marker.number, not loose, tuple(items)))
    return index


def _lazy(line: str) -> str:
    """A lazy continuation line as paragraph text: it continues the paragraph and cannot underline it."""
    text = line.lstrip(" ")
    return "\\" + text if _SETEXT.match(text) else text


def _ends_in_paragraph(lines: list[str]) -> bool:
    """Whether the innermost block open at the end of `lines` is a paragraph (only those take lazy lines)."""
    blocks = _parse_lines(lines)[0]
    while blocks:
        last = blocks[-1]
        if isinstance(last, ListBlock):
            blocks = list(last.items[-1]) if last.items else []
        elif isinstance(last, Quote):
            blocks = list(last.blocks)
        else:
            return isinstance(last, Paragraph)
    return False


def _table(lines: list[str], index: int, blocks: list[Block]) -> int:
    header = _split_cells(lines[index])
    width = len(header)
    index += 2
    rows: list[tuple[Runs, ...]] = []
    while index < len(lines) and not _is_blank(lines[index]) and not _starts_block(lines[index]):
        cells = _split_cells(lines[index])
        cells = (cells + [""] * width)[:width]
        rows.append(tuple(parse_inline(cell) for cell in cells))
        index += 1
    blocks.append(Table(tuple(parse_inline(cell) for cell in header), tuple(rows)))
    return index


def _paragraph(lines: list[str], index: int, blocks: list[Block]) -> int:
    text = [lines[index].lstrip(" ")]
    index += 1
    while index < len(lines):
        line = lines[index]
        setext = _SETEXT.match(line)
        if setext:
            level = 1 if setext.group(1)[0] == "=" else 2
            blocks.append(Heading(level, parse_inline("\n".join(text).strip())))
            return index + 1
        if _interrupts_paragraph(lines, index):
            break
        text.append(line)  # its indentation goes in the inline pass (it is kept inside code spans)
        index += 1
    blocks.append(Paragraph(parse_inline("\n".join(text).rstrip(" "))))
    return index


# -- inlines ---------------------------------------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*)>")
_EMAIL_AUTOLINK = re.compile(
    r"<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+@[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?)*)>"
)


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith(("P", "S"))


class _Node:
    """A piece of inline text; emphasis adds styles to the nodes between its delimiters."""

    __slots__ = ("styles", "text")

    def __init__(self, text: str, styles: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.styles = styles


class _Delimiter:
    __slots__ = ("can_close", "can_open", "char", "count", "node", "original")

    def __init__(self, node: int, char: str, count: int, can_open: bool, can_close: bool) -> None:
        self.node = node
        self.char = char
        self.count = count
        self.original = count
        self.can_open = can_open
        self.can_close = can_close


def parse_inline(text: str) -> Runs:
    """The styled runs of a paragraph's text (line breaks inside it become spaces or hard breaks)."""
    nodes, delimiters = _scan_inline(text)
    _process_emphasis(nodes, delimiters)
    runs: list[Run] = []
    for node in nodes:
        if not node.text:
            continue
        if runs and runs[-1][1] == node.styles:
            runs[-1] = (runs[-1][0] + node.text, node.styles)
        else:
            runs.append((node.text, node.styles))
    return tuple(runs)


def _scan_inline(text: str) -> tuple[list[_Node], list[_Delimiter]]:
    nodes: list[_Node] = []
    delimiters: list[_Delimiter] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            nodes.append(_Node("".join(plain)))
            plain.clear()

    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\\":
            following = text[index + 1] if index + 1 < length else ""
            if following in _ASCII_PUNCTUATION and following:
                plain.append(following)
                index += 2
            elif following == "\n":
                plain.append("\n")
                index += 2
                index = _skip_spaces(text, index)
            else:
                plain.append("\\")
                index += 1
        elif char == "`":
            run_end = index
            while run_end < length and text[run_end] == "`":
                run_end += 1
            ticks = run_end - index
            close = _closing_backticks(text, run_end, ticks)
            if close is None:
                plain.append("`" * ticks)
                index = run_end
            else:
                flush()
                nodes.append(_Node(_code_span_text(text[run_end:close]), frozenset({CODE})))
                index = close + ticks
        elif char in "*_" or (char == "~" and text.startswith("~~", index)):
            run_end = index
            while run_end < length and text[run_end] == char:
                run_end += 1
            count = run_end - index
            if char == "~" and count != 2:
                plain.append(text[index:run_end])
                index = run_end
                continue
            before = text[index - 1] if index > 0 else " "
            after = text[run_end] if run_end < length else " "
            left = not after.isspace() and (not _is_punctuation(after) or before.isspace() or _is_punctuation(before))
            right = not before.isspace() and (not _is_punctuation(before) or after.isspace() or _is_punctuation(after))
            if char == "_":
                can_open = left and (not right or _is_punctuation(before))
                can_close = right and (not left or _is_punctuation(after))
            else:
                can_open, can_close = left, right
            flush()
            nodes.append(_Node(text[index:run_end]))
            if can_open or can_close:
                delimiters.append(_Delimiter(len(nodes) - 1, char, count, can_open, can_close))
            index = run_end
        elif char == "[" or (char == "!" and text.startswith("![", index)):
            image = char == "!"
            link = _link(text, index + image)
            if link is None:
                plain.append(char)
                index += 1
            else:
                flush()
                label, index = link
                style = IMAGE if image else LINK
                nodes.extend(_Node(part, styles | {style}) for part, styles in parse_inline(label))
        elif char == "<" and (match := _AUTOLINK.match(text, index) or _EMAIL_AUTOLINK.match(text, index)):
            flush()
            nodes.append(_Node(match.group(1), frozenset({LINK})))
            index = match.end()
        elif char == "&" and (match := _ENTITY.match(text, index)):
            plain.append(_entity(match.group(0)))
            index = match.end()
        elif char == "\n":
            hard = len(plain) >= 2 and plain[-1] == " " and plain[-2] == " "
            while plain and plain[-1] == " ":
                plain.pop()
            plain.append("\n" if hard else " ")
            index = _skip_spaces(text, index + 1)
        else:
            plain.append(char)
            index += 1
    flush()
    return nodes, delimiters


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index


def _closing_backticks(text: str, start: int, ticks: int) -> int | None:
    index = start
    while True:
        index = text.find("`" * ticks, index)
        if index < 0:
            return None
        end = index + ticks
        if (index == 0 or text[index - 1] != "`") and (end >= len(text) or text[end] != "`"):
            return index
        while end < len(text) and text[end] == "`":
            end += 1
        index = end


def _code_span_text(raw: str) -> str:
    text = raw.replace("\n", " ")
    if len(text) >= 2 and text[0] == " " and text[-1] == " " and text.strip(" "):
        text = text[1:-1]
    return text


def _entity(entity: str) -> str:
    if entity.startswith("&#"):
        number = int(entity[3:-1], 16) if entity[2] in "xX" else int(entity[2:-1])
        return chr(number) if 0 < number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF else "\ufffd"
    from html.entities import html5  # only when a text uses a named entity

    return html5.get(entity[1:], entity)


def _link(text: str, index: int) -> tuple[str, int] | None:
    """An inline link or image at text[index] == '[': its label and the index after it, or None."""
    depth = 0
    position = index
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "`":
            run_end = position
            while run_end < len(text) and text[run_end] == "`":
                run_end += 1
            close = _closing_backticks(text, run_end, run_end - position)
            position = run_end if close is None else close + (run_end - position)
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                break
        position += 1
    else:
        return None
    label = text[index + 1 : position]
    end = _link_destination_end(text, position + 1)
    if end is None:
        return None
    return label, end


_DESTINATION_TAIL = re.compile(
    r"""[ \n]*(?:<[^<>\n]*>|[^\s()<][^\s()]*(?:\([^\s()]*\)[^\s()]*)*)?"""
    r"""(?:[ \n]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \n]*\)"""
)


def _link_destination_end(text: str, index: int) -> int | None:
    if index >= len(text) or text[index] != "(":
        return None
    match = _DESTINATION_TAIL.match(text, index + 1)
    return match.end() if match else None


def _process_emphasis(nodes: list[_Node], delimiters: list[_Delimiter]) -> None:
    """CommonMark's emphasis algorithm; styles the nodes between matched delimiters instead of nesting them."""
    # Bounds are node indices, which stay put while delimiters are removed from the list.
    openers_bottom: dict[tuple[str, bool, int], int] = {}
    position = 0
    while position < len(delimiters):
        closer = delimiters[position]
        if not closer.can_close:
            position += 1
            continue
        key = (closer.char, closer.can_open, closer.original % 3)
        bottom = openers_bottom.get(key, -1)
        opener_position = position - 1
        found = False
        while opener_position >= 0 and delimiters[opener_position].node > bottom:
            opener = delimiters[opener_position]
            if opener.char == closer.char and opener.can_open:
                odd = (
                    closer.char != "~"
                    and (opener.can_close or closer.can_open)
                    and (opener.original + closer.original) % 3 == 0
                    and not (opener.original % 3 == 0 and closer.original % 3 == 0)
                )
                if not odd:
                    found = True
                    break
            opener_position -= 1
        if not found:
            openers_bottom[key] = delimiters[position - 1].node if position > 0 else -1
            if not closer.can_open:
                del delimiters[position]
            else:
                position += 1
            continue
        opener = delimiters[opener_position]
        if closer.char == "~":
            used, style = 2, STRIKE
        else:
            used = 2 if opener.count >= 2 and closer.count >= 2 else 1
            style = STRONG if used == 2 else EM
        for node in nodes[opener.node + 1 : closer.node]:
            node.styles = node.styles | {style}
        opener.count -= used
        closer.count -= used
        nodes[opener.node].text = nodes[opener.node].text[:-used] if opener.count else ""
        nodes[closer.node].text = nodes[closer.node].text[used:] if closer.count else ""
        # Delimiters between the pair can no longer match anything.
        del delimiters[opener_position + 1 : position]
        position = opener_position + 1
        if opener.count == 0:
            del delimiters[opener_position]
            position -= 1
        if closer.count == 0:
            del delimiters[position]
