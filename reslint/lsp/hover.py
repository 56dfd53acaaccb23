"""Hover texts: on a finding, the rule's summary and rationale and the facts it compared;
on a cited resolution ("79/58"), its adoption date and title from the library."""

from __future__ import annotations

from datetime import date

from reslint.library import Adopted, from_document, library_for
from reslint.model import Citation, Document, Finding, RuleInfo
from reslint.vocab.dates import format_date as _format


def format_date(iso: str) -> str:
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


def library_resolution(folder: str | None, symbol: str,
                       previous: Document | None = None) -> Adopted | None:
    """The adopted resolution `symbol` ("79/58") as the library has it (the `library:`
    folder, indexed once per process, and the draft's previous resolution), or None."""
    found = library_for(folder).get(symbol)
    if found is None and previous is not None:
        record = from_document(previous)
        found = record if record is not None and record.symbol == symbol else None
    return found


def citation_hover(citation: Citation, found: Adopted | None, library: str | None) -> str:
    """The cited resolution as the library has it, and whether the citation's date agrees."""
    head = f"**{citation.symbol}**"
    if found is None:
        where = f"the library {library}" if library else "no library is configured"
        return f"{head}: not found ({where}).\n"
    lines = [f"{head} adopted on {format_date(found.adopted)}: "
             f"*{found.title or 'title unknown'}*", "", f"From the library: {found.path}"]
    if citation.date and citation.date != found.adopted:
        lines += ["", f"The draft cites it as of {format_date(citation.date)}."]
    return "\n".join(lines) + "\n"
