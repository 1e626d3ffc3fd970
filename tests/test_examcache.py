"""Assembled exams read back from disk: identical to a fresh assembly, and never stale after a bank edit."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from quizengine.assembler import assemble_exam
from quizengine.blueprint import DVA_C02, custom_blueprint
from quizengine.examcache import bank_fingerprint, cached_exam, remember_exam
from quizengine.loader import load_bank
from tests.conftest import edit


def _ids(exam) -> list[str]:  # type: ignore[no-untyped-def]
    return [json.dumps(q.to_dict(), sort_keys=True) for q in exam.questions]


def test_round_trip_is_identical(bank_copy: Path) -> None:
    assert cached_exam(bank_copy, DVA_C02, 5) is None
    exam = assemble_exam(load_bank(bank_copy), DVA_C02, 5)
    remember_exam(bank_copy, exam)
    again = cached_exam(bank_copy, DVA_C02, 5)
    assert again is not None
    assert _ids(again) == _ids(exam) and again.notes == exam.notes and again.seed == 5
    assert cached_exam(bank_copy, DVA_C02, 6) is None  # another seed
    assert cached_exam(bank_copy, custom_blueprint(questions=10), 5) is None  # another blueprint


def test_any_bank_edit_means_a_fresh_assembly(bank_copy: Path) -> None:
    remember_exam(bank_copy, assemble_exam(load_bank(bank_copy), DVA_C02, 5))
    edit(bank_copy / "question_bank/questions/ops-static.yaml", "What happened?", "What does it mean?")
    assert cached_exam(bank_copy, DVA_C02, 5) is None


def test_same_size_edit_is_noticed_although_the_fingerprint_is_remembered(bank_copy: Path) -> None:
    # The fingerprint is remembered under the files' sizes and times; an edit that keeps the size must still
    # change it (the edit gives the file a new modification time).
    path = bank_copy / "question_bank/questions/ops-static.yaml"
    settled = time.time() - 60
    for file in bank_copy.rglob("*.yaml"):
        os.utime(file, (settled, settled))
    before = bank_fingerprint(bank_copy)
    assert list((Path(os.environ["QUIZENGINE_CACHE"]) / "bank-fingerprints").iterdir())  # remembered
    assert bank_fingerprint(bank_copy) == before
    edit(path, "What happened?", "What happenex?")
    after = bank_fingerprint(bank_copy)
    assert after != before
    edit(path, "What happenex?", "What happened?")
    assert bank_fingerprint(bank_copy) == before  # the same bytes give the same fingerprint again


def test_unreadable_entry_is_ignored(bank_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path / "cache"))
    remember_exam(bank_copy, assemble_exam(load_bank(bank_copy), DVA_C02, 5))
    for entry in (tmp_path / "cache").rglob("exams-*/*.json"):
        entry.write_text("{not json")
    assert cached_exam(bank_copy, DVA_C02, 5) is None


def test_prepared_next_exam_is_taken_once(bank_copy: Path, tmp_path: Path) -> None:
    from quizengine.examcache import offer_prepared_seed, take_prepared_exam

    data = tmp_path / "data"
    remember_exam(bank_copy, assemble_exam(load_bank(bank_copy), DVA_C02, 42))
    offer_prepared_seed(data, DVA_C02, 42)
    assert take_prepared_exam(data, bank_copy, custom_blueprint(questions=10)) is None  # another kind of exam
    offer_prepared_seed(data, DVA_C02, 42)
    prepared = take_prepared_exam(data, bank_copy, DVA_C02)
    assert prepared is not None and prepared.seed == 42
    assert take_prepared_exam(data, bank_copy, DVA_C02) is None  # used up: the next exam is a new one


def test_prepared_exam_is_dropped_when_the_bank_changed(bank_copy: Path, tmp_path: Path) -> None:
    from quizengine.examcache import offer_prepared_seed, take_prepared_exam

    data = tmp_path / "data"
    remember_exam(bank_copy, assemble_exam(load_bank(bank_copy), DVA_C02, 42))
    offer_prepared_seed(data, DVA_C02, 42)
    edit(bank_copy / "question_bank/questions/ops-static.yaml", "What happened?", "What does it mean?")
    assert take_prepared_exam(data, bank_copy, DVA_C02) is None
