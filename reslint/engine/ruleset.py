"""What a compiled rule pack is: the plain data the runner needs.

Kept apart from the compiler (reslint.engine.rules) so that a run whose packs come from the
cache imports neither YAML nor the schema nor the compiler.
"""

from __future__ import annotations

import os
from time import perf_counter

from reslint._dataclass import dataclass, field
from reslint.checks import Primitive
from reslint.engine import expr as ex
from reslint.errors import ReslintError
from reslint.links import rule_url
from reslint.model import RuleInfo
from reslint.resources import builtin_rules_path

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

FACT_KEYS = {
    "path", "kind", "style", "symbol", "short_symbol", "symbol_span", "session", "session_word",
    "session_span", "agenda_item", "agenda_span", "title", "title_span", "item_title",
    "adopted", "adopted_year", "adopted_span", "committee", "report", "report_session",
    "report_span", "sponsors", "formula", "formula_span", "preamble", "operative",
    "last_operative", "footnotes", "markers", "citations", "other_citations", "citation_groups",
    "recalled", "recalled_span",
    "recalled_noun", "recalled_noun_span", "symbols", "session_mentions", "next_session",
    "next_session_span", "meeting", "start_span",
    "next_session_word", "next_session_every",
}
MATCH_KEYS = {"span", "spans", "text", "paragraph", "words"}
BOUND = {"item", "index", "previous_item", "key", "expected", "found", "match", "problem",
         "marker", "first", "reason"}
# previous_reason: how the previous resolution was found, or why not (RES001's message);
# suppressions: the problems of the inline suppressions (the late `suppressions` check).
# amendment: what an amendment asks of the draft it amends, resolved against that draft
# (reslint.amend.facts); null when the file checked is not an amendment.
# library: adopted texts at hand, by resolution ("78/68" -> {adopted, title, path});
# before: the previous resolution's own previous, when the library holds it.
ROOTS = {"draft", "previous", "settings", "previous_reason", "suppressions", "amendment",
         "library", "before"}
RULE_EXPRS = ("when", "for_each", "at")


def compile_pattern(source: str) -> Any:
    """A rule's regex, as the `regex` module (VERSION0) reads it: one engine for every run.

    The standard `re` reads some patterns differently (`\\w` and combining accents, POSIX
    classes) and cannot be stopped: a pattern from a rule file always runs on `regex`, with
    its timeout (see `LazyPattern`), whether the packs were compiled now or read from the
    cache."""
    import regex

    return regex.compile(source, regex.VERSION0)


_SPECIAL = frozenset(".^$*+?{}[]()|\\")
_QUANTIFIERS = frozenset("*+?{")
_HARMLESS_FLAGS = frozenset("ms")  # inline flags that do not change how a literal matches


def required_literal(source: str) -> str:
    """The longest run of literal text that every match of `source` contains ("" when
    none is certain).

    A pure shortcut, the same cold and warm: when the text to search lacks it, the pattern
    cannot match, so it is neither compiled nor run (most packs' title and extractor
    patterns, on most drafts).  Conservative: only text outside every group, set and
    quantifier counts; a top-level alternation, or an inline flag other than m and s
    (case-insensitive, verbose, fuzzy ...), gives ""."""
    best, run, depth, i, n = "", "", 0, 0, len(source)
    while i < n:
        c = source[i]
        literal = None
        if c == "\\":
            nxt = source[i + 1 : i + 2]
            if not nxt:
                return ""
            if depth == 0 and not nxt.isalnum() and not nxt.isspace():
                literal = nxt
            i += 2
        elif c == "[":
            end = _set_end(source, i)
            if end < 0:
                return ""
            i = end + 1
        elif c == "(":
            if source.startswith("(?", i):
                j = i + 2
                while j < n and source[j].isalpha():
                    j += 1
                flags, after = source[i + 2 : j], source[j : j + 1]
                # (?i) and (?-i) hold for the whole pattern; (?i:...) only inside its group
                if (flags or after == "-") and after in (")", "-") and not (
                        after == ")" and set(flags) <= _HARMLESS_FLAGS):
                    return ""
            depth += 1
            i += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return ""
            i += 1
        elif c == "|":
            if depth == 0:
                return ""
            i += 1
        else:
            if depth == 0 and c not in _SPECIAL:
                literal = c
            i += 1
        if literal is not None and source[i : i + 1] in _QUANTIFIERS:
            literal = None  # optional or repeated: not certain as written
        if literal is None:
            if len(run) > len(best):
                best = run
            run = ""
        else:
            run += literal
    return max(best, run, key=len) if depth == 0 else ""


def _plain_text(source: str) -> tuple[str, bool, bool] | None:
    """(text, anchored at the start, at the end) when `source` is plain text between an
    optional ^ and $ (punctuation escaped with a backslash); else None."""
    start, end = source.startswith("^"), source.endswith("$") and not source.endswith("\\$")
    body = source[1 if start else 0 : len(source) - 1 if end else len(source)]
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            nxt = body[i + 1 : i + 2]
            if not nxt or nxt.isalnum() or nxt.isspace():
                return None
            out.append(nxt)
            i += 2
            continue
        if c in _SPECIAL or c == "#":
            return None
        out.append(c)
        i += 1
    return "".join(out), start, end


def _set_end(source: str, start: int) -> int:
    """Index of the `]` closing the set opened at `start` (-1: none, or nested sets)."""
    i = start + 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            return -1  # a nested set (VERSION1) or a POSIX class: do not guess
        if c == "]":
            return i
        i += 1
    return -1


# Seconds a rule's (or a pack's) regular expressions may run on one draft, all calls
# together.  A pattern that needs more (catastrophic backtracking: `(a+)+$`) is stopped by
# regex's timeout, reported once with the rule file's line, and skipped from then on.
REGEX_BUDGET = 2.0


class RegexTimeout(ReslintError):
    """A rule file's regular expression ran out of its time budget."""

    def __init__(self, where: str, source: str) -> None:
        self.where = where
        self.source = source
        shown = source if len(source) <= 60 else source[:57] + "..."
        super().__init__(f"{where}: regular expression {shown!r} ran longer than "
                         f"{REGEX_BUDGET:g} s on one draft; it is skipped for the rest of "
                         "the run")


class RegexBudget:
    """Time spent by each rule-file pattern (keyed by its file:line) on the current draft,
    and the patterns that timed out (skipped from then on, reported once)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.timed_out: dict[str, RegexTimeout] = {}
        self.reported: list[RegexTimeout] = []
        self.unseen: list[RegexTimeout] = []

    def new_draft(self) -> None:
        self.spent.clear()

    def new_run(self) -> None:
        """Forget the patterns that timed out: each run (a Linter) reports its own, and a
        test or an editor that runs again in the same process starts clean."""
        self.spent.clear()
        self.timed_out.clear()
        self.reported.clear()
        self.unseen.clear()

    def report(self, exc: RegexTimeout) -> None:
        """Note the timeout once: a rule-file error (the run goes on, exit code 2)."""
        if exc not in self.reported:
            self.reported.append(exc)
            self.unseen.append(exc)

    def take_notes(self) -> list[str]:
        """The timeouts not yet shown, as one-line notes for the user."""
        notes = [f"reslint: {exc}" for exc in self.unseen]
        self.unseen.clear()
        return notes


BUDGET = RegexBudget()


class LazyPattern:
    """A rule file's regex, compiled on first use, run with regex's timeout.

    The compiler checks every regex at load time; a run whose packs come from the cache
    compiles only the patterns of the packs that apply to the draft.  `where` is the
    file:line of the pattern in its rule file, for the timeout report."""

    __slots__ = ("_compiled", "_plain", "_plain_read", "_required", "source", "where")

    def __init__(self, source: str, where: str = "", compiled: Any = None) -> None:
        self.source = source
        self.where = where
        self._compiled = compiled
        self._required: str | None = None
        self._plain: tuple[str, bool, bool] | None = None  # _plain_text, once read
        self._plain_read = False

    def required(self) -> str:
        if self._required is None:
            self._required = required_literal(self.source)
        return self._required

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = compile_pattern(self.source)
        return self._compiled

    def _run(self, method: str, args: tuple[Any, ...], every: bool = False) -> Any:
        required = self._required if self._required is not None else self.required()
        if required and required not in args[0]:
            return [] if every else None  # cannot match: no need to compile, nor to run
        key = self.where or self.source
        failed = BUDGET.timed_out.get(key)
        if failed is not None:
            raise failed
        spent = BUDGET.spent.get(key, 0.0)
        left = max(REGEX_BUDGET - spent, 0.001)
        start = perf_counter()
        try:
            return self._call(method, args, every, left)
        except TimeoutError:
            failed = BUDGET.timed_out[key] = RegexTimeout(key, self.source)
            raise failed from None
        finally:
            BUDGET.spent[key] = spent + perf_counter() - start

    def _call(self, method: str, args: tuple[Any, ...], every: bool, timeout: float) -> Any:
        """The pattern's `method` on `args` within `timeout` seconds (TimeoutError past it);
        finditer's matches as a list."""
        found = getattr(self.compiled(), method)(*args, timeout=timeout)
        return list(found) if every else found

    def finditer(self, *args: Any) -> Any:
        return iter(self._run("finditer", args, every=True))

    def search(self, *args: Any) -> Any:
        return self._run("search", args)

    def found_in(self, text: str) -> bool:
        """Whether the pattern matches somewhere in `text` (a pack's title test): a pattern
        that is plain text (a title, often anchored) is looked up as text, uncompiled."""
        if not self._plain_read:  # read once: a pack's title is tested on every draft
            self._plain, self._plain_read = _plain_text(self.source), True
        literal = self._plain
        if literal is None:
            return self.search(text) is not None
        body, start, end = literal
        if start and end:
            return text in (body, body + "\n")
        if start:
            return text.startswith(body)
        if end:
            return text.endswith(body) or text.endswith(body + "\n")
        return body in text

    def match(self, *args: Any) -> Any:
        return self._run("match", args)

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    @property
    def pattern(self) -> str:
        return self.source


@dataclass
class Extractor:
    name: str
    pattern: Any
    scope: str
    many: bool
    types: dict[str, str]


@dataclass
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    rationale: str
    check: str
    primitive: Primitive
    message: ex.Template
    pack: str
    source: str  # path of the rule file
    line: int
    exprs: dict[str, Any] = field(default_factory=dict)
    lets: list[tuple[str, Any]] = field(default_factory=list)
    regexes: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    fix: dict[str, Any] | None = None
    examples: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    fix_template: ex.Template | None = None
    column: int = 0  # of the rule's first key, so a clash between packs can be located


    def info(self) -> RuleInfo:
        return RuleInfo(self.code, self.name, self.severity, self.summary, self.rationale,
                        self.pack, self.fix is not None, help_uri(self))


def help_uri(rule: Rule) -> str:
    """The documentation of a built-in rule (the rule reference); "" for a user's pack."""

    builtin = builtin_rules_path() + os.sep  # rule files are found from it, path as given
    return rule_url(rule.code) if rule.source.startswith(builtin) else ""


@dataclass
class Pack:
    name: str
    path: str
    description: str
    applies_always: bool
    title_pattern: Any
    settings: dict[str, Any]
    lets: list[tuple[str, Any]]
    extractors: dict[str, Extractor]
    rules: list[Rule]
    # the document kinds the pack runs on (`applies_to: kind:`): amendments read otherwise
    kinds: tuple[str, ...] = ("resolution", "draft")

    def applies_to(self, title: str | None, item_title: str | None,
                   kind: str = "draft") -> bool:
        """Whether the pack runs on a document of this kind and title (a resolution or a
        draft unless told: amendments have packs of their own)."""
        if kind not in self.kinds:
            return False
        if self.applies_always:
            return True
        if self.title_pattern is None:
            return False
        try:
            return any(t and self.title_pattern.found_in(t) for t in (title, item_title))
        except RegexTimeout as exc:
            BUDGET.report(exc)
            return False


def rule_files(path: str) -> list[str]:
    """A rule file, or the rule files of a folder (not its tests)."""
    if os.path.isdir(path):
        # what Path(path).glob("*.y*ml") gives with suffix .yaml or .yml (pathlib costs
        # ~4 ms to import); a name that is all suffix (".yaml") has none
        names = [n for n in os.listdir(path)
                 if n.endswith((".yaml", ".yml")) and n not in (".yaml", ".yml")]
        # general.yaml first: other packs may use its lets and extractors
        names.sort(key=lambda n: (n.rsplit(".", 1)[0] != "general", n))
        if path == "." or path != os.path.normpath(path):  # "./rules/" as Path writes it
            from pathlib import Path  # only for this spelling: 16 M instructions (callgrind)

            return [str(Path(path, n)) for n in names]
        return [os.path.join(path, n) for n in names]
    return [path]
