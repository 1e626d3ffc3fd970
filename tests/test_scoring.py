"""Scoring: all-or-nothing per question, unanswered is wrong, and the documented 100-1000 mapping."""

from __future__ import annotations

from quizengine.generator import generate
from quizengine.scoring import PASSING_SCORE, scaled_score, score_attempt


def test_scale_anchors() -> None:
    assert scaled_score(0.0) == 100
    assert scaled_score(0.70) == PASSING_SCORE == 720
    assert scaled_score(1.0) == 1000
    assert scaled_score(46 / 65) >= 720 > scaled_score(45 / 65)


def test_scale_is_monotonic() -> None:
    scores = [scaled_score(k / 65) for k in range(66)]
    assert scores == sorted(scores) and len(set(scores)) == 66


def test_all_or_nothing_and_unanswered(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    multi = generate(fixture_bank.families["sec-multi"], 1)
    single = generate(fixture_bank.families["ops-static"], 1)
    unanswered = generate(fixture_bank.families["dep-static"], 1)
    one_right = [multi.correct_keys[0]]
    result = score_attempt([multi, single, unanswered], {multi.id: one_right, single.id: list(single.correct_keys)})
    assert (result.correct, result.total, result.answered) == (1, 3, 2)
    assert result.domains["security"].correct == 0
    assert result.domains["troubleshooting"].correct == 1
    assert result.domains["deployment"].total == 1
    assert result.passed is False
    full = score_attempt([multi], {multi.id: list(multi.correct_keys)})
    assert full.scaled == 1000 and full.passed
    too_many = score_attempt([multi], {multi.id: ["A", "B", "C"]})
    assert too_many.correct == 0


def test_weakest_topics(fixture_bank) -> None:  # type: ignore[no-untyped-def]
    a = generate(fixture_bank.families["ops-static"], 1)
    b = generate(fixture_bank.families["dep-static"], 1)
    result = score_attempt([a, b], {a.id: list(a.correct_keys)})
    assert [t for t, _ in result.weakest_topics()] == ["t.dep"]
