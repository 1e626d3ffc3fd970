"""An assembled exam: the blueprint it follows, its seed, its questions in delivery order, and notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizengine.blueprint import Blueprint
from quizengine.question import Question


@dataclass
class Exam:
    """An assembled exam: questions in delivery order and notes on where the bank fell short."""

    blueprint: Blueprint
    seed: int
    questions: list[Question]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "blueprint": self.blueprint.to_dict(),
            "seed": self.seed,
            "notes": self.notes,
            "questions": [q.to_dict() for q in self.questions],
        }
