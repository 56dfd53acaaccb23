"""Evaluating a tree against an environment of facts: a recursive walk (the parser bounds
the depth), null meaning "cannot decide"."""

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

# --- evaluator -------------------------------------------------------------------


class _Evaluator:
    """A recursive walk; depth is bounded by the parser, so recursion is safe."""

    __slots__ = ("env", "functions")

    def __init__(self, env: Mapping[str, Any], functions: Functions):
        self.env = env
        self.functions = functions

    def run(self, node: Expr) -> Any:
        return _DISPATCH[type(node)](self, node)

    def const(self, node: Const) -> Any:
        return node.value

    def name(self, node: Name) -> Any:
        try:
            return self.env[node.name]
        except KeyError:
            raise ExprError(f"unknown name {node.name!r}", node.pos) from None

    def member(self, node: Member) -> Any:
        return _member(self.run(node.obj), node.name, node.pos)

    def index(self, node: Index) -> Any:
        return _index(self.run(node.obj), self.run(node.index), node.pos)

    def list_expr(self, node: ListExpr) -> list[Any]:
        return [self.run(item) for item in node.items]

    def unary(self, node: Unary) -> Any:
        value = self.run(node.operand)
        if value is None:
            return None
        if node.op == "not":
            return not value
        if _is_number(value):
            return -value
        raise ExprError(f"cannot negate a {_type_name(value)}", node.pos)

    def binary(self, node: Binary) -> Any:
        return _arithmetic(node.op, self.run(node.left), self.run(node.right), node.pos)

    def boolop(self, node: BoolOp) -> Any:
        left = self.run(node.left)
        if node.op == "and":
            return self.run(node.right) if left else left
        return left if left else self.run(node.right)

    def compare(self, node: Compare) -> bool | None:
        left, unknown = self.run(node.first), False
        for op, pos, operand in node.rest:
            right = self.run(operand)
            result = _compare(op, left, right, pos)
            if result is False:
                return False
            unknown = unknown or result is None
            left = right
        return None if unknown else True

    def conditional(self, node: Conditional) -> Any:
        test = self.run(node.test)
        if test is None:
            return None
        return self.run(node.then if test else node.otherwise)

    def call(self, node: Call) -> Any:
        function = self.functions.get(node.name)
        if function is None:
            raise ExprError(f"unknown function {node.name!r}", node.pos)
        args = [self.run(arg) for arg in node.args]
        try:
            return function(*args)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise ExprError(f"{node.name}(): {exc}", node.pos) from None


_DISPATCH: dict[type, Callable[[_Evaluator, Any], Any]] = {
    Const: _Evaluator.const,
    Name: _Evaluator.name,
    Member: _Evaluator.member,
    Index: _Evaluator.index,
    ListExpr: _Evaluator.list_expr,
    Unary: _Evaluator.unary,
    Binary: _Evaluator.binary,
    BoolOp: _Evaluator.boolop,
    Compare: _Evaluator.compare,
    Conditional: _Evaluator.conditional,
    Call: _Evaluator.call,
}


def _registry(functions: Functions | None) -> Functions:
    return {**FUNCTIONS, **functions} if functions else FUNCTIONS


def evaluate(expr: Expr, env: Mapping[str, Any], functions: Functions | None = None) -> Any:
    """Evaluate a parsed expression; null means "cannot decide" (see module docstring)."""
    return _Evaluator(env, _registry(functions)).run(expr)
