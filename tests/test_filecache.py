"""The compiled-template cache changes speed only: same questions with it, without it, or with it corrupt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizengine.generator import generate
from quizengine.loader import load_bank
from tests.conftest import FIXTURE_BANK


def _render_all() -> str:
    bank = load_bank(FIXTURE_BANK)
    return json.dumps([generate(f, s).to_dict() for f in bank.families.values() for s in range(5)], sort_keys=True)


def test_cache_is_written_and_gives_identical_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZENGINE_CACHE", "")
    uncached = _render_all()
    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path))
    first = _render_all()
    files = list(tmp_path.rglob("*.bin"))
    assert len(files) == 8  # one per bank file: 6 families, 1 facts table, the syllabus
    assert _render_all() == first == uncached


def test_corrupt_cache_falls_back_to_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path))
    expected = _render_all()
    for file in tmp_path.rglob("*.bin"):
        file.write_bytes(b"\x00garbage")
    assert _render_all() == expected


def test_unwritable_cache_is_harmless(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUIZENGINE_CACHE", str(blocker))
    assert len(load_bank(FIXTURE_BANK).families) == 6


def test_parsed_yaml_round_trips_through_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from quizengine.filecache import FileCache
    from quizengine.yamlsource import parse_yaml

    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path))
    text = "checked: 2026-11-27\nrows:\n  - {when: 2025-01-02T03:04:05, n: 1}\n  - plain\nstem: |\n  hello\n"
    fresh = parse_yaml(text, FileCache(text))
    FileCache(text).save()  # nothing new: the first instance kept the entry in memory only
    cache = FileCache(text)
    cache.put_document(fresh.data, fresh.lines, fresh.text_lines)
    cache.save()
    cached = parse_yaml(text, FileCache(text))
    assert cached.data == fresh.data
    assert cached.data["checked"] == dt.date(2026, 11, 27)
    assert cached.data["rows"][0]["when"] == dt.datetime(2025, 1, 2, 3, 4, 5)
    assert cached.lines == fresh.lines and cached.text_line_of(("stem",)) == 6


def test_cached_combinations_are_used_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path))
    first = load_bank(FIXTURE_BANK).families["units"].combinations()
    again = load_bank(FIXTURE_BANK).families["units"]
    assert again._cache is not None and again._cache.combinations(again._facts_digest) is not None
    assert again.combinations() == first


def test_a_cache_read_back_can_be_extended_and_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: restoring dates must not put them into the cached entry, or every later save fails."""
    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path))
    load_bank(FIXTURE_BANK)  # parse and cache
    family = load_bank(FIXTURE_BANK).families["tier-choice"]  # read back from the cache
    family.combinations()  # adds combinations and saves
    assert family._cache is not None and not family._cache.dirty
    third = load_bank(FIXTURE_BANK).families["tier-choice"]
    assert third._cache is not None and third._cache.combinations(third._facts_digest) is not None
