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

The package: `nodes` (the tree), `parser` (text -> tree), `values` (what operators do),
`evaluator` (tree + facts -> value), `templates` (messages with holes), `functions` (the
one registry of callable functions, documented in docs/rule-language.md).
"""

from reslint.engine.expr.evaluator import evaluate
from reslint.engine.expr.functions import FUNCTIONS, REGISTRY, Function, Functions
from reslint.engine.expr.nodes import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_REPEAT,
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
    names,
)
from reslint.engine.expr.parser import parse
from reslint.engine.expr.templates import Template, parse_template, render, render_complete

__all__ = [
    "FUNCTIONS", "MAX_DEPTH", "MAX_LENGTH", "MAX_REPEAT", "REGISTRY", "Binary", "BoolOp",
    "Call", "Compare", "Conditional", "Const", "Expr", "ExprError", "Function", "Functions",
    "Index", "ListExpr", "Member", "Name", "Template", "Unary", "evaluate", "names", "parse",
    "parse_template", "render", "render_complete",
]
