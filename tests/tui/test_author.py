"""Author preview: families by domain and topic, a rendered variant with answers, check problems, reload."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Tree

from quizengine.tui.screens.author import AuthorScreen
from quizengine.tui.screens.home import HomeScreen

from .conftest import FIXTURE_BANK, SIZE, eventually, screen_text, wait_for


async def open_author(pilot) -> AuthorScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, HomeScreen)
    await pilot.press("v")
    screen = await wait_for(pilot, AuthorScreen)
    assert isinstance(screen, AuthorScreen)
    await eventually(pilot, lambda: "check: ✓" in screen_text(pilot.app) or "check: ✗" in screen_text(pilot.app))
    return screen


async def test_browse_render_reseed_and_check(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_author(pilot)
        text = screen_text(app)
        for label in ("Development with AWS Services (2)", "Security (2)", "Deployment (1)", "Troubleshooting"):
            assert label in text
        assert screen.selected is not None and screen.selected.key == "tier-choice"
        assert "Variant tier-choice:0" in text and "seed 0" in text
        assert "templates/tier-choice.yaml" in text
        assert "✓ correct" in text and "Why:" in text
        assert "check: ✓ sound · 12 combinations" in text
        await pilot.press("r")
        await pilot.pause()
        assert "Variant tier-choice:1" in screen_text(app)
        await pilot.press("down", "down")  # past the topic node to its family
        await pilot.pause()
        assert screen.selected.key == "units"
        assert "Variant units:0" in screen_text(app)


async def test_reload_picks_up_a_broken_file_and_shows_its_problems(build_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURE_BANK, bank)
    app = build_app(bank=bank)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_author(pilot)
        assert "Broken files" not in screen_text(app)
        broken = bank / "templates" / "broken-one.yaml"
        broken.write_text("id: broken-one\nkind: static\ntitle: Broken\n", encoding="utf-8")
        await pilot.press("ctrl+r")
        await eventually(pilot, lambda: "Broken files (1)" in screen_text(app))
        assert "Broken files (1)" in screen_text(app)
        tree = screen.query_one("#families", Tree)
        node = next(n for n in tree._tree_nodes.values() if n.data is not None and n.data.kind == "broken")
        tree.move_cursor(node)
        await eventually(pilot, lambda: "required field" in screen_text(app), attempts=100)
        text = screen_text(app)
        assert "templates/broken-one.yaml failed to load" in text
        assert "broken-one.yaml:1: topic: required field" in text
