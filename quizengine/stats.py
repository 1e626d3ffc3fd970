"""Counts of families and distinct valid variants per topic and domain (`quizengine stats`)."""

from __future__ import annotations

from typing import Any

from quizengine.checker import check_family
from quizengine.loader import Bank

# Distinct variants are counted exhaustively up to this many combinations per family.
VARIANT_CAP = 2_000


def bank_stats(bank: Bank, cap: int = VARIANT_CAP) -> dict[str, Any]:
    """The `stats` JSON: families, parameterized families, distinct valid variants, by topic and domain."""
    topics: dict[str, dict[str, int]] = {}
    domains: dict[str, dict[str, int]] = {d.name: {"families": 0, "variants": 0} for d in bank.syllabus.domains}
    total_variants = 0
    parameterized = 0
    for family in bank.families.values():
        report = check_family(family, max_seeds=cap)
        variants = report.variants if report.ok else 0
        total_variants += variants
        parameterized += 1 if family.parameterized else 0
        topic = topics.setdefault(family.topic, {"families": 0, "variants": 0})
        topic["families"] += 1
        topic["variants"] += variants
        domain = domains.setdefault(family.domain, {"families": 0, "variants": 0})
        domain["families"] += 1
        domain["variants"] += variants
    return {
        "families": len(bank.families),
        "parameterized": parameterized,
        "variants": total_variants,
        "variant_cap_per_family": cap,
        "topics": dict(sorted(topics.items())),
        "domains": domains,
    }
