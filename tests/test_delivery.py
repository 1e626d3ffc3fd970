"""Exam delivery: radio and choose-N selection, flags, the injected clock, resume and submit."""

from __future__ import annotations

import pytest

from quizengine.assembler import assemble_exam
from quizengine.blueprint import custom_blueprint
from quizengine.delivery import ExamSession, SelectionRefused
from quizengine.errors import QuizengineError
from quizengine.storage import Store


def _session(fixture_bank, store, clock, questions: int = 6, minutes: int = 10) -> ExamSession:  # type: ignore[no-untyped-def]
    exam = assemble_exam(fixture_bank, custom_blueprint(questions=questions, minutes=minutes), 3)
    return ExamSession.start(store, exam, clock)


def _go_to_kind(session: ExamSession, kind: str) -> None:
    for i, q in enumerate(session.questions):
        if q.kind == kind:
            session.go_to(i)
            return
    raise AssertionError(f"no {kind} question")


def test_single_answer_is_a_radio(fixture_bank, store, clock) -> None:  # type: ignore[no-untyped-def]
    session = _session(fixture_bank, store, clock)
    _go_to_kind(session, "single")
    assert session.choose("a") == ["A"]
    assert session.choose("C") == ["C"]
    with pytest.raises(SelectionRefused):
        session.choose("F")


def test_multiple_response_enforces_the_limit(fixture_bank, store, clock) -> None:  # type: ignore[no-untyped-def]
    session = _session(fixture_bank, store, clock)
    _go_to_kind(session, "multiple")
    session.choose("A")
    assert session.choose("C") == ["A", "C"]
    with pytest.raises(SelectionRefused, match="choose 2 only"):
        session.choose("D")
    assert session.choose("A") == ["C"]  # toggling off frees a slot
    assert session.choose("E") == ["C", "E"]


def test_countdown_uses_the_injected_clock(fixture_bank, store, clock) -> None:  # type: ignore[no-untyped-def]
    session = _session(fixture_bank, store, clock, minutes=10)
    assert session.remaining() == 600
    clock.advance(599.5)
    assert not session.tick()
    clock.advance(1)
    assert session.tick() and session.expired


def test_resume_keeps_answers_position_and_time(tmp_path, fixture_bank, clock) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path)
    session = _session(fixture_bank, store, clock)
    session.choose("B")
    session.next()
    session.toggle_flag()
    session.next()
    clock.advance(125.2)
    session.tick()
    store.close()  # the terminal died here; no clean shutdown ran

    clock.advance(10_000)  # time passes while the program is closed; the exam clock must not run
    resumed = ExamSession.resume(Store.open(tmp_path), clock=clock)
    assert resumed is not None
    assert resumed.index == 2
    assert resumed.remaining() == 475  # 474.8 s were left, stored rounded up to whole seconds
    assert resumed.selected(resumed.questions[0]) == ["B"]
    assert resumed.is_flagged(resumed.questions[1])


def test_submit_scores_once_and_closes(fixture_bank, store, clock) -> None:  # type: ignore[no-untyped-def]
    session = _session(fixture_bank, store, clock)
    for i, question in enumerate(session.questions):
        session.go_to(i)
        for key in question.correct_keys:
            session.choose(key)
    result = session.submit()
    assert result.correct == result.total == 6 and result.scaled == 1000 and result.passed
    assert session.submit() is result
    with pytest.raises(QuizengineError):
        session.choose("A")
    stored = store.attempt(session.attempt_id)
    assert stored.status == "submitted" and stored.score == 1000 and stored.passed
    assert ExamSession.resume(store, clock=clock) is None


def test_progress_lists_unanswered_and_flagged(fixture_bank, store, clock) -> None:  # type: ignore[no-untyped-def]
    session = _session(fixture_bank, store, clock)
    session.go_to(0)
    session.choose(session.current.options[0].key)
    session.go_to(3)
    session.toggle_flag()
    assert session.unanswered_positions() == [1, 2, 3, 4, 5]
    assert session.flagged_positions() == [3]
    progress = session.progress()
    assert (progress.answered, progress.flagged, progress.total) == (1, 1, 6)
