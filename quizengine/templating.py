"""The sandboxed Jinja environment and the small library of filters and functions authors may use."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from types import CodeType
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, Undefined, UndefinedError, nodes
from jinja2.parser import Parser
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from quizengine.filecache import FileCache

_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def ceil(value: float) -> int:
    """Round up to a whole number (capacity units, shards and batches are whole)."""
    return math.ceil(value)


def floor(value: float) -> int:
    """Round down to a whole number."""
    return math.floor(value)


def thousands(value: float) -> str:
    """12000 -> '12,000'; keeps up to two decimals for fractions."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def number(value: float) -> str:
    """A number without a trailing '.0': 2.0 -> '2', 2.5 -> '2.5'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """'1 hour', '4 hours'; pass the plural when adding 's' is wrong."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{number(count)} {word}"


def join_and(items: Iterable[Any], last: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    parts = [str(item) for item in items]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {last} {parts[-1]}"


def where(rows: Iterable[Any], key: str, value: Any) -> list[Any]:
    """Rows (mappings) whose `key` equals `value`."""
    return [row for row in rows if _get(row, key) == value]


def first_where(rows: Iterable[Any], key: str, value: Any) -> Any:
    """The first row whose `key` equals `value`; an error when there is none (a broken facts lookup)."""
    for row in rows:
        if _get(row, key) == value:
            return row
    raise UndefinedError(f"no row with {key} == {value!r}")


def pluck(rows: Iterable[Any], key: str) -> list[Any]:
    """The `key` of every row."""
    return [_get(row, key) for row in rows]


def index_by(rows: Iterable[Any], key: str) -> dict[Any, Any]:
    """A mapping from each row's `key` to the row."""
    return {_get(row, key): row for row in rows}


def hours(value: float) -> str:
    """A wait in hours as people say it: 0.05 -> '3 minutes', 1 -> '1 hour', 48 -> '48 hours'."""
    if value < 1:
        minutes = round(value * 60)
        return plural(minutes, "minute")
    return plural(value, "hour")


def capfirst(text: str) -> str:
    """Upper-case the first letter only ('an IT team' -> 'An IT team'); Jinja's capitalize lowers the rest."""
    return text[:1].upper() + text[1:]


def number_word(value: int) -> str:
    """2 -> 'two' (up to ten), for stems such as 'Choose two'."""
    return _NUMBER_WORDS[value] if 0 <= value < len(_NUMBER_WORDS) else str(value)


def _get(row: Any, key: str) -> Any:
    if isinstance(row, Mapping):
        return row[key]
    return getattr(row, key)


FILTERS: dict[str, Callable[..., Any]] = {
    "ceil": ceil,
    "floor": floor,
    "thousands": thousands,
    "number": number,
    "plural": plural,
    "join_and": join_and,
    "where": where,
    "first_where": first_where,
    "pluck": pluck,
    "index_by": index_by,
    "hours": hours,
    "number_word": number_word,
    "capfirst": capfirst,
}

GLOBALS: dict[str, Any] = {
    "ceil": ceil,
    "floor": floor,
    "min": min,
    "max": max,
    "abs": abs,
    "round": round,
    "log2": math.log2,
}


class QuizSandbox(SandboxedEnvironment):
    """The sandbox, with `row.key` reading a mapping's key before any method of the same name.

    Facts are plain mappings; without this, a facts key named `keys`, `items` or `values` would resolve
    to the dict method and silently break a rule.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def make_environment() -> SandboxedEnvironment:
    """A sandbox: templates may read values and call the helpers above, never Python internals."""
    env = QuizSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


ENV = make_environment()


# Every variant context starts from these, so templates see the helpers without Jinja merging its
# globals into a fresh dict on every render (that merge was most of the cost of a render).
BASE_CONTEXT: dict[str, Any] = dict(ENV.globals)


def _context(parent: dict[str, Any]) -> Context:
    # `parent` is used as is (Jinja's "shared" context): callers pass a dict built on BASE_CONTEXT.
    return ENV.context_class(ENV, parent, None, {})


def variant_context(values: Mapping[str, Any]) -> dict[str, Any]:
    """A context for `render` and `CompiledExpression`: the helpers plus `values`."""
    return {**BASE_CONTEXT, **values}


def render(template: Template, context: dict[str, Any]) -> str:
    """Render a compiled template against a context built on BASE_CONTEXT."""
    try:
        return ENV.concat(template.root_render_func(_context(context)))
    except Exception:
        ENV.handle_exception()  # re-raises with the template's own line numbers
        raise


def _expression_ast(source: str) -> nodes.Template:
    """The template Jinja's compile_expression builds: `result = (expression)`, parsed strictly."""
    parser = Parser(ENV, source, state="variable")
    expr = parser.parse_expression()
    if not parser.stream.eos:
        raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)], lineno=1)


def _from_code(code: CodeType) -> Template:
    return ENV.template_class.from_code(ENV, code, ENV.make_globals(None))


def _compiled(kind: str, source: str, cache: FileCache | None, build: Callable[[], Any]) -> Template:
    key = f"{kind}:{source}"
    code = cache.code(key) if cache is not None else None
    if code is None:
        code = ENV.compile(build())
        if cache is not None:
            cache.put_code(key, code)
    return _from_code(code)


class CompiledExpression:
    """An expression compiled once and evaluated per variant; undefined names fail loudly."""

    __slots__ = ("_template", "source")

    def __init__(self, source: str, cache: FileCache | None = None) -> None:
        self.source = source
        # Like compile_expression: a template that stores the value in `result`, run against a shared context.
        self._template = _compiled("expr", source, cache, lambda: _expression_ast(source))

    def __call__(self, context: dict[str, Any]) -> Any:
        """Evaluate against a context built on BASE_CONTEXT (see `variant_context`)."""
        ctx = _context(context)
        try:
            for _ in self._template.root_render_func(ctx):
                pass
        except Exception:
            ENV.handle_exception()
            raise
        value = ctx.vars["result"]
        if isinstance(value, Undefined):
            # Touching it raises UndefinedError naming the missing variable.
            str(value)
        return value


def compile_template(source: str, cache: FileCache | None = None) -> Template:
    """Compile a text template once (or load its code from the cache); render it per variant."""
    return _compiled("text", source, cache, lambda: source)
