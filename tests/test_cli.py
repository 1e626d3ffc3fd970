"""The CLI contract scripts rely on: JSON shapes, exit codes and located error messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizengine.cli import main
from tests.conftest import FIXTURE_BANK, edit

BANK = ["--bank", str(FIXTURE_BANK)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_generate_json_contract(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *BANK, "generate", "--seed", "5", "--count", "4", "--format", "json")
    assert code == 0
    questions = json.loads(out)
    assert len(questions) == 4
    for q in questions:
        assert {
            "id",
            "family",
            "topic",
            "domain",
            "kind",
            "select",
            "stem",
            "options",
            "explanation",
            "source",
        } <= set(q)
        assert q["kind"] in ("single", "multiple")
        assert sum(o["correct"] for o in q["options"]) == q["select"]
        assert all(set(o) == {"key", "text", "correct", "explanation"} for o in q["options"])
    code, again, _ = run(capsys, *BANK, "generate", "--seed", "5", "--count", "4", "--format", "json")
    assert again == out


def test_generate_filters(capsys) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, *BANK, "generate", "--seed", "1", "--count", "3", "--topic", "t.sec")
    assert {q["topic"] for q in json.loads(out)} == {"t.sec"}
    _, out, _ = run(capsys, *BANK, "generate", "--seed", "1", "--count", "2", "--domain", "deployment")
    assert {q["domain"] for q in json.loads(out)} == {"deployment"}
    _, out, _ = run(capsys, *BANK, "generate", "--seed", "1", "--family", "units", "--count", "2")
    assert {q["family"] for q in json.loads(out)} == {"units"}


def test_generate_exam_matches_assembly(capsys) -> None:  # type: ignore[no-untyped-def]
    from quizengine.assembler import assemble_exam
    from quizengine.blueprint import DVA_C02
    from quizengine.loader import load_bank

    code, out, err = run(capsys, *BANK, "generate", "--exam", "dva-c02", "--seed", "9")
    assert code == 0
    ids = [q["id"] for q in json.loads(out)]
    assert len(ids) == 65
    assert ids == [q.id for q in assemble_exam(load_bank(FIXTURE_BANK), DVA_C02, 9).questions]
    assert "note:" in err  # the small bank forces repeats, and says so


def test_unknown_names_get_a_hint(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, *BANK, "generate", "--topic", "t.nope")
    assert code == 1 and "unknown topic 't.nope'" in err and "Known:" in err
    code, _, err = run(capsys, *BANK, "preview", "tier-choise")
    assert code == 1 and "no sound family named 'tier-choise'" in err


def test_wrong_flag_exits_2_with_advice(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as info:
        main(["generate", "--count", "zero"])
    assert info.value.code == 2
    assert "expected a whole number" in capsys.readouterr().err


def test_preview_text_and_seed_from_id(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *BANK, "preview", "tier-choice:5")
    assert code == 0 and "[tier-choice:5]" in out and "Answer:" in out and "Source: 1. Dev Lecture" in out
    _, js, _ = run(capsys, *BANK, "preview", "tier-choice", "--seed", "5", "--count", "2", "--format", "json")
    assert [q["id"] for q in json.loads(js)] == ["tier-choice:5", "tier-choice:6"]


def test_check_clean_and_broken(capsys, bank_copy: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *BANK, "check")
    assert code == 0 and "6 of 6 families sound" in out
    path = bank_copy / "templates/tier-choice.yaml"
    edit(path, "{{ team }} can wait", "{{ teem }} can wait")
    (bank_copy / "templates/bad.yaml").write_text("id: bad\nkind: quiz\n")
    code, out, _ = run(capsys, "--bank", str(bank_copy), "check")
    assert code == 1
    assert "tier-choice.yaml:" in out and ": stem: undefined: 'teem' is undefined (seed 0)" in out
    assert "bad.yaml:2: kind: kind must be one of" in out
    code, out, _ = run(capsys, "--bank", str(bank_copy), "check", "--format", "json")
    report = json.loads(out)
    assert report["ok"] is False and any(p["seed"] == 0 for p in report["problems"])


def test_check_given_paths_only(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *BANK, "check", str(FIXTURE_BANK / "templates/units.yaml"))
    assert code == 0 and "1 of 1 families sound" in out


def test_stats_json_contract(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *BANK, "stats", "--format", "json")
    stats = json.loads(out)
    assert code == 0
    assert stats["families"] == 6 and stats["parameterized"] == 2
    assert stats["topics"]["t.dev"] == {"families": 1, "variants": 12}
    assert stats["domains"]["security"]["families"] == 2
    assert stats["variants"] == sum(t["variants"] for t in stats["topics"].values())


def test_history_json_contract(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "history", "--format", "json")
    assert code == 0 and json.loads(out) == {"attempts": []}


def test_new_skeletons_pass_check(capsys, bank_copy: Path) -> None:  # type: ignore[no-untyped-def]
    for kind in ("static", "scenario", "computed"):
        code, _, err = run(capsys, "--bank", str(bank_copy), "new", f"fresh-{kind}", "--kind", kind, "--topic", "t.ops")
        assert code == 0, err
    code, out, _ = run(capsys, "--bank", str(bank_copy), "check")
    assert code == 0, out
    assert "9 of 9 families sound" in out
    code, _, err = run(capsys, "--bank", str(bank_copy), "new", "fresh-static", "--kind", "static", "--topic", "t.ops")
    assert code == 1 and "already exists" in err


def test_schema_written(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, _ = run(capsys, "schema", "--output", str(tmp_path))
    schema = json.loads((tmp_path / "family.schema.json").read_text())
    assert code == 0 and "oneOf" in json.dumps(schema) and "stem" in json.dumps(schema)
    assert (tmp_path / "facts.schema.json").exists()


def test_committed_schema_is_current() -> None:
    from quizengine.models import facts_json_schema, family_json_schema
    from tests.conftest import REPO_ROOT

    folder = REPO_ROOT / "question_bank/schema"
    assert json.loads((folder / "family.schema.json").read_text()) == family_json_schema(), (
        "run `quizengine schema --output question_bank/schema`"
    )
    assert json.loads((folder / "facts.schema.json").read_text()) == facts_json_schema()


@pytest.mark.parametrize(
    "fmt,marker", [("gift", r"::units\:0::"), ("moodle-xml", "<quiz>"), ("csv", "id,topic,domain")]
)
def test_export_formats(capsys, fmt: str, marker: str) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, *BANK, "export", "--format", fmt, "--family", "units", "--count", "2")
    assert code == 0 and marker in out


def test_gift_escapes_special_characters() -> None:
    from quizengine.export import to_gift
    from quizengine.generator import generate
    from quizengine.loader import load_bank

    q = generate(load_bank(FIXTURE_BANK).families["sec-static"], 0)
    text = to_gift([q])
    assert "$\\{aws\\:username\\}" in text  # braces and colons escaped
