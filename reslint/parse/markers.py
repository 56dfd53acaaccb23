"""Plain footnote markers: digits glued to a word (`Disabilities,1`) or standing alone
(`Munitions 2 or`) are markers only where the footnote texts make them so.

A number is taken for footnote k only if it reads k, comes after the marker of k-1 and,
in PDF text, stands on the page whose foot carries footnote k.  Years, counts, article and
paragraph numbers and parts of symbols fail one of those tests or the context test below.
"""

from __future__ import annotations

import bisect
import re

from reslint._dataclass import dataclass
from reslint.text.inline import RawMarker
from reslint.text.layout import FootnoteText
from reslint.text.mapped import MappedText
from reslint.vocab._words import lazy_regex

# compiled on first use: only footnotes without marked-up markers need them
NUMBER = lazy_regex(r"\d{1,3}(?![\d/])")
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# "2 November 20226": a marker glued to the year of a date (the PDF lost the superscript).
YEAR_GLUED = lazy_regex(rf"\b\d{{1,2}}\s+{MONTH}\s+(?:19|20)\d\d(?P<num>\d{{1,2}})(?![\d/])")
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


@dataclass
class Candidate:
    block: int
    start: int  # clean offsets in the block
    end: int
    value: int
    offset: int  # original offset
    glued: bool
    keep_space: bool = False  # "Parties, 8and": drop the digits only


def find_candidates(blocks: list[MappedText]) -> list[Candidate]:
    """Numbers that could be footnote markers, in text order; one pass per block."""
    out: list[Candidate] = []
    for b, block in enumerate(blocks):
        text = block.text
        found: list[Candidate] = []
        for m in YEAR_GLUED().finditer(text):
            s, e = m.start("num"), m.end("num")
            found.append(Candidate(b, s, e, int(m.group("num")), block.offsets[s], True))
        for m in NUMBER().finditer(text):
            c = _candidate(text, m.start(), m.end())
            if c is not None:
                glued, keep = c
                s = m.start()
                found.append(
                    Candidate(b, s, m.end(), int(m.group()), block.offsets[s], glued, keep)
                )
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
    blocks: list[MappedText], footnotes: list[FootnoteText], page_breaks: list[int]
) -> tuple[list[MappedText], list[RawMarker]]:
    """Find plain markers for the footnote texts; return the blocks without them."""
    if not footnotes:
        return blocks, []
    cands = find_candidates(blocks)
    accepted: list[Candidate] = []
    pos = 0
    numbers = sorted({f.number for f in footnotes})
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
    seen = {c.value for c in accepted}
    taken = {id(c) for c in accepted}
    for c in cands:  # repeated markers (the older editorial rule) are glued to a word
        if id(c) not in taken and c.glued and c.value in seen and _after_first(c, accepted):
            accepted.append(c)
    markers = [
        RawMarker(c.value, c.offset, c.offset + len(str(c.value)), "plain") for c in accepted
    ]
    return _remove(blocks, accepted), markers


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
    from reslint.text.inline import tidy

    by_block: dict[int, list[tuple[int, int]]] = {}
    for c in accepted:
        start = c.start - 1 if not (c.glued or c.keep_space) else c.start
        by_block.setdefault(c.block, []).append((start, c.end))
    out = list(blocks)
    for b, spans in by_block.items():
        out[b] = tidy(blocks[b].delete(sorted(spans)))
    return out
