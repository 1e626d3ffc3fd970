"""Property tests: no YAML document, however odd, crashes the loader; it yields a family or located problems."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizengine.loader import load_facts, load_family
from tests.conftest import FIXTURE_BANK

_SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=12), st.integers()), children, max_size=6),
    ),
    max_leaves=30,
)

FIELDS = [
    "id",
    "kind",
    "title",
    "topic",
    "source",
    "checked",
    "select",
    "options",
    "facts",
    "params",
    "constraints",
    "let",
    "stem",
    "choices",
    "explanation",
    "answer",
    "mistakes",
    "value_text",
]


def _valid_family() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((FIXTURE_BANK / "templates/tier-choice.yaml").read_text())


def _bank_context():  # type: ignore[no-untyped-def]
    from quizengine.loader import load_bank

    bank = load_bank(FIXTURE_BANK)
    return bank.topics, bank.facts


TOPICS, FACTS = _bank_context()


def _assert_reported(result, problems, path: Path) -> None:  # type: ignore[no-untyped-def]
    if result is None:
        assert problems, "a file that did not load must say why"
    for problem in problems:
        assert problem.path.endswith(path.name)
        assert problem.line >= 0
        assert problem.message


@_SETTINGS
@given(document=documents)
def test_arbitrary_documents_never_crash_the_family_loader(tmp_path: Path, document: object) -> None:
    path = tmp_path / "tier-choice.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    family, problems = load_family(path, TOPICS, FACTS)
    _assert_reported(family, problems, path)


@_SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_crashes_the_loaders(tmp_path: Path, text: str) -> None:
    path = tmp_path / "waits.yaml"
    path.write_text(text, encoding="utf-8")
    family, problems = load_family(path, TOPICS, FACTS)
    _assert_reported(family, problems, path)
    facts, problems = load_facts(path)
    _assert_reported(facts, problems, path)


@_SETTINGS
@given(field=st.sampled_from(FIELDS), value=documents, drop=st.booleans())
def test_mutated_valid_family_loads_or_reports(tmp_path: Path, field: str, value: object, drop: bool) -> None:
    """One field replaced by anything (or removed) from a valid family: a family or located problems."""
    data = _valid_family()
    if drop:
        data.pop(field, None)
    else:
        data[field] = value
    path = tmp_path / "tier-choice.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    family, problems = load_family(path, TOPICS, FACTS)
    _assert_reported(family, problems, path)


@_SETTINGS
@given(template=st.text(alphabet=st.sampled_from(list("{}%#-+ abc()[]|.'\"_0123456789")), max_size=40))
def test_arbitrary_template_text_never_crashes_generation(tmp_path: Path, template: str) -> None:
    """Template text that compiles may still fail per variant; it must fail as a GenerationError."""
    from quizengine.errors import GenerationError
    from quizengine.generator import generate

    data = _valid_family()
    data["stem"] = template or "x"
    path = tmp_path / "tier-choice.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    family, problems = load_family(path, TOPICS, FACTS)
    _assert_reported(family, problems, path)
    if family is not None:
        try:
            generate(family, 0)
        except GenerationError as exc:
            assert exc.problem.field and exc.problem.seed == 0
