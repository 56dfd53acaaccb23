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

from reslint.engine.ruleset import LazyPattern, compile_pattern
from reslint.vocab._words import TEENS, TENS, UNITS
from reslint.vocab.dates import DATE_PATTERN

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

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
# A number hole's loose form: any word (one hyphen at most) where the strict one lists the
# number words; see PhrasePattern.  Every text a number word matches, it matches too.
LOOSE_NUMBER = r"\d+(?:,\d{3})*|(?i:[a-z]+(?:-[a-z]+)?)\b"
NUMBER_WORDS = frozenset([*(t for t in TENS if t), *TEENS, *UNITS[1:],
                          *(f"{t}-{u}" for t in TENS if t for u in UNITS[1:])])
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
    return _compile(phrase, HOLES)


def number_holes(source: str, types: dict[str, str]) -> tuple[str, ...]:
    """The number holes of a phrase's pattern `source` (compile_phrase), by name."""
    return tuple(name for name, kind in types.items()
                 if kind == "number" and _hole(name, HOLES["number"][0]) in source)


def loosen(source: str, numbers: tuple[str, ...]) -> str:
    """A phrase's pattern with the number holes `numbers` loose (LOOSE_NUMBER)."""
    for name in numbers:
        source = source.replace(_hole(name, HOLES["number"][0]), _hole(name, LOOSE_NUMBER))
    return source


def phrase_word(phrase: str) -> str:
    """The longest word of ASCII letters that every match of `phrase` holds (its literal
    text: not a hole, a choice, an optional word or a gap), lowercased; "" when none."""
    words = [w for w in _HOLE.sub(" ", phrase).split() if w.isascii() and w.isalpha()]
    return max(words, key=len, default="").lower()


# A letter outside ASCII (a word character that is no digit): regex matches an ASCII
# letter, ignoring case, with an ASCII letter or with such a letter only (K: the Kelvin
# sign, s: the long s, i: the dotted capital I; tests/engine/test_phrase.py checks every
# code point against the installed regex).
_NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W\d_]")


def lacks_word(text: str, word: str) -> bool:
    """Whether `text` certainly holds no match of `(?i:word)` as regex reads it (`word`:
    lowercase ASCII letters).  Certain when the text has no letter outside ASCII: then only
    ASCII letters can match, and lowercasing compares them as regex does; with such a
    letter, False (not certain)."""
    if not text.isascii() and _NON_ASCII_LETTER.search(text):
        return False
    return word not in text.lower()


def _hole(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def _compile(phrase: str, holes: dict[str, tuple[str, str]]) -> tuple[str, dict[str, str]]:
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
        if kind not in holes:
            raise PhraseError(f"unknown hole type {kind!r} (one of: {', '.join(holes)})",
                              m.start("type"))
        if name in types:
            raise PhraseError(f"hole {name!r} appears twice", m.start("name"))
        pattern, types[name] = holes[kind]
        parts.append(_hole(name, pattern))
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


def strict_number(text: str | None) -> bool:
    """Whether a loose number hole's text is certainly one the strict hole matches too:
    digits (both holes read them alike), or a number word in ASCII letters (any case).
    False is "not certain" (a non-ASCII spelling included), never "not a number"."""
    if not text:
        return text is None
    if text[0] in "0123456789":  # the digits alternative: the same in both holes
        return True
    return text.isascii() and text.lower() in NUMBER_WORDS


class PhrasePattern(LazyPattern):
    """A phrase's pattern whose number holes are first matched loosely: compiling the number
    words three times over (the count phrase of ccm) was the costliest regex of the hook,
    and most runs need only the loose pattern, which compiles in a third of the time.

    Why the result is the same.  Let S be the phrase's pattern and G the same with each
    number hole's word alternative `(?i:NUMBER WORDS)\\b` replaced by `(?i:[a-z]+(?:-[a-z]+)?)\\b`
    (LOOSE_NUMBER; the digits alternative and every group the same).  At any position
    both try a hole's candidates in the same relative order: digits first, then the word
    alternative, whose `\\b` allows only two ends, the whole hyphenated word before the part
    before its hyphen (the strict alternation puts "twenty-one" before "twenty", and lists
    no hyphenated word that is not a tens word).  So S's backtracking is G's with the paths
    through a non-number word pruned: when G finds no match, S finds none; when G's match
    holds a number (strict_number) in every number hole, it is the first of G's paths
    that S also takes, hence S's match, spans and groups alike (and so, match by match,
    for finditer).  Otherwise S is compiled and run, as before; from then on only S runs.

    G runs within the pattern's time budget like S; if G runs out of it, S is run with
    that budget again, so that a timeout is S's own (a pathological draft may then take
    twice the budget)."""

    __slots__ = ("_loose", "numbers", "word")

    def __init__(self, source: str, where: str = "", numbers: tuple[str, ...] = (),
                 word: str = "", compiled: Any = None) -> None:
        super().__init__(source, where, compiled)
        self.numbers = numbers  # the number holes (number_holes)
        self.word = word  # a word every match holds (phrase_word), "" for none
        self._loose: Any = None

    def _run(self, method: str, args: tuple[Any, ...], every: bool = False) -> Any:
        """A text that lacks the phrase's word has no match: nothing compiled nor run (the
        hook's ccm pack has three `{state:name}` phrases, one of which its drafts lack).
        Once a pattern is compiled, running it is cheaper than the test."""
        if (self.word and self._compiled is None and self._loose is None
                and lacks_word(args[0], self.word)):
            return [] if every else None
        return super()._run(method, args, every)

    def loose(self) -> Any:
        """G, compiled."""
        if self._loose is None:
            self._loose = compile_pattern(loosen(self.source, self.numbers))
        return self._loose

    def _call(self, method: str, args: tuple[Any, ...], every: bool, timeout: float) -> Any:
        if self._compiled is None and self.numbers:
            try:
                found = getattr(self.loose(), method)(*args, timeout=timeout)
                found = list(found) if every else found
            except TimeoutError:
                pass  # S decides, within its own budget
            else:
                if all(self._strict(m) for m in (found if every else [found])):
                    return found
        return super()._call(method, args, every, timeout)

    def _strict(self, match: Any) -> bool:
        return match is None or all(strict_number(match.group(n)) for n in self.numbers)
