"""The clean Markdown rendering of a Document.

Layout: the heading fields one per block, `*The General Assembly*,`, the paragraphs with
their lead words in italics, operative numbers as written, sub-paragraphs as blocks of
their own, footnote markers as `[^n]` where the original had them and the definitions
`[^n]: text` at the end after the plenary line.  Everything is rendered from the parsed
facts, so PDF page furniture, hard wraps and detached markers are gone; `reslint parse` of
the result reads the same facts (tests/render checks this on every corpus file).
"""

from __future__ import annotations

import re
from datetime import date

from reslint._dataclass import dataclass, field
from reslint.model import Document, Heading, Paragraph
from reslint.vocab.dates import format_date
from reslint.vocab.ordinals import int_to_numeric_ordinal

# Characters the Markdown clean-up would read as markup; a backslash keeps them literal.
_ESCAPE = re.compile(r"([\\*_\[\]`])")
_REPORT_TAIL = re.compile(r"[^\]\n]*?\)")


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


@dataclass
class HeadingParts:
    """What a rendered heading says; a draft has sponsors and no adoption line."""

    symbol: str | None = None
    session_word: str | None = None
    agenda: str | None = None  # "99 (dd)", or a placeholder
    item_title: str | None = None
    adopted: str | None = None  # "4 December 2023"
    report: str | None = None  # "[on the report of the First Committee (A/78/409, para. 89)]"
    number: str | None = None  # "78/32" of "78/32. Title"
    sponsors: str | None = None  # "X, Y and Z" or a placeholder
    title: str | None = None
    extra: list[str] = field(default_factory=list)


def heading_parts(doc: Document) -> HeadingParts:
    """The heading fields of `doc`, as text to render."""
    h: Heading = doc.heading
    parts = HeadingParts(symbol=h.symbol, session_word=_session_word(h),
                         agenda=h.agenda_item, item_title=h.item_title, title=h.title)
    if h.adopted:
        parts.adopted = format_date(date.fromisoformat(h.adopted))
    if h.report and h.committee:
        tail = ""
        if h.report_span is not None:
            m = _REPORT_TAIL.match(doc.source.text, h.report_span.end)
            tail = " ".join(m.group()[:-1].split()) if m else ""
        parts.report = f"[on the report of the {h.committee} Committee ({h.report}{tail})]"
    if h.symbol and h.symbol.startswith("A/RES/") and h.adopted:
        parts.number = h.symbol[len("A/RES/") :]
    if h.sponsors:
        parts.sponsors = join_names(h.sponsors)
    return parts


def _session_word(h: Heading) -> str | None:
    if h.session_word:
        word = " ".join(h.session_word.split())
        return word[:1].upper() + word[1:].lower()
    return None


def join_names(names: list[str]) -> str:
    """[X, Y, Z] -> "X, Y and Z"."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def render_heading(parts: HeadingParts) -> list[str]:
    """The heading blocks, ending with the enacting formula."""
    blocks: list[str] = []
    if parts.symbol:
        blocks.append(parts.symbol)
    if parts.session_word:
        blocks.append(f"{parts.session_word} session")
    if parts.agenda:
        blocks.append(f"Agenda item {parts.agenda}")
    if parts.item_title:
        blocks.append(escape(parts.item_title))
    blocks.extend(parts.extra)
    if parts.adopted:
        blocks.append(f"Resolution adopted by the General Assembly on {parts.adopted}")
    if parts.report:
        blocks.append(parts.report)
    if parts.sponsors:
        blocks.append(f"{parts.sponsors}: draft resolution")
    if parts.title:
        title = escape(parts.title)
        blocks.append(f"{parts.number}. {title}" if parts.number else title)
    blocks.append("*The General Assembly*,")
    return blocks


def render_markdown(doc: Document, heading: HeadingParts | None = None) -> str:
    """The whole document as clean Markdown (LF line endings, one blank line between
    blocks, a final newline)."""
    blocks = render_heading(heading if heading is not None else heading_parts(doc))
    inserts = marker_positions(doc)
    for p in doc.paragraphs():
        blocks.append(_paragraph(p, inserts))
        blocks.extend(_subs(p, inserts))
    if doc.meeting is not None:
        line = f"*{int_to_numeric_ordinal(doc.meeting.number)} plenary meeting*"
        if doc.meeting.date:
            line += f"  \n*{format_date(date.fromisoformat(doc.meeting.date))}*"
        blocks.append(line)
    for fn in doc.footnotes:
        if fn.missing:
            continue
        blocks.append(f"[^{fn.number}]: {escape(fn.text)}")
    return "\n\n".join(blocks) + "\n"


def _subs(p: Paragraph, inserts: dict[int, list[tuple[int, int]]]) -> list[str]:
    out: list[str] = []
    for s in p.subparagraphs:
        out.append(_paragraph(s, inserts))
        out.extend(_subs(s, inserts))
    return out


def _paragraph(p: Paragraph, inserts: dict[int, list[tuple[int, int]]]) -> str:
    """One paragraph: label, lead in italics (where the source had it or cannot tell),
    text with its footnote markers."""
    text = p.text
    cuts = inserts.get(id(p), [])
    pieces: list[str] = []
    last = 0
    for at, number in cuts:
        pieces.append(escape(text[last:at]))
        pieces.append(f"[^{number}]")
        last = at
    pieces.append(escape(text[last:]))
    body = "".join(pieces)
    italic = p.lead_italic if p.kind == "sub" else p.lead_italic is not False
    if italic and p.lead and text.startswith(p.lead) and not any(at < len(p.lead)
                                                                 for at, _ in cuts):
        lead = escape(p.lead)
        body = f"*{lead}*{body[len(lead):]}"
    if p.kind == "operative" and p.number:
        return f"{p.number}. {body}"
    if p.kind == "sub" and p.number:
        return f"({p.number}) {body}"
    return body


def marker_positions(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Where each footnote marker goes in its paragraph's clean text: id(paragraph) ->
    [(offset, number)], found through the clean map (markers are not in the clean text)."""
    flat: list[Paragraph] = []
    for p in doc.paragraphs():
        flat.append(p)
        flat.extend(_flat_subs(p))
    flat.sort(key=lambda p: p.span.start)
    offsets = doc.clean_map.offsets
    out: dict[int, list[tuple[int, int]]] = {}
    markers = sorted((m for f in doc.footnotes for m in f.markers), key=lambda m: m.span.start)
    for marker in markers:
        owner = None
        for p in flat:
            if p.span.start <= marker.span.start:
                owner = p
            else:
                break
        if owner is None or marker.span.start > owner.span.end + 2:
            continue  # in the heading, or between paragraphs: nowhere to put it
        at = len(owner.text)
        for i in range(len(owner.text)):
            if offsets[owner.clean_start + i] >= marker.span.end:
                at = i
                break
        out.setdefault(id(owner), []).append((at, marker.number))
    return out


def _flat_subs(p: Paragraph) -> list[Paragraph]:
    out: list[Paragraph] = []
    for s in p.subparagraphs:
        out.append(s)
        out.extend(_flat_subs(s))
    return out
