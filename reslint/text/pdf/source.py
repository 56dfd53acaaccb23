"""A PDF as a SourceText: a Markdown view to parse, the page lines to point at.

`PdfSource.text` is the view the Markdown parser reads, built from the PDF's geometry
(reslint.text.pdf.lines): the heading lines of the first page, one body paragraph per
block, footnote markers from superscript glyphs as `[^n]`, the footnotes of every page's
foot as `[^n]: …` lines, the italic lead in `*…*`; page headers, footers and the footnote
rules are left out.  `plain` holds every text line of the PDF in page order, one a line
(superscript digits as Unicode superscripts), and `plain_of[i]` is the plain offset of
view character i, so a span's line is the PDF line counted through the document and
`page_line` turns it into (page, line on that page).
"""

from __future__ import annotations

import re
from collections import Counter

from reslint._dataclass import dataclass, field
from reslint.text.pdf.lines import Line, Piece, page_lines
from reslint.text.pdf.runs import DEFAULT_SPACE, Page
from reslint.text.source import InputError
from reslint.text.view import ViewBuilder, ViewSource

ESCAPE = re.compile(r"[\\*\[\]_<`]")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FORMULA = re.compile(r"^\s*The\s+General\s+Assembly\b")
NOTE_START = re.compile(r"^\s*(\d{1,3}|\*{1,3})\s*(?=\S)")
SECTION_LABEL = re.compile(r"^\s*(?:[IVXL]{1,6}|[A-Z])\.?\s*$")
HYPHENS = ("-", "\u2010", "\u2011")
BLOCK_GAP = 1.45  # a vertical gap over this many times the font size separates blocks
CELL_GAP = 2.5  # heading fields on one baseline, further apart than this many sizes


@dataclass
class PdfSource(ViewSource):
    pages: list[tuple[int, int]] = field(default_factory=list, repr=False)  # per plain line

    def page_of(self, line: int) -> tuple[int, int] | None:
        """(page, line on the page) of a document line; None outside the document."""
        if not 1 <= line <= len(self.pages):
            return None
        return self.pages[line - 1]


@dataclass
class _Note:
    number: int | None  # None: a "*" note (sponsorship), not numbered
    parts: list[tuple[Line, int]]  # lines and the piece index where the text starts


def build_source(path: str, pages: list[Page]) -> PdfSource:
    every: list[Line] = []
    for page in pages:
        every.extend(page_lines(page))
    if not any(line.kind in ("body", "footnote") for line in every):
        raise InputError(path, "PDF has no text layer (a scanned image?): nothing to check")

    # The plain text: every line, in page order; piece offsets remembered.
    plain_lines: list[str] = []
    where: dict[int, list[int]] = {}  # id(line) -> plain offset of each piece
    pages_of: list[tuple[int, int]] = []
    offset = 0
    for line in every:
        starts, parts = [], []
        pos = offset
        for piece in _spaced(line):
            starts.append(pos)
            text = piece.text.translate(SUPERSCRIPT) if piece.superscript else piece.text
            parts.append(text)
            pos += len(text)
        where[id(line)] = starts
        text = "".join(parts)
        plain_lines.append(text)
        pages_of.append((line.page, line.number))
        offset += len(text) + 1
    plain = "\n".join(plain_lines)

    view = ViewBuilder(ESCAPE)
    body = [ln for ln in every if ln.kind == "body"]
    notes = _notes([ln for ln in every if ln.kind == "footnote"], where)
    formula = next((k for k, ln in enumerate(body) if FORMULA.match(ln.text)), None)
    heading, rest = (body[:formula], body[formula:]) if formula is not None else ([], body)
    _heading(view, heading, where)
    _body(view, rest, where)
    for note in notes:
        if note.number is None:
            continue
        _blank(view)
        view.synthetic(f"[^{note.number}]: ")
        for k, (line, start) in enumerate(note.parts):
            if k and not _hyphenated(view):
                view.synthetic(" ")
            _emit(view, line, where, start, markers=False)
    view.synthetic("\n")
    return PdfSource(path, view.text(), "pdf", False, "\n", plain=plain,
                     plain_of=view.offsets(len(plain)), pages=pages_of)


# Between runs with no space character, a gap (from the end of the last glyph's advance to
# the next origin) over this fraction of the font's own space advance (runs.Run.space, read
# from the font) is a word space: a word space is made of one space glyph, a gap within a
# word (kerning, or a word that Word split across runs) of a fraction of one, whatever the
# face; measured against the size alone, a monospaced or a condensed face would read wrong.
# For Times New Roman (space 0.25 em), the face of all 48 PDFs at hand, this is 0.15 em; on
# ../shared/ga/pdf the narrowest word space is 0.163 em ("Programme of" "Action", 12 pt)
# and the widest gap within a word 0.129 ("Add" "is "), both well inside the margin.
WORD_SPACE = 0.6
# Where PDFium's own reading puts a space between the two runs, a narrower gap will do
# (0.1 em in Times): "Programme of" "Action" (0.144 em, a justified 12 pt line); within
# words PDFium puts none.
NARROW_SPACE = 0.4


def _spaced(line: Line) -> list[Piece]:
    """The line's pieces with one space wherever the glyphs are a word space apart.

    Runs are trimmed; a space character of the PDF's own between them is a space, else
    the gap between their glyphs decides (see runs._glyph_edges).  A footnote marker
    is skipped over, so "Declaration¹ and" keeps its space."""
    out: list[Piece] = []
    prev: Piece | None = None  # the last piece of running text (not a superscript)
    last = max((k for k, p in enumerate(line.pieces) if p.text.strip()), default=-1)
    for k, raw_piece in enumerate(line.pieces):
        text = raw_piece.text.replace("\x02", "-").strip()
        if not text:
            continue
        # a raised "rd" of "63rd" or "th" is a letter of its word, not a footnote marker
        sup = raw_piece.superscript and (text.isdigit() or text in ("*", "**", "***"))
        piece = Piece(text, raw_piece.run, sup)
        if piece.superscript:
            out.append(piece)
            continue
        gap = piece.run.x0 - prev.run.x1 if prev is not None else 0.0
        if k == last and text in HYPHENS:
            gap = 0.0  # "middle" "-" ending a justified line: a word broken at its hyphen
        space = line.size * (prev.run.space if prev is not None else DEFAULT_SPACE)
        if prev is not None and (
            prev.run.space_after or piece.run.space_before or gap > WORD_SPACE * space
            or (piece.run.pdfium_space and gap > NARROW_SPACE * space)
        ):
            out.append(Piece(" ", piece.run, False))
        out.append(piece)
        prev = piece
    line.pieces = out
    return out


def _heading(view: ViewBuilder, lines: list[Line], where: dict[int, list[int]]) -> None:
    """The first page's heading lines; a field of its own on a shared baseline (the
    symbol beside "United Nations") goes on its own view line, a wide gap makes a chunk."""
    prev: Line | None = None
    for line in lines:
        if prev is not None and (
            line.page != prev.page or prev.y - line.y > BLOCK_GAP * prev.size
        ):
            _blank(view)
        _drop_note_references(line)
        for start, end in _cells(line):
            if view.chars and view.chars[-1] != "\n":
                view.synthetic("\n")
            _emit(view, line, where, start, end)
        prev = line
    _blank(view)


def _drop_note_references(line: Line) -> None:
    """A `*` after the sponsors ("Djibouti:* draft resolution") points at the note on who
    they speak for; the footnotes keep numbered notes only, so the reference goes too."""
    for k, piece in enumerate(line.pieces):
        if piece.text.strip() in ("*", "**", "***"):
            line.pieces[k] = Piece(" " if piece.text.endswith(" ") else "", piece.run, False)


def _cells(line: Line) -> list[tuple[int, int]]:
    """Piece ranges of the fields a heading line holds ("United Nations … A/RES/79/3")."""
    cells: list[tuple[int, int]] = []
    start = 0
    last: Piece | None = None
    for k, piece in enumerate(line.pieces):
        if not piece.text.strip():
            continue
        if last is not None and piece.run.x0 - last.run.x1 > CELL_GAP * line.size:
            end = k - 1 if line.pieces[k - 1].text == " " else k
            cells.append((start, end))
            start = k
        last = piece
    cells.append((start, len(line.pieces)))
    return cells


def _body(view: ViewBuilder, lines: list[Line], where: dict[int, list[int]]) -> None:
    margin = _margin(lines)
    prev: Line | None = None
    for line in lines:
        if prev is None:
            new = True
        elif line.page != prev.page:
            new = line.x0 > margin + 0.5 * line.size or prev.x1 < _right(lines) - 4 * prev.size
        else:
            new = prev.y - line.y > BLOCK_GAP * max(prev.size, line.size)
        if prev is not None and SECTION_LABEL.match(prev.text):
            new = True  # "II" above its section's title: a heading of its own
        if new:
            _blank(view)
        elif view.chars and view.chars[-1] != "\n":
            view.synthetic("\n")
        _emit(view, line, where, 0, len(line.pieces), lead=new)
        prev = line


def _margin(lines: list[Line]) -> float:
    counts = Counter(round(ln.x0) for ln in lines)
    return float(counts.most_common(1)[0][0]) if counts else 0.0


def _right(lines: list[Line]) -> float:
    counts = Counter(round(ln.x1) for ln in lines)
    return float(max(x for x, n in counts.items() if n >= 2)) if counts else 0.0


def _emit(view: ViewBuilder, line: Line, where: dict[int, list[int]], start: int = 0,
          end: int | None = None, markers: bool = True, lead: bool = False) -> None:
    pieces = line.pieces[start:end]
    starts = where[id(line)][start:end]
    # Trim the spaces at both ends.
    while pieces and not pieces[0].text.strip():
        pieces, starts = pieces[1:], starts[1:]
    while pieces and not pieces[-1].text.strip():
        pieces, starts = pieces[:-1], starts[:-1]
    italic_end = 0
    if lead:
        for k, piece in enumerate(pieces):
            if k == 0 and re.fullmatch(r"\s*(?:\d{1,3}\.|\([a-z]{1,6}\))\s*", piece.text):
                continue
            if piece.superscript or not piece.run.italic:
                break
            italic_end = k + 1
        if italic_end and not any(p.run.italic for p in pieces[:1] if p.text.strip()) \
                and italic_end == 1:
            italic_end = italic_end
    lead_start = None
    if italic_end:
        lead_start = next(k for k in range(italic_end) if pieces[k].run.italic
                          and not re.fullmatch(r"\s*(?:\d{1,3}\.|\([a-z]{1,6}\))\s*",
                                               pieces[k].text))
    for k, (piece, pos) in enumerate(zip(pieces, starts, strict=True)):
        text = piece.text
        if k == lead_start:
            stripped = text.lstrip()
            view.real(text[: len(text) - len(stripped)], pos)
            pos += len(text) - len(stripped)
            text = stripped
            view.synthetic("*")
        if piece.superscript and markers and text.strip().isdigit():
            digits = text.strip()
            at = pos + text.index(digits)
            view.marker(int(digits), at, len(digits))
        elif k + 1 == italic_end:
            body = text.rstrip()
            view.real(body, pos)
            view.synthetic("*")
            view.real(text[len(body):], pos + len(body))
        else:
            view.real(text, pos)


def _notes(lines: list[Line], where: dict[int, list[int]]) -> list[_Note]:
    """The footnotes, in order.  A note starts with its number (or *): superscript digits
    at the line start (a number may be drawn as several runs, "1" "0"), or plain digits
    set apart from the text at the left edge of the area."""
    notes: list[_Note] = []
    left = min((ln.x0 for ln in lines), default=0.0)
    for line in lines:
        pieces = line.pieces
        first = next((k for k, p in enumerate(pieces) if p.text.strip()), None)
        if first is None:
            continue
        k = first
        mark = ""
        while k < len(pieces) and pieces[k].superscript and (
            pieces[k].text.strip().isdigit() or pieces[k].text.strip() in ("*", "**", "***")
            or not pieces[k].text.strip()
        ):
            mark += pieces[k].text.strip()
            k += 1
        if not mark and line.x0 <= left + 1 and (m := NOTE_START.match(pieces[first].text)):
            mark = m.group(1)
            piece = pieces[first]
            pieces[first] = Piece(piece.text[m.end():], piece.run, False)
            where[id(line)][first] += m.end()
            k = first
        if mark:
            notes.append(_Note(int(mark) if mark.isdigit() else None, [(line, k)]))
        elif notes:
            notes[-1].parts.append((line, first))
    return notes


def _hyphenated(view: ViewBuilder) -> bool:
    """Whether the view ends in a word broken by a hyphen ("twenty-" before "fourth")."""
    return len(view.chars) > 1 and view.chars[-1] == "-" and view.chars[-2].isalpha()


def _blank(view: ViewBuilder) -> None:
    """End the current view line and leave one blank line (a block boundary)."""
    if view.chars and view.chars[-1] != "\n":
        view.synthetic("\n")
    if len(view.chars) > 1 and view.chars[-2] != "\n":
        view.synthetic("\n")
