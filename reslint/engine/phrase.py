"""Phrases with typed holes: an extractor an author writes without a regular expression.

    phrase: "a total of {total:number} States have joined the Convention, {parties:number}
             as States parties … and {signatories:number} as signatories"

Literal words match as written, in any case and with any run of spaces or line breaks
between them; `{of|by}` is one of several words, `{the?}` words that may be absent;
`…` (or `...`) stands for any words within the paragraph (no `;`); each
hole `{name:type}` is a named group whose text is read as its type (the extractor's
`types`).  The hole types, and what each matches:

- number: digits ("112", "1,234") or a number in words ("nine", "twenty-one")
- ordinal: an ordinal word ("twelfth", "Twenty-second")
- name: a proper name, as of a State ("Nigeria", "the Gambia" without "the", "Saint Kitts
  and Nevis" up to "and"), read as text
- date: a date ("4 December 2023"); daterange: "from 10 to 13 September 2024", "on 2 May
  2025", "during the week of 15 September 2025"
- year: four digits, read as a number
- list: "Malawi, the Gambia and Colombia", read as a list
- symbol: a document symbol ("A/RES/78/32")
- text (the default): any words within the paragraph, as few as the rest allows
"""

from __future__ import annotations

import re

from reslint.vocab._words import TEENS, TENS, UNITS
from reslint.vocab.dates import DATE_PATTERN

_UNIT = "|".join(UNITS[1:])
_NUMBER_WORDS = (rf"(?:{'|'.join(t for t in TENS if t)})(?:-(?:{_UNIT}))?"
                 rf"|{'|'.join(TEENS)}|{_UNIT}")

# hole type -> (the pattern of its text, the extractor type it is read as)
HOLES: dict[str, tuple[str, str]] = {
    "number": (rf"\d+(?:,\d{{3}})*|(?i:{_NUMBER_WORDS})\b", "number"),
    "ordinal": (r"[A-Za-z]+(?:-[A-Za-z]+)?", "ordinal"),
    "name": (r"[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|of the|of))*", "text"),
    "date": (DATE_PATTERN, "date"),
    "daterange": (r"(?:from |on |during the week of )?\d{1,2}[^;]*?\d{4}", "daterange"),
    "year": (r"\d{4}\b", "number"),
    "list": (r"[^;]*?", "list"),
    "symbol": (r"[A-Z]+/[\w./-]*\w", "symbol"),
    "text": (r"[^;]*?", "text"),
}
GAP = r"\b[^;]*?"
_HOLE = re.compile(r"\{(?P<name>[A-Za-z_]\w*)(?::(?P<type>\w+))?\}"
                   r"|\{(?P<choice>[^{}:]*\|[^{}:]*)\}|\{(?P<optional>[^{}:|?]+)\?\}\s*"
                   r"|…|\.\.\.")


class PhraseError(ValueError):
    """A hole that cannot be compiled; `offset` points into the phrase."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def compile_phrase(phrase: str) -> tuple[str, dict[str, str]]:
    """The regular expression of `phrase` and the types of its holes."""
    parts: list[str] = []
    types: dict[str, str] = {}
    last = 0
    for m in _HOLE.finditer(phrase):
        if m.group("choice") is not None:  # {of|by}: one of these words
            parts.append(_literal(phrase[last : m.start()]))
            last = m.end()
            words = [_literal(w.strip()) for w in m.group("choice").split("|")]
            parts.append("(?:" + "|".join(words) + ")")
            continue
        if m.group("optional") is not None:  # {of the Convention?} words that may be absent
            parts.append(_literal(phrase[last : m.start()]))
            last = m.end()
            spaced = m.group().endswith((" ", "\n"))
            parts.append(f"(?:{_literal(m.group('optional').strip())}"
                         + (r"\s+)?" if spaced else ")?"))
            continue
        gap = m.group("name") is None  # … : any words, punctuation included
        before = phrase[last : m.start()]
        parts.append(_literal(before.rstrip() if gap else before))
        last = m.end()
        if gap:
            parts.append(GAP)
            continue
        name, kind = m.group("name"), m.group("type") or "text"
        if kind not in HOLES:
            raise PhraseError(f"unknown hole type {kind!r} (one of: {', '.join(HOLES)})",
                              m.start("type"))
        if name in types:
            raise PhraseError(f"hole {name!r} appears twice", m.start("name"))
        pattern, types[name] = HOLES[kind]
        parts.append(f"(?P<{name}>{pattern})")
    parts.append(_literal(phrase[last:]))
    if phrase[:1].isalnum():  # a phrase starts and ends on whole words
        parts.insert(0, r"\b")
    if phrase[-1:].isalnum():
        parts.append(r"\b")
    if not types:
        raise PhraseError("a phrase needs at least one hole, as {total:number}", 0)
    return "".join(parts), types


def _literal(text: str) -> str:
    """Words as written, in any case; any whitespace between them."""
    words = text.split()
    if not words:
        return r"\s+" if text else ""
    body = r"\s+".join(re.escape(w) for w in words)
    lead = r"\s+" if text[0].isspace() else ""
    tail = r"\s+" if text[-1].isspace() else ""
    return f"{lead}(?i:{body}){tail}"
