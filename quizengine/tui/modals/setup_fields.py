"""Pieces the exam and drill setup dialogs share: topic choices from the bank and whole-number fields."""

from __future__ import annotations

from collections import Counter

from textual.widgets import Input

from quizengine.loader import Bank
from quizengine.tui.formatting import domain_title


def topic_choices(bank: Bank, domains: list[str] | None = None) -> list[tuple[str, str]]:
    """(label, topic id) for every topic that has sound families, in syllabus order."""
    counts = Counter(family.topic for family in bank.families.values())
    choices = []
    for topic in bank.syllabus.topics:
        if counts[topic.id] and (not domains or topic.domain in domains):
            plural = "family" if counts[topic.id] == 1 else "families"
            label = f"{domain_title(topic.domain)[:12]:<12} {topic.title} ({counts[topic.id]} {plural})"
            choices.append((label, topic.id))
    return choices


def whole_number(field: Input, name: str, *, default: int | None, minimum: int = 0) -> int | None:
    """The field's number, `default` when empty; raises ValueError with a message naming the field."""
    text = field.value.strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {text!r}") from None
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return value
