"""Pilot tests of the exam screen: answering, navigation, flagging, the map, submit, the countdown and time-out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizengine.assembler import assemble_exam
from quizengine.blueprint import DVA_C02, custom_blueprint
from quizengine.loader import load_bank
from quizengine.storage import Store
from quizengine.tui.modals.confirm_submit import ConfirmSubmitModal
from quizengine.tui.modals.help import HelpModal
from quizengine.tui.modals.question_map import QuestionMapModal
from quizengine.tui.requests import ExamRequest
from quizengine.tui.screens.exam import ExamScreen
from quizengine.tui.screens.results import ResultsScreen
from quizengine.tui.widgets.exam_header import Countdown
from quizengine.tui.widgets.question_map import MapCell
from quizengine.tui.widgets.question_view import AnswerOption

from .conftest import FIXTURE_BANK, SEED, SIZE, exam_request, screen_text, wait_for


def expected_exam(seed: int = SEED):  # type: ignore[no-untyped-def]
    return assemble_exam(load_bank(FIXTURE_BANK), DVA_C02, seed)


async def open_exam(pilot, seed: int = SEED) -> ExamScreen:  # type: ignore[no-untyped-def]
    screen = await wait_for(pilot, ExamScreen)
    assert isinstance(screen, ExamScreen)
    return screen


async def go(pilot, screen: ExamScreen, position: int) -> None:  # type: ignore[no-untyped-def]
    await screen.go_to(position)
    await pilot.pause()


def position_of(screen: ExamScreen, predicate) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, q in enumerate(screen.session.questions) if predicate(q))


async def test_exam_shows_the_same_questions_as_generate_exam(build_app) -> None:  # type: ignore[no-untyped-def]
    """`quizengine exam --seed N` delivers `generate --exam dva-c02 --seed N` in the same order."""
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        assert [q.id for q in screen.session.questions] == [q.id for q in expected_exam().questions]
        text = screen_text(app)
        assert "Question 1 of 65" in text
        assert "2:10:00 left" in text
        first = screen.session.questions[0]
        assert first.stem.split("**")[0][:30] in text
        # The domain stays hidden during the exam, as on the real one.
        assert first.domain not in text.lower()


async def test_single_answer_behaves_like_radio_buttons(build_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        position = position_of(screen, lambda q: q.select == 1)
        await go(pilot, screen, position)
        await pilot.press("a")
        assert screen.session.selected() == ["A"]
        await pilot.press("c")
        assert screen.session.selected() == ["C"]
        await pilot.press("2")
        assert screen.session.selected() == ["B"]
        options = list(screen.query(AnswerOption))
        assert [o.has_class("-selected") for o in options[:4]] == [False, True, False, False]
        assert "(•) B." in screen_text(app)
        question_id = screen.session.current.id
    # Stored the moment it was chosen.
    store = Store.open(data_dir)
    attempt = store.unfinished("exam")
    assert attempt is not None and attempt.answers[question_id].selected == ["B"]


async def test_multiple_response_shows_choose_two_and_enforces_the_limit(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await go(pilot, screen, position_of(screen, lambda q: q.select == 2))
        assert "Choose TWO" in screen_text(app)
        await pilot.press("a", "c")
        assert screen.session.selected() == ["A", "C"]
        await pilot.press("e")  # a third is refused, with a message
        await pilot.pause()
        assert screen.session.selected() == ["A", "C"]
        assert any("choose 2 only" in n.message.lower() for n in app._notifications)
        await pilot.press("a", "e")  # toggle A off, then E is allowed
        assert screen.session.selected() == ["C", "E"]
        assert "2 of 2 selected" in screen_text(app)
        await pilot.press("6")  # this question has five options: refused, with a message
        await pilot.pause()
        assert screen.session.selected() == ["C", "E"]
        assert any("options a-e only" in n.message.lower() for n in app._notifications)


@pytest.fixture
def six_option_bank(tmp_path: Path) -> Path:
    """The fixture bank with the Choose-TWO family showing six options (A-F)."""
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURE_BANK, bank)
    family = bank / "question_bank" / "questions" / "sec-multi.yaml"
    family.write_text(family.read_text(encoding="utf-8").replace("options: 5", "options: 6"), encoding="utf-8")
    return bank


async def test_f_flags_and_6_chooses_the_sixth_option(build_app, six_option_bank) -> None:  # type: ignore[no-untyped-def]
    blueprint = custom_blueprint(4, 8, ["security"], ["t.sec"])
    app = build_app(ExamRequest(blueprint, SEED), bank=six_option_bank)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await go(pilot, screen, position_of(screen, lambda q: len(q.options) == 6))
        await pilot.press("f")
        assert screen.session.is_flagged()
        assert screen.session.selected() == []
        assert "⚑ Flagged for review" in screen_text(app)
        await pilot.press("6")
        assert screen.session.selected() == ["F"]
        assert "[x] F." in screen_text(app)
        await pilot.press("f")
        assert not screen.session.is_flagged()
        assert screen.session.selected() == ["F"]
        await pilot.click("#flag-state")
        assert screen.session.is_flagged()
        await pilot.click("#option-f")
        assert screen.session.selected() == []


async def test_navigation_with_keys_and_arrows(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await pilot.press("p")  # already at the first question
        assert screen.session.index == 0
        await pilot.press("n", "right", "n")
        assert screen.session.index == 3
        assert "Question 4 of 65" in screen_text(app)
        await pilot.press("left", "p")
        assert screen.session.index == 1
        await go(pilot, screen, 64)
        await pilot.press("n")
        assert screen.session.index == 64
        assert "Question 65 of 65" in screen_text(app)


async def test_arrow_keys_highlight_and_space_or_enter_chooses(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await go(pilot, screen, position_of(screen, lambda q: q.select == 1))
        await pilot.press("down", "down", "space")
        assert screen.session.selected() == ["B"]
        await pilot.press("up", "enter")
        assert screen.session.selected() == ["A"]


async def test_clicking_an_option_chooses_it(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await go(pilot, screen, position_of(screen, lambda q: q.select == 1))
        await pilot.click("#option-d")
        assert screen.session.selected() == ["D"]


async def test_stem_markup_is_shown_as_typed(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await go(pilot, screen, position_of(screen, lambda q: q.family == "sec-static"))
        text = screen_text(app)
        assert "[b]this[/b]" in text
        assert "${aws:username}" in text
        assert "**" not in text  # real Markdown still renders (bold)


async def test_question_map_shows_states_and_enter_jumps(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await pilot.press("a", "n", "f", "n")  # 1 answered, 2 flagged, now at 3
        await pilot.press("m")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, QuestionMapModal)
        cells = list(modal.query(MapCell))
        assert len(cells) == 65
        assert cells[0].has_class("-answered") and not cells[0].has_class("-flagged")
        assert cells[1].has_class("-flagged") and cells[1].has_class("-unanswered")
        assert cells[2].has_class("-cursor")
        assert "1 answered · 64 unanswered · 1 flagged" in screen_text(app)
        await pilot.press("down", "right", "enter")  # 3 -> 13 -> 14
        await pilot.pause()
        assert app.screen is screen
        assert screen.session.index == 13
        await pilot.press("m")
        await pilot.pause()
        await pilot.click(MapCell, offset=(1, 0))  # the first cell
        await pilot.pause()
        assert screen.session.index == 0
        await pilot.press("m", "escape")
        await pilot.pause()
        assert app.screen is screen and screen.session.index == 0


async def test_submit_asks_first_and_lists_unanswered_and_flagged(build_app, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        for _ in range(63):
            await pilot.press("a", "n")
        await pilot.press("f")  # flag question 64, leave 64 and 65 unanswered
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmSubmitModal)
        text = screen_text(app)
        assert "Unanswered (2, scored as wrong): 64, 65" in text
        assert "Flagged for review (1): 64" in text
        await pilot.press("n")  # keep working
        await pilot.pause()
        assert app.screen is screen and not screen.session.submitted
        await pilot.press("ctrl+s", "y")
        results = await wait_for(pilot, ResultsScreen)
        assert isinstance(results, ResultsScreen)
        assert results.result.answered == 63 and results.result.total == 65
    attempt = Store.open(data_dir).attempts()[0]
    assert attempt.status == "submitted"
    assert attempt.score == results.result.scaled


async def test_time_out_submits_automatically_even_with_a_dialog_open(build_app, manual_clock) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        await pilot.press("b")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, QuestionMapModal)
        manual_clock.advance(130 * 60 - 1)
        screen.tick()
        assert not screen.session.submitted
        manual_clock.advance(1)
        screen.tick()
        assert screen.session.submitted
        results = await wait_for(pilot, ResultsScreen)
        assert isinstance(results, ResultsScreen)
        assert results.result.answered == 1
        assert len(app.screen_stack) == 2  # the map closed; results replaced the exam
        assert "Time used 2 h 10 min of 2 h 10 min" in screen_text(app)


async def test_countdown_warns_at_ten_and_five_minutes(build_app, manual_clock) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        countdown = screen.query_one(Countdown)
        manual_clock.advance(120 * 60 - 1)  # 10:01 left
        screen.tick()
        assert not countdown.has_class("-warning")
        manual_clock.advance(1)
        screen.tick()
        await pilot.pause()
        assert countdown.has_class("-warning") and not countdown.has_class("-danger")
        assert "10:00 left" in screen_text(app)
        manual_clock.advance(5 * 60)
        screen.tick()
        await pilot.pause()
        assert countdown.has_class("-danger")
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("10 minutes left") for m in messages)
        assert any(m.startswith("5 minutes left") for m in messages)
        screen.tick()  # no repeated warnings
        assert len([n for n in app._notifications if "minutes left" in n.message]) == 2


async def test_tick_stores_the_time_left(build_app, manual_clock, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        manual_clock.advance(61.5)
        screen.tick()
        attempt = Store.open(data_dir).unfinished("exam")
        assert attempt is not None
        assert attempt.remaining_seconds == 130 * 60 - 61  # rounded up: never lose a part-second


async def test_help_documents_the_flag_key(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        await open_exam(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        await pilot.pause(0.1)
        assert "Why f does not choose option F" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExamScreen)


async def test_exam_commands_are_in_the_palette(build_app) -> None:  # type: ignore[no-untyped-def]
    app = build_app(exam_request())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_exam(pilot)
        titles = [c.title for c in screen.palette_commands()]
        assert "exam: Submit" in titles and "exam: Question map" in titles
        assert "exam: Go to the first unanswered question" in titles
        assert app.palette_commands(screen) == []  # no 'go: Home' that would abandon the exam
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"flag")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.is_flagged()
