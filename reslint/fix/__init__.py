"""`reslint check --fix` / `--diff`: apply the rules' fixes, check again, write or show.

Pass after pass, the fixes of the current findings are chosen so that none overlaps
(reslint.fix.plan), applied to the original text, and the result is parsed and checked
again, until no fix applies (at most MAX_PASSES).  A file that did not parse cleanly is
not touched, nor is one whose fixed text would not parse cleanly.  Only then is the file
written (reslint.fix.write) or the diff printed (reslint.fix.diff).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError
from reslint.model import Finding

MAX_PASSES = 10
# parses nothing itself: checks a parsed draft as `check` does, (draft, findings)
Lint = Callable[[Any], tuple[Any, list[Finding]]]


@dataclass
class FixResult:
    original: str
    text: str
    fixed: int = 0  # findings whose fix was applied
    findings: list[Finding] = field(default_factory=list)  # what remains
    refused: str = ""  # why the file was not fixed at all

    @property
    def changed(self) -> bool:
        return self.text != self.original


def fixes_of(findings: list[Finding], unsafe: bool) -> list[Any]:
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def fix_text(path: str, draft: Any, findings: list[Finding], lint: Lint, unsafe: bool,
             max_passes: int = MAX_PASSES) -> FixResult:
    """Fix the draft in memory; `lint(document)` checks a parsed text as `check` does."""
    from reslint.fix.plan import apply, choose

    source = draft.source
    result = FixResult(source.text, source.text, 0, findings)
    if draft.problems:
        result.refused = "did not parse cleanly (" + "; ".join(draft.problems) + ")"
        return result
    for _ in range(max_passes):
        taken, edits = choose(fixes_of(result.findings, unsafe))
        if not edits:
            break
        text = apply(result.text, edits)
        doc, found = _relint(source, text, lint)
        if doc is None or doc.problems:
            result.refused = "the fixes would break the parse"
            result.text, result.findings, result.fixed = source.text, findings, 0
            return result
        result.text, result.findings = text, found
        result.fixed += len(taken)
    return result


def _relint(source: Any, text: str, lint: Lint) -> tuple[Any, list[Finding]]:
    """Parse and check `text` as the same file (same path, encoding and line endings)."""
    from reslint._dataclass import replace
    from reslint.parse import parse_source

    try:
        return lint(parse_source(replace(source, text=text, _line_starts=None)))
    except ReslintError:
        return None, []


def fix_and_recheck(path: str, draft: Any, findings: list[Finding], lint: Lint,
                    args: Any) -> tuple[list[Finding], int]:
    """The `check` command's fix stage: the findings to report and how many were fixed.

    --diff prints the diff and reports the findings as they were (same exit code);
    --fix writes the file and reports what remains.  Files not fixed say why on stderr."""
    from reslint.text.docx import is_docx

    if args.fix and not args.diff and is_docx(path):
        sys.stderr.write(f"{path}: not fixed: reslint does not write Word files; "
                         "--diff shows the fixes on its Markdown export\n")
        return findings, 0
    result = fix_text(path, draft, findings, lint, getattr(args, "unsafe_fixes", False))
    if result.refused:
        sys.stderr.write(f"{path}: not fixed: {result.refused}\n")
        return findings, 0
    if not result.changed:
        return findings, 0
    if args.diff:
        from reslint.fix.diff import unified_diff

        sys.stdout.write(unified_diff(path, result.original, result.text))
        return findings, 0
    from reslint.fix.write import FixError, write_fixed

    try:
        write_fixed(path, draft.source, result.text)
    except FixError as exc:
        sys.stderr.write(f"{exc}\n")
        return findings, 0
    return result.findings, result.fixed
