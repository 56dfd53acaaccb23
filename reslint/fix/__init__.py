"""Fixes: apply the rules' fixes, check again, pass after pass, in memory.

Pass after pass, the fixes of the current findings are chosen so that none overlaps
(reslint.fix.plan), applied to the original text, and the result is parsed and checked
again, until no fix applies (at most MAX_PASSES).  A file that did not parse cleanly is
not touched, nor is one whose fixed text would not parse cleanly.  Writing the file
(reslint.fix.write) or showing the diff (reslint.fix.diff) is the caller's choice:
reslint.lint does either for `check --fix` / `--diff`.
"""

from __future__ import annotations

from collections.abc import Callable

from reslint._dataclass import dataclass, field, replace
from reslint.errors import ReslintError
from reslint.fix.diff import unified_diff
from reslint.fix.plan import choose
from reslint.fix.write import FixError, write_fixed
from reslint.model import Document, Finding, Fix
from reslint.parse import parse_source
from reslint.text.edits import apply_edits

MAX_PASSES = 10
# checks a parsed draft as `check` does (reslint.lint.lint_document), parsing nothing itself
Lint = Callable[[Document], list[Finding]]


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


def fixes_of(findings: list[Finding], unsafe: bool) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def fix_text(draft: Document, findings: list[Finding], lint: Lint, unsafe: bool,
             max_passes: int = MAX_PASSES) -> FixResult:
    """Fix the draft in memory; `lint(document)` checks a parsed text as `check` does."""
    source = draft.source
    result = FixResult(source.text, source.text, 0, findings)
    if draft.problems:
        result.refused = "did not parse cleanly (" + "; ".join(draft.problems) + ")"
        return result
    for _ in range(max_passes):
        taken, edits = choose(fixes_of(result.findings, unsafe))
        if not edits:
            break
        text = apply_edits(result.text, edits)
        try:
            doc = parse_source(replace(source, text=text, _line_starts=None))
            found = lint(doc)
        except ReslintError:
            doc = None
        if doc is None or doc.problems:
            result.refused = "the fixes would break the parse"
            result.text, result.findings, result.fixed = source.text, findings, 0
            return result
        result.text, result.findings = text, found
        result.fixed += len(taken)
    return result


__all__ = ["FixError", "FixResult", "Lint", "fix_text", "unified_diff", "write_fixed"]
