"""Helpers private to :mod:`reslint.vocab`: number-word tables and lazy regexes.

The tables live here so that `numbers` and `ordinals` agree on spelling and on what
separates words.  `lazy_regex` exists because reslint runs as a pre-commit hook: compiling
every pattern at import would cost tens of milliseconds that most runs never use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

UNIT_ORDINALS = (
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
)  # fmt: skip
TEEN_ORDINALS = (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
)  # fmt: skip
TENS_ORDINALS = (
    "", "", "twentieth", "thirtieth", "fortieth",
    "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
)  # fmt: skip


def lazy_regex(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning `pattern` compiled, compiling it on the first call only."""
    return cache(lambda: re.compile(pattern, flags))


# Hyphen, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN: word processors swap these freely.
HYPHENS = "-\u2010\u2011"
# Between two number words: exactly one hyphen, or a run of (any Unicode) whitespace.
SEP = rf"(?:[{HYPHENS}]|\s+)"
_SEP_RE = lazy_regex(SEP)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A non-capturing alternation, longest words first so no word shadows a longer one."""
    return "(?:" + "|".join(sorted((w for w in words if w), key=len, reverse=True)) + ")"


def tokens(text: str) -> list[str] | None:
    """Split number words on the separators above, lower-cased; None on a stray separator.

    "and" is dropped right after "hundred" (and only there, and never at the end), so that
    "one hundred and first" and "one hundred first" get the same key.
    """
    parts = _SEP_RE().split(text.strip().lower())
    if not parts or "" in parts:
        return None
    kept: list[str] = []
    for i, part in enumerate(parts):
        if part == "and" and i and parts[i - 1] == "hundred" and i < len(parts) - 1:
            continue
        kept.append(part)
    return kept


def spelling_table(numbers: range, spell: Callable[[int], str]) -> dict[tuple[str, ...], int]:
    """Token keys of every spelling of `numbers` (as `spell` writes them) -> the number."""
    table: dict[tuple[str, ...], int] = {}
    for n in numbers:
        key = tokens(spell(n))
        assert key is not None
        table[tuple(key)] = n
    return table
