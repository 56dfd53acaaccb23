"""The rule language's reference, written from the parser's operators and the function
registry: `reslint explain --functions` prints it and docs/rule-language.md is this text
(regenerate it with `reslint explain --functions > docs/rule-language.md`; a test fails
when the file and the registry drift apart)."""

from __future__ import annotations

from reslint.engine.expr.functions import REGISTRY
from reslint.engine.expr.nodes import MAX_DEPTH, MAX_LENGTH, MAX_REPEAT

HEAD = f"""# The rule language

Generated from reslint's function registry (reslint/engine/expr/functions.py) by
`reslint explain --functions`: do not edit by hand.

A rule's `when:`, `expect:`, `for_each:`, `let:` and `at:` are expressions; its
`message:` and a fix's `with:` are templates, text with `{{expression}}` holes
(`{{{{` and `}}}}` are literal braces).  An expression reads the facts of the draft
(`draft.…`) and of the previous resolution (`previous.…`), the pack's `let:` names
and, in a `for_each:` rule, `item` and `index`.

## Values

Numbers, texts (`'…'` or `"…"`), `true`, `false`, `null`, lists `[a, b]`, and the
records of the facts (`draft.count.total`, `items[0]`).  A missing fact is `null`.

## Operators, loosest first

| operators | meaning |
|---|---|
| `x if test else y` | `y` when `test` is false; null when `test` is null |
| `or`, `and`, `not` | as in Python: `null or x` is `x`, `not null` is null |
| `==` `!=` `<` `<=` `>` `>=` `in` | `==`, `!=` plainly; the others null for a null side |
| `+` `-` | numbers; `+` also joins texts and lists |
| `*` `/` `//` `%` | numbers (`/ 0` is null); `*` repeats a text or list ({MAX_REPEAT} at most) |
| `-x` | minus |
| `a.b`, `a[i]`, `f(x)` | a record's field, an item, a function of the list below |

## Null means "cannot decide"

A rule whose `when:` or `expect:` comes out null reports nothing.  So a comparison of
two facts needs no guard when it is an ordering (`draft.x > previous.x`), or when it is
written with `same(…)` or `advanced(…)`; `==` alone compares plainly, and
`draft.x == previous.x` with one side missing is false, a finding.

Limits: an expression is at most {MAX_LENGTH} characters and {MAX_DEPTH} levels deep.
"""


def functions_reference() -> str:
    """The whole reference as Markdown (operators, then the functions by group)."""
    out = [HEAD.rstrip("\n"), "", "## Functions"]
    groups: dict[str, list[str]] = {}
    for f in REGISTRY:
        groups.setdefault(f.group, []).append(f"| `{f.signature}` | {f.doc} |")
    for group, rows in groups.items():
        out += ["", f"### {group[0].upper()}{group[1:]}", "", "| call | gives |", "|---|---|",
                *rows]
    return "\n".join(out) + "\n"
