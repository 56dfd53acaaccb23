"""Citations of General Assembly resolutions, the recalled list, document symbols and the
next-session paragraph, read from the clean paragraph texts."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from reslint.model import Citation, Footnote, Paragraph, Span, SymbolRef
from reslint.text.mapped import MappedText
from reslint.vocab.dates import DATE_PATTERN, parse_date
from reslint.vocab.ordinals import SESSION_PHRASE, ordinal_to_int
from reslint.vocab.symbols import (
    DOCUMENT_SYMBOL_PATTERN,
    RESOLUTION_NUMBER_PATTERN,
    SC_RESOLUTION_PATTERN,
    is_plausible_ga_resolution,
    parse_symbol,
)

CITATION = re.compile(
    rf"(?P<sym>{RESOLUTION_NUMBER_PATTERN})(?:\s+of\s+(?P<date>{DATE_PATTERN}))?"
)
DOCUMENT = re.compile(DOCUMENT_SYMBOL_PATTERN)
SC_ANY = re.compile(SC_RESOLUTION_PATTERN)
# The list must open the paragraph: "Recalling (also) its (relevant) resolution(s) …".
ITS_RESOLUTIONS = re.compile(
    r"^Recalling(?:\s+(?:also|further|in particular|moreover))?\s+its\s+(?:[a-z]+\s+)?"
    r"resolutions?\b"
)
LIST_END = re.compile(r"\b(?:and\s+(?:its|the|other|all|relevant)\b|Security Council|decisions?\b)")
# "provisional agenda of its eighty-first session": this, then the session phrase (no
# "special" in it) right after
PROVISIONAL_AGENDA = re.compile(r"provisional agenda of its\s+", re.IGNORECASE)

SpanOf = Callable[[Paragraph, int, int], Span]


def find_citations(paragraphs: list[Paragraph], span_of: SpanOf) -> list[Citation]:
    out: list[Citation] = []
    for p in paragraphs:
        for m in CITATION.finditer(p.text):
            sym = parse_symbol(m.group("sym"))
            if sym is None or not is_plausible_ga_resolution(sym):
                continue
            date = parse_date(m.group("date")) if m.group("date") else None
            out.append(
                Citation(
                    sym.text,
                    date.isoformat() if date else None,
                    span_of(p, m.start("sym"), m.end("sym")),
                    span_of(p, m.start("date"), m.end("date")) if date else None,
                    p.label,
                    m.start("sym"),
                )
            )
    return out


def find_recalled(
    paragraphs: list[Paragraph], citations: list[Citation], span_of: SpanOf
) -> tuple[list[Citation], Span | None]:
    """The resolutions the Assembly recalls as its own, in written order.

    The list starts at "its resolution(s)" in a "Recalling …" paragraph and runs to the
    first phrase that leaves it ("and the Security Council …", "and its decisions …")."""
    recalled: list[Citation] = []
    whole: Span | None = None
    for p in paragraphs:
        if p.kind != "preamble" or not p.lead.startswith("Recalling"):
            continue
        m = ITS_RESOLUTIONS.match(p.text)
        if not m:
            continue
        end = LIST_END.search(p.text, m.end())
        stop = end.start() if end else len(p.text)
        mine = [
            c for c in citations
            if c.paragraph == p.label and m.start() <= c.offset < stop
        ]
        if mine:
            recalled.extend(mine)
            if whole is None:
                last = mine[-1]
                tail = last.date_span or last.span
                first = span_of(p, m.start(), m.end())
                whole = Span(first.line, first.column, tail.end_line, tail.end_column,
                             first.start, tail.end)
    return recalled, whole


def find_symbols(paragraphs: list[Paragraph], footnotes: list[tuple[Footnote, MappedText]],
                 span_of: SpanOf, mapped_span: Callable[[MappedText, int, int], Span]
                 ) -> list[SymbolRef]:
    """Document symbols in the paragraphs and in the footnote texts (each footnote with
    its own mapped text, so that two footnotes of the same number keep their places)."""
    out: list[SymbolRef] = []
    for p in paragraphs:
        _symbols_in(p.text, partial(span_of, p), p.label, out)
    for fn, text in footnotes:
        _symbols_in(text.text, partial(mapped_span, text), f"FN{fn.number}", out)
    return out


def _symbols_in(text: str, span: Callable[[int, int], Span], where: str,
                out: list[SymbolRef]) -> None:
    for m in DOCUMENT.finditer(text):
        out.append(SymbolRef(m.group(), "document", span(m.start(), m.end()), where))
    for m in SC_ANY.finditer(text):
        if "Security Council" in text[max(0, m.start() - 80) : m.start()]:
            out.append(SymbolRef(m.group(), "security-council", span(m.start(), m.end()), where))


def find_next_session(
    paragraphs: list[Paragraph], span_of: SpanOf
) -> tuple[int | None, Span | None]:
    for p in reversed(paragraphs):
        for lead in PROVISIONAL_AGENDA.finditer(p.text):
            m = SESSION_PHRASE().match(p.text, lead.end())
            if m is not None and m.group("special") is None:
                return ordinal_to_int(m.group("word")), span_of(p, m.start("word"), m.end("word"))
    return None, None
