"""Question Markdown: what the exam draws, and that it reads Markdown the way CommonMark (markdown-it) does."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizengine.generator import generate
from quizengine.loader import load_bank
from quizengine.markdown import (
    CODE,
    EM,
    STRONG,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
    parse,
    plain_text,
)
from quizengine.markdown_reference import differences, reference_parse

REPO = Path(__file__).resolve().parent.parent


def test_markup_lookalikes_show_as_typed() -> None:
    (paragraph,) = parse("Allow `${aws:username}/*` for [b]everyone[/b] and <not-a-tag> & co")
    assert isinstance(paragraph, Paragraph)
    assert plain_text(paragraph.runs) == "Allow ${aws:username}/* for [b]everyone[/b] and <not-a-tag> & co"
    assert ("${aws:username}/*", frozenset({CODE})) in paragraph.runs


def test_emphasis_but_not_inside_snake_case_names() -> None:
    (paragraph,) = parse("Set **max_receive_count** to *three*, not _two_; `snake_case` and my_table_name stay")
    assert isinstance(paragraph, Paragraph)
    assert ("max_receive_count", frozenset({STRONG})) in paragraph.runs
    assert ("three", frozenset({EM})) in paragraph.runs and ("two", frozenset({EM})) in paragraph.runs
    assert "my_table_name stay" in plain_text(paragraph.runs)


def test_line_breaks_inside_a_paragraph_are_spaces() -> None:
    (paragraph,) = parse("A team runs\nthree consumers.\n")
    assert paragraph == Paragraph((("A team runs three consumers.", frozenset()),))


def test_the_blocks_question_stems_use() -> None:
    text = (
        "# Setup\n\nTwo requirements:\n\n1. Keep logs\n2. Rotate keys\n   - yearly\n   - on demand\n\n"
        '```json\n{"Effect": "Deny"}\n```\n\n> Note this.\n\n---\n\n| Class | Days |\n|---|---:|\n| IA | 30 |\n'
    )
    blocks = parse(text)
    assert [type(b) for b in blocks] == [Heading, Paragraph, ListBlock, CodeBlock, Quote, Rule, Table]
    numbered = blocks[2]
    assert isinstance(numbered, ListBlock) and numbered.ordered and numbered.tight and len(numbered.items) == 2
    nested = numbered.items[1][1]
    assert isinstance(nested, ListBlock) and not nested.ordered and len(nested.items) == 2
    assert blocks[3] == CodeBlock("json", '{"Effect": "Deny"}')
    table = blocks[6]
    assert isinstance(table, Table) and plain_text(table.rows[0][1]) == "30"
    assert reference_parse(text) == blocks


def test_every_stem_in_the_bundled_bank_reads_as_commonmark() -> None:
    # `check` compares every distinct stem; here a few variants of each family, so a regression shows in tests.
    bank = load_bank(REPO)
    disagreements = []
    for family in bank.families.values():
        for seed in range(3):
            stem = generate(family, seed).stem
            if (difference := differences(stem)) is not None:
                disagreements.append((family.id, seed, difference))
    assert disagreements == []


# -- against the reference, on generated documents ---------------------------------------------------------

words = st.sampled_from(
    ["alpha", "beta", "42", "GET", "s3:GetObject", "snake_case_name", "x*y", "a_b", "(note)", "[b]", "${aws:id}"]
)
inline_pieces = st.one_of(
    words,
    words.map(lambda w: f"`{w}`"),
    words.map(lambda w: f"**{w}**"),
    words.map(lambda w: f"*{w}*"),
    words.map(lambda w: f"_{w}_"),
    words.map(lambda w: f"~~{w}~~"),
    words.map(lambda w: f"[{w}](https://example.com/{len(w)})"),
    st.sampled_from(["*", "_", "**", "`", "\\*", "&amp;", "<https://aws.amazon.com>", "!", "#"]),
)
inline_text = st.lists(inline_pieces, min_size=1, max_size=8).map(" ".join)
paragraph = st.lists(inline_text, min_size=1, max_size=3).map("\n".join)
heading = st.tuples(st.integers(1, 3), inline_text).map(lambda h: "#" * h[0] + " " + h[1])
code_line = st.sampled_from(['{"Effect": "Allow",', "  - name: *x*", "# not a heading", "", "`tick`", "| a |"])
fence = st.tuples(st.sampled_from(["", "json", "yaml", "python"]), st.lists(code_line, max_size=4)).map(
    lambda f: "\n".join([f"```{f[0]}", *f[1], "```"])
)


def _list(marker: str, items: list[str], nested: list[str] | None) -> str:
    lines = [f"{marker} {item}" if "." not in marker else f"{n + 1}. {item}" for n, item in enumerate(items)]
    if nested:
        indent = " " * (len(lines[-1]) - len(items[-1]))
        lines.extend(f"{indent}- {item}" for item in nested)
    return "\n".join(lines)


list_block = st.builds(
    _list,
    st.sampled_from(["-", "*", "+", "1."]),
    st.lists(inline_text, min_size=1, max_size=3),
    st.one_of(st.none(), st.lists(inline_text, min_size=1, max_size=2)),
)
quote = inline_text.map(lambda t: f"> {t}")
table = st.lists(st.tuples(words, words), min_size=1, max_size=3).map(
    lambda rows: "\n".join(["| Name | Value |", "|---|---|", *(f"| {a} | {b} |" for a, b in rows)])
)
document = st.lists(st.one_of(paragraph, heading, fence, list_block, quote, table), min_size=1, max_size=5).map(
    "\n\n".join
)


@settings(max_examples=400, deadline=None)
@given(document)
def test_generated_documents_read_as_commonmark(text: str) -> None:
    assert differences(text) is None, text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab *_`~\\[]()!<>&;:#\n", max_size=24))
def test_inline_punctuation_soup_reads_as_commonmark(text: str) -> None:
    # No blank lines or line-start markers: this exercises emphasis, code spans, escapes and links. Link
    # reference definitions ("[x]: ...") are the one CommonMark construct left out (see question_bank/README.md).
    text = " ".join(line.strip(" #>") for line in text.splitlines())
    assume("]:" not in text)
    assert differences(text) is None, text
