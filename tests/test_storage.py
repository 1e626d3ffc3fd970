"""Storage: answers committed as given, migrations, corrupt files moved aside, kill -9 loses nothing committed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quizengine.errors import StorageError
from quizengine.generator import generate
from quizengine.storage import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store


def _questions(fixture_bank, n: int = 3):  # type: ignore[no-untyped-def]
    families = sorted(fixture_bank.families.values(), key=lambda f: f.id)
    return [generate(families[i % len(families)], i) for i in range(n)]


def test_answer_is_visible_to_another_connection_immediately(tmp_path: Path, fixture_bank) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path)
    questions = _questions(fixture_bank)
    attempt_id = store.create_attempt("exam", questions, seed=1, time_limit_seconds=600)
    store.record_answer(attempt_id, questions[0].id, ["B"])
    store.set_flag(attempt_id, questions[1].id, True)
    other = Store.open(tmp_path)  # as if a second process read the file
    attempt = other.attempt(attempt_id)
    assert attempt.answers[questions[0].id].selected == ["B"]
    assert attempt.answers[questions[1].id].flagged is True
    assert [q.to_dict() for q in attempt.questions] == [q.to_dict() for q in questions]


def test_history_json_shape(store: Store, fixture_bank) -> None:  # type: ignore[no-untyped-def]
    questions = _questions(fixture_bank, 2)
    first = store.create_attempt("exam", questions, seed=1, time_limit_seconds=600)
    store.record_answer(first, questions[1].id, ["A", "C"])
    second = store.create_attempt("drill", [], seed=2)
    history = store.history()["attempts"]
    assert [a["id"] for a in history] == [second, first]  # newest first
    entry = history[1]
    assert {"id", "mode", "status", "started", "remaining_seconds", "score", "passed", "answers"} <= set(entry)
    assert entry["status"] == "in_progress" and entry["remaining_seconds"] == 600
    assert entry["answers"] == [
        {"question_id": questions[0].id, "selected": [], "flagged": False},
        {"question_id": questions[1].id, "selected": ["A", "C"], "flagged": False},
    ]


def test_migrates_a_version_one_database(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute("INSERT INTO attempts (mode, status, started) VALUES ('exam', 'submitted', '2026-01-01')")
    conn.commit()
    conn.close()
    store = Store.open(tmp_path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [a.mode for a in store.attempts()] == ["exam"]
    columns = [row[1] for row in store.conn.execute("PRAGMA table_info(answers)")]
    assert "checked_correct" in columns


def test_corrupt_database_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    garbage = b"this is not a database at all" * 100
    path.write_bytes(garbage)
    store = Store.open(tmp_path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.moved_aside.read_bytes() == garbage
    assert store.attempts() == []  # a fresh database took its place


def test_damaged_pages_are_detected(tmp_path: Path, fixture_bank) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path)
    attempt_id = store.create_attempt("exam", _questions(fixture_bank, 40), seed=1)
    assert attempt_id
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = tmp_path / DB_NAME
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 97):  # scribble over every page after the header
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    reopened = Store.open(tmp_path)
    assert reopened.moved_aside is not None


def test_newer_schema_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer quizengine"):
        Store.open(tmp_path)
    assert path.exists()


def test_unwritable_data_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot create the data folder"):
        Store.open(blocker / "data")


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from quizengine.loader import load_bank
    from quizengine.generator import generate
    from quizengine.storage import Store
    bank = load_bank(Path(sys.argv[2]))
    family = bank.families["units"]
    store = Store.open(Path(sys.argv[1]))
    questions = [generate(family, i) for i in range(2000)]
    attempt = store.create_attempt("exam", questions, seed=1, time_limit_seconds=7800)
    print(attempt, flush=True)
    i = 0
    while True:
        q = questions[i % len(questions)]
        store.record_answer(attempt, q.id, ["ABCD"[i % 4]])
        store.save_progress(attempt, 7800 - i, i % len(questions))
        print(i, flush=True)  # printed only after the commit returned
        i += 1
    """
)


def test_kill_during_writes_loses_nothing_committed(tmp_path: Path) -> None:
    from tests.conftest import FIXTURE_BANK

    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(data), str(FIXTURE_BANK)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout is not None
    attempt_id = int(proc.stdout.readline())
    last = -1
    deadline = time.monotonic() + 60
    while last < 150 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        last = int(line)
    os.kill(proc.pid, signal.SIGKILL)  # mid-stream: a write may be half done
    proc.wait()
    assert last >= 150, "the writer did not get going"
    store = Store.open(data)
    assert store.moved_aside is None
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    attempt = store.attempt(attempt_id)
    assert len(attempt.questions) == 2000
    # Every answer whose commit was acknowledged before the kill is there.
    assert len(attempt.answers) >= min(last + 1, 2000)
    assert attempt.remaining_seconds is not None and attempt.remaining_seconds <= 7800 - last
