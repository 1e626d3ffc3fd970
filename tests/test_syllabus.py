"""The bundled syllabus follows the shared seed map (when ../shared is present, as in CI)."""

from __future__ import annotations

import pytest
import yaml

from quizengine.loader import load_syllabus
from tests.conftest import REPO_ROOT, SHARED

SEED_MAP = SHARED / "seed-map.yaml"


def test_syllabus_loads_with_dva_c02_weights() -> None:
    syllabus, problems = load_syllabus(REPO_ROOT / "question_bank/syllabus.yaml")
    assert problems == [] and syllabus is not None
    assert {d.name: d.weight for d in syllabus.domains} == {
        "development": 32,
        "security": 26,
        "deployment": 24,
        "troubleshooting": 18,
    }
    assert len(syllabus.topics) == 179


@pytest.mark.skipif(not SEED_MAP.exists(), reason="shared/seed-map.yaml is not beside the repo")
def test_syllabus_matches_seed_map() -> None:
    syllabus, _ = load_syllabus(REPO_ROOT / "question_bank/syllabus.yaml")
    assert syllabus is not None
    seed = {t["id"]: t for t in yaml.safe_load(SEED_MAP.read_text())}
    ours = {t.id: t for t in syllabus.topics}
    assert set(ours) == set(seed)
    for topic_id, topic in ours.items():
        assert topic.domain == seed[topic_id]["domain"], topic_id
        assert topic.lectures == (seed[topic_id].get("lectures") or []), topic_id
