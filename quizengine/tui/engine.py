"""The headless engine as the UI sees it: bank, attempts store, clock and seeds, built once by `make_app`."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizengine.blueprint import Blueprint
from quizengine.cli import fresh_seed, unknown
from quizengine.delivery import Clock
from quizengine.errors import QuizengineError
from quizengine.examcache import cached_exam, offer_prepared_seed, remember_exam, take_prepared_exam
from quizengine.paths import bundled_bank_root
from quizengine.storage import Attempt, Store

if TYPE_CHECKING:
    # The loader, the assembler and the template engine are imported when first needed: an exam that was
    # assembled before (see examcache) opens without them, which is most of a cold start.
    from quizengine.analysis import FamilyRecord
    from quizengine.exam import Exam
    from quizengine.loader import Bank


@dataclass
class Engine:
    """Collaborators the screens call; tests build one with a fixture bank, a tmp folder and a fake clock.

    The store's connection belongs to the UI thread. Workers that read attempts use `read_attempts`,
    which opens a read-only connection of their own.
    """

    store: Store
    bank_root: Path | None = None
    clock: Clock = time.monotonic
    """Seconds, monotonic; exams count down with it (tests inject a fake one)."""
    new_seed: Callable[[], int] = fresh_seed
    """Where fresh exam and drill seeds come from when the learner gives none."""
    timezone: dt.tzinfo | None = None
    """Time zone for dates on screen; None is the machine's own."""
    _bank: Bank | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _titles: dict[str, str] | None = field(default=None, init=False, repr=False)

    # -- the bank --------------------------------------------------------------------------------------

    @property
    def loaded_bank(self) -> Bank | None:
        """The bank if it has been loaded already (never loads; safe on the UI thread)."""
        return self._bank

    def bank(self) -> Bank:
        """The bank, loaded from disk on first use: call it from a worker thread."""
        with self._lock:
            if self._bank is None:
                self._bank = self._load()
            return self._bank

    def reload_bank(self) -> Bank:
        """Read every template and facts file again (the author preview's reload)."""
        with self._lock:
            self._bank = self._load()
            return self._bank

    def _load(self) -> Bank:
        from quizengine.loader import load_bank

        bank = load_bank(self.bank_root)
        if not bank.syllabus.topics:
            problems = "\n".join(str(p) for p in bank.problems[:5])
            raise QuizengineError(f"the question bank under {bank.root} has no usable syllabus\n{problems}")
        return bank

    def topic_title(self, topic: str) -> str:
        """A topic's title from the bank, or from the syllabus alone when the bank was not needed (a cached exam)."""
        if self._bank is not None:
            titles = {t.id: t.title for t in self._bank.syllabus.topics}
        else:
            titles = self._syllabus_titles()
        return titles.get(topic, topic)

    def _syllabus_titles(self) -> dict[str, str]:
        if self._titles is None:
            from quizengine.loader import load_syllabus

            root = self.bank_root or bundled_bank_root()
            syllabus, _problems = load_syllabus(root / "question_bank" / "syllabus.yaml")
            self._titles = {t.id: t.title for t in syllabus.topics} if syllabus is not None else {}
        return self._titles

    # -- slow work for workers -----------------------------------------------------------------------

    def cached_exam(self, blueprint: Blueprint, seed: int) -> Exam | None:
        """The exam if this bank, blueprint and seed were assembled before (milliseconds; fine on the UI thread)."""
        return cached_exam(self.bank_root or bundled_bank_root(), blueprint, seed)

    def take_prepared_exam(self, blueprint: Blueprint) -> Exam | None:
        """The learner's next exam if it was prepared ahead (see `prepare_next_exam`); it is used only once."""
        return take_prepared_exam(self.store.path.parent, self.bank_root or bundled_bank_root(), blueprint)

    def prepare_next_exam(self, blueprint: Blueprint) -> None:
        """Assemble the learner's next exam now, with a fresh seed, so it opens at once: call it from a worker."""
        seed = self.new_seed()
        exam = self.assemble(blueprint, seed)
        offer_prepared_seed(self.store.path.parent, exam.blueprint, exam.seed)

    def assemble(self, blueprint: Blueprint, seed: int) -> Exam:
        """Assemble an exam after checking its topics exist; tens of milliseconds to seconds, so in a worker."""
        from quizengine.assembler import assemble_exam

        bank = self.bank()
        for topic in blueprint.topics:
            if topic not in bank.topics:
                raise unknown("topic", topic, sorted(bank.topics))
        exam = assemble_exam(bank, blueprint, seed)
        remember_exam(bank.root, exam)
        return exam

    def read_attempts(self) -> list[Attempt]:
        """Every attempt, newest first, on a read-only connection of the calling thread."""
        reader = self.store.reader()
        try:
            return reader.attempts()
        finally:
            reader.close()

    def read_weak_families(self) -> list[FamilyRecord]:
        """`weak_families` on a read-only connection of the calling thread."""
        from quizengine.analysis import weak_families

        reader = self.store.reader()
        try:
            return weak_families(reader)
        finally:
            reader.close()
