"""What the operators do with values, null included: arithmetic, comparison, member and
index access, and how a value reads in a message."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping

from reslint.engine.expr.nodes import MAX_REPEAT, ExprError

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

# --- values --------------------------------------------------------------------

_LISTS = (list, tuple)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, _LISTS):
        return "list"
    if isinstance(value, Mapping):
        return "mapping"
    return type(value).__name__


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _format(value: Any) -> str:
    """How a value reads in a message: null is "?", lists read "a, b and c"."""
    if value is None:
        return "?"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 10))
    if isinstance(value, _LISTS):
        parts = [_format(item) for item in value]
        return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
    return str(value)


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
}


def _arithmetic(op: str, a: Any, b: Any, pos: int) -> Any:
    if a is None or b is None:
        return None
    if _is_number(a) and _is_number(b):
        try:
            return _ARITHMETIC[op](a, b)
        except ZeroDivisionError:
            return None
        except ArithmeticError as exc:
            raise ExprError(f"arithmetic error: {exc}", pos) from None
    if op == "+" and isinstance(a, str) and isinstance(b, str):
        return a + b
    if op == "+" and isinstance(a, _LISTS) and isinstance(b, _LISTS):
        return [*a, *b]
    if op == "*" and _is_int(b) and isinstance(a, (str, *_LISTS)):
        return _repeat(a, b, pos)
    if op == "*" and _is_int(a) and isinstance(b, (str, *_LISTS)):
        return _repeat(b, a, pos)
    raise ExprError(f"cannot apply {op!r} to {_type_name(a)} and {_type_name(b)}", pos)


def _repeat(seq: str | list[Any] | tuple[Any, ...], times: int, pos: int
            ) -> str | list[Any]:
    if len(seq) * max(times, 0) > MAX_REPEAT:
        raise ExprError(f"repetition would build more than {MAX_REPEAT} items", pos)
    return seq * times if isinstance(seq, str) else list(seq) * times


def _contains(container: Any, item: Any) -> bool | None:
    if container is None:
        return None
    if isinstance(container, str) and not isinstance(item, str):
        raise TypeError(f"cannot look for a {_type_name(item)} in a string")
    if not isinstance(container, (str, *_LISTS, set, frozenset, Mapping)):
        raise TypeError(f"cannot look inside a {_type_name(container)}")
    return item in container


def _compare(op: str, a: Any, b: Any, pos: int) -> bool | None:
    try:
        if op == "==":
            return bool(a == b)
        if op == "!=":
            return bool(a != b)
        if op in ("in", "not in"):
            found = _contains(b, a)
            return found if found is None or op == "in" else not found
        if a is None or b is None:
            return None
        return bool(_ORDERING[op](a, b))
    except TypeError as exc:
        raise ExprError(f"cannot compare with {op!r}: {exc}", pos) from None


_ORDERING = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def _member(value: Any, name: str, pos: int) -> Any:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return value.get(name)
    getter = getattr(type(value), "__reslint_get__", None)  # opt-in protocol, fixed name
    if getter is None:
        raise ExprError(f"cannot read member {name!r} of a {_type_name(value)}", pos)
    return getter(value, name)


def _index(value: Any, key: Any, pos: int) -> Any:
    if value is None or key is None:
        return None
    if isinstance(value, Mapping):
        try:
            return value.get(key)
        except TypeError:
            raise ExprError(f"cannot use a {_type_name(key)} as a key", pos) from None
    if isinstance(value, (str, *_LISTS)):
        if not _is_int(key):
            raise ExprError(f"index must be an integer, not a {_type_name(key)}", pos)
        return value[key] if -len(value) <= key < len(value) else None
    raise ExprError(f"cannot index a {_type_name(value)}", pos)
