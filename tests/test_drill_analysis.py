"""Drills give feedback and are stored; weak spots rank recent and repeated misses first."""

from __future__ import annotations

import pytest

from quizengine.analysis import summarize, weak_families
from quizengine.drill import DrillSession
from quizengine.errors import BlueprintError


def _answer_wrong(question) -> list[str]:  # type: ignore[no-untyped-def]
    wrong = [o.key for o in question.options if not o.correct]
    return wrong[: question.select]


def test_topic_drill_feedback_and_storage(fixture_bank, store) -> None:  # type: ignore[no-untyped-def]
    drill = DrillSession.for_topics(store, fixture_bank, ["t.dev"], None, count=3, seed=1)
    seen = []
    while (question := drill.next_question()) is not None:
        assert question.topic == "t.dev"
        feedback = drill.answer(question, list(question.correct_keys))
        assert feedback.correct
        seen.append(question.stem)
    assert len(seen) == 3 and len(set(seen)) == 3  # fresh variants
    assert drill.finish() == (3, 3)
    attempt = store.attempts()[0]
    assert attempt.mode == "drill" and attempt.status == "submitted" and len(attempt.answers) == 3


def test_weak_spots_need_history(fixture_bank, store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BlueprintError, match="no missed questions"):
        DrillSession.weak_spots(store, fixture_bank, count=3, seed=1)


def test_weak_spot_ranking_prefers_recent_and_repeated_misses(fixture_bank, store) -> None:  # type: ignore[no-untyped-def]
    old = DrillSession.for_topics(store, fixture_bank, ["t.ops"], None, count=2, seed=1)
    for _ in range(2):
        q = old.next_question()
        old.answer(q, _answer_wrong(q))
    old.finish()
    new = DrillSession.for_topics(store, fixture_bank, ["t.dep"], None, count=1, seed=2)
    q = new.next_question()
    new.answer(q, _answer_wrong(q))
    new.finish()
    ranking = [r.family for r in weak_families(store)]
    # ops-static: two misses one attempt ago (0.8 * 2 = 1.6) beats dep-static: one miss now (1.0).
    assert ranking == ["ops-static", "dep-static"]
    drill = DrillSession.weak_spots(store, fixture_bank, count=2, seed=3)
    assert drill.next_question().family == "ops-static"


def test_summary_by_domain(fixture_bank, store) -> None:  # type: ignore[no-untyped-def]
    drill = DrillSession.for_topics(store, fixture_bank, [], "security", count=2, seed=4)
    q1 = drill.next_question()
    drill.answer(q1, list(q1.correct_keys))
    q2 = drill.next_question()
    drill.answer(q2, _answer_wrong(q2))
    drill.finish()
    summary = summarize(store.attempts())
    assert summary.domains["security"].correct == 1 and summary.domains["security"].total == 2
    assert summary.trend == []  # drills are not exam scores
