"""`reslint diff --format html`: one self-contained page, last year and the draft side by
side.

No script, no font, no image, no link: the file opens offline and prints.  Deleted words
are struck, inserted words underlined; technical changes are blue and substantive ones
orange AND every changed paragraph carries a text label, so a black-and-white printout
still tells them apart.  Findings of `check` stand under the draft paragraph they concern.
"""

from __future__ import annotations

from html import escape

from reslint.diff.formats.common import side
from reslint.diff.model import UNCHANGED, DocumentDiff, ParagraphDiff

CSS = """
body{font:15px/1.45 Georgia,'Times New Roman',serif;margin:1.5rem auto;max-width:1400px;
 padding:0 1rem;color:#111;background:#fff}
h1{font-size:1.3rem;margin:0 0 .3rem} .paths{color:#444;font-size:.85rem}
.verdict{font-weight:bold;font-size:1.1rem;margin:.8rem 0;padding:.5rem .7rem;
 border:2px solid #333}
.verdict.substantive{border-color:#b34700;background:#fff3e6}
.verdict.technical{border-color:#1f5fa8;background:#eef4fb}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid #ccc;text-align:left}
th{background:#f2f2f2} col.label{width:9rem}
td.label{font-family:Helvetica,Arial,sans-serif;font-size:.85rem}
tr.unchanged td.text{color:#666}
.badge{display:inline-block;font-weight:bold;font-size:.75rem;padding:0 .3rem;
 border:1px solid;margin-top:.2rem;font-family:Helvetica,Arial,sans-serif}
.badge.technical{color:#1f5fa8;border-color:#1f5fa8}
.badge.substantive{color:#b34700;border-color:#b34700}
del{text-decoration:line-through} ins{text-decoration:underline}
del.technical,ins.technical{background:#dbe8f7;color:#0d3c73}
del.substantive{background:#f9d3c6;color:#7a1f00} ins.substantive{background:#ffe3b3;
 color:#6b3a00;font-weight:bold}
.why{font-size:.75rem;color:#333;font-family:Helvetica,Arial,sans-serif}
.finding{margin-top:.35rem;padding:.2rem .4rem;border-left:3px solid #a00;
 font:.8rem Helvetica,Arial,sans-serif;background:#fbecec}
.finding.warning{border-color:#c80} .finding.info{border-color:#888;background:#f4f4f4}
.empty{color:#888;font-style:italic}
ul.notes{font-size:.9rem}
@media print{body{font-size:10pt;margin:0;max-width:none}
 tr{break-inside:avoid} tr.unchanged{display:none}
 del.technical,ins.technical,del.substantive,ins.substantive{background:none}
 ins.substantive{font-weight:bold} .verdict{background:none}}
"""


def _segments(text: str, p: ParagraphDiff, which: str) -> str:
    if not text:
        return '<span class="empty">(none)</span>'
    out = []
    for seg in side(text, p.hunks, which):
        body = escape(seg.text)
        if seg.op == "equal" or p.status == UNCHANGED:
            out.append(body)
        else:
            tag = "del" if seg.op == "delete" else "ins"
            label = f"{seg.kind} {'deletion' if tag == 'del' else 'insertion'}"
            out.append(f'<{tag} class="{seg.kind}" title="{label}">{body}</{tag}>')
    return "".join(out)


def _row(p: ParagraphDiff) -> str:
    label = escape(p.name) if p.status != UNCHANGED else escape(p.label)
    if p.renumbered:
        label += f"<br>was {escape(p.old_label or '')}"
    cell = [label]
    if p.status != UNCHANGED:
        cell.append(f'<br><span class="badge {p.kind}">{(p.kind or "").upper()}</span>')
        cell.append(f'<br><span class="why">{escape(p.status)}: {escape("; ".join(p.reasons))}'
                    "</span>")
    findings = "".join(
        f'<div class="finding {escape(f.severity)}">{escape(f.rule)} [{escape(f.severity)}] '
        f"line {f.span.line}: {escape(f.message)}</div>"
        for f in p.findings
    )
    ident = escape((p.new or p.old).label if (p.new or p.old) else "")  # type: ignore[union-attr]
    return (f'<tr class="{p.status} {p.kind or ""}" id="{p.status}-{ident}">'
            f'<td class="label">{"".join(cell)}</td>'
            f'<td class="text old">{_segments(p.old_text, p, "old")}</td>'
            f'<td class="text new">{_segments(p.new_text, p, "new")}{findings}</td></tr>')


def render(diff: DocumentDiff) -> str:
    verdict = diff.verdict()
    kind = "substantive" if any(c.kind == "substantive" for c in diff.changes()) else "technical"
    notes = [f"<li>{escape(n.name)}: {escape(n.kind or '')}</li>"
             for n in diff.footnotes if n.status != UNCHANGED]
    moves = diff.renumbering()
    if moves:
        notes.insert(0, "<li>operative renumbering: "
                     + escape(", ".join(f"{a} → {b}" for a, b in moves)) + "</li>")
    notes += [f'<li class="finding {escape(f.severity)}">{escape(f.rule)} '
              f"[{escape(f.severity)}] line {f.span.line}: {escape(f.message)}</li>"
              for f in diff.unplaced]
    rows = "\n".join(_row(p) for p in diff.paragraphs)
    title = escape(f"reslint diff: {diff.draft.heading.symbol or diff.draft.path}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{CSS}</style></head>
<body>
<h1>{title}</h1>
<div class="paths">previous: {escape(diff.previous.path)}<br>draft: {escape(diff.draft.path)}
<br>classified by: {escape(diff.expectation)}</div>
<p class="verdict {kind}" id="verdict">{escape(verdict)}</p>
<p class="why">Legend: <del class="technical">struck</del> = deleted,
<ins class="technical">underlined</ins> = inserted; <span class="badge technical">TECHNICAL</span>
= what the yearly rollover does, <span class="badge substantive">SUBSTANTIVE</span>
= everything else.</p>
<table><colgroup><col class="label"><col><col></colgroup>
<thead><tr><th>Paragraph</th><th>Previous: {escape(diff.previous.heading.symbol or "")}</th>
<th>Draft: {escape(diff.draft.heading.symbol or "")}</th></tr></thead>
<tbody>
{rows}
</tbody></table>
{"<ul class='notes'>" + "".join(notes) + "</ul>" if notes else ""}
</body></html>
"""
