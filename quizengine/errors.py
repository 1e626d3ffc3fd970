"""The one exception hierarchy and the Problem record that the CLI and the UI both show."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a bank file, located as precisely as the loader could."""

    path: str
    line: int
    field: str
    message: str
    seed: int | None = None
    severity: str = "error"  # "error" blocks a family; "warning" is shown but changes nothing

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field or '(file)'}: {self.message}"
        if self.seed is not None:
            text += f" (seed {self.seed})"
        if self.severity != "error":
            text = f"{text} [{self.severity}]"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "seed": self.seed,
            "severity": self.severity,
        }


class QuizengineError(Exception):
    """Base of every error the engine raises on purpose; `title` is a short heading for the UI."""

    title = "quizengine error"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  {self.hint}" if self.hint else self.message


class BankError(QuizengineError):
    """A bank file could not be used; carries the problems found."""

    title = "Question bank problem"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class GenerationError(QuizengineError):
    """A family could not produce a sound question for a seed."""

    title = "Question generation failed"

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class UnknownNameError(QuizengineError):
    """A family, topic, domain or blueprint named by the user does not exist."""

    title = "Unknown name"


class BlueprintError(QuizengineError):
    """An exam cannot be assembled as asked."""

    title = "Exam cannot be assembled"


class StorageError(QuizengineError):
    """The attempts database could not be read or written."""

    title = "Storage problem"


def display_path(path: Path | str) -> str:
    """A path relative to the working folder when it is inside it, for short messages."""
    text = str(path)
    try:
        here = os.getcwd() + os.sep
    except OSError:  # the working folder was deleted
        return text
    return text[len(here) :] if text.startswith(here) else text
