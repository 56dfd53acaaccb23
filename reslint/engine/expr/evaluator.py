"""Evaluating a tree against an environment of facts, null meaning "cannot decide": the
tree is compiled once into one closure per node (the parser bounds the depth, so the
recursion is safe)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reslint.engine.expr.functions import FUNCTIONS, Functions
from reslint.engine.expr.nodes import (
    Binary,
    BoolOp,
    Call,
    Compare,
    Conditional,
    Const,
    Expr,
    ExprError,
    Index,
    ListExpr,
    Member,
    Name,
    Unary,
)
from reslint.engine.expr.values import (
    _arithmetic,
    _compare,
    _index,
    _is_number,
    _member,
    _type_name,
)

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

    Compiled = Callable[[Mapping[str, Any]], Any]


def _registry(functions: Functions | None) -> Functions:
    return {**FUNCTIONS, **functions} if functions else FUNCTIONS


_KEPT = 20_000  # compiled expressions remembered at most (an editor reloads packs: new trees)
# by id: the tree and its closure (the tree is kept, so its id cannot be reused while here)
_SEEN: dict[int, tuple[Expr, Compiled]] = {}


def evaluate(expr: Expr, env: Mapping[str, Any], functions: Functions | None = None) -> Any:
    """Evaluate a parsed expression; null means "cannot decide" (see module docstring)."""
    return compiled(expr, functions)(env)


def compiled(expr: Expr, functions: Functions | None = None) -> Compiled:
    """`expr` as a closure of the environment: one closure per node, built once per tree
    (a rule's `expect` runs once per paragraph of every draft of a folder) and without the
    per-node dispatch a walk of the tree would pay at every evaluation."""
    if functions:
        return _compile(expr, _registry(functions))
    seen = _SEEN.get(id(expr))
    if seen is not None and seen[0] is expr:
        return seen[1]
    if len(_SEEN) >= _KEPT:
        _SEEN.clear()
    closure = _compile(expr, FUNCTIONS)
    _SEEN[id(expr)] = (expr, closure)
    return closure


# --- compiled, node by node ----------------------------------------------------------------


def _compile(node: Expr, functions: Functions) -> Compiled:
    """A closure computing the value of `node` (its operands left to right; an unknown name
    or function is an error when evaluated, not when compiled)."""
    return _COMPILERS[type(node)](node, functions)


def _const(node: Const, functions: Functions) -> Compiled:
    value = node.value
    return lambda env: value


def _name(node: Name, functions: Functions) -> Compiled:
    name, pos = node.name, node.pos

    def run(env: Mapping[str, Any]) -> Any:
        try:
            return env[name]
        except KeyError:
            raise ExprError(f"unknown name {name!r}", pos) from None

    return run


def _member_of(node: Member, functions: Functions) -> Compiled:
    obj, name, pos = _compile(node.obj, functions), node.name, node.pos

    def run(env: Mapping[str, Any]) -> Any:
        value = obj(env)
        if type(value) is dict:  # the facts: what _member does with a mapping, directly
            return value.get(name)
        return _member(value, name, pos)

    return run


def _index_of(node: Index, functions: Functions) -> Compiled:
    obj, index, pos = _compile(node.obj, functions), _compile(node.index, functions), node.pos
    return lambda env: _index(obj(env), index(env), pos)


def _list_of(node: ListExpr, functions: Functions) -> Compiled:
    items = [_compile(item, functions) for item in node.items]
    return lambda env: [item(env) for item in items]


def _unary(node: Unary, functions: Functions) -> Compiled:
    operand, negate, pos = _compile(node.operand, functions), node.op != "not", node.pos

    def run(env: Mapping[str, Any]) -> Any:
        value = operand(env)
        if value is None:
            return None
        if not negate:
            return not value
        if _is_number(value):
            return -value
        raise ExprError(f"cannot negate a {_type_name(value)}", pos)

    return run


def _binary(node: Binary, functions: Functions) -> Compiled:
    op, pos = node.op, node.pos
    left, right = _compile(node.left, functions), _compile(node.right, functions)
    return lambda env: _arithmetic(op, left(env), right(env), pos)


def _boolop(node: BoolOp, functions: Functions) -> Compiled:
    left, right = _compile(node.left, functions), _compile(node.right, functions)
    if node.op == "and":
        def both(env: Mapping[str, Any]) -> Any:
            value = left(env)
            return right(env) if value else value

        return both

    def either(env: Mapping[str, Any]) -> Any:
        value = left(env)
        return value if value else right(env)

    return either


def _compare_of(node: Compare, functions: Functions) -> Compiled:
    first = _compile(node.first, functions)
    rest = [(op, pos, _compile(operand, functions)) for op, pos, operand in node.rest]
    if len(rest) == 1:  # one link: its result is the chain's
        [(op, pos, second)] = rest
        return lambda env: _compare(op, first(env), second(env), pos)

    def chain(env: Mapping[str, Any]) -> bool | None:
        left, unknown = first(env), False
        for op, pos, operand in rest:
            right = operand(env)
            result = _compare(op, left, right, pos)
            if result is False:
                return False
            unknown = unknown or result is None
            left = right
        return None if unknown else True

    return chain


def _conditional(node: Conditional, functions: Functions) -> Compiled:
    test = _compile(node.test, functions)
    then, otherwise = _compile(node.then, functions), _compile(node.otherwise, functions)

    def run(env: Mapping[str, Any]) -> Any:
        value = test(env)
        if value is None:
            return None
        return then(env) if value else otherwise(env)

    return run


def _call(node: Call, functions: Functions) -> Compiled:
    name, pos = node.name, node.pos
    args = [_compile(arg, functions) for arg in node.args]

    def run(env: Mapping[str, Any]) -> Any:
        function = functions.get(name)  # looked up at each call, as the walk does
        if function is None:
            raise ExprError(f"unknown function {name!r}", pos)
        values = [arg(env) for arg in args]
        try:
            return function(*values)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise ExprError(f"{name}(): {exc}", pos) from None

    return run


_COMPILERS: dict[type, Callable[[Any, Functions], Compiled]] = {
    Const: _const,
    Name: _name,
    Member: _member_of,
    Index: _index_of,
    ListExpr: _list_of,
    Unary: _unary,
    Binary: _binary,
    BoolOp: _boolop,
    Compare: _compare_of,
    Conditional: _conditional,
    Call: _call,
}
