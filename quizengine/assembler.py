"""Assemble an exam from a blueprint: domain counts, multiple-response share, topic spread, no family twice."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from quizengine.blueprint import Blueprint, largest_remainder
from quizengine.errors import BlueprintError, GenerationError
from quizengine.family import CompiledFamily
from quizengine.generator import generate
from quizengine.loader import Bank
from quizengine.question import Question

_SEED_SPACE = 2**31
_RETRIES = 20


@dataclass
class Exam:
    """An assembled exam: questions in delivery order and notes on where the bank fell short."""

    blueprint: Blueprint
    seed: int
    questions: list[Question]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "blueprint": self.blueprint.to_dict(),
            "seed": self.seed,
            "notes": self.notes,
            "questions": [q.to_dict() for q in self.questions],
        }


def eligible_families(bank: Bank, blueprint: Blueprint) -> dict[str, list[CompiledFamily]]:
    """Sound families per weighted domain, limited to the blueprint's topics when it names any."""
    by_domain: dict[str, list[CompiledFamily]] = defaultdict(list)
    wanted = set(blueprint.topics)
    for family in sorted(bank.families.values(), key=lambda f: f.id):
        if blueprint.weights.get(family.domain, 0) <= 0:
            continue
        if wanted and family.topic not in wanted:
            continue
        by_domain[family.domain].append(family)
    return by_domain


def _topic_spread(families: list[CompiledFamily], rng: random.Random) -> list[CompiledFamily]:
    """Order families so consecutive picks come from different topics (round robin over shuffled topics)."""
    by_topic: dict[str, list[CompiledFamily]] = defaultdict(list)
    for family in families:
        by_topic[family.topic].append(family)
    topics = sorted(by_topic)
    rng.shuffle(topics)
    for topic in topics:
        rng.shuffle(by_topic[topic])
    ordered: list[CompiledFamily] = []
    while any(by_topic.values()):
        for topic in topics:
            if by_topic[topic]:
                ordered.append(by_topic[topic].pop())
    return ordered


def _pick(pool: list[CompiledFamily], count: int, rng: random.Random) -> list[CompiledFamily]:
    """`count` families from `pool`, each once while the pool lasts, then again in a fresh spread order."""
    picked: list[CompiledFamily] = []
    while len(picked) < count and pool:
        picked.extend(_topic_spread(pool, rng)[: count - len(picked)])
    return picked


def assemble_exam(bank: Bank, blueprint: Blueprint, seed: int) -> Exam:
    """The same bank, blueprint and seed always give the same questions in the same order."""
    rng = random.Random(f"exam:{blueprint.name}:{seed}")
    notes: list[str] = []
    by_domain = eligible_families(bank, blueprint)
    weights = {d: w for d, w in blueprint.weights.items() if w > 0 and by_domain.get(d)}
    missing = [d for d, w in blueprint.weights.items() if w > 0 and not by_domain.get(d)]
    if missing:
        notes.append(f"no sound families for domain(s) {', '.join(missing)}; their share went to the others")
    if not weights:
        raise BlueprintError(
            "no sound families match this exam's domains and topics",
            hint="Run `quizengine check` to see broken families, or widen the topics.",
        )
    counts = largest_remainder(blueprint.questions, weights)
    multiple_plan = _plan_multiple(counts, by_domain, blueprint.multiple_target, weights)

    plan: list[CompiledFamily] = []
    for domain in sorted(counts):
        families = by_domain[domain]
        multi = [f for f in families if f.model.select > 1]
        single = [f for f in families if f.model.select == 1]
        want_multi = multiple_plan.get(domain, 0)
        chosen = _pick(multi, want_multi, rng) + _pick(single, counts[domain] - want_multi, rng)
        distinct = len({f.id for f in chosen})
        if distinct < len(chosen):
            notes.append(
                f"{domain}: {len(chosen)} questions from {distinct} families, so some families appear "
                "more than once (with different variants); the bank needs more families here"
            )
        plan.extend(chosen)

    questions = _generate_all(plan, by_domain, rng, notes)
    rng.shuffle(questions)
    return Exam(blueprint, seed, questions, notes)


def _plan_multiple(
    counts: dict[str, int], by_domain: dict[str, list[CompiledFamily]], target: int, weights: dict[str, int]
) -> dict[str, int]:
    """Multiple-response slots per domain: the target share, spread by weight over domains that have such
    families, without repeating a family where the domain could otherwise fill its slots with distinct ones."""
    multi = {d: sum(1 for f in by_domain[d] if f.model.select > 1) for d in counts}
    single = {d: sum(1 for f in by_domain[d] if f.model.select == 1) for d in counts}
    capacity: dict[str, int] = {}
    for domain, slots in counts.items():
        if multi[domain] == 0:
            capacity[domain] = 0
        elif single[domain] == 0 or multi[domain] + single[domain] < slots:
            capacity[domain] = slots  # repeats are unavoidable here, so the share can be met
        else:
            capacity[domain] = min(multi[domain], slots)
    floor = {d: max(0, counts[d] - single[d]) if multi[d] and multi[d] + single[d] >= counts[d] else 0 for d in counts}
    floor = {d: counts[d] if multi[d] and not single[d] else v for d, v in floor.items()}
    eligible = {d: w for d, w in weights.items() if capacity.get(d)}
    plan = largest_remainder(min(target, sum(capacity.values())), eligible)
    plan = {d: max(floor[d], min(plan.get(d, 0), capacity[d])) for d in counts}
    # Hand any shortfall to domains that still have room, heaviest weight first.
    order = sorted(counts, key=lambda d: (-weights.get(d, 0), d))
    while sum(plan.values()) < target and any(plan[d] < capacity[d] for d in order):
        for domain in order:
            if sum(plan.values()) >= target:
                break
            if plan[domain] < capacity[domain]:
                plan[domain] += 1
    return plan


def _generate_all(
    plan: list[CompiledFamily],
    by_domain: dict[str, list[CompiledFamily]],
    rng: random.Random,
    notes: list[str],
) -> list[Question]:
    """Generate each planned slot; a family that fails is skipped (and noted) and a sibling takes its slot."""
    questions: list[Question] = []
    used_stems: set[str] = set()
    used_ids: set[str] = set()
    broken: set[str] = set()
    for family in plan:
        fallback: Question | None = None
        question: Question | None = None
        siblings = [f for f in by_domain[family.domain] if f.id != family.id]
        # Same response type first, so a replacement keeps the exam's share of multiple-response questions.
        siblings.sort(key=lambda f: (f.model.select > 1) != (family.model.select > 1))
        for candidate in [family, *siblings]:
            if candidate.id in broken:
                continue
            try:
                question, fresh = _variant(candidate, rng, used_stems, used_ids)
            except GenerationError as exc:
                broken.add(candidate.id)
                notes.append(f"family {candidate.id} was left out: {exc.problem}")
                question = None
                continue
            if fresh:
                break
            fallback = fallback or question
            question = None
        question = question or fallback
        if question is None:
            notes.append(f"one {family.domain} question is missing: no family in the domain could produce one")
            continue
        questions.append(question)
        used_stems.add(question.stem)
        used_ids.add(question.id)
    return questions


def _variant(
    family: CompiledFamily, rng: random.Random, used_stems: set[str], used_ids: set[str]
) -> tuple[Question | None, bool]:
    """A variant, and whether its stem is new to this exam (a small family may have run out of stems)."""
    last: Question | None = None
    for _ in range(_RETRIES):
        question = generate(family, rng.randrange(_SEED_SPACE))
        if question.stem not in used_stems and question.id not in used_ids:
            return question, True
        if question.id not in used_ids:
            last = question
    return last, False
