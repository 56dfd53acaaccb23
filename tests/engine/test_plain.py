"""The pack cache's expression decoders (reslint.engine.plain): every expression of the
built-in packs reads back as compiled, and a damaged node is refused, never half-built."""

from __future__ import annotations

import copy
import json

import pytest

from reslint.engine import expr as ex
from reslint.engine import plain
from reslint.engine.ruleset import rule_files
from reslint.lint import _compile_packs
from reslint.resources import builtin_rules_path

SCALARS = (str, int, float, bool, type(None))


def expressions() -> list[object]:
    packs = _compile_packs(rule_files(builtin_rules_path()), [])
    found: list[object] = []
    for pack in packs:
        found += [parsed for _, parsed in pack.lets]
        for rule in pack.rules:
            found += list(rule.exprs.values()) + [parsed for _, parsed in rule.lets]
            found += [p for p in rule.message.parts if not isinstance(p, str)]
    return found


def read_back(encoded: object) -> object:
    return plain.decode(json.loads(json.dumps(encoded)), lambda name: None, [])


def well_formed(node: object) -> bool:
    """The shape the evaluator trusts (what the generic checks asked of each node)."""
    def ok(n: object) -> bool:
        return well_formed(n)

    if isinstance(node, ex.Const):
        return type(node.value) in SCALARS and type(node.pos) is int
    if isinstance(node, ex.Name):
        return type(node.name) is str and type(node.pos) is int
    if isinstance(node, ex.Member):
        return ok(node.obj) and type(node.name) is str and type(node.pos) is int
    if isinstance(node, ex.Index):
        return ok(node.obj) and ok(node.index) and type(node.pos) is int
    if isinstance(node, ex.ListExpr):
        return type(node.items) is tuple and all(map(ok, node.items))
    if isinstance(node, ex.Unary):
        return node.op in ("-", "not") and ok(node.operand)
    if isinstance(node, (ex.Binary, ex.BoolOp)):
        return type(node.op) is str and ok(node.left) and ok(node.right)
    if isinstance(node, ex.Compare):
        return ok(node.first) and type(node.rest) is tuple and all(
            type(link) is tuple and len(link) == 3 and type(link[0]) is str
            and type(link[1]) is int and ok(link[2]) for link in node.rest)
    if isinstance(node, ex.Conditional):
        return ok(node.then) and ok(node.test) and ok(node.otherwise)
    if isinstance(node, ex.Call):
        return type(node.name) is str and type(node.args) is tuple and all(map(ok, node.args))
    return False


def test_every_built_in_expression_reads_back_as_compiled() -> None:
    found = expressions()
    assert len(found) > 300
    tags: set[str] = set()
    for node in found:
        encoded = plain.encode(node, [])
        assert read_back(encoded) == node
        tags |= {str(value[0]) for value in walk(encoded)}
    assert {cls.__name__ for cls in plain._NODES} <= tags  # every kind of node read back


def walk(value: object) -> list[list]:
    """The encoded lists inside `value`, itself included."""
    if not isinstance(value, list):
        return []
    return [value, *(inner for item in value[1:] for inner in walk(item))]


def spots(value: object, path: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    """Every place inside an encoded node (list items after the tag)."""
    out = []
    if isinstance(value, list):
        for i, item in enumerate(value[1:], 1):
            out.append((*path, i))
            out += spots(item, (*path, i))
    return out


@pytest.mark.parametrize("wrong", [None, 7, 2.5, "x", True, ["l"], ["t"], {"a": 1},
                                   ["Name", "x"], ["Template", "x", ["t"]], ["os.system", 1]])
def test_a_damaged_node_is_refused_or_well_formed(wrong: object) -> None:
    for node in expressions()[::7]:
        encoded = plain.encode(node, [])
        for spot in spots(encoded):
            damaged = copy.deepcopy(encoded)
            target = damaged
            for i in spot[:-1]:
                target = target[i]
            target[spot[-1]] = wrong
            try:
                value = read_back(damaged)
            except (plain.PlainError, ValueError, TypeError):
                continue
            assert well_formed(value), (encoded, spot)
