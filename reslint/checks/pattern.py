"""`pattern`: a regex that must be absent (fires at each match) or present (fires once).

It runs on the clean text of `in` (document, preamble, operative), so line wraps, page
furniture and Markdown do not get in its way; named groups are bound as `match.<name>`."""

from __future__ import annotations

from collections.abc import Iterator

from reslint.checks import Hit, Primitive

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any


def run(rule: Any, ctx: Any) -> Iterator[Hit]:
    regex = rule.regexes["pattern"]
    scope = rule.options.get("in", "document")
    must = rule.options.get("must", "absent")
    found = False
    for match in ctx.matches(regex, scope):
        found = True
        if must == "absent":
            yield Hit({"match": match}, at=match["span"])
    if must == "present" and not found:
        yield Hit({"match": None})


PRIMITIVE = Primitive(
    name="pattern",
    run=run,
    args={"pattern": "regex", "in": "string", "must": "string"},
    required=("pattern",),
    summary="a regular expression that must be absent from (or present in) the clean text",
)
