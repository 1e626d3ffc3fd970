"""What each CLI command does, on top of the engine; output formats live here, logic in the engine."""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

from quizengine.assembler import assemble_exam
from quizengine.blueprint import preset
from quizengine.checker import MAX_SEEDS, check_bank
from quizengine.cli import EXIT_OK, EXIT_PROBLEMS, emit_json, fresh_seed, unknown
from quizengine.errors import QuizengineError, UnknownNameError
from quizengine.family import CompiledFamily
from quizengine.generator import generate
from quizengine.loader import Bank, load_bank
from quizengine.paths import data_dir
from quizengine.question import Question, parse_question_id
from quizengine.render_text import check_text, question_text
from quizengine.storage import Store


def _bank(args: argparse.Namespace, family_paths: list[Path] | None = None) -> Bank:
    bank = load_bank(args.bank, family_paths)
    if not bank.syllabus.topics:
        problems = "\n".join(str(p) for p in bank.problems[:5])
        raise QuizengineError(f"the question bank under {bank.root} has no usable syllabus\n{problems}")
    return bank


def _store(args: argparse.Namespace) -> Store:

    store = Store.open(data_dir(args.data_dir))
    if store.moved_aside is not None:
        print(
            f"quizengine: the attempts database was corrupt; it was moved to {store.moved_aside} "
            "and a new one was started.",
            file=sys.stderr,
        )
    return store


def cmd_check(args: argparse.Namespace) -> int:
    paths = [p for p in args.paths] or None
    for path in paths or []:
        if not path.exists():
            raise QuizengineError(f"{path}: no such file or folder")
    bank = _bank(args, paths)
    report = check_bank(bank, args.max_seeds or MAX_SEEDS)
    if args.format == "json":
        emit_json(
            {
                "ok": report.ok,
                "problems": [p.to_dict() for p in report.problems],
                "families": [f.to_dict() for f in report.families],
            }
        )
    else:
        print(check_text(report))
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def _family_or_fail(bank: Bank, name: str) -> CompiledFamily:
    if name in bank.families:
        return bank.families[name]
    for path, problems in bank.broken.items():
        if Path(path).stem == name:
            listing = "\n".join(str(p) for p in problems)
            raise QuizengineError(f"family {name} has problems and cannot be rendered:\n{listing}")
    return bank.family(name)


def cmd_preview(args: argparse.Namespace) -> int:
    bank = _bank(args)
    name, id_seed = parse_question_id(args.family)
    family = _family_or_fail(bank, name)
    start = args.seed if args.seed is not None else (id_seed if id_seed is not None else 0)
    questions = [generate(family, start + offset) for offset in range(args.count)]
    if args.format == "json":
        emit_json([q.to_dict() for q in questions])
    else:
        print("\n\n".join(question_text(q) for q in questions))
    return EXIT_OK


def _select_families(bank: Bank, args: argparse.Namespace) -> list[CompiledFamily]:
    topics = set(args.topic)
    for topic in topics:
        if topic not in bank.topics:
            raise unknown("topic", topic, sorted(bank.topics))
    if args.family:
        return [_family_or_fail(bank, args.family)]
    families = [
        f
        for f in sorted(bank.families.values(), key=lambda f: f.id)
        if (not topics or f.topic in topics) and (not args.domain or f.domain == args.domain)
    ]
    if not families:
        raise UnknownNameError("no sound family matches those filters", hint="`quizengine stats` lists what exists.")
    return families


def _questions(bank: Bank, args: argparse.Namespace, seed: int) -> list[Question]:
    """`count` questions, cycling through the matching families; seed i+k for the k-th question."""
    families = _select_families(bank, args)
    rng = random.Random(f"generate:{seed}")
    order = list(families)
    rng.shuffle(order)
    return [generate(order[k % len(order)], seed + k) for k in range(args.count)]


def cmd_generate(args: argparse.Namespace) -> int:
    bank = _bank(args)
    seed = args.seed if args.seed is not None else fresh_seed()
    if args.exam:
        exam = assemble_exam(bank, preset(args.exam), seed)
        for note in exam.notes:
            print(f"quizengine: note: {note}", file=sys.stderr)
        questions = exam.questions
    else:
        questions = _questions(bank, args, seed)
    if args.format == "json":
        emit_json([q.to_dict() for q in questions])
    else:
        print("\n\n".join(question_text(q) for q in questions))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from quizengine.stats import bank_stats

    bank = _bank(args)
    stats = bank_stats(bank)
    if args.format == "json":
        emit_json(stats)
        return EXIT_OK
    print(
        f"{stats['families']} families ({stats['parameterized']} parameterized), {stats['variants']} distinct variants"
    )
    print("\nby domain:")
    for name, row in stats["domains"].items():
        print(f"  {name:16} {row['families']:4} families {row['variants']:7} variants")
    print("\nby topic:")
    for name, row in stats["topics"].items():
        print(f"  {name:36} {row['families']:4} families {row['variants']:7} variants")
    if bank.problems:
        print(f"\n{len(bank.problems)} problem(s) kept some files out; run `quizengine check`.")
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    store = _store(args)
    history = store.history()
    if args.format == "json":
        emit_json(history)
        return EXIT_OK
    attempts = history["attempts"]
    assert isinstance(attempts, list)
    if not attempts:
        print("No attempts yet. Start one with `quizengine exam` or `quizengine drill`.")
    for a in attempts:
        answered = sum(1 for x in a["answers"] if x["selected"])
        score = "" if a["score"] is None else f" score {a['score']} {'PASS' if a['passed'] else 'FAIL'}"
        left = (
            f" {a['remaining_seconds'] // 60} min left"
            if a["status"] == "in_progress" and a["remaining_seconds"]
            else ""
        )
        print(
            f"#{a['id']:<4} {a['started']}  {a['mode']:5} {a['status']:11} {answered}/{a['questions']} answered{score}{left}"
        )
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from quizengine.models import facts_json_schema, family_json_schema

    if args.output is None:
        emit_json(family_json_schema())
        return EXIT_OK
    args.output.mkdir(parents=True, exist_ok=True)
    for name, schema in (("family", family_json_schema()), ("facts", facts_json_schema())):
        target = args.output / f"{name}.schema.json"
        target.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from quizengine.models import FAMILY_ID
    from quizengine.skeleton import skeleton

    bank = _bank(args)
    if not re.match(FAMILY_ID, args.family):
        raise QuizengineError(
            f"{args.family!r} is not a valid family id",
            hint="Use lower-case words joined by '-', e.g. sqs-visibility-timeout.",
        )
    topic = bank.topics.get(args.topic)
    if topic is None:
        raise unknown("topic", args.topic, sorted(bank.topics))
    if args.family in bank.families:
        raise QuizengineError(f"a family named {args.family} already exists at {bank.families[args.family].path}")
    folder = bank.root / ("question_bank/questions" if args.kind == "static" else "templates")
    target = args.output or folder / args.topic.split(".")[0] / f"{args.family}.yaml"
    if target.exists():
        raise QuizengineError(f"{target} already exists; choose another id or --output")
    target.parent.mkdir(parents=True, exist_ok=True)
    lecture = topic.lectures[0] if topic.lectures else topic.title
    schema = os.path.relpath(bank.root / "question_bank/schema/family.schema.json", target.parent)
    target.write_text(skeleton(args.family, args.kind, args.topic, lecture, str(target), schema), encoding="utf-8")
    print(
        f"wrote {target}\nnext: edit the TODOs, then `quizengine check {target}` and `quizengine preview {args.family}`"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from quizengine.export import EXPORTERS

    bank = _bank(args)
    if args.exam:
        questions = assemble_exam(bank, preset(args.exam), args.seed).questions
    else:
        questions = [
            generate(family, args.seed + k) for family in _select_families(bank, args) for k in range(args.count)
        ]
    text = EXPORTERS[args.format](questions)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {len(questions)} questions to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK
