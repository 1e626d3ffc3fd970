"""Pilot tests of drills: immediate feedback with every explanation, Choose-TWO limits, the summary, weak spots."""

from __future__ import annotations

from quizengine.storage import Store
from quizengine.tui.requests import DrillRequest
from quizengine.tui.screens.drill import DrillScreen
from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.screens.home import HomeScreen
from quizengine.tui.screens.review import ReviewScreen
from quizengine.tui.widgets.answer_detail import AnswerDetail

from .conftest import SIZE, exam_request, screen_text, wait_for


async def open_drill(pilot) -> DrillScreen:  # type: ignore[no-untyped-def]
    screen = await wait_for(pilot, DrillScreen)
    assert isinstance(screen, DrillScreen)
    return screen


async def test_wrong_answer_shows_the_correct_option_every_explanation_and_the_lecture(build_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build_app(DrillRequest(topics=("t.ops",), count=2, seed=3))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(pilot)
        question = screen.question
        assert question is not None and question.family == "ops-static"
        wrong = next(o.key for o in question.options if not o.correct)
        right = question.correct_keys[0]
        await pilot.press(wrong.lower())
        assert not screen.query_one(AnswerDetail).display  # nothing revealed before checking
        await pilot.press("enter")
        await pilot.pause()
        assert screen.feedback is not None and not screen.feedback.correct
        text = screen_text(app)
        assert f"✗ Incorrect   your answer: {wrong}   correct answer: {right}" in text
        assert "✗ Incorrect" in text and f"correct answer: {right}" in text
        for option in question.options:
            assert option.explanation in text  # why every option is right or wrong
        assert "Source: 4. Ops Lecture, lines 7–8" in text
        assert "· your choice" in text
        attempt = Store.open(data_dir).attempts()[0]
        assert attempt.mode == "drill" and attempt.answers[question.id].selected == [wrong]


async def test_right_answer_then_next_then_summary(build_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build_app(DrillRequest(topics=("t.ops", "t.dep"), count=2, seed=3))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(pilot)
        for number in (1, 2):
            question = screen.question
            assert question is not None
            assert f"Question {number} of 2" in screen_text(app)
            await pilot.press(question.correct_keys[0].lower(), "enter")
            await pilot.pause()
            assert "✓ Correct" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
        assert screen.done
        assert "2 of 2 correct (100 %)" in screen_text(app)
        await pilot.press("r")
        review = await wait_for(pilot, ReviewScreen)
        assert isinstance(review, ReviewScreen) and len(review.items) == 2
    attempt = Store.open(data_dir).attempts()[0]
    assert attempt.status == "submitted" and attempt.result == {"correct": 2, "total": 2}


async def test_drill_enforces_choose_two_and_needs_a_full_answer(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(DrillRequest(topics=("t.sec",), count=4, seed=1))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(pilot)
        while screen.question is not None and screen.question.select != 2:
            await pilot.press(screen.question.correct_keys[0].lower(), "enter", "enter")
            await pilot.pause()
        assert screen.question is not None
        assert "Choose TWO" in screen_text(app)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert screen.feedback is None  # one of two is not an answer yet
        assert any("choose two" in n.message.lower() for n in app._notifications)
        await pilot.press("b", "c")
        assert screen.selected == ["A", "B"]  # the third is refused
        await pilot.press("enter")
        await pilot.pause()
        assert screen.feedback is not None


async def test_escape_ends_the_drill_with_a_summary_and_stores_it(build_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build_app(DrillRequest(topics=("t.ops", "t.dep"), count=5, seed=2))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(pilot)
        assert screen.question is not None
        await pilot.press(screen.question.correct_keys[0].lower(), "enter", "escape")
        await pilot.pause()
        assert screen.done and "1 of 1 correct" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, HomeScreen)
    assert Store.open(data_dir).attempts()[0].status == "submitted"


async def test_weak_spot_drill_asks_the_families_missed_in_an_exam(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        exam = await wait_for(pilot, ExamScreen)
        assert isinstance(exam, ExamScreen)
        session = exam.session
        missed_family = None
        for question in session.questions:  # answer everything right except every `units` question
            letter = question.correct_keys[0]
            if question.family == "units":
                letter = next(o.key for o in question.options if not o.correct)
                missed_family = question.family
            if question.select == 2:
                for key in question.correct_keys:
                    session.choose(key)
            else:
                session.choose(letter)
            if session.index + 1 < session.total:
                session.next()
        session.submit()
    assert missed_family == "units"
    app = build_app(DrillRequest(weak_spots=True, count=3, seed=4))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drill(pilot)
        assert screen.drill_title == "Weak-spot drill"
        assert screen.question is not None and screen.question.family == "units"


async def test_weak_spot_drill_without_misses_explains_why(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, HomeScreen)
        await pilot.press("w")
        await wait_for(pilot, HomeScreen)
        await pilot.pause(0.1)
        assert any("no missed questions yet" in n.message for n in app._notifications)
