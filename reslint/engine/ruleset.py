"""What a compiled rule pack is: the plain data the runner needs.

Kept apart from the compiler (reslint.engine.rules) so that a run whose packs come from the
cache imports neither YAML nor the schema nor the compiler.
"""

from __future__ import annotations

import os
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.checks import Primitive
from reslint.engine import expr as ex
from reslint.model import RuleInfo

FACT_KEYS = {
    "path", "kind", "style", "symbol", "short_symbol", "symbol_span", "session", "session_word",
    "session_span", "agenda_item", "agenda_span", "title", "title_span", "item_title",
    "adopted", "adopted_year", "adopted_span", "committee", "report", "report_session",
    "report_span", "sponsors", "formula", "formula_span", "preamble", "operative",
    "last_operative", "footnotes", "markers", "citations", "recalled", "recalled_span",
    "recalled_noun", "recalled_noun_span", "symbols", "session_mentions", "next_session",
    "next_session_span", "meeting", "start_span",
    "next_session_word",
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
    """A rule's regex, as the `regex` module (VERSION0) reads it.

    Most rule patterns mean the same to the standard library's `re`, which is already
    imported and costs nothing more to use; importing `regex` costs about a fifth of a
    hook run.  So `re` compiles a pattern when it accepts it without a warning (a warning
    flags syntax the two read differently, such as `[[:alpha:]]`), and `regex` compiles
    the rest (`\\p{Lu}`, possessive quantifiers, variable-width look-behind …)."""
    import re
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return re.compile(source)
        except (re.error, Warning):
            pass
    import regex

    return regex.compile(source, regex.VERSION0)


class LazyPattern:
    """A rule file's regex, compiled on first use and pickled as its source.

    The compiler checks every regex at load time; a run whose packs come from the cache
    compiles only the patterns of the packs that apply to the draft."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str, compiled: Any = None) -> None:
        self.source = source
        self._compiled = compiled

    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = compile_pattern(self.source)
        return self._compiled

    def finditer(self, *args: Any) -> Any:
        return self.compiled().finditer(*args)

    def search(self, *args: Any) -> Any:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> Any:
        return self.compiled().match(*args)

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    @property
    def pattern(self) -> str:
        return self.source

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (LazyPattern, (self.source,))


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
    from reslint.links import rule_url
    from reslint.resources import builtin_rules_path

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
                   kind: str | None = None) -> bool:
        if kind is not None and kind not in self.kinds:
            return False
        if self.applies_always:
            return True
        if self.title_pattern is None:
            return False
        return any(t and self.title_pattern.search(t) for t in (title, item_title))


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
            from pathlib import Path

            return [str(Path(path, n)) for n in names]
        return [os.path.join(path, n) for n in names]
    return [path]
