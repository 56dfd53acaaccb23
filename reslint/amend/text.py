"""Matching quoted words against a draft: "word for word", not byte for byte.

An amendment quotes the draft as its authors typed it, and the two files come from
different conversions: curly or straight quotes and apostrophes, look-alike hyphens and
spaces, lines wrapped in different places.  `Norm` is a text with those differences folded
away, every character still pointing at an offset of the draft's file, so that a match
is a place an edit can be made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reslint._dataclass import dataclass

FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‛": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " ",
    "\n": " ", "\r": " ",
})
WORD = re.compile(r"\w", re.UNICODE)
_RUNS = re.compile(r"[^ ]+| +")  # words and runs of spaces, once folded


@dataclass
class Norm:
    text: str
    offsets: list[int]  # original offset of each character

    @classmethod
    def build(cls, raw: str, offsets: Sequence[int], drop: str = "") -> Norm:
        """Fold look-alikes, runs of spaces to one, and drop the characters of `drop`
        (Markdown emphasis in a title read from the file)."""
        folded = raw.translate(FOLD)[:len(offsets)]
        if not drop:  # every paragraph of the draft: word by word, not character by character
            return cls._spaced(folded, offsets)
        out: list[str] = []
        offs: list[int] = []
        for ch, off in zip(folded, offsets, strict=False):
            if ch in drop:
                continue
            if ch == " " and (not out or out[-1] == " "):
                continue
            out.append(ch)
            offs.append(off)
        while out and out[-1] == " ":
            out.pop()
            offs.pop()
        return cls("".join(out), offs)

    @classmethod
    def _spaced(cls, folded: str, offsets: Sequence[int]) -> Norm:
        """`build` with nothing to drop: each run of spaces becomes its first space, none
        at either end (an amendment's draft is read into ~800 of these: 27 ms a draft
        character by character; most are already tidy)."""
        if "  " not in folded and not folded.startswith(" ") and not folded.endswith(" "):
            return cls(folded, list(offsets))  # a tidy paragraph: nothing to fold away
        out: list[str] = []
        offs: list[int] = []
        for m in _RUNS.finditer(folded):
            start, end = m.span()
            if folded[start] != " ":
                out.append(m.group())
                offs.extend(offsets[start:end])
            elif out:
                out.append(" ")
                offs.append(offsets[start])
        if out and out[-1] == " ":
            out.pop()
            offs.pop()
        return cls("".join(out), offs)

    def find(self, words: str, start: int = 0) -> tuple[int, int] | None:
        """(start, end) of `words` in this text: a match on word boundaries first (so that
        “fifth” is not found inside “fifteenth”), else anywhere."""
        needle = fold(words)
        if not needle:
            return None
        first = None
        pos = self.text.find(needle, start)
        while pos != -1:
            if first is None:
                first = pos
            if self._bounded(pos, pos + len(needle)):
                return pos, pos + len(needle)
            pos = self.text.find(needle, pos + 1)
        return (first, first + len(needle)) if first is not None else None

    def find_all(self, words: str) -> list[tuple[int, int]]:
        """Every whole-word occurrence, left to right, not overlapping."""
        needle = fold(words)
        out: list[tuple[int, int]] = []
        if not needle:
            return out
        pos = self.text.find(needle)
        while pos != -1:
            if self._bounded(pos, pos + len(needle)):
                out.append((pos, pos + len(needle)))
                pos = self.text.find(needle, pos + len(needle))
            else:
                pos = self.text.find(needle, pos + 1)
        return out

    def _bounded(self, start: int, end: int) -> bool:
        text = self.text
        left = start == 0 or not (WORD.match(text[start - 1]) and WORD.match(text[start]))
        right = end >= len(text) or not (WORD.match(text[end]) and WORD.match(text[end - 1]))
        return left and right

    def orig(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of [start, end) here."""
        if end <= start:
            at = self.offsets[start] if start < len(self.offsets) else (
                self.offsets[-1] + 1 if self.offsets else 0)
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1

    def replace_all(self, pairs: Sequence[tuple[str, str]]) -> Norm:
        """The text with each (old, new) replaced at every whole-word occurrence: how the
        draft reads once an amendment's "replace … in the title, the preambular paragraphs
        and the operative paragraphs" is made.  New characters point at the words they
        replace."""
        text, offsets = self.text, list(self.offsets)
        for old, new in pairs:
            cur = Norm(text, offsets)
            spans = cur.find_all(old)
            if not spans:
                continue
            parts: list[str] = []
            offs: list[int] = []
            last = 0
            new_f = fold(new)
            for s, e in spans:
                parts.append(text[last:s])
                offs.extend(offsets[last:s])
                parts.append(new_f)
                if new_f:
                    offs.extend([offsets[s]] * (len(new_f) - 1) + [offsets[e - 1]])
                last = e
            parts.append(text[last:])
            offs.extend(offsets[last:])
            text, offsets = "".join(parts), offs
        return Norm(text, offsets)


def fold(text: str) -> str:
    """Words as `Norm` compares them."""
    return " ".join(text.translate(FOLD).split())


def first_difference(draft: str, amendment: str, context: int = 4) -> tuple[str, str] | None:
    """The first words where two readings of one paragraph part, a few words of context
    before: (the draft's words, the amendment's words); None when they agree."""
    a, b = fold(draft).split(" "), fold(amendment).split(" ")
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if i == len(a) and i == len(b):
        return None
    lo = max(0, i - context)
    return " ".join(a[lo:i + context]) or "(nothing)", " ".join(b[lo:i + context]) or "(nothing)"
