"""Start-up of a mock exam versus a bare Textual app, measured in the same run; prints figures, asserts nothing.

Goal (issue 3): the first question of a mock exam is on screen within 1.5x the start time of a bare Textual
app (one Static) on the same machine. Two measurements:

* in-process, headless (`App.run_test`, 100x32): from creating the app (for quizengine: `make_app`, which
  opens the store) until the bare app's Static is mounted / the exam's first question is mounted. Imports are
  already done, so this isolates the app's own work: loading the bank, assembling 65 questions, storing the
  attempt and drawing the screen.
* cold process: a new Python process per run, from spawn until the child reports the same moment (headless,
  exits right after). This is what a person waits for after typing `quizengine exam`, imports included.

Run: python benchmarks/bench_tui_startup.py [--bank DIR] [--runs N] [--seed N]
(default: the fixture bank and the bundled bank, 7 runs each).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quizengine.blueprint import DVA_C02

REPO = Path(__file__).resolve().parent.parent
FIXTURE_BANK = REPO / "tests" / "fixtures" / "bank"
SIZE = (100, 32)

BARE_CHILD = """
import asyncio, sys, time
start = time.perf_counter()
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello", id="hello")

async def pilot(p):
    while not p.app.query("#hello"):
        await asyncio.sleep(0.001)
    print(f"ready {time.perf_counter() - start:.6f}", flush=True)
    p.app.exit()

Bare().run(headless=True, size=(100, 32), auto_pilot=pilot)
"""

QUIZ_CHILD = """
import asyncio, sys, tempfile, time
start = time.perf_counter()
from quizengine.cli import build_parser  # the console script's own path
from quizengine.tui.app import make_app
from quizengine.tui.requests import request_from_args
from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.widgets.question_view import QuestionView

seed = [] if sys.argv[2] == "next" else ["--seed", sys.argv[2]]
args = build_parser().parse_args(["--bank", sys.argv[1], "--data-dir", sys.argv[3], "exam", *seed])
app = make_app(bank=args.bank, data_dir=args.data_dir, start=request_from_args(args))

async def pilot(p):
    while not (isinstance(p.app.screen, ExamScreen) and p.app.screen.query(QuestionView)
               and p.app.screen.query_one(QuestionView).question is not None):
        await asyncio.sleep(0.001)
    print(f"ready {time.perf_counter() - start:.6f}", flush=True)
    p.app.exit()

app.run(headless=True, size=(100, 32), auto_pilot=pilot)
"""


async def bare_in_process() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello", id="hello")

    start = time.perf_counter()
    app = Bare()
    async with app.run_test(size=SIZE):
        while not app.query("#hello"):
            await asyncio.sleep(0.001)
        return time.perf_counter() - start


async def exam_in_process(bank: Path, seed: int) -> float:
    from quizengine.blueprint import DVA_C02
    from quizengine.tui.app import make_app
    from quizengine.tui.requests import ExamRequest
    from quizengine.tui.screens.exam import ExamScreen
    from quizengine.tui.widgets.question_view import QuestionView

    with tempfile.TemporaryDirectory() as data:
        start = time.perf_counter()
        app = make_app(bank=bank, data_dir=data, start=ExamRequest(DVA_C02, seed))
        async with app.run_test(size=SIZE):
            while True:
                screen = app.screen
                mounted = isinstance(screen, ExamScreen) and bool(screen.query(QuestionView))
                if mounted and screen.query_one(QuestionView).question is not None:
                    return time.perf_counter() - start
                await asyncio.sleep(0.001)


def child_seconds(code: str, *argv: str, env: dict[str, str] | None = None) -> float:
    """Wall time from spawning a Python process until it prints 'ready'."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
            proc.wait(timeout=60)
            return elapsed
    raise RuntimeError(f"child never became ready: {proc.stderr.read() if proc.stderr else ''}")


def engine_breakdown(bank: Path, seed: int) -> dict[str, float]:
    """Where the exam's extra time goes: loading the bank and assembling 65 questions, done in a worker."""
    from quizengine.assembler import assemble_exam
    from quizengine.blueprint import DVA_C02
    from quizengine.loader import load_bank

    start = time.perf_counter()
    loaded = load_bank(bank)
    loaded_at = time.perf_counter()
    exam = assemble_exam(loaded, DVA_C02, seed)
    done = time.perf_counter()
    return {
        "families": float(len(loaded.families)),
        "questions": float(len(exam.questions)),
        "load_bank": loaded_at - start,
        "assemble": done - loaded_at,
    }


def prepare_next(bank: Path, data: Path) -> None:
    """What the app does a few seconds into every exam: assemble the learner's next one in the background."""
    from quizengine.storage import Store
    from quizengine.tui.engine import Engine

    store = Store.open(data)
    try:
        Engine(store, bank_root=bank).prepare_next_exam(DVA_C02)
    finally:
        store.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def report(label: str, bare: list[float], exam: list[float]) -> None:
    b, e = statistics.median(bare), statistics.median(exam)
    print(f"  {label}")
    print(f"    bare Textual app (one Static)   median {ms(b)}   min {ms(min(bare))}")
    print(f"    quizengine exam, first question median {ms(e)}   min {ms(min(exam))}")
    print(f"    ratio (median)                  {e / b:8.2f} x   (goal: 1.50 x or less)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bank", type=Path, action="append", help="bank folder (repeatable)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    banks = args.bank or [FIXTURE_BANK, REPO]

    # Warm the imports once so the in-process figures compare app work, not module loading.
    asyncio.run(bare_in_process())
    asyncio.run(exam_in_process(banks[0], args.seed))

    print(
        f"quizengine TUI start-up, {args.runs} runs each, terminal {SIZE[0]}x{SIZE[1]}, Python {sys.version.split()[0]}"
    )
    for bank in banks:
        breakdown = engine_breakdown(bank, args.seed)
        print(
            f"\nbank {bank}: {breakdown['families']:.0f} families; engine alone: load_bank {ms(breakdown['load_bank'])},"
            f" assemble_exam {ms(breakdown['assemble'])} ({breakdown['questions']:.0f} questions)"
        )
        bare_runs = [asyncio.run(bare_in_process()) for _ in range(args.runs)]
        exam_runs = [asyncio.run(exam_in_process(bank, args.seed)) for _ in range(args.runs)]
        report("in-process, headless (imports warm)", bare_runs, exam_runs)
        bare_cold = [child_seconds(BARE_CHILD) for _ in range(args.runs)]
        print("  cold process (interpreter start and imports included), three ways a learner starts an exam:")
        first_ever = [
            child_seconds(
                QUIZ_CHILD, str(bank), str(args.seed), tempfile.mkdtemp(), env={"QUIZENGINE_CACHE": tempfile.mkdtemp()}
            )
            for _ in range(args.runs)
        ]
        report(
            "  a) the very first start: empty caches, the bank is parsed, compiled and assembled", bare_cold, first_ever
        )
        child_seconds(
            QUIZ_CHILD, str(bank), str(args.seed), tempfile.mkdtemp()
        )  # assemble once, as any earlier run did
        again = [child_seconds(QUIZ_CHILD, str(bank), str(args.seed), tempfile.mkdtemp()) for _ in range(args.runs)]
        report(f"  b) `quizengine exam --seed {args.seed}` assembled before (cached exam)", bare_cold, again)
        prepared = []
        for _ in range(args.runs):
            data = tempfile.mkdtemp()
            prepare_next(bank, Path(data))
            prepared.append(child_seconds(QUIZ_CHILD, str(bank), "next", data))
        report(
            "  c) `quizengine exam` with the next exam prepared ahead (every exam after the first)", bare_cold, prepared
        )


if __name__ == "__main__":
    main()
