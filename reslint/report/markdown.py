"""The `markdown` format: a report for `$GITHUB_STEP_SUMMARY` or a pull-request comment.

Messages quote draft text, which holds `|`, `<sup>` tags, `*` and `_`; unescaped, these
would split table cells, vanish as HTML or turn into emphasis.  So every cell is
escaped, and severities are words (bold for errors), which read the same everywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict

from reslint.model import Finding
from reslint.report import Context
from reslint.report._common import ordered, plural, summary_lines

HEADING = "## reslint report"
MARKERS = {"error": "**error**", "warning": "warning", "info": "_info_"}

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#!])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_NEWLINES = re.compile(r"\r\n|\r|\n")


def escape(text: str) -> str:
    """Make `text` literal inside a GFM table cell or heading, on one line."""
    text = _PUNCTUATION.sub(r"\\\1", text)
    text = "".join(_ENTITIES.get(char, char) for char in text)
    return _NEWLINES.sub("<br>", text)


def _table(findings: list[Finding]) -> list[str]:
    lines = ["| Line | Paragraph | Severity | Code | Name | Message |",
             "| ---: | --- | --- | --- | --- | --- |"]
    for f in findings:
        marker = MARKERS.get(f.severity, escape(f.severity))
        cells = [str(f.span.line), escape(f.paragraph or ""), marker, escape(f.rule),
                 escape(f.name), escape(f.message)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render(findings: list[Finding], ctx: Context) -> str:
    if findings:
        verdict = summary_lines(findings, ctx.summary)
    else:
        verdict = [f"No findings in {plural(ctx.summary.files, 'file')}."]
        verdict += summary_lines(findings, ctx.summary)[1:]
    lines = [HEADING, "", " ".join(verdict)]
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in ordered(findings):
        by_path[f.path].append(f)
    for path, group in by_path.items():
        lines += ["", f"### {escape(path)}", "", *_table(group)]
    return "\n".join(lines) + "\n"
