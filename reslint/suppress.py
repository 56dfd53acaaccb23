"""Inline suppressions: HTML comments in the draft that silence findings, each justifiable.

    <!-- reslint-disable-next-line RES201 -->        the next line that is neither blank
                                                    nor a comment (formatters add blank lines)
    <!-- reslint-disable RES201, recall-order -->   from here to a matching
    <!-- reslint-enable RES201 -->                  reslint-enable (or the end of the file)
    <!-- reslint-disable-file RES201 -->            the whole file

Each takes rule codes or names, separated by commas or spaces, or none for every rule; a
reason may follow ` -- `.  A finding is suppressed when the line it starts on is covered.
A code that names no rule, and a suppression that suppressed nothing, are reported in turn
(RES901, RES902 in rules/general.yaml), as ruff's RUF100 does: stale suppressions hide
the next real slip.  Directives are read from the source lines, so they work in Markdown
and in plain text alike (the parser skips comment lines).
"""

from __future__ import annotations

import re
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.model import Document, Finding, Span

DIRECTIVE = re.compile(
    r"^(?P<indent>\s*)<!--\s*reslint-(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?=[\s-]|$)(?P<args>.*?)-->\s*$"
)
ALL = "*"


@dataclass
class Suppression:
    kind: str  # "next-line", "range", "file"
    line: int  # of the directive
    token: str  # a code, a name, or ALL
    span: Span  # the token in the directive (the whole comment for ALL)
    first: int  # covered lines, inclusive
    last: int
    used: bool = False


@dataclass
class Directives:
    suppressions: list[Suppression] = field(default_factory=list)
    unknown: list[dict[str, Any]] = field(default_factory=list)


def apply_suppressions(
    doc: Document, findings: list[Finding], known: dict[str, str],
    active: set[str] | None = None,
) -> tuple[list[Finding], dict[str, list[dict[str, Any]]]]:
    """Drop suppressed findings.  Also return the problems of the suppressions themselves
    (`unknown` codes, `unused` suppressions), which the RES9xx rules report.

    `known` maps every loaded rule's code to its name; `active` holds the codes that ran on
    this file: a suppression of a rule that did not run is not called unused, since it may
    be needed where the rule runs."""
    if "reslint-" not in doc.source.text:
        return findings, {"unknown": [], "unused": []}
    directives = read_directives(doc, known)
    names = {name: code for code, name in known.items()}
    kept = []
    for finding in findings:
        hit = False
        for s in directives.suppressions:
            if s.first <= finding.span.line <= s.last and (
                s.token == ALL or names.get(s.token, s.token) == finding.rule
            ):
                s.used = hit = True
        if not hit:
            kept.append(finding)
    running = set(known) if active is None else active
    unused = [
        {"code": s.token if s.token != ALL else "all rules", "line": s.line, "span": s.span,
         "kind": s.kind, "rule": names.get(s.token, s.token)}
        for s in directives.suppressions
        if not s.used and (s.token == ALL or names.get(s.token, s.token) in running)
    ]
    return kept, {"unknown": directives.unknown, "unused": unused}


def read_directives(doc: Document, known: dict[str, str]) -> Directives:
    source = doc.source
    lines = source.lines()
    out = Directives()
    by_name = {name: code for code, name in known.items()}
    last_line = len(lines)
    open_ranges: dict[str, list[Suppression]] = {}
    for index, (start, text) in enumerate(lines):
        m = DIRECTIVE.match(text)
        if not m:
            continue
        number = index + 1
        kind = m.group("kind")
        args = m.group("args")
        reason = re.search(r"(?:^|\s)--(?:\s|$)", args)
        args_end = m.start("args") + (reason.start() if reason else len(args))
        tokens = [
            (t.group(), t.start()) for t in re.finditer(r"[^\s,]+", text[: args_end])
            if t.start() >= m.start("args")
        ]
        comment = source.span(start + len(m.group("indent")), start + len(text.rstrip()))
        if kind == "enable":
            # a bare enable closes every open range; `enable X` closes the disables of X
            keys = [by_name.get(t, t) for t, _ in tokens] if tokens else list(open_ranges)
            for key in keys:
                for s in open_ranges.pop(key, []):
                    s.last = number
            continue
        if kind == "disable-next-line":
            first = last = _next_content_line(lines, index)
        elif kind == "disable-file":
            first, last = 1, last_line
        else:
            first, last = number, last_line
        label = {"disable-next-line": "next-line", "disable-file": "file"}.get(kind, "range")
        for token, offset in tokens or [(ALL, None)]:
            span = comment if offset is None else source.span(start + offset,
                                                              start + offset + len(token))
            if token != ALL and token not in known and token not in by_name:
                out.unknown.append({"code": token, "line": number, "span": span,
                                    "kind": label})
                continue
            s = Suppression(label, number, token, span, first, last)
            out.suppressions.append(s)
            if kind == "disable":
                open_ranges.setdefault(by_name.get(token, token), []).append(s)
    return out


def _next_content_line(lines: list[tuple[int, str]], index: int) -> int:
    """The 1-based number of the first line after `index` that is not blank or a comment
    (the line after the file's end when there is none, so nothing is covered)."""
    for j in range(index + 1, len(lines)):
        text = lines[j][1].strip()
        if text and not (text.startswith("<!--") and text.endswith("-->")):
            return j + 1
    return len(lines) + 1
