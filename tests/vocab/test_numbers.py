"""Cardinal numbers in words (0..999, every spelling) and in digits."""

from __future__ import annotations

import re

import pytest

from reslint.vocab.numbers import (
    DIGITS_PATTERN,
    NUMBER_PATTERN,
    NUMBER_WORD_PATTERN,
    int_to_words,
    parse_number,
    words_to_int,
)
from reslint.vocab.ordinals import int_to_ordinal

WORD_RE = re.compile(NUMBER_WORD_PATTERN, re.IGNORECASE)
NUMBER_RE = re.compile(NUMBER_PATTERN, re.IGNORECASE)


def spellings(n: int) -> list[str]:
    """Every spelling of n that the module promises to read."""
    base = int_to_words(n)
    forms = {base, base.replace(" and ", " ")}
    for form in list(forms):
        forms |= {form.replace("-", "\u2011"), form.replace("-", "\u2010"), form.replace("-", " ")}
    for form in list(forms):
        forms |= {form.upper(), form.title(), form.capitalize()}
    return sorted(forms)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("zero", 0),
        ("nine", 9),
        ("Nine", 9),
        ("ten", 10),
        ("nineteen", 19),
        ("twenty", 20),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("twenty\u2011one", 21),
        ("TWENTY-ONE", 21),
        ("ninety-nine", 99),
        ("one hundred", 100),
        ("one hundred and twelve", 112),
        ("one hundred twelve", 112),
        ("three hundred", 300),
        ("nine hundred and ninety-nine", 999),
        ("  four  ", 4),
    ],
)
def test_words_to_int_examples(text: str, n: int) -> None:
    assert words_to_int(text) == n


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hundred",
        "a hundred",
        "one hundred and",
        "and one",
        "twenty and one",
        "ten-one",
        "twenty-zero",
        "zero hundred",
        "one thousand",
        "eleventy",
        "twenty--one",
        "first",
        "21",
        "one two",
        "nineteen hundred",
    ],
)
def test_words_to_int_rejects(text: str) -> None:
    assert words_to_int(text) is None


def test_int_to_words_examples() -> None:
    assert int_to_words(0) == "zero"
    assert int_to_words(21) == "twenty-one"
    assert int_to_words(40) == "forty"
    assert int_to_words(112) == "one hundred and twelve"
    assert int_to_words(300) == "three hundred"
    assert int_to_words(999) == "nine hundred and ninety-nine"


@pytest.mark.parametrize("n", [-1, 1000])
def test_int_to_words_range(n: int) -> None:
    with pytest.raises(ValueError):
        int_to_words(n)


def test_every_spelling_round_trips_and_matches() -> None:
    words = [int_to_words(n) for n in range(1000)]
    assert len(set(words)) == 1000
    for n in range(1000):
        for form in spellings(n):
            assert words_to_int(form) == n, form
            assert parse_number(form) == n, form
            assert WORD_RE.fullmatch(form), form
            assert WORD_RE.findall(f"with {form} members.") == [form], form


def test_word_pattern_skips_every_ordinal() -> None:
    """No cardinal inside "seventy-ninth" or "one hundred and twenty-third"."""
    for n in range(1, 201):
        word = int_to_ordinal(n)
        for form in (word, word.replace(" and ", " "), word.replace("-", " ")):
            assert WORD_RE.search(f"its {form} session") is None, form


def test_patterns_without_caller_flags_and_groups() -> None:
    assert re.fullmatch(NUMBER_WORD_PATTERN, "Twenty-One")
    for pattern in (NUMBER_WORD_PATTERN, NUMBER_PATTERN, DIGITS_PATTERN):
        assert re.compile(pattern).groups == 0


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("0", 0),
        ("178", 178),
        ("1234", 1234),
        ("1,234", 1234),
        ("12,345,678", 12345678),
        ("1\u00a0234", 1234),
        ("1\u202f234", 1234),
        ("1\u2009234", 1234),
        (" 42 ", 42),
        ("twenty-one", 21),
    ],
)
def test_parse_number(text: str, n: int) -> None:
    assert parse_number(text) == n


@pytest.mark.parametrize(
    "text", ["", "1,23", "1,2345", "12 345", ",123", "1,", "3.5", "-5", "abc", "42nd", "1,234.5"]
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_number_pattern_in_text() -> None:
    text = (
        "Decides that twenty-one of the 1,234 States, 178 in all, and nine others, "
        "but not 3.5 or 42nd or A12 or seventy-ninth, nor 1,23"
    )
    assert NUMBER_RE.findall(text) == ["twenty-one", "1,234", "178", "nine"]


def test_digits_pattern_skips_symbols() -> None:
    text = "resolution 78/32, document A/C.1/78/L.39, in 12 cases, 0.5 and .5"
    assert re.findall(DIGITS_PATTERN, text) == ["12"]


def test_number_pattern_takes_whole_number() -> None:
    assert NUMBER_RE.findall("one hundred and twelve and 12\u00a0345") == [
        "one hundred and twelve",
        "12\u00a0345",
    ]
