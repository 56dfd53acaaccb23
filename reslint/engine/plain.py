"""Compiled rule packs as plain data (JSON), for the pack cache.

The cache folder may be shared or restored from elsewhere (a CI cache of another branch), so
what it holds must not be able to run code when read: no pickle (and no marshal, which a
five-byte entry makes allocate gigabytes).  A compiled pack is written as JSON values only —
strings, numbers, booleans, null, lists and objects — and read back by building nothing
but the classes named here (the packs, their rules, patterns, templates and the expression
tree), each from a list of its fields checked for count.  The check primitive of a rule is
stored by name and looked up again among the built-in primitives and the configured
plugins.  Anything else (an unknown tag, a wrong field count, a field of the wrong kind)
raises `PlainError`, and the caller compiles the packs instead.

Encoding: a list is always tagged by its first element: `["l", ...]` a list, `["t", ...]`
a tuple, `["d", k, v, ...]` a dict whose keys are not all strings, `["P", name]` a check
primitive, `["<Class>", field, ...]` one of the classes below.  A JSON object is a dict with
string keys.  A rule is `["Rule", <its plain fields>, n]`, and its compiled fields, each
encoded as above, are the JSON on lines n, n + 1 ... of the entry after the first (the
first line is the JSON of the packs), one line per field in `_LAZY`'s order: a line is
read only when its field is needed (a check reads a rule's expressions, never its YAML,
examples or fix template, and its message only when it found something).

A rule is read lazily (`CachedRule`): its plain fields (code, name, severity, texts, file
and line) are checked when the entry is read, and each compiled field (expressions,
message, fix ...) is built and checked the first time it is read.  The hook runs only the
packs whose title matches and renders the messages of the rules that found something:
building every rule of every pack was a fifth of a `reslint check` run (callgrind: 86 M
instructions of 552 M to read the entry and build it; one JSON line per rule, all its
fields decoded at its first read, was 7 M of a 341 M hook, one line per field ~2 M).  A
compiled field that turns out damaged is not used: the packs are compiled again and the
rule takes the fields of the freshly compiled one (`Recovery`).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from reslint.engine import expr as ex
from reslint.engine.phrase import PhrasePattern
from reslint.engine.ruleset import Extractor, LazyPattern, Pack, Rule
from reslint.errors import ReslintError

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

FORMAT = 6  # bump when the encoding or a class's fields change

_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Pack, Rule, Extractor, LazyPattern, PhrasePattern, ex.Template, ex.Const,
                ex.Name, ex.Member, ex.Index, ex.ListExpr, ex.Unary, ex.Binary, ex.BoolOp,
                ex.Compare, ex.Conditional, ex.Call)
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
    if cls is PhrasePattern:
        return ("source", "where", "numbers", "word")
    return tuple(getattr(cls, "__annotations__", {}))


_NAMES = {name: _field_names(cls) for name, cls in _CLASSES.items()}


def dump_entry(packs: list[Pack]) -> bytes:
    """The cache entry of `packs`: the JSON of the packs on the first line, then one line
    of JSON per compiled field of each rule (JSON text has no raw line break)."""
    lines: list[str] = []
    head = dumps({"format": FORMAT, "packs": encode(packs, lines)})
    return "\n".join([head, *lines]).encode()


def load_entry(raw: bytes, primitive: Callable[[str], Any]) -> Any:
    """The packs of a cache entry (`dump_entry`), their rules' compiled fields unread; None
    when the entry is of another format."""
    first, *lines = raw.split(b"\n")
    data = json.loads(first)
    if type(data) is not dict or data.get("format") != FORMAT:
        return None
    return decode(data.get("packs"), primitive, lines)


def encode(value: Any, lines: list[str]) -> Any:
    """`value` as JSON-able plain data, each rule's compiled fields a JSON line added to
    `lines`; PlainError for anything it cannot hold."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list):
        return ["l", *(encode(v, lines) for v in value)]
    if isinstance(value, tuple):
        return ["t", *(encode(v, lines) for v in value)]
    if isinstance(value, dict):
        if all(type(k) is str for k in value):
            return {k: encode(v, lines) for k, v in value.items()}
        out: list[Any] = ["d"]
        for k, v in value.items():
            out += [encode(k, lines), encode(v, lines)]
        return out
    name = type(value).__name__
    if name == "Primitive":
        return ["P", value.name]
    if isinstance(value, Rule):
        return _encode_rule(value, lines)
    if _CLASSES.get(name) is not type(value):
        raise PlainError(f"cannot store a {name}")
    return [name, *(encode(getattr(value, f), lines) for f in _NAMES[name])]


def _encode_rule(rule: Rule, lines: list[str]) -> list[Any]:
    eager = [getattr(rule, name) for name in _EAGER]
    if any(type(v) is not kind for v, kind in zip(eager, _EAGER.values(), strict=True)):
        raise PlainError(f"rule {rule.code!r}: a field of an unexpected type")
    fields = [dumps(encode(getattr(rule, name), lines)) for name in _LAZY]
    lines.extend(fields)
    return ["Rule", *eager, len(lines) - len(fields)]


def dumps(value: Any) -> str:
    """The JSON text of an encoded value, as the cache stores it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode(data: Any, primitive: Callable[[str], Any], lines: list[bytes]) -> Any:
    """The value `encode` made; `primitive(name)` gives a check primitive back, `lines`
    are the rules' compiled fields (read when first needed).

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
        make = _MAKERS.get(tag) if type(tag) is str else None
        if make is not None:  # an expression: its own decoder, checked field by field
            return make(item)
        if tag == "Rule":
            return _cached_rule(item, build, lines)
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
# the exact classes (a set lookup; isinstance with eleven classes asks each in turn)
_NODE_TYPES = frozenset(_NODES)


# Field checks of the classes `build` makes (the expression tree has its own decoders,
# below): a damaged entry is refused here rather than failing mid-run.
_CHECKS: dict[str, Callable[..., bool]] = {
    "Template": lambda source, parts: type(source) is str and type(parts) is tuple
    and all(type(p) is str or type(p) in _NODE_TYPES for p in parts),
    "LazyPattern": lambda source, where: type(source) is str and type(where) is str,
    "PhrasePattern": lambda source, where, numbers, word: type(source) is str
    and type(where) is str and type(numbers) is tuple and all(type(n) is str for n in numbers)
    and type(word) is str and (word == "" or (word.isascii() and word.isalpha()
                               and word.islower())),
}


# -- the expression tree ---------------------------------------------------------------------
# Each node is read by its own function, which checks its fields as _CHECKS says (the
# evaluator trusts a node's shape): the generic `build` costs the hook ~13 M instructions
# for the ~1,000 nodes of the rules that run; these, about half.

def _damaged(item: Any) -> PlainError:
    return PlainError(f"damaged record {item[0]!r}")


def _node(item: Any) -> Any:
    """The node `item` encodes (PlainError: not a node)."""
    if type(item) is not list or not item:
        raise PlainError("not an expression")
    make = _MAKERS.get(item[0]) if type(item[0]) is str else None
    if make is None:
        raise PlainError("not an expression")
    return make(item)


def _node_tuple(item: Any) -> tuple[Any, ...]:
    if type(item) is not list or not item or item[0] != "t":
        raise PlainError("not a tuple of expressions")
    return tuple([_node(i) for i in item[1:]])


def _make_const(item: list[Any]) -> Any:
    if len(item) != 3 or type(item[1]) not in _SCALAR_TYPES or type(item[2]) is not int:
        raise _damaged(item)
    return ex.Const(item[1], item[2])


def _make_name(item: list[Any]) -> Any:
    if len(item) != 3 or type(item[1]) is not str or type(item[2]) is not int:
        raise _damaged(item)
    return ex.Name(item[1], item[2])


def _make_member(item: list[Any]) -> Any:
    if len(item) != 4 or type(item[2]) is not str or type(item[3]) is not int:
        raise _damaged(item)
    return ex.Member(_node(item[1]), item[2], item[3])


def _make_index(item: list[Any]) -> Any:
    if len(item) != 4 or type(item[3]) is not int:
        raise _damaged(item)
    return ex.Index(_node(item[1]), _node(item[2]), item[3])


def _make_list(item: list[Any]) -> Any:
    if len(item) != 3 or type(item[2]) is not int:
        raise _damaged(item)
    return ex.ListExpr(_node_tuple(item[1]), item[2])


def _make_unary(item: list[Any]) -> Any:
    if len(item) != 4 or item[1] not in ("-", "not") or type(item[3]) is not int:
        raise _damaged(item)
    return ex.Unary(item[1], _node(item[2]), item[3])


_BINARY_OPS = ("+", "-", "*", "/", "//", "%")


def _make_binary(item: list[Any]) -> Any:
    if len(item) != 5 or item[1] not in _BINARY_OPS or type(item[4]) is not int:
        raise _damaged(item)
    return ex.Binary(item[1], _node(item[2]), _node(item[3]), item[4])


def _make_boolop(item: list[Any]) -> Any:
    if len(item) != 5 or item[1] not in ("and", "or") or type(item[4]) is not int:
        raise _damaged(item)
    return ex.BoolOp(item[1], _node(item[2]), _node(item[3]), item[4])


def _make_compare(item: list[Any]) -> Any:
    if len(item) != 4 or type(item[3]) is not int:
        raise _damaged(item)
    rest = item[2]
    if type(rest) is not list or not rest or rest[0] != "t":
        raise _damaged(item)
    links = []
    for link in rest[1:]:
        if (type(link) is not list or len(link) != 4 or link[0] != "t"
                or type(link[1]) is not str or link[1] not in _COMPARE_OPS
                or type(link[2]) is not int):
            raise _damaged(item)
        links.append((link[1], link[2], _node(link[3])))
    return ex.Compare(_node(item[1]), tuple(links), item[3])


def _make_conditional(item: list[Any]) -> Any:
    if len(item) != 5 or type(item[4]) is not int:
        raise _damaged(item)
    return ex.Conditional(_node(item[1]), _node(item[2]), _node(item[3]), item[4])


def _make_call(item: list[Any]) -> Any:
    if len(item) != 4 or type(item[1]) is not str or type(item[3]) is not int:
        raise _damaged(item)
    return ex.Call(item[1], _node_tuple(item[2]), item[3])


_MAKERS: dict[str, Callable[[list[Any]], Any]] = {
    "Const": _make_const, "Name": _make_name, "Member": _make_member, "Index": _make_index,
    "ListExpr": _make_list, "Unary": _make_unary, "Binary": _make_binary,
    "BoolOp": _make_boolop, "Compare": _make_compare, "Conditional": _make_conditional,
    "Call": _make_call,
}
assert set(_MAKERS) == {cls.__name__ for cls in _NODES}, "a node without its decoder"


def check_packs(packs: Any, files: list[str]) -> list[Pack]:
    """The decoded value must be one pack per rule file, in order, each with well-formed
    rules: a damaged or foreign entry is rebuilt, never half-used.  (A rule's compiled
    fields are checked when first read: `CachedRule`.)"""
    if not isinstance(packs, list) or len(packs) != len(files):
        raise PlainError("not one pack per rule file")
    for pack, path in zip(packs, files, strict=True):
        if not isinstance(pack, Pack) or pack.path != path or not isinstance(pack.rules, list):
            raise PlainError("a pack of another file")
        if not all(isinstance(rule, CachedRule) for rule in pack.rules):
            raise PlainError("a damaged rule")
    return packs


# -- rules read lazily ------------------------------------------------------------------------

_RULE_FIELDS = _NAMES["Rule"]
_EAGER = {"code": str, "name": str, "severity": str, "summary": str, "rationale": str,
          "check": str, "pack": str, "source": str, "line": int, "column": int}
_LAZY: dict[str, Callable[[Any], bool]] = {
    "primitive": lambda v: hasattr(v, "run"),
    "message": lambda v: isinstance(v, ex.Template),
    "exprs": lambda v: type(v) is dict,
    "lets": lambda v: type(v) is list and all(
        type(i) is tuple and len(i) == 2 and type(i[0]) is str for i in v),
    "regexes": lambda v: type(v) is dict,
    "options": lambda v: type(v) is dict,
    "fix": lambda v: v is None or type(v) is dict,
    "examples": lambda v: type(v) is dict,
    "raw": lambda v: type(v) is dict,
    "fix_template": lambda v: v is None or isinstance(v, ex.Template),
}
assert set(_EAGER) | set(_LAZY) == set(_RULE_FIELDS), "a Rule field is neither eager nor lazy"
_LINE = {name: i for i, name in enumerate(_LAZY)}  # a field's line, from its rule's first


class Recovery:
    """What a damaged compiled field falls back on: the packs compiled again from their rule
    files (once), by the pack cache (reslint.engine.cache), which also replaces the entry."""

    def __init__(self, rebuild: Callable[[], list[Pack]]) -> None:
        self._rebuild = rebuild
        self._fresh: list[Pack] | None = None

    def fresh_rule(self, at: tuple[int, int], code: str) -> Rule:
        if self._fresh is None:
            self._fresh = self._rebuild()
        pack, index = at
        try:
            rule: Rule = self._fresh[pack].rules[index]
        except (IndexError, AttributeError):
            rule = None  # type: ignore[assignment]
        if rule is None or rule.code != code:
            raise ReslintError("the pack cache entry was damaged and its rule files changed "
                               "meanwhile: run reslint again")
        return rule


class _Deferred:
    """A compiled field of a `CachedRule`, built from the entry on first read (a non-data
    descriptor: once built, the value in the instance's dict is read directly)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, rule: Any, owner: Any = None) -> Any:
        if rule is None:
            return self
        return rule._build_field(self.name)


class CachedRule(Rule):
    """A rule read from the pack cache: the same fields as `Rule`, its compiled ones built
    when first read (see the module's docstring)."""

    def _build_field(self, name: str) -> Any:
        state = self.__dict__
        try:
            raw = json.loads(state["_lines"][state["_line"] + _LINE[name]])
            value = raw if type(raw) in _SCALAR_TYPES else state["_builder"](raw)
            if not _LAZY[name](value):
                raise PlainError(f"damaged field {name!r}")
        except (PlainError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return self._recover(name)
        state[name] = value
        return value

    def _recover(self, name: str) -> Any:
        recovery = self.__dict__.get("_recovery")
        if recovery is None:
            raise PlainError(f"damaged field {name!r} of rule {self.code}")
        fresh = recovery.fresh_rule(self.__dict__["_at"], self.code)
        for field_name in _RULE_FIELDS:  # every field from the fresh rule: never half-used
            self.__dict__[field_name] = getattr(fresh, field_name)
        return self.__dict__[name]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rule):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _RULE_FIELDS)

    __hash__ = None  # type: ignore[assignment]  # mutable and comparable, as Rule


for _name in _LAZY:
    setattr(CachedRule, _name, _Deferred(_name))


def _cached_rule(item: list[Any], build: Callable[[Any], Any], lines: list[bytes]
                 ) -> CachedRule:
    """A `CachedRule` from its encoded fields: the plain ones checked now, the compiled ones
    kept as their lines of JSON until read."""
    line = item[-1]
    if (len(item) != len(_EAGER) + 2 or type(line) is not int
            or not 0 <= line <= len(lines) - len(_LAZY)):
        raise PlainError("damaged record 'Rule'")
    rule = CachedRule.__new__(CachedRule)
    state = rule.__dict__
    for (name, kind), value in zip(_EAGER.items(), item[1:], strict=False):
        if type(value) is not kind:
            raise PlainError("damaged record 'Rule'")
        state[name] = value
    state["_lines"] = lines
    state["_line"] = line
    state["_builder"] = build
    state["_at"] = (-1, -1)
    state["_recovery"] = None
    return rule


def attach_recovery(packs: list[Pack], recovery: Recovery) -> None:
    """Where each cached rule sits, and what a damaged field of it falls back on."""
    for p, pack in enumerate(packs):
        for r, rule in enumerate(pack.rules):
            rule.__dict__["_at"] = (p, r)
            rule.__dict__["_recovery"] = recovery
