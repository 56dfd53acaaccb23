"""Applying amendments: the draft as amended, in the draft's own format.

Every instruction of every amendment is first resolved against the draft as issued
(reslint.amend.resolve); if any cannot be applied, or two touch the same words, nothing is
written and each problem is reported with its place.  Then all edits are made at once on
the draft's file: words replaced, deleted or inserted (with the spacing a sentence needs),
whole paragraphs deleted, replaced or inserted (laid out as the draft lays out its own: the
number label, the blank line, the italic lead where the draft has one), the operative
paragraphs renumbered 1..n, and the references to paragraphs ("paragraph 5 above", "in
paragraph 12 of the present resolution", "the fifth preambular paragraph"), in the draft
and in the words the amendments insert, made to follow (reslint.amend.references); the
footnotes numbered in order with those the inserted words carry, and without those of the
deleted paragraphs (reslint.amend.footnotes).
"""

from __future__ import annotations

import bisect
import re

from reslint._dataclass import dataclass, field
from reslint.amend import footnotes
from reslint.amend.footnotes import Notes
from reslint.amend.references import Renumbering, changes, rewrite
from reslint.amend.resolve import (
    DraftIndex,
    ParagraphEdit,
    Resolved,
    absorbed,
    find_conflicts,
    resolve_amendment,
)
from reslint.errors import ReslintError
from reslint.model import Document, Paragraph, Quote
from reslint.parse.paragraphs import lead_words


class AmendError(ReslintError):
    """Instructions that cannot be applied: one line each, naming the amendment and line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Amended:
    text: str  # the draft's file as amended
    resolved: list[Resolved]
    changed: list[str] = field(default_factory=list)  # draft labels touched ("PP2", "OP4")
    notes: list[str] = field(default_factory=list)  # "path:line: …" the user should look at


def describe(r: Resolved) -> str:
    """Why an instruction cannot be applied, in one line that names where it stands."""
    ins = r.instruction
    where = f"{r.path}:{ins.span.line}: {r.label.split(' (')[0]}"
    d = r.detail
    if r.conflicts:
        others = ", ".join(c.label for c in r.conflicts)
        return f"{where}: conflicts with {others}: both touch the same words of the draft"
    if r.problem == "unreadable":
        return f"{where}: cannot be read: " + ("; ".join(ins.problems) or "no place or words")
    if r.problem == "place":
        return f"{where}: {d.get('what')} does not exist in the draft ({d.get('count')} there)"
    if r.problem == "quote":
        elsewhere = f" (they are in {d['where']})" if d.get("where") else ""
        place = ins.place.text if ins.place else "?"
        return f"{where}: {d.get('role')} “{d.get('text')}” are not in {place}{elsewhere}"
    if r.problem == "reading":
        return (f"{where}: the paragraph reads “…{d.get('draft')}…”, the amendment "
                f"“…{d.get('amendment')}…”")
    if r.problem == "absent":
        return f"{where}: “{ins.old.text if ins.old else ''}” does not occur in the draft"
    if r.problem == "cascade":
        return (f"{where}: its words depend on a replace-everywhere instruction that found "
                "nothing")
    return f"{where}: cannot be applied"


def amend(draft: Document, amendments: list[Document]) -> Amended:
    """The draft as amended by all `amendments` together (each resolved against the draft
    as issued).  AmendError when any instruction cannot be applied."""
    index = DraftIndex(draft)
    resolved: list[Resolved] = []
    for doc in amendments:
        if doc.amendment is None:
            raise AmendError([f"{doc.path}: not an amendment (no line names the draft amended)"])
        resolved.extend(resolve_amendment(doc, index))
    find_conflicts(resolved)
    problems = [describe(r) for r in resolved if r.problem or r.conflicts]
    if problems:
        raise AmendError(problems)
    return _Applier(draft, index, resolved).run()


# --- the edits ---------------------------------------------------------------------------------

LABEL = re.compile(r"^\s*(?:\d{1,3}(?:\s*bis)?\.|\((?:[a-z]{1,2}|[ivxl]{1,6})\))\s+")
SUB_LABEL = re.compile(r"\((?:[a-z]{1,2}|[ivxl]{1,6})\)")
LABEL_BEFORE = re.compile(r"(?P<num>\d{1,3})\\?\.?[ \t]*(?:\r?\n[ \t]*)?[*_]{0,3}$")
SUB_BEFORE = re.compile(r"\((?P<num>[a-z]{1,2}|[ivxl]{1,6})\)[ \t]*(?:\r?\n[ \t]*)?[*_]{0,3}$")

@dataclass
class _Edit:
    start: int
    end: int
    text: str
    order: int = 0  # among insertions at one point: amendment and instruction order


class _Applier:
    def __init__(self, draft: Document, index: DraftIndex, resolved: list[Resolved]) -> None:
        self.draft = draft
        self.text = draft.source.text
        self.nl = "\r\n" if "\r\n" in self.text else "\n"
        self.index = index
        self.resolved = resolved
        self.edits: list[_Edit] = []
        self.changed: list[str] = []
        self.notes: list[str] = []
        self.labels = {p.label: p for p in self._all_paragraphs()}

    def _all_paragraphs(self) -> list[Paragraph]:
        out: list[Paragraph] = []
        stack = list(self.draft.paragraphs())
        while stack:
            p = stack.pop(0)
            out.append(p)
            stack[:0] = p.subparagraphs
        return out

    def run(self) -> Amended:
        para_edits = [(n, p) for n, r in enumerate(self.resolved) for p in r.paragraphs]
        self.renumbering = self._renumbering(para_edits)
        self.footnotes = Notes()
        self.followed = {id(q): self._follow(self._marked(q, q.text, r), r)
                         for r in self.resolved for pe in r.paragraphs for q in pe.paragraphs}
        problems: list[str] = []
        for n, r in enumerate(self.resolved):
            for w in r.words:
                if w.everywhere and absorbed(w, r, self.resolved):
                    continue
                if w.everywhere and w.quote is not None and w.quote.notes:
                    problems.append(f"{r.path}:{r.instruction.span.line}: the words it puts in "
                                    "everywhere carry a footnote: add it by hand")
                    break
                text = self._marked(w.quote, w.text, r) if w.quote is not None else w.text
                self._words(w.start, w.end, self._follow(text, r), w.glue, n)
                self._touch(w.key)
        self._paragraphs(para_edits)
        plan = footnotes.plan(self.draft, [(e.start, e.end, e.text, e.order)
                                           for e in self.edits], self.footnotes)
        if problems or plan.problems:
            raise AmendError(problems + plan.problems)
        for e in self.edits:
            e.text = footnotes.PLACEHOLDER.sub(lambda m: plan.markers[m.group()], e.text)
        self.edits += [_Edit(s, e, t, -1) for s, e, t in plan.edits]
        out = _apply(self.text, self.edits)
        return Amended(out, self.resolved, self.changed, self.notes)

    def _touch(self, key: str) -> None:
        if key not in self.changed:
            self.changed.append(key)

    # --- words ---------------------------------------------------------------------------
    def _words(self, start: int, end: int, new: str, glue: str, order: int) -> None:
        text = self.text
        if start == end:  # insertion
            if glue == "before":
                piece = new if new.endswith(("(", "“", " ")) else new + " "
            else:
                piece = new if new[:1] in ",;.:)”’" or not new else " " + new
                if start > 0 and text[start - 1] in " \t" and piece.startswith(" "):
                    piece = piece[1:]
            # “…, including …,” inserted before the draft's own comma: one comma, not two
            if piece[-1:] in ",;" and text[start:start + 1] == piece[-1]:
                piece = piece[:-1]
            if piece[:1] in ",;" and start > 0 and text[start - 1] == piece[0]:
                piece = piece[1:]
            self.edits.append(_Edit(start, end, piece, order))
            return
        if not new:  # deletion: one space goes with the words
            if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] in " \n"):
                end += 1
            elif start > 0 and text[start - 1] == " " and (end >= len(text)
                                                           or text[end] in ",;.:) \r\n"):
                start -= 1
        self.edits.append(_Edit(start, end, new, order))

    # --- paragraphs ----------------------------------------------------------------------
    def _extent(self, p: Paragraph) -> tuple[int, int]:
        """The paragraph's lines in the file, from its number label to the blank lines
        after its last sub-paragraph."""
        text = self.text
        start = p.span.start
        window = text[max(0, start - 40):start]
        label = (SUB_BEFORE if p.kind == "sub" else LABEL_BEFORE).search(window)
        if label and p.kind != "preamble":
            start = start - len(window) + label.start()
        start = text.rfind("\n", 0, start) + 1
        last = p
        while last.subparagraphs:
            last = last.subparagraphs[-1]
        end = text.find("\n", max(last.span.end - 1, start))
        end = len(text) if end == -1 else end + 1
        while end < len(text):  # the blank lines after it
            nxt = text.find("\n", end)
            line = text[end:] if nxt == -1 else text[end:nxt]
            if line.strip():
                break
            end = len(text) if nxt == -1 else nxt + 1
        return start, end

    def _own_lines(self, p: Paragraph, start: int, end: int) -> list[tuple[int, int]]:
        """The runs of lines of [start, end) that are the paragraph's own: a paragraph
        that runs over a page break in PDF text has the foot of one page (its footnotes)
        and the head of the next between its lines, and those stay.  A blank line next to
        such a line stays with it."""
        offsets: list[int] = []
        for q in [p, *self._descendants(p)]:
            n = len(q.text)
            if self.draft.clean[q.clean_start:q.clean_start + n] != q.text:
                return [(start, end)]
            offsets += self.draft.clean_map.offsets[q.clean_start:q.clean_start + n]
        offsets.sort()
        lines: list[tuple[int, int, str]] = []  # (start, end, "own"/"blank"/"other")
        pos = start
        while pos < end:
            stop = self.text.find("\n", pos, end)
            stop = end if stop == -1 else stop + 1
            i = bisect.bisect_left(offsets, pos)
            own = False
            while i < len(offsets) and offsets[i] < stop and not own:
                own = not self.text[offsets[i]].isspace()  # not a joining space
                i += 1
            kind = ("own" if own else "blank" if not self.text[pos:stop].strip() else "other")
            lines.append((pos, stop, kind))
            pos = stop
        if not any(kind == "other" for _, _, kind in lines):
            return [(start, end)]
        first_own = next((i for i, line in enumerate(lines) if line[2] == "own"), 0)
        keep = [kind == "other" or (kind == "blank" and any(
            0 <= j < len(lines) and lines[j][2] == "other" for j in (i - 1, i + 1)))
            for i, (_, _, kind) in enumerate(lines)]
        for i in range(first_own):  # the number label's line, before the words
            keep[i] = False
        pieces: list[tuple[int, int]] = []
        for (s, e, _), kept in zip(lines, keep, strict=True):
            if kept:
                continue
            if pieces and pieces[-1][1] == s:
                pieces[-1] = (pieces[-1][0], e)
            else:
                pieces.append((s, e))
        return pieces or [(start, start)]

    def _descendants(self, p: Paragraph) -> list[Paragraph]:
        out: list[Paragraph] = []
        for s in p.subparagraphs:
            out += [s, *self._descendants(s)]
        return out

    def _label_digits(self, p: Paragraph) -> tuple[int, int] | None:
        start = p.span.start
        window = self.text[max(0, start - 40):start]
        m = LABEL_BEFORE.search(window)
        if not m or m.group("num") != p.number:
            return None
        base = start - len(window)
        return base + m.start("num"), base + m.end("num")

    def _model(self, kind: str, near: Paragraph | None) -> Paragraph | None:
        if near is not None and near.kind == kind:
            return near
        items = self.draft.preamble if kind == "preamble" else self.draft.operative
        return items[0] if items else near

    def _render(self, q: Quote, kind: str, number: int | str | None,
                model: Paragraph | None) -> str:
        """A new paragraph laid out as `model` (a paragraph of the same part) is; its own
        label, if the amendment typed one, gives way to the draft's numbering."""
        text = self.followed.get(id(q), q.text)
        body = LABEL.sub("", text, count=1) if kind in ("operative", "sub") else text
        prefix, italic = "", ""
        blank = self.nl
        if model is not None:
            start, end = self._extent(model)
            head = self.text[start:model.span.start]
            italic = head[-1] if head and head[-1] in "*_" else ""
            prefix = head[:-1] if italic else head
            if kind == "operative" and number is not None:
                prefix = re.sub(r"\d{1,3}", str(number), prefix, count=1)
            elif kind == "operative":
                prefix = ""
            elif kind == "sub" and number is not None:
                prefix = SUB_LABEL.sub(f"({number})", prefix, count=1)
            stop = self.text.find("\n", max(model.span.end - 1, start))
            tail = self.text[stop + 1:end] if stop != -1 else ""
            blank = tail if tail and not tail.strip() else self.nl
        if italic and body:
            lead = lead_words(body)
            if body.startswith(lead) and lead:
                body = f"{italic}{lead}{italic}{body[len(lead):]}"
        elif kind == "operative" and number is not None and not prefix:
            prefix = f"{number}. "
        return prefix + body + self.nl + blank

    def _tables(self, edits: list[tuple[int, ParagraphEdit]]) -> tuple[
            set[str], dict[str, list[tuple[int, ParagraphEdit]]],
            dict[str, list[tuple[int, ParagraphEdit]]], dict[str, tuple[int, ParagraphEdit]]]:
        """The paragraphs removed (deleted or replaced), the insertions before and after
        each paragraph, and the replacements, by the draft's labels."""
        removed = {p.key for _, p in edits if p.action in ("delete", "replace")}
        before: dict[str, list[tuple[int, ParagraphEdit]]] = {}
        after: dict[str, list[tuple[int, ParagraphEdit]]] = {}
        replaced: dict[str, tuple[int, ParagraphEdit]] = {}
        for n, e in edits:
            if e.action == "insert":
                (before if e.position == "before" else after).setdefault(e.key, []).append((n, e))
            elif e.action == "replace":
                replaced[e.key] = (n, e)
        return removed, before, after, replaced

    def _sequence(self, items: list[Paragraph], kind: str,
                  edits: list[tuple[int, ParagraphEdit]]
                  ) -> list[tuple[Paragraph | None, Quote | None, str, int]]:
        """One part (`kind`: "preamble" or "operative") as amended, in order: (the draft's
        paragraph kept, or None and the new paragraph's quote)."""
        removed, before, after, replaced = self._tables(edits)
        sequence: list[tuple[Paragraph | None, Quote | None, str, int]] = []
        for p in items:
            for n, e in before.get(p.label, []):
                sequence += [(None, q, e.kind, n) for q in e.paragraphs if e.kind == kind]
            if p.label in replaced:
                n, e = replaced[p.label]
                sequence += [(None, q, kind, n) for q in e.paragraphs]
            elif p.label not in removed:
                sequence.append((p, None, kind, -1))
            for n, e in after.get(p.label, []):
                sequence += [(None, q, e.kind, n) for q in e.paragraphs if e.kind == kind]
        return sequence

    def _renumbering(self, edits: list[tuple[int, ParagraphEdit]]) -> Renumbering:
        """Where each paragraph of the draft stands once amended.  A replaced paragraph
        stands where (the first of) its replacement stands; a deleted one nowhere."""
        out = Renumbering()
        _, _, _, replaced = self._tables(edits)
        first = {id(e.paragraphs[0]): key for key, (_, e) in replaced.items() if e.paragraphs}
        deleted = {e.key for _, e in edits if e.action == "delete"}
        for items, kind in ((self.draft.preamble, "preamble"),
                            (self.draft.operative, "operative")):
            place = {p.label: i for i, p in enumerate(items, 1)}
            for count, (p, q, _, _) in enumerate(self._sequence(items, kind, edits), 1):
                label = p.label if p is not None else first.get(id(q))
                para = self.labels.get(label or "")
                if para is None:
                    continue
                if kind == "preamble":
                    out.preamble[place[para.label]] = count
                elif para.number:
                    out.operative[para.number] = count
            for label in deleted & set(place):
                if kind == "preamble":
                    out.deleted_preamble.add(place[label])
                elif self.labels[label].number:
                    out.deleted_operative.add(self.labels[label].number or "")
        return out

    def _paragraphs(self, edits: list[tuple[int, ParagraphEdit]]) -> None:
        removed, before, after, replaced = self._tables(edits)
        sequence = self._sequence(self.draft.operative, "operative", edits)
        numbers: dict[int, int | str] = {}  # id(quote) -> new number (or letter)
        for count, (_, q, _, _) in enumerate(sequence, 1):
            if q is not None:
                numbers[id(q)] = count
        renumber = self.renumbering.operative
        self._reletter(before, after, replaced, removed, numbers)
        self._close(sequence)
        # deletions and replacements
        for n, e in edits:
            p = self.labels.get(e.key)
            if p is None:
                continue
            if e.action in ("delete", "replace"):
                start, end = self._extent(p)
                if end == len(self.text) and e.action == "delete":  # the blank lines before go too
                    m = re.search(r"(?:\r?\n[ \t]*)+$", self.text[:start])
                    if m and self.text[:start].count("\n", m.start()) > 1:
                        start = m.start() + len(self.nl)
                text = ""
                if e.action == "replace":
                    text = "".join(self._render(q, e.kind, numbers.get(id(q)), p)
                                   for q in e.paragraphs)
                for k, (s, e2) in enumerate(self._own_lines(p, start, end)):
                    self.edits.append(_Edit(s, e2, text if k == 0 else "", n))
                self._touch(p.label)
        # insertions
        for table, position in ((before, "before"), (after, "after")):
            for key, items in table.items():
                p = self.labels.get(key)
                if p is None:
                    continue
                start, end = self._extent(p)
                at = start if position == "before" else end
                for n, e in items:
                    model = self._model(e.kind, p)
                    text = "".join(self._render(q, e.kind, numbers.get(id(q)), model)
                                   for q in e.paragraphs)
                    if position == "after" and end == len(self.text):  # at the end of the file
                        gap = re.search(r"(?:\r?\n)?[ \t]*(?:\r?\n)?$", self.text)
                        ends = self.text[gap.start():] if gap else ""
                        text = (self.nl * (2 - ends.count("\n"))) + text.rstrip() + self.nl
                    self.edits.append(_Edit(at, at, text, n))
                    self._touch(f"{key}+")
        # renumbering and references
        for p in self.draft.operative:
            new = renumber.get(p.number or "")
            if new is None or str(new) == p.number:
                continue
            digits = self._label_digits(p)
            if digits is not None:
                self.edits.append(_Edit(digits[0], digits[1], str(new), -1))
        self._references()

    def _close(self, sequence: list[tuple[Paragraph | None, Quote | None, str, int]]) -> None:
        """The operative part ends with a full stop, and only there: a paragraph added
        after the last one (or the last one deleted) moves it."""
        ops = self.draft.operative
        if not sequence or not ops or not ops[-1].text.endswith("."):
            return
        last_old, last = ops[-1], sequence[-1][0]
        if last is last_old:
            return
        kept = {p.label for p, _, _, _ in sequence if p is not None}
        if last_old.label in kept:  # still there, no longer last
            self._punctuate(last_old, ".", ";")
        if last is not None:  # an earlier paragraph of the draft becomes the last
            while last.subparagraphs:
                last = last.subparagraphs[-1]
            self._punctuate(last, ";", ".")

    def _punctuate(self, p: Paragraph, old: str, new: str) -> None:
        target = self.index.by_key.get(p.label)
        if target is None or not target.norm.text.endswith(old):
            return
        at = target.norm.orig(len(target.norm.text) - 1, len(target.norm.text))
        if self.text[at[0]:at[1]] == old:
            self.edits.append(_Edit(at[0], at[1], new, -1))
            self._touch(p.label)

    def _reletter(self, before: dict[str, list[tuple[int, ParagraphEdit]]],
                  after: dict[str, list[tuple[int, ParagraphEdit]]],
                  replaced: dict[str, tuple[int, ParagraphEdit]], removed: set[str],
                  letters: dict[int, int | str]) -> None:
        """Sub-paragraphs (a), (b) … of a paragraph whose sub-paragraphs change are lettered
        again in order; roman-numbered ones are left as they are."""
        for parent in self._all_paragraphs():
            subs = parent.subparagraphs
            keys = {s.label for s in subs}
            if not subs or not (keys & (set(before) | set(after) | removed)):
                continue
            if not all(len(s.number or "") == 1 and (s.number or "") in "abcdefghjkmnopqrstuwyz"
                       for s in subs):
                continue
            seq: list[tuple[Paragraph | None, Quote | None]] = []
            s: Paragraph | None  # a kept sub-paragraph, or None for a quoted new one
            for s in subs:
                seq += [(None, q) for _, e in before.get(s.label, []) for q in e.paragraphs
                        if e.kind == "sub"]
                if s.label in replaced:
                    seq += [(None, q) for q in replaced[s.label][1].paragraphs]
                elif s.label not in removed:
                    seq.append((s, None))
                seq += [(None, q) for _, e in after.get(s.label, []) for q in e.paragraphs
                        if e.kind == "sub"]
            for i, (old, q) in enumerate(seq[:26]):
                letter = chr(ord("a") + i)
                if q is not None:
                    letters[id(q)] = letter
                elif old is not None and old.number != letter:
                    window = self.text[max(0, old.span.start - 40):old.span.start]
                    m = SUB_BEFORE.search(window)
                    if m and m.group("num") == old.number:
                        base = old.span.start - len(window)
                        self.edits.append(_Edit(base + m.start("num"), base + m.end("num"),
                                                letter, -1))
                        self._touch(old.label)

    def _references(self) -> None:
        """"paragraph 5 above", "the fifth preambular paragraph": the draft's references
        to its own paragraphs follow the renumbering (reslint.amend.references); one to a
        paragraph the amendments delete is left as written, and noted."""
        paragraphs = self._all_paragraphs()
        if not paragraphs or not self.renumbering.moves():
            return
        lo, hi = self._extent(paragraphs[0])[0], self._extent(paragraphs[-1])[1]
        for c in changes(self.text, self.renumbering, lo, hi):
            if self._inside_edit(c.start):
                continue  # words the amendments rewrite: theirs follow in _follow
            if c.new is None:
                line = self.text.count("\n", 0, c.start) + 1
                self.notes.append(f"{self.draft.path}:{line}: the draft refers to {c.named}, "
                                  "which the amendments delete")
                continue
            self.edits.append(_Edit(c.start, c.end, c.new, -1))

    def _marked(self, q: Quote, text: str, r: Resolved) -> str:
        """The quote's words with a placeholder for each footnote marker it carries."""
        return self.footnotes.mark(q, text, f"{r.path}:{r.instruction.span.line}")

    def _follow(self, text: str, r: Resolved) -> str:
        """Words an amendment puts in, their references renumbered as the draft's are."""
        new, gone = rewrite(text, self.renumbering)
        where = f"{r.path}:{r.instruction.span.line}"
        self.notes += [f"{where}: the words it inserts refer to {named}, which the "
                       "amendments delete" for named in gone]
        return new

    def _inside_edit(self, at: int) -> bool:
        return any(e.start <= at < e.end for e in self.edits)


def _apply(text: str, edits: list[_Edit]) -> str:
    """All edits at once, from the end of the file back; insertions at one point in order."""
    ordered = sorted(enumerate(edits), key=lambda ie: (ie[1].start, ie[1].end, ie[1].order,
                                                        ie[0]))
    out: list[str] = []
    pos = 0
    for _, e in ordered:
        if e.start < pos:  # inside an earlier edit (a renumbered label of a deleted paragraph)
            continue
        out.append(text[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
