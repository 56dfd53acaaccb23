"""`reslint diff PREVIOUS DRAFT`: what the draft changes against last year's resolution,
each change classified technical or substantive, ending with a verdict line.

The findings of `check` on the draft (with PREVIOUS as its previous resolution) are shown
beside the paragraphs they concern, so a reviewer reads one report.
"""

from __future__ import annotations

import argparse
import sys

from reslint.commands.options import add_max_size
from reslint.diff import diff_documents
from reslint.diff.expect import RolloverExpectation
from reslint.diff.formats import html, json, markdown, text
from reslint.diff.formats.common import paragraph_key
from reslint.diff.model import DocumentDiff
from reslint.errors import UsageError
from reslint.lint import Linter
from reslint.model import Document, Finding
from reslint.parse import parse_file

FORMATS = {"text": text.render, "markdown": markdown.render, "html": html.render,
           "json": json.render}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("previous", metavar="PREVIOUS", help="last year's resolution")
    p.add_argument("draft", metavar="DRAFT", help="the draft to compare with it")
    p.add_argument("--format", default="text", help="text, markdown, html or json")
    p.add_argument("--output-file", "-o", help="write the report here instead of stdout")
    p.add_argument("--no-check", action="store_true",
                   help="do not run the rules of `check` on the draft")
    p.add_argument("--config", help="configuration file for the rules (as for `check`)")
    p.add_argument("--fail-on-substantive", action="store_true",
                   help="exit 1 when the draft makes any substantive change")
    add_max_size(p)


def check_findings(previous: str, draft: str, config_path: str | None, max_size: int,
                   document: Document | None = None) -> list[Finding]:
    """The findings `reslint check DRAFT --previous PREVIOUS` reports, in process."""
    linter = Linter(config=config_path, max_size=max_size)
    result = linter.check_file(draft, previous, document=document)
    return sorted(result.findings, key=lambda f: f.sort_key())


def attach(diff: DocumentDiff, findings: list[Finding]) -> None:
    """Each finding beside its paragraph ("OP8(a)" beside OP8); the rest stay global."""
    by_label = {p.new.label: p for p in diff.paragraphs if p.new is not None}
    rest = []
    for finding in findings:
        target = by_label.get(paragraph_key(finding.paragraph) or "")
        if target is None:
            rest.append(finding)
        else:
            target.findings.append(finding)
    diff.findings = findings
    diff.unplaced = rest


def run(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt not in FORMATS:
        raise UsageError(f"unknown diff format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    previous = parse_file(args.previous, args.max_size)
    draft = parse_file(args.draft, args.max_size)
    diff = diff_documents(previous, draft, RolloverExpectation.build(previous))
    attach(diff, [] if args.no_check else
           check_findings(args.previous, args.draft, args.config, args.max_size, draft))
    report = FORMATS[fmt](diff)
    if args.output_file:
        try:
            with open(args.output_file, "w", encoding="utf-8") as handle:
                handle.write(report)
        except OSError as exc:
            raise UsageError(f"{args.output_file}: cannot write: {exc.strerror}") from None
    else:
        sys.stdout.write(report)
    substantive = any(c.kind == "substantive" for c in diff.changes())
    return 1 if args.fail_on_substantive and substantive else 0
