"""`reslint test [PATH...] [--coverage]`: run the test cases beside rule packs
(format: docs/rule-tests.md).  Prints one line per problem, then `N passed, M failed`."""

from __future__ import annotations

import argparse
import sys

from reslint.errors import UsageError
from reslint.lint import Ruleset, load_packs
from reslint.paths import display_path
from reslint.resources import builtin_rules_dir
from reslint.ruletest import discover
from reslint.ruletest.case import run_case

EXIT_OK, EXIT_FAILED = 0, 1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="a pack file, a folder of packs, a tests folder or one case "
                        "(default: the built-in packs)")
    p.add_argument("--coverage", action="store_true",
                   help="fail when a rule of the tested packs has no case that makes it fire")
    p.add_argument("--rules", action="append", default=[],
                   help="load another rule file or folder (repeatable)")
    p.add_argument("--verbose", "-v", action="store_true", help="name every case run")


def run(args: argparse.Namespace) -> int:
    builtin = builtin_rules_dir()
    plan = discover.plan(args.paths, builtin)
    packs = load_packs([*plan.extra_packs, *args.rules])
    found = discover.cases(plan, packs)
    if not found:
        where = ", ".join(args.paths) or str(builtin / "tests")
        raise UsageError(f"{where}: no test cases found (see docs/rule-tests.md)")
    rules = [r for p in packs for r in p.rules]
    ruleset = Ruleset(packs, rules)
    names = {key: r.code for r in rules for key in (r.code, r.name)}
    out = sys.stdout
    passed = failed = 0
    covered: set[str] = set()
    for case in found:
        outcome = run_case(case, ruleset, names, display_path(case.draft))
        covered |= outcome.covered
        if outcome.passed:
            passed += 1
            if args.verbose:
                out.write(f"ok {display_path(case.folder)}\n")
        else:
            failed += 1
            out.write("".join(line + "\n" for line in outcome.problems))
    uncovered = []
    if args.coverage:
        tested = discover.tested_packs(plan, packs, found)
        uncovered = [r for p in tested for r in p.rules if r.code not in covered]
        if uncovered:
            listed = ", ".join(f"{r.code} {r.name} ({r.pack})" for r in uncovered)
            word = "rule" if len(uncovered) == 1 else "rules"
            out.write(f"coverage: {len(uncovered)} {word} of the tested packs never fire in "
                      f"a test: {listed}\n")
    out.write(f"{passed} passed, {failed} failed\n")
    return EXIT_FAILED if failed or uncovered else EXIT_OK

