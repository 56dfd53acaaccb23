"""A rendered view over a document that is not plain text (Word, PDF).

The Word and PDF readers both render the document as the Markdown view the parser
reads, and keep the *plain* text the user sees (Word paragraphs, PDF lines) one unit a
line.  `ViewSource.text` is the view, spans index it as they index any SourceText, and
`plain_of[i]` is the plain offset of view character i: `linecol` gives (plain line,
column), `line_text` the plain line a report quotes.
"""

from __future__ import annotations

import bisect
import re

from reslint._dataclass import dataclass, field
from reslint.model import Span
from reslint.text.source import SourceText

ESCAPE = re.compile(r"[\\*\[\]]")


@dataclass
class ViewSource(SourceText):
    plain: str = ""
    plain_of: list[int] = field(default_factory=list, repr=False)
    _plain_starts: list[int] | None = field(default=None, repr=False)

    @property
    def plain_starts(self) -> list[int]:
        if self._plain_starts is None:
            self._plain_starts = [0] + [m.end() for m in re.finditer("\n", self.plain)]
        return self._plain_starts

    def _plain_linecol(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.plain_starts, pos) - 1
        return line + 1, pos - self.plain_starts[line] + 1

    def linecol(self, offset: int) -> tuple[int, int]:
        """(plain line, offset in it + 1) of a view offset."""
        offset = max(0, min(offset, len(self.plain_of) - 1))
        return self._plain_linecol(self.plain_of[offset])

    def span(self, start: int, end: int) -> Span:
        line, col = self.linecol(start)
        if end > start:
            last = self.plain_of[min(end - 1, len(self.plain_of) - 1)]
            end_line, end_col = self._plain_linecol(last + 1)
        else:
            end_line, end_col = line, col
        return Span(line, col, end_line, end_col, start, end)

    def line_text(self, line: int) -> str:
        """Plain line `line` (1-based) as the reader sees it."""
        starts = self.plain_starts
        if not 1 <= line <= len(starts):
            return ""
        end = starts[line] - 1 if line < len(starts) else len(self.plain)
        return self.plain[starts[line - 1] : end]


class ViewBuilder:
    """The Markdown view under construction, each character with its plain offset."""

    def __init__(self, escape: re.Pattern[str] = ESCAPE) -> None:
        self.chars: list[str] = []
        self.pos: list[int | None] = []
        self.escape = escape

    def synthetic(self, text: str) -> None:
        self.chars.extend(text)
        self.pos.extend([None] * len(text))

    def real(self, text: str, plain: int) -> None:
        if not self.escape.search(text):
            self.chars.extend(text)
            self.pos.extend(range(plain, plain + len(text)))
            return
        for i, c in enumerate(text):
            if self.escape.match(c):
                self.chars.append("\\")
                self.pos.append(plain + i)
            self.chars.append(c)
            self.pos.append(plain + i)

    def marker(self, number: int, plain: int, digits: int) -> None:
        """`[^n]` for a footnote reference whose digits start at plain offset `plain`."""
        text = f"[^{number}]"
        self.chars.extend(text)
        self.pos.extend(plain + min(max(0, c - 2), digits - 1) for c in range(len(text)))

    def __len__(self) -> int:
        return len(self.chars)

    def text(self) -> str:
        return "".join(self.chars)

    def offsets(self, plain_len: int) -> list[int]:
        return fill(self.pos, self.chars, plain_len)


def fill(pos: list[int | None], chars: list[str], plain_len: int) -> list[int]:
    """Synthetic characters take the plain offset of the next real character on their view
    line (the end of the previous one when none follows); one extra entry for the end."""
    out: list[int] = [0] * (len(pos) + 1)
    nxt: int | None = None
    for i in range(len(pos) - 1, -1, -1):
        if chars[i] == "\n":
            nxt = None
        if pos[i] is not None:
            nxt = pos[i]
        out[i] = nxt if nxt is not None else -1
    prev = 0
    for i in range(len(pos)):
        if out[i] == -1:
            out[i] = prev
        elif pos[i] is not None:
            prev = pos[i] + 1  # type: ignore[operator]
    out[len(pos)] = plain_len
    return out
