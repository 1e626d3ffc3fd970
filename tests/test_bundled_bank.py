"""The bundled question bank: every family sound, flagships varied, sources real, exams well formed."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
import yaml

from quizengine.assembler import assemble_exam
from quizengine.blueprint import DVA_C02
from quizengine.checker import check_bank
from quizengine.loader import Bank, load_bank
from tests.conftest import REPO_ROOT, SHARED

SEED_NOTES = SHARED / "seed" / "000_489b0f5333ccaf14.txt"
SEED_MAP = SHARED / "seed-map.yaml"
FLAGSHIPS = {
    "s3-lifecycle-transition-class": "s3.lifecycle",
    "beanstalk-deployment-policy": "beanstalk.deployment-modes",
    "s3-encryption-choice": "s3.encryption",
    "dynamodb-capacity-units": "dynamodb.capacity",
}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(REPO_ROOT)


@pytest.fixture(scope="module")
def report(bank: Bank):  # type: ignore[no-untyped-def]
    return check_bank(bank)


def test_every_file_loads(bank: Bank) -> None:
    assert [str(p) for p in bank.problems] == []


def test_every_family_is_sound(report) -> None:  # type: ignore[no-untyped-def]
    assert [str(p) for p in report.problems if p.severity == "error"] == []


def test_bank_breadth(bank: Bank) -> None:
    assert len(bank.families) >= 16
    assert {f.kind for f in bank.families.values()} == {"static", "scenario", "computed"}
    domains = Counter(f.domain for f in bank.families.values())
    assert set(domains) == {"development", "security", "deployment", "troubleshooting"}
    assert sum(1 for f in bank.families.values() if f.model.select > 1) >= 4


def test_flagships_have_at_least_50_variants(bank: Bank, report) -> None:  # type: ignore[no-untyped-def]
    variants = {f.family: f.variants for f in report.families}
    for family, topic in FLAGSHIPS.items():
        assert bank.families[family].topic == topic
        assert variants[family] >= 50, (family, variants[family])


def test_computed_families_have_named_mistakes(bank: Bank) -> None:
    for family in bank.families.values():
        if family.kind == "computed":
            assert len(family.mistakes) >= 3


def test_facts_tables_are_dated_and_sourced(bank: Bank) -> None:
    for loaded in bank.facts.values():
        assert loaded.table.checked <= dt.date.today()
        assert all(re.match(r"https://", s) for s in loaded.table.sources), loaded.path


@pytest.mark.skipif(not SEED_NOTES.exists(), reason="shared seed notes are not beside the repo")
def test_sources_cite_real_lectures_and_lines(bank: Bank) -> None:
    text = SEED_NOTES.read_text(encoding="utf-8")
    notes = text.splitlines()
    seed_topics = {t["id"]: t for t in yaml.safe_load(SEED_MAP.read_text())}
    for family in bank.families.values():
        source = family.model.source
        assert source.lecture in text, f"{family.id}: lecture {source.lecture!r} does not appear in the notes"
        assert source.lines is not None, f"{family.id}: cite the lines of the notes"
        first, last = source.lines
        assert last <= len(notes)
        ranges = seed_topics[family.topic]["lines"]
        # The cited lines must overlap the topic's own seed lines (with a little slack for headings).
        assert any(first <= b + 30 and last >= a - 30 for a, b in ranges), (family.id, source.lines, ranges)


def test_dva_c02_exam_from_the_bundled_bank(bank: Bank) -> None:
    for seed in (1, 2, 3):
        exam = assemble_exam(bank, DVA_C02, seed)
        assert len(exam.questions) == 65
        assert Counter(q.domain for q in exam.questions) == {
            "development": 21,
            "security": 17,
            "deployment": 15,
            "troubleshooting": 12,
        }
        multiple = sum(1 for q in exam.questions if q.select > 1)
        assert 0.15 * 65 <= multiple <= 0.20 * 65 + 1, multiple
        assert len({q.family for q in exam.questions}) >= 16
