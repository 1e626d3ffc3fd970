"""The sandbox and the filter library authors rely on."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError

from quizengine.templating import (
    CompiledExpression,
    compile_template,
    hours,
    join_and,
    plural,
    render,
    thousands,
    variant_context,
)


def test_filters_read_naturally() -> None:
    assert thousands(12000) == "12,000"
    assert thousands(2.5) == "2.5"
    assert plural(1, "hour") == "1 hour"
    assert plural(4, "hour") == "4 hours"
    assert hours(0.25) == "15 minutes"
    assert hours(48) == "48 hours"
    assert join_and(["a", "b", "c"]) == "a, b and c"


def test_undefined_names_fail_loudly() -> None:
    with pytest.raises(UndefinedError):
        render(compile_template("{{ missing }}"), variant_context({}))
    with pytest.raises(UndefinedError):
        CompiledExpression("missing + 1")(variant_context({}))


def test_undefined_result_of_expression_fails() -> None:
    with pytest.raises(UndefinedError):
        CompiledExpression("missing")(variant_context({}))


def test_sandbox_blocks_python_internals() -> None:
    with pytest.raises(SecurityError):
        render(compile_template("{{ ''.__class__.__mro__ }}"), variant_context({}))
    with pytest.raises(SecurityError):
        CompiledExpression("().__class__.__bases__[0].__subclasses__()")(variant_context({}))


def test_expressions_see_globals_and_filters() -> None:
    assert CompiledExpression("ceil(9 / 4)")(variant_context({})) == 3
    assert (
        CompiledExpression("rows | first_where('k', 2)")(variant_context({"rows": [{"k": 1}, {"k": 2, "v": "x"}]}))["v"]
        == "x"
    )
    assert (
        CompiledExpression("rows | selectattr('k', 'le', 1) | list | length")(
            variant_context({"rows": [{"k": 1}, {"k": 2}]})
        )
        == 1
    )
