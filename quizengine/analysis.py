"""Analyse stored attempts: weak families and topics, per-domain mastery and the score trend."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from quizengine.scoring import Tally
from quizengine.storage import Attempt, Store

# Each older attempt counts this much less than the next newer one when ranking weak spots.
RECENCY_DECAY = 0.8


@dataclass
class FamilyRecord:
    family: str
    topic: str
    domain: str
    seen: int = 0
    missed: int = 0
    weakness: float = 0.0  # misses weighted by recency: recent and repeated misses rank first


def graded_answers(attempt: Attempt) -> list[tuple[str, str, str, bool]]:
    """(family, topic, domain, correct) for every question that counts: all of a submitted exam, answered drill ones."""
    graded = []
    for question in attempt.questions:
        record = attempt.answers.get(question.id)
        selected = record.selected if record else []
        if attempt.mode == "drill" and not selected:
            continue
        if attempt.mode != "drill" and attempt.status != "submitted":
            continue
        graded.append((question.family, question.topic, question.domain, question.is_correct(selected)))
    return graded


def family_records(attempts: list[Attempt]) -> dict[str, FamilyRecord]:
    """Per-family results over `attempts` (newest first, as the store returns them)."""
    records: dict[str, FamilyRecord] = {}
    for age, attempt in enumerate(attempts):
        weight = RECENCY_DECAY**age
        for family, topic, domain, correct in graded_answers(attempt):
            record = records.setdefault(family, FamilyRecord(family, topic, domain))
            record.seen += 1
            if not correct:
                record.missed += 1
                record.weakness += weight
    return records


def weak_families(store: Store, limit: int = 20) -> list[FamilyRecord]:
    """Families missed most recently and most often, weakest first."""
    records = [r for r in family_records(store.attempts()).values() if r.missed]
    records.sort(key=lambda r: (-r.weakness, -r.missed / r.seen, r.family))
    return records[:limit]


@dataclass
class HistorySummary:
    domains: dict[str, Tally]
    topics: dict[str, Tally]
    trend: list[tuple[str, int]]  # (started, scaled score) of submitted exams, oldest first

    def weakest_topics(self, count: int = 5) -> list[tuple[str, Tally]]:
        ranked = sorted(self.topics.items(), key=lambda kv: (kv[1].percent, -kv[1].total, kv[0]))
        return [kv for kv in ranked if kv[1].correct < kv[1].total][:count]


def summarize(attempts: list[Attempt]) -> HistorySummary:
    domains: dict[str, Tally] = defaultdict(Tally)
    topics: dict[str, Tally] = defaultdict(Tally)
    for attempt in attempts:
        for _family, topic, domain, correct in graded_answers(attempt):
            for tally in (domains[domain], topics[topic]):
                tally.total += 1
                tally.correct += correct
    trend = [
        (a.started, int(a.score))
        for a in reversed(attempts)
        if a.mode == "exam" and a.status == "submitted" and a.score is not None
    ]
    return HistorySummary(dict(domains), dict(topics), trend)
