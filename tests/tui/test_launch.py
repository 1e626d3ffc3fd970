"""The command line's start requests: `quizengine`, `exam` (preset or custom), `drill` and `resume`."""

from __future__ import annotations

from quizengine.blueprint import DVA_C02
from quizengine.cli import build_parser
from quizengine.tui.requests import DrillRequest, ExamRequest, HomeRequest, ResumeRequest, request_from_args


def request(*argv: str):  # type: ignore[no-untyped-def]
    return request_from_args(build_parser().parse_args(list(argv)))


def test_no_command_opens_home() -> None:
    assert request() == HomeRequest()


def test_exam_without_options_is_the_dva_c02_preset_like_generate() -> None:
    """Same blueprint (and so the same assembly seed stream) as `generate --exam dva-c02 --seed 9`."""
    assert request("exam", "--seed", "9") == ExamRequest(DVA_C02, 9)


def test_exam_with_options_is_custom() -> None:
    made = request("exam", "--questions", "10", "--domain", "security", "--topic", "t.sec")
    assert isinstance(made, ExamRequest)
    assert made.blueprint.name == "custom"
    assert (made.blueprint.questions, made.blueprint.minutes) == (10, 20)
    assert made.blueprint.weights == {"security": 26} and made.blueprint.topics == ("t.sec",)
    assert made.seed is None


def test_drill_and_resume() -> None:
    assert request("drill", "--topic", "a.b", "--count", "3", "--seed", "2") == DrillRequest(("a.b",), None, 3, 2)
    assert request("drill", "--domain", "deployment") == DrillRequest((), "deployment", 10, None)
    assert request("resume") == ResumeRequest()


async def test_an_exam_that_cannot_be_assembled_ends_the_cli_run_with_the_reason(build_app) -> None:  # type: ignore[no-untyped-def]
    from quizengine.blueprint import custom_blueprint
    from tests.tui.conftest import eventually

    app = build_app(ExamRequest(custom_blueprint(5, None, None, ["no.such-topic"]), 1))
    message = ""
    async with app.run_test() as pilot:
        if await eventually(pilot, lambda: bool(app._exit)):
            message = " ".join(str(r) for r in app._exit_renderables)
    assert app.return_code == 1
    assert "unknown topic 'no.such-topic'" in message


def test_inline_code_in_options_is_split_and_nothing_else_is_interpreted() -> None:
    from quizengine.tui.formatting import inline_code_spans

    assert inline_code_spans("Allow `priya` iam:PassRole [b]x[/b]") == [
        ("Allow ", False),
        ("priya", True),
        (" iam:PassRole [b]x[/b]", False),
    ]
    assert inline_code_spans("no code ${aws:username}") == [("no code ${aws:username}", False)]
    assert inline_code_spans("a `b` c `d") == [("a ", False), ("b", True), (" c `d", False)]


async def test_an_exam_assembled_before_opens_without_loading_the_bank(build_app) -> None:  # type: ignore[no-untyped-def]
    from quizengine.tui.screens.exam import ExamScreen
    from tests.tui.conftest import SIZE, exam_request, wait_for

    first = build_app(exam_request())
    async with first.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, ExamScreen)
        questions = [q.to_dict() for q in screen.session.questions]  # type: ignore[attr-defined]
    second = build_app(exam_request())
    async with second.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, ExamScreen)
        assert [q.to_dict() for q in screen.session.questions] == questions  # type: ignore[attr-defined]
        assert second.engine.loaded_bank is None  # read from the exam cache, not assembled again


async def test_a_mock_exam_without_a_seed_opens_the_exam_prepared_ahead(build_app) -> None:  # type: ignore[no-untyped-def]
    from quizengine.tui.requests import ExamRequest
    from quizengine.tui.screens.exam import ExamScreen
    from tests.tui.conftest import SEED, SIZE, wait_for

    app = build_app(ExamRequest(DVA_C02, None))
    app.engine.prepare_next_exam(DVA_C02)  # what the app does in the background after an exam starts
    fresh = build_app(ExamRequest(DVA_C02, None))
    async with fresh.run_test(size=SIZE) as pilot:
        screen = await wait_for(pilot, ExamScreen)
        assert screen.session.attempt.seed == SEED  # type: ignore[attr-defined]
        assert fresh.engine.loaded_bank is None  # nothing was assembled at start


async def test_start_up_hook_runs_once_the_first_screen_is_drawn(build_app) -> None:  # type: ignore[no-untyped-def]
    # The CLI pauses garbage collection while starting and resumes it from this hook; it must run, and once.
    from quizengine.tui.screens.home import HomeScreen

    calls: list[bool] = []
    app = build_app(on_started=lambda: calls.append(isinstance(app.screen, HomeScreen)))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
    assert calls == [True]


def test_explanations_wrap_to_the_screen_not_to_the_authors_line_breaks() -> None:
    from quizengine.tui.formatting import unwrap_lines

    typed = "All statements are evaluated\ntogether; order does not matter.\n\nSecond paragraph\nhere.\n"
    assert (
        unwrap_lines(typed) == "All statements are evaluated together; order does not matter.\n\nSecond paragraph here."
    )
    assert unwrap_lines("Steps:\n1. create the role\n2. attach it\n- note") == (
        "Steps:\n1. create the role\n2. attach it\n- note"
    )
