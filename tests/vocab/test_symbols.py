"""Resolution numbers and document symbols: parsing, finding in text, formatting."""

from __future__ import annotations

import re

import pytest

from reslint.vocab.symbols import (
    DOCUMENT_SYMBOL_PATTERN,
    RESOLUTION_NUMBER_PATTERN,
    SC_RESOLUTION_PATTERN,
    Symbol,
    adopted_symbol,
    ga_resolution_symbol,
    int_to_roman,
    is_plausible_ga_resolution,
    parse_symbol,
    resolution_years,
    roman_to_int,
    short_resolution_symbol,
)

RES_RE = re.compile(RESOLUTION_NUMBER_PATTERN)
SC_RE = re.compile(SC_RESOLUTION_PATTERN)
DOC_RE = re.compile(DOCUMENT_SYMBOL_PATTERN)

RES = "resolution"
SS = "special-session-resolution"
ESS = "emergency-special-session-resolution"
SC = "security-council"
DOC = "document"

# text, kind, session, number, suffix, year, which pattern finds it
EXAMPLES = [
    ("78/32", RES, 78, 32, None, None, RES_RE),
    ("31/16 A", RES, 31, 16, "A", None, RES_RE),
    ("68/247 A", RES, 68, 247, "A", None, RES_RE),
    ("2373 (XXII)", RES, 22, 2373, None, None, RES_RE),
    ("2200 A (XXI)", RES, 21, 2200, "A", None, RES_RE),
    ("S-10/2", SS, None, 2, "S-10", None, RES_RE),
    ("ES-11/1", ESS, None, 1, "ES-11", None, RES_RE),
    ("1757 (2007)", SC, None, 1757, None, 2007, SC_RE),
    ("A/78/409", DOC, 78, 409, None, None, DOC_RE),
    ("A/C.1/78/L.39/Rev.1", DOC, 78, 39, "Rev.1", None, DOC_RE),
    ("A/RES/78/32", DOC, 78, 32, None, None, DOC_RE),
    ("A/73/510/Corr.1", DOC, 73, 510, "Corr.1", None, DOC_RE),
    ("A/C.1/80/L.52", DOC, 80, 52, None, None, DOC_RE),
    ("A/78/PV.42", DOC, 78, 42, None, None, DOC_RE),
    ("CCM/CONF/2021/6", DOC, None, 6, None, 2021, DOC_RE),
    ("CCM/MSP/2024/9", DOC, None, 9, None, 2024, DOC_RE),
    ("S/RES/1757 (2007)", DOC, None, 1757, None, 2007, DOC_RE),
    ("A/RES/ES-11/1", DOC, None, 1, "ES-11", None, DOC_RE),
    ("A/RES/S-10/2", DOC, None, 2, "S-10", None, DOC_RE),
    ("A/RES/68/247 A", DOC, 68, 247, "A", None, DOC_RE),
    ("A/RES/2200 A (XXI)", DOC, 21, 2200, "A", None, DOC_RE),
    ("A/RES/2373(XXII)", DOC, 22, 2373, None, None, DOC_RE),
    ("A/78/L.1/Add.2/Rev.1", DOC, 78, 1, "Add.2/Rev.1", None, DOC_RE),
    ("S/2023/123", DOC, None, 123, None, 2023, DOC_RE),
    ("S/PV.9000", DOC, None, 9000, None, None, DOC_RE),
]
ALL_RES = (RES_RE, SC_RE, DOC_RE)


@pytest.mark.parametrize(("text", "kind", "session", "number", "suffix", "year", "rx"), EXAMPLES)
def test_parse_symbol(
    text: str,
    kind: str,
    session: int | None,
    number: int | None,
    suffix: str | None,
    year: int | None,
    rx: re.Pattern[str],
) -> None:
    assert parse_symbol(text) == Symbol(kind, text, session, number, suffix, year)


@pytest.mark.parametrize(("text", "rx"), [(e[0], e[6]) for e in EXAMPLES])
def test_exactly_one_pattern_finds_each_example(text: str, rx: re.Pattern[str]) -> None:
    found = rx.findall(f"Recalling ({text}), and {text}.")
    assert found == [text, text]
    for other in ALL_RES:
        if other is not rx:
            assert not other.fullmatch(text), (text, other.pattern[:40])


@pytest.mark.parametrize(
    ("messy", "text"),
    [
        ("78/32\u00a0A", "78/32 A"),
        ("  78/32 ", "78/32"),
        ("2373  (XXII)", "2373 (XXII)"),
        ("2200\nA (XXI)", "2200 A (XXI)"),
        ("S/RES/1757\u00a0(2007)", "S/RES/1757 (2007)"),
    ],
)
def test_parse_symbol_normalises_whitespace(messy: str, text: str) -> None:
    symbol = parse_symbol(messy)
    assert symbol is not None
    assert symbol.text == text


@pytest.mark.parametrize(
    "text",
    ["", "78", "78/", "/32", "78/32/", "1234/5", "78/32 AB", "2373 (XXXXX)", "2373 (IIII)",
     "N/A", "and/or", "a/78/409", "12/2019", "2021–2026", "2021-2026", "78-32"],
)  # fmt: skip
def test_parse_symbol_rejects(text: str) -> None:
    assert parse_symbol(text) is None


def test_patterns_have_no_groups_and_keep_case() -> None:
    for pattern in (RESOLUTION_NUMBER_PATTERN, SC_RESOLUTION_PATTERN, DOCUMENT_SYMBOL_PATTERN):
        assert re.compile(pattern).groups == 0
        assert re.compile(pattern, re.IGNORECASE).groups == 0
    # Suffix letters and bodies stay upper case even under IGNORECASE.
    assert re.findall(RESOLUTION_NUMBER_PATTERN, "78/32 a", re.IGNORECASE) == ["78/32"]
    assert re.search(DOCUMENT_SYMBOL_PATTERN, "a/78/409", re.IGNORECASE) is None


def test_resolution_pattern_boundaries() -> None:
    text = (
        "A/RES/78/32 and 78/33, 2021–2026, 12/2019, 2/4, A/RES/ES-11/1, 78/32/Add.1, "
        "S/RES/1757 (2007), 1/2/3, 100/200/300"
    )
    assert RES_RE.findall(text) == ["78/33", "2/4"]
    assert SC_RE.findall(text) == []


def test_resolution_pattern_in_sentence() -> None:
    text = "Recalling its resolutions 31/16 A, 2200 A (XXI), S-10/2 and ES-11/1 of 2 March 2022"
    assert RES_RE.findall(text) == ["31/16 A", "2200 A (XXI)", "S-10/2", "ES-11/1"]


def test_document_pattern_in_sentence() -> None:
    text = (
        "Having considered the report (A/78/409) and A/C.1/78/L.39/Rev.1. See also "
        "CCM/CONF/2021/6; S/RES/1757 (2007), and/or N/A, A/RES, 78/32."
    )
    assert DOC_RE.findall(text) == [
        "A/78/409",
        "A/C.1/78/L.39/Rev.1",
        "CCM/CONF/2021/6",
        "S/RES/1757 (2007)",
    ]


@pytest.mark.parametrize(
    ("text", "plausible"),
    [
        ("78/32", True),
        ("31/16 A", True),
        ("200/1", True),
        ("2/4", False),
        ("30/1", False),
        ("201/1", False),
        ("78/0", False),
        ("2373 (XXII)", True),
        ("2373 (XXXI)", False),
        ("S-10/2", True),
        ("ES-11/1", True),
        ("1757 (2007)", False),
        ("A/RES/78/32", False),
    ],
)
def test_is_plausible_ga_resolution(text: str, plausible: bool) -> None:
    symbol = parse_symbol(text)
    assert symbol is not None
    assert is_plausible_ga_resolution(symbol) is plausible


def test_roman_round_trip() -> None:
    for n in range(1, 4000):
        assert roman_to_int(int_to_roman(n)) == n
    assert int_to_roman(22) == "XXII"
    assert roman_to_int("XXII") == 22
    assert roman_to_int("XXI") == 21


@pytest.mark.parametrize("text", ["", "IIII", "IC", "xxii", "VV", "XXIIV", "ABC", "MMMM"])
def test_roman_rejects(text: str) -> None:
    assert roman_to_int(text) is None


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_int_to_roman_range(n: int) -> None:
    with pytest.raises(ValueError):
        int_to_roman(n)


def test_ga_resolution_symbol() -> None:
    assert ga_resolution_symbol(78, 32) == "78/32"
    assert ga_resolution_symbol(31, 16, "A") == "31/16 A"
    assert ga_resolution_symbol(22, 2373) == "2373 (XXII)"
    assert ga_resolution_symbol(21, 2200, "A") == "2200 A (XXI)"
    for session in range(1, 201):
        text = ga_resolution_symbol(session, 7)
        symbol = parse_symbol(text)
        assert symbol is not None
        assert (symbol.session, symbol.number) == (session, 7)
        assert is_plausible_ga_resolution(symbol)


@pytest.mark.parametrize(("session", "number"), [(0, 1), (201, 1), (78, 0)])
def test_ga_resolution_symbol_rejects(session: int, number: int) -> None:
    with pytest.raises(ValueError):
        ga_resolution_symbol(session, number)


@pytest.mark.parametrize(
    ("short", "adopted"),
    [
        ("78/32", "A/RES/78/32"),
        ("68/247 A", "A/RES/68/247 A"),
        ("ES-11/1", "A/RES/ES-11/1"),
        ("S-10/2", "A/RES/S-10/2"),
        ("2200 A (XXI)", "A/RES/2200 A (XXI)"),
        ("1757 (2007)", "S/RES/1757 (2007)"),
    ],
)
def test_adopted_and_short_symbols(short: str, adopted: str) -> None:
    assert adopted_symbol(short) == adopted
    assert short_resolution_symbol(adopted) == short
    assert DOC_RE.fullmatch(adopted)
    symbol, res = parse_symbol(adopted), parse_symbol(short)
    assert symbol is not None and res is not None
    assert (symbol.number, symbol.suffix, symbol.year) == (res.number, res.suffix, res.year)


def test_adopted_symbol_normalises_whitespace() -> None:
    assert adopted_symbol(" 78/32\u00a0A ") == "A/RES/78/32 A"
    assert short_resolution_symbol("A/RES/78/32 \n") == "78/32"


@pytest.mark.parametrize("text", ["", "A/RES/78/32", "A/78/409", "78", "2/"])
def test_adopted_symbol_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        adopted_symbol(text)


@pytest.mark.parametrize("text", ["", "78/32", "A/78/409", "A/RES/", "E/RES/2023/1", "S/RES/1757"])
def test_short_resolution_symbol_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        short_resolution_symbol(text)


def test_resolution_years() -> None:
    assert resolution_years(78) == (2023, 2024)
    assert resolution_years(1) == (1946, 1947)
    with pytest.raises(ValueError):
        resolution_years(0)


def test_symbol_is_frozen() -> None:
    symbol = parse_symbol("78/32")
    assert symbol is not None
    with pytest.raises(AttributeError):
        symbol.session = 79  # type: ignore[misc]
