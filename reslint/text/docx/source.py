"""A Word file as a SourceText: a Markdown view to parse, plain paragraphs to point at.

`DocxSource.text` is the view the Markdown parser reads (see reslint.text.docx); spans
index it, as they index any SourceText.  `plain` is what the reader of the chosen view
sees, one Word paragraph per line (body paragraphs in document order, then the paragraphs
of each footnote in footnote order; a footnote reference shows as its superscript
number; Word's automatic list labels are not characters of the paragraph and are not in
it).  `plain_of[i]` is the plain offset of view character i, so `linecol` gives
(paragraph number, offset + 1) and `line_text` the paragraph a report quotes.
"""

from __future__ import annotations

import re
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.model import Document, TrackedChange
from reslint.text.docx.numbering import Numbering
from reslint.text.docx.ooxml import MC_NS, int_val, on, val, w
from reslint.text.docx.package import open_package
from reslint.text.docx.walk import Change, Char, WalkedParagraph, Walker
from reslint.text.source import InputError
from reslint.text.view import ViewBuilder, ViewSource

RULE_LINE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")  # a drawn rule, not a paragraph
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FOOTNOTES_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
)


@dataclass
class DocxSource(ViewSource):
    tracked: str = "accepted"
    pending: list[tuple[Change, int, int]] = field(default_factory=list, repr=False)

    def changes_for(self, doc: Document) -> list[TrackedChange]:
        """The tracked changes, located in the view read and named by paragraph label."""
        every = []
        for p in doc.paragraphs():
            every.append(p)
            every.extend(_all_subs(p))
        out = []
        for change, start, end in self.pending:
            label = next(
                (p.label for p in reversed(every) if p.span.start <= start <= p.span.end), None
            )
            out.append(TrackedChange(
                change.kind, change.text, self.span(start, end), change.shown,
                change.author, change.date, label, change.moved,
            ))
        return out


def _all_subs(p: Any) -> list[Any]:
    out = []
    for sub in p.subparagraphs:
        out.append(sub)
        out.extend(_all_subs(sub))
    return out


class _Styles:
    """Which styles are italic, and which paragraph styles carry list numbering."""

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, Any] = {}
        if root is not None:
            for s in root.iter(w("style")):
                self.styles[s.get(w("styleId"))] = s

    def _chain(self, style_id: str | None) -> list[Any]:
        out, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            s = self.styles[style_id]
            out.append(s)
            style_id = val(s.find(w("basedOn")))
        return out

    def italic(self, style_id: str | None) -> bool:
        for s in self._chain(style_id):
            rpr = s.find(w("rPr"))
            if rpr is not None and (i := on(rpr.find(w("i")))) is not None:
                return i
        return False

    def num_pr(self, style_id: str | None) -> Any:
        for s in self._chain(style_id):
            ppr = s.find(w("pPr"))
            if ppr is not None and (num := ppr.find(w("numPr"))) is not None:
                return num
        return None


def _body_paragraphs(body: Any) -> list[Any]:
    """Body paragraphs in document order; the fallback copies of text boxes are skipped."""
    fallback = f"{{{MC_NS}}}Fallback"
    out = []
    for p in body.iter(w("p")):
        if any(a.tag == fallback for a in p.iterancestors()):
            continue
        out.append(p)
    return out


def read_docx(path: str, max_bytes: int, tracked: str = "accepted") -> DocxSource:
    package = open_package(path, max_bytes)
    part = package.part
    try:
        styles = _Styles(part.styles.element if part._styles_part is not None else None)
    except Exception:  # a damaged styles part only costs italics by style
        styles = _Styles(None)
    numbering_root = None
    try:
        numbering_root = part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_root = None
    footnotes_root = _footnotes_root(part)
    body = part.element.find(w("body"))
    if body is None:
        raise InputError(path, "not a Word document: no body")
    return _build(path, tracked, body, styles, Numbering(numbering_root), footnotes_root)


def _footnotes_root(part: Any) -> Any:
    for rel in part.rels.values():
        if rel.reltype == FOOTNOTES_REL and not rel.is_external:
            from lxml import etree  # python-docx's own dependency, of the optional docx extra

            target = rel.target_part
            element = getattr(target, "element", None)
            if element is not None:
                return element
            try:
                return etree.fromstring(target.blob)
            except etree.XMLSyntaxError:
                return None
    return None


def _build(
    path: str, tracked: str, body: Any, styles: _Styles, numbering: Numbering,
    footnotes_root: Any,
) -> DocxSource:
    changes: list[Change] = []
    walker = Walker(tracked == "accepted", styles.italic, changes)
    walked = [walker.paragraph(p, i) for i, p in enumerate(_body_paragraphs(body))]
    notes = _footnote_elements(footnotes_root)
    numbers: dict[str, int] = {}  # footnote id -> number shown, by order of reference
    for para in walked:
        for ch in para.chars:
            if ch.footnote is not None and ch.footnote in notes and ch.footnote not in numbers:
                numbers[ch.footnote] = len(numbers) + 1

    # The plain text: one line per physical paragraph, body then footnotes.
    plain_lines: list[str] = []
    char_pos: list[list[int]] = []  # plain offset of each Char
    offset = 0
    note_walks: list[tuple[int, list[WalkedParagraph]]] = []
    for number, note_id in sorted((n, i) for i, n in numbers.items()):
        note_walks.append((number, [
            walker.paragraph(p, -1) for p in notes[note_id].iter(w("p"))
        ]))
    physical = walked + [p for _, ps in note_walks for p in ps]
    for para in physical:
        line: list[str] = []
        positions: list[int] = []
        for ch in para.chars:
            positions.append(offset + len("".join(line)))
            if ch.footnote is not None:
                line.append(str(numbers.get(ch.footnote, "")).translate(SUPERSCRIPT))
            else:
                line.append(ch.text)
        text = "".join(line)
        plain_lines.append(text)
        char_pos.append(positions)
        offset += len(text) + 1
    plain = "\n".join(plain_lines)

    view = ViewBuilder()
    where: dict[tuple[int, int], int] = {}  # (physical index, char index) -> view offset
    # Body: physical paragraphs whose mark is gone run into the next one.
    group: list[int] = []
    for i, para in enumerate(walked):
        group.append(i)
        if para.joins_next and i + 1 < len(walked):
            continue
        _emit_paragraph(view, walked, group, char_pos, numbers, numbering, styles, where)
        group = []
    base = len(walked)
    k = base
    for number, paras in note_walks:
        view.synthetic(f"[^{number}]: ")
        first = True
        for para in paras:
            text_chars = [(j, ch) for j, ch in _strip(para.chars) if ch.footnote is None]
            if text_chars and not first:
                view.synthetic(" ")
            for j, ch in text_chars:
                where[(k, j)] = len(view)
                view.real(ch.text, char_pos[k][j])
            first = first and not text_chars
            k += 1
        view.synthetic("\n\n")
    view_text = "".join(view.chars)
    plain_of = view.offsets(len(plain))

    pending = []
    for change in changes:
        if change.paragraph < 0:
            continue  # changes inside footnotes: their footnote's presence tells them
        keys = [
            where[(change.paragraph, j)] for j, ch in enumerate(walked[change.paragraph].chars)
            if ch.change is not None and changes[ch.change] is change
            and (change.paragraph, j) in where
        ]
        if keys:
            pending.append((change, min(keys), max(keys) + 1))
        else:
            at = _anchor(where, walked, change, len(view_text))
            pending.append((change, at, at))
    return DocxSource(
        path, view_text, "docx", False, "\n", plain=plain, plain_of=plain_of,
        tracked=tracked, pending=pending,
    )


def _footnote_elements(root: Any) -> dict[str, Any]:
    if root is None:
        return {}
    out = {}
    for fn in root.iter(w("footnote")):
        if fn.get(w("type")) in (None, "normal"):
            out[fn.get(w("id"))] = fn
    return out


def _strip(chars: list[Char]) -> list[tuple[int, Char]]:
    """(index, char) without the leading and trailing white space."""
    indexed = list(enumerate(chars))
    while indexed and indexed[0][1].footnote is None and not indexed[0][1].text.strip():
        indexed.pop(0)
    while indexed and indexed[-1][1].footnote is None and not indexed[-1][1].text.strip():
        indexed.pop()
    return indexed


def _emit_paragraph(
    view: ViewBuilder, walked: list[WalkedParagraph], group: list[int], char_pos: list[list[int]],
    numbers: dict[str, int], numbering: Numbering, styles: _Styles,
    where: dict[tuple[int, int], int],
) -> None:
    last = walked[group[-1]]  # a joined paragraph keeps the properties of the last mark
    chars = [(i, j, ch) for i in group for j, ch in enumerate(walked[i].chars)]
    label = _label(last.ppr, numbering, styles)
    while chars and chars[0][2].footnote is None and not chars[0][2].text.strip():
        chars.pop(0)
    while chars and chars[-1][2].footnote is None and not chars[-1][2].text.strip():
        chars.pop()
    text = "".join(ch.text for _, _, ch in chars)
    if not chars or RULE_LINE.match(text):
        return
    lead_end = 0
    if chars[0][2].italic and chars[0][2].footnote is None:
        for n, (_, _, ch) in enumerate(chars):
            if ch.footnote is not None or not (ch.italic or not ch.text.strip()):
                break
            if ch.text.strip():
                lead_end = n + 1
    if label:
        view.synthetic(label + " ")
    for n, (i, j, ch) in enumerate(chars):
        if n == 0 and lead_end:
            view.synthetic("*")
        where[(i, j)] = len(view)
        if ch.footnote is not None:
            number = numbers.get(ch.footnote)
            if number is not None:
                view.marker(number, char_pos[i][j], len(str(number)))
        else:
            view.real(ch.text, char_pos[i][j])
        if n + 1 == lead_end:
            view.synthetic("*")
    view.synthetic("\n\n")


def _label(ppr: Any, numbering: Numbering, styles: _Styles) -> str:
    if ppr is None:
        return ""
    num_pr = ppr.find(w("numPr"))
    if num_pr is None:
        num_pr = styles.num_pr(val(ppr.find(w("pStyle"))))
    if num_pr is None:
        return ""
    num_id = val(num_pr.find(w("numId")))
    if num_id is None:
        return ""
    return numbering.label(num_id, int_val(num_pr.find(w("ilvl")), 0) or 0)


def _anchor(where: dict[tuple[int, int], int], walked: list[WalkedParagraph], change: Change,
            end: int) -> int:
    """View offset of a hidden change: the next character shown after it."""
    para = walked[change.paragraph]
    for j in range(change.anchor, len(para.chars)):
        if (change.paragraph, j) in where:
            return where[(change.paragraph, j)]
    for i in range(change.paragraph + 1, len(walked)):
        for j in range(len(walked[i].chars)):
            if (i, j) in where:
                return where[(i, j)]
    return end
