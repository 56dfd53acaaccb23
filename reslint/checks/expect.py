"""`expect`: an expression that must hold (arithmetic, equality across documents …).

With `for_each`, it is evaluated once per item (bound as `item`, its position as
`index`).  A null result means "cannot decide" and raises nothing."""

from __future__ import annotations

from collections.abc import Iterator

from reslint.checks import Hit, Primitive

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any


def run(rule: Any, ctx: Any) -> Iterator[Hit]:
    for bindings in ctx.each(rule):
        if ctx.eval(rule, "expect", bindings) is False:
            yield Hit(bindings)


PRIMITIVE = Primitive(
    name="expect",
    run=run,
    args={"expect": "expr"},
    required=("expect",),
    summary="an expression over the facts that must be true",
)
