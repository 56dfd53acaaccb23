"""Ordinal words and numeric ordinals: every value 1..200 in every accepted spelling."""

from __future__ import annotations

import re

import pytest

from reslint.vocab.ordinals import (
    NUMERIC_ORDINAL_PATTERN,
    ORDINAL_WORD_PATTERN,
    int_to_numeric_ordinal,
    int_to_ordinal,
    match_case,
    numeric_ordinal_to_int,
    ordinal_to_int,
)

ALL = range(1, 201)
WORD_RE = re.compile(ORDINAL_WORD_PATTERN, re.IGNORECASE)


def spellings(n: int) -> list[str]:
    """Every spelling of n that the module promises to read."""
    base = int_to_ordinal(n)
    forms = {base, base.replace(" and ", " ")}
    for form in list(forms):
        forms |= {
            form.replace("-", "\u2011"),
            form.replace("-", "\u2010"),
            form.replace("-", " "),
        }
    for form in list(forms):
        forms |= {form.upper(), form.title(), form.capitalize()}
    return sorted(forms)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("twelfth", 12),
        ("twentieth", 20),
        ("twenty-first", 21),
        ("seventy-ninth", 79),
        ("eightieth", 80),
        ("ninety-ninth", 99),
        ("one hundredth", 100),
        ("one hundred and first", 101),
        ("one hundred first", 101),
        ("one hundred and twenty-third", 123),
        ("one hundred and twentieth", 120),
        ("two hundredth", 200),
        ("Seventy-Eighth", 78),
        ("SEVENTY-EIGHTH", 78),
        ("Seventy-eighth", 78),
        ("seventy eighth", 78),
        ("seventy\u2011eighth", 78),
        ("seventy\u2010eighth", 78),
        ("seventy\u00a0eighth", 78),
        ("  seventy-eighth\n", 78),
        ("One Hundred And First", 101),
    ],
)
def test_ordinal_to_int_examples(word: str, expected: int) -> None:
    assert ordinal_to_int(word) == expected


@pytest.mark.parametrize(
    "word",
    [
        "",
        " ",
        "firsts",
        "hundredth",  # UN texts write "one hundredth"; a bare "hundredth" is not a number
        "a hundredth",
        "one hundred",
        "seventy",
        "seventy-nine",
        "zeroth",
        "two hundred and first",
        "three hundredth",
        "seventy--ninth",
        "seventy - ninth",
        "-seventy-ninth",
        "seventy-ninth-",
        "ninety-tenth",
        "twenty-twentieth",
        "one hundred and",
        "and first",
        "first and",
        "seventy and ninth",
        "one and hundredth",
        "one hundred and and first",
        "seventy-ninth session",
        "79th",
        "1st",
    ],
)
def test_ordinal_to_int_rejects(word: str) -> None:
    assert ordinal_to_int(word) is None


def test_int_to_ordinal_examples() -> None:
    assert int_to_ordinal(1) == "first"
    assert int_to_ordinal(79) == "seventy-ninth"
    assert int_to_ordinal(80) == "eightieth"
    assert int_to_ordinal(100) == "one hundredth"
    assert int_to_ordinal(101) == "one hundred and first"
    assert int_to_ordinal(123) == "one hundred and twenty-third"
    assert int_to_ordinal(200) == "two hundredth"


@pytest.mark.parametrize("n", [0, -1, 201, 1000])
def test_int_to_ordinal_range(n: int) -> None:
    with pytest.raises(ValueError):
        int_to_ordinal(n)


def test_int_to_ordinal_is_lower_and_distinct() -> None:
    words = [int_to_ordinal(n) for n in ALL]
    assert len(set(words)) == len(words)
    assert all(w == w.lower() for w in words)


@pytest.mark.parametrize("n", ALL)
def test_every_spelling_round_trips_and_matches(n: int) -> None:
    for form in spellings(n):
        assert ordinal_to_int(form) == n, form
        assert WORD_RE.fullmatch(form), form
        # Embedded in a sentence the pattern finds the whole word, not a prefix of it.
        found = WORD_RE.findall(f"In its {form} session, it decided.")
        assert found == [form], (form, found)


def test_pattern_works_without_caller_flags() -> None:
    assert re.fullmatch(ORDINAL_WORD_PATTERN, "SEVENTY-NINTH")


def test_pattern_has_no_capturing_groups() -> None:
    assert re.compile(ORDINAL_WORD_PATTERN).groups == 0
    assert re.compile(NUMERIC_ORDINAL_PATTERN).groups == 0


def test_pattern_prefers_longest_form() -> None:
    text = "the one hundred and first, seventy-ninth and one hundredth sessions"
    assert WORD_RE.findall(text) == ["one hundred and first", "seventy-ninth", "one hundredth"]


@pytest.mark.parametrize(
    "text",
    ["firsts", "seventy", "hundredth", "thirds", "the seventy sessions", "ninetyninth", "1st"],
)
def test_pattern_rejects(text: str) -> None:
    assert WORD_RE.search(text) is None


def test_pattern_embeds_in_bigger_patterns() -> None:
    session = re.compile(rf"({ORDINAL_WORD_PATTERN})\s+session", re.IGNORECASE)
    match = session.search("at its Seventy-eighth session")
    assert match is not None
    assert ordinal_to_int(match.group(1)) == 78


# --- numeric ordinals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("1st", 1),
        ("2nd", 2),
        ("3rd", 3),
        ("4th", 4),
        ("11th", 11),
        ("12th", 12),
        ("13th", 13),
        ("21st", 21),
        ("22nd", 22),
        ("23rd", 23),
        ("42nd", 42),
        ("45th", 45),
        ("101st", 101),
        ("111th", 111),
        ("112th", 112),
        ("113th", 113),
        ("1000th", 1000),
        (" 42ND ", 42),
    ],
)
def test_numeric_ordinal_examples(text: str, n: int) -> None:
    assert numeric_ordinal_to_int(text) == n
    assert int_to_numeric_ordinal(n) == text.strip().lower()


def test_numeric_ordinal_round_trip() -> None:
    for n in range(1, 1001):
        assert numeric_ordinal_to_int(int_to_numeric_ordinal(n)) == n


@pytest.mark.parametrize("text", ["42th", "1th", "11st", "12nd", "13rd", "3th", "112nd"])
def test_numeric_ordinal_wrong_suffix(text: str) -> None:
    assert numeric_ordinal_to_int(text) is None
    assert numeric_ordinal_to_int(text, strict=False) == int(text[:-2])


@pytest.mark.parametrize("text", ["", "42", "nd", "0th", "01st", "42 nd", "42nds", "-1st", "4.2nd"])
def test_numeric_ordinal_rejects(text: str) -> None:
    assert numeric_ordinal_to_int(text, strict=False) is None


@pytest.mark.parametrize("n", [0, -3])
def test_int_to_numeric_ordinal_range(n: int) -> None:
    with pytest.raises(ValueError):
        int_to_numeric_ordinal(n)


def test_numeric_pattern() -> None:
    text = "the 42nd and 45th meetings, the 42th (sic) and A/78/PV.42 and 1stly 3.5th"
    assert re.findall(NUMERIC_ORDINAL_PATTERN, text) == ["42nd", "45th", "42th"]


# --- match_case ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "word", "expected"),
    [
        ("seventy-eighth", "seventy-ninth", "seventy-ninth"),
        ("Seventy-eighth", "seventy-ninth", "Seventy-ninth"),
        ("SEVENTY-EIGHTH", "seventy-ninth", "SEVENTY-NINTH"),
        ("Seventy-Eighth", "seventy-ninth", "Seventy-Ninth"),
        ("Seventy Eighth", "one hundred and first", "One Hundred and First"),
        ("One Hundred and First", "one hundred and second", "One Hundred and Second"),
        ("Eightieth", "seventy-ninth", "Seventy-ninth"),
        ("eightieth", "Seventy-Ninth", "seventy-ninth"),
        ("FIRST", "second", "SECOND"),
        ("Seventy-eighth", "SEVENTY-NINTH", "Seventy-ninth"),
        ("seventy\u2011Eighth", "seventy-ninth", "seventy-ninth"),
        ("", "seventy-ninth", "seventy-ninth"),
        ("42nd", "seventy-ninth", "seventy-ninth"),
    ],
)
def test_match_case(model: str, word: str, expected: str) -> None:
    assert match_case(model, word) == expected


def test_match_case_every_ordinal() -> None:
    for n in ALL:
        word = int_to_ordinal(n)
        assert match_case("Seventy-eighth", word) == word[0].upper() + word[1:]
        assert match_case("SEVENTY-EIGHTH", word) == word.upper()
        assert match_case("seventy-eighth", word.upper()) == word
