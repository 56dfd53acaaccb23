"""Facts: the document model as plain mappings that rule expressions can read.

Expressions see only dicts, lists, strings, numbers and opaque `Span`s, never the
dataclasses themselves: that is what keeps the expression language away from internals.
Extractors declared in YAML add their own facts (`draft.count.total`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reslint.model import Annex, Citation, Document, Paragraph, Section, Span
from reslint.vocab.dates import parse_date, parse_date_range
from reslint.vocab.numbers import parse_number
from reslint.vocab.ordinals import SESSION_PHRASE, ordinal_to_int, word_char_at
from reslint.vocab.symbols import parse_symbol

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

SHORT_SYMBOL = re.compile(r"^A/RES/(.+)$")


def _span_end(span: Span) -> Span:
    """The last character of a span: where closing punctuation stands."""
    return Span(span.end_line, max(1, span.end_column - 1), span.end_line, span.end_column,
                max(span.start, span.end - 1), span.end)


def _last_span(doc: Document | None, p: Paragraph) -> Span | None:
    """The original place of the last character of the clean text (the closing
    punctuation), past any footnote marker or markup that ends the paragraph's span."""
    if doc is None or not p.text:
        return None
    end = p.clean_start + len(p.text)
    if doc.clean[p.clean_start : end] != p.text:
        return None  # a sub-paragraph without its own place in the clean text
    return doc.source.span(*doc.clean_map.orig_span(end - 1, end))


def _paragraph(p: Paragraph, doc: Document | None = None) -> dict[str, Any]:
    text = p.text
    return {
        "kind": p.kind,
        "label": p.label,
        "number": int(p.number) if p.number and p.number.isdigit() else p.number,
        "lead": p.lead,
        "lead_italic": p.lead_italic,
        "text": text,
        "last_char": text[-1:] if text else "",
        "span": p.span,
        "end_span": _span_end(p.span),
        "last_span": _last_span(doc, p),
        "subparagraphs": [_paragraph(s, doc) for s in p.subparagraphs],
        "section": p.section,
        "part": p.part,
        "run": p.run,
    }


def _section(s: Section) -> dict[str, Any]:
    return {"key": s.key, "number": s.number, "title": s.title, "level": s.level,
            "span": s.span, "first": s.first, "part": s.part}


def _annex(a: Annex, doc: Document) -> dict[str, Any]:
    return {"key": a.key, "number": a.number, "title": a.title, "span": a.span,
            "title_span": a.title_span,
            "preamble": [_paragraph(p, doc) for p in a.preamble],
            "operative": [_paragraph(p, doc) for p in a.operative],
            "sections": [_section(s) for s in a.sections]}


def _citation(c: Citation, sizes: dict[int, int], firsts: set[int]) -> dict[str, Any]:
    """One citation; `session` and `number` are the Assembly's (null for other bodies',
    whose "54/14" counts another body's sessions)."""
    sym = parse_symbol(c.symbol) if c.body == "ga" else None
    return {
        "symbol": c.symbol,
        "date": c.date,
        "year": int(c.date[:4]) if c.date else None,
        "session": sym.session if sym else None,
        "number": sym.number if sym else None,
        # "78/242" for "78/242 B": the resolution a library holds, whatever part is cited
        "base": (f"{sym.session}/{sym.number}" if sym and sym.session and sym.number
                 and sym.session > 30 else c.symbol),
        "span": c.span,
        "date_span": c.date_span,
        "paragraph": c.paragraph,
        "body": c.body,
        "kind": c.kind,
        "issuer": c.issuer,
        "noun": c.noun,
        "noun_span": c.noun_span,
        "group": c.group,
        "group_size": sizes.get(c.group, 1),
        "first_in_group": id(c) in firsts,
        "list": c.list_id,
        "part": c.part,
        "group_open": c.group_open,
    }


# A citation that names its own subject: "its resolution 78/152 of 19 December 2023 on
# disaster risk reduction", "70/1 …, entitled “Transforming our world …”": a resolution of
# another title.
_SUBJECT = re.compile(r"[\s*_]*,?[\s*_]*(?:on|entitled|concerning|relating to)\b")


# "78/70 of 5 December 2023, entitled “Our ocean, our future: …”": the title it quotes
_QUOTED_TITLE = re.compile(r"[\s*_]*,?[\s*_]*entitled[\s*_]+[“\"](?P<title>[^”\"]{1,500})[”\"]")


def _words(text: str) -> list[str]:
    """Lower-case words, markup and a leading "the" aside: titles compared as words."""
    words = re.findall(r"[^\W_]+", text.lower())
    return words[1:] if words[:1] == ["the"] else words


def _citation_facts(doc: Document) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """citations, recalled, other_citations and citation_groups, as facts.

    A group is the symbols one noun heads ("its resolutions 64/292 …, and 78/206"): its
    `count` is what the noun must agree with, unless the plural also covers resolutions
    named in general (`open`: "its resolutions 69/307 … and its subsequent resolutions")."""
    every = sorted([*doc.citations, *doc.other_citations], key=lambda c: c.span.start)
    sizes: dict[int, int] = {}
    firsts: set[int] = set()
    groups: dict[int, dict[str, Any]] = {}
    for c in every:
        sizes[c.group] = sizes.get(c.group, 0) + 1
        if c.group not in groups:
            firsts.add(id(c))
            groups[c.group] = {
                "group": c.group, "noun": c.noun, "noun_span": c.noun_span,
                "plural": c.noun.endswith("s") if c.noun else None,
                "body": c.body, "kind": c.kind, "list": c.list_id, "paragraph": c.paragraph,
                "span": c.span, "symbols": [], "count": 0, "open": c.group_open,
            }
        groups[c.group]["symbols"].append(c.symbol)
        groups[c.group]["count"] += 1
    facts = {id(c): _citation(c, sizes, firsts) for c in every}
    text = doc.source.text
    own = _words(doc.heading.title or "")[:4]
    for c in every:
        end = (c.date_span or c.span).end
        # alone under its noun: after a list ("77/79 … and 78/32 … on the implementation
        # of the Convention") the subject is the whole list's, the series' own; and a
        # subject that is the draft's own title is the series' ("its previous resolution
        # 76/133 on the inclusive policies and programmes to address homelessness")
        m = _SUBJECT.match(text, end, end + 40) if sizes[c.group] == 1 else None
        quoted = _QUOTED_TITLE.match(text, end, end + 600)
        facts[id(c)]["quoted_title"] = " ".join(quoted.group("title").split()) if quoted else None
        facts[id(c)]["quoted_title_span"] = (
            doc.source.span(quoted.start("title"), quoted.end("title")) if quoted else None)
        facts[id(c)]["subject"] = m is not None and not (
            own and _words(text[m.end():m.end() + 200])[:len(own)] == own)
    return ([facts[id(c)] for c in doc.citations], [facts[id(c)] for c in doc.recalled],
            [facts[id(c)] for c in doc.other_citations], list(groups.values()))


def document_facts(doc: Document) -> dict[str, Any]:
    h = doc.heading
    source = doc.source
    short = SHORT_SYMBOL.match(h.symbol or "")
    report = parse_symbol(h.report) if h.report else None
    markers = sorted(
        ({"number": m.number, "span": m.span, "style": m.style} for f in doc.footnotes
         for m in f.markers),
        key=lambda m: m["span"].start,  # type: ignore[attr-defined]
    )
    citations, recalled, other_citations, groups = _citation_facts(doc)
    # the noun heading the first recalled resolution ("Recalling its resolutions …")
    head = recalled[0] if recalled and recalled[0]["first_in_group"] else None
    recalled_noun = head["noun"] if head else None
    recalled_noun_span = head["noun_span"] if head and head["noun"] else None
    operative = [_paragraph(p, doc) for p in doc.operative]
    facts: dict[str, Any] = {
        "path": doc.path,
        "kind": doc.kind,
        "style": doc.style,
        "symbol": h.symbol,
        "short_symbol": short.group(1) if short else None,
        "symbol_span": h.symbol_span,
        "session": h.session,
        "session_word": h.session_word,
        "session_span": h.session_span,
        "agenda_item": h.agenda_item,
        "agenda_span": h.agenda_span,
        "title": h.title,
        "title_span": h.title_span,
        "item_title": h.item_title,
        "adopted": h.adopted,
        "adopted_year": int(h.adopted[:4]) if h.adopted else None,
        "adopted_span": h.adopted_span,
        "committee": h.committee,
        "report": h.report,
        "report_session": report.session if report else None,
        "report_span": h.report_span,
        "sponsors": h.sponsors,
        "formula": h.formula_span is not None,
        "formula_span": h.formula_span,
        "preamble": [_paragraph(p, doc) for p in doc.preamble],
        "operative": operative,
        "last_operative": operative[-1] if operative else None,
        "footnotes": [
            {"number": f.number, "text": f.text, "span": f.span,
             "missing": f.missing, "part": f.part, "marker_unknown": f.marker_unknown,
             "markers": [{"number": m.number, "span": m.span, "style": m.style}
                         for m in f.markers]}
            for f in doc.footnotes
        ],
        "markers": markers,
        "citations": citations,
        "recalled": recalled,
        "other_citations": other_citations,
        "citation_groups": groups,
        "recalled_span": doc.recalled_span,
        "recalled_noun": recalled_noun,
        "recalled_noun_span": recalled_noun_span,
        "symbols": [
            {"symbol": s.symbol, "kind": s.kind, "span": s.span, "paragraph": s.paragraph,
             "session": (sym.session if (sym := parse_symbol(s.symbol)) else None),
             # "contained in document A/78/111", "annex C to document A/79/214": a text
             # named by its symbol as the place where something stands
             "after_document": _AFTER_DOCUMENT.search(
                 source.text[max(0, s.span.start - 40):s.span.start]) is not None}
            for s in doc.symbols
        ],
        "session_mentions": _session_mentions(doc),
        "next_session": doc.next_session,
        "next_session_span": doc.next_session_span,
        "next_session_every": _stated_period(doc),
        "next_session_word": (source.text[doc.next_session_span.start : doc.next_session_span.end]
                              if doc.next_session_span else None),
        "meeting": (
            {"number": doc.meeting.number, "date": doc.meeting.date, "span": doc.meeting.span,
             "date_span": doc.meeting.date_span, "resumed": doc.meeting.resumed,
             "line_span": doc.meeting.line_span}
            if doc.meeting else None
        ),
        "start_span": source.span(0, 0),
        "form": doc.form,
        "revision": doc.revision,
        "sections": [_section(sec) for sec in doc.sections],
        "annexes": [_annex(a, doc) for a in doc.annexes],
    }
    return facts


# Every match of SESSION_PHRASE ends in "session" read with the same flags: a paragraph
# without it is not searched with the long alternation of ordinals (most paragraphs).
_SESSION_WORD = re.compile("session", re.IGNORECASE)
# A match spans at most 7 words before its "session" ("one hundred and ninety ninth
# emergency special"): a window of 12 holds any that ends there.
_PHRASE_WORDS = 12
_PHRASE_CHARS = 160
# The characters that re's IGNORECASE reads as a letter of "session" though their lower
# case is not that letter (every code point tried): the dotted and dotless i, the long s.
_UNLOWERED = ("\u0130", "\u0131", "\u017f")


def _says_session(text: str) -> bool:
    """Whether `_SESSION_WORD` may match in `text`: the same answer as its search, found
    with a few passes of str methods (a case-insensitive search of re is ten times slower,
    and most paragraphs are tested only to be skipped)."""
    if "session" in text.lower() or any(c in text for c in _UNLOWERED):
        return _SESSION_WORD.search(text) is not None
    return False


def _session_phrases(text: str) -> Iterator[re.Match[str]]:
    """The matches of SESSION_PHRASE().finditer(text), the same ones, found from each
    "session" backwards: the ordinal alternation is tried over the few words before each
    (a window of _PHRASE_WORDS words at least), not at every word of the paragraph.

    Exact: no ordinal word, "special" or "emergency" contains "session", so a match that
    starts before an occurrence of "session" ends with that one; and a match spans fewer
    than _PHRASE_WORDS whitespace-separated words."""
    pattern = SESSION_PHRASE()
    scan = 0  # where finditer would search from
    for word in _SESSION_WORD.finditer(text):
        at = word.start()
        if at < scan:
            continue
        start = max(scan, at - _PHRASE_CHARS)
        if start > scan and len(text[start:at].split()) < _PHRASE_WORDS:
            start = scan  # long runs of spaces: no window is certain, search all
        found = pattern.search(text, start, word.end())
        if found is not None:
            yield found
            scan = found.end()

# The owner of a session is named just before it: "the General Assembly at its",
# "the Committee, at its", "the International Maritime Organization, at its".
_SESSION_OWNER = re.compile(
    r"\b(Assembly|Committee|Council|Commission|Conference|Organization|Board|Forum|Meeting"
    r"|Parties|Agency|Programme|Union|Group|Court|Tribunal|Summit|Congress)\b")
_AFTER_DOCUMENT = re.compile(r"\bdocuments?\s+(?:[A-Z]/\S+\s*(?:,|and)\s*)*$")
_ITS = re.compile(r"\bits\s+$", re.IGNORECASE)
OWNER_WINDOW = 8  # words before "its"/"the": "the Committee on the Peaceful Uses …, at its"


def _session_owner(before: str) -> str | None:
    """The body named within the few words before a session mention (None: none named,
    so the Assembly, which speaks)."""
    window = " ".join(before.split()[-OWNER_WINDOW - 1:])
    found = _SESSION_OWNER.findall(window)
    return found[-1] if found else None


# The period of the item itself: "which will be considered triennially", "to consider the
# item on a biennial basis" (not "the possibility of including this sub-item … on a
# biennial basis", nor "the Summit be held every two years").
_EVERY = re.compile(
    r"\bconsider(?:ed|ation)?\b[^.;]{0,60}?\b(?:(?P<adverb>annually|biennially|triennially"
    r"|quadrennially)|on an? (?P<basis>annual|biennial|triennial|quadrennial) basis"
    r"|every (?P<every>two|three|four) years)\b",
    re.IGNORECASE)
_PERIODS = {"annual": 1, "biennial": 2, "triennial": 3, "quadrennial": 4,
            "two": 2, "three": 3, "four": 4}


def _stated_period(doc: Document) -> int | None:
    """The period the next-session paragraph states ("which will be considered
    triennially", "on a biennial basis", "every two years"), or None."""
    span = doc.next_session_span
    if span is None:
        return None
    for p in doc.paragraphs():
        if p.span.start <= span.start < p.span.end:
            m = _EVERY.search(p.text)
            if m is None:
                return None
            word = (m.group("adverb") or "")[:-2] or m.group("basis") or m.group("every")
            return _PERIODS.get(word.lower())
    return None


def _session_mentions(doc: Document) -> list[dict[str, Any]]:
    out = []
    for p in doc.paragraphs():
        if not _says_session(p.text):
            continue
        # "… ordinal session" as a whole word, no "special" between
        for m in _session_phrases(p.text):
            if m.group("special") is not None or word_char_at(p.text, m.end()):
                continue
            start = p.clean_start + m.start("word")
            end = p.clean_start + m.end("word")
            before = p.text[max(0, m.start() - 200):m.start()]
            out.append({
                "session": ordinal_to_int(m.group("word")),
                "word": m.group("word"),
                "paragraph": p.label,
                "kind": p.kind,
                # "its eightieth session": the body speaking of its own session (the
                # Assembly, unless `owner` names another); "the eightieth session of …":
                # a session named from outside, as past events are
                "its": _ITS.search(before) is not None,
                "owner": _session_owner(before),
                "span": doc.source.span(*doc.clean_map.orig_span(start, end)),
            })
    return out


# --- extractors -------------------------------------------------------------------------

def convert(kind: str, text: str | None) -> Any:
    """Turn an extractor group's text into a typed fact; None when it does not read."""
    if text is None:
        return None
    text = " ".join(text.split())
    if kind == "number":
        return parse_number(text)
    if kind == "ordinal":
        return ordinal_to_int(text)
    if kind == "date":
        d = parse_date(text)
        return d.isoformat() if d else None
    if kind == "daterange":
        ranges = parse_date_range(text)
        if not ranges:
            return None
        start, end = ranges[0][0], ranges[-1][-1]
        return {"start": start.isoformat(), "end": end.isoformat()}
    if kind == "symbol":
        sym = parse_symbol(text)
        return sym.text if sym else text
    if kind == "list":
        head, _, last = text.rpartition(" and ")
        items = [i.strip() for i in head.split(",")] if head else []
        items.append(last.strip())
        return [i for i in items if i]
    return text


def run_extractor(doc: Document, pattern: Any, types: dict[str, str], scope: str,
                  many: bool) -> Any:
    """Match an extractor's regex on the clean text of its scope; map groups back.

    The scope `source` is the file as written (heading, comments and all): for tokens
    that live outside the paragraphs, such as `[[placeholders]]` in a draft heading."""
    if scope == "source":
        return _source_matches(doc, pattern, types, many)
    results = []
    for p in _scope(doc, scope):
        for m in pattern.finditer(p.text):
            results.append(_match_fact(doc, p, m, types))
            if not many:
                return results[0]
    return results if many else None


def _source_matches(doc: Document, pattern: Any, types: dict[str, str], many: bool) -> Any:
    results = []
    span = doc.source.span
    for m in pattern.finditer(doc.source.text):
        fact: dict[str, Any] = {"span": span(m.start(), m.end()), "paragraph": None,
                                "text": m.group(0), "spans": {}}
        for name, value in m.groupdict().items():
            fact[name] = convert(types.get(name, "text"), value)
            if value is not None:
                fact["spans"][name] = span(m.start(name), m.end(name))
        if not many:
            return fact
        results.append(fact)
    return results if many else None


def _scope(doc: Document, scope: str) -> list[Paragraph]:
    if scope == "preamble":
        return doc.preamble
    if scope == "operative":
        paragraphs: list[Paragraph] = []
        for p in doc.operative:
            paragraphs.append(p)
            paragraphs.extend(p.subparagraphs)
        return paragraphs
    every: list[Paragraph] = []
    for p in doc.paragraphs():
        every.append(p)
        every.extend(p.subparagraphs)
    return every


def _match_fact(doc: Document, p: Paragraph, m: Any, types: dict[str, str]) -> dict[str, Any]:
    def span(start: int, end: int) -> Span:
        return doc.source.span(*doc.clean_map.orig_span(p.clean_start + start,
                                                        p.clean_start + end))

    fact: dict[str, Any] = {"span": span(m.start(), m.end()), "paragraph": p.label,
                            "text": m.group(0), "spans": {}, "words": {}}
    for name, value in m.groupdict().items():
        fact[name] = convert(types.get(name, "text"), value)
        fact["words"][name] = value  # as written: the model a fix copies the case of
        if value is not None:
            fact["spans"][name] = span(m.start(name), m.end(name))
    return fact
