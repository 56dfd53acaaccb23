"""The Document as `reslint parse` prints it: JSON for tools, text for people."""

from __future__ import annotations

from typing import Any

from reslint.model import Annex, Citation, Document, Footnote, Paragraph, Section


def _citation(c: Citation) -> dict[str, Any]:
    return {
        "symbol": c.symbol,
        "date": c.date,
        "line": c.span.line,
        "column": c.span.column,
        "paragraph": c.paragraph,
        "body": c.body,
        "kind": c.kind,
        "noun": c.noun,
        "group": c.group,
        "list": c.list_id,
        "part": c.part,
        "issuer": c.issuer,
    }


def _paragraph(p: Paragraph) -> dict[str, Any]:
    data: dict[str, Any] = {
        "label": p.label,
        "lead": p.lead,
        "lead_italic": p.lead_italic,
        "text": p.text,
        "line": p.span.line,
        "end_line": p.span.end_line,
    }
    if p.kind != "preamble":
        data = {"number": p.number, **data}
    if p.kind != "preamble" or p.subparagraphs:
        data["subparagraphs"] = [_paragraph(s) for s in p.subparagraphs]
    if p.kind == "quoted":
        data["quoted"] = True
    if p.section is not None:
        data["section"] = p.section
    return data


def _section(s: Section) -> dict[str, Any]:
    return {"key": s.key, "number": s.number, "title": s.title, "level": s.level,
            "line": s.span.line, "end_line": s.span.end_line, "first": s.first,
            "kind": s.kind}


def _annex(a: Annex) -> dict[str, Any]:
    return {
        "key": a.key, "number": a.number, "title": a.title, "line": a.span.line,
        "preamble": [_paragraph(p) for p in a.preamble],
        "operative": [_paragraph(p) for p in a.operative],
        "sections": [_section(s) for s in a.sections],
    }


def _footnote(f: Footnote) -> dict[str, Any]:
    return {
        "number": f.number,
        "text": f.text,
        "line": f.span.line,
        "part": f.part,
        "marker_unknown": f.marker_unknown,
        "markers": [
            {"line": m.span.line, "column": m.span.column, "style": m.style}
            for m in f.markers
        ],
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    h = doc.heading
    return {
        "path": doc.path,
        "kind": doc.kind,
        "form": doc.form,
        "revision": doc.revision,
        "style": doc.style,
        "symbol": h.symbol,
        "session": h.session,
        "title": h.title,
        "agenda_item": h.agenda_item,
        "item_title": h.item_title,
        "sponsors": h.sponsors,
        "adopted": h.adopted,
        "committee": h.committee,
        "report": h.report,
        "preamble": [_paragraph(p) for p in doc.preamble],
        "operative": [_paragraph(p) for p in doc.operative],
        "sections": [_section(s) for s in doc.sections],
        "annexes": [_annex(a) for a in doc.annexes],
        "footnotes": [_footnote(f) for f in doc.footnotes],
        "citations": [_citation(c) for c in doc.citations],
        "recalled": [_citation(c) for c in doc.recalled],
        "other_citations": [_citation(c) for c in doc.other_citations],
        "symbols": [
            {"symbol": s.symbol, "kind": s.kind, "line": s.span.line, "column": s.span.column}
            for s in doc.symbols
        ],
        "next_session": doc.next_session,
        "meeting": (
            {"number": doc.meeting.number, "date": doc.meeting.date,
             "resumed": doc.meeting.resumed, "line": doc.meeting.span.line}
            if doc.meeting else None
        ),
        "problems": doc.problems,
        **_amendment_json(doc),
    }


def _amendment_json(doc: Document) -> dict[str, Any]:
    if doc.amendment is None:
        return {}
    from reslint.parse.amendment import amendment_to_json

    return {"amendment": amendment_to_json(doc.amendment)}


def document_to_text(doc: Document) -> str:
    h = doc.heading
    lines = [
        f"{doc.path}: {doc.kind} {h.symbol or '?'}",
        f"  session: {h.session}  agenda item: {h.agenda_item}  adopted: {h.adopted}"
        f"  report: {h.report}",
        f"  title: {h.title}",
    ]
    if h.sponsors:
        lines.append(f"  sponsors: {', '.join(h.sponsors)}")
    if doc.amendment is not None:
        from reslint.parse.amendment import amendment_to_text

        lines.extend(amendment_to_text(doc.amendment))
        return "\n".join(lines) + "\n"
    lines.append(f"  preamble: {len(doc.preamble)} paragraphs; operative: {len(doc.operative)}")
    _outline(lines, doc.paragraphs(), doc.sections)
    for a in doc.annexes:
        lines.append(f"  {a.key} line {a.span.line}: {a.title or '-'}")
        lines.append(f"    preamble: {len(a.preamble)} paragraphs; operative: {len(a.operative)}")
        _outline(lines, a.paragraphs(), a.sections)
    recalled = ", ".join(f"{c.symbol} of {c.date}" if c.date else c.symbol for c in doc.recalled)
    lines.append(f"  recalled: {recalled or '-'}")
    others = ", ".join(f"{c.body} {c.kind} {c.symbol}" for c in doc.other_citations)
    lines.append(f"  other citations: {others or '-'}")
    for f in doc.footnotes:
        where = ", ".join(f"{m.span.line}:{m.span.column}" for m in f.markers) or (
            "not placed" if f.marker_unknown else "no marker")
        lines.append(f"  footnote {f.number} (markers at {where}): {f.text}")
    lines.append(f"  next session: {doc.next_session}")
    if doc.meeting:
        resumed = " (resumed)" if doc.meeting.resumed else ""
        lines.append(f"  meeting: {doc.meeting.number}{resumed} on {doc.meeting.date}"
                     f" (line {doc.meeting.span.line})")
    return "\n".join(lines) + "\n"


def _outline(lines: list[str], paragraphs: list[Paragraph], sections: list[Section]) -> None:
    """Paragraphs in text order, each section heading once, before the paragraphs under it
    (labels may repeat: a Fifth Committee section's single paragraph has no number)."""
    heads = sorted((s for s in sections if s.first is not None), key=lambda s: s.span.start)
    k = 0
    for p in sorted(paragraphs, key=lambda p: p.span.start):
        while k < len(heads) and heads[k].span.start <= p.span.start:
            s = heads[k]
            k += 1
            lines.append(f"  {'':>5} line {s.span.line:>4}: {s.kind} {s.key}: {s.title or ''}")
        lines.append(f"  {p.label:>5} line {p.span.line:>4}: [{p.lead}] {p.text[:70]}")
        _subs(lines, p.subparagraphs)


def _subs(lines: list[str], subs: list[Paragraph]) -> None:
    for s in subs:
        lines.append(f"  {s.label:>9} line {s.span.line:>4}: {s.text[:66]}")
        _subs(lines, s.subparagraphs)
