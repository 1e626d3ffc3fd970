"""Results and review: score, PASS/FAIL, domain bars, and the review filters with explanations."""

from __future__ import annotations

import re

from textual.widgets import OptionList

from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.screens.history import HistoryScreen
from quizengine.tui.screens.home import HomeScreen
from quizengine.tui.screens.results import ResultsScreen
from quizengine.tui.screens.review import ReviewScreen
from quizengine.tui.widgets.domain_bars import DomainBars

from .conftest import SIZE, eventually, exam_request, screen_text, wait_for


async def finish_exam(pilot, *, right: int, flag: tuple[int, ...] = (), wrong: int = 0) -> ResultsScreen:  # type: ignore[no-untyped-def]
    """Answer the first `right` questions correctly and the next `wrong` wrongly, flag some, submit."""
    exam = await wait_for(pilot, ExamScreen)
    assert isinstance(exam, ExamScreen)
    session = exam.session
    for position, question in enumerate(session.questions[: right + wrong]):
        session.go_to(position)
        keys = list(question.correct_keys)
        if position >= right:
            keys = [o.key for o in question.options if not o.correct][: question.select]
        for key in keys:
            session.choose(key)
    for position in flag:
        session.go_to(position)
        session.toggle_flag()
    await pilot.press("ctrl+s", "y")
    results = await wait_for(pilot, ResultsScreen)
    assert isinstance(results, ResultsScreen)
    return results


async def test_results_show_scaled_score_pass_raw_time_domains_and_weakest(build_app, manual_clock) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        exam = await wait_for(pilot, ExamScreen)
        manual_clock.advance(45 * 60)
        assert isinstance(exam, ExamScreen)
        results = await finish_exam(pilot, right=60)
        text = screen_text(app)
        assert results.result.correct == 60 and results.result.passed
        assert re.search(rf"PASS\s+{results.result.scaled}\b", text)
        assert f"Scaled score {results.result.scaled} of 1000 (pass mark 720)" in text
        assert "Raw score 60 of 65 correct (92.3 %), 60 answered" in text
        assert "Time used 45 min of 2 h 10 min" in text
        bars = results.query_one(DomainBars)
        assert {label for label, _ in bars.rows} == {
            "Development with AWS Services",
            "Security",
            "Deployment",
            "Troubleshooting and Optimization",
        }
        assert "█" in text and "Weakest topics" in text


async def test_a_failing_exam_says_fail(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        results = await finish_exam(pilot, right=10)
        assert not results.result.passed
        assert "FAIL" in screen_text(app)


async def test_review_filters_all_incorrect_flagged_unanswered(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        await finish_exam(pilot, right=50, wrong=5, flag=(0, 52, 60))
        await pilot.press("r")
        review = await wait_for(pilot, ReviewScreen)
        assert isinstance(review, ReviewScreen)
        options = review.query_one("#review-list", OptionList)
        text = screen_text(app)
        assert "All (65)" in text and "Incorrect (15)" in text and "Flagged (3)" in text and "Unanswered (10)" in text
        assert options.option_count == 65
        await pilot.press("i")
        await pilot.pause()
        assert options.option_count == 15
        assert [item.position for item in review.shown] == list(range(50, 65))
        assert "✗ Incorrect" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert [item.position for item in review.shown] == [0, 52, 60]
        assert "Question 1" in screen_text(app) and "✓ Correct" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "Question 53" in screen_text(app) and "✗ Incorrect" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert [item.position for item in review.shown] == list(range(55, 65))
        text = screen_text(app)
        assert "○ Not answered" in text and "your answer: none" in text
        await pilot.press("a")
        await pilot.pause()
        assert options.option_count == 65
        await pilot.click("#filter-unanswered")
        await pilot.pause()
        assert review.filter == "unanswered" and options.option_count == 10


async def test_review_explains_every_option(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        await finish_exam(pilot, right=0, wrong=1)
        await pilot.press("r")
        review = await wait_for(pilot, ReviewScreen)
        assert isinstance(review, ReviewScreen)
        question = review.items[0].question
        text = screen_text(app)
        for option in question.options:
            assert option.text[:40] in text
        assert question.options[0].explanation[:40] in text
        assert f"correct answer: {', '.join(question.correct_keys)}" in text


async def test_history_lists_attempts_and_opens_review(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        results = await finish_exam(pilot, right=55)
        await pilot.press("h")
        await wait_for(pilot, HomeScreen)
        await pilot.press("h")
        history = await wait_for(pilot, HistoryScreen)
        await eventually(pilot, lambda: history.loaded_once, attempts=100)
        text = screen_text(app)
        assert f"{results.result.scaled}" in text and "PASS" in text and "55/65" in text
        assert "1 exam(s), 1 passed" in text and "PASS" in text
        await pilot.press("enter")
        review = await wait_for(pilot, ReviewScreen)
        assert isinstance(review, ReviewScreen) and len(review.items) == 65
        await pilot.press("escape")
        await wait_for(pilot, HistoryScreen)
