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
    assert len(files) == 6  # one per family file
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
