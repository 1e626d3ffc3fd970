"""Engine benchmark: per-variant generation vs bare Jinja, exam assembly, bank load and `check`; prints figures.

Run: python benchmarks/bench_engine.py [--variants N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import jinja2

from quizengine.assembler import assemble_exam
from quizengine.blueprint import DVA_C02
from quizengine.checker import check_bank
from quizengine.family import CompiledFamily
from quizengine.generator import Variant, generate, generate_variant
from quizengine.loader import load_bank
from quizengine.templating import FILTERS
from quizengine.yamlsource import Path_

FLAGSHIPS = [
    "s3-lifecycle-transition-class",
    "beanstalk-deployment-policy",
    "s3-encryption-choice",
    "dynamodb-capacity-units",
]
# R/exams' stresstest of a comparable single-choice template takes about 25 ms per variant on these machines.
R_EXAMS_MS = 25.0


def best_of(repeats: int, action: Callable[[], Any]) -> float:
    """The fastest of several timed runs, in seconds (the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _source(family: CompiledFamily, path: Path_) -> str:
    node: Any = _dumped(family)
    for part in path:
        node = node[part]
    return str(node)


_DUMPS: dict[str, Any] = {}


def _dumped(family: CompiledFamily) -> Any:
    if family.id not in _DUMPS:
        _DUMPS[family.id] = family.model.model_dump()
    return _DUMPS[family.id]


class BareJinja:
    """Plain (unsandboxed) Jinja with the same filters; each template source compiled once, as the engine does."""

    def __init__(self) -> None:
        self.env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(FILTERS)
        self._compiled: dict[str, jinja2.Template] = {}

    def template(self, family: CompiledFamily, path: Path_) -> jinja2.Template:
        source = _source(family, path)
        if source not in self._compiled:
            self._compiled[source] = self.env.from_string(source)
        return self._compiled[source]


def bare_jinja_job(family: CompiledFamily, variant: Variant, bare: BareJinja) -> Callable[[], None]:
    """Bare Jinja rendering exactly the texts the question shows, with the same values."""
    jobs: list[tuple[jinja2.Template, dict[str, Any]]] = [
        (bare.template(family, ("stem",)), variant.context),
        (bare.template(family, ("explanation",)), variant.context),
    ]
    for candidate in variant.drawn:
        jobs.append((bare.template(family, candidate.text_path), candidate.context))
        jobs.append((bare.template(family, candidate.explanation_path), candidate.context))

    def run() -> None:
        for template, context in jobs:
            template.render(context)

    return run


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # figures appear as they are measured
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variants", type=int, default=2000, help="variants per family")
    args = parser.parse_args()

    load_s = best_of(3, load_bank)
    bank = load_bank()
    print(f"bank: {len(bank.families)} families loaded in {load_s * 1000:.1f} ms ({len(bank.problems)} problems)")

    bare = BareJinja()
    print(f"\nper-variant generation ({args.variants} seeds per family, best of 3)")
    print(f"{'family':36} {'engine ms':>10} {'bare jinja ms':>14} {'overhead':>9} {'vs R/exams':>11}")
    per_family: list[float] = []
    ratios: list[float] = []
    for family in sorted(bank.families.values(), key=lambda f: (f.id not in FLAGSHIPS, f.id)):
        family.combinations()  # enumerated once per process, not per variant
        seeds = range(args.variants)  # the same for every family
        engine_s = best_of(3, lambda family=family, seeds=seeds: [generate(family, s) for s in seeds])
        jobs = [bare_jinja_job(family, generate_variant(family, s), bare) for s in seeds]
        bare_s = best_of(3, lambda jobs=jobs: [job() for job in jobs])
        engine_ms = engine_s / args.variants * 1000
        bare_ms = bare_s / args.variants * 1000
        per_family.append(engine_ms)
        ratios.append(engine_ms / bare_ms)
        marker = " *" if family.id in FLAGSHIPS else ""
        print(
            f"{family.id + marker:36} {engine_ms:10.3f} {bare_ms:14.3f} {engine_ms / bare_ms:8.2f}x "
            f"{R_EXAMS_MS / engine_ms:9.0f}x"
        )
    print(
        f"\nall families: median {statistics.median(per_family):.3f} ms, worst {max(per_family):.3f} ms per variant "
        f"(target <= 0.25 ms); engine/bare-Jinja overhead median {statistics.median(ratios):.2f}x, "
        f"worst {max(ratios):.2f}x  (* = flagship)"
    )

    fresh = load_bank()  # cold: nothing enumerated yet, as in a new process
    cold_s = best_of(1, lambda: assemble_exam(fresh, DVA_C02, 1))
    warm_s = best_of(5, lambda: assemble_exam(bank, DVA_C02, 2))
    exam = assemble_exam(bank, DVA_C02, 2)
    print(
        f"\nDVA-C02 exam (65 questions): assembled in {cold_s * 1000:.1f} ms cold, {warm_s * 1000:.1f} ms warm "
        f"(target <= 100 ms); {len({q.family for q in exam.questions})} distinct families; notes: {len(exam.notes)}"
    )

    check_s = best_of(1, lambda: check_bank(load_bank()))
    report = check_bank(bank)
    variants = sum(f.seeds for f in report.families)
    print(
        f"quizengine check, whole bank: {check_s:.2f} s for {variants} rendered variants ({'clean' if report.ok else 'PROBLEMS'})"
    )


if __name__ == "__main__":
    main()
