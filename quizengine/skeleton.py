"""`quizengine new`: commented family skeletons that pass `quizengine check` as written."""

from __future__ import annotations

import datetime as dt

_HEADER = """\
# yaml-language-server: $schema={schema}
# Family {id}: {kind}. Run `quizengine check {path}` after every edit and
# `quizengine preview {id} --count 5` to read what learners will see.
id: {id}                 # must equal the file name
kind: {kind}
title: TODO short title shown in listings
topic: {topic}            # topic id from question_bank/syllabus.yaml
source:
  lecture: "{lecture}"    # seed lecture title, exactly as in the notes
  lines: [1, 1]           # first and last line of the notes this rests on
checked: {today}         # when you last checked these facts against AWS documentation
"""

_STATIC = """\
select: 1                 # how many options are correct; 2+ shows "Choose TWO" and needs options: 5+
options: 4                # how many options a learner sees (drawn from the choices below)
stem: |
  TODO: the question, as a short scenario with the requirement the answer depends on.
choices:
  - text: TODO the right answer
    correct: true
    explanation: TODO why it meets the requirement.
  - text: TODO a mistake real candidates make
    correct: false
    explanation: TODO why it fails the requirement.
  - text: TODO another common mistake
    correct: false
    explanation: TODO why it fails.
  - text: TODO a third common mistake
    correct: false
    explanation: TODO why it fails.
explanation: |
  TODO: the rule in one or two sentences, and where the notes differ from current AWS behaviour.
"""

_SCENARIO = """\
select: 1
options: 4
facts: []                 # facts tables from question_bank/facts/, visible as facts.NAME
params:                   # every combination of these values is a variant
  team: [a payments team, a media start-up]
  needs_speed: [true, false]
constraints: []           # expressions that drop incoherent combinations, e.g. "not (a and b)"
let:                      # derived values, evaluated in order
  best: "'TODO fast option' if needs_speed else 'TODO cheap option'"
stem: |
  {{{{ team | capitalize }}}} needs {{{{ 'results quickly' if needs_speed else 'the lowest cost' }}}}.
  TODO: which option fits?
choices:
  - text: TODO fast option
    correct: "best == 'TODO fast option'"
    explanation: "{{{{ 'Fits: speed is the requirement.' if is_correct else 'Too slow: this team needs results quickly... TODO' }}}}"
  - text: TODO cheap option
    correct: "best == 'TODO cheap option'"
    explanation: "{{{{ 'Fits: cost is what matters here.' if is_correct else 'Cheapest, but this team needs speed. TODO' }}}}"
  - text: TODO a common mistake
    correct: false
    explanation: TODO why it is wrong for every variant.
  - text: TODO another common mistake
    correct: false
    explanation: TODO why it is wrong for every variant.
explanation: |
  TODO: the rule that decides the answer, quoting this variant's values: {{{{ team }}}}.
"""

_COMPUTED = """\
select: 1
options: 4
facts: []
params:
  item_kb: [5, 6, 9]
  per_second: [10, 40]
let:
  units_per_item: "ceil(item_kb / 4)"
answer: "units_per_item * per_second"          # the correct number
value_text: "{{{{ value | thousands }}}} units"    # how a number reads as an option
answer_explanation: |
  {{{{ item_kb }}}} KB rounds up to {{{{ units_per_item }}}} unit(s); times {{{{ per_second }}}} per second = {{{{ value }}}}.
mistakes:                 # named, common mistakes; each gives a wrong number and why it is wrong
  - name: forgot to round up
    value: "item_kb / 4 * per_second"
    explanation: "{{{{ value | number }}}} forgets that each item is rounded up to whole units first."
  - name: ignored the item size
    value: "per_second"
    explanation: "{{{{ value }}}} assumes every item fits in one unit; {{{{ item_kb }}}} KB needs {{{{ units_per_item }}}}."
  - name: counted kilobytes as units
    value: "item_kb * per_second"
    explanation: "{{{{ value }}}} charges one unit per KB; a unit covers up to 4 KB."
  - name: doubled by mistake
    value: "units_per_item * per_second * 2"
    explanation: "{{{{ value }}}} doubles the rate for no reason in this scenario."
stem: |
  TODO: items of {{{{ item_kb }}}} KB arrive {{{{ per_second }}}} times per second. How many units are needed?
explanation: |
  TODO: the formula, with this variant's numbers.
"""

_BODIES = {"static": _STATIC, "scenario": _SCENARIO, "computed": _COMPUTED}


def skeleton(family_id: str, kind: str, topic: str, lecture: str, path: str, schema: str) -> str:
    """A commented family file of `kind` for `topic`."""
    head = _HEADER.format(
        id=family_id,
        kind=kind,
        topic=topic,
        lecture=lecture,
        path=path,
        schema=schema,
        today=dt.date.today().isoformat(),
    )
    return head + _BODIES[kind].format()
