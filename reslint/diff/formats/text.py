"""`reslint diff --format text`: one block per changed paragraph, a git-style word diff
([-old-]{+new+}), the renumbering, the footnotes, and the verdict as the last line."""

from __future__ import annotations

from reslint.diff.formats.common import inline
from reslint.diff.model import UNCHANGED, DocumentDiff, ParagraphDiff


def _words(diff: ParagraphDiff) -> str:
    out = []
    for seg in inline(diff):
        if seg.op == "equal":
            out.append(seg.text)
        else:
            out.append(("[-{}-]" if seg.op == "delete" else "{{+{}+}}").format(seg.text))
    return "".join(out).strip()


def _head(p: ParagraphDiff) -> str:
    was = f" (was {p.old_label})" if p.renumbered and "was " not in p.name else ""
    reasons = "; ".join(p.reasons)
    return f"{p.name}{was}: {p.status}, {p.kind}" + (f" ({reasons})" if reasons else "")


def render(diff: DocumentDiff) -> str:
    lines = [f"reslint diff: {diff.previous.path} -> {diff.draft.path}", ""]
    for p in diff.paragraphs:
        if p.status == UNCHANGED:
            continue
        lines.append(_head(p))
        lines.append("    " + _words(p))
        lines += [f"    {f.rule} [{f.severity}] line {f.span.line}: {f.message}"
                  for f in p.findings]
        lines.append("")
    moves = diff.renumbering()
    if moves:
        lines.append("operative renumbering: " + ", ".join(f"{a} -> {b}" for a, b in moves))
    for note in diff.footnotes:
        if note.status != UNCHANGED:
            lines.append(f"{note.name}: {note.kind}")
    for f in diff.unplaced:
        lines.append(f"{f.path}:{f.span.line}:{f.span.column}: {f.rule} [{f.severity}] "
                     f"{f.message}")
    lines.append(diff.verdict())
    return "\n".join(lines).strip("\n").replace("\n\n\n", "\n\n") + "\n"
