"""`launch(args)`: what `quizengine`, `quizengine exam|drill|resume` run; returns the exit status."""

from __future__ import annotations

import argparse
import gc
import sys

from quizengine.tui.requests import ResumeRequest, request_from_args

EXIT_OK = 0
EXIT_NOTHING_TO_RESUME = 1


def launch(args: argparse.Namespace) -> int:
    """Build the app from the parsed command line and run it in the terminal."""
    # Start-up creates a few hundred thousand objects (modules, classes, styles, widgets) that live as long as
    # the app; collecting garbage among them only delays the first screen (about 30 ms). Collection resumes,
    # with those objects frozen out of it, once the first screen is drawn.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()  # whatever happened (nothing to resume, an error): never leave collection off


def _run(args: argparse.Namespace) -> int:
    from quizengine.tui.app import make_app

    request = request_from_args(args)
    app = make_app(bank=args.bank, data_dir=args.data_dir, start=request, on_started=_resume_garbage_collection)
    if isinstance(request, ResumeRequest) and app.engine.store.unfinished("exam") is None:
        app.engine.store.close()
        print("quizengine: there is no unfinished exam to resume; start one with `quizengine exam`.", file=sys.stderr)
        return EXIT_NOTHING_TO_RESUME
    if app.engine.store.moved_aside is not None:
        print(
            f"quizengine: the attempts database was corrupt; it was moved to {app.engine.store.moved_aside} "
            "and a new one was started.",
            file=sys.stderr,
        )
    app.run()
    return app.return_code or EXIT_OK


def _resume_garbage_collection() -> None:
    gc.freeze()
    gc.enable()
