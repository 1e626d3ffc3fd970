"""Deliver an attempt: navigation, answers, flags and the countdown, each change stored as it happens.

The UI drives these sessions and renders what they report; nothing here knows about Textual. The clock is
injected so tests can run an exam's two hours in microseconds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizengine.errors import QuizengineError
from quizengine.question import Question
from quizengine.scoring import ExamResult, score_attempt
from quizengine.storage import Attempt, Store

if TYPE_CHECKING:
    from quizengine.exam import Exam

Clock = Callable[[], float]


class SelectionRefused(QuizengineError):
    """A selection the question does not allow (a letter it lacks, or one too many for 'Choose TWO')."""

    title = "Selection not allowed"


@dataclass
class Progress:
    answered: int
    flagged: int
    total: int


class ExamSession:
    """A timed attempt in progress. Time counts only while a session is open (the clock stops when closed)."""

    def __init__(self, store: Store, attempt: Attempt, clock: Clock = time.monotonic) -> None:
        if attempt.status != "in_progress":
            raise QuizengineError(f"attempt {attempt.id} was already submitted")
        self.store = store
        self.attempt = attempt
        self.questions: list[Question] = attempt.questions
        self.answers: dict[str, list[str]] = {qid: list(a.selected) for qid, a in attempt.answers.items()}
        self.flags: dict[str, bool] = {qid: a.flagged for qid, a in attempt.answers.items()}
        self.index = min(attempt.current_index, max(0, len(self.questions) - 1))
        self._clock = clock
        self._opened_at = clock()
        self._remaining_at_open = float(attempt.remaining_seconds or 0)
        self.result: ExamResult | None = None

    # -- creation --------------------------------------------------------------------------------------

    @classmethod
    def start(cls, store: Store, exam: Exam, clock: Clock = time.monotonic, mode: str = "exam") -> ExamSession:
        attempt_id = store.create_attempt(
            mode,
            exam.questions,
            seed=exam.seed,
            blueprint=exam.blueprint.to_dict(),
            time_limit_seconds=exam.blueprint.minutes * 60,
        )
        return cls(store, store.attempt(attempt_id), clock)

    @classmethod
    def resume(cls, store: Store, attempt_id: int | None = None, clock: Clock = time.monotonic) -> ExamSession | None:
        """Reopen an unfinished exam where it stopped, with the time that was left."""
        attempt = store.attempt(attempt_id) if attempt_id is not None else store.unfinished("exam")
        if attempt is None or attempt.status != "in_progress":
            return None
        return cls(store, attempt, clock)

    # -- state -----------------------------------------------------------------------------------------

    @property
    def attempt_id(self) -> int:
        return self.attempt.id

    @property
    def current(self) -> Question:
        return self.questions[self.index]

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def time_limit_seconds(self) -> int:
        return int(self.attempt.time_limit_seconds or 0)

    def remaining(self) -> float:
        return max(0.0, self._remaining_at_open - (self._clock() - self._opened_at))

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    @property
    def submitted(self) -> bool:
        return self.result is not None

    def selected(self, question: Question | None = None) -> list[str]:
        return list(self.answers.get((question or self.current).id, []))

    def is_flagged(self, question: Question | None = None) -> bool:
        return self.flags.get((question or self.current).id, False)

    def is_answered(self, question: Question) -> bool:
        return bool(self.answers.get(question.id))

    def unanswered_positions(self) -> list[int]:
        return [i for i, q in enumerate(self.questions) if not self.is_answered(q)]

    def flagged_positions(self) -> list[int]:
        return [i for i, q in enumerate(self.questions) if self.is_flagged(q)]

    def progress(self) -> Progress:
        return Progress(
            answered=sum(1 for q in self.questions if self.is_answered(q)),
            flagged=len(self.flagged_positions()),
            total=self.total,
        )

    # -- actions ---------------------------------------------------------------------------------------

    def choose(self, letter: str) -> list[str]:
        """Select (single answer) or toggle (multiple response) an option; returns the new selection."""
        self._ensure_open()
        question = self.current
        new = apply_choice(question, self.selected(), letter)
        self.answers[question.id] = new
        self.store.record_answer(self.attempt_id, question.id, new)
        return new

    def clear_answer(self) -> None:
        self._ensure_open()
        self.answers[self.current.id] = []
        self.store.record_answer(self.attempt_id, self.current.id, [])

    def toggle_flag(self) -> bool:
        self._ensure_open()
        flagged = not self.is_flagged()
        self.flags[self.current.id] = flagged
        self.store.set_flag(self.attempt_id, self.current.id, flagged)
        return flagged

    def go_to(self, index: int) -> Question:
        self.index = max(0, min(self.total - 1, index))
        self.save_progress()
        return self.current

    def next(self) -> Question:
        return self.go_to(self.index + 1)

    def previous(self) -> Question:
        return self.go_to(self.index - 1)

    def save_progress(self) -> None:
        """Store remaining time (rounded up: a learner never loses a part-second) and position."""
        if not self.submitted:
            self.store.save_progress(self.attempt_id, math.ceil(self.remaining()), self.index)

    def tick(self) -> bool:
        """Called about once a second: stores the time left; True when time has run out (then submit)."""
        self.save_progress()
        return self.expired

    def submit(self) -> ExamResult:
        """Score and close the attempt; safe to call twice (time-out and a click racing)."""
        if self.result is not None:
            return self.result
        result = score_attempt(self.questions, self.answers, self.flags)
        self.store.submit(self.attempt_id, result.scaled, result.passed, result.to_dict(), math.ceil(self.remaining()))
        self.result = result
        return result

    def _ensure_open(self) -> None:
        if self.submitted:
            raise QuizengineError("this exam has been submitted; answers can no longer change")


def apply_choice(question: Question, current: list[str], letter: str) -> list[str]:
    """The selection after choosing `letter`: radio for single answer, toggle up to the limit for multiple.

    Exams and drills share it, so both enforce 'Choose TWO' the same way; raises SelectionRefused.
    """
    letter = letter.upper()
    keys = [o.key for o in question.options]
    if letter not in keys:
        raise SelectionRefused(f"this question has options {keys[0]}-{keys[-1]} only")
    if question.select == 1:
        return [letter]
    if letter in current:
        return [k for k in current if k != letter]
    if len(current) >= question.select:
        raise SelectionRefused(f"choose {question.select} only: deselect one of {', '.join(current)} first")
    return sorted([*current, letter])
