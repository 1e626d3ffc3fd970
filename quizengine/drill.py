"""Topic and weak-spot drills: fresh variants one at a time with immediate feedback, stored as they go."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quizengine.analysis import FamilyRecord, weak_families
from quizengine.errors import BlueprintError, GenerationError
from quizengine.question import Question
from quizengine.storage import Store

if TYPE_CHECKING:
    from quizengine.family import CompiledFamily
    from quizengine.loader import Bank


@dataclass
class Feedback:
    """What a drill shows right after an answer."""

    question: Question
    selected: list[str]
    correct: bool


class DrillSession:
    """Draws families in a spread order and a fresh variant of each; every answer is stored when checked."""

    def __init__(
        self, store: Store, families: list[CompiledFamily], count: int, seed: int, mode: str = "drill"
    ) -> None:
        if not families:
            raise BlueprintError(
                "no sound families match this drill", hint="Try other topics, or run `quizengine check`."
            )
        self.store = store
        self.families = families
        self.count = count
        self.rng = random.Random(f"drill:{seed}")
        self.attempt_id = store.create_attempt(mode, [], seed=seed)
        self.asked: list[Question] = []
        self.feedback: list[Feedback] = []
        self._order: list[CompiledFamily] = []
        self._stems: set[str] = set()

    @classmethod
    def for_topics(
        cls, store: Store, bank: Bank, topics: list[str], domain: str | None, count: int, seed: int
    ) -> DrillSession:
        families = [
            f
            for f in sorted(bank.families.values(), key=lambda f: f.id)
            if (not topics or f.topic in topics) and (domain is None or f.domain == domain)
        ]
        return cls(store, families, count, seed)

    @classmethod
    def weak_spots(
        cls, store: Store, bank: Bank, count: int, seed: int, records: list[FamilyRecord] | None = None
    ) -> DrillSession:
        """Families the learner missed most recently and most often; the weakest come up first and more often.

        `records` is `weak_families(...)` read beforehand (the UI reads attempts in a worker thread).
        """
        ranked = weak_families(store) if records is None else records
        weak = [bank.families[r.family] for r in ranked if r.family in bank.families]
        if not weak:
            raise BlueprintError(
                "no missed questions yet, so there are no weak spots to drill",
                hint="Take a mock exam or a topic drill first.",
            )
        session = cls(store, weak, count, seed)
        session._order = list(weak)  # weakest first instead of a shuffled order
        return session

    @property
    def finished(self) -> bool:
        return len(self.feedback) >= self.count

    @property
    def score(self) -> tuple[int, int]:
        return sum(f.correct for f in self.feedback), len(self.feedback)

    def next_question(self) -> Question | None:
        """A fresh variant from the next family, or None when the drill is complete."""
        if self.finished:
            return None
        for _ in range(len(self.families) * 2):
            if not self._order:
                self._order = list(self.families)
                self.rng.shuffle(self._order)
            family = self._order.pop(0)
            try:
                question = self._fresh(family)
            except GenerationError:
                self.families = [f for f in self.families if f.id != family.id]
                if not self.families:
                    return None
                continue
            if question is not None:
                self.asked.append(question)
                self._stems.add(question.stem)
                self.store.add_question(self.attempt_id, question)
                return question
        return None

    def _fresh(self, family: CompiledFamily) -> Question | None:
        from quizengine.generator import generate  # the template engine loads only when a drill draws

        question = None
        for _ in range(10):
            question = generate(family, self.rng.randrange(2**31))
            if question.stem not in self._stems:
                return question
        return question

    def answer(self, question: Question, selected: list[str]) -> Feedback:
        correct = question.is_correct(selected)
        self.store.record_answer(self.attempt_id, question.id, selected, correct)
        feedback = Feedback(question, sorted(selected), correct)
        self.feedback.append(feedback)
        return feedback

    def finish(self) -> tuple[int, int]:
        """Close the drill; returns (correct, answered)."""
        correct, total = self.score
        self.store.submit(self.attempt_id, None, None, {"correct": correct, "total": total}, None)
        return correct, total
