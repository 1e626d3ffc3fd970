"""Line-aware YAML parsing: every field knows its line, bad YAML names where it broke."""

from __future__ import annotations

import pytest

from quizengine.yamlsource import YamlSyntaxError, parse_yaml


def test_lines_of_nested_fields() -> None:
    doc = parse_yaml("id: x\nchoices:\n  - text: a\n    correct: true\n  - text: b\n")
    assert doc.line_of(("id",)) == 1
    assert doc.line_of(("choices", 0, "text")) == 3
    assert doc.line_of(("choices", 1, "text")) == 5
    # An unknown deeper path falls back to the nearest known parent.
    assert doc.line_of(("choices", 1, "explanation")) == 5


def test_block_scalar_text_starts_on_next_line() -> None:
    doc = parse_yaml("id: x\nstem: |\n  first\n  second\n")
    assert doc.line_of(("stem",)) == 2
    assert doc.text_line_of(("stem",)) == 3


def test_syntax_error_reports_line() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_yaml("id: x\nstem: [unclosed\nother: 1\n")
    assert info.value.line >= 2


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(YamlSyntaxError):
        parse_yaml("x: !!python/object/apply:os.system ['echo hi']\n")


def test_alias_bomb_is_bounded() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 8):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        text += f"{cur}: &{cur} [{', '.join('*' + prev for _ in range(10))}]\n"
    doc = parse_yaml(text)  # must return promptly
    assert "h" in doc.data


def test_booleans_are_yaml_1_2() -> None:
    """`on`, `no`, `yes` and `off` stay words: YAML 1.1 would turn a `let` named `on` into True."""
    doc = parse_yaml("let:\n  on: 'x > 1'\nvalues: [yes, no, off, true, False]\n")
    assert doc.data["let"] == {"on": "x > 1"}
    assert doc.data["values"] == ["yes", "no", "off", True, False]
