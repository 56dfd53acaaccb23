"""`includes`: every item of `items` has a counterpart in `in` (same `key`).

Fires once per missing item, with `item` bound; `match` (evaluated with `item` and its
counterpart `found` bound) can require more than presence, e.g. the same date."""

from __future__ import annotations

from collections.abc import Iterator

from reslint.checks import Hit, Primitive

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any


def run(rule: Any, ctx: Any) -> Iterator[Hit]:
    items = ctx.eval(rule, "items", {})
    pool = ctx.eval(rule, "in", {})
    if items is None or pool is None:
        return
    if not isinstance(items, list):
        items = [items]
    keyed: dict[Any, Any] = {}
    for other in pool:
        k = ctx.eval(rule, "key", {"item": other}) if "key" in rule.exprs else other
        keyed.setdefault(k, other)
    for index, item in enumerate(items):
        bindings = {"item": item, "index": index}
        k = ctx.eval(rule, "key", bindings) if "key" in rule.exprs else item
        found = keyed.get(k)
        if found is None:
            if "match" not in rule.exprs:
                yield Hit({**bindings, "found": None})
            continue
        if "match" in rule.exprs:
            bindings["found"] = found
            if ctx.eval(rule, "match", bindings) is False:
                yield Hit(bindings, at=found)


PRIMITIVE = Primitive(
    name="includes",
    run=run,
    args={"items": "expr", "in": "expr", "key": "expr", "match": "expr"},
    required=("items", "in"),
    summary="every item of one list is found in another (by key), optionally matching",
)
