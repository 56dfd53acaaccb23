"""A draft named by the report that recommends it.

In plenary, an amendment is tabled to "draft resolution IV recommended by the Second
Committee in its report A/80/555": the draft has no symbol of its own there, and its text
is in the report, under "Draft resolution IV" (the recommendations of the Committee).  The
report is found as a draft is, by its symbol (A_80_555.md, .txt, .docx, .pdf in the
library folder or beside the amendment) or given with --amends; the draft is then the
text under its heading, to the next draft's.

The draft read from a report keeps the report's line numbers (the lines before it are
blank), so that what is said of it points into the report's file; `body` gives back its
own text.
"""

from __future__ import annotations

import re

from reslint.model import Document

HEADING = re.compile(r"(?im)^[ \t]*[*_]{0,2}[ \t]*Draft[ \t]+(?P<form>resolution|decision)[ \t]+"
                     r"(?P<number>[IVXLC]{1,7}|\d{1,3})[ \t]*[*_]{0,2}[ \t]*\r?$")
ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
         ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def number_of(label: str) -> int | None:
    """4 for "IV" and for "4"."""
    if label.isdigit():
        return int(label)
    value, rest = 0, label.upper()
    for letters, n in ROMAN:
        while rest.startswith(letters):
            value += n
            rest = rest[len(letters):]
    return value if not rest and value else None


def drafts_in(doc: Document) -> list[tuple[str, int]]:
    """The drafts a report recommends: (form, number) of each heading, in order."""
    out = []
    for m in HEADING.finditer(doc.source.text):
        n = number_of(m.group("number"))
        if n is not None:
            out.append((m.group("form").lower(), n))
    return out


def draft_in_report(report: Document, label: str, form: str = "resolution") -> Document | None:
    """The draft `label` ("IV", "4") of the report, as its own document; None when the
    report has no such heading."""
    from reslint.parse import parse_source
    from reslint.text.source import SourceText

    want = number_of(label)
    text = report.source.text
    headings = list(HEADING.finditer(text))
    for i, m in enumerate(headings):
        if m.group("form").lower() != form or number_of(m.group("number")) != want:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        end = text.rfind("\n", 0, end) + 1 if i + 1 < len(headings) else end
        before = text.count("\n", 0, start)
        source = SourceText(report.path, "\n" * before + text[start:end],
                            newline=report.source.newline)
        doc = parse_source(source)
        if doc.heading.title is None:
            _title(doc, before + m.end() - start)
        return doc
    return None


FORMULA = re.compile(r"(?m)^[ \t]*[*_]{0,2}The\s+General\s+Assembly\b")


def _title(doc: Document, after: int) -> None:
    """The title under the heading "Draft resolution IV", up to "The General Assembly"."""
    text = doc.source.text
    formula = FORMULA.search(text, after)
    if formula is None:
        return
    words = text[after:formula.start()]
    lead = len(words) - len(words.lstrip())
    title = " ".join(words.replace("*", " ").split())
    if title and len(title) < 400:
        start = after + lead
        doc.heading.title = title
        doc.heading.title_span = doc.source.span(start, start + len(words.strip()))


def body(doc: Document, text: str) -> str:
    """`text` (a draft read from a report, or that draft as amended) without the blank lines
    that stand for the report's lines before it."""
    if doc.source.text.startswith("\n") and HEADING.match(doc.source.text.lstrip("\n")):
        return text.lstrip("\n")
    return text


def form_of(draft_name: str) -> str:
    return "decision" if re.search(r"\bdraft\s+decision\b", draft_name, re.IGNORECASE) \
        else "resolution"
