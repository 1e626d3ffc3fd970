"""Durable attempts in one SQLite database: every answer, flag and remaining second is committed when it changes."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizengine.errors import StorageError
from quizengine.question import Question

DB_NAME = "quizengine.db"

# Each entry upgrades the schema by one version; PRAGMA user_version records how far a database got.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        mode TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
        blueprint TEXT,
        seed INTEGER,
        started TEXT NOT NULL,
        finished TEXT,
        time_limit_seconds INTEGER,
        remaining_seconds INTEGER,
        current_index INTEGER NOT NULL DEFAULT 0,
        score INTEGER,
        passed INTEGER,
        result TEXT
    );
    CREATE TABLE attempt_questions (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        PRIMARY KEY (attempt_id, position)
    );
    CREATE TABLE answers (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        selected TEXT NOT NULL DEFAULT '[]',
        flagged INTEGER NOT NULL DEFAULT 0,
        updated TEXT NOT NULL,
        PRIMARY KEY (attempt_id, question_id)
    );
    CREATE INDEX attempts_status ON attempts(status);
    """,
    # v2: drills record when each answer was checked, for the weak-spot ranking's recency.
    """
    ALTER TABLE answers ADD COLUMN checked_correct INTEGER;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class AnswerRecord:
    question_id: str
    selected: list[str]
    flagged: bool


@dataclass
class Attempt:
    """One stored exam or drill with its questions (as the learner saw them) and answers."""

    id: int
    mode: str
    status: str
    started: str
    finished: str | None
    seed: int | None
    blueprint: dict[str, object] | None
    time_limit_seconds: int | None
    remaining_seconds: int | None
    current_index: int
    score: int | None
    passed: bool | None
    result: dict[str, object] | None
    questions: list[Question] = field(default_factory=list)
    answers: dict[str, AnswerRecord] = field(default_factory=dict)

    def answer_list(self) -> list[AnswerRecord]:
        """Answers in question order, unanswered ones included with an empty selection."""
        return [self.answers.get(q.id) or AnswerRecord(q.id, [], False) for q in self.questions]

    def to_history_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "mode": self.mode,
            "status": self.status,
            "started": self.started,
            "finished": self.finished,
            "remaining_seconds": self.remaining_seconds,
            "time_limit_seconds": self.time_limit_seconds,
            "score": self.score,
            "passed": self.passed,
            "questions": len(self.questions),
            "answers": [
                {"question_id": a.question_id, "selected": a.selected, "flagged": a.flagged} for a in self.answer_list()
            ],
        }


class Store:
    """The attempts database. Open it with `Store.open(folder)`; a corrupt file is moved aside, never deleted."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.moved_aside: Path | None = None  # set when a corrupt database was set aside on open
        self.conn = self._connect()

    @classmethod
    def open(cls, folder: Path) -> Store:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"cannot create the data folder {folder}: {exc.strerror or exc}",
                hint="Pass a writable folder with --data-dir or QUIZENGINE_HOME.",
            ) from None
        return cls(folder / DB_NAME)

    # -- opening, migrations, corruption -------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = self._open_and_migrate()
        except sqlite3.DatabaseError as exc:
            if "locked" in str(exc):
                raise StorageError(
                    f"the database {self.path} is locked by another quizengine",
                    hint="Close the other quizengine window and try again.",
                ) from None
            self.moved_aside = self._move_aside()
            conn = self._open_and_migrate()
        return conn

    def _open_and_migrate(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None:
                raise sqlite3.DatabaseError("no journal mode")
            # FULL: a commit survives power loss and kill -9, not just a clean exit.
            conn.execute("PRAGMA synchronous = FULL")
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else 'no answer'}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                conn.close()
                raise StorageError(
                    f"{self.path} was written by a newer quizengine (schema {version}, this one knows {SCHEMA_VERSION})",
                    hint="Upgrade quizengine, or point --data-dir at another folder.",
                )
            for target in range(version, SCHEMA_VERSION):
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in MIGRATIONS[target].split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {target + 1}")
                    conn.execute("COMMIT")
                except Exception:
                    conn.execute("ROLLBACK")
                    raise
        except BaseException:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            self.path.rename(target)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.rename(target.with_name(target.name + suffix))
        except OSError as exc:
            raise StorageError(
                f"{self.path} is corrupt and could not be moved aside: {exc.strerror or exc}",
                hint="Move the file away by hand, or use --data-dir with another folder.",
            ) from None
        return target

    def reader(self) -> Store:
        """A read-only connection to this database for one other thread (the UI reads history in a worker).

        It never migrates the schema or moves the file aside; close it when done.
        """
        reader = Store.__new__(Store)
        reader.path = self.path
        reader.moved_aside = None
        try:
            reader.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
        except sqlite3.Error as exc:
            raise StorageError(f"could not read {self.path}: {exc}") from None
        return reader

    def close(self) -> None:
        self.conn.close()

    # -- writing ---------------------------------------------------------------------------------------

    def create_attempt(
        self,
        mode: str,
        questions: Sequence[Question],
        *,
        seed: int | None = None,
        blueprint: dict[str, object] | None = None,
        time_limit_seconds: int | None = None,
    ) -> int:
        """Store a new attempt with the exact questions it shows, in one transaction."""
        with self._transaction():
            cursor = self.conn.execute(
                "INSERT INTO attempts (mode, status, blueprint, seed, started, time_limit_seconds, remaining_seconds)"
                " VALUES (?, 'in_progress', ?, ?, ?, ?, ?)",
                (
                    mode,
                    json.dumps(blueprint) if blueprint else None,
                    seed,
                    now_iso(),
                    time_limit_seconds,
                    time_limit_seconds,
                ),
            )
            attempt_id = int(cursor.lastrowid or 0)
            for position, question in enumerate(questions):
                self._insert_question(attempt_id, position, question)
        return attempt_id

    def add_question(self, attempt_id: int, question: Question) -> None:
        """Append a question to an attempt (drills grow one question at a time)."""
        with self._transaction():
            position = self.conn.execute(
                "SELECT COUNT(*) FROM attempt_questions WHERE attempt_id = ?", (attempt_id,)
            ).fetchone()[0]
            self._insert_question(attempt_id, position, question)

    def _insert_question(self, attempt_id: int, position: int, question: Question) -> None:
        self.conn.execute(
            "INSERT INTO attempt_questions (attempt_id, position, question_id, snapshot) VALUES (?, ?, ?, ?)",
            (attempt_id, position, question.id, json.dumps(question.to_dict(), sort_keys=True)),
        )

    def record_answer(
        self, attempt_id: int, question_id: str, selected: Sequence[str], correct: bool | None = None
    ) -> None:
        """Write an answer the moment it is given."""
        self._execute(
            "INSERT INTO answers (attempt_id, question_id, selected, updated, checked_correct) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (attempt_id, question_id) DO UPDATE SET selected = excluded.selected,"
            " updated = excluded.updated, checked_correct = excluded.checked_correct",
            (
                attempt_id,
                question_id,
                json.dumps(sorted(selected)),
                now_iso(),
                None if correct is None else int(correct),
            ),
        )

    def set_flag(self, attempt_id: int, question_id: str, flagged: bool) -> None:
        self._execute(
            "INSERT INTO answers (attempt_id, question_id, flagged, updated) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (attempt_id, question_id) DO UPDATE SET flagged = excluded.flagged, updated = excluded.updated",
            (attempt_id, question_id, int(flagged), now_iso()),
        )

    def save_progress(self, attempt_id: int, remaining_seconds: int | None, current_index: int) -> None:
        self._execute(
            "UPDATE attempts SET remaining_seconds = ?, current_index = ? WHERE id = ? AND status = 'in_progress'",
            (remaining_seconds, current_index, attempt_id),
        )

    def submit(
        self,
        attempt_id: int,
        score: int | None,
        passed: bool | None,
        result: dict[str, object],
        remaining_seconds: int | None,
    ) -> None:
        self._execute(
            "UPDATE attempts SET status = 'submitted', finished = ?, score = ?, passed = ?, result = ?,"
            " remaining_seconds = ? WHERE id = ?",
            (
                now_iso(),
                score,
                None if passed is None else int(passed),
                json.dumps(result),
                remaining_seconds,
                attempt_id,
            ),
        )

    def _execute(self, sql: str, params: tuple[object, ...]) -> None:
        try:
            self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise StorageError(
                f"could not save to {self.path}: {exc}", hint="Check free disk space and permissions."
            ) from None

    def _transaction(self) -> _Transaction:
        return _Transaction(self)

    # -- reading ---------------------------------------------------------------------------------------

    def attempt(self, attempt_id: int) -> Attempt:
        rows = self._attempt_rows("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        if not rows:
            raise StorageError(f"no attempt with id {attempt_id}", hint="`quizengine history` lists attempts.")
        return self._attempt_from_row(rows[0], full=True)

    def attempts(self, *, full: bool = True) -> list[Attempt]:
        """All attempts, newest first."""
        return [
            self._attempt_from_row(row, full=full)
            for row in self._attempt_rows("SELECT * FROM attempts ORDER BY id DESC")
        ]

    def unfinished(self, mode: str | None = "exam") -> Attempt | None:
        """The newest attempt still in progress (of `mode`, when given)."""
        sql = "SELECT * FROM attempts WHERE status = 'in_progress'"
        params: tuple[object, ...] = ()
        if mode:
            sql += " AND mode = ?"
            params = (mode,)
        rows = self._attempt_rows(sql + " ORDER BY id DESC LIMIT 1", params)
        return self._attempt_from_row(rows[0], full=True) if rows else None

    def _attempt_rows(self, sql: str, params: tuple[object, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _attempt_from_row(self, data: dict[str, Any], *, full: bool) -> Attempt:
        attempt = Attempt(
            id=int(data["id"]),
            mode=str(data["mode"]),
            status=str(data["status"]),
            started=str(data["started"]),
            finished=data["finished"],
            seed=data["seed"],
            blueprint=json.loads(data["blueprint"]) if data["blueprint"] else None,
            time_limit_seconds=data["time_limit_seconds"],
            remaining_seconds=data["remaining_seconds"],
            current_index=int(data["current_index"] or 0),
            score=data["score"],
            passed=None if data["passed"] is None else bool(data["passed"]),
            result=json.loads(data["result"]) if data["result"] else None,
        )
        if full:
            for (snapshot,) in self.conn.execute(
                "SELECT snapshot FROM attempt_questions WHERE attempt_id = ? ORDER BY position", (attempt.id,)
            ):
                attempt.questions.append(Question.from_dict(json.loads(snapshot)))
            for question_id, selected, flagged in self.conn.execute(
                "SELECT question_id, selected, flagged FROM answers WHERE attempt_id = ?", (attempt.id,)
            ):
                attempt.answers[question_id] = AnswerRecord(question_id, list(json.loads(selected)), bool(flagged))
        return attempt

    def history(self) -> dict[str, object]:
        """The `quizengine history --format json` document."""
        return {"attempts": [a.to_history_dict() for a in self.attempts()]}


class _Transaction:
    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.store.conn.execute("COMMIT")
        else:
            self.store.conn.execute("ROLLBACK")
