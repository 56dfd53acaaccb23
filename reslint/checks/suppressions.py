"""`suppressions`: one finding per problem of the draft's inline suppressions.

The problems (`suppressions.unknown`: a code that names no rule; `suppressions.unused`: a
suppression that silenced nothing) are only known once every other rule has run and the
suppressions were applied, so `reslint check` runs the rules of this check in a second,
late pass with the root name `suppressions` bound (it is null in the first pass).  The
rule picks its list with `for_each`; each item has `code`, `line`, `span` and `kind`
(unused ones also `rule` and `reason`).  The lists arrive settled: reslint.suppress has
already dropped the items that a suppression naming these rules silences, so this check
reports every item it is given."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reslint.checks import Hit, Primitive


def run(rule: Any, ctx: Any) -> Iterator[Hit]:
    if ctx.env.get("suppressions") is None:
        return
    for bindings in ctx.each(rule):
        item = bindings.get("item")
        yield Hit(bindings, at=item.get("span") if isinstance(item, dict) else None)


PRIMITIVE = Primitive(
    name="suppressions",
    run=run,
    args={},
    required=("for_each",),
    summary="one finding per problem of the inline suppressions (runs after them)",
)
