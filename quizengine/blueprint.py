"""Exam blueprints: question count, time, domain weights and topic filters; the DVA-C02 preset."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from quizengine.domains import DOMAINS
from quizengine.errors import BlueprintError

DVA_C02_WEIGHTS: dict[str, int] = {"development": 32, "security": 26, "deployment": 24, "troubleshooting": 18}


@dataclass(frozen=True)
class Blueprint:
    """What an exam must look like; `topics` empty means every topic of the weighted domains."""

    name: str
    questions: int
    minutes: int
    weights: dict[str, int]
    topics: tuple[str, ...] = ()
    # Share of multiple-response questions; the real exam has roughly one in six.
    multiple_share: tuple[float, float] = (0.15, 0.20)
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 1 <= self.questions <= 500:
            raise BlueprintError(f"an exam needs 1 to 500 questions, not {self.questions}")
        if not 1 <= self.minutes <= 600:
            raise BlueprintError(f"an exam lasts 1 to 600 minutes, not {self.minutes}")
        unknown = [d for d in self.weights if d not in DOMAINS]
        if unknown:
            raise BlueprintError(f"unknown domain {unknown[0]!r}", hint=f"Domains: {', '.join(DOMAINS)}")
        if not any(w > 0 for w in self.weights.values()):
            raise BlueprintError("at least one domain needs a positive weight")

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "questions": self.questions,
            "minutes": self.minutes,
            "weights": dict(self.weights),
            "topics": list(self.topics),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Blueprint:
        return cls(
            name=str(data["name"]),
            questions=int(data["questions"]),  # type: ignore[call-overload]
            minutes=int(data["minutes"]),  # type: ignore[call-overload]
            weights={str(k): int(v) for k, v in dict(data["weights"]).items()},  # type: ignore[call-overload]
            topics=tuple(str(t) for t in data.get("topics", []) or []),  # type: ignore[attr-defined]
        )

    @property
    def multiple_target(self) -> int:
        """How many multiple-response questions to aim for: about 17 %, kept inside the share range."""
        low = math.ceil(self.questions * self.multiple_share[0])
        high = math.floor(self.questions * self.multiple_share[1])
        target = round(self.questions * 0.17)
        return max(low, min(high, target)) if low <= high else target


DVA_C02 = Blueprint("dva-c02", questions=65, minutes=130, weights=dict(DVA_C02_WEIGHTS))
PRESETS: dict[str, Blueprint] = {"dva-c02": DVA_C02}


def preset(name: str) -> Blueprint:
    try:
        return PRESETS[name]
    except KeyError:
        raise BlueprintError(f"unknown exam preset {name!r}", hint=f"Presets: {', '.join(PRESETS)}") from None


def custom_blueprint(
    questions: int | None = None,
    minutes: int | None = None,
    domains: list[str] | None = None,
    topics: list[str] | None = None,
) -> Blueprint:
    """DVA-C02 with overrides; minutes default to two per question, as in the real exam."""
    weights = dict(DVA_C02_WEIGHTS)
    if domains:
        weights = {d: DVA_C02_WEIGHTS.get(d, 0) for d in domains}
        for d in domains:
            if d not in DOMAINS:
                raise BlueprintError(f"unknown domain {d!r}", hint=f"Domains: {', '.join(DOMAINS)}")
    count = questions if questions is not None else DVA_C02.questions
    return Blueprint(
        name="custom",
        questions=count,
        minutes=minutes if minutes is not None else 2 * count,
        weights=weights,
        topics=tuple(topics or ()),
    )


def largest_remainder(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Split `total` by weight: floors first, then the largest remainders get the leftovers (65 -> 21/17/15/12)."""
    positive = {k: w for k, w in weights.items() if w > 0}
    weight_sum = sum(positive.values())
    if total <= 0 or weight_sum <= 0:
        return dict.fromkeys(positive, 0)
    exact = {k: total * w / weight_sum for k, w in positive.items()}
    shares = {k: math.floor(v) for k, v in exact.items()}
    leftover = total - sum(shares.values())
    order = sorted(positive, key=lambda k: (-(exact[k] - shares[k]), -positive[k], k))
    for key in order[:leftover]:
        shares[key] += 1
    return shares
