"""One Word paragraph as the reader of a chosen view sees it: characters, italics,
footnote references, and the tracked changes around them.

Tracked changes are markup around runs: w:ins / w:moveTo hold text that exists once the
changes are accepted, w:del / w:moveFrom text that exists only while they are rejected
(w:delText).  A paragraph mark can be tracked too (w:pPr/w:rPr/w:ins or w:del): a deleted
mark joins the paragraph to the next one.  `accepted=True` reads the text as if every
change were accepted, False as if every one were rejected.
"""

from __future__ import annotations

from typing import Any

from reslint._dataclass import dataclass, field
from reslint.text.docx.ooxml import on, val, w

INSERTED = {w("ins"): False, w("moveTo"): True}  # tag -> moved
DELETED = {w("del"): False, w("moveFrom"): True}
TRANSPARENT = {
    w(t) for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                   "bdo", "dir")
}


@dataclass
class Char:
    """A character the reader sees, or a footnote reference (`footnote` set, `text` "")."""

    text: str
    italic: bool
    change: int | None = None  # index into Walk.changes when the character is tracked
    footnote: str | None = None  # w:id of the referenced footnote


@dataclass
class Change:
    kind: str  # "insertion" or "deletion"
    moved: bool
    author: str | None
    date: str | None
    shown: bool  # its text is part of the view read
    text: str = ""
    anchor: int = 0  # index in the paragraph's chars where a hidden change was
    paragraph: int = 0  # physical paragraph index


@dataclass
class WalkedParagraph:
    element: Any
    chars: list[Char] = field(default_factory=list)
    joins_next: bool = False  # its mark is gone in this view: it runs into the next one
    ppr: Any = None  # the paragraph properties in force in this view


class Walker:
    """Walks paragraphs in one view; `italic_style(style_id)` tells italic run styles."""

    def __init__(self, accepted: bool, italic_style: Any, changes: list[Change]) -> None:
        self.accepted = accepted
        self.italic_style = italic_style
        self.changes = changes

    def paragraph(self, p: Any, index: int) -> WalkedParagraph:
        out = WalkedParagraph(p)
        ppr = p.find(w("pPr"))
        out.ppr = ppr
        para_italic = False
        if ppr is not None:
            mark = ppr.find(w("rPr"))
            if mark is not None:
                if self.accepted and mark.find(w("del")) is not None:
                    out.joins_next = True
                if not self.accepted and mark.find(w("ins")) is not None:
                    out.joins_next = True
            if not self.accepted and (change := ppr.find(w("pPrChange"))) is not None:
                old = change.find(w("pPr"))
                out.ppr = old if old is not None else ppr
            para_italic = bool(self.italic_style(val(ppr.find(w("pStyle")))))
        self._children(p, out, None, para_italic, index)
        return out

    def _children(
        self, el: Any, out: WalkedParagraph, change: int | None, base_italic: bool, index: int
    ) -> None:
        for child in el:
            tag = child.tag
            if tag == w("r"):
                if change is None or self.changes[change].shown:
                    self._run(child, out, change, base_italic)
            elif tag in INSERTED or tag in DELETED:
                inserted = tag in INSERTED
                moved = INSERTED.get(tag, DELETED.get(tag, False))
                shown = inserted == self.accepted
                self.changes.append(Change(
                    "insertion" if inserted else "deletion", moved,
                    child.get(w("author")), child.get(w("date")), shown,
                    anchor=len(out.chars), paragraph=index,
                ))
                k = len(self.changes) - 1
                if shown:
                    self._children(child, out, k, base_italic, index)
                self.changes[k].text = _text_of(child)
            elif tag in TRANSPARENT:
                self._children(child, out, change, base_italic, index)

    def _run(self, r: Any, out: WalkedParagraph, change: int | None, base: bool) -> None:
        rpr = r.find(w("rPr"))
        italic = base
        if rpr is not None:
            direct = on(rpr.find(w("i")))
            if direct is not None:
                italic = direct
            elif self.italic_style(val(rpr.find(w("rStyle")))):
                italic = True
        for child in r:
            tag = child.tag
            if tag in (w("t"), w("delText")):
                out.chars.extend(Char(c, italic, change) for c in (child.text or ""))
            elif tag in (w("tab"), w("br"), w("cr")):
                out.chars.append(Char(" ", italic, change))
            elif tag == w("noBreakHyphen"):
                out.chars.append(Char("-", italic, change))
            elif tag == w("footnoteReference"):
                out.chars.append(Char("", False, change, child.get(w("id"))))


def _text_of(el: Any) -> str:
    """The text of a tracked change as Word shows it in the balloon."""
    parts = []
    for node in el.iter(w("t"), w("delText"), w("footnoteReference")):
        parts.append("[footnote]" if node.tag == w("footnoteReference") else node.text or "")
    return "".join(parts)
