"""A disk cache of compiled template code, so starting an exam does not recompile every template.

Compiling the bank's templates with Jinja costs most of a cold load (hundreds of milliseconds); loading
the same code objects back with marshal costs a few. Entries are keyed by a hash of the template source,
the Jinja version and the Python version, so a stale entry can never be used. The cache is an
optimisation only: any error reading or writing it falls back to compiling.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import CodeType

import jinja2
import platformdirs

_TAG = f"jinja{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}-{sys.implementation.name}"


def cache_dir() -> Path | None:
    """$QUIZENGINE_CACHE (empty to disable), else the platform's user cache folder."""
    override = os.environ.get("QUIZENGINE_CACHE")
    if override is not None:
        return Path(override) / _TAG if override else None
    return Path(platformdirs.user_cache_dir("quizengine", appauthor=False)) / _TAG


class CodeCache:
    """Compiled code for one bank file: read once, written back only when something new was compiled."""

    def __init__(self, file_text: str) -> None:
        folder = cache_dir()
        digest = hashlib.sha256(file_text.encode("utf-8")).hexdigest()[:32]
        self.path = folder / f"{digest}.bin" if folder else None
        self.entries: dict[str, CodeType] = self._read()
        self.dirty = False

    def _read(self) -> dict[str, CodeType]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, CodeType)}

    def get(self, key: str) -> CodeType | None:
        return self.entries.get(key)

    def put(self, key: str, code: CodeType) -> None:
        self.entries[key] = code
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(self.entries))
            os.replace(tmp, self.path)  # atomic: a reader sees the old file or the new one
            self.dirty = False
        except OSError:
            pass  # a read-only or full disk only costs speed
