"""Message and fix templates: text with `{expr}` holes, parsed once, rendered per finding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reslint._dataclass import dataclass
from reslint.engine.expr.evaluator import compiled
from reslint.engine.expr.functions import Functions
from reslint.engine.expr.nodes import Expr, ExprError, names
from reslint.engine.expr.parser import _scan_string, parse
from reslint.engine.expr.values import _format

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

# --- templates -------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    """A message with ``{expr}`` holes, parsed once; ``{{`` and ``}}`` are literal braces."""

    source: str
    parts: tuple[str | Expr, ...]

    def names(self) -> set[str]:
        """The facts used by all holes together."""
        return set().union(*(names(part) for part in self.parts if not isinstance(part, str)))


def _hole_end(source: str, start: int) -> int:
    """Offset of the ``}`` closing the hole whose expression starts at ``start``."""
    i = start
    while i < len(source):
        c = source[i]
        if c == "}":
            return i
        i = _scan_string(source, i)[1] if c in "'\"" else i + 1
    raise ExprError("unclosed '{' in template; write '{{' for a literal brace", start - 1)


def parse_template(source: str, functions: Iterable[str] | None = None) -> Template:
    """Parse a message template; error offsets point into the whole template."""
    functions = list(functions or ())
    parts: list[str | Expr] = []
    text: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c in "{}" and source.startswith(c * 2, i):
            text.append(c)
            i += 2
        elif c == "}":
            raise ExprError("single '}' in template; write '}}' for a literal brace", i)
        elif c != "{":
            text.append(c)
            i += 1
        else:
            end = _hole_end(source, i + 1)
            hole = source[i + 1 : end]
            if not hole.strip():
                raise ExprError("empty '{}' in template", i)
            try:
                expr = parse(hole, functions)
            except ExprError as exc:
                raise ExprError(exc.message, exc.offset + i + 1) from None
            if text:
                parts.append("".join(text))
                text = []
            parts.append(expr)
            i = end + 1
    if text:
        parts.append("".join(text))
    return Template(source, tuple(parts))


def render(
    template: Template,
    env: Mapping[str, Any],
    functions: Functions | None = None,
) -> str:
    """Fill the holes: null reads "?", lists "a, b and c", 3.0 reads "3"."""
    return "".join(
        part if isinstance(part, str) else _format(compiled(part, functions)(env))
        for part in template.parts
    )


def render_complete(
    template: Template,
    env: Mapping[str, Any],
    functions: Functions | None = None,
) -> str | None:
    """Like `render`, but None when a hole is null: a fix built from a missing fact would
    write "?" into the drafter's file."""
    out = []
    for part in template.parts:
        if not isinstance(part, str):
            value = compiled(part, functions)(env)
            if value is None:
                return None
            part = _format(value)
        out.append(part)
    return "".join(out)
