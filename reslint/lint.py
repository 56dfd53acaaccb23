"""The library pipeline: configuration and packs -> pairing -> reading -> rules ->
suppressions -> severities -> fixes.  Every command, `reslint test`, `reslint diff` and an
editor run the same steps through this module; it takes plain values (never an argparse
`Namespace`), prints nothing and leaves the report to its caller.

A script, a notebook or an editor integration calls it like this::

    from reslint import lint

    for result in lint.check_paths(["drafts/"], previous="last-year.md"):
        for finding in result.findings:
            print(finding.path, finding.span.line, finding.rule, finding.message)

    doc = lint.parse("draft.md")                      # the document model alone
    found = lint.Linter().check_text(buffer, "draft.md").findings   # an unsaved buffer

Errors a user can act on (an unreadable draft, a bad rule file or configuration, an
unknown rule in `select`) are raised as `reslint.errors.ReslintError`, whose message names
the file (and the line): a caller shows it on one line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence

from reslint._dataclass import dataclass, field
from reslint.config import Config, config_for, loadable_packs
from reslint.engine import ruleset as rule_engine
from reslint.engine.ruleset import Pack, Rule, rule_files
from reslint.engine.runner import run_rules
from reslint.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from reslint.library import LIBRARY_SUFFIXES, Library, folder_files, library_for
from reslint.library import from_file as library_file
from reslint.model import Document, Finding, RuleInfo, severity_rank
from reslint.pairing import (
    PairingError,
    find_previous,
    forget_library,
    index_library,
    previous_of_previous,
)
from reslint.parse import parse_file, parse_source
from reslint.resources import builtin_rules_path
from reslint.suppress import apply_suppressions
from reslint.text.docx import is_docx
from reslint.text.source import MAX_BYTES, InputError, SourceText
from reslint.workers import ordered_map

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from reslint.fix import FixResult

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".pdf")
FIX_MODES = ("write", "diff")  # --fix writes the fixed file; --diff returns the patch


# --- reading ---------------------------------------------------------------------------------

def parse(path: str, text: str | None = None, *, max_size: int = MAX_BYTES,
          tracked: str = "accepted") -> Document:
    """The document model of a draft: read from `path`, or from `text` (an editor's unsaved
    buffer) as if it were the file at `path`.  `tracked` matters for Word files only:
    "accepted" or "original" text."""
    if text is None:
        return parse_file(path, max_size, tracked=tracked)
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    return parse_source(SourceText(path, text, newline=newline))


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; a folder gives its drafts (recursively, sorted, hidden folders and
    files skipped), as ruff and yamllint do.  A folder with no draft is a usage error."""
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        found = folder_files(path, DRAFT_SUFFIXES)
        if not found:
            raise UsageError(f"{path}: a folder with no draft (.md, .markdown, .txt, .docx, .pdf)")
        out += found
    return out


# --- rules -----------------------------------------------------------------------------------

@dataclass
class Ruleset:
    packs: list[Pack]  # every loaded pack (general first)
    rules: list[Rule]  # the selected rules of those packs
    # what rules_for chose, by the draft's (title, agenda item title, kind): the packs, their
    # rules and the rules' descriptions; many drafts of a folder share a title, and each
    # file asked it twice (1.2 k title tests of 19 k on the 618 texts of ../shared/ga)
    chosen: dict[tuple[str | None, str | None, str], Chosen] = field(
        default_factory=dict, repr=False, compare=False)
    # the same, by the applicable packs' names: most titles are a run's only one, and share
    # one of a few choices (one Chosen each, not one a title: a worker's memory stays flat)
    choices: dict[tuple[str, ...], Chosen] = field(
        default_factory=dict, repr=False, compare=False)
    infos: dict[str, RuleInfo] = field(default_factory=dict, repr=False, compare=False)
    names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def known(self) -> dict[str, str]:
        """Every loaded rule's code and name (what suppressions may name), built once."""
        if not self.names:
            self.names.update((r.code, r.name) for p in self.packs for r in p.rules)
        return self.names

    def info(self, rule: Rule) -> RuleInfo:
        """The rule's description, built once a run: the same object for every file, so a
        worker's batch of reports pickles each description once."""
        found = self.infos.get(rule.code)
        if found is None:
            found = self.infos[rule.code] = rule.info()
        return found


@dataclass(frozen=True)
class Chosen:
    """The packs that apply to a draft, their selected rules, and the rules' descriptions."""

    packs: list[Pack]
    rules: list[Rule]
    infos: dict[str, RuleInfo]


def load_packs(extra: Sequence[str] = (), plugin_names: Sequence[str] | None = None
               ) -> list[Pack]:
    """The built-in packs (general first: the others build on its facts), then `extra`
    (rule files or folders, from --rules or the configuration), in that order."""
    from reslint.engine.cache import cached  # the pack cache: only where packs are loaded

    files = sorted(rule_files(builtin_rules_path()), key=lambda f: _stem(f) != "general")
    for path in extra:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such rule file or folder")
        files.extend(rule_files(path))
    names = list(plugin_names or [])
    packs: list[Pack] = cached(files, names, lambda: _compile_packs(files, names))
    return packs


def _stem(path: str) -> str:
    """`Path(path).stem`, without importing pathlib."""
    name = os.path.basename(path.rstrip(os.sep))
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _compile_packs(files: list[str], plugin_names: list[str]) -> list[Pack]:
    from reslint.checks import load_plugins
    from reslint.engine.rules import load_pack
    from reslint.engine.yamlload import LocatedError

    plugins = load_plugins(plugin_names)
    packs: list[Pack] = []
    lets: set[str] = set()
    extractors: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for path in files:
        pack = load_pack(path, plugins, lets, extractors)
        for rule in pack.rules:
            for key in (rule.code, rule.name):
                if key in seen:
                    raise LocatedError(path, rule.line, getattr(rule, "column", None),
                                       f"duplicate rule {key!r} (also in {seen[key]})")
                seen[key] = f"{path}:{rule.line}"
        lets.update(name for name, _ in pack.lets)
        extractors.update(pack.extractors)
        packs.append(pack)
    return packs


def rule_matches(rule: Rule, item: str) -> bool:
    """Whether a select/ignore item names `rule`: a code, a code prefix, or its name."""
    return rule.code.startswith(item) or rule.name == item


def find_rule(rules: Iterable[Rule], wanted: str) -> Rule:
    """The rule whose code (in any case) or name is `wanted`: what `explain` and an
    editor's hover look up.  An unknown one is a usage error with a suggestion."""
    from reslint.engine.schema import did_you_mean

    rules = list(rules)
    for rule in rules:
        if wanted in (rule.code, rule.name) or wanted.upper() == rule.code:
            return rule
    choices = [r.code for r in rules] + [r.name for r in rules]
    raise UsageError(f"unknown rule {wanted!r}{did_you_mean(wanted, choices)} "
                     "(list them with 'reslint rules')")


def names_a_rule(rules: Iterable[Rule], item: str) -> bool:
    return any(rule_matches(r, item) for r in rules)


def select_rules(packs: Sequence[Pack], select: Sequence[str], ignore: Sequence[str]
                 ) -> list[Rule]:
    """The rules `select` keeps (all when empty) that `ignore` does not drop."""
    rules = [r for p in packs for r in p.rules]
    for item in [*select, *ignore]:
        if not names_a_rule(rules, item):
            raise UsageError(f"unknown rule {item!r} in select/ignore")

    def named(rule: Rule, items: Sequence[str]) -> bool:
        return any(rule_matches(rule, i) for i in items)

    return [r for r in rules if (not select or named(r, select)) and not named(r, ignore)]


def check_config_names(config: Config, packs: Sequence[Pack]) -> None:
    """Rule codes, names and settings in the configuration must exist: a typo there would
    silently select, ignore or set nothing.  The error points into the config file."""
    from reslint.engine.schema import did_you_mean

    rules = [r for p in packs for r in p.rules]
    words = {r.code for r in rules} | {r.name for r in rules}
    settings = {k for p in packs for k in p.settings}
    data = config.located.data if config.located else {}
    scopes = [((), data)] + [(("per-path", i), e) for i, e in enumerate(data.get("per-path")
                                                                          or [])]
    for at, scope in scopes:
        for key in ("select", "ignore"):
            for i, item in enumerate(scope.get(key) or []):
                if not names_a_rule(rules, item):
                    raise config.error((*at, key, i), f"unknown rule {item!r} in {key}"
                                       f"{did_you_mean(item, words)}")
        for item in scope.get("severity") or {}:
            if item not in words:
                raise config.error((*at, "severity", item), f"unknown rule {item!r} in "
                                   f"severity{did_you_mean(item, words)}", key=True)
        for item in scope.get("settings") or {}:
            if item not in settings:
                raise config.error((*at, "settings", item), f"unknown setting {item!r}"
                                   f"{did_you_mean(item, settings)}", key=True)


# --- one document ----------------------------------------------------------------------------

def rules_for(ruleset: Ruleset, draft: Document) -> tuple[list[Pack], list[Rule]]:
    """The packs that apply to this draft (by its kind and title) and their selected rules: the
    rules that run on it (what SARIF lists)."""
    chosen = choose_rules(ruleset, draft)
    return chosen.packs, chosen.rules


def choose_rules(ruleset: Ruleset, draft: Document) -> Chosen:
    """rules_for, with the rules' descriptions, once per title and kind in a run (not kept
    when a title pattern timed out: that is reported for each draft it concerns)."""
    title, item = draft.heading.title, draft.heading.item_title
    key = (title, item, draft.kind)
    found = ruleset.chosen.get(key)
    if found is not None:
        return found
    timeouts = len(rule_engine.BUDGET.reported)
    applicable = [p for p in ruleset.packs if p.applies_to(title, item, draft.kind)]
    which = tuple(p.name for p in applicable)
    found = ruleset.choices.get(which)
    if found is None:
        names = set(which)
        rules = [r for r in ruleset.rules if r.pack in names]
        found = Chosen(applicable, rules, {r.code: ruleset.info(r) for r in rules})
        ruleset.choices[which] = found
    if len(rule_engine.BUDGET.reported) == timeouts:
        ruleset.chosen[key] = found
    return found


def lint_document(draft: Document, previous: Document | None, ruleset: Ruleset,
                  config: Config, previous_reason: str = "",
                  library: dict[str, Any] | None = None,
                  before: Document | None = None) -> list[Finding]:
    """Run the rules on one parsed draft, apply its inline suppressions, then report the
    problems of those suppressions (the late `suppressions` rules) and the configured
    severities.  The findings come sorted.  `library`: the adopted texts at hand, by
    symbol (reslint.library), that citations are checked against; `before`: the
    previous's own previous (the library's), from which the series' habits are known."""
    applicable, rules = rules_for(ruleset, draft)
    early = [r for r in rules if r.check != "suppressions"]
    late = [r for r in rules if r.check == "suppressions"]
    extra: dict[str, Any] = {"previous_reason": previous_reason} if previous_reason else {}
    if library:
        extra["library"] = library
    if before is not None and previous is not None:
        extra["before"] = before
    if draft.kind == "amendment":  # its "previous" is the draft it amends
        from reslint.amend.facts import amendment_facts

        extra["amendment"] = amendment_facts(draft, previous, previous_reason)
    findings = run_rules(draft, previous, applicable, early, config.settings, extra)
    findings, problems = apply_suppressions(draft, findings, ruleset.known(),
                                            {r.code for r in early})
    if late and (problems["unknown"] or problems["unused"]):
        findings += run_rules(draft, previous, applicable, late, config.settings,
                              {**extra, "suppressions": problems})
        findings.sort(key=Finding.sort_key)
    for finding in findings:
        override = config.severity.get(finding.rule) or config.severity.get(finding.name)
        if override:
            finding.severity = override
    return findings


def fix_document(draft: Document, findings: list[Finding], previous: Document | None,
                 ruleset: Ruleset, config: Config, previous_reason: str = "",
                 unsafe: bool = False, library: dict[str, Any] | None = None,
                 before: Document | None = None) -> FixResult:
    """The draft's text after its fixes, pass after pass (each pass checked again as
    `lint_document` checks), in memory: nothing is written."""
    from reslint.fix import fix_text  # fixes cost nothing on a plain check

    def lint(doc: Document) -> list[Finding]:
        return lint_document(doc, previous, ruleset, config, previous_reason, library,
                             before)

    return fix_text(draft, findings, lint, unsafe)


# --- many files ------------------------------------------------------------------------------

@dataclass
class FileResult:
    """What checking one file gave: its findings (after --fix, those that remain), how many
    findings its fixes removed, the patch (fix mode "diff") and notes for the user (why a
    file was not fixed), each one line naming the file."""

    path: str
    document: Document
    findings: list[Finding]
    rules: dict[str, RuleInfo]  # the description of each rule that ran on it, by code
    previous: Document | None = None
    previous_reason: str = ""  # how the previous resolution was found, or why it was not
    before: Document | None = None  # the previous's own previous, when the library holds it
    fixed: int = 0
    patch: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class FileReport:
    """What a report needs of one checked file, in plain values: the findings and the rules
    that ran, the notes, the patch, and how the previous resolution was found.  This is what
    a worker process sends back (a parsed Document is ten times the size of its text), and
    `error` is the one line of a file that could not be checked while the others were."""

    path: str
    findings: list[Finding]
    rules: dict[str, RuleInfo]
    notes: list[str] = field(default_factory=list)
    patch: str = ""
    fixed: int = 0
    previous: str | None = None  # the path of the previous resolution used, if any
    previous_reason: str = ""
    error: str = ""
    rule_error: bool = False  # a rule file's pattern timed out on it (an exit-2 condition)

    @classmethod
    def of(cls, result: FileResult) -> FileReport:
        previous = result.previous.path if result.previous is not None else None
        return cls(result.path, result.findings, result.rules, result.notes, result.patch,
                   result.fixed, previous, result.previous_reason)


# Errors that concern one file (unreadable, not a resolution, its previous not found): the
# run reports them and goes on with the others, as ruff does.  A broken rule pack or
# configuration is every file's error and stops the run.
FILE_ERRORS = (InputError, PairingError)


class Linter:
    """Checks files with their configurations; files that share a configuration share its
    loaded packs (pre-commit passes many files at once).

    `config` replaces the discovered `.reslint.yaml`; `rules` adds rule files or folders;
    `select` (when not empty) replaces the configuration's selection and `ignore` adds to
    it, as on the command line."""

    def __init__(self, *, config: str | None = None, rules: Sequence[str] = (),
                 select: Sequence[str] = (), ignore: Sequence[str] = (),
                 max_size: int = MAX_BYTES, tracked: str = "accepted",
                 fetch: bool = False) -> None:
        self.config_path = config
        self.fetch = fetch  # download a previous or amended draft named by its symbol
        self.extra_rules = list(rules)
        self.select = list(select)
        self.ignore = list(ignore)
        self.max_size = max_size
        self.tracked = tracked
        self._rulesets: dict[tuple[Any, ...], Ruleset] = {}
        self._checked: set[tuple[Any, ...]] = set()
        # adopted texts named in this run (the files checked together): a library too
        self.known = Library()
        rule_engine.BUDGET.new_run()  # a pattern that timed out in an earlier run is tried again

    def config(self, path: str) -> Config:
        """The effective configuration for the file at `path`."""
        return config_for(path, self.config_path)

    def ruleset(self, config: Config) -> Ruleset:
        key = (tuple(config.packs), tuple(config.plugins), tuple(config.select),
               tuple(config.ignore))
        if key not in self._rulesets:
            # the same pack named by the config and by --rules loads once
            extra = {os.path.realpath(p): p for p in [*loadable_packs(config),
                                                       *self.extra_rules]}
            packs = load_packs(list(extra.values()), config.plugins)
            if config.path is not None:  # a typo is located in the config, not reported bare
                check_config_names(config, packs)
                self._checked.add((config.path, tuple(config.per_path)))
            select = self.select or config.select
            ignore = [*config.ignore, *self.ignore]
            self._rulesets[key] = Ruleset(packs, select_rules(packs, select, ignore))
        check = (config.path, tuple(config.per_path))
        if config.path is not None and check not in self._checked:
            check_config_names(config, self._rulesets[key].packs)
            self._checked.add(check)
        return self._rulesets[key]

    def check_file(self, path: str, previous: str | None = None, *,
                   document: Document | None = None, fix: str | None = None,
                   unsafe_fixes: bool = False, amends: str | None = None) -> FileResult:
        """Check the draft at `path` (already parsed: `document`) against `previous` (a
        path or git:REV:PATH; None: found as the configuration says).  `fix`: None,
        "write" (fix the file in place) or "diff" (return the fixes as a patch).  An
        amendment is checked against the draft it amends: `amends`, else found as
        reslint.amend.find says."""
        config = self.config(path)
        ruleset = self.ruleset(config)
        draft = document if document is not None else parse_file(path, self.max_size,
                                                                 tracked=self.tracked)
        if draft.kind == "amendment":
            from reslint.amend.find import find_amended

            prev, why = find_amended(path, amends, config, draft, self.max_size, self.fetch)
        else:
            prev, why = find_previous(path, previous, config, draft, self.max_size,
                                      self.fetch)
        before = previous_of_previous(prev, config, self.max_size) if prev else None
        findings = lint_document(draft, prev, ruleset, config, why,
                                 self.library_facts(config, prev, draft), before)
        ran = choose_rules(ruleset, draft).infos
        result = FileResult(path, draft, findings, dict(ran), prev, why)
        result.before = before
        result.notes.extend(rule_engine.BUDGET.take_notes())  # a rule's regex that timed out, once
        if fix is not None:
            if fix not in FIX_MODES:
                raise ValueError(f"fix mode {fix!r}: expected one of {FIX_MODES}")
            self._fix(result, ruleset, config, fix, unsafe_fixes)
        return result

    def add_known(self, paths: Iterable[str]) -> None:
        """The adopted texts among the files of this run are at hand for the others (an
        official PDF by its first page: reslint.library.from_pdf)."""
        for path in paths:
            if path.lower().endswith(LIBRARY_SUFFIXES):
                self.known.add(library_file(path))
            elif path.lower().endswith(".pdf"):
                from reslint.library import from_pdf

                self.known.add(from_pdf(path))

    def library_facts(self, config: Config, *docs: Document | None) -> dict[str, Any]:
        """The adopted texts at hand for one draft: the configured library folder, the
        files of this run, the previous resolution (and the draft, when adopted)."""
        facts = library_for(config.library).facts(*docs)
        for symbol, record in self.known.facts().items():
            facts.setdefault(symbol, record)
        return facts

    def check_text(self, text: str, path: str, previous: str | None = None) -> FileResult:
        """Check `text` as if it were the file at `path` (its configuration, its pairing):
        what an editor checks before the buffer is saved."""
        return self.check_file(path, previous, document=parse(path, text))

    def check_paths(self, paths: Iterable[str], previous: str | None = None, *,
                    fix: str | None = None, unsafe_fixes: bool = False,
                    amends: str | None = None) -> Iterator[FileResult]:
        """Each file of `paths` (folders expanded to their drafts), checked in turn."""
        files = expand_paths(paths)
        self.add_known(files)
        for path in files:
            yield self.check_file(path, previous, fix=fix, unsafe_fixes=unsafe_fixes,
                                  amends=amends)

    def report_paths(self, paths: Iterable[str], previous: str | None = None, *,
                     fix: str | None = None, unsafe_fixes: bool = False,
                     amends: str | None = None, jobs: int | None = None
                     ) -> Iterator[FileReport]:
        """Each file of `paths` checked, on `jobs` processes (None: every CPU), reported in
        the files' order.  A file that cannot be checked (FILE_ERRORS) gives a report with
        its `error` and the others go on; the packs and the library are loaded here, once,
        before the workers start."""
        files = expand_paths(paths)
        self.add_known(files)
        try:
            for path in files[:1]:  # what the workers share: compiled packs, the library
                config = self.config(path)
                self.ruleset(config)
                library_for(config.library)
                index_library(config.library)  # pairing's listing and texts, read once

            def one(path: str) -> FileReport:
                return self.report_of(lambda: self.check_file(
                    path, previous, fix=fix, unsafe_fixes=unsafe_fixes, amends=amends), path)

            yield from ordered_map(one, files, jobs)
        finally:
            forget_library()

    def report_of(self, check: Callable[[], FileResult], path: str = "-") -> FileReport:
        """The report of one check: its error line when the file could not be checked
        (FILE_ERRORS), and whether a rule file's pattern timed out on it."""
        timeouts = len(rule_engine.BUDGET.reported)
        try:
            report = FileReport.of(check())
        except FILE_ERRORS as exc:
            return FileReport(path, [], {}, error=str(exc))
        report.rule_error = len(rule_engine.BUDGET.reported) > timeouts
        return report

    def _fix(self, result: FileResult, ruleset: Ruleset, config: Config, mode: str,
             unsafe: bool) -> None:
        """--diff keeps the findings as they were (same exit code) and gives the patch;
        --fix writes the file and keeps what remains.  A file not fixed says why."""
        from reslint.fix import FixError, unified_diff, write_fixed

        path = result.path
        if mode == "write" and is_docx(path):
            result.notes.append(f"{path}: not fixed: reslint does not write Word files; "
                                "--diff shows the fixes on its Markdown export")
            return
        if mode == "write" and path.lower().endswith(".pdf"):
            result.notes.append(f"{path}: not fixed: reslint does not write PDF files; "
                                "fix the draft it was made from")
            return
        fixed = fix_document(result.document, result.findings, result.previous, ruleset,
                             config, result.previous_reason, unsafe,
                             self.library_facts(config, result.previous, result.document),
                             result.before)
        if fixed.refused:
            result.notes.append(f"{path}: not fixed: {fixed.refused}")
            return
        if not fixed.changed:
            return
        if mode == "diff":
            result.patch = unified_diff(path, fixed.original, fixed.text)
            return
        try:
            write_fixed(path, result.document.source, fixed.text)
        except FixError as exc:
            result.notes.append(str(exc))
            return
        result.findings, result.fixed = fixed.findings, fixed.fixed


def check_paths(paths: Iterable[str], previous: str | None = None, *,
                config: str | None = None, rules: Sequence[str] = (),
                select: Sequence[str] = (), ignore: Sequence[str] = (),
                fix: str | None = None, unsafe_fixes: bool = False,
                max_size: int = MAX_BYTES, tracked: str = "accepted") -> list[FileResult]:
    """Check every draft of `paths` as `reslint check` does (same keywords as its
    options); one `FileResult` per file, in order."""
    linter = Linter(config=config, rules=rules, select=select, ignore=ignore,
                    max_size=max_size, tracked=tracked)
    return list(linter.check_paths(paths, previous, fix=fix, unsafe_fixes=unsafe_fixes))


def exit_code(findings: Iterable[Finding], fail_on: str = "warning",
              exit_zero: bool = False) -> int:
    """1 when a finding is at or above `fail_on` (info, warning, error; never: no finding
    fails), else 0."""
    if exit_zero or fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    return EXIT_FINDINGS if failing else EXIT_OK
