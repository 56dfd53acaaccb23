"""The facts the amendment rules (rules/amendment.yaml) read, under the root `amendment`.

Plain mappings, as every fact: what the amendment says (the draft it names, its title, each
instruction), and what resolving each instruction against the draft found (the paragraph
named is missing, the quoted words are not there but in another paragraph, the reading
differs, two instructions touch the same words, the order, the new paragraphs)."""

from __future__ import annotations

from typing import Any

from reslint.amend.resolve import DraftIndex, Resolved, resolve_amendment
from reslint.amend.text import fold
from reslint.model import Document, Instruction
from reslint.parse.paragraphs import lead_words


def amendment_facts(doc: Document, draft: Document | None, reason: str) -> dict[str, Any]:
    a = doc.amendment
    assert a is not None
    resolved: list[Resolved] = []
    if draft is not None and draft.kind != "amendment":
        resolved = resolve_amendment(doc, DraftIndex(draft))
    by_instruction = {id(r.instruction): r for r in resolved}
    instructions = [_instruction(i, by_instruction.get(id(i)), draft) for i in a.instructions]
    amended = None
    if draft is not None:
        amended = {
            "symbol": draft.heading.symbol,
            "title": draft.heading.title,
            "path": draft.path,
            "kind": draft.kind,
            "preamble_count": len(draft.preamble),
            "operative_count": len(draft.operative),
            "same_symbol": _same_symbol(a.draft_symbol, draft.heading.symbol),
            "same_title": (None if not a.title or not draft.heading.title
                           else fold(a.title).lower() == fold(draft.heading.title).lower()),
            "italic_leads": _italic_leads(draft),
        }
    return {
        "draft_symbol": a.draft_symbol,
        "draft_symbol_span": a.draft_symbol_span,
        "draft_name": a.draft_name,
        "title": a.title,
        "title_span": a.title_span,
        "span": a.span,
        "sponsors": a.sponsors,
        "amended": amended,
        "reason": reason,
        "instructions": instructions,
        "new_paragraphs": [p for i in instructions for p in i["new_paragraphs"]],
    }


def _italic_leads(draft: Document) -> bool | None:
    """True when the draft sets its lead words in italics, False when it shows that it
    does not, None when it cannot tell (text extracted from a PDF has no italics)."""
    styles = {p.lead_italic for p in draft.paragraphs() if p.kind != "sub"}
    return True if True in styles else (False if False in styles else None)


def _same_symbol(named: str | None, symbol: str | None) -> bool | None:
    """A/80/L.25 names A/80/L.25 and its revisions (A/80/L.25/Rev.1): an amendment
    tabled to the original still names it after a revision is issued."""
    if not named or not symbol:
        return None
    base = symbol.split("/Rev.")[0]
    return named == symbol or named.split("/Rev.")[0] == base


def _instruction(ins: Instruction, r: Resolved | None, draft: Document | None) -> dict[str, Any]:
    place = ins.place
    data: dict[str, Any] = {
        "number": ins.number,
        "name": f"instruction {ins.number}" if ins.number is not None else "the instruction",
        "action": ins.action,
        "target": ins.target,
        "text": ins.text,
        "span": ins.span,
        "place": place.text if place else None,
        "part": place.part if place else None,
        "problems": ins.problems,
        "resolved": r is not None and r.problem is None,
        "missing_place": None,
        "missing_quote": None,
        "reading": None,
        "absent": None,
        "conflicts": [],
        "order_key": list(r.order) if r is not None and r.order is not None else None,
        "new_paragraphs": [],
    }
    if r is not None:
        if r.problem == "place":
            data["missing_place"] = dict(r.detail)
        elif r.problem == "quote":
            data["missing_quote"] = dict(r.detail)
        elif r.problem == "reading":
            data["reading"] = dict(r.detail)
        elif r.problem == "absent":
            data["absent"] = ins.old.text if ins.old else ""
        data["conflicts"] = [{"name": c.label, "line": c.instruction.span.line,
                              "path": c.path} for c in r.conflicts]
    if ins.target == "paragraph" and ins.action in ("insert", "replace"):
        last = _becomes_last(ins, r, draft)
        for q in ins.new:
            kind = ins.kind or (place.part if place else None)
            data["new_paragraphs"].append({
                "kind": kind,
                "text": q.text,
                "lead": lead_words(q.text),
                "lead_italic": q.lead_italic,
                "last_char": q.text.rstrip()[-1:] if q.text.strip() else "",
                "expected_end": _expected_end(kind, last and q is ins.new[-1], r),
                "span": ins.span,
                "quote_span": q.span,
                "instruction": data["name"],
            })
    return data


def _expected_end(kind: str | None, last: bool, r: Resolved | None) -> str | None:
    """"," for a preambular paragraph, ";" for an operative one ("." for the last); None
    when the place is unknown (the instruction did not resolve)."""
    if kind == "preamble":
        return ","
    if kind != "operative" or r is None or r.problem is not None:
        return None
    return "." if last else ";"


def _becomes_last(ins: Instruction, r: Resolved | None, draft: Document | None) -> bool:
    """A new operative paragraph that ends the draft closes it with a full stop."""
    if draft is None or not draft.operative or ins.kind != "operative" or r is None:
        return False
    last = draft.operative[-1].label
    return any(p.key == last and (p.action == "replace" or p.position in ("after", "end"))
               for p in r.paragraphs)
