"""The help shown by `?` on each screen, as Markdown (keys, and how `f` and option F are told apart)."""

from __future__ import annotations

EXAM = """\
## Exam keys

**Why `f` does not choose option F.** `f` is the flag key, as on the real exam's
"Flag for review" button. Only multiple-response questions can have a sixth option: choose it
with `6` or with a click.

- `a` `b` `c` `d` `e`: choose option A-E (single answer: replaces your choice; Choose TWO/THREE: toggles)
- `1` - `6`: choose option 1-6, that is A-F
- `↑` `↓` then `space` or `Enter`: highlight an option, then choose it
- `f`: **flag** the question for review (toggle)
- `n` or `→`: next question
- `p` or `←`: previous question
- `m`: question map: answered ●, unanswered ○, flagged ⚑; `Enter` jumps
- `x`: clear this question's answer
- `PgUp` `PgDn`: scroll a long question
- `Ctrl+S`: submit (you see the unanswered and flagged questions first)
- `Esc`: leave the exam; it is saved and the clock stops until you resume
- `Ctrl+P`: command palette

Unanswered questions count as wrong, so answer everything before you submit. Every choice, flag
and the time left are saved as they change; if the terminal closes, `quizengine resume` reopens the
exam at the same question with the same time left.

The countdown turns yellow at 10 minutes and red at 5; at zero the exam is submitted for you.
"""

DRILL = """\
## Drill keys

- `a` - `e`, `1` - `6`: choose an option (`6` is option F)
- `↑` `↓` then `space`: highlight and choose an option
- `Enter`: check your answer; after feedback, the next question
- `n`: next question (after feedback)
- `PgUp` `PgDn`: scroll
- `Esc`: end the drill (your answers so far are saved)

After each answer you see whether you were right, the correct option(s), why every option is
right or wrong, and the lecture the question comes from.
"""

HOME = """\
## quizengine

Practice for the AWS Certified Developer - Associate (DVA-C02) exam.

- `r`: resume the unfinished exam (when there is one)
- `e`: mock exam: 65 questions, 130 minutes, domains weighted like DVA-C02
- `c`: custom exam: choose questions, minutes, domains and topics
- `t`: topic drill: instant feedback on the topics you choose
- `w`: weak-spot drill: the questions you missed most recently and most often
- `h`: history: past attempts, score trend, mastery per domain
- `v`: author preview: browse families, render variants, see `check` problems
- `Ctrl+P`: command palette
- `q`: quit

The real exam is scored from 100 to 1000 and 720 passes; quizengine maps 70 % correct to 720.
"""

RESULTS = """\
## Results keys

- `r`: review every question with explanations
- `d`: drill your weakest topics
- `h` or `Esc`: home
"""

REVIEW = """\
## Review keys

- `↑` `↓`: move through the questions
- `a` `i` `f` `u`: show all, incorrect, flagged or unanswered questions
- `Tab`: move between the list and the explanation
- `Esc`: back
"""

HISTORY = """\
## History keys

- `↑` `↓`, `Enter`: pick an attempt and open it in review (an unfinished exam offers to resume)
- `Esc`: back

The trend shows the scaled score of each submitted exam, oldest first. Mastery counts every
graded answer of exams and drills per domain.
"""

AUTHOR = """\
## Author preview keys

- `↑` `↓`, `Enter`: browse domains, topics and families
- `r`: render the family with the next seed
- `c`: run `check` on the family again
- `Ctrl+R`: reload every template and facts file from disk
- `Esc`: back

The preview shows the correct options and every explanation. Problems come from `quizengine check`;
files that failed to load are listed under *Broken files*.
"""
