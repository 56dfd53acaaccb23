"""Ordinal words ("seventy-ninth session") and numeric ordinals ("42nd meeting").

Session and meeting numbers in resolutions are written as ordinal words, so checks need to
read them, compare them and write a corrected one in the same capitalisation.  The range is
1..200: the General Assembly is in its eightieth session, so this covers the foreseeable
future without pretending to handle arbitrary English.
"""

from __future__ import annotations

import re
from functools import cache

from ._words import (
    SEP,
    TEEN_ORDINALS,
    TENS,
    TENS_ORDINALS,
    UNIT_ORDINALS,
    alternation,
    lazy_regex,
    spelling_table,
    tokens,
)

MIN_ORDINAL = 1
MAX_ORDINAL = 200


def int_to_ordinal(n: int) -> str:
    """Lower-case UN style: "seventy-ninth", "one hundredth", "one hundred and first"."""
    if not MIN_ORDINAL <= n <= MAX_ORDINAL:
        raise ValueError(f"ordinal out of range {MIN_ORDINAL}..{MAX_ORDINAL}: {n}")
    if n == 200:
        return "two hundredth"
    if n == 100:
        return "one hundredth"
    if n > 100:
        return "one hundred and " + int_to_ordinal(n - 100)
    if n < 10:
        return UNIT_ORDINALS[n]
    if n < 20:
        return TEEN_ORDINALS[n - 10]
    tens, unit = divmod(n, 10)
    return TENS_ORDINALS[tens] if unit == 0 else f"{TENS[tens]}-{UNIT_ORDINALS[unit]}"


@cache
def _ordinal_table() -> dict[tuple[str, ...], int]:
    """Token keys of every spelling we accept, built on first use (import stays cheap)."""
    return spelling_table(range(MIN_ORDINAL, MAX_ORDINAL + 1), int_to_ordinal)


def ordinal_to_int(word: str) -> int | None:
    """Read "Seventy-Eighth", "seventy eighth", "one hundred first"; None otherwise.

    Any capitalisation; words may be separated by a hyphen (also U+2010 or U+2011) or by
    whitespace; "and" after "hundred" is optional.  A bare "hundredth" is rejected: UN
    texts always write "one hundredth", so anything else is not a session number.
    """
    key = tokens(word)
    return None if key is None else _ordinal_table().get(tuple(key))


_BELOW_100 = (
    rf"(?:{alternation(TENS)}{SEP}{alternation(UNIT_ORDINALS)}"
    rf"|{alternation(TENS_ORDINALS)}|{alternation(TEEN_ORDINALS)}|{alternation(UNIT_ORDINALS)})"
)
# "one hundred (and)" is an optional prefix of the words below 100, so that long
# alternation is written (and compiled, in every pattern that embeds this one) only once.
_ORDINAL_BODY = (
    rf"(?:(?:one|two){SEP}hundredth|(?:one{SEP}hundred{SEP}(?:and{SEP})?)?{_BELOW_100})"
)

ORDINAL_WORD_PATTERN: str = rf"(?i:\b{_ORDINAL_BODY}\b)"
"""Any ordinal word 1..200, longest form first; no capturing groups, case-insensitive.

It also matches "two hundred and first" etc. (>200) only as far as "first": those are not
UN session numbers and `ordinal_to_int` is the judge of the value anyway.
"""

SESSION_PHRASE = lazy_regex(
    rf"(?P<word>{ORDINAL_WORD_PATTERN})\s+(?P<special>special\s+|emergency\s+special\s+)?session",
    re.IGNORECASE,
)
"""An ordinal word, then "session" ("special" or "emergency special" may come between).

The heading, the next-session paragraph and the session mentions all look for this phrase;
they share one compiled pattern (the ordinal alternation costs ~2 ms to compile each time
it is embedded) and add their own context around it: `word_char_at` stands in for a
closing `\\b`.  No ordinal word is a prefix of a longer one, so the word a match reads is
the one a pattern with that context around it would read."""


def word_char_at(text: str, index: int) -> bool:
    """Whether `text[index]` exists and is a word character (`\\w`), i.e. whether a `\\b`
    after a word ending at `index` would fail."""
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


# Ordinal words (not the tens on their own) that may follow a cardinal word inside one
# ordinal: "seventy|-ninth", "one| hundredth", "one hundred| and twenty-third".
ORDINAL_TAIL_PATTERN: str = (
    rf"(?i:{SEP}(?:and{SEP})?(?:{alternation(TENS)}{SEP})?"
    rf"(?:{alternation(UNIT_ORDINALS + TEEN_ORDINALS + TENS_ORDINALS)}|hundredth|hundred)\b)"
)

_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _numeric_suffix(n: int) -> str:
    """English suffix: 1st 2nd 3rd 4th, but 11th 12th 13th and 111th."""
    if n % 100 in (11, 12, 13):
        return "th"
    return _SUFFIXES.get(n % 10, "th")


def int_to_numeric_ordinal(n: int) -> str:
    """42 -> "42nd"; ValueError for n < 1 (there is no zeroth meeting)."""
    if n < 1:
        raise ValueError(f"numeric ordinal must be positive: {n}")
    return f"{n}{_numeric_suffix(n)}"


NUMERIC_ORDINAL_PATTERN: str = r"(?<![\w.,])[0-9]+(?i:st|nd|rd|th)\b"
"""Digits plus any of st/nd/rd/th, so that a check can also find "42th" and fix it."""

_NUMERIC_RE = lazy_regex(r"([1-9][0-9]*)(st|nd|rd|th)", re.IGNORECASE)


def numeric_ordinal_to_int(text: str, *, strict: bool = True) -> int | None:
    """Read "42nd" as 42.  With strict (the default) a wrong suffix ("42th") gives None.

    Case of the suffix is ignored ("42ND"); leading zeros and "0th" are rejected.
    """
    match = _NUMERIC_RE().fullmatch(text.strip())
    if match is None or len(match.group(1)) > 100:  # int() refuses 4,300 digits and more
        return None
    n = int(match.group(1))
    if strict and match.group(2).lower() != _numeric_suffix(n):
        return None
    return n


_LETTERS_RE = lazy_regex(r"[^\W\d_]+")


def _title_word(match: re.Match[str]) -> str:
    """Title-case one word, leaving "and" lower as in "One Hundred and First"."""
    word = match.group(0).lower()
    return word if word == "and" else word.capitalize()


def match_case(model: str, word: str) -> str:
    """Give `word` the capitalisation of `model`, for fixes that swap one ordinal for another.

    All caps stays all caps; all lower stays lower; if every word of a multi-word model is
    capitalised ("Seventy-Eighth") each word of the result is, except "and"; otherwise a
    capital initial gives sentence case ("Seventy-eighth" -> "Seventy-ninth").
    """
    letters = _LETTERS_RE().findall(model)
    if not letters:
        return word
    joined = "".join(letters)
    if joined.isupper():
        return word.upper()
    if joined.islower():
        return word.lower()
    words = [w for w in letters if w.lower() != "and"]
    if len(words) > 1 and all(w[0].isupper() for w in words):
        return _LETTERS_RE().sub(_title_word, word)
    if letters[0][0].isupper():
        lowered = word.lower()
        return lowered[:1].upper() + lowered[1:]
    return word
