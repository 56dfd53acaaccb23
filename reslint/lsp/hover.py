"""Hover texts: on a finding, the rule's summary and rationale and the facts it compared;
on a cited resolution ("79/58"), its adoption date and title from the library."""

from __future__ import annotations

import os

from reslint.model import Citation, Document, Finding, RuleInfo
from reslint.vocab.dates import format_date as _format


def format_date(iso: str) -> str:
    from datetime import date

    return _format(date.fromisoformat(iso))


def finding_hover(finding: Finding, rule: RuleInfo | None) -> str:
    """Markdown: `RES604 operative-semicolon (error)`, the summary, why, what was compared
    and the link to the rule's documentation."""
    lines = [f"**{finding.rule}** `{finding.name}` ({finding.severity})", ""]
    if rule is not None and rule.summary:
        lines += [rule.summary, ""]
    lines += [finding.message, ""]
    if rule is not None and rule.rationale:
        lines += [f"*Why:* {' '.join(rule.rationale.split())}", ""]
    if finding.facts:
        lines += ["*Compared:*", ""]
        lines += [f"- `{name}` = {value}" for name, value in finding.facts.items()]
        lines.append("")
    if finding.fix is not None:
        lines += ["Fixable: " + ("a safe quick fix" if finding.fix.safe
                                 else "an unsafe quick fix (check the result)"), ""]
    if rule is not None and rule.help_uri:
        lines.append(f"[{finding.rule} in the rule reference]({rule.help_uri})")
    return "\n".join(lines).rstrip() + "\n"


def citation_at(document: Document, offset: int) -> Citation | None:
    for citation in document.citations:
        if citation.span.start <= offset <= citation.span.end:
            return citation
    return None


def library_resolution(folder: str | None, symbol: str) -> Document | None:
    """The adopted resolution `symbol` ("79/58") in the library folder, if it is there:
    each file is parsed once per process (the pairing's library cache)."""
    from reslint.pairing import _entry, _library_files

    if not folder or not os.path.isdir(folder):
        return None
    wanted = f"A/RES/{symbol}"
    stem = "A_RES_" + symbol.replace("/", "_")
    files = _library_files(folder)
    # a file named for its symbol is read first; the others only when it is not there
    files.sort(key=lambda p: not os.path.basename(p).startswith(stem))
    for path in files:
        entry = _entry(path, None)
        if entry is not None and entry.doc is not None and entry.doc.heading.symbol == wanted:
            return entry.doc
    return None


def citation_hover(citation: Citation, found: Document | None, library: str | None) -> str:
    """The cited resolution as the library has it, and whether the citation's date agrees."""
    head = f"**{citation.symbol}**"
    if found is None:
        where = f"the library {library}" if library else "no library is configured"
        return f"{head}: not found ({where}).\n"
    h = found.heading
    adopted = format_date(h.adopted) if h.adopted else "date unknown"
    lines = [f"{head} adopted on {adopted}: *{h.title or 'title unknown'}*", "",
             f"From the library: {found.path}"]
    if citation.date and h.adopted and citation.date != h.adopted:
        lines += ["", f"The draft cites it as of {format_date(citation.date)}."]
    return "\n".join(lines) + "\n"
