"""Pair the footnotes of two texts: first by the paragraphs their markers stand in, then
by text.

Most footnotes are one document symbol, and the symbols of one series look alike ("EC-86/
DG.31", "EC-107/DG.20", "EC-110/DG.15"): by text alone the first of a series would pair with
any other.  A footnote whose marker stands in a paragraph paired with a paragraph of the
draft belongs with the draft footnotes of that paragraph, so those pair first (in marker
order, still only when their texts are alike); the rest pair by text as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from reslint.diff.align import Pair, align
from reslint.diff.tokens import PUNCT, SYMBOL, Token
from reslint.model import Document, Footnote, Paragraph

_DIGITS = re.compile(r"[0-9]+")

# (section, index of the top-level paragraph in that section)
Place = tuple[str, int]


def footnote_keys(tokens: list[Token]) -> list[str]:
    """What pairs two footnotes: their words without punctuation, and a document symbol
    both as itself and by its series ("CCW/MSP/2022/6" and "CCW/MSP/2023/6" are the same
    report a year on; an identical footnote still pairs first).  Most footnotes are one
    symbol and a full stop: compared token for token, any two of them would pair on the
    full stop, and a report of one meeting would stand for another's."""
    keys: list[str] = []
    for t in tokens:
        if t.kind == SYMBOL:
            keys.append(_DIGITS.sub("#", "/".join(t.key.split("/")[:2])))
        if t.kind != PUNCT:
            keys.append(t.key)
    return keys


def pair_footnotes(previous: Document, draft: Document, old: list[list[Token]],
                   new: list[list[Token]], paragraphs: Iterable[tuple[Place, Place]]) -> list[Pair]:
    """Footnote pairs (indices into each document's footnotes) in draft order.
    `old`/`new` are the footnotes' tokens; `paragraphs` the paired (previous, draft)
    paragraph places of the paragraph alignment, moves included."""
    old_at, new_at = _places(previous), _places(draft)
    prefer: set[tuple[int, int]] = set()
    for old_place, new_place in paragraphs:
        for i in old_at.get(old_place, ()):
            prefer.update((i, j) for j in new_at.get(new_place, ()))
    return align([footnote_keys(ts) for ts in old], [footnote_keys(ts) for ts in new],
                 prefer=prefer)


def _places(doc: Document) -> dict[Place, list[int]]:
    """{paragraph place: indices of the footnotes whose first marker stands in it}.
    A marker often follows the paragraph's closing punctuation ("... 2018; 21"), just
    past its span: it still belongs to the paragraph when it is on the paragraph's last
    line.  A sub-paragraph's marker belongs to its top-level paragraph."""
    spans: list[tuple[int, int, int, Place]] = []  # (start, end, end line, place)

    def walk(paras: list[Paragraph], place: Place) -> None:
        for p in paras:
            spans.append((p.span.start, p.span.end, p.span.end_line, place))
            walk(p.subparagraphs, place)

    for section in ("preamble", "operative"):
        for k, para in enumerate(getattr(doc, section)):
            walk([para], (section, k))
    spans.sort(key=lambda s: s[0])
    starts = [s[0] for s in spans]
    out: dict[Place, list[int]] = {}
    for index, footnote in enumerate(doc.footnotes):
        place = _place(footnote, spans, starts)
        if place is not None:
            out.setdefault(place, []).append(index)
    return out


def _place(footnote: Footnote, spans: list[tuple[int, int, int, Place]],
           starts: list[int]) -> Place | None:
    if not footnote.markers:
        return None
    marker = min(footnote.markers, key=lambda m: m.span.start).span
    k = bisect_right(starts, marker.start) - 1
    if k < 0:
        return None
    _, end, end_line, place = spans[k]
    return place if marker.start < end or marker.line == end_line else None
