"""Turn a compiled family and a seed into one question, deterministically on any machine."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from jinja2 import Template

from quizengine.errors import GenerationError
from quizengine.family import CompiledFamily
from quizengine.models import ComputedFamily, StaticFamily
from quizengine.question import LETTERS, Option, Question, question_id
from quizengine.templating import variant_context
from quizengine.yamlsource import Path_


@dataclass
class Candidate:
    """One entry of a variant's option pool before drawing and shuffling."""

    text: str
    correct: bool
    text_path: Path_
    explanation: Template
    explanation_path: Path_
    context: dict[str, Any]


@dataclass
class Variant:
    """A generated question plus what the checker needs to judge it."""

    question: Question
    combination_index: int
    pool_correct: frozenset[str]  # every correct text the pool offered, not only those drawn
    context: dict[str, Any]  # what the stem and overall explanation were rendered with
    drawn: list[Candidate]  # the options shown, in order


def variant_rng(family_id: str, seed: int) -> random.Random:
    # Seeding with a string hashes it with SHA-512: the same sequence on every platform and Python 3.x.
    return random.Random(f"{family_id}:{seed}")


def generate(family: CompiledFamily, seed: int) -> Question:
    """The question a family produces for a seed (the seed picks the combination and the option order)."""
    return generate_variant(family, seed).question


def generate_variant(family: CompiledFamily, seed: int) -> Variant:
    if not family.sound:
        raise GenerationError(family.problems[0])
    combos = family.combinations()
    if not combos:
        raise GenerationError(family.problem(("constraints",), "no parameter combination satisfies the constraints"))
    # seed % count: seeds 0..count-1 visit every combination once, which is how `check` covers the space.
    index = seed % len(combos)
    rng = variant_rng(family.id, seed)
    context: dict[str, Any] = variant_context({"facts": family.facts, **combos[index]})
    for name, path, expr in family.lets:
        context[name] = family.evaluate(path, expr, context, seed)

    if isinstance(family.model, ComputedFamily):
        pool = _computed_pool(family, context, seed)
    else:
        pool = _choice_pool(family, context, seed)

    model = family.model
    correct = [c for c in pool if c.correct]
    wrong = [c for c in pool if not c.correct]
    need_wrong = model.options - model.select
    if len(correct) < model.select:
        raise GenerationError(
            family.problem(
                ("choices",) if not isinstance(model, ComputedFamily) else ("answer",),
                f"this variant has {len(correct)} correct option(s) but the family selects {model.select}",
                seed,
            )
        )
    if len(wrong) < need_wrong:
        where: Path_ = ("mistakes",) if isinstance(model, ComputedFamily) else ("choices",)
        raise GenerationError(
            family.problem(
                where, f"this variant has {len(wrong)} distinct distractor(s); {need_wrong} are needed", seed
            )
        )
    if len(correct) > model.select and not (model.draw_correct or isinstance(model, StaticFamily)):
        # A rule that finds more right answers than the question asks for is ambiguous: learners would be
        # marked wrong for a defensible choice. Static families may pool several true statements on purpose.
        texts = ", ".join(repr(c.text) for c in correct)
        raise GenerationError(
            family.problem(
                ("choices",),
                f"{len(correct)} options are correct for this variant ({texts}) but the family selects "
                f"{model.select}: the rule is ambiguous (set draw_correct: true if the pool is meant to hold "
                "several true statements)",
                seed,
            )
        )
    drawn = rng.sample(correct, model.select) + rng.sample(wrong, need_wrong)
    rng.shuffle(drawn)

    options = tuple(
        Option(
            key=LETTERS[position],
            text=candidate.text,
            correct=candidate.correct,
            explanation=family.render(candidate.explanation_path, candidate.explanation, candidate.context, seed),
        )
        for position, candidate in enumerate(drawn)
    )
    question = Question(
        id=question_id(family.id, seed),
        family=family.id,
        seed=seed,
        title=model.title,
        topic=model.topic,
        domain=family.domain,
        select=model.select,
        stem=family.render(("stem",), family.stem, context, seed),
        options=options,
        explanation=family.render(("explanation",), family.explanation, context, seed),
        source=model.source.lecture,
        source_lines=model.source.lines,
        checked=family.checked.isoformat(),
    )
    return Variant(question, index, frozenset(c.text for c in correct), context, drawn)


def _choice_pool(family: CompiledFamily, context: dict[str, Any], seed: int) -> list[Candidate]:
    pool: list[Candidate] = []
    for choice in family.choices:
        if choice.each is not None and choice.each_name is not None:
            items = family.evaluate((*choice.path, "each"), choice.each, context, seed)
            try:
                contexts = [{**context, choice.each_name: item} for item in items]
            except TypeError:
                raise GenerationError(
                    family.problem((*choice.path, "each"), "the expression after 'in' is not a list", seed)
                ) from None
        else:
            contexts = [context]
        for ctx in contexts:
            if choice.when is not None and not family.evaluate((*choice.path, "when"), choice.when, ctx, seed):
                continue
            if isinstance(choice.correct, bool):
                is_correct = choice.correct
            else:
                is_correct = bool(family.evaluate((*choice.path, "correct"), choice.correct, ctx, seed))
            text = family.render((*choice.path, "text"), choice.text, ctx, seed)
            pool.append(
                Candidate(
                    text,
                    is_correct,
                    (*choice.path, "text"),
                    choice.explanation,
                    (*choice.path, "explanation"),
                    {**ctx, "is_correct": is_correct, "option_text": text},
                )
            )
    return pool


def _computed_pool(family: CompiledFamily, context: dict[str, Any], seed: int) -> list[Candidate]:
    assert family.answer is not None and family.value_text is not None and family.answer_explanation is not None
    answer = family.evaluate(("answer",), family.answer, context, seed)
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        raise GenerationError(family.problem(("answer",), f"the answer must be a number, got {answer!r}", seed))
    answer_ctx = {**context, "value": answer, "answer": answer, "is_correct": True}
    answer_text = family.render(("value_text",), family.value_text, answer_ctx, seed)
    pool = [
        Candidate(answer_text, True, ("value_text",), family.answer_explanation, ("answer_explanation",), answer_ctx)
    ]
    seen = {answer_text}
    for mistake in family.mistakes:
        if mistake.when is not None and not family.evaluate((*mistake.path, "when"), mistake.when, context, seed):
            continue
        value = family.evaluate((*mistake.path, "value"), mistake.value, context, seed)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise GenerationError(
                family.problem((*mistake.path, "value"), f"a mistake's value must be a number, got {value!r}", seed)
            )
        ctx = {**context, "value": value, "answer": answer, "mistake": mistake.name, "is_correct": False}
        text = family.render(("value_text",), family.value_text, ctx, seed)
        # A mistake that lands on the right number (or on another mistake's number) is no distractor here.
        if text in seen or value <= 0:
            continue
        seen.add(text)
        pool.append(Candidate(text, False, ("value_text",), mistake.explanation, (*mistake.path, "explanation"), ctx))
    return pool
