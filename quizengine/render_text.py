"""Plain-text rendering of questions and check reports for the terminal (the CLI's text format)."""

from __future__ import annotations

import textwrap

from quizengine.checker import CheckReport
from quizengine.question import Question


def question_text(question: Question, *, answers: bool = True, width: int = 100) -> str:
    """A question as a learner would read it, optionally followed by the key and every explanation."""
    out = [f"[{question.id}] {question.title}  ({question.domain} / {question.topic})"]
    out.append(textwrap.fill(question.stem, width) if "\n" not in question.stem else question.stem)
    if question.select > 1:
        out.append(f"(Choose {question.select})")
    for option in question.options:
        mark = ("*" if option.correct else " ") if answers else " "
        out.append(f" {mark} {option.key}. {option.text}")
    if answers:
        out.append(f"Answer: {', '.join(question.correct_keys)}")
        for option in question.options:
            verdict = "correct" if option.correct else "wrong"
            out.append(
                textwrap.fill(f"{option.key} ({verdict}): {option.explanation}", width, subsequent_indent="    ")
            )
        out.append(textwrap.fill(f"Explanation: {question.explanation}", width, subsequent_indent="    "))
        lines = f", lines {question.source_lines[0]}-{question.source_lines[1]}" if question.source_lines else ""
        out.append(f"Source: {question.source}{lines}; facts checked {question.checked}")
    return "\n".join(out)


def check_text(report: CheckReport) -> str:
    """Every problem on its own line, then a per-family summary table and a verdict."""
    out = [str(p) for p in sorted(report.problems, key=lambda p: (p.path, p.line))]
    if out:
        out.append("")
    out.append(f"{'family':40} {'kind':9} {'combos':>7} {'variants':>8} {'stems':>6}  correct letters")
    for fam in sorted(report.families, key=lambda f: f.family):
        letters = " ".join(f"{k}:{v}" for k, v in fam.letter_counts.items())
        status = "" if fam.ok else "  FAILED"
        out.append(
            f"{fam.family:40} {fam.kind:9} {fam.combinations:>7} {fam.variants:>8} {fam.distinct_stems:>6}  {letters}{status}"
        )
    errors = sum(1 for p in report.problems if p.severity == "error")
    warnings = len(report.problems) - errors
    sound = sum(1 for f in report.families if f.ok)
    out.append("")
    out.append(
        f"{sound} of {len(report.families)} families sound; {errors} error(s), {warnings} warning(s)"
        + ("" if report.ok else ": fix the errors above (each line names file:line: field)")
    )
    return "\n".join(out)
