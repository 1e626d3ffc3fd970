"""Loading and validating bank files: every problem is located (file, line, field) and none stops the rest."""

from __future__ import annotations

from pathlib import Path

from quizengine.loader import load_bank
from tests.conftest import edit


def _family_problems(bank_root: Path) -> list[str]:
    return [str(p) for p in load_bank(bank_root).problems]


def test_fixture_bank_loads_clean(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    assert fixture_bank.problems == []
    assert set(fixture_bank.families) == {
        "tier-choice",
        "units",
        "sec-static",
        "sec-multi",
        "dep-static",
        "ops-static",
    }
    assert fixture_bank.families["tier-choice"].domain == "development"
    # A question reports the oldest check date among the family and its facts tables.
    assert fixture_bank.families["tier-choice"].checked.isoformat() == "2026-01-15"


def test_unknown_field_is_named_with_its_line(bank_copy: Path) -> None:
    path = bank_copy / "question_bank/questions/dep-static.yaml"
    edit(path, "title:", "titel:")
    problems = _family_problems(bank_copy)
    assert any("dep-static.yaml:3: titel: unknown field" in p for p in problems), problems
    assert any("dep-static.yaml:1: title: required field is missing" in p or ": title: required" in p for p in problems)


def test_broken_family_does_not_stop_the_others(bank_copy: Path) -> None:
    (bank_copy / "templates/units.yaml").write_text("id: units\nkind: computed\nstem: [oops\n")
    bank = load_bank(bank_copy)
    assert "units" not in bank.families
    assert len(bank.families) == 5
    assert any("units.yaml" in p.path and "YAML syntax" in p.message for p in bank.problems)


def test_template_syntax_error_points_at_the_line_inside_the_block(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    text = path.read_text().replace(
        'explanation: "The cheapest tier',
        'explanation: |\n  fine line\n  {% if wait %}never closed\n  rest "The cheapest tier',
    )
    path.write_text(text)
    problems = [p for p in load_bank(bank_copy).problems if p.path.endswith("tier-choice.yaml")]
    assert problems and problems[0].field == "explanation"
    explanation_line = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("explanation:"))
    assert explanation_line < problems[0].line <= explanation_line + 4


def test_cross_references_are_checked(bank_copy: Path) -> None:
    path = bank_copy / "question_bank/questions/ops-static.yaml"
    edit(path, "topic: t.ops", "topic: t.nope")
    edit(path, "id: ops-static", "id: other-name")
    problems = _family_problems(bank_copy)
    assert any("topic: unknown topic id 't.nope'" in p for p in problems)
    assert any("id: must equal the file name 'ops-static'" in p for p in problems)


def test_wrong_lecture_for_topic(bank_copy: Path) -> None:
    path = bank_copy / "question_bank/questions/ops-static.yaml"
    edit(path, 'lecture: "4. Ops Lecture"', 'lecture: "9. Elsewhere"')
    assert any("source.lecture" in p and "not a lecture of topic t.ops" in p for p in _family_problems(bank_copy))


def test_missing_facts_table_and_bad_facts_file(bank_copy: Path) -> None:
    facts = bank_copy / "question_bank/facts/waits.yaml"
    edit(facts, "checked: 2026-01-15\n", "")
    problems = _family_problems(bank_copy)
    assert any("waits.yaml" in p and "checked: required field is missing" in p for p in problems)
    assert any("tier-choice.yaml" in p and "no facts table named 'waits'" in p for p in problems)


def test_option_count_rules(bank_copy: Path) -> None:
    path = bank_copy / "question_bank/questions/sec-multi.yaml"
    edit(path, "options: 5", "options: 4")
    assert any("sec-multi.yaml" in p and "at least 5 options" in p for p in _family_problems(bank_copy))


def test_top_level_must_be_a_mapping(bank_copy: Path) -> None:
    (bank_copy / "templates/list.yaml").write_text("- just\n- a list\n")
    (bank_copy / "templates/empty.yaml").write_text("")
    problems = _family_problems(bank_copy)
    assert any("list.yaml:1" in p and "found list" in p for p in problems)
    assert any("empty.yaml:1" in p and "found empty" in p for p in problems)


def test_duplicate_family_ids(bank_copy: Path) -> None:
    sub = bank_copy / "templates/more"
    sub.mkdir()
    (sub / "units.yaml").write_text((bank_copy / "templates/units.yaml").read_text())
    assert any("duplicate family id" in p for p in _family_problems(bank_copy))


def test_non_utf8_file(bank_copy: Path) -> None:
    (bank_copy / "templates/latin.yaml").write_bytes("id: caf\xe9\n".encode("latin-1"))
    assert any("latin.yaml" in p and "not UTF-8" in p for p in _family_problems(bank_copy))
