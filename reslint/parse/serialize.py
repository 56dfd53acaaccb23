"""The Document as `reslint parse` prints it: JSON for tools, text for people."""

from __future__ import annotations

from typing import Any

from reslint.model import Citation, Document, Paragraph


def _citation(c: Citation) -> dict[str, Any]:
    return {
        "symbol": c.symbol,
        "date": c.date,
        "line": c.span.line,
        "column": c.span.column,
        "paragraph": c.paragraph,
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
    return data


def document_to_json(doc: Document) -> dict[str, Any]:
    h = doc.heading
    return {
        "path": doc.path,
        "kind": doc.kind,
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
        "footnotes": [
            {
                "number": f.number,
                "text": f.text,
                "line": f.span.line,
                "markers": [
                    {"line": m.span.line, "column": m.span.column, "style": m.style}
                    for m in f.markers
                ],
            }
            for f in doc.footnotes
        ],
        "citations": [_citation(c) for c in doc.citations],
        "recalled": [_citation(c) for c in doc.recalled],
        "symbols": [
            {"symbol": s.symbol, "kind": s.kind, "line": s.span.line, "column": s.span.column}
            for s in doc.symbols
        ],
        "next_session": doc.next_session,
        "meeting": (
            {"number": doc.meeting.number, "date": doc.meeting.date} if doc.meeting else None
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
    for p in doc.paragraphs():
        lines.append(f"  {p.label:>5} line {p.span.line:>4}: [{p.lead}] {p.text[:70]}")
        for s in p.subparagraphs:
            lines.append(f"  {s.label:>9} line {s.span.line:>4}: {s.text[:66]}")
    recalled = ", ".join(f"{c.symbol} of {c.date}" if c.date else c.symbol for c in doc.recalled)
    lines.append(f"  recalled: {recalled or '-'}")
    for f in doc.footnotes:
        where = ", ".join(f"{m.span.line}:{m.span.column}" for m in f.markers) or "no marker"
        lines.append(f"  footnote {f.number} (markers at {where}): {f.text}")
    lines.append(f"  next session: {doc.next_session}")
    if doc.meeting:
        lines.append(f"  meeting: {doc.meeting.number} on {doc.meeting.date}")
    return "\n".join(lines) + "\n"
