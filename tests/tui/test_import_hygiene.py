"""Nothing outside quizengine/tui/ imports Textual: each engine module is imported alone in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import quizengine

REPO = Path(__file__).resolve().parents[2]
ENGINE_MODULES = sorted(
    f"quizengine.{m.name}" for m in pkgutil.iter_modules(quizengine.__path__) if m.name not in ("tui", "__main__")
)


def test_the_engine_module_list_is_complete() -> None:
    """Guards the parametrisation below: a new engine module is picked up, and the core ones are there."""
    for name in ("loader", "assembler", "delivery", "drill", "scoring", "storage", "analysis", "cli", "commands"):
        assert f"quizengine.{name}" in ENGINE_MODULES
    assert not any(m.startswith("quizengine.tui") for m in ENGINE_MODULES)


@pytest.mark.parametrize("module", ENGINE_MODULES)
def test_engine_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}\nprint(','.join(m for m in ('textual', 'rich') if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    leaked = [m for m in proc.stdout.strip().split(",") if m]
    assert not leaked, f"importing {module} loaded {leaked}"


def test_the_check_is_able_to_fail() -> None:
    """The same probe on the TUI reports Textual, so an empty answer above means something."""
    code = "import sys, quizengine.tui.app\nprint('textual' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.stdout.strip() == "True", proc.stderr


def test_opening_an_exam_needs_no_template_engine_or_schema_library() -> None:
    """A cached exam opens fast because the exam path imports neither Jinja, pydantic nor PyYAML, nor a
    Markdown parser or highlighter (the stem is drawn by quizengine.markdown; code is coloured after)."""
    import subprocess
    import sys

    from tests.conftest import FIXTURE_BANK

    code = (
        "import sys, pathlib\n"
        "import quizengine.cli, quizengine.tui.launch, quizengine.tui.app, quizengine.tui.screens.exam\n"
        "from quizengine.examcache import cached_exam\n"
        "from quizengine.blueprint import DVA_C02\n"
        f"cached_exam(pathlib.Path({str(FIXTURE_BANK)!r}), DVA_C02, 1)\n"
        "print(sorted(m for m in ('jinja2', 'pydantic', 'yaml', 'markdown_it', 'pygments') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
