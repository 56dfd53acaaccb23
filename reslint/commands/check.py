"""`reslint check`: configuration -> pairing -> parse -> rules -> suppressions -> fixes
-> report.  Each stage is a function of its own module; this one only runs them in order."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from reslint._dataclass import dataclass
from reslint.commands.options import add_max_size, add_tracked
from reslint.config import Config, config_for
from reslint.engine.ruleset import Pack, Rule, rule_files
from reslint.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from reslint.model import Document, Finding, severity_rank

if TYPE_CHECKING:  # pathlib costs ~4 ms to import: the check itself works on str paths
    from pathlib import Path



def add_arguments(c: argparse.ArgumentParser) -> None:
    c.add_argument("files", nargs="+", metavar="DRAFT",
                   help="draft files, or folders (their .md, .markdown, .txt and .docx files)")
    c.add_argument("--previous", help="the previous resolution (a path, or git:REV:PATH)")
    c.add_argument("--format", default="full",
                   help="full (or text), concise, json, sarif, github, junit, markdown")
    c.add_argument("--output-file", "-o", help="write the report here instead of stdout")
    c.add_argument("--select", help="comma-separated codes, prefixes or names to run (only these)")
    c.add_argument("--ignore", help="comma-separated codes, prefixes or names to skip")
    c.add_argument("--rules", action="append", default=[], help="add a rule file or folder")
    c.add_argument("--fail-on", choices=("info", "warning", "error", "never"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    c.add_argument("--config", help="use this configuration file instead of discovering one")
    c.add_argument("--fix", action="store_true", help="apply safe fixes")
    c.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    c.add_argument("--diff", action="store_true", help="print the fixes as a diff; write nothing")
    add_max_size(c)
    add_tracked(c)


def builtin_rules_dir() -> Path:
    from reslint.resources import builtin_rules_dir as find

    return find()


@dataclass
class Ruleset:
    packs: list[Pack]
    rules: list[Rule]


def load_packs(extra: list[str], plugin_names: list[str] | None = None) -> list[Pack]:
    """The built-in packs (general first: the others build on its facts), then the ones
    given with --rules or the configuration, in that order."""
    from reslint.engine.cache import cached
    from reslint.resources import builtin_rules_path

    files = sorted(rule_files(builtin_rules_path()), key=lambda f: _stem(f) != "general")
    for path in extra:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such rule file or folder")
        files.extend(rule_files(path))
    names = list(plugin_names or [])
    return cached(files, names, lambda: _compile_packs(files, names))


def _stem(path: str) -> str:
    """`Path(path).stem`, without importing pathlib."""
    name = os.path.basename(path.rstrip(os.sep))
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _compile_packs(files: list[str], plugin_names: list[str]) -> list[Pack]:
    from reslint.checks import load_plugins
    from reslint.engine.rules import load_pack

    plugins = load_plugins(plugin_names)
    packs: list[Pack] = []
    lets: set[str] = set()
    extractors: dict = {}
    seen: dict[str, str] = {}
    for path in files:
        pack = load_pack(path, plugins, lets, extractors)
        for rule in pack.rules:
            for key in (rule.code, rule.name):
                if key in seen:
                    from reslint.engine.yamlload import LocatedError

                    raise LocatedError(path, rule.line, getattr(rule, "column", None),
                                       f"duplicate rule {key!r} (also in {seen[key]})")
                seen[key] = f"{path}:{rule.line}"
        lets.update(name for name, _ in pack.lets)
        extractors.update(pack.extractors)
        packs.append(pack)
    return packs


def select_rules(packs: list[Pack], select: list[str], ignore: list[str]) -> list[Rule]:
    rules = [r for p in packs for r in p.rules]

    def check_known(items: list[str]) -> None:
        for item in items:
            if not any(r.code.startswith(item) or r.name == item for r in rules):
                raise UsageError(f"unknown rule {item!r} in select/ignore")

    def matches(rule: Rule, items: list[str]) -> bool:
        return any(rule.code.startswith(i) or rule.name == i for i in items)

    check_known(select)
    check_known(ignore)
    return [r for r in rules if (not select or matches(r, select)) and not matches(r, ignore)]


def _split(spec: str | None) -> list[str]:
    return [s.strip() for s in (spec or "").split(",") if s.strip()]


class RulesetCache:
    """Files that share a configuration share its loaded packs (pre-commit passes many)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.cache: dict[tuple, Ruleset] = {}
        self.checked: set[tuple] = set()

    def get(self, config: Config) -> Ruleset:
        from reslint.config import loadable_packs

        key = (tuple(config.packs), tuple(config.plugins), tuple(config.select),
               tuple(config.ignore))
        if key not in self.cache:
            # the same pack named by the config and by --rules loads once
            extra = {os.path.realpath(p): p for p in [*loadable_packs(config), *self.args.rules]}
            packs = load_packs(list(extra.values()), config.plugins)
            if config.path is not None:  # a typo is located in the config, not reported bare
                check_config_names(config, packs)
                self.checked.add((config.path, tuple(config.per_path)))
            select = _split(self.args.select) or config.select
            ignore = [*config.ignore, *_split(self.args.ignore)]
            self.cache[key] = Ruleset(packs, select_rules(packs, select, ignore))
        check = (config.path, tuple(config.per_path))
        if config.path is not None and check not in self.checked:
            check_config_names(config, self.cache[key].packs)
            self.checked.add(check)
        return self.cache[key]


def check_config_names(config: Config, packs: list[Pack]) -> None:
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
                if not any(r.code.startswith(item) or r.name == item for r in rules):
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


def check_file(path: str, previous: str | Document | None, ruleset: Ruleset, config: Config,
               max_size: int, previous_reason: str = "",
               draft: Document | None = None) -> tuple[Document, list[Finding]]:
    """Run the rules on one draft, apply its inline suppressions, then report the problems
    of those suppressions (the late `suppressions` rules) and the configured severities."""
    from reslint.engine.runner import run_rules
    from reslint.parse import parse_file
    from reslint.suppress import apply_suppressions

    if draft is None:
        draft = parse_file(path, max_size)
    prev = parse_file(previous, max_size) if isinstance(previous, str) else previous
    title, item = draft.heading.title, draft.heading.item_title
    applicable = [p for p in ruleset.packs if p.applies_to(title, item)]
    names = {p.name for p in applicable}
    rules = [r for r in ruleset.rules if r.pack in names]
    early = [r for r in rules if r.check != "suppressions"]
    late = [r for r in rules if r.check == "suppressions"]
    extra = {"previous_reason": previous_reason} if previous_reason else {}
    findings = run_rules(draft, prev, applicable, early, config.settings, extra)
    known = {r.code: r.name for p in ruleset.packs for r in p.rules}
    findings, problems = apply_suppressions(draft, findings, known, {r.code for r in early})
    if late and (problems["unknown"] or problems["unused"]):
        findings += run_rules(draft, prev, applicable, late, config.settings,
                              {**extra, "suppressions": problems})
        findings.sort(key=Finding.sort_key)
    for finding in findings:
        override = config.severity.get(finding.rule) or config.severity.get(finding.name)
        if override:
            finding.severity = override
    return draft, findings


def run(args: argparse.Namespace) -> int:
    from reslint import __version__
    from reslint.pairing import find_previous
    from reslint.parse import parse_file
    from reslint.report import Summary, render

    cache = RulesetCache(args)
    findings: list[Finding] = []
    infos = {}
    fixed = 0  # findings --fix removed
    args.files = expand_paths(args.files)
    for path in args.files:
        config = config_for(path, args.config)
        ruleset = cache.get(config)
        infos.update({r.code: r.info() for r in ruleset.rules})
        draft = parse_file(path, args.max_size, tracked=args.tracked)
        previous, why = find_previous(path, args.previous, config, draft, args.max_size)
        _, found = check_file(path, previous, ruleset, config, args.max_size, why, draft)
        # --- fixes: --fix writes them, --diff prints them (reslint.fix) ----------------------
        if args.fix or args.diff:
            from functools import partial

            from reslint.fix import fix_and_recheck

            lint = partial(check_file, path, previous, ruleset, config, args.max_size, why)
            found, done = fix_and_recheck(path, draft, found, lint, args)
            fixed += done
        # --- end of fixes ----------------------------------------------------------------------
        findings.extend(found)
    try:
        report = render(args.format, findings, infos, root=os.getcwd(), tool_version=__version__,
                        summary=Summary(files=len(args.files), fixed=fixed,
                                        fixable=0 if args.diff else _fixable(findings)),
                        files=list(args.files))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:  # after --diff, stdout holds the patch alone
        (sys.stderr if args.diff else sys.stdout).write(report)
    return exit_code(findings, args.fail_on or "warning", args.exit_zero)


DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a folder gives its drafts (recursively, sorted, hidden folders and
    files skipped), as ruff and yamllint do.  A folder with no draft is a usage error."""
    out: list[str] = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        found = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(folder, n) for n in sorted(names)
                      if n.lower().endswith(DRAFT_SUFFIXES) and not n.startswith(".")]
        if not found:
            raise UsageError(f"{path}: a folder with no draft (.md, .markdown, .txt, .docx)")
        out += found
    return out


def _fixable(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.fix is not None and f.fix.safe)


def exit_code(findings: list[Finding], fail_on: str, exit_zero: bool) -> int:
    if exit_zero or fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    return EXIT_FINDINGS if failing else EXIT_OK
