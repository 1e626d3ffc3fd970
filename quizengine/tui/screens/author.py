"""Author preview: browse families by domain and topic, render a variant with answers, see `check` problems, reload."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree
from textual.widgets.tree import TreeNode

from quizengine.checker import FamilyReport, check_family
from quizengine.errors import GenerationError, Problem, QuizengineError
from quizengine.family import CompiledFamily
from quizengine.generator import generate
from quizengine.loader import Bank
from quizengine.tui import help_text
from quizengine.tui.commands import PaletteCommand
from quizengine.tui.formatting import domain_title
from quizengine.tui.modals.help import ScreenHelp
from quizengine.tui.widgets.answer_detail import AnswerDetail

if TYPE_CHECKING:
    from quizengine.tui.app import QuizApp


@dataclass(frozen=True)
class NodeRef:
    """What a tree node stands for: a family id or the path of a file that failed to load."""

    kind: str  # "family" or "broken"
    key: str


class AuthorBankLoaded(Message):
    """The worker (re)loaded the bank."""

    def __init__(self, bank: Bank, reloaded: bool) -> None:
        super().__init__()
        self.bank = bank
        self.reloaded = reloaded


class AuthorBankFailed(Message):
    def __init__(self, error: QuizengineError) -> None:
        super().__init__()
        self.error = error


class FamilyChecked(Message):
    """The worker finished `check` on a family."""

    def __init__(self, family_id: str, report: FamilyReport) -> None:
        super().__init__()
        self.family_id = family_id
        self.report = report


def problems_content(problems: list[Problem]) -> Content:
    lines = []
    for problem in problems:
        style = "$text-error" if problem.severity == "error" else "$text-warning"
        lines.append(Content.styled(f"• {problem}", style))
    return Content("\n").join(lines)


def report_content(report: FamilyReport) -> Content:
    letters = " ".join(f"{k}:{v}" for k, v in report.letter_counts.items())
    verdict = ("✓ sound", "$text-success bold") if report.ok else ("✗ has errors", "$text-error bold")
    summary = Content.assemble(
        ("check: ", "bold"),
        verdict,
        f" · {report.combinations} combinations · {report.seeds} seeds · {report.variants} variants · "
        f"{report.distinct_stems} distinct stems\ncorrect answer by letter: {letters}",
    )
    if report.problems:
        return Content("\n").join([summary, problems_content(report.problems)])
    return summary


def relative_path(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


class AuthorScreen(ScreenHelp, Screen[None]):
    """For template authors: what a family renders, with every explanation, and what `check` finds."""

    HELP = help_text.AUTHOR

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reseed", "Next seed", id="author.reseed"),
        Binding("c", "check", "Check", id="author.check"),
        Binding("ctrl+r", "reload", "Reload from disk", id="author.reload"),
        Binding("question_mark", "help", "Help", id="author.help"),
        Binding("escape", "back", "Back", id="author.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bank: Bank | None = None
        self.selected: NodeRef | None = None
        self.seed = 0

    @property
    def quiz_app(self) -> QuizApp:
        return cast("QuizApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("Author preview", id="author-title")
        with Horizontal(id="author-body"):
            tree: Tree[NodeRef] = Tree("Bank", id="families")
            tree.show_root = False
            tree.loading = True
            yield tree
            with VerticalScroll(id="preview"):
                yield Static("Pick a family on the left.", id="family-info", markup=False)
                yield AnswerDetail(id="variant")
                yield Static("", id="check-report", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#variant").display = False
        self.query_one("#families", Tree).focus()
        self.load(reload=False)

    # -- loading ---------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="author-bank")
    def load(self, reload: bool) -> None:
        engine = self.quiz_app.engine
        try:
            bank = engine.reload_bank() if reload else engine.bank()
        except QuizengineError as error:
            self.post_message(AuthorBankFailed(error))
            return
        self.post_message(AuthorBankLoaded(bank, reload))

    @on(AuthorBankLoaded)
    async def _bank_loaded(self, event: AuthorBankLoaded) -> None:
        self.bank = bank = event.bank
        tree = self.query_one("#families", Tree)
        tree.clear()
        by_domain: dict[str, dict[str, list[CompiledFamily]]] = {}
        for family in sorted(bank.families.values(), key=lambda f: f.id):
            by_domain.setdefault(family.domain, {}).setdefault(family.topic, []).append(family)
        topics = bank.topics
        for domain in [d.name for d in bank.syllabus.domains] + sorted(
            set(by_domain) - {d.name for d in bank.syllabus.domains}
        ):
            families_by_topic = by_domain.get(domain, {})
            count = sum(len(v) for v in families_by_topic.values())
            domain_node = tree.root.add(f"{domain_title(domain)} ({count})", expand=True)
            for topic_id in sorted(families_by_topic):
                topic = topics.get(topic_id)
                label = f"{topic.title if topic else topic_id} ({len(families_by_topic[topic_id])})"
                topic_node = domain_node.add(label, expand=True)
                for family in families_by_topic[topic_id]:
                    topic_node.add_leaf(f"{family.id} · {family.kind}", data=NodeRef("family", family.id))
        if bank.broken:
            broken_node = tree.root.add(f"⚠ Broken files ({len(bank.broken)})", expand=True)
            for path in sorted(bank.broken):
                broken_node.add_leaf(Path(path).name, data=NodeRef("broken", path))
        tree.loading = False
        tree.focus()
        if event.reloaded:
            self.notify(f"Reloaded {len(bank.families)} families; {len(bank.broken)} broken file(s).", timeout=4)
        await self._reselect()

    async def _reselect(self) -> None:
        """After a reload, show the same family again (or the first one)."""
        tree = self.query_one("#families", Tree)
        leaves = [node for node in _walk(tree.root) if node.data is not None]
        target = next((n for n in leaves if n.data == self.selected), None) or (leaves[0] if leaves else None)
        if target is None:
            self.query_one("#family-info", Static).update("The bank has no families yet.")
            return
        self.call_after_refresh(tree.move_cursor, target)
        await self.show_node(target.data)

    @on(AuthorBankFailed)
    def _bank_failed(self, event: AuthorBankFailed) -> None:
        self.query_one("#families", Tree).loading = False
        self.query_one("#family-info", Static).update(f"{event.error.title}: {event.error}")

    # -- showing a family ------------------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#families")
    async def _highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        data = event.node.data
        if data is not None and data != self.selected:
            self.seed = 0
            await self.show_node(data)

    async def show_node(self, ref: NodeRef | None) -> None:
        bank = self.bank
        if ref is None or bank is None:
            return
        self.selected = ref
        info = self.query_one("#family-info", Static)
        variant = self.query_one("#variant", AnswerDetail)
        report = self.query_one("#check-report", Static)
        if ref.kind == "broken":
            variant.display = False
            where = relative_path(Path(ref.key), bank.root)
            info.update(Content.assemble((where, "bold"), " failed to load; learners never see it."))
            report.update(problems_content(bank.broken.get(ref.key, [])))
            return
        family = bank.families.get(ref.key)
        if family is None:
            return
        info.update(
            Content.assemble(
                (family.id, "bold"),
                f" · {family.kind} · {family.model.title}\n",
                f"{domain_title(family.domain)} · topic {family.topic} · seed {self.seed} · "
                f"{relative_path(family.path, bank.root)}",
            )
        )
        try:
            question = generate(family, self.seed)
        except GenerationError as error:
            variant.display = False
            report.update(problems_content([error.problem]))
            return
        variant.display = True
        await variant.show(question, None, heading=f"Variant {question.id}")
        report.update(Content.styled("check: running…", "dim"))
        self.check(family)

    @work(thread=True, exclusive=True, group="author-check")
    def check(self, family: CompiledFamily) -> None:
        self.post_message(FamilyChecked(family.id, check_family(family)))

    @on(FamilyChecked)
    def _checked(self, event: FamilyChecked) -> None:
        if self.selected == NodeRef("family", event.family_id):
            self.query_one("#check-report", Static).update(report_content(event.report))

    # -- actions ---------------------------------------------------------------------------------------

    async def action_reseed(self) -> None:
        if self.selected is not None and self.selected.kind == "family":
            self.seed += 1
            await self.show_node(self.selected)

    def action_check(self) -> None:
        if self.bank is not None and self.selected is not None and self.selected.kind == "family":
            family = self.bank.families.get(self.selected.key)
            if family is not None:
                self.query_one("#check-report", Static).update(Content.styled("check: running…", "dim"))
                self.check(family)

    def action_reload(self) -> None:
        self.query_one("#families", Tree).loading = True
        self.load(reload=True)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            PaletteCommand("author: Render the next seed", "r", self.action_reseed),
            PaletteCommand("author: Check this family", "c", self.action_check),
            PaletteCommand("author: Reload templates from disk", "Ctrl+R", self.action_reload),
        ]


def _walk(node: TreeNode[NodeRef]) -> Iterator[TreeNode[NodeRef]]:
    for child in node.children:
        yield child
        yield from _walk(child)
