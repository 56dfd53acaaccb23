"""Citations of resolutions and decisions, the recalled list and document symbols, read
from the clean paragraph texts (the next session: reslint.parse.session).

A citation is read as a drafter writes it (Editorial Manual; see the README, "What
reslint reads"):

- a **noun** ("resolution", "resolutions", "decision", "decisions") heads a **group** of
  symbols: "its resolutions 64/292 of 28 July 2010, in which it recognized …, and 78/206 of
  19 December 2023" is one group of two; "resolution 79/252 A and B" one of two; the group
  runs on over relative clauses ("in which it …", "entitled “…”") as long as the next
  symbol follows a comma, "and", "or" or "as well as";
- the words before the noun say whose it is: a body named right before it ("Human Rights
  Council resolution", "Economic and Social Council resolutions"), "the Council, in its
  resolution", "its resolution" (the Assembly's own), "including resolution" (the body of
  the resolutions just named); else "of the Human Rights Council" after the symbol; else the
  symbol's form ("1325 (2000)" is the Security Council's, "2008/36" the Economic and Social
  Council's, "1/CP.21" a conference of the parties'); a bare "resolution 70/1" is the
  Assembly's;
- a part named before the noun ("section IV of its resolution 55/238") is kept as `part`;
- groups of one body that follow each other in a paragraph form a **list**, which the next
  body's citation ends (the Assembly's decisions stay in the list of its resolutions).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import partial

from reslint._dataclass import dataclass
from reslint.model import Citation, Footnote, Paragraph, Span, SymbolRef
from reslint.text.mapped import MappedText
from reslint.vocab.dates import DATE_PATTERN, parse_date
from reslint.vocab.symbols import (
    DOCUMENT_SYMBOL_PATTERN,
    RESOLUTION_NUMBER_PATTERN,
    SC_RESOLUTION_PATTERN,
    TREATY_DECISION_PATTERN,
    YEAR_RESOLUTION_PATTERN,
    is_plausible_ga_resolution,
    parse_symbol,
)

# r"\b(?:[Rr]esolution|[Dd]ecision)s?\b", written to open with its first letter (a leading
# "\b" keeps `re` from skipping ahead to the letters that can start a match)
NOUN = re.compile(r"[RrDd](?<!\w.)(?:(?<=[Rr])esolution|(?<=[Dd])ecision)s?\b")
SYMBOL = re.compile(
    rf"(?P<ga>{RESOLUTION_NUMBER_PATTERN})|(?P<sc>{SC_RESOLUTION_PATTERN})"
    rf"|(?P<year>{YEAR_RESOLUTION_PATTERN})|(?P<treaty>{TREATY_DECISION_PATTERN})"
)
# "79/252 A and B", "56/24 A, B and C": more lettered resolutions of the same number
MORE_LETTERS = re.compile(r"(?:\s*,\s*|\s+and\s+)(?P<letter>(?-i:[A-Z]))(?![\w/(’'\-])")
DATE_AFTER = re.compile(rf",?\s+(?:both\s+)?of\s+(?P<date>{DATE_PATTERN})")
# What may stand between two symbols of one group: anything (a relative clause, a title)
# that ends with a list connective.


def _words(*words: str) -> str:
    """r"\\b(?:w1|w2|…)" as alternatives that each open with their first letter and look
    behind after it ("a(?<!\\w.)nd": an "a" with no word character before it, what "\\b"
    before a word means).  `re` skips ahead to the letters that can open such a pattern; one
    that opens with "\\b" it tries at every character."""
    return "|".join(f"{w[0]}(?<!\\w.){w[1:]}" for w in words)


_AND_OR = _words("and", "or", r"as\s+well\s+as", "nor")
_WHICH = r"\s+of\s+which\s+(?:is|was|being|are|were)"  # "the latest of which is"
_LATEST = _words("latest" + _WHICH, r"most\s+recent" + _WHICH)
_INCLUDING = _words("including", r"in\s+particular", "notably", "especially")
CONNECTIVE_END = re.compile(rf"(?:,|{_AND_OR})\s*$")

# --- whose a noun is -------------------------------------------------------------------
_KNOWN_BODIES = (
    ("Human Rights Council", "hrc"),
    ("Economic and Social Council", "ecosoc"),
    ("Security Council", "sc"),
    ("General Assembly", "ga"),
)
_PARTIES = re.compile(r"\b(?:Conference|Meeting)s?\s+of\s+(?:the\s+)?(?:States\s+)?Parties\b")
_WORD = r"[A-Z][\w’'\-]*"
_LINK = r"(?:of|on|the|and|for|to|in|against)"
# A body's name: capitalized words (with "of", "and" … between) ending in a head noun.
_HEAD = (
    r"(?:Council|Commission|Assembly|Board|Conference|Committee|Organization|Parties|Forum"
    r"|Meeting|Governors|Agency|Programme|Summit|Congress|Court|Women|Development|Drugs"
    r"|Justice)"
)
_NAME = rf"(?:{_WORD}\s+(?:{_LINK}\s+){{0,2}}){{0,8}}?{_HEAD}"
HEAD_WORD = re.compile("(?:" + _words(*_HEAD[3:-1].split("|")) + r")\b")  # \b{_HEAD}\b
_ADJ = r"(?:[a-z][a-z\-]*\s+){0,3}"
_SESSION_AT = r"(?:at\s+its\s+[\w\s\-]{1,40}?session\s*,?\s+)?"
# "Human Rights Council resolution", "Economic and Social Council relevant resolutions"
NAMED_BEFORE = re.compile(rf"(?P<name>{_NAME})\s+{_ADJ}$")
# "the Human Rights Council, in its resolution", "by the Council in its decision"
# A body named after "the" may end in any word ("the Economic and Social Commission for Asia
# and the Pacific"): the verb phrase after it says that it is the subject.
_ANY_NAME = rf"(?:{_NAME}|(?<=the\s){_WORD}(?:\s+(?:{_LINK}\s+){{0,2}}{_WORD}){{0,10}})"
NAMED_ITS = re.compile(
    rf"(?P<name>{_ANY_NAME})\s*,?\s+{_SESSION_AT}(?:in|through|by|under)\s+its\s+{_ADJ}$"
)
# "the adoption by the Human Rights Council of resolution"
NAMED_BY = re.compile(
    rf"\bby\s+(?:the\s+)?(?P<name>{_ANY_NAME})\s*,?\s+{_SESSION_AT}of\s+{_ADJ}$"
)
ITS = re.compile(_words("its") + rf"\s+{_ADJ}$")
_HEADS = tuple(_HEAD[3:-1].split("|"))  # the head nouns, for str.endswith
_ADJ_WORD = re.compile(r"[a-z][a-z\-]*")
_ITS_AFTER = ("in", "through", "by", "under")


def _before_adjectives(window: str) -> list[tuple[str, str]]:
    """Where a pattern that ends in `\\s+{_ADJ}$` can have its last word: for each way of
    reading the window's last words (none to three) as _ADJ's small words, the word before
    them and the word before that.  None when the window does not end with a space."""
    if not window[-1:].isspace():
        return []
    words = window.split()[-5:]
    found: list[tuple[str, str]] = []
    for j in range(1, min(4, len(words)) + 1):
        found.append((words[-j], words[-j - 1] if j < len(words) else ""))
        if not _ADJ_WORD.fullmatch(words[-j]):
            break
    return found


# What each pattern needs at the window's end (they are tried from every character of it):
# NAMED_ITS "… in its", NAMED_BY a "by" somewhere, NAMED_BEFORE a word ending in a head noun
_NAMED: tuple[tuple[re.Pattern[str], Callable[[str, list[tuple[str, str]]], bool]], ...] = (
    (NAMED_ITS, lambda w, tail: any(a == "its" and b in _ITS_AFTER for a, b in tail)),
    (NAMED_BY, lambda w, tail: "by" in w),
    (NAMED_BEFORE, lambda w, tail: any(a.endswith(_HEADS) for a, _ in tail)),
)
# "…, including resolution 79/145", "the latest of which is resolution 79/74": the body of
# the resolutions just named
_SUCH_AS = _words(r"such\s+as", r"most\s+recently")
INCLUDING = re.compile(rf"(?:{_INCLUDING}|{_SUCH_AS}|{_LATEST})\s+$")
# "resolution 5/5 of the United Nations Environment Assembly"
NAMED_AFTER = re.compile(
    rf"\s*,?\s+(?:of|adopted\s+by|by)\s+(?:the\s+)?(?P<name>{_WORD}(?:\s+(?:{_LINK}\s+){{0,2}}"
    rf"{_WORD}){{0,10}})"
)
# "section IV of its resolution", "paragraphs 14 and 15 of General Assembly resolution"
PART_BEFORE = re.compile(
    r"\b(?P<part>(?:[Ss]ections?|[Pp]arts?|[Pp]aragraphs?|[Ss]ubparagraphs?|[Aa]nnex(?:es)?"
    r"|[Cc]hapters?)\s+[\w\-–() ]{1,30}?(?:\s+and\s+[\w\-–()]{1,12})?)\s+of\s+"
    r"(?:(?:the\s+)?annex\s+to\s+)?(?:its\s+|(?:the\s+)?General\s+Assembly\s+|the\s+)?$"
)
_LOOKBACK = 200
DOCUMENT = re.compile(DOCUMENT_SYMBOL_PATTERN)
SC_ANY = re.compile(SC_RESOLUTION_PATTERN)

# --- finding symbols fast ----------------------------------------------------------------
# The symbol patterns open with a lookbehind, which keeps `re` from skipping ahead to a
# character that can start them: a search tried every pattern at every character (a
# third of the parse).  Each pattern below has a cheap companion that finds every place
# where it can start (its first character, not preceded by what `_START` refuses);
# `_finditer` tries the pattern only there, and finds what `finditer` finds.
_NOT_AFTER = r"(?<![\w/.\-\u2010\u2011].)"  # `_START`, checked after the first character
# SYMBOL starts with a digit ("78/32", "1325 (2000)", "2008/36", "1/CP.21"), "S-"/"ES-"
# ("ES-11/1") or a Roman numeral ("XXXV/1"); after its digits, each form has a "/" or a
# "(" ("2200 A (XXI)"): a date's or a count's digits are not tried (5 of 6 digit starts)
SYMBOL_STARTS = re.compile(
    rf"[0-9ESIVXL]{_NOT_AFTER}(?:(?<=[0-9])(?=[0-9]*(?:/|[ \u00a0]?\(|[ \u00a0][A-Z][ \u00a0]?\())"
    r"|(?<=E)(?=S-[0-9])|(?<=S)(?=-[0-9])|(?<=[IVXL])(?=[IVXL]*/[0-9]))"
)
# DOCUMENT starts with a capital letter, then capitals or digits, then "/"
DOCUMENT_STARTS = re.compile(rf"[A-Z]{_NOT_AFTER}[A-Z0-9]*/")


def _finditer(pattern: re.Pattern[str], starts: re.Pattern[str], text: str
              ) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, with `pattern` tried only where `starts` matches."""
    pos = 0
    match = pattern.match
    for c in starts.finditer(text):
        at = c.start()
        if at >= pos and (m := match(text, at)) is not None:
            yield m
            pos = m.end()


@dataclass(slots=True)
class _Whose:
    body: str | None  # None: not said by the words (the symbol's form decides, else "ga")
    issuer: str | None = None
    explicit: bool = False  # named right at the noun: the words after it cannot override

    def __init__(self, body: str | None, issuer: str | None = None,
                 explicit: bool = False) -> None:
        self.body = body
        self.issuer = issuer
        self.explicit = explicit


def _classify(name: str, councils: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """A body's name as written -> (body, issuer)."""
    for known, body in _KNOWN_BODIES:
        if name.endswith(known):
            return body, known
    if re.search(r"(?:^|\band\s+|\bthe\s+|ing\s+)Assembly$", name):  # "Assembly resolution"
        return "ga", "General Assembly"
    for known, body in _KNOWN_BODIES:
        if known in name:
            return body, known
    if m := _PARTIES.search(name):
        return "cop", name[m.start():]
    words = name.split()
    while words and words[0].endswith("ing"):  # "Recalling Assembly …"
        words.pop(0)
    name = " ".join(words)
    if name in ("Assembly", "the Assembly"):
        return "ga", "General Assembly"
    head = words[-1] if words else ""
    if len(words) == 1 and head in councils:  # "the Council": the last Council named
        return councils[head]
    return "other", name


def _whose(text: str, start: int, end: int, previous: _Whose | None,
           councils: dict[str, tuple[str, str]]) -> _Whose:
    """Whose resolution or decision the noun at `start` is, from the words before it."""
    window = text[max(0, start - _LOOKBACK) : start]
    named = HEAD_WORD.search(window) is not None or "the " in window  # else no name to find
    tail = _before_adjectives(window) if named else []
    for pattern, needs in _NAMED if named else ():
        # each is tried only where the window holds what it needs (these suffix patterns
        # are tried from every character of the window)
        if needs(window, tail) and (m := pattern.search(window)):
            body, issuer = _classify(m.group("name"), councils)
            return _Whose(body, issuer, True)
    if ITS.search(window):
        return _Whose("ga", None, True)
    if previous is not None and INCLUDING.search(window):
        return _Whose(previous.body, previous.issuer, previous.explicit)
    if after := _named_after(text, end, councils):  # "resolutions adopted by the Council"
        return _Whose(after[0], after[1], True)
    return _Whose(None)


def _named_after(text: str, end: int, councils: dict[str, tuple[str, str]]
                 ) -> tuple[str, str] | None:
    m = NAMED_AFTER.match(text, end)
    if m is None:
        return None
    name = m.group("name")
    if not HEAD_WORD.search(name):
        return None
    return _classify(name, councils)


def _remember_councils(text: str, councils: dict[str, tuple[str, str]]) -> None:
    """"the Council" and "the Commission" mean the last ones named in full."""
    for known, body in _KNOWN_BODIES:
        if known in text and known.endswith("Council"):
            councils["Council"] = (body, known)


# --- reading ---------------------------------------------------------------------------

SpanOf = Callable[[Paragraph, int, int], Span]


@dataclass(slots=True)
class _Item:
    symbol: str
    start: int
    end: int  # past the symbol (and its letters)
    stop: int  # past the date, if any
    form: str  # "ga", "sc", "year", "treaty"
    date: str | None = None
    date_start: int = 0
    date_end: int = 0

    def __init__(self, symbol: str, start: int, end: int, stop: int, form: str,
                 date: str | None = None, date_start: int = 0, date_end: int = 0) -> None:
        self.symbol = symbol
        self.start = start
        self.end = end
        self.stop = stop
        self.form = form
        self.date = date
        self.date_start = date_start
        self.date_end = date_end


def _items(text: str) -> list[_Item]:
    out: list[_Item] = []
    if "/" not in text and "(" not in text:  # every symbol form holds one ("1325 (2000)")
        return out
    for m in _finditer(SYMBOL, SYMBOL_STARTS, text):
        form = m.lastgroup or "ga"
        symbols = [(m.group(), m.start(), m.end())]
        pos = m.end()
        if form in ("ga", "year") and re.search(r" [A-Z]$", m.group()):
            stem = m.group()[:-1]
            while more := MORE_LETTERS.match(text, pos):
                symbols.append((stem + more.group("letter"), more.start("letter"), more.end()))
                pos = more.end()
        date = None
        d = DATE_AFTER.match(text, pos)
        if d is not None and (parsed := parse_date(d.group("date"))) is not None:
            date = parsed.isoformat()
        for i, (sym, s, e) in enumerate(symbols):
            last = i == len(symbols) - 1
            item = _Item(" ".join(sym.split()), s, e, d.end() if d and last else e, form)
            if last and date and d is not None:
                item.date, item.date_start, item.date_end = date, d.start("date"), d.end("date")
            out.append(item)
    return out


def read_citations(paragraphs: list[Paragraph], span_of: SpanOf
                   ) -> tuple[list[Citation], list[Citation]]:
    """(the Assembly's own resolutions, every other citation), in written order."""
    own: list[Citation] = []
    other: list[Citation] = []
    group_id = list_id = 0
    councils: dict[str, tuple[str, str]] = {}
    for p in paragraphs:
        text = p.text
        items = _items(text)
        if not items:  # no symbol: nothing to read but the councils it names (most do)
            _remember_councils(text, councils)
            continue
        # every noun holds one of the two stems: one C-level test skips the scan
        nouns = [(m.start(), m.end(), m.group()) for m in NOUN.finditer(text)] if (
            "esolution" in text or "ecision" in text) else []
        noun_by_start = {n[0]: n for n in nouns}
        whose: dict[int, _Whose] = {}
        last_whose: _Whose | None = None
        for ns, ne, _ in nouns:
            _remember_councils(text[max(0, ns - _LOOKBACK) : ns], councils)
            w = _whose(text, ns, ne, last_whose, councils)
            whose[ns] = last_whose = w
        _remember_councils(text, councils)
        used: set[int] = set()
        groups: list[_Group] = []
        mine: list[Citation] = []
        noun_index = 0
        current: tuple[int, int | None, str, str | None] | None = None  # group, noun, body, kind
        previous_stop = 0
        list_body: str | None = None
        for k, item in enumerate(items):
            while noun_index < len(nouns) and nouns[noun_index][1] <= item.start:
                noun_index += 1
            noun = nouns[noun_index - 1] if noun_index else None
            headed = (noun is not None and noun[0] not in used
                      and not text[noun[1] : item.start].strip())
            connected = (current is not None and not headed
                         and (noun is None or noun[1] <= previous_stop or noun[0] == current[1])
                         and ";" not in text[previous_stop : item.start]
                         and CONNECTIVE_END.search(text, previous_stop, item.start) is not None)
            if headed and noun is not None:
                used.add(noun[0])
                group_id += 1
                w = whose[noun[0]]
                # "Human Rights Council resolution 44/4 …, resolution 53/9": a noun repeated
                # in a list keeps the list's body
                inherited = current[2] if (
                    current is not None and ";" not in text[previous_stop : noun[0]]
                    and CONNECTIVE_END.search(text, previous_stop, noun[0])) else None
                body = _body(item.form, w, text, item, councils, inherited,
                             _run_end(text, items, k))
                kind = "decision" if noun[2].lower().startswith("decision") else "resolution"
                current = (group_id, noun[0], body, kind)
                groups.append(_Group(group_id, noun[0], noun[1], noun[0]))
            elif connected and current is not None:
                body = current[2]
                if item.form in ("sc", "treaty") or (item.form == "year" and body == "ga"):
                    body = _form_body(item.form)
                kind = current[3] or "resolution"
            else:
                if item.form != "ga":
                    current = None
                    continue  # "2024/25", "2 (2023)": only a noun makes these citations
                group_id += 1
                current = (group_id, None, "ga", "resolution")
                body, kind = "ga", "resolution"
                groups.append(_Group(group_id, item.start, item.start, item.start))
            if item.form == "treaty":
                kind = "decision"
            group_noun = current[1]
            sym = parse_symbol(item.symbol)
            if body == "ga" and (sym is None or not is_plausible_ga_resolution(sym)):
                if groups and groups[-1].id == current[0] and groups[-1].stop == groups[-1].anchor:
                    groups.pop()  # a group that never got an item
                current = None
                continue
            if body != list_body:
                list_id += 1
                list_body = body
            previous_stop = item.stop
            groups[-1].stop = item.stop
            noun_at = noun_by_start.get(group_noun) if group_noun is not None else None
            part = None
            near = text[max(0, noun_at[0] - 40) : noun_at[0]] if noun_at else ""
            if headed and noun_at is not None and "of" in near and (
                    pm := PART_BEFORE.search(text, max(0, noun_at[0] - 80), noun_at[0])):
                part = " ".join(pm.group("part").split())
            owner = whose.get(group_noun) if group_noun is not None else None
            c = Citation(
                item.symbol,
                item.date,
                span_of(p, item.start, item.end),
                span_of(p, item.date_start, item.date_end) if item.date else None,
                p.label,
                item.start,
                body=body,
                kind=kind,
                noun=noun_at[2] if noun_at else None,
                noun_span=span_of(p, noun_at[0], noun_at[1]) if noun_at else None,
                group=current[0],
                list_id=list_id,
                part=part,
                issuer=_issuer(body, owner),
            )
            if c.issuer is None and mine and mine[-1].body == body:
                c.issuer = mine[-1].issuer  # a list continued: its body as named first
            (own if body == "ga" and kind == "resolution" else other).append(c)
            mine.append(c)
        _chain(p, text, nouns, groups, mine)
    return own, other


@dataclass
class _Group:
    id: int
    anchor: int  # where its noun (or, without one, its first symbol) starts
    noun_end: int
    stop: int  # past its last item (its anchor until it gets one)


# The words that may stand between "its" and its noun ("previous relevant", "subsequent"):
# not a preposition or a verb's object ("…, by its resolution 55/25" names a resolution on
# the way, it does not list one)
_MODIFIERS = (
    r"(?:(?!(?:by|in|of|to|at|on|for|with|which|whereby|it|its|that|as|from|under|through"
    r"|pursuant|upon|into|and|or)\b)[a-z][a-z\-]*\s+){0,3}"
)
# What joins the next group to a list: a connective, then at most the start of a noun
# phrase ("and its resolution", ", including resolution", ", section IV of its
# resolution", ", as well as Security Council resolution", "the latest of which was").
_JOIN = re.compile(
    rf"(?:,|{_AND_OR}|{_INCLUDING}|{_LATEST})\s+"
    r"(?:(?:[Ss]ections?|[Pp]arts?|[Pp]aragraphs?)\s+[\w\-–().]{1,12}(?:\s+and\s+[\w\-–().]{1,12})?"
    r"\s+of\s+)?(?:the\s+annex\s+to\s+)?(?:its\s+|their\s+|the\s+)?"
    rf"(?:{_NAME}\s+)?{_MODIFIERS}$"
)
# "its resolutions 69/307 … and its subsequent resolutions thereon": the plural names more
# resolutions than the symbols it heads
_MORE = re.compile(
    r"[^;]*?(?:,|\band|\bas\s+well\s+as|\bor)\s+(?:all\s+(?:of\s+)?)?(?:its\s+|the\s+)?"
    r"(?:[a-z][a-z\-]*\s+){0,3}$"
)


def _joined(text: str, start: int, end: int) -> bool:
    glue = text[start:end]
    return ";" not in glue and _JOIN.search(glue) is not None


def _chain(p: Paragraph, text: str, nouns: list[tuple[int, int, str]], groups: list[_Group],
           cites: list[Citation]) -> None:
    """Mark the citations a recalling verb governs (`recalled`) and the groups whose
    plural also covers resolutions named in general (`group_open`)."""
    by_group: dict[int, list[Citation]] = {}
    for c in cites:
        by_group.setdefault(c.group, []).append(c)
    heads = {g.anchor for g in groups}
    starts = [n[0] for n in nouns]
    for k, g in enumerate(groups):
        i = bisect.bisect_left(starts, g.stop)
        after = nouns[i] if i < len(nouns) else None
        general = after is not None and after[0] not in heads and after[2].endswith("s") and (
            _MORE.match(text, g.stop, after[0]) is not None)
        # "Recalling its resolutions 69/213 …, its resolution 70/197 …": the plural opens
        # a list that goes on with more groups of the same body
        mine, following = by_group.get(g.id, []), (
            by_group.get(groups[k + 1].id, []) if k + 1 < len(groups) else [])
        listed = bool(mine and following and mine[0].body == following[0].body
                      and _joined(text, g.stop, groups[k + 1].anchor))
        if general or listed:
            for c in mine:
                c.group_open = True
    if p.kind != "preamble" or not groups:
        return
    # every recalling verb of the paragraph: "Recalling all relevant resolutions of …,
    # reaffirming its resolutions 65/198 …, and recalling …" (A/C.3/80/L.17)
    verbs = _recalling_verbs(text)
    for m in sorted(verbs, key=lambda v: v.start()):
        stop = m.end()
        for g in groups:
            if g.anchor < m.start():
                continue
            if not (g.anchor <= m.end() <= g.noun_end or _joined(text, stop, g.anchor)):
                break
            for c in by_group.get(g.id, []):
                c.recalled = True
            stop = g.stop


def _form_body(form: str) -> str:
    return {"sc": "sc", "year": "ecosoc", "treaty": "cop"}.get(form, "ga")


def _body(form: str, w: _Whose, text: str, item: _Item,
          councils: dict[str, tuple[str, str]], inherited: str | None, run_end: int) -> str:
    """The body of a group's first item: the symbol's form where it can only be one body's,
    else the words before the noun, else the words after the symbol or after the run of
    symbols it opens (`run_end`: "resolutions 10/6 of 16 October 2020 and 11/3 of 21 October
    2022 of the Conference of the Parties"), else the body of the list the noun continues,
    else the Assembly."""
    if form in ("sc", "treaty"):
        return _form_body(form)
    if w.explicit and w.body is not None:
        if form == "year" and w.body == "ga":
            return "ecosoc"
        return w.body
    after = _named_after(text, item.stop, councils)
    if after is None and run_end > item.stop:
        after = _named_after(text, run_end, councils)
    if after is not None:
        w.body, w.issuer = after
        return after[0]
    if w.body is not None:
        return w.body
    if inherited is not None and _form_body(form) in ("ga", inherited):
        if inherited != "ga":
            w.body, w.issuer = inherited, None
        return inherited
    return _form_body(form)


# what joins two symbols of one run: a comma, "and", or both ("70/1, 71/2 and 72/3")
_RUN_GLUE = re.compile(r"\s*,?\s*(?:and\s+)?")


def _run_end(text: str, items: list[_Item], k: int) -> int:
    """Where the run of symbols that starts at items[k] ends: the next items joined to it
    by a comma or "and" alone, no noun between (a noun opens a group of its own)."""
    stop = items[k].stop
    for nxt in items[k + 1 :]:
        if nxt.start <= stop or _RUN_GLUE.fullmatch(text, stop, nxt.start) is None:
            break
        stop = nxt.stop
    return stop


def _issuer(body: str, w: _Whose | None) -> str | None:
    if w is not None and w.issuer and w.body == body:
        return w.issuer
    return {"ga": "General Assembly", "hrc": "Human Rights Council", "sc": "Security Council",
            "ecosoc": "Economic and Social Council"}.get(body)


def find_citations(paragraphs: list[Paragraph], span_of: SpanOf) -> list[Citation]:
    """The Assembly's own resolutions cited in the paragraphs."""
    return read_citations(paragraphs, span_of)[0]


# "Recalling its resolutions", "Reaffirming also all its previous resolutions on …",
# "recalling further General Assembly resolution": a noun the recalling verb governs.
RECALLING = re.compile(
    r"\b(?:[Rr]ecalling|[Rr]eaffirming|[Bb]earing\s+in\s+mind)"
    r"(?:\s+(?:also|further|furthermore|moreover|in\s+particular|once\s+again|again))*\s+"
    r"(?:(?:[Ss]ections?|[Pp]arts?|[Pp]aragraphs?)\s+[\w\-–().]{1,12}\s+of\s+)?"  # "I.B"
    r"(?:all\s+(?:of\s+)?)?(?:its\s+|the\s+)?"
    rf"(?:{_NAME}\s+)?(?:[a-z][a-z\-]*\s+){{0,4}}"
    r"(?:resolution|decision)s?\b"
)

# "Recalling further the Rio Declaration … of June 1992 and its resolution 66/288" (80/216):
# the verb's object, then the resolution joined to it (the object names no resolution)
RECALLING_OBJECT_AND = re.compile(
    r"\b(?:[Rr]ecalling|[Rr]eaffirming|[Bb]earing\s+in\s+mind)"
    r"(?:\s+(?:also|further|furthermore|moreover|in\s+particular|once\s+again|again))*"
    r"\s+the\s+[A-Z](?:(?!resolution|decision)[^;]){0,250}?\band\s+its\s+resolutions?\b"
)


_VERB_STEMS = ("ecalling", "eaffirming", "earing")  # after [Rr], [Rr], [Bb]


def _recalling_verbs(text: str) -> list[re.Match[str]]:
    """RECALLING's matches, then RECALLING_OBJECT_AND's (what their `finditer` gives).
    Both open with a verb: each is tried only where a verb's stem is written, one letter
    before it (its "\\b" opening kept `re` from skipping ahead: two scans of every preambular
    paragraph that cites a resolution)."""
    starts: list[int] = []
    for stem in _VERB_STEMS:
        at = text.find(stem, 1)
        while at >= 0:
            starts.append(at - 1)
            at = text.find(stem, at + 1)
    if not starts:
        return []
    starts.sort()
    return [*_matches_at(RECALLING, starts, text), *_matches_at(RECALLING_OBJECT_AND, starts, text)]


def _matches_at(pattern: re.Pattern[str], starts: list[int], text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)` where every match starts at one of `starts` (sorted)."""
    found: list[re.Match[str]] = []
    pos = 0
    for at in starts:
        if at >= pos and (m := pattern.match(text, at)) is not None:
            found.append(m)
            pos = m.end()
    return found


def find_recalled(
    paragraphs: list[Paragraph], citations: list[Citation], span_of: SpanOf
) -> tuple[list[Citation], Span | None]:
    """The resolutions the Assembly recalls (or reaffirms) as its own, in written order.

    In a preambular paragraph, the list a recalling verb governs ("Recalling its
    resolutions …", "Reaffirming its annual resolutions on …, including resolution …",
    "Recalling section XI of its resolution 55/258 … and its resolutions …"): its groups
    joined by commas, "and", "as well as", "including", over relative clauses; the
    Assembly's own resolutions of it (its decisions and other bodies' resolutions in it
    are not recalled resolutions).  The span runs over the first such list."""
    labels = {p.label for p in paragraphs}  # the resolution's own, not an annex's
    recalled = [c for c in citations if c.recalled and c.paragraph in labels]
    whole: Span | None = None
    if recalled:
        first_paragraph = recalled[0].paragraph
        p = next(p for p in paragraphs if p.label == first_paragraph)
        mine = [c for c in recalled if c.paragraph == first_paragraph]
        tail = mine[-1].date_span or mine[-1].span
        # the verb that governs the first recalled resolution: the last one before it
        verbs = sorted((span_of(p, m.start(), m.end()) for m in _recalling_verbs(p.text)),
                       key=lambda v: v.start)
        first = next((v for v in reversed(verbs) if v.start <= mine[0].span.start),
                     mine[0].span)
        whole = Span(first.line, first.column, tail.end_line, tail.end_column,
                     first.start, tail.end)
    return recalled, whole


def find_symbols(paragraphs: list[Paragraph], footnotes: list[tuple[Footnote, MappedText]],
                 span_of: SpanOf, mapped_span: Callable[[MappedText, int, int], Span]
                 ) -> list[SymbolRef]:
    """Document symbols in the paragraphs and in the footnote texts (each footnote with
    its own mapped text, so that two footnotes of the same number keep their places)."""
    out: list[SymbolRef] = []
    for p in paragraphs:
        _symbols_in(p.text, partial(span_of, p), p.label, out)
    for fn, text in footnotes:
        _symbols_in(text.text, partial(mapped_span, text), f"FN{fn.number}", out)
    return out


def _symbols_in(text: str, span: Callable[[int, int], Span], where: str,
                out: list[SymbolRef]) -> None:
    if "/" in text:  # every document symbol has one
        for m in _finditer(DOCUMENT, DOCUMENT_STARTS, text):
            out.append(SymbolRef(m.group(), "document", span(m.start(), m.end()), where))
    if "Security Council" not in text:
        return
    for m in SC_ANY.finditer(text):
        if "Security Council" in text[max(0, m.start() - 80) : m.start()]:
            out.append(SymbolRef(m.group(), "security-council", span(m.start(), m.end()), where))
