"""What the learner asked to start: an exam, a drill, a resume or the home screen (from the CLI or a menu)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from quizengine.blueprint import DVA_C02, Blueprint, custom_blueprint


@dataclass(frozen=True)
class HomeRequest:
    """Open the home screen."""


@dataclass(frozen=True)
class ExamRequest:
    """Assemble and start a timed exam; `seed` None draws a fresh one."""

    blueprint: Blueprint = DVA_C02
    seed: int | None = None


@dataclass(frozen=True)
class DrillRequest:
    """Start a topic drill (topics and/or domain; empty means every family) or a weak-spot drill."""

    topics: tuple[str, ...] = ()
    domain: str | None = None
    count: int = 10
    seed: int | None = None
    weak_spots: bool = False


@dataclass(frozen=True)
class ResumeRequest:
    """Reopen an unfinished exam: the newest one, or `attempt_id`."""

    attempt_id: int | None = None


StartRequest = HomeRequest | ExamRequest | DrillRequest | ResumeRequest


def request_from_args(args: argparse.Namespace) -> StartRequest:
    """The start request for `quizengine [exam|drill|resume]` as cli.py parsed it."""
    command = getattr(args, "command", None)
    if command == "exam":
        custom = args.questions is not None or args.minutes is not None or args.domain or args.topic
        blueprint = (
            custom_blueprint(args.questions, args.minutes, list(args.domain), list(args.topic)) if custom else DVA_C02
        )
        return ExamRequest(blueprint, args.seed)
    if command == "drill":
        return DrillRequest(tuple(args.topic), args.domain, args.count, args.seed)
    if command == "resume":
        return ResumeRequest()
    return HomeRequest()
