"""Assembled exams kept on disk, keyed by the bank's content, the blueprint and the seed.

Assembly is deterministic, so an exam assembled once can be read back instead of loading and rendering the
bank again: `quizengine exam --seed N` twice, or the next exam prepared while the learner is busy. The key
hashes every bank file's bytes, so any edit to a template or facts table means a fresh assembly. Like the
file cache, this only saves time: a missing, unreadable or stale entry means the exam is assembled.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from quizengine import __version__
from quizengine.blueprint import Blueprint
from quizengine.exam import Exam
from quizengine.filecache import cache_root, write_atomically
from quizengine.question import Question

_BANK_FOLDERS = ("question_bank", "templates")
_SETTLED_NS = 2_000_000_000


def _bank_files(root: Path) -> list[tuple[str, os.stat_result]]:
    """Every bank file (path relative to `root`, with '/', and its stat), in a stable order."""
    found: list[tuple[str, os.stat_result]] = []
    folders = [(root / name, name) for name in _BANK_FOLDERS]
    while folders:
        folder, relative = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:  # no such folder: a bank without templates/, say
            continue
        for entry in entries:
            name = f"{relative}/{entry.name}"
            if entry.is_dir():
                folders.append((Path(entry.path), name))
            elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
                found.append((name, entry.stat()))
    return sorted(found)


def bank_fingerprint(root: Path) -> str:
    """A hash of every bank file's path and bytes.

    Hashing the bytes takes a few milliseconds, which start-up notices, so the result is remembered in the
    cache under the files' sizes, modification times and inodes: when none of those changed, neither did
    the bank (the way make and git decide a file is unchanged).
    """
    files = _bank_files(root)
    stats = hashlib.sha256(f"{__version__}\0{root.resolve()}".encode())
    for name, stat in files:
        stats.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\n".encode())
    folder = cache_root()
    memo = folder / "bank-fingerprints" / stats.hexdigest()[:32] if folder is not None else None
    if memo is not None:
        try:
            remembered = memo.read_text(encoding="ascii")
            if len(remembered) == 32:
                return remembered
        except OSError:
            pass
    content = hashlib.sha256(__version__.encode())
    for name, _stat in files:
        content.update(name.encode())
        content.update((root / name).read_bytes())
    fingerprint = content.hexdigest()[:32]
    # A file written in the last moments could be written again within the same clock tick, keeping its
    # size and time: remember only a bank whose files have settled.
    settled = time.time_ns() - _SETTLED_NS
    if memo is not None and all(stat.st_mtime_ns < settled for _name, stat in files):
        write_atomically(memo, fingerprint.encode())
    return fingerprint


def _entry(root: Path, blueprint: Blueprint, seed: int) -> Path | None:
    folder = cache_root()
    if folder is None:
        return None
    key = json.dumps([bank_fingerprint(root), blueprint.to_dict(), seed], sort_keys=True)
    return folder / f"exams-v1-{__version__}" / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def cached_exam(root: Path, blueprint: Blueprint, seed: int) -> Exam | None:
    """The exam this bank, blueprint and seed assemble to, if it was assembled before."""
    from quizengine.exam import Exam

    path = _entry(root, blueprint, seed)
    if path is None or not path.exists():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        questions = [Question.from_dict(q) for q in data["questions"]]
        notes = [str(n) for n in data["notes"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Exam(blueprint, seed, questions, notes)


def remember_exam(root: Path, exam: Exam) -> None:
    """Keep an assembled exam for `cached_exam` (atomic write; errors only cost speed)."""
    path = _entry(root, exam.blueprint, exam.seed)
    if path is None:
        return
    payload = {"notes": exam.notes, "questions": [q.to_dict() for q in exam.questions]}
    write_atomically(path, json.dumps(payload).encode())


def _next_marker(data_folder: Path) -> Path:
    return data_folder / "next-exam.json"


def take_prepared_exam(data_folder: Path, root: Path, blueprint: Blueprint) -> Exam | None:
    """The exam prepared ahead for this learner, bank and blueprint; taken once, then forgotten.

    Each learner's next exam is drawn at random when the previous one starts and assembled in the
    background, so a mock exam without --seed opens as fast as one assembled before. The marker (its seed)
    lives in the learner's data folder; the exam itself in the cache.
    """
    marker = _next_marker(data_folder)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        marker.unlink()
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("blueprint") != blueprint.to_dict():
        return None
    seed = data.get("seed")
    return cached_exam(root, blueprint, seed) if isinstance(seed, int) else None


def offer_prepared_seed(data_folder: Path, blueprint: Blueprint, seed: int) -> None:
    """Record that the exam for `seed` is assembled and cached, ready for the learner's next mock exam."""
    write_atomically(_next_marker(data_folder), json.dumps({"blueprint": blueprint.to_dict(), "seed": seed}).encode())
