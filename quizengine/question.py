"""The generated question as learners, exports and the JSON CLI see it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LETTERS = "ABCDEF"


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    correct: bool
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "correct": self.correct, "explanation": self.explanation}


@dataclass(frozen=True)
class Question:
    """One rendered variant: everything needed to show, score and explain it, and to rebuild it by id."""

    id: str
    family: str
    seed: int
    title: str
    topic: str
    domain: str
    select: int
    stem: str
    options: tuple[Option, ...]
    explanation: str
    source: str
    source_lines: tuple[int, int] | None
    checked: str

    @property
    def kind(self) -> str:
        return "multiple" if self.select > 1 else "single"

    @property
    def correct_keys(self) -> tuple[str, ...]:
        return tuple(option.key for option in self.options if option.correct)

    def is_correct(self, selected: list[str] | tuple[str, ...]) -> bool:
        """All-or-nothing, like the real exam: exactly the correct options and no others."""
        return sorted(selected) == sorted(self.correct_keys)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "family": self.family,
            "topic": self.topic,
            "domain": self.domain,
            "kind": self.kind,
            "select": self.select,
            "stem": self.stem,
            "options": [option.to_dict() for option in self.options],
            "explanation": self.explanation,
            "source": self.source,
            "seed": self.seed,
            "title": self.title,
            "source_lines": list(self.source_lines) if self.source_lines else None,
            "checked": self.checked,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        """Rebuild a stored snapshot (attempts keep the exact text the learner saw)."""
        lines = data.get("source_lines")
        return cls(
            id=data["id"],
            family=data["family"],
            seed=int(data["seed"]),
            title=data.get("title", data["family"]),
            topic=data["topic"],
            domain=data["domain"],
            select=int(data["select"]),
            stem=data["stem"],
            options=tuple(Option(o["key"], o["text"], bool(o["correct"]), o["explanation"]) for o in data["options"]),
            explanation=data["explanation"],
            source=data["source"],
            source_lines=(int(lines[0]), int(lines[1])) if lines else None,
            checked=data.get("checked", ""),
        )


def question_id(family: str, seed: int) -> str:
    return f"{family}:{seed}"


def parse_question_id(text: str) -> tuple[str, int | None]:
    """'family:42' -> ('family', 42); 'family' -> ('family', None)."""
    family, sep, seed = text.partition(":")
    if sep and seed.isdigit():
        return family, int(seed)
    return text, None
