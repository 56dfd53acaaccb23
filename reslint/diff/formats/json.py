"""`reslint diff --format json`: the whole diff for tools; stable keys, no prose besides
the verdict and the reasons."""

from __future__ import annotations

import json
from typing import Any

from reslint.diff.model import DocumentDiff, Hunk, ParagraphDiff


def _hunk(h: Hunk) -> dict[str, Any]:
    return {"op": h.op, "old": h.old_text, "new": h.new_text, "kind": h.kind,
            "reason": h.reason}


def _paragraph(p: ParagraphDiff) -> dict[str, Any]:
    return {
        "label": p.label if p.new else None,
        "old_label": p.old_label,
        "name": p.name,
        "section": p.section,
        "status": p.status,
        "kind": p.kind,
        "reasons": p.reasons,
        "after": p.after,
        "hunks": [_hunk(h) for h in p.hunks if h.op != "equal"],
        "findings": [f.to_json() for f in p.findings],
    }


def render(diff: DocumentDiff) -> str:
    data = {
        "previous": diff.previous.path,
        "draft": diff.draft.path,
        "verdict": diff.verdict(),
        "classified_by": diff.expectation,
        "paragraphs": [_paragraph(p) for p in diff.paragraphs],
        "renumbering": [{"old": a, "new": b} for a, b in diff.renumbering()],
        "footnotes": [
            {"status": n.status, "old_number": n.old_number, "new_number": n.new_number,
             "kind": n.kind, "name": n.name} for n in diff.footnotes
        ],
        "findings": [f.to_json() for f in diff.unplaced],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
