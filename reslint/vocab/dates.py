"""UN-style dates ("6 December 2021") and the date ranges resolutions use for meetings.

UN English writes day, month name, year, with no comma and no leading zero.  Meeting dates
come in a handful of range forms ("10 to 13 September 2024", "18 and 19 March 2025",
"during the week of 15 September 2025") that checks must compare against each other.
Month names and the connecting words are matched case-insensitively (so a check can find
"6 december 2021" and fix it), but the order day-month-year is required.
"""

from __future__ import annotations

import re

from ._words import lazy_regex

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from datetime import date as date  # re-exported (functions)
    from datetime import timedelta as timedelta
else:
    try:  # the very classes `datetime` exports, without first running its pure-Python
        # definitions that the C module then replaces (~5 M instructions of every check)
        from _datetime import date, timedelta
    except ImportError:  # an interpreter without the C module
        from datetime import date, timedelta

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(MONTHS, start=1)}


def month_number(name: str) -> int | None:
    """Month name (any case, whitespace ignored) -> 1..12: "December" -> 12; else None.

    Abbreviations are rejected: UN texts spell months out in full.
    """
    return _MONTH_NUMBERS.get(name.strip().lower())


def format_date(d: date) -> str:
    """date(2021, 12, 6) -> "6 December 2021"."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


_DAY = r"(?<!\w)[0-9]{1,2}"
_MONTH = "(?i:" + "|".join(MONTHS) + ")"
_YEAR = r"[0-9]{4}(?!\w)"

DATE_PATTERN: str = rf"(?:{_DAY}\s+{_MONTH}\s+{_YEAR})"
"""One UN-style date; any whitespace (newline, no-break space) between the parts."""

_DATE_RE = lazy_regex(r"\s*([0-9]{1,2})\s+([^\W\d_]+)\s+([0-9]{4})\s*")


def _make_date(day: str, month: str, year: str) -> date | None:
    """date() from matched parts, None for "31 November" and other impossible days."""
    number = month_number(month)
    if number is None:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """Read "6 December 2021"; None for any other order or an impossible day."""
    match = _DATE_RE().fullmatch(text)
    return None if match is None else _make_date(*match.groups())


# The range grammar, written once and rendered either with named groups (for parsing one
# item at a time) or without any groups (the public pattern, for embedding).
_TO = r"(?:\s*[-\u2010\u2011\u2013\u2014]\s*|\s+(?i:to)\s+)"
_AND = r"\s+(?i:and)\s+"
_WEEK_OF = r"(?i:(?:during\s+)?the\s+week\s+of)"
_PREFIX_WORDS = rf"(?:{_WEEK_OF}|(?i:(?:held\s+)?(?:from|on)))"
_JOIN = r",?\s+(?i:and)\s+"


def _group(name: str, body: str, named: bool) -> str:
    return f"(?P<{name}>{body})" if named else f"(?:{body})"


def _item(named: bool) -> str:
    """One range item: an optional prefix word, then a single day or a from-to pair."""

    def g(name: str, body: str) -> str:
        return _group(name, body, named)

    prefix = g("prefix", rf"\b{_PREFIX_WORDS}") + r"\s+"
    pair = (
        g("d1", _DAY)
        + rf"(?:\s+{g('m1', _MONTH)}(?:\s+{g('y1', _YEAR)})?)?"
        + g("conj", f"{_TO}|{_AND}")
        + rf"{g('d2', _DAY)}\s+{g('m2', _MONTH)}\s+{g('y2', _YEAR)}"
    )
    single = rf"{g('d', _DAY)}\s+{g('m', _MONTH)}\s+{g('y', _YEAR)}"
    return rf"(?:{prefix})?(?:{pair}|{single})"


DATE_RANGE_PATTERN: str = rf"(?:{_item(False)}(?:{_JOIN}{_item(False)})*)"
"""One or more date ranges joined by "and", with their leading "from"/"on"/"held on"/
"during the week of" (included in the match because "week of" changes the meaning)."""

_ITEM_RE = lazy_regex(_item(True))
_JOIN_RE = lazy_regex(_JOIN)
_WEEK_RE = lazy_regex(_WEEK_OF)

DateRange = tuple[date, date]


def _item_ranges(match: re.Match[str]) -> list[DateRange] | None:
    """The ranges one item denotes, or None if a date in it is impossible or reversed."""
    parts = match.groupdict()
    week = parts["prefix"] is not None and _WEEK_RE().fullmatch(parts["prefix"]) is not None
    if parts["d"] is not None:
        day = _make_date(parts["d"], parts["m"], parts["y"])
        if day is None:
            return None
        return [(day, day + timedelta(days=6))] if week else [(day, day)]
    end = _make_date(parts["d2"], parts["m2"], parts["y2"])
    start = _make_date(parts["d1"], parts["m1"] or parts["m2"], parts["y1"] or parts["y2"])
    if start is None or end is None or start > end:
        return None
    if parts["conj"].strip().lower() != "and" or end - start <= timedelta(days=1):
        return [(start, end)]
    return [(start, start), (end, end)]  # "18 and 20 March": two separate days


def parse_date_range(text: str) -> list[DateRange] | None:
    """Meeting dates -> [(first day, last day), ...] in text order; None if not all parse.

    "6 December 2021" is one day; "18 and 19 March 2025" one range; "18 and 20 March
    2025" two single days; "during the week of 15 September 2025" the seven days from 15;
    a start without a year takes the end's year, so a reversed range gives None
    (write "30 December 2025 to 2 January 2026").
    """
    stripped = text.strip()
    ranges: list[DateRange] = []
    pos = 0
    while True:
        item = _ITEM_RE().match(stripped, pos)
        if item is None:
            return None
        found = _item_ranges(item)
        if found is None:
            return None
        ranges.extend(found)
        pos = item.end()
        if pos == len(stripped):
            return ranges
        join = _JOIN_RE().match(stripped, pos)
        if join is None:
            return None
        pos = join.end()
