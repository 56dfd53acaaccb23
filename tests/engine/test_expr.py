"""Tests for the rule expression language (reslint.engine.expr)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from reslint.engine.expr import (
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_REPEAT,
    ExprError,
    evaluate,
    names,
    parse,
    parse_template,
    render,
)

ENV: dict[str, Any] = {
    "draft": {"total": 5, "parties": 3, "signatories": 2, "sponsors": ["A", "B", "A", "C", "B"]},
    "previous": None,
    "s": "abc",
    "xs": [3, 1, 2],
    "n": None,
}


@pytest.fixture(autouse=True)
def fresh_closures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test compiles its expressions anew (the closures are kept by the tree's id)."""
    from reslint.engine.expr import evaluator

    monkeypatch.setattr(evaluator, "_SEEN", {})


def ev(source: str, env: dict[str, Any] | None = None, **extra: Any) -> Any:
    return evaluate(parse(source, extra), ENV if env is None else env, extra or None)


def error(source: str, env: dict[str, Any] | None = None) -> ExprError:
    with pytest.raises(ExprError) as info:
        ev(source, env)
    return info.value


# --- literals and precedence ---------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("42", 42),
        ("1.5", 1.5),
        ("'it\\'s'", "it's"),
        ('"a\\n\\"b\\""', 'a\n"b"'),
        ("true", True),
        ("False", False),
        ("null", None),
        ("None", None),
        ("[1, 'a', [null]]", [1, "a", [None]]),
        ("[1, 2,]", [1, 2]),
        ("[]", []),
    ],
)
def test_literals(source: str, expected: Any) -> None:
    assert ev(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),  # left-associative
        ("100 / 10 / 5", 2),
        ("2 * 3 % 4", 2),
        ("7 // 2 * 2", 6),
        ("-2 * 3", -6),
        ("- -2", 2),
        ("-xs[0]", -3),
        ("1 + 2 == 3", True),
        ("not 1 == 2", True),
        ("not true and false", False),
        ("not (true and false)", True),
        ("not not true", True),
        ("true or false and false", True),
        ("(true or false) and false", False),
        ("1 if true else 2", 1),
        ("1 if false else 2 if false else 3", 3),
        ("1 or 2 if false else 3", 3),
        ("'a' + 'b' * 2", "abb"),
        ("[1] + [2]", [1, 2]),
        ("2 in [1, 2] == true", False),  # chained like Python: (2 in [...]) and ([...] == true)
    ],
)
def test_precedence_and_associativity(source: str, expected: Any) -> None:
    assert ev(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 < 2 < 3", True),
        ("1 < 3 < 2", False),
        ("3 > 2 >= 2 == 2", True),
        ("1 < 2 > 0", True),
        ("(1 < 2) < 3", True),  # True < 3, not a chain
        ("1 == 1 != 2", True),
        ("'b' in s not in ['x']", True),
        ("null < 1 < 0", False),  # a false link decides
        ("null < 1 < 2", None),  # otherwise a null link leaves it open
    ],
)
def test_chained_comparisons(source: str, expected: Any) -> None:
    assert ev(source) is expected


def test_chained_comparison_evaluates_middle_operand_once() -> None:
    calls = []

    def tick() -> int:
        calls.append(1)
        return 2

    assert ev("1 < tick() < 3", tick=tick) is True
    assert len(calls) == 1


# --- null semantics --------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("n + 1", None),
        ("1 - n", None),
        ("n * 2", None),
        ("n / 2", None),
        ("n // 2", None),
        ("n % 2", None),
        ("-n", None),
        ("n < 1", None),
        ("1 <= n", None),
        ("n > n", None),
        ("n >= 0", None),
        ("n == n", True),
        ("n == 0", False),
        ("n != 0", True),
        ("not n", None),
        ("n and true", None),
        ("true and n", None),
        ("false or n", None),
        ("n or 7", 7),
        ("false and n", False),
        ("1 if n else 2", None),
        ("1 in n", None),
        ("1 not in n", None),
        ("n in [1, null]", True),
        ("previous.total", None),
        ("previous.a.b.c", None),
        ("n[0]", None),
        ("xs[n]", None),
        ("1 / 0", None),
        ("1 % 0", None),
        ("len(n)", None),
        ("sum(n)", None),
        ("sum([1, n])", None),
        ("min(1, n)", None),
        ("max(n)", None),
        ("first(n)", None),
        ("unique(n)", None),
        ("join(n, ', ')", None),
        ("str(n)", None),
        ("int(n)", None),
        ("upper(n)", None),
        ("is_null(n)", True),
        ("coalesce(n, null, 3)", 3),
    ],
)
def test_null_propagation(source: str, expected: Any) -> None:
    assert ev(source) == expected
    assert type(ev(source)) is type(expected)


# --- member access and indexing --------------------------------------------------


@dataclass
class Facts:
    """Stands in for the engine's dataclass wrapper."""

    values: dict[str, Any]

    def __reslint_get__(self, name: str) -> Any:
        return self.values.get(name)


class Opaque:
    secret = "hidden"


def test_member_access_on_mappings() -> None:
    assert ev("draft.total") == 5
    assert ev("draft.missing") is None
    assert ev("d.a.b", {"d": {"a": {"b": 1}}}) == 1


def test_member_access_via_protocol() -> None:
    env = {"draft": Facts({"total": 7, "inner": {"x": 1}})}
    assert ev("draft.total + draft.inner.x", env) == 8
    assert ev("draft.missing", env) is None


@pytest.mark.parametrize(
    "source",
    ["s.upper", "xs.append", "draft.total.real", "o.secret", "o.values"],
)
def test_member_access_refused_elsewhere(source: str) -> None:
    err = error(source, {**ENV, "o": Opaque()})
    assert "cannot read member" in err.message
    assert err.offset == source.rindex(".") + 1


@pytest.mark.parametrize("source", ["s.__class__", "_x", "s._private", "__import__('os')"])
def test_underscore_names_rejected_at_parse_time(source: str) -> None:
    with pytest.raises(ExprError) as info:
        parse(source)
    assert "'_'" in info.value.message
    assert info.value.offset == source.index("_")


def test_method_call_syntax_rejected() -> None:
    with pytest.raises(ExprError, match="only registered functions"):
        parse("s.upper()")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("xs[0]", 3),
        ("xs[-1]", 2),
        ("xs[3]", None),
        ("xs[-4]", None),
        ("s[1]", "b"),
        ("draft['total']", 5),
        ("draft['nope']", None),
        ("draft.sponsors[1]", "B"),
    ],
)
def test_indexing(source: str, expected: Any) -> None:
    assert ev(source) == expected


@pytest.mark.parametrize(("source", "offset"), [("xs['a']", 2), ("draft.total[0]", 11)])
def test_bad_indexing(source: str, offset: int) -> None:
    assert error(source).offset == offset


def test_unknown_root_name_is_an_error() -> None:
    err = error("draft.total + drfat.total")
    assert err.message == "unknown name 'drfat'"
    assert err.offset == 14


# --- functions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("len(xs)", 3),
        ("len(s)", 3),
        ("min(xs)", 1),
        ("max(4, 9, 2)", 9),
        ("min([])", None),
        ("sum(xs)", 6),
        ("sum([true, false, true])", 2),
        ("abs(-3)", 3),
        ("any([0, 1])", True),
        ("all([1, 0])", False),
        ("sorted(xs)", [1, 2, 3]),
        ("unique(draft.sponsors)", ["A", "B", "C"]),
        ("unique([[1], [1], 2])", [[1], 2]),
        ("duplicates(draft.sponsors)", ["A", "B"]),
        ("duplicates(['x', 'y', 'y', 'x', 'y'])", ["y", "x"]),
        ("count(draft.sponsors, 'A')", 2),
        ("count('banana', 'an')", 2),
        ("first(xs)", 3),
        ("last(xs)", 2),
        ("first([])", None),
        ("int('12')", 12),
        ("int('twelve')", None),
        ("int(2.9)", 2),
        ("str(3.0)", "3"),
        ("str([1, 2, 3])", "1, 2 and 3"),
        ("lower('AbC')", "abc"),
        ("upper(s)", "ABC"),
        ("contains(xs, 1)", True),
        ("contains(s, 'z')", False),
        ("is_null(0)", False),
        ("is_sorted(xs)", False),
        ("is_sorted([1, 2, 2])", True),
        ("join(xs, '/')", "3/1/2"),
        ("join(['a', 'b'])", "a, b"),
    ],
)
def test_builtin_functions(source: str, expected: Any) -> None:
    assert ev(source) == expected


def test_every_documented_builtin_is_registered() -> None:
    documented = {"len", "min", "max", "sum", "abs", "any", "all", "sorted", "unique", "count"}
    documented |= {"first", "last", "int", "str", "lower", "upper", "contains", "is_null"}
    documented |= {"coalesce", "duplicates", "is_sorted", "join"}
    assert documented <= set(FUNCTIONS)


def test_unknown_function_fails_at_parse_time_with_suggestion() -> None:
    with pytest.raises(ExprError) as info:
        parse("draft.total == lenght(xs)")
    assert info.value.offset == 15
    assert "unknown function 'lenght'" in info.value.message
    assert "did you mean 'len'?" in info.value.message


def test_extra_function_registry() -> None:
    with pytest.raises(ExprError):
        parse("double(2)")
    expr = parse("double(2) + 1", ["double"])
    assert evaluate(expr, {}, {"double": lambda x: 2 * x}) == 5
    with pytest.raises(ExprError, match="unknown function"):
        evaluate(expr, {})


def test_function_type_errors_become_expr_errors() -> None:
    err = error("xs + upper(1)")
    assert err.message.startswith("upper(): ")
    assert err.offset == 5
    assert error("sum(s)").offset == 0
    assert error("len()").offset == 0


# --- errors and limits -----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "offset", "fragment"),
    [
        ("1 +", 3, "end of expression"),
        ("1 + * 2", 4, "'*'"),
        ("(1 + 2", 6, "')'"),
        ("[1, 2", 5, "','"),
        ("1 2", 2, "unexpected number 2"),
        ("draft.'x'", 6, "member name"),
        ("1 == not 2", 5, "'not'"),
        ("a if b", 6, "'else'"),
        ("x = 1", 2, "'='"),
        ("'abc", 0, "unterminated string"),
        ("1 + 'abc\\", 4, "unterminated string"),
        ("'a\\q'", 2, "unknown escape"),
        ("a && b", 2, "'&'"),
        ("a ! b", 2, "'!'"),
        ("", 0, "end of expression"),
    ],
)
def test_parse_error_offsets(source: str, offset: int, fragment: str) -> None:
    with pytest.raises(ExprError) as info:
        parse(source)
    assert info.value.offset == offset
    assert fragment in info.value.message


@pytest.mark.parametrize(
    ("source", "offset"),
    [("'a' - 1", 4), ("1 + 'a'", 2), ("-s", 0), ("xs < 'a'", 3), ("1 in 2", 2), ("true + 1", 5)],
)
def test_runtime_type_errors(source: str, offset: int) -> None:
    assert error(source).offset == offset


def test_error_carries_message_and_offset() -> None:
    err = ExprError("boom", 3)
    assert (err.message, err.offset) == ("boom", 3)
    assert "boom" in str(err)


def test_length_limit() -> None:
    source = "1+" * (MAX_LENGTH // 2) + "1"
    with pytest.raises(ExprError, match="longer than"):
        parse(source)
    parse("'" + "x" * (MAX_LENGTH - 2) + "'")


@pytest.mark.parametrize(
    "source",
    [
        "(" * 200 + "1" + ")" * 200,
        "[" * 200 + "]" * 200,
        "-" * 200 + "1",
        "not " * 200 + "1",
        "+".join(["1"] * 200),  # left-leaning chains deepen the tree without recursion
        "n" + ".a" * 200,
        "abs(" * 100 + "1" + ")" * 100,
    ],
)
def test_depth_limit(source: str) -> None:
    with pytest.raises(ExprError, match="nested"):
        parse(source)


def test_moderate_nesting_is_fine() -> None:
    depth = MAX_DEPTH // 2 - 1
    assert ev("(" * depth + "1" + ")" * depth) == 1
    assert ev("+".join(["1"] * (MAX_DEPTH - 1))) == MAX_DEPTH - 1


@pytest.mark.parametrize("source", ["'ab' * 10**9", "'ab' * 999999999", "[1, 2] * 999999999"])
def test_repetition_is_capped(source: str) -> None:
    if "**" in source:
        with pytest.raises(ExprError):
            parse(source)
        return
    assert "more than" in error(source).message


def test_repetition_below_cap() -> None:
    assert len(ev(f"'a' * {MAX_REPEAT}")) == MAX_REPEAT
    assert ev("3 * [0]") == [0, 0, 0]
    assert ev("'ab' * -1") == ""
    assert "more than" in error("('a' * 5000) * 3").message


def test_non_string_source() -> None:
    with pytest.raises(ExprError):
        parse(5)  # type: ignore[arg-type]


# --- names() ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("draft.total == draft.parties + draft.signatories",
         {"draft.total", "draft.parties", "draft.signatories"}),
        ("a.b[0].c", {"a.b"}),
        ("len(x) > previous.n", {"x", "previous.n"}),
        ("a[b.c]", {"a", "b.c"}),
        ("1 + 2", set()),
        ("x if y.z else [w]", {"x", "y.z", "w"}),
    ],
)  # fmt: skip
def test_names(source: str, expected: set[str]) -> None:
    assert names(parse(source)) == expected


def test_parsed_expression_is_reusable() -> None:
    expr = parse("draft.total * 2")
    assert [evaluate(expr, {"draft": {"total": t}}) for t in (1, 2, None)] == [2, 4, None]


# --- templates -------------------------------------------------------------------


def test_template_example() -> None:
    template = parse_template(
        "{draft.parties} States parties + {draft.signatories} signatories make "
        "{draft.parties + draft.signatories}, but the text says a total of {draft.total}"
    )
    assert render(template, ENV) == (
        "3 States parties + 2 signatories make 5, but the text says a total of 5"
    )
    assert template.names() == {"draft.parties", "draft.signatories", "draft.total"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{literal}} {1 + 1}", "{literal} 2"),
        ("{{{1}}}", "{1}"),
        ("}} and {{", "} and {"),
        ('{join(xs, ", ")}', "3, 1, 2"),
        ("{join(xs, '}')}", "3}1}2"),
        ("{'{' + s + \"}\"}", "{abc}"),
        ("{xs}", "3, 1 and 2"),
        ("{['a', 'b']}", "a and b"),
        ("{['a']}", "a"),
        ("{[]}", ""),
        ("{n} and {previous.total}", "? and ?"),
        ("{[1, null]}", "1 and ?"),
        ("{10 / 5} {7 / 2} {0.1 + 0.2}", "2 3.5 0.3"),
        ("{true}", "true"),
        ("no holes", "no holes"),
        ("", ""),
    ],
)
def test_render(source: str, expected: str) -> None:
    assert render(parse_template(source), ENV) == expected


@pytest.mark.parametrize(
    ("source", "offset", "fragment"),
    [
        ("total {draft.total", 6, "unclosed"),
        ("total } here", 6, "single '}'"),
        ("a {} b", 2, "empty"),
        ("a {1 +} b", 6, "end of expression"),
        ("a {lenn(xs)}", 3, "did you mean 'len'"),
        ("x {s.__class__}", 5, "'_'"),
        ("x {'abc}", 3, "unterminated string"),
    ],
)
def test_template_error_offsets(source: str, offset: int, fragment: str) -> None:
    with pytest.raises(ExprError) as info:
        parse_template(source)
    assert info.value.offset == offset
    assert fragment in info.value.message


def test_template_extra_functions() -> None:
    template = parse_template("{shout(s)}", ["shout"])
    assert render(template, ENV, {"shout": lambda v: v.upper() + "!"}) == "ABC!"


def test_template_runtime_error_is_expr_error() -> None:
    with pytest.raises(ExprError):
        render(parse_template("{s - 1}"), ENV)


def test_render_complete_is_none_when_a_hole_is_null() -> None:
    from reslint.engine.expr import parse_template, render_complete

    template = parse_template("{ordinal} session, a total of {n}")
    assert render_complete(template, {"ordinal": "eightieth", "n": 3}) == (
        "eightieth session, a total of 3")
    assert render_complete(template, {"ordinal": None, "n": 3}) is None
    # a literal question mark is text like any other
    assert render_complete(parse_template("? {n}"), {"n": 1}) == "? 1"
