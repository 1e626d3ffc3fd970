"""The `quizengine` command line: TUI entry points, authoring commands and scriptable JSON output."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quizengine import __version__
from quizengine.domains import DOMAINS
from quizengine.errors import QuizengineError, UnknownNameError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that says what to do next when a flag is wrong."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\nRun `{self.prog} --help` for the options.\n")


def _whole_number(minimum: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum`, with a message that says what was wrong."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{what} is {minimum} or more, got {value}")
        return value

    return parse


_positive = _whole_number(1, "a count")
_seed = _whole_number(0, "a seed")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="quizengine", description="DVA-C02 mock exams, drills and question authoring.")
    parser.add_argument("--version", action="version", version=f"quizengine {__version__}")
    parser.add_argument("--bank", type=Path, help="folder holding question_bank/ and templates/ (default: bundled)")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="folder for the attempts database (default: $QUIZENGINE_HOME or the platform data folder)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("check", help="load and render every family; report problems as path:line: field: message")
    p.add_argument("paths", nargs="*", type=Path, help="family files or folders (default: the whole bank)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--max-seeds", type=_positive, default=None, help="cap on seeds per family (default 5000)")

    p = sub.add_parser("preview", help="render variants of a family with answers and explanations")
    p.add_argument("family", help="family id, or a question id FAMILY:SEED")
    p.add_argument("--seed", type=_seed, default=None)
    p.add_argument("--count", type=_positive, default=1)
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("new", help="write a commented family skeleton that passes check")
    p.add_argument("family", help="new family id (lower-case words joined by '-')")
    p.add_argument("--kind", choices=["static", "scenario", "computed"], required=True)
    p.add_argument("--topic", required=True, help="topic id from question_bank/syllabus.yaml")
    p.add_argument(
        "--output",
        type=Path,
        default=None,
        help="file to write (default: templates/ or question_bank/questions/)",
    )

    p = sub.add_parser("generate", help="generate questions (or a whole exam) as JSON or text")
    p.add_argument("--seed", type=_seed, default=None)
    p.add_argument("--count", type=_positive, default=1)
    p.add_argument("--topic", action="append", default=[], help="topic id (repeatable)")
    p.add_argument("--domain", choices=DOMAINS)
    p.add_argument("--family")
    p.add_argument("--exam", help="assemble a whole exam from this preset (dva-c02)")
    p.add_argument("--format", choices=["json", "text"], default="json")

    p = sub.add_parser("stats", help="families and distinct variants per topic and domain")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("history", help="past and unfinished attempts, newest first")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("schema", help="write the JSON Schemas of family and facts files")
    p.add_argument("--output", type=Path, default=None, help="folder to write into (default: print the family schema)")

    p = sub.add_parser("export", help="export generated questions for an LMS")
    p.add_argument("--format", choices=["gift", "moodle-xml", "csv"], default="gift")
    p.add_argument("--seed", type=_seed, default=0)
    p.add_argument("--count", type=_positive, default=1, help="variants per family")
    p.add_argument("--topic", action="append", default=[])
    p.add_argument("--domain", choices=DOMAINS)
    p.add_argument("--family")
    p.add_argument("--exam", help="export an assembled exam of this preset instead")
    p.add_argument("--output", type=Path, default=None, help="file to write (default: standard output)")

    p = sub.add_parser("exam", help="start a timed mock exam in the terminal UI")
    p.add_argument("--seed", type=_seed, default=None)
    p.add_argument("--questions", type=_positive, default=None)
    p.add_argument("--minutes", type=_positive, default=None)
    p.add_argument("--domain", action="append", default=[], choices=DOMAINS)
    p.add_argument("--topic", action="append", default=[])

    p = sub.add_parser("drill", help="practise topics with instant feedback in the terminal UI")
    p.add_argument("--topic", action="append", default=[])
    p.add_argument("--domain", choices=DOMAINS)
    p.add_argument("--count", type=_positive, default=10)
    p.add_argument("--seed", type=_seed, default=None)

    sub.add_parser("resume", help="reopen the unfinished exam where it stopped")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except QuizengineError as exc:
        print(f"quizengine: {exc.title}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # `quizengine generate | head`
        return EXIT_OK


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    command = args.command
    if command is None or command in ("exam", "drill", "resume"):
        # Straight to the UI: the authoring commands' imports (schemas, templates) would only slow the start.
        from quizengine.tui.launch import launch

        return launch(args)
    from quizengine import commands

    handler = getattr(commands, f"cmd_{command}")
    return int(handler(args))


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def fresh_seed() -> int:
    return random.SystemRandom().randrange(2**31)


def unknown(kind: str, name: str, known: list[str]) -> UnknownNameError:
    return UnknownNameError(f"unknown {kind} {name!r}", hint=f"Known: {', '.join(known[:30])}")


if __name__ == "__main__":
    sys.exit(main())
