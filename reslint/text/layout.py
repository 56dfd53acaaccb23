"""From lines to blocks: page furniture and footnote texts out, hard-wrapped lines joined.

Markdown from converters and text extracted from the official PDF differ in layout but not
in structure, so one line classifier serves both: each line is furniture (page headers and
footers, job numbers, barcodes, rules, comments), a footnote text, blank, or content.
Content lines are grouped into blocks (one paragraph each); a block that a page break
interrupts goes on after the break.
"""

from __future__ import annotations

import re
from collections import Counter

from reslint._dataclass import dataclass, field
from reslint.text.mapped import MappedText, run_offsets
from reslint.text.source import SourceText
from reslint.vocab._words import lazy_regex
from reslint.vocab.ordinals import word_char_at

PAGE_MARKER = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
JOB_NUMBER = re.compile(r"^\s*\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?\s*$")
BARCODE = re.compile(r"^\s*\*\d{7,}\*\s*$")
# Patterns that only some layouts need (PDF pages, no enacting formula) compile on first
# use: compiling them all costs every run a few milliseconds.
SYMBOL_LINE = lazy_regex(r"^\s*[A-Z]+/[A-Z0-9./\-]+(?:\s*\([A-Z]+\))?\s*$")
FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
HR_LINE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
PDF_FOOTNOTE = lazy_regex(r"^\s*(\d{1,3})(?:\s+|(?=[A-Z*]))(\S.*)$")
# A footnote text never starts with a month, a dash or a conjunction: a line of the footnote
# area that does ("3 – 14 June 1992", "17 March 2022", "18 and 25 October 2024") goes on
# the footnote above it, whose text stopped short of its full stop ("Rio de Janeiro,").
DATE_GOES_ON = lazy_regex(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|[–—-]|(?:and|to|or)\s"
)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
MD_FOOTNOTE = re.compile(
    r"^\s*(?:<sup>(?P<sup>\d{1,3})</sup>|(?P<uni>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[\^(?P<caret>\d{1,3})\]:)"
    r"\s*(?P<text>.*)$"
)
OPERATIVE_START = re.compile(r"^\s*\d{1,3}\.(?:\s|$)")
SUB_START = re.compile(r"^\s*\((?:[a-z]{1,2}|[ivxl]{1,6})\)(?:\s|$)")
# Lines that open a unit of the document's grammar whatever precedes them: the closing
# "50th (resumed) plenary meeting" (PDF text sometimes glues it to the last paragraph),
# an "Annex"/"Annex II" line, and a section number alone on its line ("IV", "B.").
MEETING_START = re.compile(
    r"^[\s*_]*\d{1,3}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting\b", re.IGNORECASE
)
ANNEX_START = re.compile(r"^[\s*_#]*Annex(?:es)?(?:\s+[IVXL]+)?[\s*_]*$")
SECTION_START = re.compile(
    r"^[\s*_#]*(?:(?:Part|Section|Chapter)\s+(?:[IVXL]{1,6}|\d{1,2}[A-Z]?)|[IVXL]{1,6}|[A-Z])"
    r"\.?[\s*_]*$"
)
# Any of the five, in one pattern: tried on every body line.
STARTS_UNIT = re.compile("|".join(
    f"(?:{p.pattern})" for p in (OPERATIVE_START, SUB_START, ANNEX_START, SECTION_START)
) + f"|(?i:{MEETING_START.pattern})")
# After a page break, a paragraph that stopped at a comma goes on unless the next line
# can open a preambular paragraph: a participle, an adjective of the preamble, an adverb.
OPENING_ENDINGS = ("ing", "ed")
OPENING_WORDS = frozenset((
    "Further", "Also", "Deeply", "Gravely", "Strongly", "Firmly", "Fully", "Seriously",
    "Profoundly", "Mindful", "Aware", "Conscious", "Cognizant", "Convinced", "Desirous",
    "Determined", "Bearing", "Noting", "Alarmed", "Concerned", "Reaffirming", "Recalling",
    "Taking", "Having", "Guided", "Encouraged", "Reiterating",
))
FORMULA = re.compile(r"The\s+General\s+Assembly")
# Words that open a preambular paragraph.  After a line ending with a comma, a line that
# starts with one of them starts a new paragraph even without a blank line between (PDF
# extraction sometimes loses it); mid-sentence these words are not capitalised.
PREAMBLE_LEADS = (
    "Recalling|Reaffirming|Noting|Welcoming|Recognizing|Mindful|Conscious|Concerned|Deeply|"
    "Bearing|Taking|Having|Stressing|Emphasizing|Convinced|Aware|Determined|Acknowledging|"
    "Expressing|Underlining|Underscoring|Affirming|Deploring|Alarmed|Believing|Considering|"
    "Desiring|Encouraged|Guided|Honouring|Reiterating|Re-emphasizing|Gravely|Appreciating|"
    "Commending|Cognizant|Welcoming|Highlighting|Acknowledging|Reaffirming"
)
BODY_START = lazy_regex(rf"^\s*(?:\*?(?:{PREAMBLE_LEADS})\b|1\.\s)")
_PREAMBLE_WORDS = tuple(PREAMBLE_LEADS.split("|"))
# A paragraph's closing punctuation, possibly followed by its footnote marker.
ENDED = lazy_regex(r"[,;.:]\*?(?:\s*\d{1,3}|<sup>\d{1,3}</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\^\d{1,3}\])?$")


@dataclass(slots=True)
class FootnoteText:
    number: int
    text: MappedText  # the footnote text, unstripped of inline Markdown
    line_start: int  # original offset where the footnote line starts
    style: str  # "pdf", "sup", "unicode", "caret"

    def __init__(self, number: int, text: MappedText, line_start: int, style: str) -> None:
        self.number = number
        self.text = text
        self.line_start = line_start
        self.style = style


@dataclass
class Layout:
    heading: list[list[MappedText]]  # chunks of heading lines (blank lines and ** split them)
    blocks: list[MappedText]  # body paragraphs, raw inline Markdown still in
    footnotes: list[FootnoteText]
    comments: list[tuple[int, str]]  # (line number, comment line) for directives
    page_breaks: list[int] = field(default_factory=list)  # original offsets
    is_pdf: bool = False
    formula_runs_on: bool = False  # the body starts on the formula's line (a decision)


def _is_blank(text: str) -> bool:
    return not text.strip()


def _front_matter_end(lines: list[tuple[int, str]]) -> int:
    """Index after a YAML front matter block (`---` / key: value / `---`), else 0."""
    first = next((i for i, (_, t) in enumerate(lines) if t.strip()), None)
    if first is None or lines[first][1].strip() != "---":
        return 0
    if first + 1 >= len(lines) or not re.match(r"^[A-Za-z_][\w-]*:", lines[first + 1][1]):
        return 0
    for i in range(first + 1, min(len(lines), first + 200)):
        if lines[i][1].strip() == "---":
            return i + 1
    return 0


def _page_markers(lines: list[tuple[int, str]]) -> list[tuple[int, re.Match[str]]]:
    """Each line that reads as a page marker `2/4`, with its index."""
    return [(i, m) for i, (_, t) in enumerate(lines) if "/" in t and (m := PAGE_MARKER.match(t))]


def _page_furniture(lines: list[tuple[int, str]], skip: set[int],
                    markers: list[tuple[int, re.Match[str]]]) -> list[int]:
    """Mark running headers/footers around each page marker `2/4`; return page-break offsets."""
    breaks: list[int] = []
    # every page marker of a document counts its pages: "2/8", "3/8" …; a symbol alone on
    # a line ("73/89" in a paragraph set one word a line, 79/81) is no page marker
    totals = Counter(m.group(2) for _, m in markers)
    total = totals.most_common(1)[0][0] if totals else None
    for i, m in markers:
        if m.group(2) != total or int(m.group(1)) > int(m.group(2)) or int(m.group(1)) < 1:
            continue
        cluster = [i]
        join = next((k for k in range(i - 1, max(-1, i - 9), -1) if lines[k][1] == ""), None)
        if join is None:  # a running title of many lines under the symbol (78/68)
            join = next((k for k in range(i - 9, max(-1, i - 15), -1)
                         if lines[k][1] == "" and SYMBOL_LINE().match(lines[k + 1][1])), None)
        if join is not None:  # pages were joined with an empty line: all between is header
            cluster.extend(range(join, i))
        j = i - 1 if join is None else -1
        while j >= 0 and i - j <= 7:
            t = lines[j][1]
            if t == "":  # pages were joined with an empty line
                cluster.append(j)
                break
            if _is_blank(t) or SYMBOL_LINE().match(t) or JOB_NUMBER.match(t) or _header_like(t):
                cluster.append(j)
                j -= 1
                continue
            break
        j = i + 1
        while j < len(lines) and j - i <= 3:
            t = lines[j][1]
            if JOB_NUMBER.match(t) or SYMBOL_LINE().match(t):
                cluster.append(j)
                j += 1
                continue
            break
        skip.update(cluster)
        breaks.append(lines[min(cluster)][0])
    return breaks


def _header_like(text: str) -> bool:
    """A running-title line: short, no closing punctuation of running prose."""
    t = text.strip()
    return 0 < len(t) < 90 and not t.endswith((",", ";", ".", ":")) and t[0].isupper()


def split_layout(source: SourceText) -> Layout:
    lines = source.lines()
    skip: set[int] = set(range(_front_matter_end(lines)))
    comments: list[tuple[int, str]] = []
    for i, (_, text) in enumerate(lines):
        # each pattern is tried only on lines that hold a string it needs (most lines are
        # prose): the same lines, without five regex calls a line; all three open with
        # "<", a digit or "*" after any spaces, never with a letter
        if text[:1].isalpha():
            continue
        if "<!--" in text and COMMENT_LINE.match(text):
            skip.add(i)
            comments.append((i + 1, text.strip()))
        elif ("-" in text and JOB_NUMBER.match(text)) or ("*" in text and BARCODE.match(text)):
            skip.add(i)
    markers = _page_markers(lines)
    is_pdf = bool(markers) or any("_____" in t and FOOTNOTE_RULE.match(t) for _, t in lines)
    page_breaks = _page_furniture(lines, skip, markers) if is_pdf else []
    footnotes: list[FootnoteText] = []
    _lift_footnotes(lines, skip, footnotes, is_pdf)
    _star_notes(lines, skip)  # after: a star note under the footnote rule is lifted already
    heading, body_lines = _split_heading(lines, skip)
    column = 0
    if body_lines and body_lines <= len(lines):
        column = _decision_body(lines[body_lines - 1][1])
        if column:  # "The General Assembly, recalling …, decides …": the body goes on here
            body_lines -= 1
            formula = heading[-1][-1] if heading and heading[-1] else None
            fm = FORMULA_WORDS.search(formula.text) if formula is not None else None
            if formula is not None and fm is not None:
                heading[-1][-1] = formula[: fm.end()]  # the formula alone, not the body
    blocks = _group_blocks(lines, body_lines, skip, column)
    return Layout(heading, blocks, footnotes, comments, page_breaks, is_pdf, bool(column))


STAR_NOTE = re.compile(r"^\s*\*{1,3}\s+[A-Z]")


def _star_notes(lines: list[tuple[int, str]], skip: set[int]) -> None:
    """The first page's "* In order for the General Assembly to take action …"
    note (to the "submitted by …*" line) is no paragraph; it runs to the next blank line."""
    after = 0  # the first line after the last note and the blank line that ends it
    for i in [k for k, (_, text) in enumerate(lines) if "*" in text]:  # one pass, in C
        if i < after or i in skip or not STAR_NOTE.match(lines[i][1]):
            continue
        end = i
        while end < len(lines) and lines[end][1].strip():
            skip.add(end)
            end += 1
        after = end + 1


def _lift_footnotes(
    lines: list[tuple[int, str]], skip: set[int], out: list[FootnoteText], is_pdf: bool
) -> None:
    in_block = False
    current: FootnoteText | None = None
    for i, (start, text) in enumerate(lines):
        if is_pdf and "_____" in text and FOOTNOTE_RULE.match(text):
            # A footnote too long for its page goes on at the foot of the next one, under
            # the rule and before that page's own footnotes: the first lines without a
            # number there are the rest of the last footnote, if it stopped short.
            in_block = True
            current = out[-1] if out and not out[-1].text.text.rstrip().endswith(".") else None
            skip.add(i)
            continue
        if in_block:
            if text == "" or (i in skip and not _is_blank(text)):
                in_block, current = False, None  # page break ends the footnote area
                continue
            skip.add(i)
            m = PDF_FOOTNOTE().match(text)
            if m and current is not None and _goes_on(current, m.group(2)):
                m = None
            if m and (not out or int(m.group(1)) <= out[-1].number + 3):
                offset = start + m.start(2)
                current = FootnoteText(
                    int(m.group(1)), MappedText.original(m.group(2), offset), start, "pdf"
                )
                out.append(current)
            elif current is not None and not _is_blank(text):
                more = MappedText.original(text.strip(), start + len(text) - len(text.lstrip()))
                current.text = MappedText.join(
                    [current.text.rstrip(), MappedText.synthetic(" ", start), more]
                )
            continue
        if i in skip or (text and text[0] not in _MARKUP_FIRST and not text[0].isspace()):
            continue
        m = MD_FOOTNOTE.match(text)
        if m and m.group("text").strip():
            style = "sup" if m.group("sup") else "unicode" if m.group("uni") else "caret"
            raw = m.group("sup") or m.group("caret") or m.group("uni").translate(
                SUPERSCRIPT_TO_INT
            )
            out.append(
                FootnoteText(
                    int(raw), MappedText.original(m.group("text"), start + m.start("text")),
                    start, style,
                )
            )
            skip.add(i)
        elif HR_LINE.match(text):  # anchored: fails at the first letter, before any search
            skip.add(i)


# What can open a line that MD_FOOTNOTE or HR_LINE matches, after the spaces that both
# allow ("\\s*"): a line that opens otherwise is tried with neither.
_MARKUP_FIRST = "<[⁰¹²³⁴⁵⁶⁷⁸⁹-*_"


def _goes_on(current: FootnoteText, rest: str) -> bool:
    """A "number text" line that continues `current`: it stopped mid-sentence and the line
    reads as the rest of a date or a range, never as the start of a footnote."""
    return not current.text.text.rstrip().endswith(".") and bool(DATE_GOES_ON().match(rest))


def _split_heading(
    lines: list[tuple[int, str]], skip: set[int]
) -> tuple[list[list[MappedText]], int]:
    """Heading chunks up to the enacting formula; return them and the first body line index.

    The formula may share a line with heading fields (a converter ran them together with
    `***`), so the line holding it is split at the formula."""
    chunks: list[list[MappedText]] = []
    current: list[MappedText] = []
    for i, (start, text) in enumerate(lines):
        if i in skip:
            continue
        if _is_blank(text):
            if current:
                chunks.append(current)
                current = []
            continue
        line = MappedText.original(text, start)
        m = FORMULA.search(text)
        parts = _split_stars(line)
        for k, part in enumerate(parts):
            if k and current:
                chunks.append(current)
                current = []
            if part.text.strip():
                current.append(part.strip())
        if m:
            if current:
                chunks.append(current)
            return chunks, i + 1
    # No enacting formula: the body starts at the first paragraph that opens like one.
    for i, (_, text) in enumerate(lines):
        if i not in skip and BODY_START().match(text):
            return _split_heading(lines[:i], skip)[0], i
    if current:
        chunks.append(current)
    return chunks, len(lines)


def _opens_preamble(text: str) -> bool:
    """What `^\\*?(?:PREAMBLE_LEADS)\\b` matches: an optional "*", one of the words, a word
    boundary.  Tested in Python: that alternation costs ~1 ms to compile, on every run."""
    rest = text[1:] if text.startswith("*") else text
    if not rest.startswith(_PREAMBLE_WORDS):  # one C-level test refuses most lines
        return False
    return any(rest.startswith(w) and not word_char_at(rest, len(w)) for w in _PREAMBLE_WORDS)


def _split_stars(line: MappedText) -> list[MappedText]:
    """Split at runs of two or more asterisks: converters glue heading fields with them."""
    parts: list[MappedText] = []
    last = 0
    for m in re.finditer(r"\*{2,}", line.text):
        parts.append(line[last : m.start()])
        last = m.end()
    parts.append(line[last:])
    return parts


FORMULA_WORDS = re.compile(r"The\s+General\s+Assembly[,:]?")
DECISION_REST = re.compile(r"^[\s*_]*The\s+General\s+Assembly[*_]*\s*[,:]?[*_]*\s*(?=[a-z(])")


def _decision_body(line: str) -> int:
    """Where the body starts on the formula's own line: a draft decision writes its one
    paragraph after the formula ("The General Assembly, recalling …", "The General
    Assembly decides to …"); 0 when the formula stands alone."""
    m = DECISION_REST.match(line)
    return m.end() if m else 0


def _group_blocks(
    lines: list[tuple[int, str]], first: int, skip: set[int], column: int = 0
) -> list[MappedText]:
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []  # (original offset, line stripped)
    pending_break = False  # blank lines seen since the last content line
    page_break = False  # furniture or footnotes seen since the last content line
    closed_at = 0  # the current block is complete at this many lines (0: no limit)
    last = ""  # the text of the current block's last line
    for i in range(first, len(lines)):
        start, text = lines[i]
        if i == first and column:
            start, text = start + column, text[column:]
        stripped = text.strip()
        if i in skip:
            if stripped or text == "":
                page_break = True
            continue
        if not stripped:
            pending_break = True
            continue
        # (a line that opens with no space is the common case: no second copy of it; it
        # opens with a space where its first character is not the stripped line's)
        line = (start + len(text) - len(text.lstrip()) if text[0] != stripped[0] else start,
                stripped)
        # no unit opens with a small letter (most hard-wrapped lines do)
        unit = None if "a" <= stripped[0] <= "z" else STARTS_UNIT.match(stripped)
        full = closed_at and len(current) >= closed_at  # "Annex", "IV", meeting and date
        # a line of its own after a page break (only then asked: layout is on the hot path)
        alone = page_break and i + 1 < len(lines) and _is_blank(lines[i + 1][1])
        if current and not full and unit is None and (
                # the common case, as _continues reads it: a wrapped line of running text
                # (no break before it, the last line neither a number alone nor ending
                # with a comma)
                (not pending_break and not page_break and len(last) > 7 and last[-1] != ",")
                or _continues(current, stripped, pending_break, page_break, unit, alone)):
            current.append(line)
        else:
            if current:
                blocks.append(current)
            current = [line]
            closed_at = _lines_of_unit(stripped) if unit is not None else 0
        last = stripped  # the text of current[-1]
        pending_break = page_break = False
    if current:
        blocks.append(current)
    return [_join_lines(b) for b in blocks]


def _lines_of_unit(first_line: str) -> int:
    """How many lines a block opened by this line may hold: the meeting line and its date,
    "Annex" or a section number alone (its title follows as a block of its own)."""
    if MEETING_START.match(first_line):
        return 2
    if ANNEX_START.match(first_line) or SECTION_START.match(first_line):
        return 1
    return 0


def _continues(
    current: list[tuple[int, str]], stripped: str, blank: bool, page_break: bool,
    starts_new: object, alone: bool = False,
) -> bool:
    if starts_new is not None:
        return False
    last = current[-1][1].rstrip()
    if (len(last) <= 5 and OPERATIVE_START.match(last + " ")) or (
        len(last) <= 7 and SUB_START.match(last + " ")
    ):
        return True  # a paragraph number alone on its line
    if last.endswith(",") and _opens_preamble(stripped):
        return False  # a new preambular paragraph on the very next line
    if not blank and not page_break:
        return True
    if page_break:
        # The paragraph goes on after the page break unless it had ended.
        if not ENDED().search(last) or stripped[:1].islower():
            return True
        # a title alone at the page top ("Social aspects", 78/148) is no continuation
        return (_stopped_at_comma(last) and not can_open(stripped)
                and not (alone and _header_like(stripped)))
    return False


def _stopped_at_comma(last: str) -> bool:
    """ "… Vessel Personnel," or "… Convention,12" before the page break."""
    return last.rstrip("0123456789*⁰¹²³⁴⁵⁶⁷⁸⁹ ").endswith(",")


def can_open(line: str) -> bool:
    """Whether a line can open a paragraph after a comma: its first word reads as a lead
    ("Recalling", "Deeply concerned", "Mindful"); a number or common noun does not."""
    word = line.lstrip("*_ ").split(" ", 1)[0].rstrip(",")
    return (
        word in OPENING_WORDS or _opens_preamble(line)
        or (word[:1].isupper() and word.endswith(OPENING_ENDINGS) and word[1:].islower())
    )


def _join_lines(lines: list[tuple[int, str]]) -> MappedText:
    """Join hard-wrapped lines (original offset, text): a space between, none after a
    hyphen that joins a word."""
    if len(lines) == 1:  # its offsets stay a range until a join copies them
        start, text = lines[0]
        text = text.rstrip()
        return MappedText(text, range(start, start + len(text)))
    texts: list[str] = []
    runs: list[tuple[int, int]] = []  # original offsets of each line, with its joining space
    prev = ""
    for start, text in lines:
        text = text.rstrip()
        if texts and not (prev.endswith("-") and prev[-2:-1].isalpha()
                          and text.split(" ", 1)[0] not in ("and", "or")):
            texts.append(" ")  # the joining space points at start - 1: one run with the line
            runs.append((start - 1, start + len(text)))
        else:
            runs.append((start, start + len(text)))
        texts.append(text)
        prev = text
    return MappedText("".join(texts), run_offsets(runs))
