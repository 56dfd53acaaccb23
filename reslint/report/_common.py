"""Helpers shared by several formats: ordering, paths, counts and the summary line.

Kept free of heavy imports: the text formats load this module too.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from reslint.model import SEVERITIES, Finding
from reslint.report import Summary


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order (path, line, column, rule), so output is deterministic."""
    return sorted(findings, key=Finding.sort_key)


def checked_paths(findings: Iterable[Finding], files: Sequence[str]) -> list[str]:
    """Every path to report on: the checked files plus any path a finding names, sorted."""
    return sorted({*files, *(f.path for f in findings)})


def relative_to_root(path: str, root: str) -> str | None:
    """`path` as a posix path relative to `root`, or None when it lies outside `root`.

    Both sides are resolved (symlinks too), because GitHub matches alerts across runs by
    this path and requires symlinks to be resolved; a relative `path` is taken relative
    to the working directory, as the user typed it."""
    real_root = os.path.realpath(root)
    real_path = os.path.realpath(path)
    try:
        rel = os.path.relpath(real_path, real_root)
    except ValueError:  # another drive on Windows
        return None
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def display_path(path: str, root: str) -> str:
    """The path to show in CI annotations: repository-relative when possible."""
    return relative_to_root(path, root) or path


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def one_line(text: str) -> str:
    """Fold a message onto one line, for formats that promise one line per finding."""
    return _LINE_BREAKS.sub(" ", text).strip()


def docx_location(finding: Finding) -> str | None:
    """Where a finding in a Word draft is, in Word's terms, or None for other files.

    The .docx reader (reslint.text.docx) makes a span's line the Word paragraph's number
    in the document and its column the character offset in that paragraph plus one."""
    if not finding.path.lower().endswith(".docx"):
        return None
    label = f" ({finding.paragraph})" if finding.paragraph else ""
    return (f"{finding.path}: paragraph {finding.span.line}{label}, "
            f"offset {finding.span.column - 1}")


# ANSI SGR codes, as ruff colours its text output: the path bold, the code and the
# carets in the severity's colour.  Only `paint` writes them, and only when asked.
_SGR = {"bold": "1", "red": "31", "yellow": "33", "cyan": "36", "blue": "34", "dim": "2"}
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def paint(text: str, style: str, colour: bool) -> str:
    """`text` in an ANSI style ("bold", "red", "bold red"...), or unchanged without colour."""
    if not colour or not text:
        return text
    codes = ";".join(_SGR[s] for s in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def headline(finding: Finding, colour: bool = False) -> str:
    """`path:line:col: CODE [severity] message`, the line every text format shares."""
    span = finding.span
    hue = SEVERITY_COLOURS.get(finding.severity, "red")
    tail = (f"{paint(finding.rule, 'bold ' + hue, colour)} "
            f"[{paint(finding.severity, hue, colour)}] {one_line(finding.message)}")
    if (where := docx_location(finding)) is not None:
        return f"{paint(where, 'bold', colour)}: {tail}"
    if finding.page is not None:  # a PDF: file.pdf:page:line
        page, line = finding.page
        return f"{paint(finding.path, 'bold', colour)}:{page}:{line}: {tail}"
    return f"{paint(finding.path, 'bold', colour)}:{span.line}:{span.column}: {tail}"


def plural(count: int, word: str) -> str:
    """`1 file`, `2 files`; 'info' is a mass noun and never takes an s."""
    if count == 1 or word == "info":
        return f"{count} {word}"
    return f"{count} {word}s"


def severity_counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity for f in findings)


def verdict(findings: Sequence[Finding], summary: Summary) -> str:
    """The one-line outcome: how many findings of each severity in how many files."""
    files = plural(summary.files, "file")
    if not findings:
        return f"All checks passed ({files})."
    counts = severity_counts(findings)
    by_severity = ", ".join(plural(counts[s], s) for s in reversed(SEVERITIES))
    return f"Found {plural(len(findings), 'finding')} ({by_severity}) in {files}."


def summary_lines(findings: Sequence[Finding], summary: Summary, quiet: bool = False
                  ) -> list[str]:
    """The closing lines of a text report: verdict, then what --fix can do or did;
    none with --quiet (ruff's: the findings and nothing else)."""
    if quiet:
        return []
    lines = [verdict(findings, summary)]
    if summary.fixable > 0:
        lines.append(f"{summary.fixable} fixable with --fix.")
    if summary.fixed > 0:
        lines.append(f"Fixed {plural(summary.fixed, 'finding')}.")
    return lines
