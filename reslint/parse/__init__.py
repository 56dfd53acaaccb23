"""Reading a resolution: source text -> layout -> clean paragraphs -> Document."""

from __future__ import annotations

import re

from reslint.model import (
    Annex,
    Document,
    Footnote,
    Heading,
    Marker,
    Meeting,
    Paragraph,
    Span,
)
from reslint.parse.citations import find_recalled, find_symbols, read_citations
from reslint.parse.heading import parse_heading
from reslint.parse.markers import resolve_plain_markers
from reslint.parse.session import find_next_session
from reslint.parse.structure import (
    Parts,
    Unit,
    annex_title,
    meeting_date,
    part_opening,
    read_part,
    split_parts,
    title_like,
)
from reslint.text.inline import RawMarker, clean_block, italic_lead
from reslint.text.layout import FootnoteText, Layout, split_layout
from reslint.text.mapped import MappedSpan, MappedText, SpanAt
from reslint.text.source import MAX_BYTES, InputError, SourceText, read_source


def parse_file(path: str, max_bytes: int = MAX_BYTES, tracked: str = "accepted") -> Document:
    """`tracked` matters for Word files only: "accepted" or "original" text."""
    if path.lower().endswith(".docx"):  # reslint.text.docx.is_docx, without importing it
        return parse_docx(path, max_bytes, tracked)
    if path.lower().endswith(".pdf"):  # reslint.text.pdf.is_pdf, without importing it
        return parse_pdf(path, max_bytes)
    return parse_source(read_source(path, max_bytes))


def parse_pdf(path: str, max_bytes: int = MAX_BYTES) -> Document:
    """The official PDF: the reader (reslint.text.pdf) gives its source, read by the
    page's geometry; the document is built here as for any other source."""
    from reslint.text.pdf import read_pdf  # pypdfium2 and the reader: only for a .pdf

    doc = parse_source(read_pdf(path, max_bytes))
    doc.style = "pdf"
    return doc


def parse_docx(path: str, max_bytes: int = MAX_BYTES, tracked: str = "accepted") -> Document:
    """A Word draft: the reader (reslint.text.docx) gives its source and tracked changes,
    and the document is built here as for any other source.  `tracked`: "accepted" reads
    the text as if every tracked change were accepted, "original" as if rejected."""
    # the Word reader (zipfile, its XML walk) costs ~16 ms to import, python-docx ~200 ms
    # more: paid only when a .docx is read (python -X importtime)
    from reslint.text.docx.source import read_docx

    source = read_docx(path, max_bytes, tracked)
    doc = parse_source(source)
    doc.style = "docx"
    doc.changes = source.changes_for(doc)
    return doc


RESOLUTION_WORDS = re.compile(r"General\s+Assembly|draft\s+resolution", re.IGNORECASE)
# The line under the title of a paper that is no resolution: a committee's organization of
# work ("Note by the Secretariat"), a statement of programme budget implications.
NOTE_LINE = re.compile(
    r"^[\s*_#]*(?:Note|Statement)\s+(?:submitted\s+)?by\s+the\s+(?:Secretariat|Secretary-General"
    r"|President|Chair)\b[^.;,]*$"
)


def parse_source(source: SourceText) -> Document:
    if "mendment" in source.text:  # an amendment to a draft reads otherwise
        from reslint.parse.amendment import looks_like_amendment, parse_amendment

        if looks_like_amendment(source.text):
            return parse_amendment(source)
    if not RESOLUTION_WORDS.search(source.text):
        # A cheap, linear refusal before any layout work: every resolution and draft
        # names the General Assembly (or itself a draft resolution).
        raise InputError(
            source.path, 'no resolution found: the text never names the "General Assembly"'
        )
    layout = split_layout(source)
    if (note_at := _note_line(layout.heading)) is not None:
        return _note(source, layout, note_at)
    if (opening := part_opening(layout.heading)) is not None:
        # a resolution in parts: part A's letter, title and formula open the body as part
        # B's do (the heading keeps the formula: it is the text's own)
        letter, formula_at = opening
        layout.blocks[0:0] = [_lines(chunk) for chunk in layout.heading[letter : formula_at + 1]]
        del layout.heading[letter:formula_at]

    span = source.span

    def mapped_span(text: MappedText, s: int, e: int) -> Span:
        return span(*text.orig_span(s, e))

    heading, formula = parse_heading(layout.heading, mapped_span)
    if formula is not None:
        heading.formula_span = mapped_span(formula, 0, len(formula.text))

    markers: list[RawMarker] = []
    blocks: list[MappedText] = []
    italics: list[str | None] = []
    for raw in layout.blocks:
        italic = italic_lead(raw)
        clean = clean_block(raw, markers)
        if not clean.text:
            continue
        blocks.append(clean)
        italics.append(italic)

    notes = [(f, clean_block(f.text, [])) for f in layout.footnotes]
    unplaced: set[int] = set()
    if not markers and layout.footnotes:
        blocks, markers, unplaced = resolve_plain_markers(
            blocks, layout.footnotes, layout.page_breaks, source.text)

    parts = split_parts([Unit(b, i) for b, i in zip(blocks, italics, strict=True)])
    meeting = _meeting(parts, mapped_span)
    markdown = not layout.is_pdf
    sub_texts: dict[int, MappedText] = {}
    form = "decision" if layout.formula_runs_on or _says_decision(layout) else "resolution"
    body = read_part(parts.body.units, "resolution", markdown, mapped_span, sub_texts,
                     decision=form == "decision")
    paragraphs = body.paragraphs
    preamble = [p for p, _ in paragraphs if p.kind == "preamble"]
    operative = [p for p, _ in paragraphs if p.kind == "operative"]
    annexes, annex_paragraphs = _annexes(parts, markdown, mapped_span, sub_texts)
    flat: list[tuple[Paragraph, MappedText]] = []
    for p, text in [*paragraphs, *annex_paragraphs]:
        flat.append((p, text))
        flat.extend(_subs(p, sub_texts))
    clean_parts: list[MappedText] = []
    pos = 0
    for p, text in flat:
        if clean_parts:
            clean_parts.append(MappedText.synthetic("\n", text.offsets[0] if text.offsets else 0))
            pos += 1
        p.clean_start = pos
        p.span = mapped_span(text, 0, len(text.text))
        clean_parts.append(text)
        pos += len(text.text)
    clean_map = MappedText.join(clean_parts) if clean_parts else MappedText("", [])

    clean_orig = clean_map.orig_span

    def para_span(p: Paragraph, s: int, e: int) -> Span:
        return span(*clean_orig(p.clean_start + s, p.clean_start + e))

    every = [p for p, _ in flat]
    own = [p for p in every if p.part == "resolution"]
    citations, other_citations = read_citations(every, para_span)
    recalled, recalled_span = find_recalled(own, citations, para_span)
    next_session, next_span = find_next_session(operative, para_span)
    footnotes = _footnotes(notes, markers, span, mapped_span)
    for fn in footnotes:
        fn.marker_unknown = fn.number in unplaced and not fn.markers
    _footnote_parts(footnotes, annexes)
    # _footnotes keeps the order of `notes` (orphan markers come after): pair them up.
    noted = [(fn, text) for fn, (_, text) in zip(footnotes, notes, strict=False)]
    symbols = find_symbols(every, noted, para_span, mapped_span)
    problems = []
    if formula is None:
        problems.append('no enacting formula "The General Assembly,"')
    if parts.after_closing:
        problems.append("text after the closing meeting line that no annex heads")
    if not preamble and not operative:
        raise InputError(source.path, "no resolution found: no preambular or operative paragraphs")
    kind = "draft" if _is_draft(heading) else "resolution"
    style = _style(layout, markers)
    return Document(
        path=source.path, kind=kind, source=source, style=style, heading=heading,
        preamble=preamble, operative=operative, footnotes=footnotes, citations=citations,
        recalled=recalled, recalled_span=recalled_span, symbols=symbols,
        next_session=next_session, next_session_span=next_span, meeting=meeting,
        clean=clean_map.text, clean_map=clean_map, problems=problems,
        sections=body.sections, annexes=annexes, form=form, revision=_revision(heading),
        other_citations=other_citations,
    )


DRAFT_DECISION = re.compile(r"\bdraft decision\b", re.IGNORECASE)
REVISION = re.compile(r"/Rev\.(\d{1,2})$")


def _says_decision(layout: Layout) -> bool:
    """The heading names the text a draft decision ("Draft decision submitted by the
    Chair", "X and Y: draft decision")."""
    return any(DRAFT_DECISION.search(line.text) for chunk in layout.heading for line in chunk)


def _revision(heading: Heading) -> int | None:
    m = REVISION.search(heading.symbol or "")
    return int(m.group(1)) if m else None


def _meeting(parts: Parts, mapped_span: MappedSpan) -> Meeting | None:
    if parts.closing is None:
        return None
    clean, m = parts.closing
    date = meeting_date(m.group("date")) if m.group("date") else None
    return Meeting(
        int(m.group("num")),
        date,
        mapped_span(clean, m.start("num"), m.end("num")),
        mapped_span(clean, m.start("date"), m.end("date")) if date else None,
        resumed=m.group("resumed") is not None,
        line_span=mapped_span(clean, 0, m.end()),
    )


def _annexes(parts: Parts, markdown: bool, mapped_span: MappedSpan, sub_texts: dict[int, MappedText]
             ) -> tuple[list[Annex], list[tuple[Paragraph, MappedText]]]:
    """Each annex with its title and paragraphs; and all their paragraphs, in order."""
    annexes: list[Annex] = []
    every: list[tuple[Paragraph, MappedText]] = []
    for part in parts.annexes:
        title_lines, first = annex_title(part)
        reading = read_part(part.units[first:], part.key, markdown, mapped_span, sub_texts,
                            annex=True)
        title = None
        title_span = None
        if title_lines:
            title = " ".join(" ".join(t.text for t in title_lines).split())
            a = mapped_span(title_lines[0], 0, len(title_lines[0].text))
            b = mapped_span(title_lines[-1], 0, len(title_lines[-1].text))
            title_span = Span(a.line, a.column, b.end_line, b.end_column, a.start, b.end)
        head = part.head
        assert head is not None
        annexes.append(Annex(
            part.key, part.number, title, mapped_span(head, 0, len(head.text)), title_span,
            preamble=[p for p, _ in reading.paragraphs if p.kind == "preamble"],
            operative=[p for p, _ in reading.paragraphs if p.kind == "operative"],
            sections=reading.sections,
        ))
        every.extend(reading.paragraphs)
    return annexes, every


def _note_line(chunks: list[list[MappedText]]) -> int | None:
    """The heading chunk "Note by the Secretariat" of a paper with no enacting formula."""
    for k, chunk in enumerate(chunks):
        first = chunk[0].text.strip(" *_#") if chunk else ""
        if first.startswith("The General Assembly"):
            return None
        if len(chunk) == 1 and NOTE_LINE.match(chunk[0].text):
            return k
    return None


def _note(source: SourceText, layout: Layout, note_at: int) -> Document:
    """A Secretariat's note is read as such (kind "note"): its heading, never its numbered
    paragraphs as a resolution's, so that no resolution rule runs on it."""
    def mapped_span(text: MappedText, s: int, e: int) -> Span:
        return source.span(*text.orig_span(s, e))

    heading, _ = parse_heading(layout.heading[:note_at], mapped_span)
    title = layout.heading[note_at - 1] if note_at else []
    if heading.title is None and title and title_like(_lines(title).text.strip()):
        joined = _lines(title)
        heading.title = " ".join(joined.text.split())
        heading.title_span = mapped_span(joined, 0, len(joined.text))
    return Document(
        path=source.path, kind="note", source=source, style=_style(layout, []),
        heading=heading, preamble=[], operative=[], footnotes=[], citations=[], recalled=[],
        recalled_span=None, symbols=[], next_session=None, next_session_span=None,
        meeting=None, clean="", clean_map=MappedText("", []), form="note",
    )


def _lines(chunk: list[MappedText]) -> MappedText:
    """A heading chunk's lines as one block, as the layout joins a paragraph's lines."""
    parts: list[MappedText] = []
    for line in chunk:
        if parts:
            parts.append(MappedText.synthetic(" ", line.offsets[0] if line.offsets else 0))
        parts.append(line.strip())
    return MappedText.join(parts)


def _footnote_parts(footnotes: list[Footnote], annexes: list[Annex]) -> None:
    """A footnote belongs to the part where its first marker stands (else its text)."""
    if not annexes:
        return
    starts = [(a.span.start, a.key) for a in annexes]
    for fn in footnotes:
        at = fn.markers[0].span.start if fn.markers else fn.span.start
        for start, key in starts:
            if at >= start:
                fn.part = key


def _subs(p: Paragraph, sub_texts: dict[int, MappedText]) -> list[tuple[Paragraph, MappedText]]:
    out: list[tuple[Paragraph, MappedText]] = []
    for sub in p.subparagraphs:
        out.append((sub, sub_texts[id(sub)]))
        out.extend(_subs(sub, sub_texts))
    return out


def _footnotes(notes: list[tuple[FootnoteText, MappedText]], markers: list[RawMarker],
               span: SpanAt, mapped_span: MappedSpan) -> list[Footnote]:
    out: list[Footnote] = []
    for raw, text in notes:
        fn = Footnote(raw.number, text.text, mapped_span(text, 0, len(text.text)))
        out.append(fn)
    by_number: dict[int, Footnote] = {}
    for fn in out:
        by_number.setdefault(fn.number, fn)
    for mk in sorted(markers, key=lambda m: m.start):
        target = by_number.get(mk.number)
        marker = Marker(mk.number, span(mk.start, mk.end), mk.style)
        if target is not None:
            target.markers.append(marker)
        else:
            orphan = Footnote(mk.number, "", marker.span, [marker], missing=True)
            out.append(orphan)
            by_number[mk.number] = orphan
    return out


def _is_draft(heading: Heading) -> bool:
    symbol = heading.symbol or ""
    return "/L." in symbol or bool(heading.sponsors) or (
        not symbol.startswith("A/RES/") and heading.adopted is None
    )


def _style(layout: Layout, markers: list[RawMarker]) -> str:
    styles = {m.style for m in markers} | {f.style for f in layout.footnotes}
    for style in ("sup", "unicode", "caret"):
        if style in styles:
            return f"markdown-{style}"
    return "pdf" if layout.is_pdf else "markdown-plain"
