"""The heading: session, agenda item, titles, adoption line, committee report, sponsors.

Converters and the PDF lay the heading out differently, but each field keeps its words:
"… session", "Agenda item …", "Resolution adopted by the General Assembly on …",
"[on the report of the … Committee (A/78/409 …)]", "78/32. Title", "X, Y and Z: draft
resolution".  The fields are read from chunks of lines; the first-page stamp (Distr.,
job number, barcode) is ignored except for the document symbol.
"""

from __future__ import annotations

import re

from reslint.model import Heading
from reslint.text.inline import clean_block
from reslint.text.mapped import MappedSpan, MappedText
from reslint.vocab._words import lazy_regex
from reslint.vocab.dates import DATE_PATTERN, parse_date
from reslint.vocab.ordinals import SESSION_PHRASE, ordinal_to_int, word_char_at

# "Seventy-eighth session", "Resumed tenth emergency special session": the optional
# prefix, then reslint.vocab.ordinals.SESSION_PHRASE and a word boundary (see _session).
SESSION_PREFIX = re.compile(r"(?:Resumed|Special|Emergency special)\s+", re.IGNORECASE)
_ITEM = r"\d+(?:\s*\([a-z]{1,3}\))?"
AGENDA = re.compile(rf"^Agenda items?\s+(?P<item>{_ITEM}(?:(?:,\s*|\s+and\s+){_ITEM})*)")
ADOPTED = re.compile(
    rf"Resolution adopted by the General Assembly\s+on\s+(?P<date>{DATE_PATTERN})"
)
REPORT = re.compile(
    r"\[\s*on the reports? of the (?P<committee>[\w ]+?) Committee\s*"
    r"(?:\(Fourth Committee\)\s*)?"  # "the Special Political and Decolonization Committee"
    r"\((?P<report>A/\d+/\d+(?:/Add\.\d+)?(?:/Corr\.\d+)?)"
)
NO_REFERENCE = re.compile(r"\[\s*without reference to a Main Committee")
RES_TITLE = re.compile(r"^(?P<num>\d{1,3}/\d{1,4}(?:\s?[A-Z])?)\.\s+(?P<title>.+)$")
DOC_SYMBOL = re.compile(
    r"^(?P<sym>A/(?:RES/\d+/\d+|C\.\d/\d+/L\.\d+(?:/Rev\.\d+)?|\d+/L\.\d+(?:/Rev\.\d+)?))$"
)
SPONSORS = re.compile(r"^(?P<names>.+?):\s*(?:revised\s+)?draft resolution$", re.IGNORECASE)
# "Draft resolution submitted by the Vice-Chair of the Committee, Jenni Mikkola (Finland),
# on the basis of informal consultations on draft resolution A/C.2/80/L.3": a text tabled
# by an officer (or the President) in the sponsors' place; the title follows it
SUBMITTED_BY = re.compile(r"^Draft (?:resolution|decision) submitted by\b", re.IGNORECASE)
COMMITTEE_LINE = re.compile(r"^(?:First|Second|Third|Fourth|Fifth|Sixth) Committee$")
STAMP_PREFIX = re.compile(
    r"^(?:United Nations\s+)?General Assembly\s+Distr\.:\s*\w+"
    r"(?:\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?"
)
STAMP = re.compile(
    r"^(?:United Nations|General Assembly|Distr\.:.*|Original:.*|\d{1,2} \w+ \d{4})$"
)


def parse_heading(chunks: list[list[MappedText]], span_of: MappedSpan
                  ) -> tuple[Heading, MappedText | None]:
    """Read the heading fields; return them and the formula's mapped text (if found)."""
    heading = Heading()
    formula: MappedText | None = None
    cleaned = [[_clean(line) for line in chunk] for chunk in chunks]
    cleaned = [[line for line in chunk if line.text] for chunk in cleaned]
    after_sponsors = False
    title_lines: list[MappedText] = []
    for chunk in cleaned:
        joined = _join(chunk)
        text = joined.text
        if text.startswith("The General Assembly"):
            formula = joined
            break
        if after_sponsors:
            title_lines.append(joined)
            continue
        if m := ADOPTED.search(text):
            heading.adopted = _iso(m.group("date"))
            heading.adopted_span = span_of(joined, m.start("date"), m.end("date"))
            continue
        if m := REPORT.search(text):
            heading.committee = m.group("committee").strip()
            heading.report = m.group("report")
            heading.report_span = span_of(joined, m.start("report"), m.end("report"))
            continue
        if NO_REFERENCE.search(text):
            continue
        if m := RES_TITLE.match(text):
            heading.title = " ".join(m.group("title").split())
            heading.title_span = span_of(joined, m.start("title"), m.end("title"))
            if heading.symbol is None or not heading.symbol.startswith("A/RES/"):
                heading.symbol = "A/RES/" + m.group("num").replace(" ", "")
                heading.symbol_span = span_of(joined, m.start("num"), m.end("num"))
            continue
        if m := SPONSORS.match(text):
            heading.sponsors = _split_names(m.group("names"))
            after_sponsors = True
            continue
        if SUBMITTED_BY.match(text):
            after_sponsors = True
            continue
        _line_fields(chunk, heading, span_of)
    if title_lines and heading.title is None:
        joined = _join(title_lines)
        heading.title = " ".join(joined.text.split())
        heading.title_span = span_of(joined, 0, len(joined.text))
    return heading, formula


def _line_fields(chunk: list[MappedText], heading: Heading, span_of: MappedSpan) -> None:
    """Fields that stand on their own lines: symbol, session, agenda item and item title."""
    item_lines: list[MappedText] = []
    in_item = False
    todo = list(reversed(chunk))
    while todo:
        line = todo.pop()
        text = line.text
        if m := STAMP_PREFIX.match(text):
            # "General Assembly Distr.: General 5 December 2025" run together on one line
            if text[m.end() :].strip():
                todo.append(line[m.end() :].strip())
            continue
        if m := DOC_SYMBOL.match(text):
            if heading.symbol is None:
                heading.symbol = m.group("sym")
                heading.symbol_span = span_of(line, 0, len(text))
            continue
        # the first session line is the heading's: a later one is the item title running on
        # ("… of the twenty-fourth special session of the General Assembly")
        if heading.session is None and (m := _session(text)):
            heading.session_word = m.group("word")
            heading.session = ordinal_to_int(m.group("word"))
            heading.session_span = span_of(line, m.start("word"), m.end("word"))
            rest = line[m.end() :].strip()
            if rest.text:  # "Eightieth session Agenda item 99 (ff) General and …"
                todo.append(rest)
            continue
        if m := AGENDA.match(text):
            heading.agenda_item = " ".join(m.group("item").split())
            heading.agenda_span = span_of(line, m.start("item"), m.end("item"))
            in_item = True
            if text[m.end() :].strip():
                item_lines.append(line[m.end() :].strip())
            continue
        if COMMITTEE_LINE.match(text) or STAMP.match(text):
            continue
        if in_item or (heading.agenda_item and heading.item_title is None and not item_lines):
            item_lines.append(line)
            in_item = True
    if item_lines and heading.item_title is None:
        heading.item_title = " ".join(_join(item_lines).text.split())


def _session(text: str) -> re.Match[str] | None:
    """The session line: what `^(?:(?:Resumed|Special|Emergency special)\\s+)?` + the
    session phrase + `\\b` matches (with the prefix if that matches, else without)."""
    prefix = SESSION_PREFIX.match(text)
    for start in ((prefix.end(), 0) if prefix else (0,)):
        m = SESSION_PHRASE().match(text, start)
        if m is not None and not word_char_at(text, m.end()):
            return m
    return None


def _clean(line: MappedText) -> MappedText:
    return clean_block(line, [])


def _join(lines: list[MappedText]) -> MappedText:
    parts: list[MappedText] = []
    for k, line in enumerate(lines):
        if k:
            parts.append(MappedText.synthetic(" ", line.offsets[0] if line.offsets else 0))
        parts.append(line)
    return MappedText.join(parts)


def _iso(date_text: str) -> str | None:
    d = parse_date(date_text)
    return d.isoformat() if d else None


# Member States (and observers) whose names hold " and ": never split inside them.
NAMES_WITH_AND = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Heard Island and McDonald Islands",
)
_AND_NAME = lazy_regex(  # for drafts only: compiled on first use
    "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in NAMES_WITH_AND), re.IGNORECASE
)


def _split_names(names: str) -> list[str]:
    """ "X, Y and Z" -> [X, Y, Z]; names such as "Trinidad and Tobago" stay whole."""
    names = " ".join(names.split())
    # Protect the " and " inside known names, then split on ", " and the last " and ".
    protected = _AND_NAME().sub(lambda m: m.group().replace(" and ", " \x00 "), names)
    items = [n.strip() for n in protected.split(",")]
    head, sep, last = items[-1].rpartition(" and ")
    if sep:
        items[-1:] = [head.strip(), last.strip()]
    return [n.replace(" \x00 ", " and ") for n in items if n]

