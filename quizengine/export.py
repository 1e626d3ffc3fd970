"""Export generated questions for learning management systems: Moodle GIFT, Moodle XML and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from quizengine.question import Question

_GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})


def _gift(text: str) -> str:
    return text.replace("\\", "\\\\").translate(_GIFT_SPECIAL).replace("\n", "\\n")


def to_gift(questions: Sequence[Question]) -> str:
    """GIFT (Moodle, and LMSs that import it). Multiple response splits credit so only the full set earns 100 %."""
    out = []
    for q in questions:
        title = _gift(q.id)
        stem = _gift(q.stem + (f"\n(Choose {q.select}.)" if q.select > 1 else ""))
        lines = [f"::{title}::[markdown]{stem} {{"]
        for option in q.options:
            feedback = f" #{_gift(option.explanation)}"
            if q.select == 1:
                prefix = "=" if option.correct else "~"
            else:
                # Weights must sum to 100 % for correct options; wrong ones cancel a right one.
                weight = round(100 / q.select, 5) if option.correct else -100
                prefix = f"~%{weight:g}%"
            lines.append(f"\t{prefix}{_gift(option.text)}{feedback}")
        lines.append(f"\t####{_gift(q.explanation)}")
        lines.append("}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def to_moodle_xml(questions: Sequence[Question]) -> str:
    """Moodle XML multichoice questions with per-option feedback and general feedback."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for q in questions:
        single = "true" if q.select == 1 else "false"
        parts.append('  <question type="multichoice">')
        parts.append(f"    <name><text>{escape(q.id)}</text></name>")
        parts.append(f'    <questiontext format="markdown"><text>{escape(q.stem)}</text></questiontext>')
        parts.append(f'    <generalfeedback format="markdown"><text>{escape(q.explanation)}</text></generalfeedback>')
        parts.append(
            f"    <single>{single}</single><shuffleanswers>1</shuffleanswers><answernumbering>ABCD</answernumbering>"
        )
        for option in q.options:
            fraction = (
                (100 if q.select == 1 else round(100 / q.select, 5))
                if option.correct
                else (0 if q.select == 1 else -100)
            )
            parts.append(f'    <answer fraction="{fraction:g}" format="markdown"><text>{escape(option.text)}</text>')
            parts.append(f"      <feedback><text>{escape(option.explanation)}</text></feedback></answer>")
        parts.append(
            f"    <tags><tag><text>{escape(q.topic)}</text></tag><tag><text>{escape(q.domain)}</text></tag></tags>"
        )
        parts.append("  </question>")
    parts.append("</quiz>")
    return "\n".join(parts) + "\n"


def to_csv(questions: Sequence[Question]) -> str:
    """One row per question: id, topic, domain, stem, options A-F, correct letters, explanation."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "id",
            "topic",
            "domain",
            "select",
            "stem",
            "A",
            "B",
            "C",
            "D",
            "E",
            "F",
            "correct",
            "explanation",
            "source",
        ]
    )
    for q in questions:
        texts = [o.text for o in q.options] + [""] * (6 - len(q.options))
        writer.writerow(
            [
                q.id,
                q.topic,
                q.domain,
                q.select,
                q.stem,
                *texts,
                "".join(q.correct_keys),
                q.explanation,
                q.source,
            ]
        )
    return buffer.getvalue()


EXPORTERS: dict[str, Callable[[Sequence[Question]], str]] = {
    "gift": to_gift,
    "moodle-xml": to_moodle_xml,
    "csv": to_csv,
}
