"""The expectation comments of a test draft: `<!-- expect: RES201, RES202@5 -->` and
`<!-- ok: RES201 -->`, each about the next line that is not itself such a comment.

Mistakes in the comments are returned as problems of the case (with their line), so one
bad case fails alone instead of stopping the run."""

from __future__ import annotations

import difflib
import re

from reslint._dataclass import dataclass

KINDS = ("expect", "ok")
# A comment on a line of its own whose keyword is a word followed by a colon.
OWN_LINE = re.compile(r"^\s*<!--\s*(?P<kind>[A-Za-z][\w-]*)\s*:(?P<body>.*?)-->\s*$")
# An expect/ok comment anywhere in a line (to refuse one that shares its line with text).
INLINE = re.compile(r"<!--\s*(?:expect|ok)\s*:", re.IGNORECASE)
ITEM = re.compile(r"^(?P<rule>[A-Za-z][\w-]*)(?:@(?P<column>\d+))?$")


@dataclass(frozen=True)
class Expectation:
    kind: str  # "expect" or "ok"
    rule: str  # the rule's code (names are resolved to codes)
    line: int  # the line it speaks of (1-based)
    comment_line: int
    column: int | None = None


@dataclass(frozen=True)
class Problem:
    line: int
    message: str
    column: int | None = None


def read_annotations(lines: list[str], names: dict[str, str]
                     ) -> tuple[list[Expectation], list[Problem]]:
    """The expectations of a draft given as its lines, and the mistakes in them.
    `names` maps every known code and name to the code."""
    pending: list[tuple[int, str, str]] = []  # (comment line, kind, body)
    out: list[Expectation] = []
    problems: list[Problem] = []
    for number, text in enumerate(lines, 1):
        found = OWN_LINE.match(text)
        kind = found["kind"].lower() if found else ""
        if found and kind in KINDS:
            pending.append((number, kind, found["body"]))
            continue
        if found and _looks_like_kind(kind):
            close = difflib.get_close_matches(kind, KINDS, n=1, cutoff=0.5)
            problems.append(Problem(number, f"unknown expectation {found['kind']!r}: "
                                            f"write '{close[0]}:'"))
            continue
        if INLINE.search(text):
            problems.append(Problem(number, "an expect/ok comment must be on a line of its own "
                                            "(it speaks of the next line)"))
        for comment_line, kind, body in pending:
            out.extend(_items(comment_line, kind, body, number, names, problems))
        pending = []
    for comment_line, kind, _ in pending:
        problems.append(Problem(comment_line, f"'{kind}:' comment with no line after it"))
    return out, problems


def _looks_like_kind(word: str) -> bool:
    """'expected', 'exepct', 'okay': a typo that would otherwise silently test nothing."""
    return bool(difflib.get_close_matches(word, KINDS, n=1, cutoff=0.75)) or word in (
        "ruleid", "okay", "expects", "expected")


def _items(comment_line: int, kind: str, body: str, target: int, names: dict[str, str],
           problems: list[Problem]) -> list[Expectation]:
    items = [part.strip() for part in body.split(",")]
    if not any(items):
        problems.append(Problem(comment_line, f"'{kind}:' names no rule"))
        return []
    out = []
    for item in items:
        parsed = ITEM.match(item)
        if not parsed:
            problems.append(Problem(comment_line, f"cannot read {item!r} in '{kind}:' "
                                                  "(write a rule code or name, e.g. RES201 or "
                                                  "RES201@12)"))
            continue
        rule, column = parsed["rule"], parsed["column"]
        code = names.get(rule) or names.get(rule.upper())
        if code is None:
            close = difflib.get_close_matches(rule, list(names), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(Problem(comment_line, f"unknown rule {rule!r} in '{kind}:'{hint}"))
            continue
        if column is not None and kind == "ok":
            problems.append(Problem(comment_line, "'ok:' takes no column"))
            continue
        out.append(Expectation(kind, code, target, comment_line,
                               int(column) if column is not None else None))
    return out
