"""Compiled rule packs as plain data (JSON), for the pack cache.

The cache folder may be shared or restored from elsewhere (a CI cache of another branch), so
what it holds must not be able to run code when read: no pickle.  A compiled pack is written
as JSON values only — strings, numbers, booleans, null, lists and objects — and read back
by building nothing but the classes named here (the packs, their rules, patterns, templates
and the expression tree), each from a list of its fields checked for count.  The check
primitive of a rule is stored by name and looked up again among the built-in primitives
and the configured plugins.  Anything else (an unknown tag, a wrong field count, a field of
the wrong kind) raises `PlainError`, and the caller compiles the packs instead.

Encoding: a list is always tagged by its first element: `["l", ...]` a list, `["t", ...]`
a tuple, `["d", k, v, ...]` a dict whose keys are not all strings, `["P", name]` a check
primitive, `["<Class>", field, ...]` one of the classes below.  A JSON object is a dict with
string keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reslint.engine import expr as ex
from reslint.engine.ruleset import Extractor, LazyPattern, Pack, Rule

FORMAT = 1  # bump when the encoding or a class's fields change

_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Pack, Rule, Extractor, LazyPattern, ex.Template, ex.Const, ex.Name, ex.Member,
                ex.Index, ex.ListExpr, ex.Unary, ex.Binary, ex.BoolOp, ex.Compare,
                ex.Conditional, ex.Call)
}
_SCALARS = (str, int, float, bool, type(None))


class PlainError(ValueError):
    """A value that is not one of the plain shapes above (a damaged or foreign cache)."""


def _field_names(cls: type) -> tuple[str, ...]:
    fields = getattr(cls, "__reslint_fields__", None)
    if fields is not None:
        return tuple(f.name for f in fields)
    if hasattr(cls, "_fields"):  # a NamedTuple
        return tuple(cls._fields)
    if hasattr(cls, "__dataclass_fields__"):
        return tuple(cls.__dataclass_fields__)
    if cls is LazyPattern:
        return ("source", "where")
    return tuple(getattr(cls, "__annotations__", {}))


_NAMES = {name: _field_names(cls) for name, cls in _CLASSES.items()}


def encode(value: Any) -> Any:
    """`value` as JSON-able plain data; PlainError for anything it cannot hold."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list):
        return ["l", *map(encode, value)]
    if isinstance(value, tuple):
        return ["t", *map(encode, value)]
    if isinstance(value, dict):
        if all(type(k) is str for k in value):
            return {k: encode(v) for k, v in value.items()}
        out: list[Any] = ["d"]
        for k, v in value.items():
            out += [encode(k), encode(v)]
        return out
    name = type(value).__name__
    if name == "Primitive":
        return ["P", value.name]
    if _CLASSES.get(name) is not type(value):
        raise PlainError(f"cannot store a {name}")
    return [name, *(encode(getattr(value, f)) for f in _NAMES[name])]


def decode(data: Any, primitive: Callable[[str], Any]) -> Any:
    """The value `encode` made; `primitive(name)` gives a check primitive back.

    Written for speed (it runs on every cached start: some 14,000 values): scalars are
    taken as they are without a call, a list's items are built before its tag is read."""
    classes, names, scalar, checks = _CLASSES, _NAMES, _SCALAR_TYPES, _CHECKS

    def build(item: Any) -> Any:
        kind = type(item)
        if kind is dict:
            return {k: v if type(v) in scalar else build(v) for k, v in item.items()}
        if kind is not list or not item:
            raise PlainError("not plain data")
        tag = item[0]
        if tag == "P":
            found = primitive(item[1]) if len(item) == 2 and type(item[1]) is str else None
            if found is None:
                raise PlainError("unknown primitive")
            return found
        args = [v if type(v) in scalar else build(v) for v in item[1:]]
        cls = classes.get(tag) if type(tag) is str else None
        if cls is not None:
            if len(args) != len(names[tag]):
                raise PlainError(f"damaged record {tag!r}")
            check = checks.get(tag)
            if check is not None and not check(*args):
                raise PlainError(f"damaged record {tag!r}")
            return cls(*args)
        if tag == "l":
            return args
        if tag == "t":
            return tuple(args)
        if tag == "d" and len(args) % 2 == 0:
            return dict(zip(args[::2], args[1::2], strict=True))
        raise PlainError("not plain data")

    return data if type(data) in scalar else build(data)


_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_NODES = (ex.Const, ex.Name, ex.Member, ex.Index, ex.ListExpr, ex.Unary, ex.Binary, ex.BoolOp,
          ex.Compare, ex.Conditional, ex.Call)
_COMPARE_OPS = frozenset({"==", "!=", "<", "<=", ">", ">=", "in", "not in"})


def _nodes(items: Any) -> bool:
    return type(items) is tuple and all(isinstance(i, _NODES) for i in items)


def _link(link: Any) -> bool:
    return (type(link) is tuple and len(link) == 3 and link[0] in _COMPARE_OPS
            and type(link[1]) is int and isinstance(link[2], _NODES))


# Field checks of the expression tree: the evaluator trusts a node's shape (its operators,
# its children), so a damaged entry is refused here rather than failing mid-run.
_CHECKS: dict[str, Callable[..., bool]] = {
    "Const": lambda value, pos: type(pos) is int and type(value) in _SCALAR_TYPES,
    "Name": lambda name, pos: type(name) is str and type(pos) is int,
    "Member": lambda obj, name, pos: isinstance(obj, _NODES) and type(name) is str
    and type(pos) is int,
    "Index": lambda obj, index, pos: isinstance(obj, _NODES) and isinstance(index, _NODES)
    and type(pos) is int,
    "ListExpr": lambda items, pos: _nodes(items) and type(pos) is int,
    "Unary": lambda op, operand, pos: op in ("-", "not") and isinstance(operand, _NODES)
    and type(pos) is int,
    "Binary": lambda op, left, right, pos: op in ("+", "-", "*", "/", "//", "%")
    and isinstance(left, _NODES) and isinstance(right, _NODES) and type(pos) is int,
    "BoolOp": lambda op, left, right, pos: op in ("and", "or") and isinstance(left, _NODES)
    and isinstance(right, _NODES) and type(pos) is int,
    "Compare": lambda first, rest, pos: isinstance(first, _NODES) and type(rest) is tuple
    and all(map(_link, rest)) and type(pos) is int,
    "Conditional": lambda then, test, otherwise, pos: isinstance(then, _NODES)
    and isinstance(test, _NODES) and isinstance(otherwise, _NODES) and type(pos) is int,
    "Call": lambda name, args, pos: type(name) is str and _nodes(args) and type(pos) is int,
    "Template": lambda source, parts: type(source) is str and type(parts) is tuple
    and all(type(p) is str or isinstance(p, _NODES) for p in parts),
    "LazyPattern": lambda source, where: type(source) is str and type(where) is str,
}


def check_packs(packs: Any, files: list[str]) -> list[Pack]:
    """The decoded value must be one pack per rule file, in order, each with well-formed
    rules: a damaged or foreign entry is rebuilt, never half-used."""
    if not isinstance(packs, list) or len(packs) != len(files):
        raise PlainError("not one pack per rule file")
    for pack, path in zip(packs, files, strict=True):
        if not isinstance(pack, Pack) or pack.path != path or not isinstance(pack.rules, list):
            raise PlainError("a pack of another file")
        for rule in pack.rules:
            if not (isinstance(rule, Rule) and isinstance(rule.code, str)
                    and isinstance(rule.line, int) and isinstance(rule.exprs, dict)
                    and isinstance(rule.regexes, dict) and isinstance(rule.message, ex.Template)
                    and hasattr(rule.primitive, "run")):
                raise PlainError("a damaged rule")
    return packs
