"""Safe YAML loading that remembers the line of every field, so problems can name file and line."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quizengine.filecache import FileCache

if TYPE_CHECKING:
    import yaml

Path_ = tuple[str | int, ...]


@functools.cache
def _safe_loader() -> type[yaml.SafeLoader]:
    """libyaml's parser when PyYAML was built with it (about ten times faster), else the pure-Python one.

    Booleans follow YAML 1.2: only true/false. YAML 1.1 also reads yes/no/on/off as booleans, which turns
    a `let` named `on` or a parameter value `no` into True/False behind the author's back.
    PyYAML is imported here, not at module level: with a warm file cache nothing is parsed, and not
    importing it saves a noticeable part of start-up.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    bool_tag = "tag:yaml.org,2002:bool"
    resolvers = {
        first: [(tag, pattern) for tag, pattern in entries if tag != bool_tag]
        for first, entries in base.yaml_implicit_resolvers.items()
    }
    loader: type[yaml.SafeLoader] = type("QuizSafeLoader", (base,), {"yaml_implicit_resolvers": resolvers})
    loader.add_implicit_resolver(bool_tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return loader


@dataclass
class YamlDocument:
    """A parsed document and where each of its fields starts (1-based line numbers)."""

    data: Any
    text: str = ""
    lines: dict[Path_, int] = field(default_factory=dict)
    cache: FileCache | None = None  # where work derived from this text is kept between runs
    # For block scalars (| and >) the text starts on the line after the indicator.
    text_lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the deepest known field on `path` (1 when nothing on it is known)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1

    def text_line_of(self, path: Path_) -> int:
        """The line where a field's text begins; template line numbers are added to it."""
        return self.text_lines.get(path, self.line_of(path))


class YamlSyntaxError(Exception):
    """The text is not valid YAML; `line` is where the parser gave up."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str, cache: FileCache | None = None) -> YamlDocument:
    """Parse one YAML document with the safe loader and map field paths to lines (or read both from `cache`)."""
    cached = cache.document() if cache is not None else None
    if cached is not None:
        data, lines, text_lines = cached
        return YamlDocument(data=data, text=text, lines=lines, text_lines=text_lines)
    import yaml

    loader = _safe_loader()(text)
    try:
        # One parse: the node tree gives the lines, and the same tree is constructed into the data.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise YamlSyntaxError(message or str(exc), line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), 1) from None
    except (RecursionError, ValueError, OverflowError, TypeError) as exc:
        raise YamlSyntaxError(f"cannot be read as YAML ({type(exc).__name__}: {exc})", 1) from None
    finally:
        loader.dispose()
    doc = YamlDocument(data=data, text=text)
    if node is not None:
        _record(node, (), doc, depth=0, budget=[_MAX_NODES])
    if cache is not None:
        cache.put_document(data, doc.lines, doc.text_lines)
    return doc


# Aliases can make a small file describe a huge tree ("billion laughs"); no bank file comes near these.
_MAX_DEPTH = 50
_MAX_NODES = 200_000


def _record(node: yaml.Node, path: Path_, doc: YamlDocument, depth: int, budget: list[int]) -> None:
    import yaml

    budget[0] -= 1
    if depth > _MAX_DEPTH or budget[0] < 0:
        return
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.style in ("|", ">"):
            doc.text_lines[path] = node.start_mark.line + 2
        else:
            doc.text_lines[path] = node.start_mark.line + 1
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                _record(value_node, (*path, key_node.value), doc, depth + 1, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*path, index), doc, depth + 1, budget)
