"""Pydantic models of the files authors write: families (static, scenario, computed), facts tables, syllabus."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from quizengine.domains import DOMAINS, Domain

__all__ = ["DOMAINS", "Domain"]  # re-exported: older imports name them here

FAMILY_ID = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"
FACTS_NAME = r"^[a-z][a-z0-9_]*$"
PARAM_NAME = r"^[a-z_][a-z0-9_]*$"


class _Strict(BaseModel):
    """Unknown keys are errors: a misspelt field must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Strict):
    """Where in the seed lecture notes a family's facts come from."""

    lecture: str = Field(
        min_length=1,
        description="Lecture title exactly as in the seed notes, e.g. '124. S3 Lifecycle Rules'.",
    )
    lines: tuple[int, int] | None = Field(
        default=None, description="First and last line of the notes the family rests on."
    )

    @field_validator("lines")
    @classmethod
    def _ordered(cls, value: tuple[int, int] | None) -> tuple[int, int] | None:
        if value is not None and not (1 <= value[0] <= value[1]):
            raise ValueError("lines must be [first, last] with 1 <= first <= last")
        return value


class StaticChoice(_Strict):
    """A fixed option of a static family."""

    text: str = Field(min_length=1, description="Option text (Jinja template; no parameters in a static family).")
    correct: bool = Field(description="Whether this option is a correct answer.")
    explanation: str = Field(min_length=1, description="Why this option is right or wrong.")


class Choice(_Strict):
    """An option of a scenario family; its correctness is computed from the parameters and facts."""

    each: str | None = Field(
        default=None,
        description="Expand this choice once per item: 'NAME in EXPRESSION', e.g. 'cls in facts.s3_classes.classes'.",
        pattern=r"^\s*[A-Za-z_][A-Za-z0-9_]*\s+in\s+\S.*$",
    )
    when: str | None = Field(default=None, description="Expression; the choice is offered only when it is true.")
    text: str = Field(min_length=1, description="Option text (Jinja template).")
    correct: bool | str = Field(description="Expression deciding whether the option is correct for this variant.")
    explanation: str = Field(
        min_length=1, description="Why the option is right or wrong for this variant (Jinja template)."
    )


class Mistake(_Strict):
    """A named, common mistake of a computed family: the wrong value it leads to and why."""

    name: str = Field(min_length=1, description="What the candidate did wrong, e.g. 'forgot to round up per 4 KB'.")
    value: str = Field(min_length=1, description="Expression giving the wrong number this mistake produces.")
    when: str | None = Field(default=None, description="Expression; the mistake is offered only when true.")
    explanation: str = Field(min_length=1, description="Why this number is wrong (Jinja template; `value` is set).")


class _FamilyBase(_Strict):
    id: str = Field(pattern=FAMILY_ID, description="Family id; must equal the file name without .yaml.")
    title: str = Field(min_length=1, description="Short human title for listings.")
    topic: str = Field(min_length=1, description="Topic id from the syllabus (shared seed-map).")
    domain: Domain | None = Field(default=None, description="Exam domain; defaults to the topic's domain.")
    source: SourceRef
    checked: dt.date = Field(description="Date the author last checked the family's facts against AWS documentation.")
    select: int = Field(default=1, ge=1, le=4, description="How many options are correct (2+ = 'Choose TWO').")
    options: int = Field(default=4, ge=2, le=6, description="How many options a learner sees.")
    draw_correct: bool = Field(
        default=False,
        description="The pool holds more correct options than `select` on purpose (several true statements); "
        "each variant draws `select` of them. Without it, a scenario whose rule finds more correct options "
        "than `select` is reported as ambiguous. Static families always draw.",
    )
    facts: list[Annotated[str, Field(pattern=FACTS_NAME)]] = Field(
        default_factory=list,
        description="Facts tables (question_bank/facts/NAME.yaml) visible as facts.NAME.",
    )
    stem: str = Field(min_length=1, description="The question text (Markdown, Jinja template).")
    explanation: str = Field(min_length=1, description="The overall explanation shown after answering (template).")
    tags: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _option_counts(self) -> _FamilyBase:
        if self.select == 1 and self.options != 4:
            raise ValueError("a single-answer family shows exactly 4 options (options: 4)")
        if self.select >= 2 and self.options < 5:
            raise ValueError(f"a 'choose {self.select}' family shows at least 5 options (options >= 5)")
        if self.options <= self.select:
            raise ValueError("options must be more than select")
        return self


class StaticFamily(_FamilyBase):
    """A fixed question; the options may be a larger pool from which each variant draws."""

    kind: Literal["static"]
    choices: list[StaticChoice] = Field(min_length=2)


class ScenarioFamily(_FamilyBase):
    """Parameters x constraints x facts; a rule in each choice decides whether it is correct."""

    kind: Literal["scenario"]
    params: dict[Annotated[str, Field(pattern=PARAM_NAME)], Annotated[list[Any], Field(min_length=1)]] = Field(
        description="Each parameter's enumerated values; a variant takes one value of each."
    )
    constraints: list[str] = Field(
        default_factory=list, description="Expressions that must all be true; other combinations are dropped."
    )
    let: dict[Annotated[str, Field(pattern=PARAM_NAME)], str] = Field(
        default_factory=dict, description="Derived values, evaluated in order as expressions."
    )
    choices: list[Choice] = Field(min_length=1)


class ComputedFamily(_FamilyBase):
    """A numeric answer from a formula; distractors come from named mistakes."""

    kind: Literal["computed"]
    params: dict[Annotated[str, Field(pattern=PARAM_NAME)], Annotated[list[Any], Field(min_length=1)]]
    constraints: list[str] = Field(default_factory=list)
    let: dict[Annotated[str, Field(pattern=PARAM_NAME)], str] = Field(default_factory=dict)
    answer: str = Field(min_length=1, description="Expression giving the correct number.")
    value_text: str = Field(default="{{ value }}", description="Template turning a number (`value`) into option text.")
    answer_explanation: str = Field(min_length=1, description="Why the correct number is right (template).")
    mistakes: list[Mistake] = Field(min_length=3)

    @model_validator(mode="after")
    def _single_answer(self) -> ComputedFamily:
        if self.select != 1:
            raise ValueError("a computed family has exactly one correct number (select: 1)")
        return self


Family = Annotated[StaticFamily | ScenarioFamily | ComputedFamily, Field(discriminator="kind")]
FamilyModel = StaticFamily | ScenarioFamily | ComputedFamily


class FactsTable(_Strict):
    """The single source of truth for a group of AWS facts, with where and when they were checked."""

    name: str = Field(pattern=FACTS_NAME, description="Must equal the file name without .yaml.")
    title: str = Field(min_length=1)
    checked: dt.date = Field(description="Date the facts were last checked against AWS documentation.")
    sources: list[str] = Field(min_length=1, description="Documentation pages the facts were checked against.")
    notes: str | None = Field(default=None, description="Where current AWS behaviour differs from the seed notes.")
    data: dict[str, Any] = Field(description="The facts, visible in templates as facts.NAME.")


class SyllabusDomain(_Strict):
    name: Domain
    title: str
    weight: int = Field(ge=1, le=100)


class SyllabusTopic(_Strict):
    id: str
    title: str
    domain: Domain
    lectures: list[str] = Field(default_factory=list)


class Syllabus(_Strict):
    """Domains with their exam weights and the topic ids every question must cite."""

    exam: str
    domains: list[SyllabusDomain]
    topics: list[SyllabusTopic]


def family_json_schema() -> dict[str, Any]:
    """JSON Schema of a family file, for editors (yaml-language-server) and external validation."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Family).json_schema()
    schema["title"] = "quizengine question family"
    return schema


def facts_json_schema() -> dict[str, Any]:
    """JSON Schema of a facts table."""
    schema = FactsTable.model_json_schema()
    schema["title"] = "quizengine facts table"
    return schema
