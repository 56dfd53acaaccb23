"""`reslint diff --format markdown`: for a pull-request comment or $GITHUB_STEP_SUMMARY.

The verdict, then one table row per changed paragraph with its word diff (<del>/<ins>,
which GitHub renders inside tables) and the findings of `check` on that paragraph."""

from __future__ import annotations

from reslint.diff.formats.common import inline
from reslint.diff.model import UNCHANGED, DocumentDiff, ParagraphDiff
from reslint.report.markdown import MARKERS, escape

HEADING = "## reslint diff"


def _words(p: ParagraphDiff) -> str:
    out = []
    for seg in inline(p):
        text = escape(seg.text)
        if seg.op == "equal":
            out.append(text)
        else:
            tag = "del" if seg.op == "delete" else "ins"
            out.append(f"<{tag}>{text}</{tag}>")
    return "".join(out).strip()


def _findings(p: ParagraphDiff) -> str:
    return "<br>".join(
        f"{MARKERS.get(f.severity, escape(f.severity))} {escape(f.rule)}: {escape(f.message)}"
        for f in p.findings
    )


def render(diff: DocumentDiff) -> str:
    lines = [HEADING, "", f"`{escape(diff.previous.path)}` → `{escape(diff.draft.path)}`", "",
             f"**{escape(diff.verdict())}**", ""]
    changed = [p for p in diff.paragraphs if p.status != UNCHANGED]
    with_findings = [p for p in diff.paragraphs if p.status == UNCHANGED and p.findings]
    if changed or with_findings:
        lines += ["| Paragraph | Change | Class | Text | Findings |",
                  "| --- | --- | --- | --- | --- |"]
        for p in changed + with_findings:
            name = escape(p.name) + (f" (was {escape(p.old_label or '')})" if p.renumbered else "")
            kind = f"**{p.kind}**" if p.kind == "substantive" else (p.kind or "")
            reasons = escape("; ".join(p.reasons))
            text = _words(p) if p.status != UNCHANGED else "_unchanged_"
            lines.append(f"| {name} | {p.status} | {kind}"
                         f"{'<br>' + reasons if reasons else ''} | {text} | {_findings(p)} |")
        lines.append("")
    moves = diff.renumbering()
    if moves:
        lines += ["Operative renumbering: " + ", ".join(f"{a} → {b}" for a, b in moves), ""]
    notes = [n for n in diff.footnotes if n.status != UNCHANGED]
    if notes:
        lines += ["Footnotes: " + "; ".join(f"{escape(n.name)} ({n.kind})" for n in notes), ""]
    if diff.unplaced:
        lines += ["Other findings:", ""]
        lines += [f"- line {f.span.line}: {MARKERS.get(f.severity, escape(f.severity))} "
                  f"{escape(f.rule)}: {escape(f.message)}" for f in diff.unplaced]
        lines.append("")
    return "\n".join(lines)
