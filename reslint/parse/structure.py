"""The grammar above the paragraph: the parts of a text and the headings inside them.

A text of the General Assembly is the heading, the enacting formula, the preamble and the
operative part, the closing meeting line ("50th (resumed) plenary meeting" and its date),
then any annexes ("Annex", "Annex II"), each with its own title and the same grammar
inside.  Either part may be divided by section headings: a number alone on its line and a
title under it ("IV" / "Illegal, unreported and unregulated fishing"), a number and a title
on one line ("B. Office of Investment Management"), or a title alone ("Peacebuilding
financing").  Operative numbers run on across the sections of a part or restart at 1 in
each (the Fifth Committee's texts, whose sections also carry their own preambles).  A
numbered paragraph that breaks the sequence after a paragraph ending with a colon is text
quoted inside that paragraph ("Article 9, new paragraph 4: 4. In hearing …").

Blocks come in clean (reslint.text.layout, then reslint.text.inline); this module tells
each block's role and builds the paragraphs of each part.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reslint._dataclass import dataclass, field
from reslint.model import Paragraph, Section, Span
from reslint.parse.paragraphs import (
    OPERATIVE_NUMBER,
    SUB_LABEL,
    RawParagraph,
    classify,
    is_roman,
)
from reslint.text.layout import can_open
from reslint.text.mapped import MappedText
from reslint.vocab.dates import MONTHS, parse_date

MONTH = "(?:" + "|".join(MONTHS) + ")"
# The closing line; its date as printed, even run together ("4 December2024").
MEETING = re.compile(
    rf"^(?P<num>\d{{1,3}})(?:st|nd|rd|th)\s+(?P<resumed>\(resumed\)\s+)?plenary\s+meeting\b"
    rf"\.?\s*(?P<date>\d{{1,2}}\s*{MONTH}\s*\d{{4}}(?!\d))?",
    re.IGNORECASE,
)
DATE_PARTS = re.compile(r"(\d{1,2})\s*([A-Za-z]+)\s*(\d{4})")
ANNEX = re.compile(r"^Annex(?:es)?(?:\s+(?P<num>[IVXL]{1,6}))?$")
# "IV", "B.", "XII. Midterm review …", "II Strategic heritage plan"
# "Part IV", "Section 29A" (the Fifth Committee's budget texts)
SECTION_LINE = re.compile(
    r"^(?:(?P<word>Part|Section|Chapter|Income section)\s+(?P<wnum>[IVXL]{1,6}|\d{1,2}[A-Z]?)"
    r"|(?P<num>[IVXL]{1,6}|[A-Z]))(?P<dot>\.)?(?:\s+(?P<title>\S.*))?$"
)
ROMAN_LABEL = re.compile(r"^[IVXL]+$")
# A number that lost its full stop in the PDF ("25 Condemns …"): taken only in sequence.
# The enacting formula again: a resolution in parts ("B" / "The General Assembly,").
PART_FORMULA = re.compile(r"^The General Assembly[,:]?$")
# The letter of a part ("A" alone on its line, then a title or not, then the formula).
PART_LETTER = re.compile(r"^[\s*_#]*(?P<letter>[A-Z])[\s*_]*$")
BARE_NUMBER = re.compile(r"^(?P<num>\d{1,3})\s+(?=[A-Z][a-z])")
TITLE_MAX = 300  # a heading is a line or two, never a paragraph
BARE_TITLE_MAX = 140  # a title with no number before it: shorter still

MappedSpan = Callable[[MappedText, int, int], Span]
# A paragraph's span until its place in the document's clean text is known (one immutable
# span for all: a corpus made ~30,000 of them)
UNPLACED = Span(0, 0, 0, 0)


@dataclass(slots=True)
class Unit:
    block: MappedText  # clean text
    italic: str | None  # the italic lead words, where the source marks them

    def __init__(self, block: MappedText, italic: str | None) -> None:
        self.block = block
        self.italic = italic


@dataclass
class Part:
    key: str  # "resolution", "Annex", "Annex II"
    units: list[Unit] = field(default_factory=list)
    number: str | None = None  # "II" of "Annex II"
    head: MappedText | None = None  # the "Annex" line


@dataclass
class Parts:
    body: Part
    closing: tuple[MappedText, re.Match[str]] | None
    annexes: list[Part]
    after_closing: list[Unit]  # text between the closing line and the first annex


def split_parts(units: list[Unit]) -> Parts:
    """Cut the body at the closing meeting line and at each "Annex" line."""
    body = Part("resolution")
    current = body
    closing: tuple[MappedText, re.Match[str]] | None = None
    annexes: list[Part] = []
    after: list[Unit] = []
    todo = list(reversed(units))
    while todo:
        unit = todo.pop()
        text = unit.block.text
        if closing is None and not annexes and (m := MEETING.match(text)):
            closing = (unit.block, m)
            rest = unit.block[m.end() :].strip()
            if rest.text:  # "… plenary meeting 22 December 2023 Annex …" on one block
                todo.append(Unit(rest, None))
            continue
        if m := ANNEX.match(text):
            number = m.group("num")
            current = Part(f"Annex {number}" if number else "Annex", [], number, unit.block)
            annexes.append(current)
            continue
        if closing is not None and not annexes:
            after.append(unit)
            continue
        current.units.append(unit)
    return Parts(body, closing, annexes, after)


def meeting_date(text: str) -> str | None:
    """ISO date of the closing line's date ("4 December2024" read as printed)."""
    m = DATE_PARTS.fullmatch(text.strip())
    d = parse_date(" ".join(m.groups())) if m else None
    return d.isoformat() if d else None


def ends_open(text: str) -> bool:
    """No closing punctuation: a title or heading, not a paragraph."""
    return bool(text) and text[-1] not in ",;.:" and len(text) <= TITLE_MAX


def title_like(text: str) -> bool:
    """A line that can be a heading's or an annex's title."""
    return (
        ends_open(text)
        and text[:1].isupper()
        and not OPERATIVE_NUMBER.match(text)
        and not SUB_LABEL.match(text)
        and not MEETING.match(text)
    )


def annex_title(part: Part) -> tuple[list[MappedText], int]:
    """The title lines that open an annex (a title and any subtitle); return them and the
    index of the first unit after them."""
    lines: list[MappedText] = []
    i = 0
    while i < len(part.units):
        text = part.units[i].block.text
        if not title_like(text) or (SECTION_LINE.match(text) and _section_number(text)):
            break
        lines.append(part.units[i].block)
        i += 1
    return lines, i


def _section_number(text: str) -> bool:
    """Whether a SECTION_LINE match is a section number: alone, with a dot, or followed by
    an open title (never "A number of States …;")."""
    m = SECTION_LINE.match(text)
    if m is None:
        return False
    title = m.group("title")
    return title is None or ends_open(title)


def _numbered_alone(text: str) -> bool:
    """A section number that cannot be a title's first word: alone, with a full stop, or
    after "Part"/"Section" ("A secure future" is a title; "A." and "A" are numbers)."""
    m = SECTION_LINE.match(text)
    return m is not None and bool(m.group("title") is None or m.group("dot") or m.group("word"))


@dataclass
class _Heading:
    number: str | None
    title: MappedText | None
    blocks: list[MappedText]
    part: bool = False  # the letter of a part, with its own formula


def part_opening(chunks: list[list[MappedText]]) -> tuple[int, int] | None:
    """Where part A of a resolution in parts opens among the heading's chunks: a letter
    alone, at most one title chunk, then the enacting formula ("A" / "Budget appropriations
    for 2026" / "The General Assembly"); return the indexes of the letter and the formula.
    Part A's heading belongs to the body, beside part B's."""
    f = next((k for k, chunk in enumerate(chunks)
              if chunk and chunk[0].text.strip(" *_#").startswith("The General Assembly")), None)
    if f is None:
        return None
    for a in (f - 1, f - 2):
        if a >= 0 and len(chunks[a]) == 1 and PART_LETTER.match(chunks[a][0].text):
            if all(ends_open(line.text.strip()) for ch in chunks[a:f] for line in ch):
                return a, f
            return None
    return None


@dataclass(slots=True)
class _Item:
    raw: RawParagraph | None = None
    italic: str | None = None
    heading: _Heading | None = None
    quoted: bool = False  # text quoted inside the paragraph before it
    top: bool = False  # a lettered paragraph of a decision, not a sub-paragraph
    restart: bool = False  # numbering restarts at 1 here (after a heading)

    def __init__(self, raw: RawParagraph | None = None, italic: str | None = None,
                 heading: _Heading | None = None, quoted: bool = False, top: bool = False,
                 restart: bool = False) -> None:
        self.raw = raw
        self.italic = italic
        self.heading = heading
        self.quoted = quoted
        self.top = top
        self.restart = restart


def _scan_decision(units: list[Unit], markdown: bool) -> list[_Item]:
    """A decision is one paragraph ("The General Assembly, recalling …, decides …"), or a
    list of lettered ones ("The General Assembly: (a) Approves …; (b) Invites …"); what
    follows is what it approves or defers (a programme of work, a list of documents)."""
    items: list[_Item] = []
    lettered = False
    for k, unit in enumerate(units):
        raw = classify(unit.block, unit.italic, True, markdown)
        if k == 0:
            lettered = raw.kind == "sub"
            raw.kind = "sub" if lettered else "operative"
            items.append(_Item(raw=raw, italic=unit.italic))
        elif lettered and raw.kind == "sub" and all(not it.quoted for it in items[-1:]):
            items.append(_Item(raw=raw, italic=unit.italic, top=True))
        else:
            items.append(_Item(raw=raw, italic=unit.italic, quoted=True))
    return items


def _scan(units: list[Unit], markdown: bool, annex: bool) -> list[_Item]:
    """Pass 1: each unit a heading, a paragraph, or text quoted in the paragraph before."""
    items: list[_Item] = []
    seen_operative = False
    last_number = 0
    after_heading = False
    quoting = False  # inside text that the last top-level paragraph quotes
    last_top: RawParagraph | None = None
    had_heading = False
    part_restart = False  # the first number of a part (after part A) starts a new run
    skip = -1
    for i, unit in enumerate(units):
        if i <= skip:
            continue
        text = unit.block.text
        nxt = units[i + 1].block.text if i + 1 < len(units) else None
        if PART_FORMULA.match(text):
            continue
        heading = _heading(units, i, seen_operative or annex or had_heading)
        in_quote = quoting or (last_top is not None and last_top.text.text.endswith(":"))
        if heading is not None and in_quote and not _heads_paragraphs(
            units, i + len(heading.blocks), last_number
        ):
            heading = None  # a table's own headings, inside the quoted text
        if heading is not None:
            after = i + len(heading.blocks)
            heading.part = bool(PART_LETTER.match(text)) and after < len(units) and bool(
                PART_FORMULA.match(units[after].block.text))
            items.append(_Item(heading=heading))
            if heading.part:  # a part numbers its paragraphs from 1, as a text does
                part_restart = part_restart or last_number > 0
                last_number, last_top = 0, None
            had_heading = True
            skip = i + len(heading.blocks) - 1
            seen_operative = False  # a section may carry its own preamble
            after_heading, quoting = True, False
            continue
        raw = classify(unit.block, unit.italic, seen_operative, markdown)
        m = BARE_NUMBER.match(text) if raw.kind == "operative" and raw.number is None else None
        if m is not None and int(m.group("num")) == last_number + 1:
            rest = unit.block[m.end() :]
            lead = classify(rest, unit.italic, True, markdown).lead
            raw = RawParagraph("operative", m.group("num"), lead, raw.lead_italic, rest)
        if raw.kind == "operative" and raw.number is not None:
            n = int(raw.number)
            in_sequence = n == last_number + 1 or (n == 1 and (after_heading or not last_number))
            opens_quote = last_top is not None and last_top.text.text.endswith(":")
            if not in_sequence and (quoting or opens_quote) and last_top is not None:
                items.append(_Item(raw=raw, italic=unit.italic, quoted=True))
                quoting = True
                continue
            items.append(_Item(raw=raw, italic=unit.italic, restart=n == 1 and (
                part_restart or (after_heading and last_number > 0))))
            last_number, seen_operative, quoting, after_heading = n, True, False, False
            part_restart = False
            last_top = raw
            continue
        if raw.kind == "sub":
            items.append(_Item(raw=raw, italic=unit.italic, quoted=quoting))
            continue
        if quoting or (
            raw.kind == "operative" and last_top is not None and last_top.text.text.endswith(":")
            and nxt is not None and seen_operative
        ):
            items.append(_Item(raw=raw, italic=unit.italic, quoted=True))
            quoting = True
            continue
        items.append(_Item(raw=raw, italic=unit.italic))
        if raw.kind == "operative":
            seen_operative, after_heading = True, False
        last_top = raw  # a section's own preamble keeps its numbering free to restart
    return items


def _heading(units: list[Unit], i: int, bare_allowed: bool) -> _Heading | None:
    """The heading that starts at unit i, if one does: its number, title and blocks."""
    block = units[i].block
    text = block.text
    nxt = units[i + 1].block if i + 1 < len(units) else None
    if nxt is None:
        return None  # a heading always heads something
    m = SECTION_LINE.match(text)
    if m is not None and _section_number(text):
        number = f"{m.group('word')} {m.group('wnum')}" if m.group("word") else m.group("num")
        if m.group("title") is None:
            if title_like(nxt.text) and not _numbered_alone(nxt.text):
                return _Heading(number, nxt, [block, nxt])
            return _Heading(number, None, [block])
        sure = m.group("dot") or m.group("word") or (
            ROMAN_LABEL.match(number) and number != "I"
        )
        if sure or _followed_by_paragraph(nxt.text):
            return _Heading(number, block[m.start("title") :], [block])
        return None
    if (title_like(text) and len(text) <= BARE_TITLE_MAX
            and (_followed_by_paragraph(nxt.text) or _opens_preamble(nxt.text)
                 or _opens_chapeau(text, nxt.text))):
        return _Heading(None, block, [block])
    return None


def _heads_paragraphs(units: list[Unit], j: int, last_number: int) -> bool:
    """Whether the text from unit j goes on with the text's own paragraphs, past any
    further headings: a number in sequence (or 1), a formula, a preambular paragraph, a
    lettered sub-paragraph.  A
    table's rows ("A" / "Permanent members of the Security Council …") never get there."""
    for k in range(j, min(len(units), j + 8)):
        text = units[k].block.text
        if m := OPERATIVE_NUMBER.match(text):
            return int(m.group("num")) in (1, last_number + 1)
        if PART_FORMULA.match(text) or _opens_preamble(text) or SUB_LABEL.match(text):
            return True  # (a) under a heading: the lettered items of the paragraph it splits
        if not (_section_number(text) or title_like(text)):
            return False
    return False


def _opens_preamble(text: str) -> bool:
    """A preambular paragraph: a lead that can open one, a comma at the end."""
    return text.endswith(",") and can_open(text)


def _opens_chapeau(title: str, text: str) -> bool:
    """A short title over a declaration's chapeau: "Follow up" / "In order to ensure
    adequate follow-up, we:" (80/117's annex, line 885)."""
    return len(title) <= 40 and text.endswith((" we:", " we will:"))


def _followed_by_paragraph(text: str) -> bool:
    """What follows a title alone: a numbered paragraph or another heading."""
    return bool(OPERATIVE_NUMBER.match(text) or BARE_NUMBER.match(text)
                or _section_number(text))


@dataclass
class PartReading:
    paragraphs: list[tuple[Paragraph, MappedText]]  # top-level, in order
    sections: list[Section]
    restarts: bool  # operative numbers restart in each section


def read_part(
    units: list[Unit], key: str, markdown: bool, mapped_span: MappedSpan,
    sub_texts: dict[int, MappedText], annex: bool = False, decision: bool = False,
) -> PartReading:
    """Pass 2: paragraphs with their labels, sub-paragraphs and sections."""
    items = _scan_decision(units, markdown) if decision else _scan(units, markdown, annex)
    restarts = any(it.restart for it in items)
    prefix = "" if key == "resolution" else f"{key}."
    out: list[tuple[Paragraph, MappedText]] = []
    sections: list[Section] = []
    open_sections: list[Section] = []
    pp = 0
    run_scope: str | None = None
    first_pending: list[Section] = []
    for item in items:
        if item.heading is not None:
            section = _section(item.heading, sections, open_sections, key, mapped_span)
            sections.append(section)
            first_pending.append(section)
            if restarts:
                pp = 0
            if section.kind == "part":
                run_scope = section.key  # a part's numbers run from 1 from its start
            continue
        raw = item.raw
        assert raw is not None
        current = open_sections[-1].key if open_sections else None
        if item.restart or (raw.number == "1" and raw.kind == "operative" and run_scope is None):
            run_scope = current  # the section whose numbering starts again at 1
        scope = prefix + (f"{current}." if restarts and current else "")
        op_scope = prefix + (f"{run_scope}." if restarts and run_scope else "")
        if (raw.kind == "sub" or item.quoted) and out and not item.top:
            _attach(out[-1][0], raw, item.quoted, sub_texts)
            continue
        if raw.kind == "sub":  # "The General Assembly: (a) Approves …; (b) Invites …"
            label = f"{op_scope}OP({raw.number})"
            kind, number = "operative", None
        elif raw.kind == "operative":
            label = f"{op_scope}OP{raw.number}" if raw.number else f"{op_scope}OP"
            kind, number = "operative", raw.number
        else:
            pp += 1
            label = f"{scope}PP{pp}"
            kind, number = "preamble", None
        para = Paragraph(kind, label, number, raw.lead, raw.lead_italic, raw.text.text,
                         UNPLACED, section=current, part=key,
                         run=(run_scope or "") if restarts and kind == "operative" else "")
        for s in first_pending:
            s.first = label
        first_pending = []
        out.append((para, raw.text))
    return PartReading(out, sections, restarts)


def _attach(parent: Paragraph, raw: RawParagraph, quoted: bool,
            sub_texts: dict[int, MappedText]) -> None:
    """A sub-paragraph ((a), (i) under (a)) or quoted text goes into its paragraph."""
    target = parent
    if (raw.kind == "sub" and parent.subparagraphs
            and is_roman(raw.number or "", parent.subparagraphs[-1].number)):
        target = parent.subparagraphs[-1]
    if quoted and raw.kind != "sub":
        k = sum(1 for s in parent.subparagraphs if s.kind == "quoted") + 1
        label = f"{parent.label}/q{k}"
        kind = "quoted"
    elif raw.number == "•":  # bullets are counted: OP47(•1), OP47(•2)
        k = sum(1 for s in target.subparagraphs if s.number == "•") + 1
        label = f"{target.label}(•{k})"
        kind = "sub"
    else:
        label = f"{target.label}({raw.number})"
        kind = "sub"
    sub = Paragraph(kind, label, raw.number, raw.lead, raw.lead_italic, raw.text.text,
                    UNPLACED, section=parent.section, part=parent.part)
    target.subparagraphs.append(sub)
    sub_texts[id(sub)] = raw.text


def _section(heading: _Heading, sections: list[Section], open_sections: list[Section],
             part: str, mapped_span: MappedSpan) -> Section:
    """Place a heading in the outline.  Each numbering style (Part, Section, roman
    numerals, capital letters) keeps the level where it first appears: a style already
    open closes what is under it; a new one nests under the innermost heading; a title
    alone nests under the innermost numbered heading."""
    number = heading.number
    style = _style(number, open_sections)
    # the sections of a part nest under it, whatever their style
    base = 1 if open_sections and open_sections[0].kind == "part" else 0
    if heading.part:
        open_sections.clear()
    elif style is None:
        while len(open_sections) > base and open_sections[-1].number is None:
            open_sections.pop()
    else:
        at = next((k for k in range(base, len(open_sections))
                   if _style(open_sections[k].number, open_sections[:k]) == style), None)
        if at is not None:
            del open_sections[at:]
        else:
            while len(open_sections) > base and open_sections[-1].number is None:
                open_sections.pop()
    level = len(open_sections) + 1
    own = number if number is not None else f"#{len(sections) + 1}"
    key = ".".join([*(s.key.rsplit(".", 1)[-1] for s in open_sections), own])
    first, last = heading.blocks[0], heading.blocks[-1]
    a = mapped_span(first, 0, len(first.text))
    b = mapped_span(last, 0, len(last.text))
    title = " ".join(heading.title.text.split()) if heading.title is not None else None
    section = Section(key, number, title, Span(a.line, a.column, b.end_line, b.end_column,
                                                a.start, b.end), level, part,
                      kind="part" if heading.part else "section")
    open_sections.append(section)
    return section


def _style(number: str | None, open_sections: list[Section]) -> str | None:
    """ "Part", "Section", "Chapter", "roman", "letter"; None for a title alone.  "I" (or
    "V", "X", "L") right after "H" (or "U", "W", "K") is a letter, not a numeral."""
    if number is None:
        return None
    if " " in number:
        return number.split(" ", 1)[0]
    if ROMAN_LABEL.match(number):
        last = next((s.number for s in reversed(open_sections)
                     if s.number and len(s.number) == 1 and not ROMAN_LABEL.match(s.number)),
                    None)
        if len(number) == 1 and last is not None and ord(number) == ord(last) + 1:
            return "letter"
        return "roman"
    return "letter"
