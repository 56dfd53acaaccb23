"""Word tokens of a paragraph, with the kind a technical update may change.

The word diff runs over these tokens, so a whole date range ("from 10 to 13 September
2024"), a symbol ("A/79/408"), an ordinal ("seventy-ninth") or a number is ONE token: a
date that moves by a year is then one replaced token of kind "date", which the classifier
can judge, rather than three scattered one-word edits.  Patterns come from reslint.vocab,
so the diff reads ordinals, dates and symbols exactly as the checks do.
"""

from __future__ import annotations

import re
from functools import cache

from reslint._dataclass import dataclass
from reslint.vocab.dates import DATE_RANGE_PATTERN
from reslint.vocab.numbers import NUMBER_PATTERN
from reslint.vocab.ordinals import ORDINAL_WORD_PATTERN
from reslint.vocab.symbols import DOCUMENT_SYMBOL_PATTERN, RESOLUTION_NUMBER_PATTERN

# Kinds a rollover changes; everything else is "word" or "punct".
DATE, SYMBOL, RESOLUTION, ORDINAL, NUMBER, WORD, PUNCT = (
    "date", "symbol", "resolution", "ordinal", "number", "word", "punct",
)  # fmt: skip


@dataclass(frozen=True)
class Token:
    text: str
    kind: str
    start: int  # offsets into the paragraph text, for renderings that keep the spacing
    end: int

    @property
    def key(self) -> str:
        """What two tokens must share to count as the same word: exact text, but the
        typographic variants a converter swaps freely (curly quotes, dashes, hyphens,
        spaces inside a date) do not count as a change."""
        return _normalise(self.text)


_VARIANTS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                           "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " "})
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_VARIANTS))


# OPCW document symbols ("EC-107/DG.20", "C-SS-4/DEC.3"), which the chemical weapons
# series cites as the others cite "A/79/408": the Director-General's latest report moves on.
_OPCW_SYMBOL = r"(?<![\w/.\-])E?C(?:-[A-Z]+)*-[0-9]+/[A-Z]+(?:[.\-/][A-Za-z0-9]+)*"


@cache
def _pattern() -> re.Pattern[str]:
    numeric_ordinal = r"\b[1-9][0-9]*(?:st|nd|rd|th)\b"
    return re.compile(
        rf"(?P<{DATE}>{DATE_RANGE_PATTERN})"
        rf"|(?P<{SYMBOL}>{DOCUMENT_SYMBOL_PATTERN}|{_OPCW_SYMBOL})"
        rf"|(?P<{RESOLUTION}>{RESOLUTION_NUMBER_PATTERN})"
        rf"|(?P<{ORDINAL}>{ORDINAL_WORD_PATTERN}|{numeric_ordinal})"
        rf"|(?P<{NUMBER}>{NUMBER_PATTERN})"
        rf"|(?P<{WORD}>\w+(?:['\u2019\-\u2010\u2011]\w+)*)"
        rf"|(?P<{PUNCT}>\S)"
    )


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; every non-space character belongs to exactly one."""
    out: list[Token] = []
    for m in _pattern().finditer(text):
        # A date keeps its leading "from"/"on"/"during the week of": those words are
        # part of what the rollover rewrites.
        out.append(Token(m.group(), m.lastgroup or PUNCT, m.start(), m.end()))
    return out
