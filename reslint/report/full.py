"""The `full` text format: each finding with its source line and a caret underline.

Modelled on ruff's full output.  The hard part is alignment: columns count code points,
but a terminal draws tabs, wide (CJK) and combining characters at other widths, and the
gutter in front of the line would shift the terminal's tab stops.  So the source line is
drawn with tabs expanded and the caret offset is measured in display cells.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reslint.model import Finding
from reslint.report import Context
from reslint.report._common import SEVERITY_COLOURS, headline, ordered, paint, summary_lines

TAB_WIDTH = 4


def _cell_width(char: str) -> int:
    """Display cells a character occupies (tabs are handled by the caller)."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


@lru_cache(maxsize=4096)
def _glyph(char: str) -> tuple[str, int]:
    """How a character other than a tab is drawn, and the cells it takes (a control
    character as a space).  Kept per character: a report draws hundreds of lines of the
    same few characters."""
    if unicodedata.category(char) == "Cc":
        return " ", 1
    return char, _cell_width(char)


def _draw(text: str) -> tuple[str, list[int]]:
    """Return `text` as drawn (tabs expanded, control characters shown as spaces) and the
    display cell at which each code point starts, plus one entry for the line end."""
    if text.isascii() and text.isprintable():  # one cell a character, drawn as it is
        return text, list(range(len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    cell = 0
    for char in text:
        starts.append(cell)
        if char == "\t":
            step = TAB_WIDTH - cell % TAB_WIDTH
            out.append(" " * step)
        else:
            drawn, step = _glyph(char)
            out.append(drawn)
        cell += step
    starts.append(cell)
    return "".join(out), starts


MAX_EXCERPT = 200  # code points of the source line shown around a finding
CONTEXT = 40  # of them before the finding's start


def excerpt(line: str, first: int, last: int) -> tuple[str, int, int]:
    """At most MAX_EXCERPT code points of `line` around [first, last), with "…" where it
    is cut, and the span's new columns: a finding on a 700 KB line printed that line (and
    its underline) whole, once per finding."""
    if len(line) <= MAX_EXCERPT:
        return line, first, last
    start = max(0, first - CONTEXT)
    end = min(len(line), start + MAX_EXCERPT)
    head = "…" if start > 0 else ""
    tail = "…" if end < len(line) else ""
    shift = len(head) - start
    return (head + line[start:end] + tail, first + shift,
            min(last, end + (1 if tail else 0)) + shift)


def snippet(finding: Finding, colour: bool = False) -> list[str]:
    """The gutter, source line and caret line under a finding's headline."""
    line = finding.source_line
    if not line:
        return []
    span = finding.span
    first = min(max(span.column - 1, 0), len(line))
    last = span.end_column - 1 if span.end_line == span.line else len(line)
    last = max(last, first + 1)
    line, first, last = excerpt(line, first, last)
    drawn, starts = _draw(line)
    # Past the line end (a span on the newline, or a missing word) each column is one cell.
    end_cell = starts[min(last, len(line))] + max(last - len(line), 0)
    carets = max(end_cell - starts[first], 1)
    number = str(span.line)
    gutter = paint(" " * (len(number) + 1) + "|", "blue", colour)
    hue = SEVERITY_COLOURS.get(finding.severity, "red")
    return [
        gutter,
        f"{paint(number + ' |', 'blue', colour)} {drawn}".rstrip(),
        f"{gutter} {' ' * starts[first]}{paint('^' * carets, 'bold ' + hue, colour)}",
        f"{' ' * (len(number) + 1)}= in {finding.paragraph}" if finding.paragraph else gutter,
    ]


def pairing_lines(findings: list[Finding], ctx: Context) -> list[str]:
    """The previous resolution each draft was compared with, and how it was found, first:
    a finding about a recalled list or a session means nothing until the reader knows what
    it was measured against.  Named for a draft with findings, or for the one draft checked;
    a draft compared with nothing has its RES001 finding instead."""
    with_findings = {f.path for f in findings}
    shown = [(draft, previous, how) for draft, previous, how in ctx.pairings
             if previous and (draft in with_findings or len(ctx.pairings) == 1)]
    return [f"{draft}: previous resolution {how}" if how else f"{draft}: compared with {previous}"
            for draft, previous, how in shown]


def render(findings: list[Finding], ctx: Context) -> str:
    blocks = [[headline(f, ctx.colour), *snippet(f, ctx.colour)] for f in ordered(findings)]
    lines = [] if ctx.quiet else pairing_lines(findings, ctx)
    if lines:
        lines.append("")
    lines += [line for block in blocks for line in (*block, "")]
    lines += summary_lines(findings, ctx.summary, ctx.quiet)
    while ctx.quiet and lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""
