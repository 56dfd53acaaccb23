"""Domain functions that rule expressions may call (beyond the language's built-ins).

Each takes and returns plain values; null in gives null out, so a missing fact keeps a
rule silent instead of raising."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from reslint.vocab.dates import MONTHS, format_date
from reslint.vocab.ordinals import int_to_ordinal, match_case, ordinal_to_int
from reslint.vocab.symbols import parse_symbol


def _nullsafe(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        if any(a is None for a in args):
            return None
        try:
            return fn(*args)
        except (ValueError, TypeError, KeyError, IndexError):
            return None

    wrapper.__name__ = fn.__name__
    return wrapper


def find(items: list[Any], key: str, value: Any) -> Any:
    """The first mapping in `items` whose `key` equals `value`, or null."""
    return next((i for i in items if isinstance(i, dict) and i.get(key) == value), None)


def pluck(items: list[Any], key: str) -> list[Any]:
    return [i.get(key) if isinstance(i, dict) else None for i in items]


def where(items: list[Any], key: str, value: Any) -> list[Any]:
    return [i for i in items if isinstance(i, dict) and i.get(key) == value]


def minus(items: list[Any], other: list[Any]) -> list[Any]:
    """Items of `items` not in `other`, order kept: the events that are new this year."""
    return [i for i in items if i not in other]


def startswith(text: str, prefix: str) -> bool:
    return str(text).startswith(prefix)


def date_text(iso: str) -> str:
    return format_date(date.fromisoformat(iso))


def year(iso: str) -> int:
    return int(str(iso)[:4])


def session_of(symbol: str) -> int | None:
    sym = parse_symbol(symbol)
    return sym.session if sym else None


def session_years(session: int) -> list[int]:
    """A resolution of session s is dated in 1945+s (main part) or 1946+s (resumed part)."""
    return [1945 + session, 1946 + session]


def session_period(session: int) -> list[str]:
    """[first, last] ISO dates a resolution of regular session s can bear.

    A regular session opens in September of 1945+s (the first, in January 1946) and its
    resumed part runs until the next one opens, in September of 1946+s: the two overlap in
    September, so both bounds are the widest the rules of procedure allow."""
    start = "1946-01-01" if session == 1 else f"{1945 + session}-09-01"
    return [start, f"{1946 + session}-09-30"]


def in_session(iso: str, session: int) -> bool:
    """Whether a resolution of regular session s can be dated `iso` (see session_period)."""
    first, last = session_period(session)
    return first <= str(iso)[:10] <= last


def month_year(iso: str) -> str:
    """ "2023-09-01" -> "September 2023", for messages about session periods."""
    return f"{MONTHS[int(str(iso)[5:7]) - 1]} {str(iso)[:4]}"


def basename(path: str) -> str:
    """The file name of a path, for messages that name a file without its folders."""
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def chronological(citations: list[Any]) -> bool:
    """Whether each paragraph's list of cited resolutions runs in ascending order of
    session and number (the order the Assembly's own lists keep when they keep one)."""
    last: dict[Any, int] = {}
    for c in citations:
        if not isinstance(c, dict) or c.get("session") is None or c.get("number") is None:
            continue
        key = c["session"] * 100000 + c["number"]
        group = c.get("list", c.get("paragraph"))
        if group in last and key < last[group]:
            return False
        last[group] = key
    return True


def ordinal(n: int, model: str = "") -> str:
    word = int_to_ordinal(int(n))
    return match_case(model, word) if model else word


def line(span: Any) -> int | None:
    """The 1-based line a span (or a fact with a span) starts on, for messages."""
    if isinstance(span, dict):
        span = span.get("span")
    value = getattr(span, "line", None)
    return value if isinstance(value, int) else None


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "line": _nullsafe(line),
    "find": _nullsafe(find),
    "pluck": _nullsafe(pluck),
    "where": _nullsafe(where),
    "minus": _nullsafe(minus),
    "startswith": _nullsafe(startswith),
    "date_text": _nullsafe(date_text),
    "year": _nullsafe(year),
    "session_of": _nullsafe(session_of),
    "session_years": _nullsafe(session_years),
    "session_period": _nullsafe(session_period),
    "in_session": _nullsafe(in_session),
    "month_year": _nullsafe(month_year),
    "chronological": _nullsafe(chronological),
    "basename": _nullsafe(basename),
    "ordinal": _nullsafe(ordinal),
    "ordinal_value": _nullsafe(ordinal_to_int),
}
