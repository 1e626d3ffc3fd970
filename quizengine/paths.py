"""Where the bundled question bank and the learner's data folder live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_bank_root() -> Path:
    """The folder holding `question_bank/` and `templates/`: the source checkout, or the wheel's copy."""
    override = os.environ.get("QUIZENGINE_BANK")
    if override:
        return Path(override)
    checkout = _PACKAGE_DIR.parent
    if (checkout / "question_bank").is_dir():
        return checkout
    return _PACKAGE_DIR / "_bundled"


def data_dir(explicit: str | Path | None = None) -> Path:
    """The learner's data folder: --data-dir, then $QUIZENGINE_HOME, then the platform's user data folder."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("QUIZENGINE_HOME")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("quizengine", appauthor=False))
