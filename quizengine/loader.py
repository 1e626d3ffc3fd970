"""Load and validate the bank: syllabus, facts tables and families, collecting every problem instead of stopping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quizengine.errors import Problem, UnknownNameError, display_path
from quizengine.family import CompiledFamily, field_name
from quizengine.filecache import FileCache, digest
from quizengine.models import FactsTable, Family, FamilyModel, Syllabus, SyllabusTopic
from quizengine.paths import bundled_bank_root
from quizengine.yamlsource import Path_, YamlDocument, YamlSyntaxError, parse_yaml

_FAMILY_ADAPTER: TypeAdapter[FamilyModel] = TypeAdapter(Family)
_KINDS = ("static", "scenario", "computed")


@dataclass
class LoadedFacts:
    table: FactsTable
    path: Path
    digest: str = ""  # of the file's text: combinations computed against these facts are cached under it


@dataclass
class Bank:
    """Everything loaded from disk; `families` holds only the sound ones, `problems` everything else."""

    root: Path
    syllabus: Syllabus
    facts: dict[str, LoadedFacts] = field(default_factory=dict)
    families: dict[str, CompiledFamily] = field(default_factory=dict)
    broken: dict[str, list[Problem]] = field(default_factory=dict)  # path -> problems of files that failed
    problems: list[Problem] = field(default_factory=list)

    @property
    def topics(self) -> dict[str, SyllabusTopic]:
        return {topic.id: topic for topic in self.syllabus.topics}

    def family(self, family_id: str) -> CompiledFamily:
        try:
            return self.families[family_id]
        except KeyError:
            close = [f for f in self.families if family_id in f or f in family_id][:5]
            hint = f"Did you mean: {', '.join(close)}?" if close else "Run `quizengine stats` to list families."
            raise UnknownNameError(f"no sound family named {family_id!r}", hint=hint) from None


def read_document(path: Path, cache: bool = True) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse one file; a missing file, bad encoding or YAML syntax becomes a located problem.

    The parse is cached by the file's content (see filecache); `doc.cache` carries that cache on, so
    compiled templates and combinations derived from the file land in the same entry.
    """
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(where, 1, "", "file is not UTF-8 text; save it as UTF-8")]
    except OSError as exc:
        return None, [Problem(where, 0, "", f"cannot read file: {exc.strerror or exc}")]
    file_cache = FileCache(text) if cache else None
    try:
        doc = parse_yaml(text, file_cache)
    except YamlSyntaxError as exc:
        return None, [Problem(where, exc.line, "", f"YAML syntax: {exc.message}")]
    doc.cache = file_cache
    if file_cache is not None:
        file_cache.save()
    if not isinstance(doc.data, dict):
        kind = "empty" if doc.data is None else type(doc.data).__name__
        return None, [Problem(where, 1, "", f"expected a mapping of fields at the top level, found {kind}")]
    return doc, []


def validation_problems(path: Path, doc: YamlDocument, error: ValidationError, strip_tag: bool) -> list[Problem]:
    """Pydantic's errors as problems naming the field and its line."""
    problems = []
    for item in error.errors():
        loc: Path_ = tuple(item["loc"])
        if strip_tag and loc and loc[0] in _KINDS:
            loc = loc[1:]
        message = item["msg"]
        if item["type"] == "missing":
            message = "required field is missing"
        elif item["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against the schema: `quizengine schema`)"
        elif item["type"] == "union_tag_invalid" or item["type"] == "union_tag_not_found":
            message = "kind must be one of: static, scenario, computed"
            loc = ("kind",)
        problems.append(Problem(display_path(path), doc.line_of(loc), field_name(loc), message))
    return problems


def load_syllabus(path: Path) -> tuple[Syllabus | None, list[Problem]]:
    doc, problems = read_document(path)
    if doc is None:
        return None, problems
    try:
        return Syllabus.model_validate(doc.data), []
    except ValidationError as exc:
        return None, validation_problems(path, doc, exc, strip_tag=False)


def load_facts(path: Path) -> tuple[LoadedFacts | None, list[Problem]]:
    doc, problems = read_document(path)
    if doc is None:
        return None, problems
    try:
        table = FactsTable.model_validate(doc.data)
    except ValidationError as exc:
        return None, validation_problems(path, doc, exc, strip_tag=False)
    if table.name != path.stem:
        return None, [
            Problem(display_path(path), doc.line_of(("name",)), "name", f"must equal the file name {path.stem!r}")
        ]
    return LoadedFacts(table, path, digest(doc.text)), []


def load_family(
    path: Path, topics: dict[str, SyllabusTopic], facts: dict[str, LoadedFacts]
) -> tuple[CompiledFamily | None, list[Problem]]:
    """Validate one family file and compile it; never raises for anything the file contains."""
    doc, problems = read_document(path)
    if doc is None:
        return None, problems
    where = display_path(path)
    try:
        model = _FAMILY_ADAPTER.validate_python(doc.data)
    except ValidationError as exc:
        return None, validation_problems(path, doc, exc, strip_tag=True)

    if model.id != path.stem:
        problems.append(Problem(where, doc.line_of(("id",)), "id", f"must equal the file name {path.stem!r}"))
    topic = topics.get(model.topic)
    if topic is None:
        problems.append(
            Problem(
                where,
                doc.line_of(("topic",)),
                "topic",
                f"unknown topic id {model.topic!r} (see question_bank/syllabus.yaml)",
            )
        )
    elif topic.lectures and model.source.lecture not in topic.lectures:
        problems.append(
            Problem(
                where,
                doc.line_of(("source", "lecture")),
                "source.lecture",
                f"{model.source.lecture!r} is not a lecture of topic {topic.id}; use one of: {'; '.join(topic.lectures)}",
            )
        )
    family_facts: dict[str, Any] = {}
    facts_digests: list[str] = []
    checked: dt.date = model.checked
    for index, name in enumerate(model.facts):
        loaded = facts.get(name)
        if loaded is None:
            problems.append(
                Problem(where, doc.line_of(("facts", index)), f"facts[{index}]", f"no facts table named {name!r}")
            )
            continue
        family_facts[name] = loaded.table.data
        facts_digests.append(loaded.digest)
        checked = min(checked, loaded.table.checked)
    if problems:
        return None, problems
    assert topic is not None
    family = CompiledFamily(
        model,
        path,
        doc,
        model.domain or topic.domain,
        family_facts,
        checked,
        cache=doc.cache,
        facts_digest=digest("|".join(facts_digests)),
    )
    if not family.sound:
        return None, family.problems
    return family, []


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Every .yaml/.yml file under the given files and folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            found.append(path)
    return found


def load_bank(root: Path | None = None, family_paths: list[Path] | None = None) -> Bank:
    """Load the bank under `root` (default: the bundled one); `family_paths` narrows which families load."""
    root = root or bundled_bank_root()
    bank_dir = root / "question_bank"
    problems: list[Problem] = []
    syllabus, syllabus_problems = load_syllabus(bank_dir / "syllabus.yaml")
    problems.extend(syllabus_problems)
    if syllabus is None:
        syllabus = Syllabus(exam="unknown", domains=[], topics=[])
    bank = Bank(root=root, syllabus=syllabus)

    for path in yaml_files([bank_dir / "facts"]) if (bank_dir / "facts").is_dir() else []:
        loaded, file_problems = load_facts(path)
        problems.extend(file_problems)
        if loaded is not None:
            bank.facts[loaded.table.name] = loaded

    if family_paths is None:
        family_paths = [p for p in (bank_dir / "questions", root / "templates") if p.is_dir()]
    topics = bank.topics
    for path in yaml_files(family_paths):
        if path.parent.name == "facts" or path.name == "syllabus.yaml":
            continue
        family, file_problems = load_family(path, topics, bank.facts)
        problems.extend(file_problems)
        if family is None:
            bank.broken[display_path(path)] = file_problems
        elif family.id in bank.families:
            first = display_path(bank.families[family.id].path)
            problem = Problem(
                display_path(path),
                family.doc.line_of(("id",)),
                "id",
                f"duplicate family id (also in {first})",
            )
            problems.append(problem)
            bank.broken[display_path(path)] = [problem]
        else:
            bank.families[family.id] = family
    bank.problems = problems
    return bank
