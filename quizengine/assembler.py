"""Assemble an exam from a blueprint: domain counts, multiple-response share, topic spread, no family twice."""

from __future__ import annotations

import math
import random
from collections import defaultdict

from quizengine.blueprint import Blueprint, largest_remainder
from quizengine.errors import BlueprintError, GenerationError
from quizengine.exam import Exam
from quizengine.family import CompiledFamily
from quizengine.generator import generate
from quizengine.loader import Bank
from quizengine.question import Question

_SEED_SPACE = 2**31
_RETRIES = 20


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
    multiple_plan = _plan_multiple(counts, by_domain, blueprint, weights)

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
    counts: dict[str, int], by_domain: dict[str, list[CompiledFamily]], blueprint: Blueprint, weights: dict[str, int]
) -> dict[str, int]:
    """Multiple-response slots per domain.

    First, per domain, the range of counts that repeats no family (or, when the domain has too few families
    for its slots, repeats as few as possible). Then, inside those ranges, get as close as possible to the
    target share, favouring heavier domains. Last, the share is forced into the blueprint's 15-20 % band even
    if that costs repeats, because an exam with no (or mostly) "Choose TWO" questions misrepresents the real one.
    """
    low_share = math.ceil(blueprint.questions * blueprint.multiple_share[0])
    high_share = max(low_share, math.floor(blueprint.questions * blueprint.multiple_share[1]))
    target = min(blueprint.multiple_target, blueprint.questions)
    lo: dict[str, int] = {}
    hi: dict[str, int] = {}
    floor: dict[str, int] = {}  # hard limits: no single-answer families means every slot is multiple response
    ceiling: dict[str, int] = {}
    for domain, slots in counts.items():
        multi = sum(1 for f in by_domain[domain] if f.model.select > 1)
        single = len(by_domain[domain]) - multi
        floor[domain] = slots if single == 0 else 0
        ceiling[domain] = 0 if multi == 0 else slots
        if multi == 0:
            lo[domain] = hi[domain] = 0
        elif single == 0:
            lo[domain] = hi[domain] = slots
        elif multi + single >= slots:
            lo[domain], hi[domain] = max(0, slots - single), min(multi, slots)
        else:
            lo[domain], hi[domain] = multi, slots - single
    plan = dict(lo)
    total_weight = sum(weights.get(d, 0) for d in counts) or 1
    ideal = {d: target * weights.get(d, 0) / total_weight for d in counts}

    def step(limit: dict[str, int], goal: int, direction: int) -> None:
        while (sum(plan.values()) - goal) * direction < 0:
            room = [d for d in counts if (limit[d] - plan[d]) * direction > 0]
            if not room:
                return
            # The domain furthest from its weighted share, in the direction we move.
            domain = max(room, key=lambda d: ((ideal[d] - plan[d]) * direction, weights.get(d, 0), d))
            plan[domain] += direction

    step(hi, target, +1)
    step(lo, target, -1)
    step(ceiling, low_share, +1)
    step(floor, high_share, -1)
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
