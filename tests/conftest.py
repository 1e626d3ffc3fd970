"""Shared fixtures: the small fixture bank, a scratch copy of it, and a store in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizengine.loader import Bank, load_bank
from quizengine.storage import Store

FIXTURE_BANK = Path(__file__).parent / "fixtures" / "bank"
REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data folder."""
    monkeypatch.setenv("QUIZENGINE_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.setenv("QUIZENGINE_CACHE", str(tmp_path_factory.getbasetemp() / "code-cache"))
    monkeypatch.delenv("QUIZENGINE_BANK", raising=False)


@pytest.fixture(scope="session")
def fixture_bank() -> Bank:
    return load_bank(FIXTURE_BANK)


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture bank, for tests that break files on purpose."""
    target = tmp_path / "bank"
    shutil.copytree(FIXTURE_BANK, target)
    return target


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def edit(path: Path, old: str, new: str) -> None:
    """Replace text in a bank file copy; fails if `old` is absent, so a changed fixture cannot hollow a test out."""
    text = path.read_text()
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new))
