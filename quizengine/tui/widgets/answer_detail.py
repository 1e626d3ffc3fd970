"""A question with its answer revealed: the learner's answer, the correct one and why each option is right or wrong."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from quizengine.question import Question
from quizengine.tui.formatting import choose_label
from quizengine.tui.widgets.hanging_text import HangingText
from quizengine.tui.widgets.markdown_text import MarkdownText
from quizengine.tui.widgets.question_view import inline_content


def verdict_content(question: Question, selected: list[str] | None) -> Content:
    """'✓ Correct', '✗ Incorrect' or 'Not answered', with both answers; just the key when nobody answered."""
    correct = ", ".join(question.correct_keys) or "—"
    if selected is None:
        return Content.assemble(("Answer: ", "bold"), correct)
    yours = ", ".join(sorted(selected)) or "none"
    if not selected:
        verdict = ("○ Not answered", "$text-warning bold")
    elif question.is_correct(selected):
        verdict = ("✓ Correct", "$text-success bold")
    else:
        verdict = ("✗ Incorrect", "$text-error bold")
    return Content.assemble(verdict, f"   your answer: {yours}   correct answer: {correct}")


def options_content(question: Question, selected: list[str] | None) -> HangingText:
    """Every option with its text, whether it is right, whether the learner picked it, and why (indented)."""
    rows: list[tuple[Content, Content]] = []
    for option in question.options:
        mark = ("✓ correct", "$text-success bold") if option.correct else ("✗ wrong", "$text-error")
        picked = " · your choice" if selected is not None and option.key in selected else ""
        rows.append(
            (
                Content.styled(f"{option.key}. ", "bold"),
                Content.assemble(inline_content(option.text), "  ", mark, (picked, "italic")),
            )
        )
        explanation = inline_content(option.explanation)
        rows.append((Content("   "), explanation.stylize("dim") if not option.correct else explanation))
    return HangingText(rows)


def source_content(question: Question) -> Content:
    """'Source: 2. Sec Lecture, lines 1-2 · facts checked 2026-11-01'."""
    lines = f", lines {question.source_lines[0]}–{question.source_lines[1]}" if question.source_lines else ""
    checked = f" · facts checked {question.checked}" if question.checked else ""
    return Content.assemble(("Source: ", "bold"), f"{question.source}{lines}{checked}")


class AnswerDetail(Vertical):
    """Review, drill feedback and the author preview all explain a question this way."""

    def __init__(self, *, show_stem: bool = True, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.show_stem = show_stem
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="detail-heading", markup=False)
        if self.show_stem:
            yield MarkdownText(classes="detail-stem")
        yield Static(classes="detail-verdict", markup=False)
        yield Static(classes="detail-options", markup=False)
        yield Static(classes="detail-explanation", markup=False)
        yield Static(classes="detail-source", markup=False)

    async def show(self, question: Question, selected: list[str] | None, *, heading: str | Content = "") -> None:
        """Explain `question`; `selected` None means nobody answered it (the author preview)."""
        self.question = question
        title = Content(heading) if isinstance(heading, str) else heading
        if question.select > 1:
            title = Content.assemble(title, "  ·  " if title else "", (choose_label(question.select), "bold"))
        heading_widget = self.query_one(".detail-heading", Static)
        heading_widget.update(title)
        heading_widget.display = bool(title)
        if self.show_stem:
            self.query_one(".detail-stem", MarkdownText).show_markdown(question.stem)
        self.query_one(".detail-verdict", Static).update(verdict_content(question, selected))
        self.query_one(".detail-options", Static).update(options_content(question, selected))
        self.query_one(".detail-explanation", Static).update(
            Content.assemble(("Why: ", "bold"), inline_content(question.explanation))
        )
        self.query_one(".detail-source", Static).update(source_content(question))
