"""A disk cache of work derived from one bank file: its parsed YAML, compiled template code and valid combinations.

Parsing YAML, compiling Jinja templates and enumerating parameter spaces cost most of a cold start (hundreds
of milliseconds for the bundled bank); reading the results back with marshal costs a few. An entry is keyed
by a hash of the file's text plus the Jinja, Python and cache-format versions, so a stale entry can never be
used; combinations are further keyed by the facts tables they were computed against. The cache is an
optimisation only: any error reading or writing it falls back to doing the work.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from types import CodeType
from typing import Any

import platformdirs

_FORMAT = 4  # 4: booleans are YAML 1.2 (true/false only)


@functools.cache
def _tag() -> str:
    import jinja2  # compiled code is only valid for the Jinja that compiled it; whoever caches code has it loaded

    return (
        f"v{_FORMAT}-jinja{jinja2.__version__}-py{sys.version_info[0]}{sys.version_info[1]}-{sys.implementation.name}"
    )


def cache_root() -> Path | None:
    """$QUIZENGINE_CACHE (empty to disable), else the platform's user cache folder."""
    override = os.environ.get("QUIZENGINE_CACHE")
    if override is not None:
        return Path(override) if override else None
    return Path(platformdirs.user_cache_dir("quizengine", appauthor=False))


def cache_dir() -> Path | None:
    """Where file entries live: under cache_root, in a folder per cache format, Jinja and Python version."""
    root = cache_root()
    return root / _tag() if root is not None else None


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file so that a reader sees the old file or the new one, never half of it.

    Returns whether it was written: a read-only or full disk only costs speed, so errors are not raised.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _encode(value: Any, path: tuple[Any, ...], dates: list[tuple[tuple[Any, ...], str, str]]) -> Any:
    """YAML data in marshal's vocabulary: dates become ISO strings, and their places are listed in `dates`."""
    if isinstance(value, dict):
        return {k: _encode(v, (*path, k), dates) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v, (*path, i), dates) for i, v in enumerate(value)]
    if isinstance(value, dt.datetime):
        dates.append((path, "datetime", value.isoformat()))
        return None
    if isinstance(value, dt.date):
        dates.append((path, "date", value.isoformat()))
        return None
    return value


def _restore_dates(data: Any, dates: list[tuple[tuple[Any, ...], str, str]]) -> Any:
    """Put the dates back where `_encode` found them, copying only the containers on each date's path.

    The cached entry itself must stay marshal-able (no date objects), because it is written back whenever
    compiled code or combinations are added; a handful of dates per file makes the copying cheap.
    """
    for path, kind, text in dates:
        value = dt.datetime.fromisoformat(text) if kind == "datetime" else dt.date.fromisoformat(text)
        data = _with_value(data, path, value)
    return data


def _with_value(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy: Any = dict(node) if isinstance(node, dict) else list(node)
    copy[path[0]] = _with_value(node[path[0]], path[1:], value)
    return copy


class FileCache:
    """Derived data for one bank file: read once, written back only when something new was added."""

    def __init__(self, file_text: str) -> None:
        folder = cache_dir()
        self.path = folder / f"{digest(file_text)}.bin" if folder else None
        self.entries: dict[str, Any] = self._read()
        self.dirty = False

    def _read(self) -> dict[str, Any]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return data if isinstance(data, dict) else {}

    # -- compiled template code -------------------------------------------------------------------------

    def code(self, key: str) -> CodeType | None:
        value = self.entries.get("code:" + key)
        return value if isinstance(value, CodeType) else None

    def put_code(self, key: str, code: CodeType) -> None:
        self.entries["code:" + key] = code
        self.dirty = True

    # -- parsed YAML ----------------------------------------------------------------------------------------

    def document(self) -> tuple[Any, dict[Any, int], dict[Any, int]] | None:
        """(data, lines, text_lines) of the parsed file, or None."""
        value = self.entries.get("yaml")
        if not (isinstance(value, tuple) and len(value) == 4):
            return None
        try:
            return _restore_dates(value[0], value[1]), value[2], value[3]
        except (TypeError, ValueError, KeyError, IndexError):
            return None

    def put_document(self, data: Any, lines: dict[Any, int], text_lines: dict[Any, int]) -> None:
        dates: list[tuple[tuple[Any, ...], str, str]] = []
        try:
            encoded = _encode(data, (), dates)
            marshal.dumps(encoded)  # refuse anything marshal cannot store rather than fail at save time
        except (TypeError, ValueError, RecursionError):
            return
        self.entries["yaml"] = (encoded, dates, lines, text_lines)
        self.dirty = True

    # -- valid parameter combinations ---------------------------------------------------------------------

    def combinations(self, facts_digest: str) -> list[int] | None:
        value = self.entries.get("combos:" + facts_digest)
        return value if isinstance(value, list) and all(isinstance(i, int) for i in value) else None

    def put_combinations(self, facts_digest: str, indices: list[int]) -> None:
        self.entries["combos:" + facts_digest] = indices
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        try:
            data = marshal.dumps(self.entries)
        except ValueError:
            return
        if write_atomically(self.path, data):
            self.dirty = False
