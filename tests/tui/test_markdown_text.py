"""How question Markdown and answer options are laid out: wrapping, hanging indents, code, tables, colours later."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from quizengine.tui.widgets.hanging_text import HangingText
from quizengine.tui.widgets.markdown_text import MarkdownText, MarkdownVisual


def lines(text: str, width: int) -> list[str]:
    return MarkdownVisual.from_markdown(text, highlight_code=False).content(width).plain.split("\n")


def test_list_items_wrap_under_their_text_not_under_the_bullet() -> None:
    text = "Pick one:\n\n- a long option that needs more than one line here\n- short"
    assert lines(text, 24) == [
        "Pick one:",
        "",
        "• a long option that",
        "  needs more than one",
        "  line here",
        "• short",
    ]


def test_numbered_lists_keep_their_numbers_aligned_and_nested_lists_indent() -> None:
    text = "\n".join(f"{n}. step {n}" for n in range(8, 11)) + "\n    - detail"
    assert lines(text, 40) == [" 8. step 8", " 9. step 9", "10. step 10", "    ◦ detail"]


def test_code_blocks_keep_their_lines_and_indentation() -> None:
    text = 'Policy:\n\n```json\n{\n  "Effect": "Deny"\n}\n```'
    assert lines(text, 40) == ["Policy:", "", "│ {", '│   "Effect": "Deny"', "│ }"]


def test_tables_are_a_grid_when_they_fit_and_name_value_lines_when_not() -> None:
    text = "| Class | Min days |\n|---|---|\n| Standard-IA | 30 |"
    assert lines(text, 40) == ["Class       │ Min days", "────────────┼─────────", "Standard-IA │ 30"]
    assert lines(text, 16) == ["Class:", "Standard-IA", "Min days: 30"]


def test_hanging_text_wraps_after_its_prefix() -> None:
    visual = HangingText.single(Content("( ) A. "), Content("Use an S3 Gateway endpoint for private access"))
    assert visual.content(24).plain.split("\n") == [
        "( ) A. Use an S3 Gateway",
        "       endpoint for",
        "       private access",
    ]


class _Stem(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkdownText(id="stem")


async def test_code_is_shown_at_once_and_coloured_right_after() -> None:
    app = _Stem()
    async with app.run_test(size=(60, 12)) as pilot:
        stem = app.query_one(MarkdownText)
        stem.show_markdown("Template:\n\n```yaml\nResources:\n  Bucket: {Type: AWS::S3::Bucket}\n```")
        shown = stem._markdown_visual
        assert not shown.highlight_code and shown.needs_highlighting
        await pilot.pause()
        assert stem._markdown_visual.highlight_code
        assert stem._markdown_visual.content(50).plain == shown.content(50).plain  # same text, now coloured


def test_option_explanations_keep_their_indent_when_they_wrap() -> None:
    from quizengine.question import Option, Question
    from quizengine.tui.widgets.answer_detail import options_content

    why = "Wrong: the request uses HTTPS, so the condition\nof RequireTLS does not match this request."
    question = Question(
        id="demo:1",
        family="demo",
        seed=1,
        title="demo",
        topic="iam.policies",
        domain="security",
        select=1,
        stem="Which statement decides?",
        options=(Option("A", "RequireTLS", False, why), Option("B", "WriteUploads", True, "Correct: it does.")),
        explanation="Why.",
        source="lecture",
        source_lines=None,
        checked="",
    )
    assert options_content(question, ["A"]).content(40).plain.split("\n") == [
        "A. RequireTLS  ✗ wrong · your choice",
        "   Wrong: the request uses HTTPS, so the",
        "   condition of RequireTLS does not",
        "   match this request.",
        "B. WriteUploads  ✓ correct",
        "   Correct: it does.",
    ]
