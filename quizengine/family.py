"""A validated family compiled for generation: templates and expressions compiled once, parameter space enumerated lazily."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateSyntaxError

from quizengine.errors import GenerationError, Problem, display_path
from quizengine.filecache import FileCache
from quizengine.models import Choice, ComputedFamily, FamilyModel, ScenarioFamily, StaticChoice, StaticFamily
from quizengine.templating import CompiledExpression, compile_template, render, variant_context
from quizengine.yamlsource import Path_, YamlDocument

# A family whose parameters multiply past this is too large to check exhaustively; split it instead.
MAX_COMBINATIONS = 50_000

_EACH = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s+in\s+(.+)$", re.S)


def field_name(path: Path_) -> str:
    """('choices', 0, 'text') -> 'choices[0].text'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class CompiledChoice:
    path: Path_
    each_name: str | None
    each: CompiledExpression | None
    when: CompiledExpression | None
    text: Template
    correct: CompiledExpression | bool
    explanation: Template


@dataclass
class CompiledMistake:
    path: Path_
    name: str
    value: CompiledExpression
    when: CompiledExpression | None
    explanation: Template


class CompiledFamily:
    """Everything the generator needs about one family; construction records syntax problems instead of raising."""

    def __init__(
        self,
        model: FamilyModel,
        path: Path,
        doc: YamlDocument,
        domain: str,
        facts: dict[str, Any],
        checked: dt.date,
        cache: FileCache | None = None,
        facts_digest: str = "",
    ) -> None:
        self.model = model
        self.path = path
        self.doc = doc
        self.domain = domain
        self.facts = facts
        self.checked = checked
        self.problems: list[Problem] = []
        self._combos: list[dict[str, Any]] | None = None
        self._cache = cache
        self._facts_digest = facts_digest

        self.stem = self._template(("stem",), model.stem)
        self.explanation = self._template(("explanation",), model.explanation)
        self.constraints: list[tuple[Path_, CompiledExpression]] = []
        self.lets: list[tuple[str, Path_, CompiledExpression]] = []
        self.choices: list[CompiledChoice] = []
        self.mistakes: list[CompiledMistake] = []
        self.answer: CompiledExpression | None = None
        self.value_text: Template | None = None
        self.answer_explanation: Template | None = None

        if isinstance(model, ScenarioFamily | ComputedFamily):
            for index, source in enumerate(model.constraints):
                expr = self._expression(("constraints", index), source)
                if expr is not None:
                    self.constraints.append((("constraints", index), expr))
            for name, source in model.let.items():
                expr = self._expression(("let", name), source)
                if expr is not None:
                    self.lets.append((name, ("let", name), expr))
        if isinstance(model, StaticFamily | ScenarioFamily):
            self._compile_choices(model)
        if isinstance(model, ComputedFamily):
            self._compile_computed(model)
        if cache is not None and self.sound:
            cache.save()

    # -- identity -------------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def kind(self) -> str:
        return self.model.kind

    @property
    def topic(self) -> str:
        return self.model.topic

    @property
    def sound(self) -> bool:
        """Compiled without errors; a family with errors is never offered to learners."""
        return not any(p.severity == "error" for p in self.problems)

    @property
    def parameterized(self) -> bool:
        return isinstance(self.model, ScenarioFamily | ComputedFamily)

    def problem(self, path: Path_, message: str, seed: int | None = None, *, text_line: int = 0) -> Problem:
        """A problem located at a field, or at a line inside a field's template text."""
        line = self.doc.text_line_of(path) + text_line - 1 if text_line else self.doc.line_of(path)
        return Problem(display_path(self.path), line, field_name(path), message, seed)

    # -- compilation ----------------------------------------------------------------------------------

    def _template(self, path: Path_, source: str) -> Template:
        try:
            return compile_template(source, self._cache)
        except TemplateSyntaxError as exc:
            self.problems.append(self.problem(path, f"template syntax: {exc.message}", text_line=exc.lineno or 1))
            return compile_template("")

    def _expression(self, path: Path_, source: str) -> CompiledExpression | None:
        try:
            return CompiledExpression(source, self._cache)
        except TemplateSyntaxError as exc:
            self.problems.append(self.problem(path, f"expression syntax: {exc.message}"))
            return None

    def _compile_choices(self, model: StaticFamily | ScenarioFamily) -> None:
        choices: list[StaticChoice | Choice] = list(model.choices)
        for index, choice in enumerate(choices):
            path: Path_ = ("choices", index)
            each_name: str | None = None
            each: CompiledExpression | None = None
            when: CompiledExpression | None = None
            correct: CompiledExpression | bool | None = choice.correct if isinstance(choice.correct, bool) else None
            if isinstance(choice, Choice):
                if choice.each:
                    match = _EACH.match(choice.each)
                    assert match is not None  # the model's pattern guarantees the shape
                    each_name = match.group(1)
                    each = self._expression((*path, "each"), match.group(2))
                    if each is None:
                        continue
                if choice.when:
                    when = self._expression((*path, "when"), choice.when)
                    if when is None:
                        continue
                if isinstance(choice.correct, str):
                    correct = self._expression((*path, "correct"), choice.correct)
            if correct is None:
                continue  # an expression that did not compile; the problem is recorded
            self.choices.append(
                CompiledChoice(
                    path=path,
                    each_name=each_name,
                    each=each,
                    when=when,
                    text=self._template((*path, "text"), choice.text),
                    correct=correct,
                    explanation=self._template((*path, "explanation"), choice.explanation),
                )
            )

    def _compile_computed(self, model: ComputedFamily) -> None:
        self.answer = self._expression(("answer",), model.answer)
        self.value_text = self._template(("value_text",), model.value_text)
        self.answer_explanation = self._template(("answer_explanation",), model.answer_explanation)
        for index, mistake in enumerate(model.mistakes):
            path: Path_ = ("mistakes", index)
            value = self._expression((*path, "value"), mistake.value)
            when = self._expression((*path, "when"), mistake.when) if mistake.when else None
            if value is None or (mistake.when and when is None):
                continue
            self.mistakes.append(
                CompiledMistake(
                    path=path,
                    name=mistake.name,
                    value=value,
                    when=when,
                    explanation=self._template((*path, "explanation"), mistake.explanation),
                )
            )

    # -- parameter space ------------------------------------------------------------------------------

    def space_size(self) -> int:
        """How many raw combinations the parameters multiply to (before constraints)."""
        if not isinstance(self.model, ScenarioFamily | ComputedFamily):
            return 1
        size = 1
        for values in self.model.params.values():
            size *= len(values)
        return size

    def combinations(self) -> list[dict[str, Any]]:
        """Every parameter combination that satisfies the constraints, in a stable order (cached)."""
        if self._combos is None:
            indices = self._cache.combinations(self._facts_digest) if self._cache is not None else None
            if indices is None or any(not 0 <= i < self.space_size() for i in indices):
                indices = list(self._valid_indices())
                if self._cache is not None:
                    self._cache.put_combinations(self._facts_digest, indices)
                    self._cache.save()
            self._combos = [self._combination_at(i) for i in indices]
        return self._combos

    def _params(self) -> dict[str, list[Any]]:
        return dict(self.model.params) if isinstance(self.model, ScenarioFamily | ComputedFamily) else {}

    def _combination_at(self, index: int) -> dict[str, Any]:
        """The `index`-th combination in itertools.product order (the last parameter varies fastest)."""
        params = self._params()
        picked: dict[str, Any] = {}
        for name, values in reversed(params.items()):
            index, position = divmod(index, len(values))
            picked[name] = values[position]
        return {name: picked[name] for name in params}

    def _valid_indices(self) -> Iterator[int]:
        if not self.parameterized:
            yield 0
            return
        if self.space_size() > MAX_COMBINATIONS:
            raise GenerationError(
                self.problem(
                    ("params",),
                    f"the parameters multiply to {self.space_size():,} combinations (limit {MAX_COMBINATIONS:,}); "
                    "split the family or drop values",
                )
            )
        params = self._params()
        names = list(params)
        for index, values in enumerate(itertools.product(*params.values())):
            context = variant_context({"facts": self.facts, **dict(zip(names, values, strict=True))})
            if all(self.evaluate(path, expr, context) for path, expr in self.constraints):
                yield index

    def evaluate(self, path: Path_, expr: CompiledExpression, context: dict[str, Any], seed: int | None = None) -> Any:
        """Evaluate an expression, turning any failure into a GenerationError located at its field."""
        return guarded(self, path, seed, lambda: expr(context))

    def render(self, path: Path_, template: Template, context: dict[str, Any], seed: int | None = None) -> str:
        """Render a template (stripped), turning any failure into a GenerationError located at its field."""
        return str(guarded(self, path, seed, lambda: render(template, context))).strip()


def guarded(family: CompiledFamily, path: Path_, seed: int | None, action: Callable[[], Any]) -> Any:
    """Run template code; an undefined name, a sandbox violation or any runtime error names its field and seed."""
    try:
        return action()
    except GenerationError:
        raise
    except Exception as exc:  # template code can fail in many ways; all of them are author errors
        name = type(exc).__name__
        if name == "SecurityError":
            message = f"sandbox violation: {exc}"
        elif name == "UndefinedError":
            message = f"undefined: {exc}"
        else:
            message = f"{name}: {exc}"
        line = getattr(exc, "lineno", None)
        raise GenerationError(family.problem(path, message, seed, text_line=line or 0)) from None
