"""The one registry of the functions a rule expression may call: the language's general
functions (lists, text, numbers) and the domain's (symbols, sessions, dates, ordinals, the
year's events).  Each entry carries its signature and a one-line description:
`reslint explain --functions` prints them and docs/rule-language.md is generated from them
(tests/engine/test_rule_language_doc.py fails when the two drift apart).

Null in gives null out ("cannot decide"), so a missing fact keeps a rule silent instead of
raising; the domain functions also read a null list as an empty one where that is what a
drafter means (no ratification named is none named)."""

from __future__ import annotations

import functools
import itertools
import re
from collections import namedtuple
from collections.abc import Callable, Mapping

from reslint.engine.expr.values import _LISTS, _contains, _format, _is_number, _type_name
from reslint.vocab.dates import MONTHS, date, format_date
from reslint.vocab.ordinals import int_to_ordinal, match_case, ordinal_to_int
from reslint.vocab.symbols import parse_symbol

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any, NamedTuple

Functions = Mapping[str, Callable[..., "Any"]]


if TYPE_CHECKING:
    class Function(NamedTuple):
        name: str
        call: Callable[..., Any]
        signature: str  # as an author writes the call: "len(value)"
        doc: str  # one sentence: what it gives, and its null rule where it differs
        group: str  # "lists", "text", "numbers", "facts", "sessions and dates", "events"
else:  # the same class without typing.NamedTuple, which compiles its (string) annotations:
    # the first compile() of a run initialises Python's AST types, 9 M instructions of the
    # hook's 508 M (callgrind)
    Function = namedtuple("Function", "name call signature doc group")


# --- general ---------------------------------------------------------------------------------

def _list_function(function: Callable[..., Any]) -> Callable[..., Any]:
    """Make ``function(items, ...)`` return null for a null list and refuse non-lists."""

    @functools.wraps(function)
    def wrapper(items: Any, *rest: Any) -> Any:
        if items is None:
            return None
        if not isinstance(items, _LISTS):
            raise TypeError(f"expected a list, got a {_type_name(items)}")
        return function(items, *rest)

    return wrapper


def _extreme(pick: Callable[..., Any]) -> Callable[..., Any]:
    """min/max over one list or over several arguments; any null gives null."""

    def function(*args: Any) -> Any:
        items = args[0] if len(args) == 1 else args
        if items is None:
            return None
        if not isinstance(items, _LISTS):
            raise TypeError(f"expected a list or several values, got a {_type_name(items)}")
        if not items or any(item is None for item in items):
            return None
        return pick(items)

    return function


def _len(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, (str, *_LISTS, Mapping)):
        raise TypeError(f"a {_type_name(value)} has no length")
    return len(value)


@_list_function
def _sum(items: list[Any]) -> Any:
    return None if any(item is None for item in items) else sum(items)


def _abs(value: Any) -> Any:
    if value is None:
        return None
    if not _is_number(value):
        raise TypeError(f"expected a number, got a {_type_name(value)}")
    return abs(value)


class _OrderedSet:
    """Insertion-ordered set that also takes unhashable items (lists), compared by ==."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._hashed: set[Any] = set()

    def add(self, item: Any) -> bool:
        """Add ``item``; return whether it was new."""
        try:
            if item in self._hashed:
                return False
            self._hashed.add(item)
        except TypeError:
            if item in self.items:
                return False
        self.items.append(item)
        return True


@_list_function
def _unique(items: list[Any]) -> list[Any]:
    seen = _OrderedSet()
    for item in items:
        seen.add(item)
    return seen.items


@_list_function
def _duplicates(items: list[Any]) -> list[Any]:
    """Items occurring more than once, each reported once, in first-occurrence order."""
    seen, again = _OrderedSet(), _OrderedSet()
    for item in items:
        if not seen.add(item):
            again.add(item)
    return again.items


def _count(items: Any, value: Any) -> int | None:
    if items is None:
        return None
    if isinstance(items, str) and isinstance(value, str):
        return items.count(value)
    if not isinstance(items, _LISTS):
        raise TypeError(f"expected a list, got a {_type_name(items)}")
    return items.count(value)


def _int(value: Any) -> int | None:
    """int() that reads null and unreadable text as null ("cannot decide")."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    if not isinstance(value, (int, float)):
        raise TypeError(f"cannot make a number of a {_type_name(value)}")
    return int(value)


def _text_function(method: Callable[[str], str]) -> Callable[[Any], str | None]:
    def function(value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got a {_type_name(value)}")
        return method(value)

    return function


def _coalesce(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)


@_list_function
def _is_sorted(items: list[Any]) -> bool | None:
    if any(item is None for item in items):
        return None
    return all(a <= b for a, b in itertools.pairwise(items))


@_list_function
def _join(items: list[Any], sep: str = ", ") -> str:
    if not isinstance(sep, str):
        raise TypeError(f"separator must be a string, not a {_type_name(sep)}")
    return sep.join(_format(item) for item in items)


# --- domain ----------------------------------------------------------------------------------

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
    return next((i for i in items if isinstance(i, dict) and i.get(key) == value), None)


def pluck(items: list[Any], key: str) -> list[Any]:
    return [i.get(key) if isinstance(i, dict) else None for i in items]


def where(items: list[Any], key: str, value: Any) -> list[Any]:
    return [i for i in items if isinstance(i, dict) and i.get(key) == value]


def minus(items: list[Any], other: list[Any]) -> list[Any]:
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
    first, last = session_period(session)
    return first <= str(iso)[:10] <= last


def month_year(iso: str) -> str:
    return f"{MONTHS[int(str(iso)[5:7]) - 1]} {str(iso)[:4]}"


_TITLE_NOISE = re.compile(r"[\u2010-\u2015\u00ad-]+|[“”\"‘’'*_]")


def same_title(quoted: str, title: str) -> bool:
    """Whether a quoted title is the title: compared as words, case, spacing, dash and
    quote forms and the final full stop aside."""
    def words(text: str) -> str:
        return " ".join(_TITLE_NOISE.sub(" ", str(text)).split()).strip(" .;:,").casefold()

    return words(quoted) == words(title)


def basename(path: str) -> str:
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
    if isinstance(span, dict):
        span = span.get("span")
    value = getattr(span, "line", None)
    return value if isinstance(value, int) else None


# --- domain primitives: the shapes the series packs repeat ---------------------------------

def new_names(items: Any, previous: Any, key: str = "state") -> list[Any]:
    """The distinct `key` values (States) of this year's events not already named in last
    year's: a null list is no event named."""
    if not isinstance(key, str):
        raise TypeError(f"key must be a string, not a {_type_name(key)}")
    before = {i.get(key) for i in previous or [] if isinstance(i, dict)}
    seen = _OrderedSet()
    for item in items or []:
        if isinstance(item, dict) and item.get(key) is not None and item[key] not in before:
            seen.add(item[key])
    return seen.items


def same(value: Any, previous: Any) -> bool | None:
    """Whether a fact is carried over unchanged: null when either side is missing."""
    if value is None or previous is None:
        return None
    return bool(value == previous)


def advanced(value: Any, previous: Any, step: Any = 1) -> bool | None:
    """Whether `value` is `previous` moved on by `step` (an ordinal, a year, a count; the
    series' period: `gap` sessions): null when any is missing."""
    if value is None or previous is None or step is None:
        return None
    if not all(_is_number(v) for v in (value, previous, step)):
        raise TypeError("advanced() compares numbers (ordinals, years, counts)")
    return bool(value == previous + step)


def _entry(name: str, call: Callable[..., Any], signature: str, doc: str, group: str
           ) -> Function:
    return Function(name, call, signature, doc, group)


REGISTRY: tuple[Function, ...] = (
    # lists
    _entry("len", _len, "len(value)", "The length of a list, text or mapping.", "lists"),
    _entry("min", _extreme(min), "min(list) or min(a, b, ...)",
           "The smallest value; null if any is null or the list is empty.", "lists"),
    _entry("max", _extreme(max), "max(list) or max(a, b, ...)",
           "The largest value; null if any is null or the list is empty.", "lists"),
    _entry("sum", _sum, "sum(list)", "The sum of the numbers; null if any is null.", "lists"),
    _entry("any", _list_function(any), "any(list)", "Whether any item is true.", "lists"),
    _entry("all", _list_function(all), "all(list)", "Whether every item is true.", "lists"),
    _entry("sorted", _list_function(sorted), "sorted(list)", "The items in order.", "lists"),
    _entry("unique", _unique, "unique(list)",
           "The items without repeats, in first-occurrence order.", "lists"),
    _entry("duplicates", _duplicates, "duplicates(list)",
           "The items that occur more than once, each once.", "lists"),
    _entry("count", _count, "count(list, value)",
           "How often `value` occurs in the list (or a text in a text).", "lists"),
    _entry("first", _list_function(lambda items: items[0] if items else None), "first(list)",
           "The first item; null for an empty list.", "lists"),
    _entry("last", _list_function(lambda items: items[-1] if items else None), "last(list)",
           "The last item; null for an empty list.", "lists"),
    _entry("contains", _contains, "contains(list_or_text, item)",
           "Whether the item is in the list (or the text in the text); as `item in list`.",
           "lists"),
    _entry("is_sorted", _is_sorted, "is_sorted(list)",
           "Whether the items are in ascending order; null if any is null.", "lists"),
    _entry("join", _join, "join(list, sep=', ')",
           "The items as one text, separated by `sep`.", "lists"),
    _entry("find", _nullsafe(find), "find(records, key, value)",
           "The first record whose `key` is `value`, or null.", "lists"),
    _entry("pluck", _nullsafe(pluck), "pluck(records, key)",
           "Each record's `key`.", "lists"),
    _entry("where", _nullsafe(where), "where(records, key, value)",
           "The records whose `key` is `value`.", "lists"),
    _entry("minus", _nullsafe(minus), "minus(list, other)",
           "The items not in `other`, order kept.", "lists"),
    # numbers and text
    _entry("abs", _abs, "abs(number)", "The absolute value.", "numbers and text"),
    _entry("int", _int, "int(value)",
           "A whole number; null for unreadable text.", "numbers and text"),
    _entry("str", lambda value: None if value is None else _format(value), "str(value)",
           "The value as a message shows it (lists read \"a, b and c\").", "numbers and text"),
    _entry("lower", _text_function(str.lower), "lower(text)", "The text in lower case.",
           "numbers and text"),
    _entry("upper", _text_function(str.upper), "upper(text)", "The text in upper case.",
           "numbers and text"),
    _entry("startswith", _nullsafe(startswith), "startswith(text, prefix)",
           "Whether the text starts with `prefix`.", "numbers and text"),
    _entry("same_title", _nullsafe(same_title), "same_title(quoted, title)",
           "Whether a quoted title is the title, compared as words (case, spacing, dash "
           "and quote forms, the final full stop aside).", "numbers and text"),
    _entry("basename", _nullsafe(basename), "basename(path)",
           "A path's file name, without its folders.", "numbers and text"),
    _entry("line", _nullsafe(line), "line(span_or_fact)",
           "The line a span (or a fact with a span) starts on.", "numbers and text"),
    # facts
    _entry("is_null", lambda value: value is None, "is_null(value)",
           "Whether the fact is missing (never null itself).", "facts"),
    _entry("coalesce", _coalesce, "coalesce(a, b, ...)",
           "The first value that is not null.", "facts"),
    _entry("same", same, "same(draft_fact, previous_fact)",
           "Whether a fact is carried over from the previous resolution unchanged; null "
           "(silent) when either is missing, so no null guard is needed.", "facts"),
    _entry("advanced", advanced, "advanced(draft_value, previous_value, step=1)",
           "Whether a meeting's ordinal, a year or a count moved on by `step` since the "
           "previous resolution (the series' period: `gap`); null when any is missing.",
           "facts"),
    # events
    _entry("new_names", new_names, "new_names(draft_events, previous_events, key='state')",
           "The States (the `key` of each event) named this year and not last year: the "
           "events that explain a change of count.  A missing list is no event.", "events"),
    # sessions and dates
    _entry("date_text", _nullsafe(date_text), "date_text(iso_date)",
           "An ISO date as the Assembly writes it: \"4 December 2023\".", "sessions and dates"),
    _entry("year", _nullsafe(year), "year(iso_date)", "The year of an ISO date.",
           "sessions and dates"),
    _entry("month_year", _nullsafe(month_year), "month_year(iso_date)",
           "\"September 2023\", for messages about session periods.", "sessions and dates"),
    _entry("session_of", _nullsafe(session_of), "session_of(symbol)",
           "The session of a document symbol (78 for A/RES/78/32).", "sessions and dates"),
    _entry("session_years", _nullsafe(session_years), "session_years(session)",
           "The two years a resolution of the session can be dated in: [1945+s, 1946+s].",
           "sessions and dates"),
    _entry("session_period", _nullsafe(session_period), "session_period(session)",
           "[first, last] ISO dates a resolution of the regular session can bear.",
           "sessions and dates"),
    _entry("in_session", _nullsafe(in_session), "in_session(iso_date, session)",
           "Whether a resolution of the session can be dated so.", "sessions and dates"),
    _entry("chronological", _nullsafe(chronological), "chronological(citations)",
           "Whether each list of cited resolutions runs in ascending order.",
           "sessions and dates"),
    _entry("ordinal", _nullsafe(ordinal), "ordinal(n, model='')",
           "The ordinal word (\"eightieth\"), in the case of `model` when given.",
           "sessions and dates"),
    _entry("ordinal_value", _nullsafe(ordinal_to_int), "ordinal_value(word)",
           "The number of an ordinal word (\"eightieth\" -> 80).", "sessions and dates"),
)

FUNCTIONS: dict[str, Callable[..., Any]] = {f.name: f.call for f in REGISTRY}
