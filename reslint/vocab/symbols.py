"""UN resolution numbers and document symbols: "78/32", "2200 A (XXI)", "A/C.1/78/L.39/Rev.1".

Checks compare cited resolutions with the session they claim to be from and link draft
symbols to adopted ones, so they need one structured reading of every form.

`Symbol.session` is always a *regular* General Assembly session number, or None.  Special
and emergency special sessions keep their own numbering, so "S-10/2" and "ES-11/1" get
session None and carry the session in `suffix` ("S-10", "ES-11"); the `kind` tells them
apart.  For documents `suffix` holds the revision part ("Rev.1", "Corr.1", "Add.2/Rev.1"),
the "ES-11"/"S-10" of an A/RES symbol, or a resolution letter ("A/RES/68/247 A").

Parsers return None for what they cannot read; formatters raise ValueError.
"""

from __future__ import annotations

from reslint._dataclass import dataclass

from ._words import lazy_regex

RESOLUTION = "resolution"
SPECIAL_SESSION_RESOLUTION = "special-session-resolution"
EMERGENCY_SPECIAL_SESSION_RESOLUTION = "emergency-special-session-resolution"
SECURITY_COUNCIL = "security-council"
DOCUMENT = "document"

# The last session whose resolutions were numbered "2373 (XXII)"; from the 31st on "31/16".
LAST_ROMAN_SESSION = 30
MAX_SESSION = 200


@dataclass(frozen=True, slots=True)
class Symbol:
    """One parsed symbol; `text` is the input with whitespace collapsed to single spaces.
    (Slotted, with its own __init__: one for each citation the parser reads.)"""

    kind: str
    text: str
    session: int | None
    number: int | None
    suffix: str | None
    year: int | None = None

    def __init__(self, kind: str, text: str, session: int | None, number: int | None,
                 suffix: str | None, year: int | None = None) -> None:
        _put(self, "kind", kind)
        _put(self, "text", text)
        _put(self, "session", session)
        _put(self, "number", number)
        _put(self, "suffix", suffix)
        _put(self, "year", year)


_put = object.__setattr__  # a frozen record's own __init__ sets its slots past __setattr__


# --- Roman numerals (sessions before the 31st) -------------------------------------------

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_RE = lazy_regex(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


def int_to_roman(n: int) -> str:
    """22 -> "XXII"; ValueError outside 1..3999."""
    if not 1 <= n <= 3999:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def roman_to_int(text: str) -> int | None:
    """Read "XXII" as 22; None unless `text` is a canonical upper-case numeral ("IIII" is not)."""
    if not text or not _ROMAN_RE().fullmatch(text):
        return None
    total = 0
    pos = 0
    for value, letters in _ROMAN:
        while text.startswith(letters, pos):
            total += value
            pos += len(letters)
    return total


# --- Patterns for finding symbols in text -----------------------------------------------
#
# The lookbehinds keep a symbol from starting inside a longer one ("78/32" in
# "A/RES/78/32", "10/2" in "S-10/2"); the lookaheads keep it from stopping short of one
# ("12/2019" is not "12/201").  Letters that are part of a symbol are case-sensitive even if
# the caller compiles with IGNORECASE: "78/32 a" has no suffix.

_START = r"(?<![\w/.\-\u2010\u2011])"
_LETTER = r"(?-i:[A-Z])(?![\w/])"
_ROMAN_SESSION = r"\(\s?(?-i:[IVXL]+)\s?\)"

RESOLUTION_NUMBER_PATTERN: str = (
    rf"(?:{_START}(?:"
    rf"(?-i:E?S)-[0-9]{{1,2}}/[0-9]{{1,3}}(?![\w/])"
    rf"|[0-9]{{1,3}}/[0-9]{{1,3}}(?![\w/])(?:[ \u00a0]{_LETTER})?"
    rf"|[0-9]{{1,4}}(?:[ \u00a0]{_LETTER})?[ \u00a0]?{_ROMAN_SESSION}"
    rf"))"
)
"""A GA resolution as cited: "78/32", "31/16 A", "2200 A (XXI)", "S-10/2", "ES-11/1".

Purely syntactic: "2/4" matches; use `is_plausible_ga_resolution` on the parsed symbol."""

SC_RESOLUTION_PATTERN: str = rf"(?:{_START}[0-9]{{1,4}}[ \u00a0]?\((?:19|20)[0-9]{{2}}\))"
"""A Security Council resolution as cited: "1757 (2007)"."""

YEAR_RESOLUTION_PATTERN: str = (
    rf"(?:{_START}(?:19|20)[0-9]{{2}}/[0-9]{{1,3}}(?![\w/])(?:[ \u00a0]{_LETTER})?)"
)
"""A resolution or decision numbered by year: the Economic and Social Council's "2008/36",
the Commission on Human Rights' "2004/16", "2016/2 A"."""

TREATY_DECISION_PATTERN: str = (
    rf"(?:{_START}(?:[0-9]{{1,2}}/(?-i:CP|CMP|CMA|COP|MOP|BS|NP)\.[0-9]{{1,2}}"
    rf"|(?-i:[IVXL]+)/[0-9]{{1,3}}(?![\w/])))"
)
"""A decision of a conference or meeting of the parties to a treaty: "1/CP.21", "2/CMA.1"
(climate change), "XXXV/1" (the Montreal Protocol's meetings of the parties)."""

_SEGMENT = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
DOCUMENT_SYMBOL_PATTERN: str = (
    rf"(?:{_START}(?-i:"
    # Adopted resolutions: "A/RES/78/32", "A/RES/68/247 A", "A/RES/ES-11/1",
    # "A/RES/2200(XXI)", "S/RES/1757 (2007)".
    rf"[A-Z]+/RES/(?:"
    rf"(?:E?S-)?[0-9]{{1,3}}/[0-9]{{1,4}}(?![\w/])(?:[ \u00a0]{_LETTER})?"
    rf"|[0-9]{{1,4}}(?:[ \u00a0]?\((?:19|20)[0-9]{{2}}\)"
    rf"|(?:[ \u00a0]{_LETTER})?[ \u00a0]?{_ROMAN_SESSION})"
    rf")"
    # Everything else: a body, then slash-separated segments, at least one digit somewhere,
    # and a single segment only if it has a digit ("S/PV.9000" yes, "N/A" no).
    rf"|(?=[A-Z][\w./\-]*[0-9])[A-Z][A-Z0-9]*(?:/{_SEGMENT}){{1,8}}(?![\w/])"
    rf"))"
)
"""A document symbol: "A/78/409", "A/C.1/78/L.39/Rev.1", "CCM/CONF/2021/6", "S/RES/1757
(2007)", "A/RES/ES-11/1"; letters are case-sensitive."""


# --- Parsing ----------------------------------------------------------------------------

_SPACES_RE = lazy_regex(r"\s+")
_GA_SLASH_RE = lazy_regex(r"(?P<session>[0-9]{1,3})/(?P<number>[0-9]{1,3})(?: (?P<suffix>[A-Z]))?")
_GA_ROMAN_RE = lazy_regex(
    r"(?P<number>[0-9]{1,4})(?: (?P<suffix>[A-Z]))? ?\( ?(?P<roman>[IVXL]+) ?\)"
)
_SPECIAL_RE = lazy_regex(r"(?P<prefix>E?S-[0-9]{1,2})/(?P<number>[0-9]{1,3})")
_SC_RE = lazy_regex(r"(?P<number>[0-9]{1,4}) ?\((?P<year>(?:19|20)[0-9]{2})\)")
_DOC_RE = lazy_regex(DOCUMENT_SYMBOL_PATTERN)
_RES_DOC_RE = lazy_regex(r"(?P<body>[A-Z]+)/RES/(?P<short>.+)")
_COMMITTEE_RE = lazy_regex(r"C\.[0-9]+")
_REVISION_RE = lazy_regex(r"(?:Rev|Corr|Add|Amend|Sup)\.[0-9]+")
_TRAILING_NUMBER_RE = lazy_regex(r"([0-9]+)$")
_YEAR_SEGMENT_RE = lazy_regex(r"(?:19|20)[0-9]{2}")


def _resolution(text: str) -> Symbol | None:
    """A cited resolution (GA, special sessions, Security Council), or None."""
    if m := _GA_SLASH_RE().fullmatch(text):
        return Symbol(RESOLUTION, text, int(m["session"]), int(m["number"]), m["suffix"])
    if m := _GA_ROMAN_RE().fullmatch(text):
        session = roman_to_int(m["roman"])
        if session is None:
            return None
        return Symbol(RESOLUTION, text, session, int(m["number"]), m["suffix"])
    if m := _SPECIAL_RE().fullmatch(text):
        emergency = text.startswith("E")
        kind = EMERGENCY_SPECIAL_SESSION_RESOLUTION if emergency else SPECIAL_SESSION_RESOLUTION
        return Symbol(kind, text, None, int(m["number"]), m["prefix"])
    if m := _SC_RE().fullmatch(text):
        return Symbol(SECURITY_COUNCIL, text, None, int(m["number"]), None, int(m["year"]))
    return None


def _adopted_document(text: str) -> Symbol | None:
    """Read "A/RES/78/32" and friends: the fields of the resolution, kind "document"."""
    m = _RES_DOC_RE().fullmatch(text)
    if m is None:
        return None
    res = _resolution(m["short"])
    if res is None:
        return None
    session = res.session if m["body"] == "A" and res.kind == RESOLUTION else None
    return Symbol(DOCUMENT, text, session, res.number, res.suffix, res.year)


def _document(text: str) -> Symbol | None:
    """Any other document: session after "A/" or "A/C.n/", the last serial number,
    the revision part as suffix, and for non-GA bodies a year segment if there is one."""
    if not _DOC_RE().fullmatch(text):
        return None
    if "/RES/" in text and (adopted := _adopted_document(text)):
        return adopted
    segments = text.split("/")
    body, rest = segments[0], segments[1:]
    revisions: list[str] = []
    while rest and _REVISION_RE().fullmatch(rest[-1]):
        revisions.insert(0, rest.pop())
    session = year = None
    if body == "A":
        index = 1 if rest and _COMMITTEE_RE().fullmatch(rest[0]) else 0
        if index < len(rest) and rest[index].isdigit():
            session = int(rest[index])
    else:
        year = next((int(s) for s in rest if _YEAR_SEGMENT_RE().fullmatch(s)), None)
    trailing = _TRAILING_NUMBER_RE().search(rest[-1]) if rest else None
    number = int(trailing.group(1)) if trailing else None
    return Symbol(DOCUMENT, text, session, number, "/".join(revisions) or None, year)


MAX_SYMBOL = 200  # characters: "A/C.1/78/L.39/Rev.1" is 19


def parse_symbol(text: str) -> Symbol | None:
    """Read a resolution number or document symbol; whitespace is collapsed first.

    Syntactic only: "2/4" parses as resolution 4 of session 2; ask
    `is_plausible_ga_resolution` whether such a resolution can exist.
    """
    normal = _SPACES_RE().sub(" ", text).strip()
    if len(normal) > MAX_SYMBOL:
        return None  # no symbol is this long; and int() refuses 4,300 digits and more
    return _resolution(normal) or _document(normal)


def is_plausible_ga_resolution(symbol: Symbol) -> bool:
    """Whether a GA resolution symbol could be real: "31/16" onwards for the slash form
    (sessions 31..200), sessions 1..30 for the Roman form, and a positive number."""
    if symbol.number is None or symbol.number < 1:
        return False
    if symbol.kind in (SPECIAL_SESSION_RESOLUTION, EMERGENCY_SPECIAL_SESSION_RESOLUTION):
        return True
    if symbol.kind != RESOLUTION or symbol.session is None:
        return False
    if "(" in symbol.text:
        return 1 <= symbol.session <= LAST_ROMAN_SESSION
    return LAST_ROMAN_SESSION < symbol.session <= MAX_SESSION


# --- Formatting -------------------------------------------------------------------------


def ga_resolution_symbol(session: int, number: int, suffix: str | None = None) -> str:
    """(78, 32) -> "78/32"; (31, 16, "A") -> "31/16 A"; (21, 2200, "A") -> "2200 A (XXI)".

    Sessions before the 31st get the Roman form they were adopted with.
    """
    if not 1 <= session <= MAX_SESSION or number < 1:
        raise ValueError(f"not a GA resolution: session {session}, number {number}")
    letter = f" {suffix}" if suffix else ""
    if session <= LAST_ROMAN_SESSION:
        return f"{number}{letter} ({int_to_roman(session)})"
    return f"{session}/{number}{letter}"


def adopted_symbol(short: str) -> str:
    """Map "78/32" -> "A/RES/78/32"; "ES-11/1" -> "A/RES/ES-11/1"; "1757 (2007)" ->
    "S/RES/1757 (2007)".  The short form is kept as cited ("A/RES/2200 A (XXI)"), so that
    `short_resolution_symbol` inverts it.  ValueError if `short` is not a resolution."""
    symbol = _resolution(_SPACES_RE().sub(" ", short).strip())
    if symbol is None:
        raise ValueError(f"not a resolution number: {short!r}")
    body = "S" if symbol.kind == SECURITY_COUNCIL else "A"
    return f"{body}/RES/{symbol.text}"


def short_resolution_symbol(symbol: str) -> str:
    """Map "A/RES/78/32" -> "78/32", "S/RES/1757 (2007)" -> "1757 (2007)"; the inverse of
    `adopted_symbol`.  ValueError if `symbol` is not an adopted-resolution symbol."""
    normal = _SPACES_RE().sub(" ", symbol).strip()
    m = _RES_DOC_RE().fullmatch(normal)
    if m is None or m["body"] not in ("A", "S") or _resolution(m["short"]) is None:
        raise ValueError(f"not an adopted resolution symbol: {symbol!r}")
    return m["short"]


def resolution_years(session: int) -> tuple[int, int]:
    """The calendar years a resolution of a regular session can be dated: the session opens
    in September of 1945 + session and runs into the next year (78 -> (2023, 2024))."""
    if session < 1:
        raise ValueError(f"no session {session}")
    return (1945 + session, 1946 + session)
