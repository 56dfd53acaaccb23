"""Inline suppressions: HTML comments in the draft that silence findings, each justifiable.

    <!-- reslint-disable-next-line RES201 -->        the next paragraph (see below)
    <!-- reslint-disable RES201, recall-order -->   from here to a matching
    <!-- reslint-enable RES201 -->                  reslint-enable (or the end of the file)
    <!-- reslint-disable-file RES201 -->            the whole file

Each takes rule codes or names, separated by commas or spaces, or none for every rule; a
reason may follow ` -- ` (kept in `Suppression.reason`, never read as codes: everything
after the first ` -- ` up to the closing `-->` at the end of the line is the reason, even
when it holds codes, commas or `-->`).  A directive is a line of its own.

What a finding is matched on: the line its span starts on.

`disable-next-line` covers the next line that is neither blank nor a comment (formatters
add blank lines) and, when a paragraph, sub-paragraph, footnote or heading element starts
on that line, every line of it (of a paragraph, its sub-paragraphs too): in text from a
PDF a paragraph is hard-wrapped over several lines and the slip is often on the second or
third, where the drafter cannot put a comment without splitting the paragraph.  A
paragraph number or sub-paragraph letter on a line of its own (`1.`, `(a)` above the text,
as PDFs give them) counts as the paragraph's first line.

Ranges follow ruff's and ESLint's semantics:
  - a bare `disable` disables every rule until a bare `enable`;
  - `disable X` disables X until `enable X` or a bare `enable`;
  - `enable X` re-enables X only: it ends the open `disable X` ranges and, inside an open
    bare `disable`, makes an exception for X from that line on (every other rule stays
    disabled); a later `disable X` or bare `disable` disables X again;
  - a bare `enable` ends every open range, bare or not;
  - `enable` never touches `disable-next-line` or `disable-file`.

A code that names no rule (in any directive, `enable` included: a misspelt `enable` leaves
its range open), and a suppression that suppressed nothing, are reported in turn (RES901,
RES902 in rules/general.yaml), as ruff's RUF100 does: stale suppressions hide the next
real slip.  Those two findings can be suppressed too, but only by a suppression that names
them (`disable-file RES902`): a bare `disable` around a stale directive must not hide
that it is stale.  A suppression that silenced only them counts as used; a suppression
never counts as used for silencing the finding about itself.  Directives are read from
the source lines, so they work in Markdown and in plain text alike (the parser skips
comment lines).
"""

from __future__ import annotations

from reslint._dataclass import dataclass, field
from reslint.model import Document, Finding, Span
from reslint.vocab._words import lazy_regex

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

# compiled on first use: most drafts hold no directive (a cheap test finds that first)
DIRECTIVE = lazy_regex(
    r"^(?P<indent>\s*)<!--\s*reslint-(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?=[\s-]|$)(?P<args>.*?)-->\s*$"
)
REASON = lazy_regex(r"(?:^|\s)--(?:\s|$)")
TOKEN = lazy_regex(r"[^\s,]+")
# a paragraph number or sub-paragraph letter alone on its line, as PDF text has them
NUMBER_LINE = lazy_regex(r"^\s*(?:\d{1,3}\.|\(?[a-z]{1,5}\))\s*$")
ALL = "*"
# the rules that report the suppressions' own problems, by their (stable) names: their
# findings are known only here, so they are settled here rather than by the engine
UNKNOWN_RULE, UNUSED = "suppression-unknown-rule", "suppression-unused"


@dataclass
class Suppression:
    kind: str  # "next-line", "range", "file"
    line: int  # of the directive
    token: str  # a code or a name as written, or ALL
    rule: str | None  # the code it names; None for every rule
    span: Span  # the token in the directive (the whole comment for ALL)
    first: int  # covered lines, inclusive
    last: int
    reason: str | None = None
    # for a bare range: (code, first, last) where `enable code` made an exception
    holes: list[tuple[str, int, int]] = field(default_factory=list)
    used: bool = False

    def covers(self, line: int, rule: str) -> bool:
        if not self.first <= line <= self.last:
            return False
        if self.rule is not None:
            return self.rule == rule
        return not any(code == rule and a <= line <= b for code, a, b in self.holes)


@dataclass
class Directives:
    suppressions: list[Suppression] = field(default_factory=list)
    unknown: list[dict[str, Any]] = field(default_factory=list)


def apply_suppressions(
    doc: Document, findings: list[Finding], known: dict[str, str],
    active: set[str] | None = None,
) -> tuple[list[Finding], dict[str, list[dict[str, Any]]]]:
    """Drop suppressed findings.  Also return the problems of the suppressions themselves
    (`unknown` codes, `unused` suppressions), which the RES9xx rules report, less those
    that a suppression of those rules silences.

    `known` maps every loaded rule's code to its name; `active` holds the codes that ran on
    this file: a suppression of a rule that did not run is not called unused, since it may
    be needed where the rule runs."""
    if "reslint-" not in doc.source.text:
        return findings, {"unknown": [], "unused": []}
    directives = read_directives(doc, known)
    sups = directives.suppressions
    kept = [f for f in findings if not _silence(sups, f.span.line, f.rule)]
    codes = {name: code for code, name in known.items()}
    unknown_code, unused_code = codes.get(UNKNOWN_RULE), codes.get(UNUSED)
    running = set(known) if active is None else set(active)
    running |= {c for c in (unknown_code, unused_code) if c}

    def reportable(s: Suppression) -> bool:
        return not s.used and (s.rule is None or s.rule in running)

    # The meta findings depend on which suppressions are used, and silencing one uses a
    # suppression: repeat until nothing changes (`used` only grows, so this ends).
    changed = True
    while changed:
        changed = False
        if unknown_code:
            for item in directives.unknown:
                changed |= _silence(sups, item["line"], unknown_code, True, named=True)
        if unused_code:
            for s in sups:
                if reportable(s):
                    changed |= _silence(sups, s.line, unused_code, True, s, named=True)
    unknown = [u for u in directives.unknown
               if not (unknown_code and _covering(sups, u["line"], unknown_code, named=True))]
    unused = [
        {"code": s.token if s.rule is not None else "all rules", "line": s.line,
         "span": s.span, "kind": s.kind, "rule": s.rule, "reason": s.reason}
        for s in sups
        if reportable(s)
        and not (unused_code and _covering(sups, s.line, unused_code, s, named=True))
    ]
    return kept, {"unknown": unknown, "unused": unused}


def _covering(sups: list[Suppression], line: int, rule: str,
              besides: Suppression | None = None, named: bool = False) -> list[Suppression]:
    return [s for s in sups if s is not besides and (s.rule or not named)
            and s.covers(line, rule)]


def _silence(sups: list[Suppression], line: int, rule: str, mark_new: bool = False,
             besides: Suppression | None = None, named: bool = False) -> bool:
    """Mark the suppressions covering a finding of `rule` on `line` as used (with `named`,
    only those that name the rule).  Return whether any covers it (with `mark_new`: whether
    any was not used before)."""
    hits = _covering(sups, line, rule, besides, named)
    fresh = any(not s.used for s in hits)
    for s in hits:
        s.used = True
    return fresh if mark_new else bool(hits)


def read_directives(doc: Document, known: dict[str, str]) -> Directives:
    source = doc.source
    lines = source.lines()
    out = Directives()
    by_name = {name: code for code, name in known.items()}
    last_line = len(lines)
    blocks: dict[int, int] | None = None  # built on the first disable-next-line
    open_all: list[Suppression] = []
    open_by_rule: dict[str, list[Suppression]] = {}
    for index, (start, text) in enumerate(lines):
        if "reslint-" not in text:
            continue
        m = DIRECTIVE().match(text)
        if not m:
            continue
        number = index + 1
        kind = m.group("kind")
        args = m.group("args")
        reason_at = REASON().search(args)
        reason = (args[reason_at.end():].strip() or None) if reason_at else None
        args_end = m.start("args") + (reason_at.start() if reason_at else len(args))
        tokens = []  # (token, its code or None when unknown, its span)
        for t in TOKEN().finditer(text, m.start("args"), args_end):
            span = source.span(start + t.start(), start + t.end())
            code = t.group() if t.group() in known else by_name.get(t.group())
            if code is None:
                out.unknown.append({"code": t.group(), "line": number, "span": span,
                                    "kind": "enable" if kind == "enable" else
                                    _LABEL.get(kind, "range")})
            tokens.append((t.group(), code, span))
        if kind == "enable":
            _enable(number, [c for _, c, _ in tokens if c], not tokens, open_all,
                    open_by_rule)
            continue
        if kind == "disable-next-line":
            if blocks is None:
                blocks = _blocks(doc)
            first, last = _next_block(lines, index, blocks)
        elif kind == "disable-file":
            first, last = 1, last_line
        else:
            first, last = number, last_line
        comment = source.span(start + len(m.group("indent")), start + len(text.rstrip()))
        label = _LABEL.get(kind, "range")
        for token, code, span in tokens or [(ALL, None, comment)]:
            if token != ALL and code is None:
                continue  # reported as unknown above
            s = Suppression(label, number, token, code, span, first, last, reason)
            out.suppressions.append(s)
            if kind == "disable":
                (open_all if code is None else open_by_rule.setdefault(code, [])).append(s)
    return out


_LABEL = {"disable-next-line": "next-line", "disable-file": "file", "disable": "range"}


def _enable(number: int, codes: list[str], bare: bool, open_all: list[Suppression],
            open_by_rule: dict[str, list[Suppression]]) -> None:
    """End ranges at the `enable` on line `number` (see the module docstring)."""
    if bare:
        for s in [*open_all, *(s for group in open_by_rule.values() for s in group)]:
            s.last = number
        open_all.clear()
        open_by_rule.clear()
        return
    for code in codes:
        for s in open_by_rule.pop(code, []):
            s.last = number
        for s in open_all:
            if not any(c == code and b >= number for c, _, b in s.holes):
                s.holes.append((code, number, s.last))


def _blocks(doc: Document) -> dict[int, int]:
    """First line -> last line of every paragraph (with its sub-paragraphs: a finding about
    the whole paragraph, such as its final punctuation, stands in the last of them),
    sub-paragraph, footnote and heading element (the longest, when several start on one
    line)."""
    blocks: dict[int, int] = {}

    def add(span: Span, end: int | None = None) -> None:
        last = max(_last_line(span), end or 0)
        blocks[span.line] = max(blocks.get(span.line, span.line), last)

    def add_paragraphs(paragraphs: list[Any]) -> int:
        end = 0
        for p in paragraphs:
            last = max(_last_line(p.span), add_paragraphs(p.subparagraphs))
            add(p.span, last)
            end = max(end, last)
        return end

    add_paragraphs(doc.paragraphs())
    for f in doc.footnotes:
        add(f.span)
    h = doc.heading
    for s in (h.symbol_span, h.session_span, h.agenda_span, h.title_span, h.adopted_span,
              h.report_span, h.formula_span):
        if s is not None:
            add(s)
    return blocks


def _last_line(span: Span) -> int:
    """The end is exclusive: a span that ends at a line's start ends on the line before."""
    return span.end_line - 1 if span.end_column == 1 and span.end_line > span.line else (
        span.end_line)


def _next_block(lines: list[tuple[int, str]], index: int,
                blocks: dict[int, int]) -> tuple[int, int]:
    """The lines a `disable-next-line` on line `index + 1` covers: the next content line,
    to the end of the element that starts there (or, after a paragraph number alone on
    its line, on the next content line)."""
    first = _next_content_line(lines, index)
    if first > len(lines):
        return first, first
    if first in blocks:
        return first, blocks[first]
    if NUMBER_LINE().match(lines[first - 1][1]):
        text_line = _next_content_line(lines, first - 1)
        if text_line in blocks:
            return first, blocks[text_line]
    return first, first


def _next_content_line(lines: list[tuple[int, str]], index: int) -> int:
    """The 1-based number of the first line after `index` that is not blank or a comment
    (the line after the file's end when there is none, so nothing is covered)."""
    for j in range(index + 1, len(lines)):
        text = lines[j][1].strip()
        if text and not (text.startswith("<!--") and text.endswith("-->")):
            return j + 1
    return len(lines) + 1


def next_line_anchor(doc: Document, line: int) -> int:
    """The line above which a `disable-next-line` comment covers `line`: the first line of
    the innermost paragraph, sub-paragraph, footnote or heading element holding it (or the
    paragraph's number when it stands alone on the line before), else `line` itself.  What
    an editor's "disable for this line" writes."""
    blocks = _blocks(doc)
    first = max((start for start, end in blocks.items() if start <= line <= end), default=line)
    lines = doc.source.lines()
    before = first - 1
    while before >= 1 and not lines[before - 1][1].strip():
        before -= 1
    if before >= 1 and NUMBER_LINE().match(lines[before - 1][1]):
        return before
    return first
