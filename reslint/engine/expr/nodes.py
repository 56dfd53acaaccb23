"""The expression tree: one plain, frozen record per kind of node, each keeping `pos`
(its offset in the source, for error messages), and the limits that bound any tree."""

from __future__ import annotations

from reslint._record import record

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

MAX_LENGTH = 2000
MAX_DEPTH = 50
MAX_REPEAT = 10_000


class ExprError(Exception):
    """A bad expression; ``offset`` (0-based) lets the loader point into the YAML file."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message, offset)
        self.message = message
        self.offset = offset

    def __str__(self) -> str:
        return f"{self.message} (at offset {self.offset})"


# --- AST ---------------------------------------------------------------------
# Every node keeps ``pos``, the source offset used in runtime error messages.


@record
class Const:
    value: Any
    pos: int


@record
class Name:
    name: str
    pos: int


@record
class Member:
    obj: Expr
    name: str
    pos: int


@record
class Index:
    obj: Expr
    index: Expr
    pos: int


@record
class ListExpr:
    items: tuple[Expr, ...]
    pos: int


@record
class Unary:
    op: str  # "-" or "not"
    operand: Expr
    pos: int


@record
class Binary:
    op: str  # + - * / // %
    left: Expr
    right: Expr
    pos: int


@record
class BoolOp:
    op: str  # "and" or "or"
    left: Expr
    right: Expr
    pos: int


@record
class Compare:
    """``first op1 x1 op2 x2 ...``; a chain like Python's, each link is (op, pos, operand)."""

    first: Expr
    rest: tuple[tuple[str, int, Expr], ...]
    pos: int


@record
class Conditional:
    then: Expr
    test: Expr
    otherwise: Expr
    pos: int


@record
class Call:
    name: str
    args: tuple[Expr, ...]
    pos: int


Expr = (
    Const
    | Name
    | Member
    | Index
    | ListExpr
    | Unary
    | Binary
    | BoolOp
    | Compare
    | Conditional
    | Call
)


def _children(node: Expr) -> tuple[Expr, ...]:
    """The direct sub-expressions, for the depth check and for names()."""
    if isinstance(node, Member):
        return (node.obj,)
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Index):
        return (node.obj, node.index)
    if isinstance(node, (Binary, BoolOp)):
        return (node.left, node.right)
    if isinstance(node, Compare):
        return (node.first, *(operand for _, _, operand in node.rest))
    if isinstance(node, Conditional):
        return (node.then, node.test, node.otherwise)
    if isinstance(node, ListExpr):
        return node.items
    if isinstance(node, Call):
        return node.args
    return ()


def _dotted(node: Expr) -> str | None:
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Member):
        base = _dotted(node.obj)
        return None if base is None else f"{base}.{node.name}"
    return None


def names(expr: Expr) -> set[str]:
    """Dotted paths of the facts used (``a.b[0].c`` gives ``a.b``), so the loader
    can check rules against the known facts."""
    found: set[str] = set()
    stack = [expr]
    while stack:
        node = stack.pop()
        path = _dotted(node)
        if path is None:
            stack.extend(_children(node))
        else:
            found.add(path)
    return found
