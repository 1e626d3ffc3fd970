"""`check` finds every unsound variant and says which seed reproduces it."""

from __future__ import annotations

from pathlib import Path

from quizengine.checker import FamilyReport, _letter_spread_problems, check_bank, check_family
from quizengine.loader import load_bank
from tests.conftest import edit


def _problems(bank_root: Path, family: str) -> list[str]:
    bank = load_bank(bank_root)
    return [str(p) for p in check_family(bank.families[family]).problems]


def test_fixture_bank_is_clean(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    report = check_bank(fixture_bank)
    assert report.ok, [str(p) for p in report.problems]
    tier = next(f for f in report.families if f.family == "tier-choice")
    assert tier.combinations == 12 and tier.variants == 12 and tier.distinct_stems == 12
    assert tier.seeds == 200  # at least 200 seeds even for a small space
    assert sum(tier.letter_counts.values()) == 200


def test_too_few_correct_options(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, 'correct: "tier.name == best.name"', "correct: \"tier.name == 'Nope'\"")
    problems = _problems(bank_copy, "tier-choice")
    assert any("0 correct option(s) but the family selects 1" in p and "(seed 0)" in p for p in problems)


def test_duplicate_option_texts(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, 'text: "Buy a faster network"', 'text: "Fast"')
    assert any("duplicate option text" in p for p in _problems(bank_copy, "tier-choice"))


def test_empty_explanation(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(
        path,
        'explanation: "The network is not the bottleneck for {{ team }}."',
        "explanation: \"{{ '' }}\"",
    )
    assert any("empty explanation" in p for p in _problems(bank_copy, "tier-choice"))


def test_sandbox_violation_is_reported(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, "{{ team }} can wait", "{{ team.__class__.__mro__ }} can wait")
    assert any("sandbox violation" in p for p in _problems(bank_copy, "tier-choice"))


def test_hidden_parameter_makes_stems_ambiguous(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, "can wait {{ wait }} hours for data", "can wait a while for data")
    assert any("same stem but have different correct answers" in p for p in _problems(bank_copy, "tier-choice"))


def test_constraints_that_drop_everything(bank_copy: Path) -> None:
    path = bank_copy / "templates/units.yaml"
    edit(path, "let:", "constraints: ['rate > 1000']\nlet:")
    assert any("no parameter combination satisfies the constraints" in p for p in _problems(bank_copy, "units"))


def test_repeated_faults_are_summarised(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, "{{ team }} can wait", "{{ teem }} can wait")
    problems = _problems(bank_copy, "tier-choice")
    assert sum("undefined" in p for p in problems) == 3
    assert any("more variants like this" in p for p in problems)


def test_letter_bias_is_detected(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    family = fixture_bank.families["dep-static"]
    report = FamilyReport("dep-static", "static", "x", letter_counts={"A": 190, "B": 5, "C": 3, "D": 2})
    problems = _letter_spread_problems(family, report)
    assert problems and "rarely land on B, C, D" in problems[0].message
    fair = FamilyReport("dep-static", "static", "x", letter_counts={"A": 50, "B": 45, "C": 55, "D": 50})
    assert _letter_spread_problems(family, fair) == []


def test_parameter_that_changes_nothing_is_warned(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, 'stem: "{{ team }} can wait', 'stem: "The team can wait')
    bank = load_bank(bank_copy)
    report = check_family(bank.families["tier-choice"])
    assert report.ok  # a warning, not an error: the questions are still sound
    assert any(
        p.severity == "warning" and "12 combinations render only 4 distinct stems" in p.message for p in report.problems
    )
