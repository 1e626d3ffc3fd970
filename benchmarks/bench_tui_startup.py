"""Start-up of a mock exam versus a bare Textual app, measured in the same run; prints figures, asserts nothing.

Goal (issue 3): the first question of a mock exam is on screen within 1.5x the start time of a bare Textual
app (one Static) on the same machine.

Main figure, in a real terminal: each run starts a new process on a pseudo-terminal (100x32, xterm-256color)
and the clock stops when the terminal receives the first frame that shows the text: "hello world" for the
bare app, "Question 1 of" for `quizengine exam` (the console script's own code path, interpreter start and
imports included). That is what a person waits for after pressing Enter. Runs alternate between the two apps
so that both see the same machine. quizengine's modules are byte-compiled first, as `pip install` leaves
them (with PYTHONDONTWRITEBYTECODE set, Python would otherwise compile them from source on every start).

Four ways a mock exam starts are measured:
  b) `quizengine exam --seed N` for an exam assembled before (read from the exam cache);
  c) `quizengine exam` with the next exam prepared ahead (every exam after the first prepares the next);
  d) right after an author edited a template: the exam is assembled again from the (warm) file caches;
  a) the very first start: empty caches, so the bank is parsed, compiled and assembled (seconds).

Also printed: the same moment measured in-process and headless (`App.run_test`, imports already warm), which
isolates the app's own work from module loading.

Run: python benchmarks/bench_tui_startup.py [--bank DIR] [--runs N] [--seed N]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import quizengine
from quizengine.blueprint import DVA_C02

REPO = Path(__file__).resolve().parent.parent
COLUMNS, ROWS = 100, 32

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello world")

Bare().run()
"""
# What the `quizengine` console script runs.
QUIZENGINE = "import sys; from quizengine.cli import main; sys.exit(main())"


def seconds_until_shown(argv: list[str], text: str, env: dict[str, str] | None = None, timeout: float = 60) -> float:
    """Wall time from spawning `argv` on a new pseudo-terminal until `text` is written to it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
    environment.pop("NO_COLOR", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=environment, cwd=REPO, start_new_session=True
    )
    os.close(slave)
    received = b""
    wanted = text.encode()
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            received += chunk
            if wanted in received:
                return time.perf_counter() - start
        raise RuntimeError(f"{text!r} never appeared; the terminal showed: {received[-1500:]!r}")
    finally:
        _quit(process, master)


def _quit(process: subprocess.Popen[bytes], master: int) -> None:
    """Leave as a learner does (ctrl+q, so the database is closed properly), or kill after a few seconds."""
    try:
        os.write(master, b"\x11")
        deadline = time.perf_counter() + 5
        while process.poll() is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                os.read(master, 65536)  # keep the terminal drained so the app can finish writing
    except OSError:
        pass
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def bare_app() -> float:
    return seconds_until_shown([sys.executable, "-c", BARE_APP], "hello world")


def quizengine_exam(bank: Path, data: Path, *options: str, env: dict[str, str] | None = None) -> float:
    argv = [sys.executable, "-c", QUIZENGINE, "--bank", str(bank), "--data-dir", str(data), "exam", *options]
    return seconds_until_shown(argv, "Question 1 of", env)


def prepare_next(bank: Path, data: Path) -> None:
    """What the app does a few seconds into every exam: assemble the learner's next one in the background."""
    from quizengine.storage import Store
    from quizengine.tui.engine import Engine

    store = Store.open(data)
    try:
        Engine(store, bank_root=bank).prepare_next_exam(DVA_C02)
    finally:
        store.close()


async def bare_in_process() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello", id="hello")

    start = time.perf_counter()
    app = Bare()
    async with app.run_test(size=(COLUMNS, ROWS)):
        while not app.query("#hello"):
            await asyncio.sleep(0.001)
        return time.perf_counter() - start


async def exam_in_process(bank: Path, seed: int) -> float:
    from quizengine.tui.app import make_app
    from quizengine.tui.requests import ExamRequest
    from quizengine.tui.screens.exam import ExamScreen
    from quizengine.tui.widgets.question_view import QuestionView

    with tempfile.TemporaryDirectory() as data:
        start = time.perf_counter()
        app = make_app(bank=bank, data_dir=data, start=ExamRequest(DVA_C02, seed))
        async with app.run_test(size=(COLUMNS, ROWS)):
            while True:
                screen = app.screen
                if isinstance(screen, ExamScreen) and screen.query_one(QuestionView).question is not None:
                    return time.perf_counter() - start
                await asyncio.sleep(0.001)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def report(label: str, bare: list[float], exam: list[float]) -> None:
    b, e = statistics.median(bare), statistics.median(exam)
    print(f"  {label}")
    print(f"    bare Textual app, 'hello world' shown   median {ms(b)}   min {ms(min(bare))}")
    print(f"    quizengine exam, first question shown   median {ms(e)}   min {ms(min(exam))}")
    print(f"    ratio of medians {e / b:5.2f} x   (goal: 1.50 x or less)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bank", type=Path, default=REPO, help="bank folder (default: the bundled bank)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    bank = args.bank
    compileall.compile_dir(Path(quizengine.__file__).parent, quiet=1)

    print(f"quizengine start-up, {args.runs} runs each, terminal {COLUMNS}x{ROWS}, Python {sys.version.split()[0]}")
    print(f"bank {bank}")

    print("\nIn a real terminal (new process per run):")
    # One learner's data folder for all runs, as on a learner's machine (its database already exists).
    data = Path(tempfile.mkdtemp())
    quizengine_exam(bank, data, "--seed", str(args.seed))  # assembled once, as any earlier run did
    bare_runs: list[float] = []
    cached_runs: list[float] = []
    prepared_runs: list[float] = []
    for _ in range(args.runs):
        bare_runs.append(bare_app())
        cached_runs.append(quizengine_exam(bank, data, "--seed", str(args.seed)))
        prepare_next(bank, data)
        time.sleep(0.3)  # in real use the next exam was prepared minutes before
        prepared_runs.append(quizengine_exam(bank, data))
    report(f"b) `quizengine exam --seed {args.seed}`, assembled before", bare_runs, cached_runs)
    report("c) `quizengine exam`, the next exam prepared ahead", bare_runs, prepared_runs)
    edited_runs = []
    with tempfile.TemporaryDirectory() as copy:
        edited_bank = Path(copy) / "bank"
        shutil.copytree(bank / "question_bank", edited_bank / "question_bank")
        shutil.copytree(bank / "templates", edited_bank / "templates")
        quizengine_exam(edited_bank, data, "--seed", str(args.seed))  # every file compiled and cached once
        edited_file = sorted((edited_bank / "templates").rglob("*.yaml"))[0]
        for run in range(args.runs):
            with edited_file.open("a", encoding="utf-8") as handle:
                # New content every time (the exam cache is keyed by content, so "# edit 1" from an earlier
                # benchmark run would find that run's exam): the bank changed and the exam is assembled again.
                handle.write(f"# edit {run} at {time.time_ns()}\n")
            edited_runs.append(quizengine_exam(edited_bank, data, "--seed", str(args.seed)))
    report("d) right after an author edited one template (file caches warm)", bare_runs, edited_runs)
    first_runs = [
        quizengine_exam(bank, Path(tempfile.mkdtemp()), "--seed", str(args.seed), env={"QUIZENGINE_CACHE": cache})
        for cache in (tempfile.mkdtemp() for _ in range(3))
    ]
    report("a) the very first start, empty caches (3 runs)", bare_runs, first_runs)

    print("\nIn-process, headless, imports warm (the app's own work: store, exam, screen):")
    asyncio.run(bare_in_process())
    asyncio.run(exam_in_process(bank, args.seed))
    bare_warm = [asyncio.run(bare_in_process()) for _ in range(args.runs)]
    exam_warm = [asyncio.run(exam_in_process(bank, args.seed)) for _ in range(args.runs)]
    print(
        f"    bare app mounted {ms(statistics.median(bare_warm))};  first question mounted {ms(statistics.median(exam_warm))}"
    )


if __name__ == "__main__":
    main()
