"""Plain-text helpers the screens share: clock and duration text, 'Choose TWO', dates, domain titles."""

from __future__ import annotations

import datetime as dt
import re

NUMBER_WORDS = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE", 6: "SIX"}

# Titles of the four DVA-C02 domains, for screens that have no bank loaded (a resumed exam, the history).
DOMAIN_TITLES = {
    "development": "Development with AWS Services",
    "security": "Security",
    "deployment": "Deployment",
    "troubleshooting": "Troubleshooting and Optimization",
}


def choose_label(select: int) -> str:
    """'Choose TWO' for a multiple-response question, as the real exam words it."""
    return f"Choose {NUMBER_WORDS.get(select, str(select))}"


def clock_text(seconds: float) -> str:
    """A countdown reading: '1:47:12' or '09:05' (whole seconds, never negative)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def duration_text(seconds: float | None) -> str:
    """A length of time for people: '1 h 12 min', '35 min', '40 s'; an em dash when unknown."""
    if seconds is None:
        return "—"
    total = max(0, round(seconds))
    if total < 60:
        return f"{total} s"
    hours, rest = divmod(total, 3600)
    minutes = rest // 60
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def local_time(iso: str | None, tz: dt.tzinfo | None = None) -> str:
    """A stored UTC timestamp in the learner's time zone (`tz`, default the machine's): '2026-11-27 14:05'."""
    if not iso:
        return "—"
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def domain_title(name: str) -> str:
    return DOMAIN_TITLES.get(name, name)


def positions_text(positions: list[int], limit: int = 30) -> str:
    """Zero-based positions as the learner's question numbers: '3, 17, 42' (long lists end with '… (+N)')."""
    numbers = [str(p + 1) for p in positions]
    if len(numbers) > limit:
        return ", ".join(numbers[:limit]) + f" … (+{len(numbers) - limit})"
    return ", ".join(numbers)


def inline_code_spans(text: str) -> list[tuple[str, bool]]:
    """Split option text on Markdown inline code: [('Allow ', False), ('priya', True), ...].

    Only paired backticks count; everything else stays exactly as typed (no other markup is interpreted).
    """
    parts = text.split("`")
    if len(parts) < 3:
        return [(text, False)]
    if len(parts) % 2 == 0:  # an unpaired backtick: keep the last one literally
        parts = [*parts[:-2], parts[-2] + "`" + parts[-1]]
    return [(part, index % 2 == 1) for index, part in enumerate(parts) if part]


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")


def unwrap_lines(text: str) -> str:
    """Line breaks an author typed to keep a YAML file narrow become spaces, so text wraps to the screen.

    A blank line still separates paragraphs, and a line that starts a list item ('- ', '2. ') still starts
    a new line.
    """
    paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
    unwrapped = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        joined = lines[0].rstrip()
        for line in lines[1:]:
            joined += ("\n" + line.rstrip()) if _LIST_ITEM.match(line) else (" " + line.strip())
        unwrapped.append(joined)
    return "\n\n".join(unwrapped)
