"""Reading an amendment: who tables it, which draft it amends, and each instruction as data.

An amendment is not a resolution: after the heading comes "Ukraine: amendment to draft
resolution A/80/L.3", the draft's title, then numbered instructions ("1. Replace “Chernobyl”
with “Chornobyl” in the title, the preambular paragraphs and the operative paragraphs.")
or a single unnumbered one, each perhaps followed by the new paragraphs it inserts.

The instructions are read from their grammar, not their word order: the places they name
("the twenty-eighth preambular paragraph", "operative paragraph 9", "sub-paragraph (b) of
operative paragraph 3", "the title", "the title, the preambular paragraphs and the
operative paragraphs"), the verb (delete, replace, insert, add), the quoted words and
what relates them ("after “…”", "with “…”", "reading:", "at the end of").  Hard-wrapped
PDF text, Markdown and Word (rendered as Markdown by reslint.text.docx) read alike: lines
are joined, markup and footnote markers dropped, every character mapped back to the file.
"""

from __future__ import annotations

import re

from reslint._dataclass import replace
from reslint.model import Amendment, Document, Heading, Instruction, Place, Quote, Span
from reslint.text.inline import clean_block, italic_lead
from reslint.text.mapped import MappedText
from reslint.text.source import InputError, SourceText
from reslint.vocab._words import lazy_regex
from reslint.vocab.ordinals import ORDINAL_WORD_PATTERN, ordinal_to_int

# "Ukraine:* amendment to draft resolution A/80/L.3"; "…: amendments to draft resolution
# IV recommended by the Third Committee in its report A/80/555"
# the sponsors' footnote marker may stand after the colon: "*", "[^1]", "<sup>1</sup>", "¹"
NOTE = r"(?:\*+|\[\^\d{1,3}\]|<sup>\d{1,3}</sup>|[¹²³⁴⁵⁶⁷⁸⁹])?"
AMENDS = lazy_regex(
    r":\s*" + NOTE + r"\s*(?P<what>(?:revised\s+)?amendments?)\s+to\s+(?:the\s+)?"
    r"(?P<draft>draft\s+(?:resolution|decision)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
AMENDS_ANYWHERE = lazy_regex(
    r"(?m):\s*" + NOTE + r"\s*(?:revised\s+)?amendments?\s+to\s+(?:the\s+)?draft\s+"
    r"(?:resolution|decision)\b",
    re.IGNORECASE,
)
FORMULA = re.compile(r"^\s*\**\s*The\s+General\s+Assembly\s*,", re.MULTILINE)
DOC_SYMBOL = r"A/(?:[A-Z0-9.\-]+/)*\d+/(?:L\.\s?\d+|\d+)(?:/Rev\.\s?\d+)?(?:/Add\.\d+)?"
DRAFT_SYMBOL = lazy_regex(rf"\b{DOC_SYMBOL}")
REPORT = lazy_regex(
    rf"(?P<number>[IVXLC]+|\d+|[A-Z])\s+recommended\s+by\s+the\s+(?P<body>.+?)\s+in\s+its\s+"
    rf"report\s+(?P<report>{DOC_SYMBOL})",
    re.IGNORECASE | re.DOTALL,
)

SYMBOL_LINE = re.compile(rf"^\s*{DOC_SYMBOL}(?:\s*\([A-Z]+\))?\s*$")
PAGE_MARKER = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$")
JOB_NUMBER = re.compile(r"^\s*\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?\s*$")
BARCODE = re.compile(r"^\s*\*\d{7,}\*\s*$")
COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
# Footnotes of an amendment: "* Any changes to the list of sponsors …" (the sponsors' note),
# "** Report of the International Conference …", Markdown's "[^1]: …", "<sup>1</sup> …".
FOOTNOTE = re.compile(r"^\s*(?:\*{1,3}\s+\S|\[\^\d{1,3}\]:|<sup>\d{1,3}</sup>|[¹²³⁴⁵⁶⁷⁸⁹])")
NUMBER_LINE = re.compile(r"^\s*(?:\\?\*{0,2})(?P<num>\d{1,3})\\?\.(?:\*{0,2})(?:\s+|$)")

VERB = r"(?:In|Delete|Replace|Insert|Add|After|Before|At\s+the\s+(?:end|beginning)|Amend|Move)"
# An instruction starts with its verb or place, and names a paragraph, the title or quotes.
INSTRUCTION_START = lazy_regex(
    rf"^\s*\**{VERB}\b(?=.{{0,120}}?(?:paragraph|title|preamble|[“\"]))", re.IGNORECASE | re.DOTALL
)

# --- places --------------------------------------------------------------------------------
ORD = rf"(?:{ORDINAL_WORD_PATTERN}|last|\d{{1,3}}(?:st|nd|rd|th))"
SUB = r"\((?P<{0}>[a-z]{{1,2}}|[ivxl]{{1,6}})\)"
_OPS = r"(?:operative\s+)?paragraphs?"
PLACE = lazy_regex(
    r"(?P<everywhere>\bthroughout\b(?:\s+the\s+(?:(?:draft\s+)?(?:resolution|decision|text)))?"
    r"|\b(?:in\s+)?the\s+title(?:\s*,\s*|\s*,?\s+and\s+)the\s+(?:preambular|operative)\s+"
    r"paragraphs(?:(?:\s*,\s*|\s*,?\s+and\s+)the\s+(?:preambular|operative)\s+paragraphs)?"
    r"|\bthe\s+preambular\s+(?:paragraphs\s+)?and\s+(?:the\s+)?operative\s+paragraphs)"
    rf"|(?P<subs>\bsub-?paragraphs?\s+{SUB.format('sub')}(?:\s*{SUB.format('subsub')})?"
    rf"(?:\s*(?:,|and)\s*\((?P<submore>[a-z]{{1,2}}|[ivxl]{{1,6}})\))?\s+(?:of|to|in)\s+)?"
    rf"(?:(?P<pp>\bthe\s+(?P<ords>{ORD}(?:\s*(?:,|and|,\s*and)\s+{ORD})*)\s+preambular\s+"
    r"paragraphs?\b)"
    rf"|(?P<ppn>\bpreambular\s+paragraphs?\s+(?P<ppnums>\d{{1,3}}(?:\s*(?:,|and|to)\s*\d{{1,3}})*)\b)"
    rf"|(?P<op>\b(?P<opword>operative\s+)?paragraphs?\s+(?P<nums>\d{{1,3}}"
    rf"(?:\s*(?:,|and|to|,\s*and)\s*\d{{1,3}})*)(?:\s*{SUB.format('opsub')})?"
    rf"(?:\s*{SUB.format('opsubsub')})?(?!\s*/))"
    r"|(?P<opord>\bthe\s+(?P<opords>" + ORD + r")\s+operative\s+paragraph\b)"
    r"|(?P<title>\bthe\s+title\b))",
    re.IGNORECASE,
)
NUMBERS = re.compile(r"\d{1,3}")
ORD_WORDS = lazy_regex(ORD, re.IGNORECASE)
RANGE = re.compile(r"(\d{1,3})\s*to\s*(\d{1,3})")

COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}
NEW_PARAGRAPHS = lazy_regex(
    r"\b(?:(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:new\s+)?"
    r"(?:the\s+following\s+(?:(?P<count2>two|three|four|five|six)\s+)?(?:new\s+)?)?"
    r"(?P<kind>preambular|operative)?\s*(?P<sub>sub-?)?paragraphs?\b",
    re.IGNORECASE,
)
NEW_WORD = lazy_regex(r"\bnew\b|\bthe\s+following\b|\bas\s+follows\b|\bto\s+read\b|:\s*$",
                      re.IGNORECASE)
_KINDS = {"preambular": "preamble", "operative": "operative", "sub": "sub"}
AS_PARAGRAPH = lazy_regex(r"\bas\s+(?:a\s+|the\s+)?(?:new\s+)?(?:\w+[\w-]*\s+)?"
                          r"(?P<kind>preambular|operative)\s+paragraph", re.IGNORECASE)
DESCRIBED = lazy_regex(r"\b(?:sentences?|clauses?|phrases?|lines?)\s+(?:of|in)\b|\b(?:the\s+)?"
                       r"(?:rest|remainder|end)\s+of\s+the\s+sentence\b", re.IGNORECASE)
TO_READ = lazy_regex(r"\b(?:shall|should|would|to|will)\s+read\b|\bread\s+as\s+follows\b",
                     re.IGNORECASE)
ACTION = lazy_regex(r"\b(?P<verb>delete|replace|insert|add|amend)\b", re.IGNORECASE)
ENDPOINT = lazy_regex(r"\bat\s+the\s+(?P<pos>end|beginning)\b", re.IGNORECASE)
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’"}
FILL = "\x00"  # quoted words in the skeleton: the grammar never reads inside quotes


def looks_like_amendment(text: str) -> bool:
    """An amendment names, before any enacting formula, the draft it amends ("Ukraine:
    amendment to draft resolution A/80/L.3").  Cheap on resolutions: a substring test."""
    if "mendment" not in text:
        return False
    m = AMENDS_ANYWHERE().search(text)
    if m is None:
        return False
    formula = FORMULA.search(text)
    return formula is None or formula.start() > m.start()


# --- lines and blocks ------------------------------------------------------------------------

def _lines(source: SourceText) -> list[tuple[int, str, str]]:
    """(start offset, text, kind) of each line: kind is "text", "blank", "furniture" or
    "footnote" (a footnote's first line and the lines that continue it)."""
    out: list[tuple[int, str, str]] = []
    in_note = False
    for start, text in source.lines():
        if not text.strip():
            out.append((start, text, "blank"))
            in_note = False
        elif (COMMENT.match(text) or PAGE_MARKER.match(text) or JOB_NUMBER.match(text)
              or BARCODE.match(text) or SYMBOL_LINE.match(text) or RULE.match(text)):
            out.append((start, text, "furniture"))
        elif FOOTNOTE.match(text) or in_note:
            out.append((start, text, "footnote"))
            in_note = True
        else:
            out.append((start, text, "text"))
    return out


def _join(lines: list[tuple[int, str]]) -> MappedText:
    """Hard-wrapped lines as one text (a synthetic space between them), every character
    mapped to the file."""
    parts: list[MappedText] = []
    for start, text in lines:
        if parts:
            parts.append(MappedText.synthetic(" ", start))
        parts.append(MappedText.original(text, start))
    return MappedText.join(parts)


def _blocks(lines: list[tuple[int, str, str]]) -> list[list[tuple[int, str]]]:
    """Runs of text lines; blank lines, furniture and footnotes end a run, and so does a
    line that starts a numbered instruction."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for start, text, kind in lines:
        if kind != "text":
            if current:
                blocks.append(current)
            current = []
            continue
        starts_item = bool(NUMBER_LINE.match(text)) and _numbered_instruction(text)
        after_colon = bool(current) and current[-1][1].rstrip().endswith(":")
        if current and (starts_item or after_colon):
            blocks.append(current)
            current = []
        current.append((start, text))
    if current:
        blocks.append(current)
    return blocks


def _numbered_instruction(line: str) -> bool:
    """ "3." alone on its line (PDF), or "10. In operative paragraph 33, …"; not a
    numbered paragraph that an instruction quotes ("5. Decides …")."""
    m = NUMBER_LINE.match(line)
    assert m is not None
    rest = line[m.end():]
    return not rest.strip() or bool(INSTRUCTION_START().match(rest))


# --- reading --------------------------------------------------------------------------------

def parse_amendment(source: SourceText) -> Document:
    """The amendment as a Document of kind "amendment": its heading (its own symbol,
    session, agenda item, sponsors, the draft's title as repeated) and `amendment`."""
    lines = _lines(source)
    blocks = [_join(b) for b in _blocks(lines)]

    def span(start: int, end: int) -> Span:
        return source.span(start, end)

    def mspan(text: MappedText, s: int, e: int) -> Span:
        return span(*text.orig_span(s, e))

    heading = Heading()
    for start, text, kind in lines:
        if kind == "furniture" and SYMBOL_LINE.match(text):
            m = DRAFT_SYMBOL().search(text)
            if m:
                heading.symbol = re.sub(r"\s+", "", m.group())
                heading.symbol_span = span(start + m.start(), start + m.end())
            break
    at = next((i for i, b in enumerate(blocks) if AMENDS().search(b.text)), None)
    if at is None:  # looks_like_amendment saw it in a footnote or a comment: not ours
        raise InputError(source.path, "no amendment found: no line names the draft amended")
    _read_heading(blocks[:at], heading, mspan)
    block = tidy_text(blocks[at])
    m = AMENDS().search(block.text)
    assert m is not None
    heading.sponsors = _sponsors(block.text[: m.start()])
    draft_text = " ".join(m.group("draft").split())
    sym = DRAFT_SYMBOL().search(block.text, m.start("draft"))
    report = REPORT().search(block.text, m.start("draft"))
    amendment = Amendment(
        sponsors=heading.sponsors,
        draft_symbol=re.sub(r"\s+", "", sym.group()) if sym and not report else None,
        draft_symbol_span=mspan(block, sym.start(), sym.end()) if sym and not report else None,
        draft_name=draft_text,
        report=re.sub(r"\s+", "", report.group("report")) if report else None,
        draft_number=report.group("number") if report else None,
        title=None, title_span=None,
        span=mspan(block, 0, len(block.text)),
    )
    rest = blocks[at + 1:]
    if rest and not _is_instruction(rest[0]):
        title = tidy_text(rest[0])
        amendment.title = title.text
        amendment.title_span = mspan(title, 0, len(title.text))
        heading.title = title.text
        heading.title_span = amendment.title_span
        rest = rest[1:]
    styled = _shows_italics(source, lines)
    amendment.instructions = _instructions(rest, mspan, styled)
    _attach_notes(source.text, amendment.instructions, _notes(lines), styled)
    heading.formula_span = None
    return Document(
        path=source.path, kind="amendment", source=source, style="amendment", heading=heading,
        preamble=[], operative=[], footnotes=[], citations=[], recalled=[], recalled_span=None,
        symbols=[], next_session=None, next_session_span=None, meeting=None, clean="",
        clean_map=MappedText("", []), amendment=amendment,
    )


def _shows_italics(source: SourceText, lines: list[tuple[int, str, str]]) -> bool:
    """Whether a roman lead in this amendment is known to be roman.  Text extracted from a
    PDF (the PDF itself, or its text, which the page furniture shows: job number, barcode,
    "2/3") has no italics at all: the lead's style is then unknown (`lead_italic` None),
    never "not italic".  Markdown and Word (read as Markdown) show italics."""
    if source.path.lower().endswith(".pdf"):
        return False
    return not any(kind == "furniture" and (JOB_NUMBER.match(t) or BARCODE.match(t)
                                            or PAGE_MARKER.match(t)) for _, t, kind in lines)


# --- footnotes of the words an amendment puts in ----------------------------------------------

NOTE_LABEL = re.compile(r"^\s*(?:(?P<stars>\*{2,3})\s+|\[\^(?P<caret>\d{1,3})\]:\s*|"
                        r"<sup>(?P<sup>\d{1,3})</sup>\s*|(?P<uni>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})\s*)")
NOTE_MARKER = re.compile(r"(?<=[^\s*])(?P<stars>\*{2,3})(?![*\w])|\[\^(?P<caret>\d{1,3})\]"
                         r"|<sup>(?P<sup>\d{1,3})</sup>|(?P<uni>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _note_key(m: re.Match[str]) -> str:
    if m.group("stars"):
        return m.group("stars")
    digits = m.group("caret") or m.group("sup") or m.group("uni") or ""
    return "^" + digits.translate(SUPERSCRIPT_DIGITS)


def _notes(lines: list[tuple[int, str, str]]) -> dict[str, str]:
    """The amendment's footnotes but the sponsors' ("*"), by marker: "**" -> "Report of
    the International Conference …", "^1" -> … (a Markdown "[^1]: …")."""
    out: dict[str, str] = {}
    key: str | None = None
    for _, text, kind in lines:
        if kind != "footnote":
            key = None
            continue
        m = NOTE_LABEL.match(text)
        if m:
            key = _note_key(m)
            out[key] = text[m.end():].strip()
        elif key is not None:
            out[key] = f"{out[key]} {text.strip()}"
    return {k: " ".join(tidy_text(MappedText.original(v, 0)).text.split())
            for k, v in out.items()}


def _attach_notes(text: str, instructions: list[Instruction], notes: dict[str, str],
                  styled: bool) -> None:
    """Each new word or paragraph keeps the footnotes its markers call: (where the marker
    stood in the quote's clean text, the footnote's text).  A marker that cannot be placed
    is a problem of the instruction, never a footnote silently lost."""
    if not notes:
        return
    for ins in instructions:
        for q in ins.new:
            raw = text[q.span.start:q.span.end]
            for m in NOTE_MARKER.finditer(raw):
                key = _note_key(m)
                if key not in notes or (m.group("stars") and styled):
                    continue
                pos = _clean_length(text[q.span.start:q.span.start + m.start()], q.text)
                if pos is None:
                    ins.problems.append(f"the footnote marker {m.group()} in the new text "
                                        "cannot be placed: add the footnote by hand")
                    continue
                q.notes.append((pos, notes[key]))


def _clean_length(prefix: str, clean: str) -> int | None:
    """How many characters of a quote's clean text the source `prefix` of it gives (the
    marker's place), or None when the clean prefix is not the start of the quote."""
    words = " ".join(tidy_text(MappedText.original(prefix, 0)).text.split())
    words = words.lstrip("“\"‘ ").strip()
    if not words:
        return 0
    at = len(words)
    return at if clean[:at] == words else None


def tidy_text(text: MappedText) -> MappedText:
    """Markup and footnote markers out ("Development** and" reads "Development and"),
    spaces folded, look-alike hyphens and spaces mapped."""
    return clean_block(text, [])


SESSION = lazy_regex(rf"^(?P<word>{ORDINAL_WORD_PATTERN})\s+session\b", re.IGNORECASE)
AGENDA = re.compile(r"^Agenda\s+items?\s+(?P<item>.+?)\s*$", re.IGNORECASE)
# The committee's name as an adopted text's "[on the report of the Third Committee (…)]"
# gives it: "Third", without the word "Committee".
COMMITTEE = re.compile(
    r"^(?P<c>First|Second|Third|Fourth|Fifth|Sixth"
    r"|Special\s+Political\s+and\s+Decolonization)\s+Committee\s*$", re.IGNORECASE)


def _read_heading(blocks: list[MappedText], heading: Heading, mspan) -> None:  # type: ignore[no-untyped-def]
    """Session, committee, agenda item and its title from the heading's lines."""
    for block in blocks:
        lines = _split_joined(block)
        for i, (s, e) in enumerate(lines):
            text = block.text[s:e].strip()
            if m := SESSION().match(text):
                heading.session = ordinal_to_int(m.group("word"))
                heading.session_word = m.group("word")
                heading.session_span = mspan(block, s, s + len(m.group("word")))
            elif m := COMMITTEE.match(text):
                heading.committee = " ".join(m.group("c").split())
            elif m := AGENDA.match(text):
                heading.agenda_item = m.group("item")
                heading.agenda_span = mspan(block, s, e)
                rest = " ".join(block.text[s2:e2].strip() for s2, e2 in lines[i + 1:])
                heading.item_title = " ".join(rest.split()) or None
                break


def _split_joined(block: MappedText) -> list[tuple[int, int]]:
    """The original lines of a joined block, as (start, end) in its text: a synthetic
    joining space maps to the start of the line it joins."""
    out: list[tuple[int, int]] = []
    start = 0
    offsets = block.offsets
    for i in range(1, len(block.text)):
        if block.text[i] == " " and i + 1 < len(offsets) and offsets[i] == offsets[i + 1]:
            out.append((start, i))
            start = i + 1
    out.append((start, len(block.text)))
    return out


def _sponsors(text: str) -> list[str]:
    text = " ".join(text.replace("*", " ").split()).strip(" ,:")
    head, sep, last = text.rpartition(" and ")
    names = [n.strip() for n in head.split(",")] if sep else []
    names.append(last.strip() if sep else text)
    return [n for n in names if n]


def _is_instruction(block: MappedText) -> bool:
    text = block.text
    if m := NUMBER_LINE.match(text):
        return _numbered_instruction(text) or not text[m.end():].strip()
    return bool(INSTRUCTION_START().match(text))


def _instructions(blocks: list[MappedText], mspan, styled: bool = False  # type: ignore[no-untyped-def]
                  ) -> list[Instruction]:
    """Group blocks into instructions (each with the paragraphs that follow it), then read
    each one."""
    # pieces are joined once at the end: a long run of cut blocks stays linear
    groups: list[tuple[list[MappedText], list[list[MappedText]]]] = []
    for block in blocks:
        if _is_instruction(block) or not groups:
            if groups and not groups[-1][1] and _continues(groups[-1][0][-1], block):
                groups[-1][0].extend([_space(block), block])
                continue
            groups.append(([block], []))
        else:
            head, content = groups[-1]
            if content and _continues(content[-1][-1], block):
                content[-1].extend([_space(block), block])
            elif not content and not head[-1].text.rstrip().endswith(":") and \
                    _continues(head[-1], block):
                head.extend([_space(block), block])
            else:
                content.append([block])
    out: list[Instruction] = []
    for head, content in groups:
        out.extend(read_instruction(MappedText.join(head),
                                    [MappedText.join(c) for c in content], mspan, styled))
    return out


def _space(block: MappedText) -> MappedText:
    return MappedText.synthetic(" ", block.offsets[0] if len(block.offsets) else 0)


def _continues(before: MappedText, after: MappedText) -> bool:
    """A paragraph a page break cut: the first part does not close, the second goes on in
    lower case."""
    end = before.text.rstrip()
    start = after.text.lstrip()
    return bool(end) and bool(start) and end[-1] not in ",;.:”\"" and not start[0].isupper()


def read_instruction(head: MappedText, content: list[MappedText], mspan,  # type: ignore[no-untyped-def]
                     styled: bool = False) -> list[Instruction]:
    """One instruction (or one per place, for "Delete operative paragraphs 5 and 6").
    `styled`: the source shows italics (Markdown, Word), so a lead not in italics is
    known to be roman."""
    number = None
    m = NUMBER_LINE.match(head.text)
    if m:
        number = int(m.group("num"))
        head = head[m.end():]
    text = tidy_text(head)
    if not text.text:
        return []
    quotes = _quotes(text.text)
    skeleton = _skeleton(text.text, quotes)
    clauses = _clauses(skeleton)
    if len(clauses) > 1:
        # "In operative paragraph 5, replace “a” with “b” and delete “c”": one instruction
        # per action, each with the place named before the first
        out: list[Instruction] = []
        prefix = text[:clauses[0][0]]
        inherited: list[Place] = []
        for k, (s, e) in enumerate(clauses):
            part = text[:e] if k == 0 else MappedText.join([prefix, text[s:e]])
            last = k == len(clauses) - 1
            got = _read_clause(number, part, content if last else [], mspan, styled,
                               inherited)
            if k == 0 and got and got[0].place is not None:
                inherited = [got[0].place]
            out.extend(got)
        return out
    return _read_clause(number, text, content, mspan, styled, [])


CONNECTOR = re.compile(r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)$", re.IGNORECASE)


def _clauses(skeleton: str) -> list[tuple[int, int]]:
    """(start, end) of each action of a compound instruction: a verb after the first
    starts a clause when "and", a comma or a semicolon joins it to the one before."""
    verbs = list(ACTION().finditer(skeleton))
    if len(verbs) < 2:
        return [(0, len(skeleton))]
    cuts = [0]
    ends = []
    for v in verbs[1:]:
        joint = CONNECTOR.search(skeleton[:v.start()])
        if joint is None:
            continue
        ends.append(joint.start())
        cuts.append(v.start())
    ends.append(len(skeleton))
    first_verb = verbs[0].start()
    spans = list(zip(cuts, ends, strict=True))
    if len(spans) > 1:
        spans[0] = (first_verb, spans[0][1])  # the place before it is every clause's prefix
    return spans


def _read_clause(number: int | None, text: MappedText, content: list[MappedText],  # type: ignore[no-untyped-def]
                 mspan, styled: bool, inherited: list[Place]) -> list[Instruction]:
    """One action of an instruction (see read_instruction)."""
    whole = mspan(text, 0, len(text.text))
    quotes = _quotes(text.text)
    skeleton = _skeleton(text.text, quotes)

    def quote(i: int) -> Quote:
        s, e = quotes[i]
        inner = _strip_quote_marks(text.text[s:e])
        return Quote(inner, mspan(text, s, e))

    places = _places(skeleton, text, mspan) or list(inherited)
    verb_m = ACTION().search(skeleton)
    verb = verb_m.group("verb").lower() if verb_m else ""
    if not verb and TO_READ().search(skeleton):  # "Operative paragraph 4 shall read:"
        verb = "amend"
    problems: list[str] = []
    if not verb:
        problems.append("no action (delete, replace, insert, add) is named")
    elif DESCRIBED().search(skeleton) and (
            (verb == "delete" and not quotes) or (verb == "replace" and len(quotes) < 2)):
        # "Delete the last sentence of operative paragraph 5": which words is not data
        problems.append("the words are described, not quoted: quote them")
    new_blocks = [_new_paragraph(b, mspan, styled) for b in content]
    new_blocks = [q for q in new_blocks if q.text]

    def after_word(word_re: str) -> int | None:
        """The quote right after "with", "after the words" …"""
        for i, (s, _) in enumerate(quotes):
            if re.search(rf"\b(?:{word_re})(?:\s+the\s+(?:words?|phrase|text|following"
                         rf"(?:\s+(?:words|text))?))?\s*[,:]?\s*$",
                         skeleton[:s], re.IGNORECASE):
                return i
        return None

    ins = Instruction(number=number, action=verb or "unknown", target="words", place=None,
                      text=text.text, span=whole, problems=problems)
    everywhere = next((p for p in places if p.part == "everywhere"), None)
    new_phrase = _new_phrase(skeleton, quotes)
    end_m = ENDPOINT().search(skeleton)
    if verb == "add":
        ins.action = "insert"
        ins.position = end_m.group("pos") if end_m else "end"
    if verb == "replace":
        with_i = after_word("with|by")
        old_i = next((i for i in range(len(quotes)) if i != with_i), None)
        if everywhere is not None or (old_i is not None and (with_i is None or old_i < with_i)):
            ins.target = "words"
            ins.old = quote(old_i) if old_i is not None else None
            ins.new = [quote(with_i)] if with_i is not None else new_blocks[:1]
        else:
            ins.target = "paragraph"
            ins.new = [quote(with_i)] if with_i is not None else new_blocks
    elif verb == "delete":
        reading_i = after_word("reading|reads|:")
        others = [i for i in range(len(quotes)) if i != reading_i]
        if others:
            ins.old = quote(others[0])
        else:
            ins.target = "paragraph"
            if reading_i is not None:
                ins.old = quote(reading_i)
            elif new_blocks:
                ins.old = new_blocks[0]
    elif verb in ("insert", "add"):
        anchor_i = after_word("after|before")
        if anchor_i is not None:
            s = quotes[anchor_i][0]
            ins.position = re.findall(r"\b(after|before)\b", skeleton[:s],
                                      re.IGNORECASE)[-1].lower()
            ins.anchor = quote(anchor_i)
        rest = [i for i in range(len(quotes)) if i != anchor_i]
        as_m = AS_PARAGRAPH().search(skeleton)
        if as_m and new_phrase is None:
            new_phrase = (_KINDS[as_m.group("kind").lower()], len(new_blocks) or 1)
        if new_phrase is not None and (not rest or new_blocks):
            ins.target = "paragraph"
            ins.kind, ins.count = new_phrase
            ins.new = new_blocks or [quote(i) for i in rest]
            rel = re.search(r"\b(after|before)\s+(?=(?:the\s+\w+[\w-]*\s+)?"
                            r"(?:preambular|operative|sub-?paragraph|paragraph))",
                            skeleton, re.IGNORECASE)
            if as_m:
                ins.position = "before"  # "as operative paragraph 5": before the 5th as issued
            elif rel:
                ins.position = rel.group(1).lower()
            elif end_m:
                ins.position = end_m.group("pos")
            elif ins.position is None:
                ins.position = "after"
        else:
            ins.new = [quote(rest[0])] if rest else new_blocks[:1]
            if ins.position is None:
                ins.position = end_m.group("pos") if end_m else None
            if ins.position is None:
                problems.append("the place of the inserted words is not named "
                                "(after/before “…”, at the end)")
    if verb == "amend":
        ins.action = "replace"
        ins.target = "paragraph"
        ins.new = new_blocks
    if not ins.new and (ins.action in ("insert",) or (ins.action == "replace")):
        problems.append("no new text is given")
    # where
    named = [p for p in places if p.part != "everywhere"]
    if everywhere is not None:
        ins.place = everywhere
    if ins.target == "paragraph" and ins.kind is None and named:
        ins.kind = "sub" if named[0].sub else named[0].part
    if ins.target == "paragraph" and ins.kind is None:
        ins.kind = new_phrase[0] if new_phrase else None
    if ins.place is None and not named:
        if ins.target == "paragraph" and ins.action == "insert" and ins.position in ("end",
                                                                                     "beginning"):
            ins.place = Place(ins.kind or "operative", None, "", whole)
        else:
            problems.append("no paragraph or title is named")
        return [ins]
    if ins.place is not None:
        return [ins]
    out = []
    for place in named:
        out.append(replace(ins, place=place, problems=list(problems), new=list(ins.new)))
    return out or [ins]


def _new_phrase(skeleton: str, quotes: list[tuple[int, int]]) -> tuple[str | None, int] | None:
    """("operative", 2) for "insert two new operative paragraphs", or None when the
    instruction inserts words, not paragraphs."""
    if not NEW_WORD().search(skeleton):
        return None
    for m in NEW_PARAGRAPHS().finditer(skeleton):
        before = skeleton[max(0, m.start() - 12):m.start()]
        if not re.search(r"\bnew\s*$|following\s*$", before + " ", re.IGNORECASE) and \
                "new" not in m.group(0).lower() and "following" not in m.group(0).lower():
            continue
        count = COUNTS.get((m.group("count") or m.group("count2") or "").lower())
        if count is None:
            count = 2 if m.group(0).lower().endswith("paragraphs") else 1
        kind = m.group("kind")
        if m.group("sub"):
            kind = "sub"
        return (_KINDS[kind.lower()] if kind else None), count
    return None


def _new_paragraph(block: MappedText, mspan, styled: bool) -> Quote:  # type: ignore[no-untyped-def]
    italic = italic_lead(block)
    text = tidy_text(block)
    s, e = 0, len(text.text)
    # “Stressing …,” given in quotes: the quote marks are not the paragraph's
    if text.text[:1] in QUOTE_PAIRS:
        close = QUOTE_PAIRS[text.text[0]]
        end = text.text.rstrip(".;").rstrip()
        if end.endswith(close):
            s, e = 1, len(end) - 1
    inner = text[s:e].strip()
    lead_italic = True if italic is not None else (False if styled else None)
    return Quote(inner.text, mspan(inner, 0, len(inner.text)), lead_italic)


def _quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level quotation, marks included.  Curly quotes nest
    (“… entitled “…” …”): a closing mark closes the innermost."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    if "“" in text:
        for i, ch in enumerate(text):
            if ch == "“":
                if depth == 0:
                    start = i
                depth += 1
            elif ch == "”" and depth:
                depth -= 1
                if depth == 0:
                    out.append((start, i + 1))
        if depth:  # an unclosed quotation runs to the end
            out.append((start, len(text)))
        return out
    for m in re.finditer(r'"[^"]*"', text):
        out.append((m.start(), m.end()))
    return out


def _strip_quote_marks(text: str) -> str:
    if text[:1] in QUOTE_PAIRS:
        text = text[1:]
    if text[-1:] in ("”", '"', "’"):
        text = text[:-1]
    return text.strip()


def _skeleton(text: str, quotes: list[tuple[int, int]]) -> str:
    """The instruction with quoted words blanked out (same length), so that the grammar
    never reads a place or a verb inside a quotation."""
    chars = list(text)
    for s, e in quotes:
        for i in range(s + 1, e - 1):
            chars[i] = FILL
    return "".join(chars)


def _places(skeleton: str, text: MappedText, mspan) -> list[Place]:  # type: ignore[no-untyped-def]
    out: list[Place] = []
    for m in PLACE().finditer(skeleton):
        span = mspan(text, m.start(), m.end())
        words = text.text[m.start():m.end()]
        if m.group("everywhere"):
            parts = tuple(p for p, w in (("title", "title"), ("preamble", "preambular"),
                                          ("operative", "operative"))
                          if w in words.lower()) or ("title", "preamble", "operative")
            out.append(Place("everywhere", None, words, span, (), parts))
            continue
        sub = tuple(s for s in (m.group("sub"), m.group("subsub")) if s)
        more = m.group("submore")
        if m.group("pp"):
            numbers = [_ordinal(w.group()) for w in ORD_WORDS().finditer(m.group("ords"))]
            for n in numbers:
                out.append(Place("preamble", n, words, span, sub))
        elif m.group("ppn"):
            for n in _numbers(m.group("ppnums")):
                out.append(Place("preamble", n, words, span, sub))
        elif m.group("op"):
            if not m.group("opword") and m.group(0).lower().startswith("paragraphs") is False \
                    and re.search(r"preambular\s*$", skeleton[:m.start()], re.IGNORECASE):
                continue
            nums = _numbers(m.group("nums"))
            opsub = tuple(s for s in (m.group("opsub"), m.group("opsubsub")) if s)
            for n in nums:
                out.append(Place("operative", n, words, span, sub or opsub))
        elif m.group("opord"):
            out.append(Place("operative", _ordinal(m.group("opords")), words, span, sub))
        elif m.group("title"):
            out.append(Place("title", None, words, span))
        if more and out:
            last = out[-1]
            out.append(Place(last.part, last.number, words, span, (*last.sub[:-1], more)))
    return out


def _ordinal(word: str) -> int | None:
    word = word.strip().lower()
    if word == "last":
        return -1
    if m := re.match(r"(\d+)(?:st|nd|rd|th)$", word):
        return int(m.group(1))
    return ordinal_to_int(word)


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*(?:,\s*and|,|and)\s*", text):
        if m := RANGE.fullmatch(part.strip()):
            a, b = int(m.group(1)), int(m.group(2))
            out.extend(range(a, b + 1) if a <= b and b - a < 200 else [a, b])
        else:
            out.extend(int(n) for n in NUMBERS.findall(part))
    return out


# --- as data ---------------------------------------------------------------------------------

def _quote_json(q: Quote | None) -> dict[str, object] | None:
    if q is None:
        return None
    data: dict[str, object] = {"text": q.text, "line": q.span.line, "column": q.span.column}
    if q.lead_italic is not None:
        data["lead_italic"] = q.lead_italic
    return data


def place_json(p: Place | None) -> dict[str, object] | None:
    if p is None:
        return None
    data: dict[str, object] = {"part": p.part, "number": p.number, "text": p.text,
                               "line": p.span.line, "column": p.span.column}
    if p.sub:
        data["sub"] = list(p.sub)
    if p.parts:
        data["parts"] = list(p.parts)
    return data


def amendment_to_json(a: Amendment) -> dict[str, object]:
    """What `reslint parse` shows of an amendment (under the key "amendment")."""
    return {
        "sponsors": a.sponsors,
        "draft": a.draft_name,
        "draft_symbol": a.draft_symbol,
        "report": a.report,
        "draft_number": a.draft_number,
        "title": a.title,
        "instructions": [
            {
                "number": i.number, "action": i.action, "target": i.target,
                "place": place_json(i.place), "position": i.position,
                "kind": i.kind, "count": i.count,
                "old": _quote_json(i.old), "anchor": _quote_json(i.anchor),
                "new": [_quote_json(q) for q in i.new],
                "text": i.text, "line": i.span.line, "end_line": i.span.end_line,
                "problems": i.problems,
            }
            for i in a.instructions
        ],
    }


def amendment_to_text(a: Amendment) -> list[str]:
    lines = [f"  amends: {a.draft_name}", f"  instructions: {len(a.instructions)}"]
    for i in a.instructions:
        where = i.place.text if i.place else "?"
        lines.append(f"  {('#' + str(i.number)) if i.number else '':>4} line {i.span.line:>4}: "
                     f"{i.action} {i.target} [{where}]"
                     + (f" {i.position}" if i.position else "")
                     + (f" old “{i.old.text[:40]}”" if i.old else "")
                     + (f" anchor “{i.anchor.text[:40]}”" if i.anchor else "")
                     + "".join(f" new “{q.text[:40]}”" for q in i.new))
        lines.extend(f"       problem: {p}" for p in i.problems)
    return lines
