"""`sequence`: order, duplicates and numbering of a list of facts.

`key` (evaluated with `item` bound) gives each item's sort key; `order: ascending` fires on
an item whose key is lower than the one before it, `unique: true` on a repeated key,
`consecutive: N` on an item whose key is not the previous key + 1 (the first must be N).
`group` (evaluated with `item` bound) splits the list into runs of equal value, each checked
on its own: the lists of two paragraphs are two lists.  Each hit binds `item`,
`previous_item`, `index` and `expected`."""

from __future__ import annotations

from collections.abc import Iterator

from reslint.checks import Hit, Primitive

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any


def run(rule: Any, ctx: Any) -> Iterator[Hit]:
    items = ctx.eval(rule, "items", {})
    if not isinstance(items, list):
        return
    order = rule.options.get("order")
    unique = rule.options.get("unique", False)
    start = rule.options.get("consecutive")
    seen: set[Any] = set()
    previous_key: Any = None
    previous_item: Any = None
    current: Any = None
    for index, item in enumerate(items):
        if "group" in rule.exprs:
            group = _hashable(ctx.eval(rule, "group", {"item": item, "index": index}))
            if index and group != current:
                seen, previous_key, previous_item = set(), None, None
            current = group
        bindings = {"item": item, "index": index, "previous_item": previous_item}
        key = ctx.eval(rule, "key", bindings) if "key" in rule.exprs else item
        if key is None:
            continue
        bindings["key"] = key
        if unique and _hashable(key) in seen:
            yield Hit({**bindings, "expected": None, "problem": "duplicate"})
        elif start is not None:
            expected = start if previous_key is None else previous_key + 1
            if key != expected:
                yield Hit({**bindings, "expected": expected, "problem": "numbering"})
        elif order == "ascending" and previous_key is not None and key < previous_key:
            yield Hit({**bindings, "expected": previous_key, "problem": "order"})
        seen.add(_hashable(key))
        previous_key, previous_item = key, item


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


PRIMITIVE = Primitive(
    name="sequence",
    run=run,
    args={"items": "expr", "key": "expr", "order": "string", "unique": "boolean",
          "consecutive": "integer", "group": "expr"},
    required=("items",),
    summary="order, duplicates and consecutive numbering of a list",
)
