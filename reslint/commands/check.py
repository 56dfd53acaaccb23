"""`reslint check`: the command line of the library pipeline (reslint.lint), which
configures, pairs, reads, runs, suppresses and fixes; this module only turns options into
its arguments and its results into a report and an exit code."""

from __future__ import annotations

import argparse
import os
import sys

from reslint import __version__
from reslint.commands.options import add_max_size, add_tracked
from reslint.errors import UsageError
from reslint.lint import Linter, exit_code, expand_paths
from reslint.model import Finding, RuleInfo


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


def run(args: argparse.Namespace) -> int:
    from reslint.report import Summary, render

    linter = Linter(config=args.config, rules=args.rules, select=_split(args.select),
                    ignore=_split(args.ignore), max_size=args.max_size, tracked=args.tracked)
    fix = "diff" if args.diff else "write" if args.fix else None
    findings: list[Finding] = []
    infos: dict[str, RuleInfo] = {}
    fixed = 0  # findings --fix removed
    files = expand_paths(args.files)
    for path in files:
        result = linter.check_file(path, args.previous, fix=fix,
                                   unsafe_fixes=args.unsafe_fixes)
        infos.update(result.rules)
        sys.stderr.write("".join(note + "\n" for note in result.notes))
        sys.stdout.write(result.patch)
        fixed += result.fixed
        findings.extend(result.findings)
    try:
        report = render(args.format, findings, infos, root=os.getcwd(), tool_version=__version__,
                        summary=Summary(files=len(files), fixed=fixed,
                                        fixable=0 if args.diff else _fixable(findings)),
                        files=files)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.output_file:
        with open(args.output_file, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:  # after --diff, stdout holds the patch alone
        (sys.stderr if args.diff else sys.stdout).write(report)
    return exit_code(findings, args.fail_on or "warning", args.exit_zero)


def _split(spec: str | None) -> list[str]:
    return [s.strip() for s in (spec or "").split(",") if s.strip()]


def _fixable(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.fix is not None and f.fix.safe)
