"""`reslint explain CODE|NAME`: what a rule checks, why, an example that fails and one that
passes, and the rule exactly as its YAML file writes it.  `reslint explain --functions`:
the rule language (operators, every function a rule may call)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from reslint.engine.expr.reference import functions_reference
from reslint.engine.ruleset import Rule
from reslint.errors import UsageError
from reslint.lint import find_rule, load_packs
from reslint.paths import display_path
from reslint.ruletest.annotations import read_annotations
from reslint.ruletest.case import SUFFIXES


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", metavar="CODE|NAME", nargs="?",
                   help="a rule code (RES201) or name (count-sum)")
    p.add_argument("--functions", action="store_true",
                   help="describe the rule language: its operators and every function")
    p.add_argument("--rules", action="append", default=[],
                   help="also load this rule file or folder (repeatable)")


def run(args: argparse.Namespace) -> int:
    if args.functions:
        sys.stdout.write(functions_reference())
        return 0
    if args.rule is None:
        raise UsageError("name a rule (reslint explain RES201), or give --functions")
    packs = load_packs(args.rules)
    rules = [r for p in packs for r in p.rules]
    rule = find_rule(rules, args.rule)
    sys.stdout.write(explain(rule, rules))
    return 0


def explain(rule: Rule, rules: list[Rule]) -> str:
    fixable = "fixable" if rule.fix else "not fixable"
    out = [f"{rule.code} {rule.name} ({rule.pack} pack, {rule.severity}, {fixable})", "",
           rule.summary, ""]
    if rule.rationale:
        out += [*textwrap.wrap("Why: " + rule.rationale, 88), ""]
    fail, passing = rule.examples.get("fail"), rule.examples.get("pass")
    if fail is None or passing is None:
        found = examples_from_tests(rule, rules)
        fail = fail if fail is not None else found.get("fail")
        passing = passing if passing is not None else found.get("pass")
    out += ["Fails:", _indent(fail or "(no example: the rule has no 'examples' and no test "
                              "case that expects it)"), ""]
    out += ["Passes:", _indent(passing or "(no example)"), ""]
    out += [f"Defined in {display_path(rule.source)}:{rule.line}:", "", rule_yaml(rule, rules)]
    return "\n".join(out).rstrip("\n") + "\n"


def _indent(text: str) -> str:
    return textwrap.indent(text.rstrip("\n"), "    ")


def rule_yaml(rule: Rule, rules: list[Rule]) -> str:
    """The rule's lines as written: from its first line to the next rule of the same file
    (or the end of the file), without the blank and comment lines that lead into the next."""
    lines = Path(rule.source).read_text(encoding="utf-8").splitlines()
    later = [r.line for r in rules if r.source == rule.source and r.line > rule.line]
    end = min(later) - 1 if later else len(lines)
    piece = lines[rule.line - 1 : end]
    if later and piece and piece[-1].lstrip().startswith("- "):
        piece.pop()  # the next rule's own "- code:" line, when its key is not first
    while piece and (not piece[-1].strip() or piece[-1].lstrip().startswith("#")):
        piece.pop()
    return "\n".join(piece) + "\n"


def examples_from_tests(rule: Rule, rules: list[Rule]) -> dict[str, str]:
    """A failing example: the line an `expect:` of the rule points at in its pack's tests;
    a passing one: the line an `ok:` points at.  Each shown with its file and line."""
    tests = Path(rule.source).parent / "tests" / rule.pack
    if not tests.is_dir():
        return {}
    names = {key: r.code for r in rules for key in (r.code, r.name)}
    found: dict[str, str] = {}
    drafts = sorted(p for s in SUFFIXES for p in tests.glob(f"*/draft{s}"))
    for draft in drafts:
        lines = draft.read_text(encoding="utf-8").splitlines()
        expectations, _ = read_annotations(lines, names)
        for e in expectations:
            key = "fail" if e.kind == "expect" else "pass"
            if e.rule == rule.code and key not in found:
                comment = lines[e.comment_line - 1].strip()
                found[key] = (f"{display_path(draft)}:{e.line}\n{comment}\n"
                              f"{lines[e.line - 1].strip()}")
        if len(found) == 2:
            break
    return found
