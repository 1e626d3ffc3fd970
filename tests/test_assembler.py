"""Exam assembly: deterministic, proportioned, spread over families and robust to broken families."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quizengine.assembler import assemble_exam
from quizengine.blueprint import DVA_C02, custom_blueprint
from quizengine.errors import BlueprintError
from quizengine.loader import load_bank
from tests.conftest import edit


def test_same_seed_same_exam(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    first = assemble_exam(fixture_bank, DVA_C02, 42)
    second = assemble_exam(fixture_bank, DVA_C02, 42)
    assert [q.to_dict() for q in first.questions] == [q.to_dict() for q in second.questions]
    assert [q.id for q in assemble_exam(fixture_bank, DVA_C02, 43).questions] != [q.id for q in first.questions]


def test_dva_c02_exam_shape(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    exam = assemble_exam(fixture_bank, DVA_C02, 7)
    assert len(exam.questions) == 65
    domains = Counter(q.domain for q in exam.questions)
    assert domains == {"development": 21, "security": 17, "deployment": 15, "troubleshooting": 12}
    assert len({q.id for q in exam.questions}) == 65
    # The fixture bank has 6 families for 65 slots, so repetition is unavoidable and must be said.
    assert any("more than once" in note for note in exam.notes)


def test_no_family_twice_when_the_bank_allows(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    exam = assemble_exam(fixture_bank, custom_blueprint(questions=6), 3)
    assert len(exam.questions) == 6
    families = [q.family for q in exam.questions]
    assert len(set(families)) == 6, families
    assert not any("more than once" in n for n in exam.notes)


def test_multiple_response_share(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    exam = assemble_exam(fixture_bank, DVA_C02, 11)
    multiple = sum(1 for q in exam.questions if q.select > 1)
    # The fixture bank has one choose-two family, in security; its domain's share is taken from it.
    assert 1 <= multiple <= 13


def test_topic_filter(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    exam = assemble_exam(fixture_bank, custom_blueprint(questions=8, topics=["t.dev", "t.ops"]), 1)
    assert {q.topic for q in exam.questions} == {"t.dev", "t.ops"}
    assert len(exam.questions) == 8
    assert any("security" in note for note in exam.notes)  # the weighted domain with nothing to offer


def test_broken_family_does_not_take_the_exam_down(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    # Valid at load time, fails at render time for every variant.
    edit(path, "{{ team }} can wait", "{{ teem }} can wait")
    bank = load_bank(bank_copy)
    exam = assemble_exam(bank, custom_blueprint(questions=12), 5)
    assert len(exam.questions) == 12
    assert "tier-choice" not in {q.family for q in exam.questions}
    assert any("tier-choice was left out" in note for note in exam.notes)


def test_no_matching_families(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BlueprintError):
        assemble_exam(fixture_bank, custom_blueprint(questions=5, topics=["does.not.exist"]), 1)


class _Fake:
    """Just enough of a CompiledFamily for the planner."""

    def __init__(self, select: int) -> None:
        self.model = type("M", (), {"select": select})()


def _families(multi: int, single: int) -> list:  # type: ignore[type-arg]
    return [_Fake(2) for _ in range(multi)] + [_Fake(1) for _ in range(single)]


def test_multiple_response_plan_prefers_distinct_families_within_the_band() -> None:
    from quizengine.assembler import _plan_multiple

    counts = {"development": 21, "security": 17, "deployment": 15, "troubleshooting": 12}
    rich = {d: _families(6, 30) for d in counts}
    plan = _plan_multiple(counts, rich, DVA_C02, DVA_C02.weights)
    assert sum(plan.values()) == 11
    assert plan["development"] >= plan["troubleshooting"]


def test_multiple_response_plan_caps_a_bank_heavy_in_choose_two() -> None:
    from quizengine.assembler import _plan_multiple

    counts = {"development": 21, "security": 17, "deployment": 15, "troubleshooting": 12}
    # Distinct families alone would force 6 + 6 + 6 + 6 = 24 multiple-response questions.
    heavy = {d: _families(6, counts[d] - 6) for d in counts}
    plan = _plan_multiple(counts, heavy, DVA_C02, DVA_C02.weights)
    assert sum(plan.values()) == 13  # the top of the 15-20 % band


def test_multiple_response_plan_lifts_a_bank_short_of_choose_two() -> None:
    from quizengine.assembler import _plan_multiple

    counts = {"development": 21, "security": 17, "deployment": 15, "troubleshooting": 12}
    poor = {
        "development": _families(1, 40),
        "security": _families(0, 40),
        "deployment": _families(0, 40),
        "troubleshooting": _families(0, 40),
    }
    plan = _plan_multiple(counts, poor, DVA_C02, DVA_C02.weights)
    assert plan == {"development": 10, "security": 0, "deployment": 0, "troubleshooting": 0}  # bottom of the band
    only_multi = {
        "development": _families(3, 0),
        "security": _families(0, 40),
        "deployment": _families(0, 40),
        "troubleshooting": _families(0, 40),
    }
    assert _plan_multiple(counts, only_multi, DVA_C02, DVA_C02.weights)["development"] == 21
