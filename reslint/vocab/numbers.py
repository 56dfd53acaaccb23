"""Cardinal numbers written as words ("twenty-one") or digits ("1,234").

Resolutions spell small numbers out and write large ones in digits, with thousands
separators that may be commas or (from French-trained drafters and word processors)
non-breaking or thin spaces.  Word forms cover 0..999, which is all UN texts spell out.
"""

from __future__ import annotations

from functools import cache

from ._words import SEP, TEENS, TENS, UNITS, alternation, lazy_regex, spelling_table, tokens
from .ordinals import ORDINAL_TAIL_PATTERN

MAX_WORDS = 999


def int_to_words(n: int) -> str:
    """0..999 in words, UN style: "twenty-one", "one hundred and twelve", "three hundred"."""
    if not 0 <= n <= MAX_WORDS:
        raise ValueError(f"number out of range 0..{MAX_WORDS}: {n}")
    hundreds, rest = divmod(n, 100)
    if hundreds:
        head = f"{UNITS[hundreds]} hundred"
        return head if rest == 0 else f"{head} and {int_to_words(rest)}"
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return TENS[tens] if unit == 0 else f"{TENS[tens]}-{UNITS[unit]}"


@cache
def _word_table() -> dict[tuple[str, ...], int]:
    """Token keys of every spelling 0..999, built on first use (import stays cheap)."""
    return spelling_table(range(MAX_WORDS + 1), int_to_words)


def words_to_int(text: str) -> int | None:
    """Read "twenty-one", "One hundred twelve", "NINE"; None for anything else.

    Separators and case are as lenient as for ordinals; "and" is optional after
    "hundred".  A bare "hundred" is rejected ("a hundred" is not how UN texts count).
    """
    key = tokens(text)
    return None if key is None else _word_table().get(tuple(key))


_NONZERO_UNITS = alternation(UNITS[1:])
_BELOW_100 = (
    rf"(?:{alternation(TENS)}{SEP}{_NONZERO_UNITS}|{alternation(TENS)}"
    rf"|{alternation(TEENS)}|{_NONZERO_UNITS}|zero)"
)
_WORD_BODY = rf"(?:{_NONZERO_UNITS}{SEP}hundred(?:{SEP}(?:and{SEP})?{_BELOW_100})?|{_BELOW_100})"

NUMBER_WORD_PATTERN: str = rf"(?i:\b{_WORD_BODY}\b(?!{ORDINAL_TAIL_PATTERN}))"
"""A cardinal in words 0..999; no capturing groups, case-insensitive.

It refuses the cardinal start of an ordinal: nothing in "seventy-ninth", "one hundredth"
or "one hundred and twenty-third" matches.
"""

# Thousands separators: comma, no-break space, narrow no-break space, thin space.  A plain
# space is not one: "2 300" is more likely two numbers than one.
_THOUSANDS = ",\u00a0\u202f\u2009"
_DIGITS_BODY = rf"(?:[0-9]{{1,3}}(?:[{_THOUSANDS}][0-9]{{3}})+|[0-9]+)"
DIGITS_PATTERN: str = rf"(?<![\w/.])(?<![0-9],){_DIGITS_BODY}(?![\w/])(?![.,][0-9])"
"""An integer in digits, with optional thousands separators; not part of a decimal, nor of
a symbol ("78/32", "L.39")."""

NUMBER_PATTERN: str = rf"(?:{DIGITS_PATTERN}|{NUMBER_WORD_PATTERN})"
"""A number in digits or in words; no capturing groups."""

_DIGITS_RE = lazy_regex(_DIGITS_BODY)
# str.translate, not a regex: a class of these four characters compiles slowly (~0.5 ms)
_NO_SEPARATORS = str.maketrans("", "", _THOUSANDS)


MAX_NUMBER = 100  # characters of a number we read ("1,234,567" or "one hundred and ...")


def parse_number(text: str) -> int | None:
    """Read "1,234", "1\u00a0234", "178" or "twenty-one"; None for anything else."""
    stripped = text.strip()
    if len(stripped) > MAX_NUMBER:
        return None  # not a count; and int() refuses 4,300 digits and more
    if _DIGITS_RE().fullmatch(stripped):
        return int(stripped.translate(_NO_SEPARATORS))
    return words_to_int(stripped)
