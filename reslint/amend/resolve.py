"""Resolving an amendment's instructions against the draft as issued.

Every instruction names paragraphs by the draft's own numbering, and several amendments
to one draft all refer to the draft as issued: so each instruction is first resolved on
the unchanged draft (which paragraph, which words, at which offsets of the draft's file),
and only then are the edits made together (reslint.amend.apply).  Resolving is also what
the check reports on: a paragraph that does not exist, words that are not where the
instruction says, a reading that differs, two instructions that touch the same words.

Within one amendment, an instruction may quote the draft as an earlier instruction of the
same amendment leaves it ("Replace “Chernobyl” with “Chornobyl” in the title, the
preambular paragraphs and the operative paragraphs", then "insert “of Ukraine” after
“Chornobyl nuclear power plant”"): quoted words are looked for in the draft as issued,
then in the draft as those replace-everywhere instructions leave it.
"""

from __future__ import annotations

import re

from reslint._dataclass import dataclass, field, replace
from reslint.amend.text import Norm, first_difference, fold
from reslint.model import Document, Instruction, Paragraph, Quote
from reslint.vocab.ordinals import int_to_ordinal

CLOSING = ",;.:"


@dataclass
class Target:
    """A part of the draft an instruction can act on: the title, a paragraph or a
    sub-paragraph."""

    key: str  # "title", "PP5", "OP4", "OP3(b)"
    part: str  # "title", "preamble", "operative", "sub"
    name: str  # "the title", "the fifth preambular paragraph", "operative paragraph 4"
    norm: Norm  # its words, mapped to the draft's file
    paragraph: Paragraph | None = None
    index: int = 0  # position among the draft's targets, in document order


@dataclass
class WordEdit:
    """Words of the draft replaced (start == end: words inserted), in the draft's file."""

    key: str
    start: int
    end: int
    text: str
    everywhere: bool = False  # one occurrence of a replace-everywhere instruction
    glue: str = ""  # "after"/"before": spacing decided when applied, "" none
    quote: Quote | None = None  # the amendment's words put in (their footnotes)


@dataclass
class ParagraphEdit:
    """Whole paragraphs: "delete" the paragraph `key`, "replace" it by `paragraphs`,
    "insert" `paragraphs` "after"/"before" it."""

    action: str
    key: str
    position: str = ""
    paragraphs: list[Quote] = field(default_factory=list)
    kind: str = "operative"


@dataclass
class Resolved:
    """One instruction resolved against the draft: what it does there, or why it cannot."""

    path: str  # the amendment's file
    instruction: Instruction
    target: Target | None = None
    problem: str | None = None  # "place", "quote", "reading", "absent", "unreadable"
    detail: dict[str, object] = field(default_factory=dict)
    words: list[WordEdit] = field(default_factory=list)
    paragraphs: list[ParagraphEdit] = field(default_factory=list)
    order: tuple[int, int, int] | None = None
    conflicts: list[Resolved] = field(default_factory=list)

    @property
    def label(self) -> str:
        n = self.instruction.number
        where = f"{self.path}:{self.instruction.span.line}"
        return f"instruction {n} ({where})" if n is not None else f"the instruction ({where})"


# --- the draft's targets -------------------------------------------------------------------

class DraftIndex:
    """The draft's title, paragraphs and sub-paragraphs, each with its words mapped."""

    def __init__(self, draft: Document) -> None:
        self.draft = draft
        self.targets: list[Target] = []
        self.by_key: dict[str, Target] = {}
        h = draft.heading
        if h.title and h.title_span is not None:
            start, end = h.title_span.start, h.title_span.end
            raw = draft.source.text[start:end]
            self._add(Target("title", "title", "the title",
                             Norm.build(raw, range(start, end), drop="*_")))
        for i, p in enumerate(draft.preamble, 1):
            self._add(Target(p.label, "preamble",
                             f"the {int_to_ordinal(i)} preambular paragraph"
                             if i <= 200 else f"preambular paragraph {i}",
                             self._norm(p), p))
        for p in draft.operative:
            self._add(Target(p.label, "operative", f"operative paragraph {p.number}",
                             self._norm(p), p))
            self._subs(p, f"operative paragraph {p.number}")

    def _subs(self, p: Paragraph, parent: str) -> None:
        for s in p.subparagraphs:
            name = f"sub-paragraph ({s.number}) of {parent}"
            self._add(Target(s.label, "sub", name, self._norm(s), s))
            self._subs(s, parent)

    def _add(self, target: Target) -> None:
        target.index = len(self.targets)
        self.targets.append(target)
        self.by_key.setdefault(target.key, target)

    def _norm(self, p: Paragraph) -> Norm:
        offsets = self.draft.clean_map.offsets
        n = len(p.text)
        base = p.clean_start
        if self.draft.clean[base:base + n] == p.text:
            return Norm.build(p.text, offsets[base:base + n])
        return Norm.build(p.text, [p.span.start] * n)

    def paragraph(self, part: str, number: int | None, sub: tuple[str, ...]) -> Target | None:
        if part == "title":
            return self.by_key.get("title")
        p: Paragraph | None
        if part == "preamble":
            items = self.draft.preamble
            if number == -1 and items:
                p = items[-1]
            elif number is not None and 1 <= number <= len(items):
                p = items[number - 1]
            else:
                return None
        else:
            items = self.draft.operative
            if number == -1 and items:
                p = items[-1]
            else:
                p = next((q for q in items if q.number == str(number)), None)
            if p is None:
                return None
        for label in sub:
            p = next((s for s in p.subparagraphs if s.number == label), None)
            if p is None:
                return None
        return self.by_key.get(p.label)

    def count(self, part: str) -> int:
        return len(self.draft.preamble if part == "preamble" else self.draft.operative)

    def everywhere(self, parts: tuple[str, ...]) -> list[Target]:
        wanted = set(parts) | ({"sub"} if "operative" in parts else set())
        return [t for t in self.targets if t.part in wanted]


# --- resolving ------------------------------------------------------------------------------

def resolve_amendment(doc: Document, index: DraftIndex) -> list[Resolved]:
    """Each instruction of one amendment, resolved against the draft as issued."""
    assert doc.amendment is not None
    instructions = doc.amendment.instructions
    swaps = [(i.old.text, i.new[0].text) for i in instructions
             if i.place is not None and i.place.part == "everywhere" and i.old and i.new]
    first = {id(i): _resolve(doc.path, i, index, swaps, set()) for i in instructions
             if i.place is not None and i.place.part == "everywhere"}
    # words that only a replace-everywhere instruction that found nothing would have put
    # in: a quotation that needs them fails because of that instruction, reported once
    failed = {fold(i.new[0].text) for i in instructions if id(i) in first and i.new
              and first[id(i)].problem is not None}
    out = [first.get(id(ins)) or _resolve(doc.path, ins, index, swaps, failed)
           for ins in instructions]
    find_conflicts(out)
    return out


def _resolve(path: str, ins: Instruction, index: DraftIndex,
             swaps: list[tuple[str, str]], failed: set[str]) -> Resolved:
    r = Resolved(path, ins)
    place = ins.place
    if ins.problems or place is None:
        r.problem = "unreadable"
        return r
    if place.part == "everywhere":
        return _everywhere(r, ins, index)
    if ins.target == "paragraph" and ins.action == "insert" and place.number is None \
            and place.part in ("preamble", "operative"):
        items = index.draft.preamble if place.part == "preamble" else index.draft.operative
        if not items:
            r.problem = "place"
            r.detail = {"what": f"the {place.part} part", "count": 0}
            return r
        anchor = items[-1] if ins.position == "end" else items[0]
        target = index.by_key[anchor.label]
        position = "after" if ins.position == "end" else "before"
        r.target = target
        r.paragraphs.append(ParagraphEdit("insert", target.key, position, list(ins.new),
                                          ins.kind or place.part))
        r.order = (_rank(target.part), target.index, 10**6 if position == "after" else -1)
        return r
    found = index.paragraph(place.part, place.number, place.sub)
    if found is None and place.sub and ins.target == "paragraph" and ins.action == "insert":
        # "Add a new sub-paragraph (e) to operative paragraph 4": after its last one
        parent = index.paragraph(place.part, place.number, place.sub[:-1])
        subs = parent.paragraph.subparagraphs if parent and parent.paragraph else []
        if subs and place.sub[-1] == _next_label(subs[-1].number or ""):
            found = index.by_key.get(subs[-1].label)
            ins = replace(ins, position="after", kind="sub")
            r.instruction = ins
    if found is None:
        r.problem = "place"
        r.detail = {"what": place.text or place.part, "count": _count(index, place.part,
                                                                    place.number, place.sub),
                    "part": place.part, "sub": bool(place.sub)}
        return r
    target = found
    r.target = target
    if ins.target == "paragraph":
        return _paragraph_level(r, ins, target, index)
    return _word_level(r, ins, target, index, swaps, failed)


def _next_label(label: str) -> str:
    return chr(ord(label) + 1) if len(label) == 1 and "a" <= label < "z" else ""


def _count(index: DraftIndex, part: str, number: int | None, sub: tuple[str, ...]) -> int:
    if sub:
        parent = index.paragraph(part, number, ())
        return len(parent.paragraph.subparagraphs) if parent and parent.paragraph else 0
    return index.count(part)


def _rank(part: str) -> int:
    return {"title": 0, "preamble": 1, "operative": 2, "sub": 2}.get(part, 3)


def _everywhere(r: Resolved, ins: Instruction, index: DraftIndex) -> Resolved:
    if ins.action != "replace" or ins.old is None or not ins.new:
        r.problem = "unreadable"
        return r
    assert ins.place is not None
    found = 0
    for target in index.everywhere(ins.place.parts):
        for s, e in target.norm.find_all(ins.old.text):
            start, end = target.norm.orig(s, e)
            r.words.append(WordEdit(target.key, start, end, ins.new[0].text, everywhere=True,
                                    quote=ins.new[0]))
            found += 1
    r.detail = {"occurrences": found}
    if not found:
        r.problem = "absent"
    return r


def _paragraph_level(r: Resolved, ins: Instruction, target: Target,
                     index: DraftIndex) -> Resolved:
    pos_in = 10**6 if ins.position == "after" else -1
    r.order = (_rank(target.part), target.index, pos_in if ins.action == "insert" else 0)
    if target.part == "title":  # "Replace the title with the following: “…”"
        if ins.action != "replace" or not ins.new:
            r.problem = "unreadable"
            return r
        start, end = target.norm.orig(0, len(target.norm.text))
        r.words.append(WordEdit(target.key, start, end, ins.new[0].text, quote=ins.new[0]))
        return r
    if ins.action == "insert":
        r.paragraphs.append(ParagraphEdit("insert", target.key, ins.position or "after",
                                          list(ins.new), ins.kind or target.part))
        return r
    if ins.old is not None:  # "Delete the thirty-eighth preambular paragraph reading: …"
        reading = _strip_label(ins.old.text)
        whole = _whole_text(target)
        diff = first_difference(whole, reading)
        if diff is not None:
            r.problem = "reading"
            r.detail = {"draft": diff[0], "amendment": diff[1]}
            return r
    if ins.action == "delete":
        r.paragraphs.append(ParagraphEdit("delete", target.key, kind=target.part))
    else:
        r.paragraphs.append(ParagraphEdit("replace", target.key, paragraphs=list(ins.new),
                                          kind=target.part))
    return r


def _whole_text(target: Target) -> str:
    p = target.paragraph
    if p is None:
        return target.norm.text
    parts = [p.text]
    stack = list(p.subparagraphs)
    while stack:
        s = stack.pop(0)
        parts.append(f"({s.number}) {s.text}")
        stack[:0] = s.subparagraphs
    return " ".join(parts)


LABEL = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,6}\))\s*")


def _strip_label(text: str) -> str:
    return LABEL.sub("", text, count=1)


def _word_level(r: Resolved, ins: Instruction, target: Target, index: DraftIndex,
                swaps: list[tuple[str, str]], failed: set[str]) -> Resolved:
    norm = target.norm
    swapped = norm.replace_all(swaps) if swaps else None
    rank = _rank(target.part)

    def locate(q: Quote, role: str) -> tuple[int, int, int] | None:
        """(original start, original end, position) of the quoted words in the target."""
        for text in (norm, swapped):
            if text is None:
                continue
            at = text.find(q.text)
            if at is not None:
                s, e = text.orig(*at)
                return s, e, at[0]
        if any(new and new in fold(q.text) for new in failed):
            r.problem = "cascade"  # the replace-everywhere instruction is reported
            return None
        r.problem = "quote"
        r.detail = {"role": role, "text": q.text, "where": _elsewhere(q.text, index, target,
                                                                      swaps)}
        return None

    if ins.action in ("delete", "replace"):
        if ins.old is None:
            r.problem = "unreadable"
            return r
        role = "the words to delete" if ins.action == "delete" else "the words to replace"
        got = locate(ins.old, role)
        if got is None:
            return r
        s, e, pos = got
        quote = ins.new[0] if ins.action == "replace" and ins.new else None
        r.words.append(WordEdit(target.key, s, e, quote.text if quote else "", quote=quote))
        r.order = (rank, target.index, pos)
        return r
    # insert words
    if not ins.new:
        r.problem = "unreadable"
        return r
    quote = ins.new[0]
    text = quote.text
    if ins.anchor is not None:
        role = (f"the words {ins.position or 'after'} which it inserts")
        got = locate(ins.anchor, role)
        if got is None:
            return r
        s, e, pos = got
        at = e if ins.position != "before" else s
        r.words.append(WordEdit(target.key, at, at, text, glue=ins.position or "after",
                                quote=quote))
        r.order = (rank, target.index, pos)
        return r
    if ins.position == "beginning":
        at = norm.orig(0, 0)[0]
        r.words.append(WordEdit(target.key, at, at, text, glue="before", quote=quote))
        r.order = (rank, target.index, 0)
        return r
    # at the end: before the paragraph's closing punctuation
    end = len(norm.text)
    while end > 0 and norm.text[end - 1] in CLOSING:
        end -= 1
    at = norm.orig(0, end)[1] if end else norm.orig(0, 0)[0]
    r.words.append(WordEdit(target.key, at, at, text, glue="after", quote=quote))
    r.order = (rank, target.index, end)
    return r


def _elsewhere(words: str, index: DraftIndex, skip: Target,
               swaps: list[tuple[str, str]]) -> str | None:
    """The name of the first other part of the draft where the words stand, if any: the
    amendment was written against another revision, or names the wrong paragraph."""
    for t in index.targets:
        if t is skip:
            continue
        if t.norm.find(words) is not None or (
                swaps and t.norm.replace_all(swaps).find(words) is not None):
            return t.name
    return None


# --- conflicts ------------------------------------------------------------------------------

def find_conflicts(resolved: list[Resolved]) -> None:
    """Instructions that touch the same words (or a paragraph another deletes or replaces)
    are conflicts, each listing the other.  An occurrence of a replace-everywhere
    instruction inside words another instruction of the same amendment rewrites is not a
    conflict: that instruction was written with it in mind (its quotation already reads
    the replaced words, or rewrites them itself); the occurrence gives way.  Another
    delegation's amendment was not written with it in mind: words it deletes or rewrites
    that a replace-everywhere instruction also changes are a conflict the Committee must
    settle."""
    removed: dict[str, Resolved] = {}
    for r in resolved:
        for p in r.paragraphs:
            if p.action in ("delete", "replace"):
                if p.key in removed and removed[p.key] is not r:
                    _clash(r, removed[p.key])
                removed.setdefault(p.key, r)
    local = [(r, w) for r in resolved for w in r.words if not w.everywhere]
    _sweep(local)
    for r, w in local:
        owner = removed.get(w.key) or removed.get(w.key.split("(")[0])
        if owner is not None and owner is not r:
            _clash(r, owner)
    everywhere = [(r, w) for r in resolved for w in r.words if w.everywhere]
    _sweep(everywhere)
    for r, w in everywhere:
        for other in resolved:
            if other.path != r.path and _touches(w, other):
                _clash(r, other)


def _sweep(edits: list[tuple[Resolved, WordEdit]]) -> None:
    """Clash every pair of edits of different instructions that overlap: sorted by start,
    each is compared only with those still open where it starts."""
    edits = sorted(edits, key=lambda rw: (rw[1].start, rw[1].end))
    active: list[tuple[Resolved, WordEdit]] = []
    for r1, w1 in edits:
        active = [(r, w) for r, w in active if w.end > w1.start or w.start == w1.start]
        for r2, w2 in active:
            if r1 is not r2 and _overlap(w1, w2):
                _clash(r1, r2)
        active.append((r1, w1))


def _overlap(a: WordEdit, b: WordEdit) -> bool:
    if a.start == a.end or b.start == b.end:  # an insertion point inside replaced words
        point, span = (a, b) if a.start == a.end else (b, a)
        return span.start < point.start < span.end
    return a.start < b.end and b.start < a.end


def _clash(a: Resolved, b: Resolved) -> None:
    if b not in a.conflicts:
        a.conflicts.append(b)
    if a not in b.conflicts:
        b.conflicts.append(a)


def _touches(w: WordEdit, r: Resolved) -> bool:
    """Whether instruction `r` deletes or rewrites words of `w` (an occurrence of a
    replace-everywhere instruction), or the paragraph they stand in."""
    for other in r.words:
        if not other.everywhere and other.key == w.key and _overlap(other, w):
            return True
    return any(p.action in ("delete", "replace") and (w.key == p.key
                                                      or w.key.startswith(p.key + "("))
               for p in r.paragraphs)


def absorbed(w: WordEdit, owner: Resolved, resolved: list[Resolved]) -> bool:
    """Whether an occurrence of `owner`'s replace-everywhere instruction gives way to
    another instruction of the same amendment that edits the same words or paragraph."""
    return any(r.path == owner.path and _touches(w, r) for r in resolved)


__all__ = ["DraftIndex", "ParagraphEdit", "Resolved", "Target", "WordEdit", "absorbed",
           "find_conflicts", "fold", "resolve_amendment"]
