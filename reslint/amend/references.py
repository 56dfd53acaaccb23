"""A resolution's references to its own paragraphs, made to follow the amendments.

Inserting or deleting paragraphs moves the ones after them: "operative paragraph 9
above", "paragraphs 3 and 4 of the present resolution", "the fifth preambular paragraph"
must then name the paragraph they named before.  A reference is the draft's own when it
says so ("above", "below", "of the present resolution") or, for words that only a
resolution uses of itself ("the fifth preambular paragraph", "operative paragraph 9"),
when nothing names another text after it: "the third preambular paragraph of the
Convention" and "paragraph 5 of resolution 70/1" are left alone.

Words an amendment inserts name paragraphs by the draft's numbering as issued, as its
instructions do, so they follow the same renumbering.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reslint._dataclass import dataclass, field
from reslint.vocab._words import lazy_regex
from reslint.vocab.ordinals import ORDINAL_WORD_PATTERN, int_to_ordinal, match_case, ordinal_to_int

_JOIN = r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+to\s+)"
_SUBS = r"(?:\s*\((?:[a-z]{1,2}|[ivxl]{1,6})\))*"
# "the fifth preambular paragraph", "the fourth and fifth preambular paragraphs"
PREAMBLE_ORDINALS = lazy_regex(
    rf"\b(?P<words>{ORDINAL_WORD_PATTERN}(?:{_JOIN}{ORDINAL_WORD_PATTERN})*)\s+"
    rf"preambular\s+paragraphs?\b{_SUBS}", re.IGNORECASE)
# "preambular paragraph 5", "operative paragraphs 3 and 4", "paragraph 12 above"
NUMBERED = lazy_regex(
    rf"\b(?P<kind>preambular\s+|operative\s+)?paragraphs?\s+(?P<nums>\d{{1,3}}{_SUBS}"
    rf"(?:{_JOIN}\d{{1,3}}{_SUBS})*)(?![\d/.]\d)", re.IGNORECASE)
OWN = re.compile(r"\s+(?:above|below|of\s+(?:the\s+present|this)\s+(?:resolution|decision))\b",
                 re.IGNORECASE)
# "… of the Convention", "… of resolution 70/1", "… of its resolution 75/1": another text
OTHER = re.compile(r"\s+of\s+(?!(?:the\s+present|this)\s+(?:resolution|decision)\b)",
                   re.IGNORECASE)
DIGITS = re.compile(r"\d{1,3}")


@dataclass
class Renumbering:
    """Where each paragraph of the draft as issued stands once amended: operative
    paragraphs by their number as written, preambular ones by their place (1-based)."""

    operative: dict[str, int] = field(default_factory=dict)
    preamble: dict[int, int] = field(default_factory=dict)
    deleted_operative: set[str] = field(default_factory=set)
    deleted_preamble: set[int] = field(default_factory=set)

    def moves(self) -> bool:
        return (any(str(v) != k for k, v in self.operative.items())
                or any(k != v for k, v in self.preamble.items())
                or bool(self.deleted_operative or self.deleted_preamble))


@dataclass
class Change:
    """One number or ordinal word of a reference: [start, end) of the text, what it
    becomes (None: the paragraph it names is deleted) and what it named."""

    start: int
    end: int
    new: str | None
    named: str  # "operative paragraph 5", "the fifth preambular paragraph"


def changes(text: str, renumbering: Renumbering, start: int = 0,
            end: int | None = None) -> Iterator[Change]:
    """The numbers and ordinal words of `text[start:end]` that a reference to the draft's
    own paragraphs holds and the renumbering changes (or deletes)."""
    stop = len(text) if end is None else end
    for m in PREAMBLE_ORDINALS().finditer(text, start, stop):
        if _other_text(text, m.end()):
            continue
        for w in re.finditer(ORDINAL_WORD_PATTERN, m.group("words")):
            n = ordinal_to_int(w.group())
            if n is None:
                continue
            at = m.start("words") + w.start()
            named = f"the {int_to_ordinal(n)} preambular paragraph"
            if n in renumbering.deleted_preamble:
                yield Change(at, at + len(w.group()), None, named)
            elif (new := renumbering.preamble.get(n)) is not None and new != n:
                yield Change(at, at + len(w.group()), match_case(w.group(),
                                                                 int_to_ordinal(new)), named)
    for m in NUMBERED().finditer(text, start, stop):
        kind = (m.group("kind") or "").strip().lower()
        own = OWN.match(text, m.end()) is not None
        if not own and (not kind or _other_text(text, m.end())):
            continue  # "paragraph 5 of resolution 70/1", "paragraph 5" of something else
        for d in DIGITS.finditer(m.group("nums")):
            if _inside_parentheses(m.group("nums"), d.start()):
                continue
            old = d.group()
            at = m.start("nums") + d.start()
            if kind == "preambular":
                n = int(old)
                named = f"preambular paragraph {old}"
                new = renumbering.preamble.get(n)
                gone = n in renumbering.deleted_preamble
            else:
                named = f"operative paragraph {old}"
                new = renumbering.operative.get(old)
                gone = old in renumbering.deleted_operative
            if gone:
                yield Change(at, at + len(old), None, named)
            elif new is not None and str(new) != old:
                yield Change(at, at + len(old), str(new), named)


def rewrite(text: str, renumbering: Renumbering) -> tuple[str, list[str]]:
    """Words an amendment inserts, their references renumbered; and what names a
    paragraph the amendments delete (left as written, for the drafters)."""
    out: list[str] = []
    gone: list[str] = []
    pos = 0
    for c in sorted(changes(text, renumbering), key=lambda c: c.start):
        if c.start < pos:
            continue
        if c.new is None:
            gone.append(c.named)
            continue
        out.append(text[pos:c.start])
        out.append(c.new)
        pos = c.end
    out.append(text[pos:])
    return "".join(out), gone


def _other_text(text: str, at: int) -> bool:
    """Whether "of …" after a reference names another text than the present one."""
    m = OTHER.match(text, at)
    return m is not None and OWN.match(text, at) is None


def _inside_parentheses(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)
