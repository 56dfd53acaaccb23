"""A small, safe expression language for rule files.

Rules compare facts of a draft and of last year's resolution, for example
``draft.total == draft.parties + draft.signatories``, and their messages are
templates with ``{expr}`` holes.  Rule files are untrusted input, so nothing
here touches Python's ``eval``/``exec``/``compile``/``ast``: a hand-written
tokenizer feeds a Pratt parser that builds plain dataclass nodes, and a
recursive evaluator walks them.  What an expression can reach is fixed by
construction:

* names are looked up in the environment mapping only (an unknown root name is
  an error, so typos do not silently disable a rule); names starting with
  ``_`` are rejected when parsing;
* ``a.b`` reads key ``"b"`` of a mapping (missing key -> null) or calls
  ``a.__reslint_get__("b")`` on objects that opt in; nothing is ``getattr``-ed;
* calls are limited to ``FUNCTIONS`` plus an explicit extra registry, and an
  unknown function is a parse error, so rule files fail when they are loaded;
* work is bounded: ``MAX_LENGTH`` characters, ``MAX_DEPTH`` levels of tree
  depth (a chain ``a + b + ...`` counts one level per operator), and ``*`` on
  strings/lists may not build more than ``MAX_REPEAT`` items.

Null semantics.  Facts are often missing, and a rule must then stay silent
instead of reporting a false finding, so null means "cannot decide" and the
caller treats a final null as "no finding":

* arithmetic, unary minus, ordering (``< <= > >=``): null if an operand is null;
  division or modulo by zero is null too;
* ``==`` and ``!=`` compare plainly (``null == null`` is true);
* ``not null`` is null; ``and``/``or`` short-circuit exactly like Python, so
  ``null and x`` and ``false or null`` are null, ``null or x`` is ``x``;
* ``x if null else y`` is null; ``null.b``, ``null[0]``, ``x in null`` are null;
* a chain ``a < b < c`` is false if any link is false, else null if any link
  is null;
* functions return null when given null where they expect a list.

Type errors (``"a" - 1``) raise ``ExprError`` with the offset of the operator.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from reslint._dataclass import dataclass
from reslint._record import record

Functions = Mapping[str, Callable[..., Any]]

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


# --- tokenizer ---------------------------------------------------------------


class _Token(NamedTuple):
    kind: str  # "num", "str", "name", "const", "eof", or the operator/keyword itself
    value: Any
    pos: int


_KEYWORDS = frozenset({"and", "or", "not", "in", "if", "else"})
_CONSTANTS = {"true": True, "false": False, "null": None}
_CONSTANTS.update({"True": True, "False": False, "None": None})  # Python spellings
# Two-character operators first, so that "<=" is not read as "<" then "=".
_OPERATORS = ("==", "!=", "<=", ">=", "//", *"<>+-*/%()[],.")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"'}
# string.digits and string.ascii_letters spelled out: `string` costs ~1 ms to import.
_DIGITS = frozenset("0123456789")
_IDENT_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_IDENT_CHARS = _IDENT_START | _DIGITS


def _scan_string(source: str, start: int) -> tuple[str, int]:
    """Read the string literal opening at ``start``; return its value and the end offset.

    Shared with the template scanner so that braces inside strings in a hole
    (``{join(x, "}")}``) do not end the hole.
    """
    quote, i = source[start], start + 1
    chars: list[str] = []
    while i < len(source):
        c = source[i]
        if c == quote:
            return "".join(chars), i + 1
        if c == "\\":
            escape = source[i + 1 : i + 2]
            if not escape:
                break
            if escape not in _ESCAPES:
                raise ExprError(f"unknown escape '\\{escape}' in string", i)
            chars.append(_ESCAPES[escape])
            i += 2
        else:
            chars.append(c)
            i += 1
    raise ExprError("unterminated string", start)


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c in " \t\r\n":
            i += 1
        elif c in _DIGITS:
            j = i
            while j < n and source[j] in _DIGITS:
                j += 1
            if j + 1 < n and source[j] == "." and source[j + 1] in _DIGITS:
                j += 1
                while j < n and source[j] in _DIGITS:
                    j += 1
                tokens.append(_Token("num", float(source[i:j]), i))
            else:
                tokens.append(_Token("num", int(source[i:j]), i))
            i = j
        elif c in _IDENT_START:
            j = i + 1
            while j < n and source[j] in _IDENT_CHARS:
                j += 1
            word = source[i:j]
            if word in _KEYWORDS:
                tokens.append(_Token(word, None, i))
            elif word in _CONSTANTS:
                tokens.append(_Token("const", _CONSTANTS[word], i))
            elif word.startswith("_"):
                raise ExprError(f"names starting with '_' are not allowed: {word!r}", i)
            else:
                tokens.append(_Token("name", word, i))
            i = j
        elif c in "'\"":
            value, end = _scan_string(source, i)
            tokens.append(_Token("str", value, i))
            i = end
        else:
            op = next((op for op in _OPERATORS if source.startswith(op, i)), None)
            if op is None:
                raise ExprError(f"unexpected character {c!r}", i)
            tokens.append(_Token(op, None, i))
            i += len(op)
    tokens.append(_Token("eof", None, n))
    return tokens


# --- parser --------------------------------------------------------------------

# Binding powers, Python's precedence from loosest to tightest.
_IF_BP, _OR_BP, _AND_BP, _NOT_BP, _CMP_BP, _ADD_BP, _MUL_BP, _NEG_BP, _POSTFIX_BP = range(1, 10)
_TOO_DEEP = f"expression is nested more than {MAX_DEPTH} levels deep"
_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">=", "in"})
_INFIX_BP = {
    "if": _IF_BP, "or": _OR_BP, "and": _AND_BP,
    **dict.fromkeys(_COMPARISONS, _CMP_BP),
    "+": _ADD_BP, "-": _ADD_BP, "*": _MUL_BP, "/": _MUL_BP, "//": _MUL_BP, "%": _MUL_BP,
    ".": _POSTFIX_BP, "[": _POSTFIX_BP, "(": _POSTFIX_BP,
}  # fmt: skip


def _describe(tok: _Token) -> str:
    if tok.kind == "eof":
        return "end of expression"
    label = {"num": "number", "str": "string", "const": "constant", "name": "name"}.get(tok.kind)
    if label:
        return f"{label} {tok.value!r}"
    return repr(tok.kind)


class _Parser:
    """Pratt parser: each token has a prefix meaning and an infix binding power.

    ``depth`` bounds recursion while parsing; ``_check_depth`` then bounds the tree.
    """

    def __init__(self, source: str, functions: set[str]) -> None:
        self.tokens = _tokenize(source)
        self.i = 0
        self.depth = 0
        self.functions = functions

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def advance(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, kind: str, what: str) -> _Token:
        tok = self.advance()
        if tok.kind != kind:
            raise ExprError(f"expected {what}, got {_describe(tok)}", tok.pos)
        return tok

    def at_not_in(self) -> bool:
        return self.peek().kind == "not" and self.tokens[self.i + 1].kind == "in"

    def infix_bp(self) -> int:
        if self.at_not_in():
            return _CMP_BP
        return _INFIX_BP.get(self.peek().kind, 0)

    def expression(self, rbp: int = 0) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(_TOO_DEEP, self.peek().pos)
        left = self.prefix(self.advance(), rbp)
        while self.infix_bp() > rbp:
            left = self.infix(self.advance(), left)
        self.depth -= 1
        return left

    def prefix(self, tok: _Token, rbp: int) -> Expr:
        kind = tok.kind
        if kind in ("num", "str", "const"):
            return Const(tok.value, tok.pos)
        if kind == "name":
            return self.call(tok) if self.peek().kind == "(" else Name(tok.value, tok.pos)
        if kind == "(":
            inner = self.expression()
            self.expect(")", "')'")
            return inner
        if kind == "[":
            return ListExpr(self.sequence("]"), tok.pos)
        if kind == "-":
            return Unary("-", self.expression(_NEG_BP), tok.pos)
        if kind == "not" and rbp <= _NOT_BP:  # like Python, `a == not b` is refused
            return Unary("not", self.expression(_NOT_BP), tok.pos)
        raise ExprError(f"expected an expression, got {_describe(tok)}", tok.pos)

    def infix(self, tok: _Token, left: Expr) -> Expr:
        kind = tok.kind
        if kind == ".":
            name = self.expect("name", "a member name after '.'")
            return Member(left, name.value, name.pos)
        if kind == "[":
            index = self.expression()
            self.expect("]", "']'")
            return Index(left, index, tok.pos)
        if kind == "(":
            raise ExprError("only registered functions can be called, e.g. upper(x)", tok.pos)
        if kind == "if":
            test = self.expression(_IF_BP)
            self.expect("else", "'else'")
            return Conditional(left, test, self.expression(), tok.pos)
        if kind in _COMPARISONS or kind == "not":
            return self.comparison(tok, left)
        if kind in ("and", "or"):
            return BoolOp(kind, left, self.expression(_INFIX_BP[kind]), tok.pos)
        return Binary(kind, left, self.expression(_INFIX_BP[kind]), tok.pos)

    def comparison(self, tok: _Token, left: Expr) -> Compare:
        """Collect a whole chain here, so `(a < b) < c` stays distinct from `a < b < c`."""
        rest = []
        while True:
            op = tok.kind
            if op == "not":
                self.advance()  # the "in" of "not in"
                op = "not in"
            rest.append((op, tok.pos, self.expression(_CMP_BP)))
            if not (self.peek().kind in _COMPARISONS or self.at_not_in()):
                return Compare(left, tuple(rest), rest[0][1])
            tok = self.advance()

    def call(self, name: _Token) -> Call:
        if name.value not in self.functions:
            import difflib  # only for this error message: not on every start-up

            close = difflib.get_close_matches(name.value, sorted(self.functions), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ExprError(f"unknown function {name.value!r}{hint}", name.pos)
        self.advance()  # "("
        return Call(name.value, self.sequence(")"), name.pos)

    def sequence(self, close: str) -> tuple[Expr, ...]:
        """Comma-separated expressions up to ``close`` (a trailing comma is fine)."""
        items = []
        while self.peek().kind != close:
            items.append(self.expression())
            if self.peek().kind != ",":
                break
            self.advance()
        self.expect(close, f"',' or {close!r}")
        return tuple(items)


def _check_depth(root: Expr) -> None:
    """Bound the tree itself: `a+a+...` or `a.b.c...` chains grow it without recursing."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExprError(_TOO_DEEP, node.pos)
        stack.extend((child, depth + 1) for child in _children(node))


def parse(source: str, functions: Iterable[str] | None = None) -> Expr:
    """Parse ``source`` once into a reusable tree.

    ``functions`` names extra callable functions on top of ``FUNCTIONS``; any
    other call is refused here, so bad rule files fail at load time.
    """
    if not isinstance(source, str):
        raise ExprError(f"expression must be a string, not {type(source).__name__}", 0)
    if len(source) > MAX_LENGTH:
        raise ExprError(f"expression is longer than {MAX_LENGTH} characters", MAX_LENGTH)
    parser = _Parser(source, set(FUNCTIONS).union(functions or ()))
    expr = parser.expression()
    tok = parser.peek()
    if tok.kind != "eof":
        raise ExprError(f"unexpected {_describe(tok)}", tok.pos)
    _check_depth(expr)
    return expr


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
    evaluator = _Evaluator(env, _registry(functions))
    return "".join(
        part if isinstance(part, str) else _format(evaluator.run(part)) for part in template.parts
    )


def render_complete(
    template: Template,
    env: Mapping[str, Any],
    functions: Functions | None = None,
) -> str | None:
    """Like `render`, but None when a hole is null: a fix built from a missing fact would
    write "?" into the drafter's file."""
    evaluator = _Evaluator(env, _registry(functions))
    out = []
    for part in template.parts:
        if not isinstance(part, str):
            value = evaluator.run(part)
            if value is None:
                return None
            part = _format(value)
        out.append(part)
    return "".join(out)


# --- built-in functions -------------------------------------------------------------


def _list_function(function: Callable[..., Any]) -> Callable[..., Any]:
    """Make ``function(items, ...)`` return null for a null list and refuse non-lists."""

    @functools.wraps(function)
    def wrapper(items: Any, *rest: Any) -> Any:
        if items is None:
            return None
        if not isinstance(items, _LISTS):
            raise TypeError(f"expected a list, got a {_type_name(items)}")
        return function(items, *rest)

    return wrapper


def _extreme(pick: Callable[..., Any]) -> Callable[..., Any]:
    """min/max over one list or over several arguments; any null gives null."""

    def function(*args: Any) -> Any:
        items = args[0] if len(args) == 1 else args
        if items is None:
            return None
        if not isinstance(items, _LISTS):
            raise TypeError(f"expected a list or several values, got a {_type_name(items)}")
        if not items or any(item is None for item in items):
            return None
        return pick(items)

    return function


def _len(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, (str, *_LISTS, Mapping)):
        raise TypeError(f"a {_type_name(value)} has no length")
    return len(value)


@_list_function
def _sum(items: list[Any]) -> Any:
    return None if any(item is None for item in items) else sum(items)


def _abs(value: Any) -> Any:
    if value is None:
        return None
    if not _is_number(value):
        raise TypeError(f"expected a number, got a {_type_name(value)}")
    return abs(value)


class _OrderedSet:
    """Insertion-ordered set that also takes unhashable items (lists), compared by ==."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._hashed: set[Any] = set()

    def add(self, item: Any) -> bool:
        """Add ``item``; return whether it was new."""
        try:
            if item in self._hashed:
                return False
            self._hashed.add(item)
        except TypeError:
            if item in self.items:
                return False
        self.items.append(item)
        return True


@_list_function
def _unique(items: list[Any]) -> list[Any]:
    seen = _OrderedSet()
    for item in items:
        seen.add(item)
    return seen.items


@_list_function
def _duplicates(items: list[Any]) -> list[Any]:
    """Items occurring more than once, each reported once, in first-occurrence order."""
    seen, again = _OrderedSet(), _OrderedSet()
    for item in items:
        if not seen.add(item):
            again.add(item)
    return again.items


def _count(items: Any, value: Any) -> int | None:
    if items is None:
        return None
    if isinstance(items, str) and isinstance(value, str):
        return items.count(value)
    if not isinstance(items, _LISTS):
        raise TypeError(f"expected a list, got a {_type_name(items)}")
    return items.count(value)


def _int(value: Any) -> int | None:
    """int() that reads null and unreadable text as null ("cannot decide")."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    if not isinstance(value, (int, float)):
        raise TypeError(f"cannot make a number of a {_type_name(value)}")
    return int(value)


def _text_function(method: Callable[[str], str]) -> Callable[[Any], str | None]:
    def function(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got a {_type_name(value)}")
        return method(value)

    return function


def _coalesce(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)


@_list_function
def _is_sorted(items: list[Any]) -> bool | None:
    if any(item is None for item in items):
        return None
    return all(a <= b for a, b in itertools.pairwise(items))


@_list_function
def _join(items: list[Any], sep: str = ", ") -> str:
    if not isinstance(sep, str):
        raise TypeError(f"separator must be a string, not a {_type_name(sep)}")
    return sep.join(_format(item) for item in items)


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "len": _len,
    "min": _extreme(min),
    "max": _extreme(max),
    "sum": _sum,
    "abs": _abs,
    "any": _list_function(any),
    "all": _list_function(all),
    "sorted": _list_function(sorted),
    "unique": _unique,
    "duplicates": _duplicates,
    "count": _count,
    "first": _list_function(lambda items: items[0] if items else None),
    "last": _list_function(lambda items: items[-1] if items else None),
    "int": _int,
    "str": lambda value: None if value is None else _format(value),
    "lower": _text_function(str.lower),
    "upper": _text_function(str.upper),
    "contains": _contains,
    "is_null": lambda value: value is None,
    "coalesce": _coalesce,
    "is_sorted": _is_sorted,
    "join": _join,
}
