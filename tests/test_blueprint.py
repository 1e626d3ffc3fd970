"""Blueprints: DVA-C02 proportions by largest remainder, and custom exams."""

from __future__ import annotations

import pytest

from quizengine.blueprint import DVA_C02, Blueprint, custom_blueprint, largest_remainder
from quizengine.errors import BlueprintError


def test_dva_c02_domain_counts() -> None:
    assert largest_remainder(65, DVA_C02.weights) == {
        "development": 21,
        "security": 17,
        "deployment": 15,
        "troubleshooting": 12,
    }
    assert DVA_C02.minutes == 130


def test_largest_remainder_always_sums_to_total() -> None:
    for total in range(1, 120):
        assert sum(largest_remainder(total, DVA_C02.weights).values()) == total


def test_multiple_response_target_is_within_15_to_20_percent() -> None:
    assert DVA_C02.multiple_target == 11
    for total in (20, 40, 65, 100):
        bp = custom_blueprint(questions=total)
        assert 0.15 * total - 1 < bp.multiple_target <= 0.20 * total


def test_custom_blueprint_restricts_domains() -> None:
    bp = custom_blueprint(questions=10, minutes=15, domains=["security", "deployment"])
    assert set(largest_remainder(bp.questions, bp.weights)) == {"security", "deployment"}
    assert bp.minutes == 15
    assert custom_blueprint(questions=30).minutes == 60  # two minutes a question by default


def test_invalid_blueprints_are_refused() -> None:
    with pytest.raises(BlueprintError):
        Blueprint("x", questions=0, minutes=10, weights={"security": 1})
    with pytest.raises(BlueprintError):
        custom_blueprint(domains=["networking"])
