"""Score an attempt all-or-nothing per question and map the raw result to the 100-1000 scale (720 passes).

The mapping. AWS scales with equating it does not publish; community reports put the cut near 70-72 % of
scored questions. We anchor a piecewise-linear scale on three points: 0 % -> 100, 70 % -> 720 (the
passing score) and 100 % -> 1000. So 720 is reached at exactly 70 % correct, every extra question helps,
and scaled scores round to the nearest integer. Unanswered questions count as wrong, as on the real exam.
All 65 questions are scored: we cannot know which 15 AWS would leave unscored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from quizengine.question import Question

PASSING_SCORE = 720
MIN_SCORE = 100
MAX_SCORE = 1000
CUT_FRACTION = 0.70


def scaled_score(fraction: float) -> int:
    """Raw fraction correct (0..1) -> scaled score (100..1000); 0.70 maps to 720."""
    fraction = min(1.0, max(0.0, fraction))
    if fraction <= CUT_FRACTION:
        value = MIN_SCORE + fraction / CUT_FRACTION * (PASSING_SCORE - MIN_SCORE)
    else:
        value = PASSING_SCORE + (fraction - CUT_FRACTION) / (1 - CUT_FRACTION) * (MAX_SCORE - PASSING_SCORE)
    return int(value + 0.5)


@dataclass
class Tally:
    correct: int = 0
    total: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"correct": self.correct, "total": self.total, "percent": round(self.percent, 1)}


@dataclass
class QuestionOutcome:
    question_id: str
    family: str
    topic: str
    domain: str
    selected: list[str]
    correct_keys: list[str]
    correct: bool
    answered: bool
    flagged: bool


@dataclass
class ExamResult:
    """Raw and scaled score with per-domain and per-topic results."""

    correct: int
    total: int
    answered: int
    scaled: int
    passed: bool
    domains: dict[str, Tally] = field(default_factory=dict)
    topics: dict[str, Tally] = field(default_factory=dict)
    outcomes: list[QuestionOutcome] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0

    def weakest_topics(self, count: int = 5) -> list[tuple[str, Tally]]:
        """Topics with the lowest share correct (ties: more questions first)."""
        ranked = sorted(self.topics.items(), key=lambda kv: (kv[1].percent, -kv[1].total, kv[0]))
        return [kv for kv in ranked if kv[1].correct < kv[1].total][:count]

    def to_dict(self) -> dict[str, object]:
        return {
            "correct": self.correct,
            "total": self.total,
            "answered": self.answered,
            "percent": round(self.percent, 1),
            "scaled": self.scaled,
            "passed": self.passed,
            "domains": {k: v.to_dict() for k, v in self.domains.items()},
            "topics": {k: v.to_dict() for k, v in self.topics.items()},
            "outcomes": [asdict(o) for o in self.outcomes],
        }


def score_attempt(
    questions: Sequence[Question],
    answers: Mapping[str, Sequence[str]],
    flags: Mapping[str, bool] | None = None,
) -> ExamResult:
    """Score `answers` (question id -> selected letters); a question counts only if exactly right."""
    flags = flags or {}
    result = ExamResult(correct=0, total=len(questions), answered=0, scaled=MIN_SCORE, passed=False)
    for question in questions:
        selected = sorted(answers.get(question.id, ()))
        is_correct = question.is_correct(selected)
        result.correct += is_correct
        result.answered += bool(selected)
        for bucket, key in ((result.domains, question.domain), (result.topics, question.topic)):
            tally = bucket.setdefault(key, Tally())
            tally.total += 1
            tally.correct += is_correct
        result.outcomes.append(
            QuestionOutcome(
                question_id=question.id,
                family=question.family,
                topic=question.topic,
                domain=question.domain,
                selected=selected,
                correct_keys=list(question.correct_keys),
                correct=is_correct,
                answered=bool(selected),
                flagged=bool(flags.get(question.id, False)),
            )
        )
    result.scaled = scaled_score(result.correct / result.total) if result.total else MIN_SCORE
    result.passed = result.scaled >= PASSING_SCORE
    return result
