"""The document model and the findings: plain data that flows one way.

text -> Document -> facts -> Finding -> report.  Every element that a finding can point
at carries a `Span` in the *original* file, so that reports never need the clean text.
"""

from __future__ import annotations

from reslint._dataclass import dataclass, field

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:  # types only: the text layer builds on the model, not the reverse
    from reslint.text.mapped import MappedText
    from reslint.text.source import SourceText

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """Order severities so that 'at or above warning' is a comparison."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Span:
    """A place in the original file: 1-based line and column (Unicode code points),
    end exclusive, plus the character offsets into the decoded original text."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0
    end: int = 0

    def __init__(self, line: int, column: int, end_line: int, end_column: int,
                 start: int = 0, end: int = 0) -> None:
        # each slot's own setter, past the frozen __setattr__ (a third faster than
        # object.__setattr__ by name: ~100,000 spans a corpus run)
        _set_line(self, line)
        _set_column(self, column)
        _set_end_line(self, end_line)
        _set_end_column(self, end_column)
        _set_start(self, start)
        _set_end(self, end)

    def to_json(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


_set_line, _set_column, _set_end_line, _set_end_column, _set_start, _set_end = (
    vars(Span)[name].__set__
    for name in ("line", "column", "end_line", "end_column", "start", "end")
)


@dataclass(slots=True)
class Marker:
    """A footnote marker in the running text."""

    number: int
    span: Span
    # "sup" (<sup>n</sup>), "unicode" (¹), "caret" ([^n]), "plain" (glued or detached digits)
    style: str

    def __init__(self, number: int, span: Span, style: str) -> None:
        self.number = number
        self.span = span
        self.style = style


@dataclass(slots=True)
class Footnote:
    number: int
    text: str
    span: Span
    markers: list[Marker] = field(default_factory=list)
    missing: bool = False  # a marker whose footnote text the document lacks
    # PDF text that lost the superscript: its marker may be there but could not be placed
    # (a number that could as well be a count); rules then cannot tell it is missing
    marker_unknown: bool = False
    part: str = "resolution"  # or the annex that carries it: "Annex", "Annex II"

    def __init__(self, number: int, text: str, span: Span, markers: list[Marker] | None = None,
                 missing: bool = False, marker_unknown: bool = False,
                 part: str = "resolution") -> None:
        self.number = number
        self.text = text
        self.span = span
        self.markers = [] if markers is None else markers
        self.missing = missing
        self.marker_unknown = marker_unknown
        self.part = part


BODIES = ("ga", "hrc", "ecosoc", "sc", "cop", "other")


@dataclass(slots=True)
class Citation:
    """A resolution or decision cited in the text ("76/47 of 6 December 2021"), with whose
    it is and the list it stands in.

    The words around the symbol say whose it is ("Human Rights Council resolution 54/14",
    "its decision 66/518", "decision 1/CP.21"); a symbol is read in groups, each headed by
    one noun as written ("its resolutions 64/292 …, in which …, and 78/206" is one group
    of two under "resolutions"), and groups of one body that follow each other in a
    paragraph form a list, which the next body's citation ends."""

    symbol: str
    date: str | None  # ISO date, or None when the text gives none
    span: Span  # the symbol itself
    date_span: Span | None = None
    paragraph: str | None = None  # "PP1", "OP3"
    offset: int = 0  # where the symbol starts in its paragraph's clean text
    body: str = "ga"  # one of BODIES
    kind: str = "resolution"  # "resolution" or "decision"
    noun: str | None = None  # the noun heading its group as written ("resolutions"); None
    noun_span: Span | None = None  # when the symbol stands without one
    group: int = 0  # items under one noun share a group (numbered across the document)
    list_id: int = 0  # groups of one body in a row in one paragraph share a list
    part: str | None = None  # "section IV" in "section IV of its resolution 55/238"
    issuer: str | None = None  # the body as named ("Human Rights Council"), when named
    recalled: bool = False  # in the list a recalling verb governs (Document.recalled)
    group_open: bool = False  # its group's plural also covers resolutions named in general

    def __init__(self, symbol: str, date: str | None, span: Span, date_span: Span | None = None,
                 paragraph: str | None = None, offset: int = 0, body: str = "ga",
                 kind: str = "resolution", noun: str | None = None,
                 noun_span: Span | None = None, group: int = 0, list_id: int = 0,
                 part: str | None = None, issuer: str | None = None, recalled: bool = False,
                 group_open: bool = False) -> None:
        self.symbol = symbol
        self.date = date
        self.span = span
        self.date_span = date_span
        self.paragraph = paragraph
        self.offset = offset
        self.body = body
        self.kind = kind
        self.noun = noun
        self.noun_span = noun_span
        self.group = group
        self.list_id = list_id
        self.part = part
        self.issuer = issuer
        self.recalled = recalled
        self.group_open = group_open


@dataclass(slots=True)
class SymbolRef:
    """Any document symbol in the text (A/78/409, CCM/CONF/2021/6, 1757 (2007) ...)."""

    symbol: str
    kind: str  # "document", "resolution", "security-council"
    span: Span
    paragraph: str | None = None

    def __init__(self, symbol: str, kind: str, span: Span, paragraph: str | None = None) -> None:
        self.symbol = symbol
        self.kind = kind
        self.span = span
        self.paragraph = paragraph


@dataclass(slots=True)
class Paragraph:
    """A preambular paragraph, an operative paragraph or a sub-paragraph.

    `text` is clean prose; `offsets` maps every character of `text` to an offset in the
    original file (see reslint.text.sourcemap)."""

    kind: str  # "preamble", "operative", "sub"
    label: str  # "PP3", "OP8", "OP8(a)"
    number: str | None  # operative number as written ("8"), sub letter ("a"), None in preamble
    lead: str  # the lead words: "Recalling", "Invites and encourages"
    lead_italic: bool | None  # None when the source cannot tell (PDF text)
    text: str
    span: Span
    subparagraphs: list[Paragraph] = field(default_factory=list)
    clean_start: int = 0  # offset of `text` in Document.clean
    section: str | None = None  # the key of the Section it stands in ("II", "II.A")
    # the numbering run of an operative paragraph: "" where numbers run through the part,
    # the key of the section where they start again at 1 ("II") where they restart
    run: str = ""
    part: str = "resolution"  # or the annex it belongs to: "Annex", "Annex II"

    def __init__(self, kind: str, label: str, number: str | None, lead: str,
                 lead_italic: bool | None, text: str, span: Span,
                 subparagraphs: list[Paragraph] | None = None, clean_start: int = 0,
                 section: str | None = None, run: str = "", part: str = "resolution") -> None:
        self.kind = kind
        self.label = label
        self.number = number
        self.lead = lead
        self.lead_italic = lead_italic
        self.text = text
        self.span = span
        self.subparagraphs = [] if subparagraphs is None else subparagraphs
        self.clean_start = clean_start
        self.section = section
        self.run = run
        self.part = part


@dataclass
class Section:
    """A heading that divides the operative part (or an annex, or a Fifth Committee text
    whose sections each carry a preamble): "IV" / "Illegal, unreported and unregulated
    fishing", "B. Office of Investment Management", or a title alone.  Headings are
    never paragraphs; `numbering` says whether the operative numbers of the part restart
    at 1 in every section ("restarts") or run on across them ("continues")."""

    key: str  # "II", "II.A"; "#3" for the third heading of its part when it has no number
    number: str | None  # "II", "A", None
    title: str | None
    span: Span  # the whole heading (number and title)
    level: int = 1
    part: str = "resolution"
    first: str | None = None  # label of the first paragraph under it
    # "part": a part of a resolution in parts ("A" / "B", each with its own title, enacting
    # formula, preamble and operative paragraphs numbered from 1); the sections inside a
    # part nest under it ("A.II.B")
    kind: str = "section"


@dataclass
class Annex:
    """An annex (`Annex`, `Annex II`) with its own title, preamble, numbered paragraphs,
    sections and footnotes: outside the resolution's operative part, so counts and
    structure rules of the resolution never see its paragraphs."""

    key: str  # "Annex", "Annex II"
    number: str | None  # "II", None for a lone "Annex"
    title: str | None
    span: Span  # the "Annex" line
    title_span: Span | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        return [*self.preamble, *self.operative]


@dataclass
class Heading:
    symbol: str | None = None
    symbol_span: Span | None = None
    session: int | None = None
    session_span: Span | None = None
    session_word: str | None = None
    agenda_item: str | None = None
    agenda_span: Span | None = None
    item_title: str | None = None
    title: str | None = None
    title_span: Span | None = None
    adopted: str | None = None
    adopted_span: Span | None = None
    committee: str | None = None
    report: str | None = None
    report_span: Span | None = None
    sponsors: list[str] = field(default_factory=list)
    formula_span: Span | None = None  # "The General Assembly,"


@dataclass
class Meeting:
    """The closing line: "50th (resumed) plenary meeting / 22 December 2023"."""

    number: int
    date: str | None
    span: Span
    date_span: Span | None = None
    resumed: bool = False
    line_span: Span | None = None  # the whole closing line, date included


@dataclass
class TrackedChange:
    """A tracked change in a Word draft (w:ins, w:del, w:moveTo, w:moveFrom), kept so that a
    report can show what the draft changes.  `span` is where it stands in the text read:
    the text itself when the view shows it (accepted insertions, rejected deletions), else
    an empty span where it would be."""

    kind: str  # "insertion" or "deletion" (a move is both: moveTo / moveFrom)
    text: str
    span: Span
    shown: bool
    author: str | None = None
    date: str | None = None
    paragraph: str | None = None  # "PP3", "OP2(a)"
    moved: bool = False


@dataclass
class Document:
    path: str
    kind: str  # "resolution" or "draft"
    source: SourceText
    style: str  # "markdown-sup", "markdown-unicode", "markdown-caret", "pdf"
    heading: Heading
    preamble: list[Paragraph]
    operative: list[Paragraph]
    footnotes: list[Footnote]
    citations: list[Citation]
    recalled: list[Citation]
    recalled_span: Span | None  # the whole "its resolution(s) ..." list
    symbols: list[SymbolRef]
    next_session: int | None
    next_session_span: Span | None
    meeting: Meeting | None
    clean: str  # every paragraph's clean text, joined by "\n"
    clean_map: MappedText  # `clean`, each character mapped to its original offset
    problems: list[str] = field(default_factory=list)  # what did not parse cleanly
    changes: list[TrackedChange] = field(default_factory=list)  # Word tracked changes
    amendment: Amendment | None = None  # kind "amendment": what it asks (preamble etc. empty)
    sections: list[Section] = field(default_factory=list)  # of the resolution itself
    annexes: list[Annex] = field(default_factory=list)
    form: str = "resolution"  # what the text enacts: "resolution" or "decision"
    revision: int | None = None  # 1 for A/C.3/80/L.5/Rev.1
    # every citation that is not one of the Assembly's own resolutions: other bodies'
    # resolutions and decisions, and the Assembly's decisions (Citation.body, .kind)
    other_citations: list[Citation] = field(default_factory=list)

    @property
    def session(self) -> int | None:
        return self.heading.session

    def paragraphs(self) -> list[Paragraph]:
        return [*self.preamble, *self.operative]


@dataclass
class Quote:
    """Words an amendment quotes or a paragraph it proposes: the clean text (hard-wrapped
    lines joined, markup and footnote markers out) and where it stands in the amendment."""

    text: str
    span: Span
    lead_italic: bool | None = None  # new paragraphs only: None when the source cannot tell
    # new words and paragraphs: the footnotes they carry, as (offset in `text` where the
    # marker stood, the footnote's text from the foot of the amendment)
    notes: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Place:
    """The part of the draft an instruction names, by the draft's own numbering as issued.

    `part` is "preamble", "operative", "title" or "everywhere" ("in the title, the
    preambular paragraphs and the operative paragraphs", "throughout the text");
    `number` the paragraph (28 for "the twenty-eighth preambular paragraph", 9 for
    "operative paragraph 9", None for the title, -1 for "the last"); `sub` the
    sub-paragraph labels below it (("b",) for "sub-paragraph (b) of operative paragraph 3")."""

    part: str
    number: int | None
    text: str  # as written: "the twenty-eighth preambular paragraph"
    span: Span
    sub: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # "everywhere": the parts named ("title", "preamble", ...)


@dataclass
class Instruction:
    """One thing an amendment asks.  `action` is "delete", "replace" or "insert" ("add" at
    the end is an insert with position "end"); `target` is "words" (inside a paragraph or
    the title) or "paragraph" (whole paragraphs deleted, replaced or inserted)."""

    number: int | None  # the amendment's own numbering ("3."), None when unnumbered
    action: str
    target: str
    place: Place | None
    text: str  # the instruction as written, lines joined
    span: Span  # the instruction's words (not the new paragraphs that follow)
    old: Quote | None = None  # words deleted or replaced; a deleted paragraph's "reading"
    new: list[Quote] = field(default_factory=list)  # words or paragraphs put in
    position: str | None = None  # "after", "before", "end", "beginning"
    anchor: Quote | None = None  # insert “X” after “anchor”
    kind: str | None = None  # new paragraphs: "preamble" or "operative"
    count: int | None = None  # "insert two new operative paragraphs": 2
    problems: list[str] = field(default_factory=list)  # what did not read


@dataclass
class Amendment:
    """An amendment to a draft (kind "amendment"): who tables it, what it amends, and each
    instruction as data."""

    sponsors: list[str]
    draft_symbol: str | None  # "A/80/L.25"; None when named by its report
    draft_symbol_span: Span | None
    draft_name: str  # as written: "draft resolution A/80/L.25", "draft resolution IV
    # recommended by the Third Committee in its report A/80/555"
    report: str | None  # the report that recommends the draft, when named so
    draft_number: str | None  # "IV", "4": the draft's number in that report
    title: str | None  # the draft's title as the amendment repeats it
    title_span: Span | None
    instructions: list[Instruction] = field(default_factory=list)
    span: Span | None = None  # the "…: amendment to draft resolution …" line


@dataclass
class Edit:
    """A replacement of original characters [start, end) by `text`."""

    start: int
    end: int
    text: str


@dataclass
class Fix:
    edits: list[Edit]
    safe: bool = True
    description: str = ""


@dataclass
class RuleInfo:
    """What a report needs to know of a rule (SARIF's reportingDescriptor, `reslint rules`)."""

    code: str
    name: str
    severity: str
    summary: str
    rationale: str = ""
    pack: str = ""
    fixable: bool = False
    help_uri: str = ""  # the rule's documentation (built-in rules: docs/rules.md#code)


@dataclass
class Finding:
    rule: str  # the code, "RES101"
    name: str  # "recalled-previous-missing"
    severity: str
    message: str
    path: str
    span: Span
    paragraph: str | None = None
    fix: Fix | None = None
    source_line: str = ""  # the original line the span starts on, for text reports
    # the values the rule compared (its bindings: counts, dates, symbols), for an editor's
    # hover; plain scalars only, and never part of a report
    facts: dict[str, Any] = field(default_factory=dict)
    # (page, line on that page) where the finding is in a PDF: its span's line counts the
    # PDF's text lines through the whole document, which no reader counts
    page: tuple[int, int] | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.span.line, self.span.column, self.rule)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            **self.span.to_json(),
            "paragraph": self.paragraph,
            "fixable": self.fix is not None,
        }
        if self.page is not None:
            data["page"], data["page_line"] = self.page
        return data
