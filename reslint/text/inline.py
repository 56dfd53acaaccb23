"""Inline clean-up of one block: Markdown emphasis and links, explicit footnote markers.

Each step is a `MappedText.replace_matches`, so the clean text still points into the
original file.  Explicit markers (`<sup>1</sup>`, `¹`, `[^1]`) are lifted out here; plain
digit markers need the footnote texts to be told from numbers (reslint.parse.markers).
"""

from __future__ import annotations

import re

from reslint._dataclass import dataclass
from reslint.text.mapped import MappedText

SUP = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>")
UNICODE_SUP = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")
CARET = re.compile(r"\[\^(\d{1,3})\]")
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
# Each pattern opens with the character it replaces and looks behind after it: opening with
# a lookbehind or a repeat keeps `re` from skipping ahead, and it then tried every character
# (EMPHASIS was half the parse of a Markdown draft).  EMPHASIS is
# r"(?<!\\)\*+|(?<![\w\\])_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)", SPACES r"[ \t]{2,}",
# SPACE_AFTER_HYPHEN r"(?<=[a-z]-) (?=[a-z])…": the same matches.
EMPHASIS = re.compile(r"\*(?<!\\\*)\**|_(?<![\w\\]_)_{0,2}(?=\S)|_(?<=\S_)_{0,2}(?!\w)")
# A tag stops at the next "<": an unclosed "<span" then costs one scan, not one per "<".
HTML_TAG = re.compile(r"</?(?:br|span|em|i|b|strong|u)\b[^<>]*>", re.IGNORECASE)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
SPACES = re.compile(r"[ \t][ \t]+")
SPACE_BEFORE_PUNCT = re.compile(r" (?=[,;.:])")
# "military-to- military": a converter joined a hard-wrapped hyphenated word with a space.
# Suspended hyphens ("pre- and post-conflict", "short- to medium-term") keep theirs.
SPACE_AFTER_HYPHEN = re.compile(r" (?<=[a-z]- )(?=[a-z])(?!(?:and|or|nor|to|as well)\b)")
ITALIC_LEAD = re.compile(r"^(?:\d{1,3}\.\s*|\([a-z]{1,6}\)\s*)?\*{1,3}(?!\*)([^*]+?)\*")
# One-for-one character substitutions keep the map intact.
SUBSTITUTIONS = str.maketrans({"\u2011": "-", "\u2010": "-", "\u00a0": " ", "\u202f": " "})
LOOK_ALIKES = ("\u2011", "\u2010", "\u00a0", "\u202f")
# what SPACE_BEFORE_PUNCT needs: one scan, where four substring tests took two ns a character
SPACED_PUNCT = re.compile(r" [,;.:]")
SUPERSCRIPTS = tuple("⁰¹²³⁴⁵⁶⁷⁸⁹")
SUPERSCRIPT_TO_INT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


class _Found:
    __slots__ = ("_end", "_start")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


class _Comments:
    """`<!--` ... `-->` on one line, as the regex `<!--.*?-->` finds them, in linear time:
    the lazy regex rescanned the rest of the line from every unclosed `<!--` (15,000 of
    them on one line took 3 s, a 470 KB input 114 s)."""

    @staticmethod
    def finditer(text: str) -> list[_Found]:
        found: list[_Found] = []
        pos, close, newline = 0, -2, -2
        while True:
            start = text.find("<!--", pos)
            if start < 0:
                return found
            if close != -1 and close < start + 4:
                close = text.find("-->", start + 4)
            if newline != -1 and newline < start + 4:
                newline = text.find("\n", start + 4)
            if close >= 0 and (newline < 0 or close < newline):
                found.append(_Found(start, close + 3))
                pos = close + 3
            else:
                pos = start + 1


COMMENTS = _Comments()


@dataclass(slots=True)
class RawMarker:
    number: int
    start: int  # original offsets of the marker as written
    end: int
    style: str  # "sup", "unicode", "caret", "plain"

    def __init__(self, number: int, start: int, end: int, style: str) -> None:
        self.number = number
        self.start = start
        self.end = end
        self.style = style


def italic_lead(block: MappedText) -> str | None:
    """The words set in italics at the start of a paragraph, if the source marks them."""
    m = ITALIC_LEAD.match(block.text) if "*" in block.text else None  # (PDF text has none)
    if not m:
        return None
    return " ".join(m.group(1).split()).rstrip(",;:")


def clean_block(block: MappedText, markers: list[RawMarker]) -> MappedText:
    """Strip inline Markdown and explicit markers (appended to `markers`)."""

    def lift(style: str) -> object:
        def replace(m: re.Match[str]) -> str:
            raw = m.group(1) if m.groups() else m.group(0)
            number = int(raw.translate(SUPERSCRIPT_TO_INT))
            start, end = block_map.orig_span(m.start(), m.end())
            markers.append(RawMarker(number, start, end, style))
            return ""

        return replace

    # Each step runs only where the text holds what its pattern needs (most paragraphs
    # have no tag, link or escape): the same result, without a pass that finds nothing.
    # (a one-character test first: it runs at memchr speed, a longer needle does not)
    text = block
    if "<" in text.text:
        text = text.replace_matches(COMMENTS, lambda m: "")
        text = text.replace_matches(HTML_TAG, lambda m: "")
        block_map = text
        if "<sup>" in text.text:
            text = text.replace_matches(SUP, lift("sup"))  # type: ignore[arg-type]
    block_map = text
    if "[" in text.text and "[^" in text.text:
        text = text.replace_matches(CARET, lift("caret"))  # type: ignore[arg-type]
    block_map = text
    if _holds_any(text.text, SUPERSCRIPTS):
        text = text.replace_matches(UNICODE_SUP, lift("unicode"))  # type: ignore[arg-type]
    if "]" in text.text and "](" in text.text:
        text = text.replace_matches(LINK, lambda m: text_of(text, m, 1))
    if "*" in text.text or "_" in text.text:
        text = text.replace_matches(EMPHASIS, lambda m: "")
    if "\\" in text.text:
        text = text.replace_matches(ESCAPE, lambda m: text_of(text, m, 1))
    return tidy(text)


def _holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether any needle is in `text`: a few substring tests are faster than a regex
    character class, and ASCII text holds none of the non-ASCII ones."""
    if text.isascii() and not needles[0].isascii():
        return False
    return any(n in text for n in needles)


def text_of(text: MappedText, m: re.Match[str], group: int) -> MappedText:
    return text[m.start(group) : m.end(group)]


def tidy(text: MappedText) -> MappedText:
    """Fold runs of spaces, drop a space left before punctuation, map look-alikes."""
    if "  " in text.text or "\t" in text.text:
        text = text.replace_matches(SPACES, lambda m: text[m.start() : m.start() + 1])
    if SPACED_PUNCT.search(text.text):
        text = text.replace_matches(SPACE_BEFORE_PUNCT, lambda m: "")
    if "-" in text.text and "- " in text.text:
        text = text.replace_matches(SPACE_AFTER_HYPHEN, lambda m: "")
    if _holds_any(text.text, LOOK_ALIKES):
        text = MappedText(text.text.translate(SUBSTITUTIONS), text.offsets)
    return text.strip()
