"""Source text -> expression tree: a hand-written tokenizer and a Pratt parser (no
`eval`, `compile` or `ast`: rule files are untrusted input).  An unknown function is a
parse error, so a bad rule file fails when it is loaded."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable

from reslint.engine.expr.functions import FUNCTIONS
from reslint.engine.expr.nodes import (
    MAX_DEPTH,
    MAX_LENGTH,
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
    _children,
)

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any, NamedTuple

# --- tokenizer ---------------------------------------------------------------


if TYPE_CHECKING:
    class _Token(NamedTuple):
        kind: str  # "num", "str", "name", "const", "eof", or the operator/keyword itself
        value: Any
        pos: int
else:  # the same class: typing.NamedTuple compiles its (string) annotations, and the first
    # compile() of a run initialises Python's AST types: 9 M instructions of every hook run
    _Token = namedtuple("_Token", "kind value pos")


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
