"""Plain footnote markers: digits glued to a word (`Disabilities,1`) or standing alone
(`Munitions 2 or`) are markers only where the footnote texts make them so.

A number is taken for footnote k only if it reads k, comes after the marker of k-1 and,
in PDF text, stands on the page whose foot carries footnote k.  Years, counts, article and
paragraph numbers and parts of symbols fail one of those tests or the context test below.

A footnote left without a marker gets a second, closer look between the markers of its
neighbours on its own page: text extracted from a PDF loses the superscript, so the
marker may be glued to a year ("2015–20307"), to a symbol ("resolution 5/1411",
"78/22127") or stand before a word that usually follows a count ("Weapons 2 as", "reports
12  of", two spaces where the superscript was).  One such number there is the marker.
Several, or only numbers that could as well be a count ("at least 56514"), leave the
footnote's marker unknown: no rule may then say it is missing.
"""

from __future__ import annotations

import bisect
import re

from reslint._dataclass import dataclass
from reslint.text.inline import RawMarker, tidy
from reslint.text.layout import FootnoteText
from reslint.text.mapped import MappedText
from reslint.vocab._words import lazy_regex

# compiled on first use: only footnotes without marked-up markers need them.
# A number of one to three digits, not before a digit or "/" (what r"\d{1,3}(?![\d/])"
# finds that can be a marker: its other finds, the last digits of a longer number, follow
# a digit, and `_candidate` refuses those), or (group "long") the first five digits of a
# longer run, where YEAR_GLUED may match.  It opens with one digit and looks behind after
# it: a lookbehind or a repeat first keeps `re` from skipping ahead, and this scan reads
# every block.  [0-9] is \d in ASCII text (most blocks), and faster.
NUMBER = lazy_regex(r"\d(?<!\d\d)(?:\d{0,2}(?![\d/])|(?P<long>\d{4}))")
NUMBER_ASCII = lazy_regex(r"[0-9](?<![0-9][0-9])(?:[0-9]{0,2}(?![0-9/])|(?P<long>[0-9]{4}))")
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# "2 November 20226": a marker glued to the year of a date (the PDF lost the superscript).
# (r"\b\d{1,2}\s+…", written to open with a digit: a leading "\b" keeps `re` from skipping
# ahead to the digits)
YEAR_GLUED = lazy_regex(
    rf"\d(?<!\w\d)\d?\s+{MONTH}\s+(?:19|20)\d\d(?P<num>\d{{1,2}})(?![\d/])"
)
ORDINAL_SUFFIX = lazy_regex(r"(?:st|nd|rd|th|s)\b")
GLUE_BEFORE = set(",;:)]”’\"")
NOT_BEFORE = {
    "article", "articles", "paragraph", "paragraphs", "para", "paras", "action", "actions",
    "resolution", "resolutions", "no", "nos", "vol", "annex", "chapter", "section", "rule",
    "rules", "protocol", "goal", "goals", "target", "targets", "page", "pages", "p", "pp",
    "item", "items", "of", "to", "and", "from", "than", "least", "total", "decision",
    "decisions", "principle", "principles", "amendment", "phase", "level", "step",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "cycle", "session", "meeting", "stage", "on", "by",
    "in", "about", "some", "over", "under", "nearly", "approximately", "all", "with",
}
# Glued without a space ("resolution7"), only an abbreviation still takes a number.
NOT_BEFORE_GLUED = {"no", "nos", "vol", "p", "pp", "para", "paras", "art", "arts"}
NOT_AFTER = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "states", "member", "per", "percent", "years", "year",
    "days", "months", "countries", "members", "as", "of", "%",
}


@dataclass(slots=True)
class Candidate:
    block: int
    start: int  # clean offsets in the block
    end: int
    value: int
    offset: int  # original offset
    glued: bool
    keep_space: bool = False  # "Parties, 8and": drop the digits only

    def __init__(self, block: int, start: int, end: int, value: int, offset: int, glued: bool,
                 keep_space: bool = False) -> None:
        self.block = block
        self.start = start
        self.end = end
        self.value = value
        self.offset = offset
        self.glued = glued
        self.keep_space = keep_space


def find_candidates(blocks: list[MappedText],
                    values: set[int] | None = None) -> list[Candidate]:
    """Numbers that could be footnote markers, in text order; one pass per block.

    With `values` (the numbers of the footnote texts), only those numbers: no other is
    ever taken for a marker, and most numbers of a text (years, counts, symbols) are none
    of them, so the context test, the costly part, runs for a few."""
    out: list[Candidate] = []
    for b, block in enumerate(blocks):
        text = block.text
        numbers: list[Candidate] = []
        long_run = False  # five digits or more in a row: what a year glued to a marker is
        for m in (NUMBER_ASCII() if text.isascii() else NUMBER()).finditer(text):
            if m.lastgroup is not None:
                long_run = True
                continue
            value = int(m.group())
            if values is not None and value not in values:
                continue
            s, e = m.span()
            c = _candidate(text, s, e)
            if c is not None:
                glued, keep = c
                numbers.append(Candidate(b, s, e, value, block.offsets[s], glued, keep))
        found: list[Candidate] = []
        if long_run:  # YEAR_GLUED matches only there: its scan of every block cost ~4%
            for m in YEAR_GLUED().finditer(text):
                value = int(m.group("num"))
                if values is not None and value not in values:
                    continue
                s, e = m.start("num"), m.end("num")
                found.append(Candidate(b, s, e, value, block.offsets[s], True))
        found += numbers
        found.sort(key=lambda c: c.start)
        out.extend(found)
    return out


def _last_word(text: str, s: int) -> str:
    """The whitespace-delimited word that ends at (or just before) `s`; bounded look-back."""
    window = text[max(0, s - 60) : s]
    parts = window.split()
    return parts[-1] if parts else ""


def _candidate(text: str, s: int, e: int) -> tuple[bool, bool] | None:
    """(glued, keep_space) when the number at [s, e) may be a marker, else None."""
    if s == 0:
        return None
    prev = text[s - 1]
    nxt = text[e : e + 1]
    keep_space = False
    if nxt and not (nxt.isspace() or nxt in ",;.:)]"):
        # "Parties, 8and welcomes": a detached marker the PDF glued to the next word
        if not (nxt.islower() and prev == " " and text[s - 2 : s - 1] in (",", ";", ")")
                and not ORDINAL_SUFFIX().match(text, e)):
            return None
        keep_space = True
    if nxt in ",." and text[e + 1 : e + 2].isdigit():
        return None  # 1,234 / 3.5
    if prev == " ":
        word = _last_word(text, s)
        bare = word.lower().strip(".,;:")
        punct_after = word[-1:] in ",;:"
        if bare in NOT_BEFORE and not punct_after:
            return None
        if word[-1:].isdigit() and nxt != " ":
            return None  # "1 2," a run of numbers
        after = text[e : e + 40].split(None, 2)
        if after:
            first = after[0].lower().strip(".,;:")
            if first in NOT_AFTER and not (
                first == "as" and len(after) > 1 and after[1].lower().startswith("well")
            ) and not (first in ("and", "or", "to", "of") and punct_after
                       and not bare.isdigit()):
                # "pursuant to resolution 72/55, 1 of the Group": a marker after the comma;
                # "paragraphs 3, 4 of" is a list of numbers
                return None
        return False, keep_space
    if prev.isalpha() or prev in GLUE_BEFORE or prev == ".":
        word = re.split(r"\s", text[max(0, s - 60) : s])[-1]
        after_number = bool(re.search(r"\d", word[:-1]))
        if after_number and (prev not in ",;:" or e - s == 3):
            return None  # part of a number ("1,234"), unless glued after "1925,"
        if word.lower().rstrip(".") in NOT_BEFORE_GLUED:
            return None
        if prev == "." and word.lower().rstrip(".") in NOT_BEFORE:
            return None  # "para.4"
        if re.fullmatch(r"[A-Z]{1,4}", word):  # G20, CN347: a name, not a marker
            return None
        return True, keep_space
    return None


def resolve_plain_markers(
    blocks: list[MappedText], footnotes: list[FootnoteText], page_breaks: list[int],
    original: str = "",
) -> tuple[list[MappedText], list[RawMarker], set[int]]:
    """Find plain markers for the footnote texts; return the blocks without them, the
    markers, and the numbers of the footnotes whose marker could not be placed."""
    if not footnotes:
        return blocks, [], set()
    numbers = sorted({f.number for f in footnotes})
    # only the footnotes' own numbers: the others are never accepted, and `_first` stops at
    # the first candidate past the footnote text whatever its number (candidates are in
    # text order, so in offset order: the stop is the same)
    cands = find_candidates(blocks, set(numbers))
    accepted: list[Candidate] = []
    pos = 0
    first_text = {f.number: f.line_start for f in reversed(footnotes)}
    for k in numbers:
        text_at = first_text[k]
        page = bisect.bisect_right(page_breaks, text_at) - 1
        page_start = page_breaks[page] if page >= 0 else 0
        found = _first(cands, pos, k, page_start, text_at)
        if found is None:
            found = _first(cands, pos, k, -1, text_at)
        if found is None:
            continue
        accepted.append(cands[found])
        pos = found + 1
    unknown = _second_look(blocks, numbers, first_text, page_breaks, accepted, original)
    seen = {c.value for c in accepted}
    taken = {id(c) for c in accepted}
    for c in cands:  # repeated markers (the older editorial rule) are glued to a word
        if id(c) not in taken and c.glued and c.value in seen and _after_first(c, accepted):
            accepted.append(c)
    markers = [
        RawMarker(c.value, c.offset, c.offset + len(str(c.value)), "plain") for c in accepted
    ]
    return _remove(blocks, accepted), markers, unknown


def _page_start(page_breaks: list[int], offset: int) -> int:
    page = bisect.bisect_right(page_breaks, offset) - 1
    return page_breaks[page] if page >= 0 else 0


def _second_look(blocks: list[MappedText], numbers: list[int], first_text: dict[int, int],
                 page_breaks: list[int], accepted: list[Candidate], original: str) -> set[int]:
    """Place the markers the first pass missed (appended to `accepted`, which stays in
    number order); return the numbers whose marker stays unknown."""
    unknown: set[int] = set()
    found = {c.value for c in accepted}
    for k in numbers:
        if k in found:
            continue
        low = max((c.offset for c in accepted if c.value < k), default=-1)
        high = min([first_text[k], *(c.offset for c in accepted if c.value > k)])
        page_low = max(low, _page_start(page_breaks, first_text[k]) - 1)
        misses = _near_misses(blocks, k, low, high, original)
        if not misses:
            continue
        on_page = [(c, score) for c, score in misses if c.offset > page_low]
        best = max((score for _, score in on_page), default=TRACE)
        top = [c for c, score in on_page if score == best]
        if best > TRACE and len(top) == 1:
            accepted.append(top[0])
            accepted.sort(key=lambda c: c.value)
            found.add(k)
        else:
            unknown.add(k)
    return unknown


RUN = lazy_regex(r"\d+")
WORD_AFTER = lazy_regex(r"\s*([A-Za-z%]+)")
MONTH_AFTER = lazy_regex(rf"\s*{MONTH}\b")
MONTH_BEFORE = lazy_regex(rf"{MONTH}\s*$")
SYMBOL_TAIL = lazy_regex(r"(?:Add|Rev|Corr|Part)\.$")
YEAR = lazy_regex(r"(?:19|20)\d\d")
# Names that end in a number: digits glued after them are a marker ("Agenda 216").
NUMBERED_NAME = lazy_regex(r"(?:Agenda|Group of|COVID-|G)$")
NAMED_NUMBERS = {"Agenda": ("21", "2030", "2063"), "Group of": ("77", "20", "7"),
                 "COVID-": ("19",), "G": ("20", "77", "7")}
# After a number, a word that makes it a count rather than a marker (unless two spaces
# stand where the superscript was)
COUNT_AFTER = {
    "states", "member", "members", "countries", "per", "percent", "%", "years", "year",
    "days", "months", "persons", "people", "million", "billion", "parties",
}
# How sure a near miss is: a trace only keeps the footnote from being called unmarked; one
# weak candidate (a number after a word, digits glued to a symbol) is taken when nothing
# stronger (a year or a name with digits glued, two spaces after, glued to a word) is there.
TRACE, WEAK, STRONG = 0, 1, 2


def _near_misses(blocks: list[MappedText], k: int, low: int, high: int, original: str
                 ) -> list[tuple[Candidate, int]]:
    """Numbers in (low, high) that may be the lost marker k, with how sure each is."""
    key = str(k)
    out: list[tuple[Candidate, int]] = []
    for b, block in enumerate(blocks):
        offsets = block.offsets
        if not offsets or offsets[-1] <= low or offsets[0] >= high:
            continue
        text = block.text
        for m in RUN().finditer(text):
            if not m.group().endswith(key) or not low < offsets[m.start()] < high:
                continue
            end = offsets[m.end() - 1] + 1
            spaced = original[end : end + 2] == "  "
            found = _near_miss(text, m.start(), m.end(), key, spaced)
            if found is not None:
                s, score = found
                glued = not text[s - 1].isspace()
                out.append((Candidate(b, s, m.end(), k, offsets[s], glued), score))
    return out


def _near_miss(text: str, s: int, e: int, key: str, spaced: bool) -> tuple[int, int] | None:
    """(start of the marker, score) when the digits text[s:e] may end in marker `key`;
    `spaced`: two spaces follow them in the original, where the superscript stood."""
    if s == 0:
        return None  # a paragraph's own number
    run, prev, nxt = text[s:e], text[s - 1], text[e : e + 1]
    if nxt == "/" or (nxt in ".," and text[e + 1 : e + 2].isdigit()):
        return None  # a symbol's part, 1,234, 3.5
    if prev in "-‑" or (prev in ".," and text[s - 2 : s - 1].isdigit()):
        return None  # COVID-19, 5.4.1, 1,234
    if nxt.isalpha() and ORDINAL_SUFFIX().match(text, e):
        return None  # 2nd, 1990s
    word = _last_word(text, s)
    if word.lower().rstrip(".") in NOT_BEFORE_GLUED or SYMBOL_TAIL().search(word):
        return None  # No. 5, para.4, Add.19
    if run != key:  # digits glued before the marker
        head = run[: -len(key)]
        if key[0] == "0" or (head[0] == "0" and len(head) > 1):
            return None
        if len(head) == 4 and YEAR().fullmatch(head):
            return e - len(key), STRONG  # 2015–20307, June 199216
        name = NUMBERED_NAME().search(text, max(0, s - 10), s - (prev == " "))
        if name and head in NAMED_NUMBERS[name.group()]:
            return e - len(key), STRONG  # Agenda 216
        if prev in "/." and text[s - 2 : s - 1].isalnum():
            return e - len(key), WEAK  # resolution 5/1411, 78/22127, VII/1115, VIII.7441
        if len(run) >= 5 and not YEAR().fullmatch(run):
            return e - len(key), TRACE  # 56514: a count, or a count and its marker
        return None
    if MONTH_AFTER().match(text, e) or MONTH_BEFORE().search(text, max(0, s - 12), s):
        return None  # a date
    after = WORD_AFTER().match(text, e)
    following = after.group(1).lower() if after else ""
    if following in COUNT_AFTER and not spaced:
        return s, TRACE
    if prev.isalpha() and re.fullmatch(r"[A-Z]{1,4}", word):
        return s, TRACE  # G20, Protocol I4: a name, or a name and its marker
    if spaced or not prev.isspace() or word[-1:] in ",;:”’)":
        return s, STRONG
    bare = word.lower()
    if (bare in NOT_BEFORE and word != "Action") or bare[-1:].isdigit():
        return s, TRACE  # "paragraph 5", "resolutions 13", "paragraphs 3 4"
    return s, WEAK  # "Weapons 2 as", "Platform for Action 1 and"


def _first(cands: list[Candidate], pos: int, k: int, low: int, high: int) -> int | None:
    for i in range(pos, len(cands)):
        c = cands[i]
        if c.offset >= high:
            return None
        if c.value == k and c.offset > low:
            return i
    return None


def _after_first(c: Candidate, accepted: list[Candidate]) -> bool:
    first = next((a for a in accepted if a.value == c.value), None)
    return first is not None and c.offset > first.offset


def _remove(blocks: list[MappedText], accepted: list[Candidate]) -> list[MappedText]:
    by_block: dict[int, list[tuple[int, int]]] = {}
    for c in accepted:
        start = c.start - 1 if not (c.glued or c.keep_space) else c.start
        by_block.setdefault(c.block, []).append((start, c.end))
    out = list(blocks)
    for b, spans in by_block.items():
        out[b] = tidy(blocks[b].delete(sorted(spans)))
    return out
