"""Generation: deterministic by seed, answers computed by rules, pools drawn and shuffled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizengine.errors import GenerationError
from quizengine.generator import generate, generate_variant
from quizengine.loader import load_bank
from tests.conftest import edit


def _json(question) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(question.to_dict(), sort_keys=True)


def test_same_seed_same_bytes(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    for family in fixture_bank.families.values():
        assert _json(generate(family, 123)) == _json(generate(family, 123))


def test_same_seed_same_bytes_across_loads() -> None:
    from tests.conftest import FIXTURE_BANK

    first = load_bank(FIXTURE_BANK).families["tier-choice"]
    second = load_bank(FIXTURE_BANK).families["tier-choice"]
    assert _json(generate(first, 99)) == _json(generate(second, 99))


def test_known_variant_is_stable(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    """Pins one rendered question: a change here means every stored question id would change meaning."""
    q = generate(fixture_bank.families["tier-choice"], 5)
    assert q.id == "tier-choice:5"
    assert q.stem == "Team Blue can wait 6 hours for data. Which tier is cheapest while fast enough?"
    assert [o.text for o in q.options if o.correct] == ["Medium"]


def test_scenario_rule_decides_the_answer(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    family = fixture_bank.families["tier-choice"]
    expected = {1: "Fast", 6: "Medium", 24: "Slow", 72: "Glacial"}
    for seed in range(len(family.combinations())):
        q = generate(family, seed)
        wait = int(q.stem.split("can wait ")[1].split()[0])
        assert [o.text for o in q.options if o.correct] == [expected[wait]]
        assert len(q.options) == 4 and [o.key for o in q.options] == ["A", "B", "C", "D"]


def test_distractor_explanations_quote_the_variant(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    q = generate(fixture_bank.families["tier-choice"], 5)  # wait = 6 hours
    slow = [o for o in q.options if o.text in ("Slow", "Glacial")]
    for option in slow:
        assert "only 6 allowed" in option.explanation


def test_seeds_cover_every_combination(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    family = fixture_bank.families["units"]
    count = len(family.combinations())
    assert {generate_variant(family, s).combination_index for s in range(count)} == set(range(count))


def test_computed_answer_and_named_mistakes(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    family = fixture_bank.families["units"]
    for seed in range(12):
        q = generate(family, seed)
        size = int(q.stem.split("Items of ")[1].split()[0])
        rate = int(q.stem.split("arrive ")[1].split()[0])
        answer = -(-size // 4) * rate
        correct = [o for o in q.options if o.correct]
        assert [o.text for o in correct] == [f"{answer:,} units"]
        assert len({o.text for o in q.options}) == 4


def test_option_order_varies_with_seed(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    family = fixture_bank.families["dep-static"]
    positions = {generate(family, s).correct_keys for s in range(40)}
    assert len(positions) == 4


def test_multiple_response_draws_the_required_correct_options(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    family = fixture_bank.families["sec-multi"]
    for seed in range(30):
        q = generate(family, seed)
        assert q.kind == "multiple" and q.select == 2
        assert len(q.options) == 5 and len(q.correct_keys) == 2


def test_runtime_error_names_field_and_seed(bank_copy: Path) -> None:
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, "{{ team }} can wait", "{{ teem }} can wait")
    family = load_bank(bank_copy).families["tier-choice"]
    with pytest.raises(GenerationError) as info:
        generate(family, 7)
    problem = info.value.problem
    assert problem.field == "stem" and problem.seed == 7 and "teem" in problem.message
    assert "tier-choice.yaml:" in str(problem)


def test_question_roundtrips_through_json(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    from quizengine.question import Question

    q = generate(fixture_bank.families["sec-multi"], 3)
    assert Question.from_dict(json.loads(_json(q))) == q
