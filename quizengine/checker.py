"""`quizengine check`: render every family over its parameter space and prove each variant is sound."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from quizengine.errors import GenerationError, Problem
from quizengine.family import CompiledFamily
from quizengine.generator import generate_variant
from quizengine.loader import Bank
from quizengine.markdown_reference import differences as markdown_differences
from quizengine.question import LETTERS, Question

MIN_SEEDS = 200
# Exhaustive up to this many combinations; beyond it, the first MAX_SEEDS seeds (each a distinct combination).
MAX_SEEDS = 5_000
MAX_PROBLEMS_PER_KIND = 3  # the same fault in 500 variants is one fault: show a few seeds, then count the rest


@dataclass
class FamilyReport:
    """What checking one family found."""

    family: str
    kind: str
    path: str
    combinations: int = 0
    seeds: int = 0
    variants: int = 0  # distinct (stem, correct answers) pairs
    distinct_stems: int = 0
    letter_counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def to_dict(self) -> dict[str, object]:
        return {
            "family": self.family,
            "kind": self.kind,
            "path": self.path,
            "combinations": self.combinations,
            "seeds": self.seeds,
            "variants": self.variants,
            "distinct_stems": self.distinct_stems,
            "correct_letters": self.letter_counts,
            "problems": [p.to_dict() for p in self.problems],
        }


def check_family(family: CompiledFamily, max_seeds: int = MAX_SEEDS) -> FamilyReport:
    """Render the family for every combination (at least MIN_SEEDS seeds) and collect every unsound variant."""
    report = FamilyReport(family.id, family.kind, str(family.path))
    try:
        report.combinations = len(family.combinations())
    except GenerationError as exc:
        report.problems.append(exc.problem)
        return report
    if report.combinations == 0:
        report.problems.append(family.problem(("constraints",), "no parameter combination satisfies the constraints"))
        return report

    seeds = max(MIN_SEEDS, min(report.combinations, max_seeds))
    report.seeds = seeds
    if report.combinations > max_seeds:
        report.problems.append(
            _as_warning(
                family.problem(("params",), f"{report.combinations} combinations; checked the first {max_seeds} only")
            )
        )
    model = family.model
    letters: Counter[str] = Counter()
    stems: dict[str, frozenset[str]] = {}
    answered: set[tuple[str, frozenset[str]]] = set()
    seen_faults: Counter[tuple[str, str]] = Counter()

    def add(problem: Problem) -> None:
        key = (problem.field, problem.message.split(":")[0])
        seen_faults[key] += 1
        if seen_faults[key] <= MAX_PROBLEMS_PER_KIND:
            report.problems.append(problem)

    for seed in range(seeds):
        try:
            variant = generate_variant(family, seed)
        except GenerationError as exc:
            add(exc.problem)
            continue
        question = variant.question
        for problem in _variant_problems(family, question, seed):
            add(problem)
        for option in question.options:
            if option.correct:
                letters[option.key] += 1
        if seed < report.combinations:
            previous = stems.get(question.stem)
            if previous is None and (difference := markdown_differences(question.stem)) is not None:
                add(
                    _as_warning(
                        family.problem(
                            ("stem",),
                            f"the exam draws this Markdown differently from CommonMark: {difference} "
                            "(see 'Question Markdown' in question_bank/README.md)",
                            seed,
                        )
                    )
                )
            if previous is not None and previous != variant.pool_correct:
                add(
                    family.problem(
                        ("stem",),
                        "two combinations render the same stem but have different correct answers; "
                        "the stem must show every parameter the answer depends on",
                        seed,
                    )
                )
            stems[question.stem] = variant.pool_correct
            answered.add((question.stem, variant.pool_correct))

    for (field_, message), count in seen_faults.items():
        if count > MAX_PROBLEMS_PER_KIND:
            first = next(p for p in report.problems if p.field == field_ and p.message.startswith(message))
            report.problems.append(
                Problem(
                    first.path,
                    first.line,
                    first.field,
                    f"...and {count - MAX_PROBLEMS_PER_KIND} more variants like this",
                )
            )
    report.variants = len(answered)
    report.distinct_stems = len(stems)
    checked_combinations = min(report.combinations, seeds)
    if family.parameterized and report.distinct_stems < checked_combinations and report.ok:
        report.problems.append(
            _as_warning(
                family.problem(
                    ("params",),
                    f"{checked_combinations} combinations render only {report.distinct_stems} distinct stems: "
                    "some parameter value changes nothing the learner sees",
                )
            )
        )
    report.letter_counts = {letter: letters.get(letter, 0) for letter in LETTERS[: model.options]}
    report.problems.extend(_letter_spread_problems(family, report))
    return report


def _as_warning(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, problem.field, problem.message, problem.seed, "warning")


def _variant_problems(family: CompiledFamily, question: Question, seed: int) -> list[Problem]:
    model = family.model
    problems: list[Problem] = []
    correct = sum(1 for o in question.options if o.correct)
    if correct != model.select:
        problems.append(family.problem(("select",), f"{correct} correct options shown, expected {model.select}", seed))
    minimum = 5 if model.select > 1 else 4
    if len(question.options) < minimum:
        problems.append(family.problem(("options",), f"only {len(question.options)} options (minimum {minimum})", seed))
    texts = [o.text for o in question.options]
    duplicates = sorted({t for t in texts if texts.count(t) > 1})
    if duplicates:
        problems.append(family.problem(("choices",), f"duplicate option text: {duplicates[0]!r}", seed))
    if not question.stem.strip():
        problems.append(family.problem(("stem",), "renders empty", seed))
    if not question.explanation.strip():
        problems.append(family.problem(("explanation",), "renders empty", seed))
    for option in question.options:
        if not option.text.strip():
            problems.append(family.problem(("choices",), f"option {option.key} renders empty text", seed))
        if not option.explanation.strip():
            problems.append(
                family.problem(("choices",), f"option {option.key} ({option.text!r}) has an empty explanation", seed)
            )
    return problems


def _letter_spread_problems(family: CompiledFamily, report: FamilyReport) -> list[Problem]:
    """The correct answer must not favour a letter: each letter gets at least a third of its fair share."""
    total = sum(report.letter_counts.values())
    if total < 50:
        return []
    fair = total / len(report.letter_counts)
    starved = [letter for letter, count in report.letter_counts.items() if count < fair / 3]
    if not starved:
        return []
    return [
        family.problem(
            ("choices",),
            f"correct answers rarely land on {', '.join(starved)} ({report.letter_counts}); option order is biased",
        )
    ]


@dataclass
class CheckReport:
    load_problems: list[Problem]
    families: list[FamilyReport]

    @property
    def problems(self) -> list[Problem]:
        return self.load_problems + [p for f in self.families for p in f.problems]

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def check_bank(bank: Bank, max_seeds: int = MAX_SEEDS) -> CheckReport:
    """Check every family that loaded; files that failed to load are reported from the loader's problems."""
    reports = [check_family(family, max_seeds) for family in bank.families.values()]
    return CheckReport(list(bank.problems), reports)
