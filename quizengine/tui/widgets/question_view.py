"""The question as the learner answers it: the Markdown stem, 'Choose TWO' and the lettered options A-F."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from quizengine.question import LETTERS, Option, Question
from quizengine.tui.formatting import choose_label, inline_code_spans, unwrap_lines
from quizengine.tui.widgets.hanging_text import HangingText
from quizengine.tui.widgets.markdown_text import MarkdownText


def inline_content(text: str) -> Content:
    """Option or explanation text as typed, with `inline code` shown as code and the author's line breaks
    inside a paragraph unwrapped (the stem is full Markdown; options and explanations are not)."""
    spans = inline_code_spans(unwrap_lines(text))
    return Content.assemble(*[(part, "bold $text-accent") if code else part for part, code in spans])


MAX_OPTIONS = len(LETTERS)


def option_bindings(scope: str) -> list[Binding]:
    """The keys that answer a question, shared by the exam and the drill so both feel the same.

    a-e choose A-E (f is left to flagging), 1-6 choose A-F, arrows move the highlight, space chooses it.
    """
    letters = [*zip("abcde", "ABCDE", strict=True), *zip("123456", "ABCDEF", strict=True)]
    return [
        *[
            Binding(key, f"choose('{letter}')", f"Choose {letter}", show=False, id=f"{scope}.choose-{key}")
            for key, letter in letters
        ],
        Binding("up", "highlight(-1)", "Previous option", show=False, id=f"{scope}.option-up"),
        Binding("down", "highlight(1)", "Next option", show=False, id=f"{scope}.option-down"),
        Binding("space", "choose_highlighted", "Choose highlighted option", show=False, id=f"{scope}.option-choose"),
    ]


class AnswerOption(Static):
    """One lettered option: a mark, the letter and the text with a hanging indent. A click toggles it."""

    def __init__(self, position: int) -> None:
        self.letter = LETTERS[position]
        """The option's letter, A-F."""
        super().__init__(id=f"option-{self.letter.lower()}", classes="answer-option", markup=False)

    def show(self, option: Option, *, multiple: bool, selected: bool, highlighted: bool, reveal: bool) -> None:
        """Draw the option; `reveal` marks right and wrong options (drill feedback, author preview)."""
        marks = ("[ ]", "[x]") if multiple else ("( )", "(•)")
        box = (marks[selected], "bold") if selected else marks[selected]
        mark = Content.assemble(box, " ", (f"{option.key}.", "bold"), " ")
        text = inline_content(option.text)
        if reveal:
            text = text.stylize_before("$text-success" if option.correct else "$text-muted")
            verdict = ("  ✓ correct", "$text-success bold") if option.correct else ("  ✗ wrong", "$text-error")
            text = Content.assemble(text, verdict)
        if highlighted:
            text = text.stylize_before("underline")
        self.update(HangingText.single(mark, text))
        self.set_class(selected, "-selected")
        self.set_class(highlighted, "-highlighted")
        self.set_class(reveal and option.correct, "-correct")
        self.set_class(reveal and not option.correct, "-wrong")
        self.display = True

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(QuestionView.OptionToggled(self.letter))


class QuestionView(Vertical):
    """Stem, response type and options. Posts `OptionToggled`; the screen decides what the choice does.

    Not focusable on purpose: the screen owns the keys (focusing a container restyles its whole subtree,
    which made opening a question measurably slower).
    """

    highlighted: reactive[int | None] = reactive(None, init=False)
    """Position of the option the arrow keys point at (None until an arrow key is pressed)."""

    class OptionToggled(Message):
        """The learner clicked an option or pressed space on the highlighted one."""

        def __init__(self, letter: str) -> None:
            super().__init__()
            self.letter = letter

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question: Question | None = None
        self._selected: list[str] = []
        self._reveal = False

    def compose(self) -> ComposeResult:
        yield MarkdownText(id="stem")
        yield Static(id="choose-hint", markup=False)
        for position in range(MAX_OPTIONS):
            yield AnswerOption(position)

    async def show_question(self, question: Question, selected: list[str], *, reveal: bool = False) -> None:
        """Show a new question (the stem renders as Markdown; markup-like text such as `[b]` stays as typed)."""
        changed = self.question is None or self.question.id != question.id
        self.question = question
        if changed:
            self.highlighted = None
            self.query_one("#stem", MarkdownText).show_markdown(question.stem)
        self.show_selection(selected, reveal=reveal)

    def show_selection(self, selected: list[str], *, reveal: bool | None = None) -> None:
        """Redraw the marks after a choice (or reveal the answer)."""
        question = self.question
        if question is None:
            return
        self._selected = list(selected)
        if reveal is not None:
            self._reveal = reveal
        hint = self.query_one("#choose-hint", Static)
        if question.select > 1:
            hint.update(
                Content.assemble(
                    (choose_label(question.select), "bold"), f"  ·  {len(selected)} of {question.select} selected"
                )
            )
            hint.display = True
        else:
            hint.display = False
        for position, widget in enumerate(self.query(AnswerOption)):
            if position < len(question.options):
                option = question.options[position]
                widget.show(
                    option,
                    multiple=question.select > 1,
                    selected=option.key in self._selected,
                    highlighted=position == self.highlighted,
                    reveal=self._reveal,
                )
            else:
                widget.display = False

    def watch_highlighted(self) -> None:
        self.show_selection(self._selected)
        if self.highlighted is not None:
            option = self.query(AnswerOption)[self.highlighted]
            self.call_after_refresh(option.scroll_visible, animate=False)

    def action_highlight(self, step: int) -> None:
        if self.question is None:
            return
        count = len(self.question.options)
        if self.highlighted is None:
            self.highlighted = 0 if step > 0 else count - 1
        else:
            self.highlighted = (self.highlighted + step) % count

    def action_toggle_highlighted(self) -> None:
        if self.question is not None and self.highlighted is not None:
            self.post_message(self.OptionToggled(self.question.options[self.highlighted].key))
