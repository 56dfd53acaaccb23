"""`reslint check`: parse, pair with the previous resolution, run the packs, report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reslint import __version__
from reslint.checks import PluginError, load_plugins
from reslint.engine.rules import Pack, Rule, load_pack, rule_files
from reslint.engine.runner import RuleRuntimeError, run_rules
from reslint.engine.yamlload import LocatedError
from reslint.model import Finding, severity_rank
from reslint.parse import parse_file
from reslint.text.source import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def builtin_rules_dir() -> Path:
    try:
        from reslint.resources import builtin_rules_dir as find
    except ImportError:  # the resources module is optional in a source checkout
        return Path(__file__).resolve().parents[2] / "rules"
    return find()


def load_packs(extra: list[str], plugin_names: list[str] | None = None) -> list[Pack]:
    """The built-in packs, then the ones given with --rules, in that order."""
    try:
        plugins = load_plugins(plugin_names or [])
    except PluginError as exc:
        raise UsageErrorWithCode(str(exc)) from None
    # The general pack first: series packs build on its facts (cross, period, gap).
    files = sorted(rule_files(str(builtin_rules_dir())), key=lambda f: Path(f).stem != "general")
    for path in extra:
        if not os.path.exists(path):
            raise UsageErrorWithCode(f"{path}: no such rule file or folder")
        files.extend(rule_files(path))
    packs: list[Pack] = []
    lets: set[str] = set()
    extractors: dict = {}
    seen: dict[str, str] = {}
    for path in files:
        pack = load_pack(path, plugins, lets, extractors)
        for rule in pack.rules:
            for key in (rule.code, rule.name):
                if key in seen:
                    raise LocatedError(path, rule.line, None,
                                       f"duplicate rule {key!r} (also in {seen[key]})")
                seen[key] = f"{path}:{rule.line}"
        lets.update(name for name, _ in pack.lets)
        extractors.update(pack.extractors)
        packs.append(pack)
    return packs


class UsageErrorWithCode(Exception):
    pass


def select_rules(packs: list[Pack], select: str | None, ignore: str | None) -> list[Rule]:
    rules = [r for p in packs for r in p.rules]
    known = {r.code for r in rules} | {r.name for r in rules}

    def names(spec: str | None) -> set[str]:
        items = {s.strip() for s in (spec or "").split(",") if s.strip()}
        for item in items:
            if item not in known and not any(r.code.startswith(item) for r in rules):
                raise UsageErrorWithCode(f"unknown rule {item!r} in --select/--ignore")
        return items

    def matches(rule: Rule, items: set[str]) -> bool:
        return any(rule.code.startswith(i) or rule.name == i for i in items)

    chosen, dropped = names(select), names(ignore)
    return [r for r in rules if (not chosen or matches(r, chosen)) and not matches(r, dropped)]


def check_file(path: str, previous: str | None, packs: list[Pack], rules: list[Rule],
               max_size: int, settings: dict | None = None) -> list[Finding]:
    draft = parse_file(path, max_size)
    prev = parse_file(previous, max_size) if previous else None
    applicable = [p for p in packs if p.applies_to(draft.heading.title, draft.heading.item_title)]
    names = {p.name for p in applicable}
    return run_rules(draft, prev, applicable, [r for r in rules if r.pack in names],
                     settings or {})


def run_check(args: argparse.Namespace) -> int:
    from reslint.report import Summary, render

    try:
        packs = load_packs(args.rules)
        rules = select_rules(packs, args.select, args.ignore)
    except (LocatedError, UsageErrorWithCode) as exc:
        print(f"reslint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    findings: list[Finding] = []
    for path in args.files:
        try:
            findings.extend(check_file(path, args.previous, packs, rules, args.max_size))
        except InputError as exc:
            print(f"reslint: {exc}", file=sys.stderr)
            return EXIT_ERROR
        except RuleRuntimeError as exc:
            print(f"reslint: {exc}", file=sys.stderr)
            return EXIT_ERROR
    infos = {r.code: r.info() for r in rules}
    try:
        report = render(args.format, findings, infos, root=os.getcwd(), tool_version=__version__,
                        summary=Summary(files=len(args.files)), files=list(args.files))
    except ValueError as exc:
        print(f"reslint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        sys.stdout.write(report)
    return exit_code(findings, args.fail_on or "warning", args.exit_zero)


def exit_code(findings: list[Finding], fail_on: str, exit_zero: bool) -> int:
    if exit_zero or fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(fail_on)
    failing = any(severity_rank(f.severity) >= threshold for f in findings)
    return EXIT_FINDINGS if failing else EXIT_OK
