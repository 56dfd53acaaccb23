"""The draft's footnotes once amended: numbered 1..n in order, none lost.

A new paragraph (or new words) an amendment inserts may carry a footnote ("… the
Programme of Action of the International Conference on Population and Development** …",
with "** Report of the International Conference …" at the foot of the amendment).  It
keeps it: a marker in the draft's own style where the amendment put it, and the footnote
text among the draft's, in the draft's layout.  The draft's footnotes after it move up one;
a footnote whose every marker the amendments delete goes, with its text, and those after
it move down.

Nothing is guessed.  A footnote whose number must change but whose marker cannot be found
in the draft, a footnote text that stands inside words the amendments delete (a page break
inside a deleted paragraph), a label that is not where it should be: each is a problem,
and nothing is written (reslint.amend.apply.AmendError).
"""

from __future__ import annotations

import itertools
import re

from reslint._dataclass import dataclass, field
from reslint.engine.fixers import FOOTNOTE_LABEL, SUPERSCRIPT
from reslint.model import Document, Footnote, Quote

FIRST = 0xE000  # placeholders for new markers: private-use characters, one per footnote
PLACEHOLDER = re.compile("[\ue000-\uf8ff]")
# a footnote marker the reader did not find: a plain number after a word, before a space
BARE_NUMBER = r"(?<=[^\W\d_]|[,;.:)”’]) {{0,2}}({n})(?=[ \t]|\r?\n|[,;.])"
NOT_A_MARKER_BEFORE = re.compile(
    r"\b(?:paragraphs?|paras?\.|No\.|Nos\.|article|articles|annex|chapter|resolutions?|of|on|"
    r"and|to|from|by|in|at|since|until)\s*$", re.IGNORECASE)
NOT_A_MARKER_AFTER = re.compile(
    r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|per\s+cent|%|\d)", re.IGNORECASE)


@dataclass
class NewNote:
    """A footnote an amendment inserts: its placeholder in the edits' texts."""

    char: str
    text: str
    where: str  # "amendment.md:33", for problems


@dataclass
class Plan:
    """What `footnotes` adds to the edits: (start, end, text) edits into the draft's file,
    each new footnote's marker, and the problems that stop everything."""

    edits: list[tuple[int, int, str]] = field(default_factory=list)
    markers: dict[str, str] = field(default_factory=dict)  # placeholder -> marker as written
    problems: list[str] = field(default_factory=list)


class Notes:
    """The footnotes of the words the amendments insert, as placeholders in their text."""

    def __init__(self) -> None:
        self.new: list[NewNote] = []

    def mark(self, q: Quote, text: str, where: str) -> str:
        """`text` (the quote's words) with a placeholder where each of its footnote
        markers stood."""
        if not q.notes:
            return text
        out = text
        for pos, note in sorted(q.notes, key=lambda n: -n[0]):
            char = chr(FIRST + len(self.new))
            self.new.append(NewNote(char, note, where))
            out = out[:pos] + char + out[pos:]
        return out


@dataclass
class _Item:
    """One footnote of the draft as amended, at its first marker."""

    key: tuple[object, ...]
    footnote: Footnote | None  # the draft's; None for a new footnote
    note: NewNote | None = None


def plan(draft: Document, edits: list[tuple[int, int, str, int]], notes: Notes) -> Plan:
    """The footnote edits, given the amendments' other `edits` ((start, end, text, order),
    the order in which `apply` makes them)."""
    out = Plan()
    text = draft.source.text
    removed = [(s, e) for s, e, _, _ in edits if e > s]

    def gone(at: int) -> bool:
        return any(s <= at < e for s, e in removed)

    footnotes = [f for f in draft.footnotes if not f.missing]
    run = _runs(footnotes)
    items: list[_Item] = []
    dropped: list[Footnote] = []
    for f in footnotes:
        kept = [m for m in f.markers if not gone(m.span.start)]
        if f.markers and not kept:
            dropped.append(f)
        elif kept:
            items.append(_Item((kept[0].span.start, 1), f))
    for f in footnotes:  # one the reader found no marker for: after the one before it
        if not f.markers:
            before = [i for i in items if i.footnote is not None and run[id(i.footnote)]
                      == run[id(f)] and i.footnote.number < f.number]
            last = max(before, key=lambda i: i.footnote.number if i.footnote else 0)
            items.append(_Item((*last.key, 1, f.number) if before
                               else (-1, run[id(f)], f.number), f))
    for index, (start, _, new_text, order) in enumerate(edits):
        for m in PLACEHOLDER.finditer(new_text):
            note = next((n for n in notes.new if n.char == m.group()), None)
            if note is not None:
                items.append(_Item((start, 0, order, index, m.start()), None, note))
    for f in footnotes:
        if gone(f.span.start) and f not in dropped:
            out.problems.append(
                f"{draft.path}:{f.span.line}: the text of footnote {f.number} stands inside "
                "words the amendments delete (a page break): it would be lost")
    if (not notes.new and not dropped) or out.problems:
        return out
    items.sort(key=lambda i: i.key)
    number = _numbers(items, dropped, run)
    for item in items:
        new = number[id(item)]
        if item.note is not None:
            out.markers[item.note.char] = _marker(draft, new)
            continue
        g = item.footnote
        assert g is not None
        f = g
        if new == f.number:
            continue
        spans = [(m.span.start, m.span.end) for m in f.markers if not gone(m.span.start)]
        if not f.markers:
            found = _find_marker(text, draft, f)
            if found is None:
                out.problems.append(
                    f"{draft.path}:{f.span.line}: footnote {f.number} becomes {new}, but its "
                    "marker was not found in the text: number the footnotes by hand")
                continue
            spans = [found]
        label = _label(text, f)
        if label is None:
            out.problems.append(f"{draft.path}:{f.span.line}: the label of footnote "
                                f"{f.number} was not found")
            continue
        out.edits += [_digits(text, s, e, f.number, new) for s, e in [*spans, label]]
    out.edits += [_lines_of(text, f) for f in dropped]
    # the new footnotes' texts, each after the draft's footnote numbered before it
    placed = [(number[id(i)], g) for i in items if (g := i.footnote) is not None]
    for item in items:
        if item.note is not None:
            at = item.key[0]
            assert isinstance(at, int)
            new = number[id(item)]
            if draft.style == "pdf":
                out.edits.append(_on_its_page(text, draft, footnotes, placed, new, at,
                                              item.note))
            else:
                out.edits.append(_new_text(text, draft, footnotes, placed, new, item.note,
                                           out.problems))
    return out


def _runs(footnotes: list[Footnote]) -> dict[int, int]:
    """Each footnote's numbering run: an annex may number its footnotes from 1 again."""
    out: dict[int, int] = {}
    run, last = 0, 0
    for f in footnotes:
        if f.number <= last and f.number == 1:
            run += 1
        out[id(f)] = run
        last = f.number
    return out


def _numbers(items: list[_Item], dropped: list[Footnote], run: dict[int, int]
             ) -> dict[int, int]:
    """Each footnote's number as amended, in the order of `items`: a new one is the one
    after the footnote before it; the draft's move up one for each new footnote before
    them and down one for each deleted one, within their run."""
    out: dict[int, int] = {}
    shift, last, current = 0, 0, 0
    for item in items:
        f = item.footnote
        if f is None:
            shift += 1
            last += 1
            out[id(item)] = last
            continue
        if run[id(f)] != current:
            current, shift = run[id(f)], 0
        gone = sum(1 for d in dropped if run[id(d)] == current and d.number < f.number)
        last = f.number + shift - gone
        out[id(item)] = last
    return out


def _marker(draft: Document, n: int) -> str:
    """A marker numbered `n` as the draft writes its own."""
    if draft.style == "markdown-sup":
        return f"<sup>{n}</sup>"
    if draft.style == "markdown-unicode":
        return str(n).translate(SUPERSCRIPT)
    if draft.style in ("markdown-caret", "markdown-plain"):  # plain: it has none yet
        return f"[^{n}]"
    return str(n)


def _digits(text: str, start: int, end: int, old: int, new: int) -> tuple[int, int, str]:
    """The digits of `old` in text[start:end] made `new` (superscript if they were)."""
    piece = text[start:end]
    m = re.search(r"[0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+", piece)
    assert m is not None
    digits = str(new)
    if m.group()[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        digits = digits.translate(SUPERSCRIPT)
    return start + m.start(), start + m.end(), digits


def _label(text: str, f: Footnote) -> tuple[int, int] | None:
    m = FOOTNOTE_LABEL.search(text, max(0, f.span.start - 16), f.span.start)
    return (m.start(1), m.end(1)) if m else None


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    """After the newline of the line `at` stands on (or the end of the text)."""
    end = text.find("\n", at)
    return len(text) if end == -1 else end + 1


def _lines_of(text: str, f: Footnote) -> tuple[int, int, str]:
    """A footnote's lines, and the blank lines after them, deleted."""
    label = _label(text, f)
    start = _line_start(text, label[0] if label else f.span.start)
    end = _line_end(text, max(f.span.end - 1, f.span.start))
    while end < len(text):
        nxt = _line_end(text, end)
        if text[end:nxt].strip():
            break
        end = nxt
    return start, end, ""


def _separator(text: str, footnotes: list[Footnote]) -> str:
    """The blank lines between two footnote texts of the draft ("" when none)."""
    for a, b in itertools.pairwise(footnotes):
        label = _label(text, b)
        if label is None:
            continue
        gap = text[_line_end(text, max(a.span.end - 1, a.span.start)):_line_start(text, label[0])]
        if not gap.strip():
            return gap
    return ""


def _new_text(text: str, draft: Document, footnotes: list[Footnote],
              kept: list[tuple[int, Footnote]], new: int, note: NewNote,
              problems: list[str]) -> tuple[int, int, str]:
    nl = "\r\n" if "\r\n" in text else "\n"
    before = [f for n, f in kept if n < new]
    after = [f for n, f in kept if n > new]
    sep = _separator(text, footnotes)
    model = before[-1] if before else (after[0] if after else None)
    if model is None:
        if draft.style in ("markdown-caret", "markdown-plain"):  # definitions at the end
            tail = "" if text.endswith(("\n", "\r")) else nl
            return len(text), len(text), f"{tail}{nl}[^{new}]: {note.text}{nl}"
        problems.append(f"{note.where}: the words it inserts carry a footnote, and the draft "
                        "has none to set it among: add it by hand")
        return len(text), len(text), ""
    label = _label(text, model)
    head = text[_line_start(text, label[0]):label[0]] if label else ""
    tail = text[label[1]:model.span.start] if label else " "
    digits = str(new).translate(SUPERSCRIPT) if label and text[label[0]] in "⁰¹²³⁴⁵⁶⁷⁸⁹" \
        else str(new)
    line = f"{head}{digits}{tail}{note.text}{nl}"
    if before:
        at = _line_end(text, max(model.span.end - 1, model.span.start))
        if at == len(text) and not text.endswith("\n"):
            return at, at, nl + sep + line.rstrip("\r\n")
        return at, at, sep + line
    at = _line_start(text, label[0] if label else model.span.start)
    return at, at, line + sep


def _on_its_page(text: str, draft: Document, footnotes: list[Footnote],
                 placed: list[tuple[int, Footnote]], new: int, at: int,
                 note: NewNote) -> tuple[int, int, str]:
    """Text extracted from a PDF keeps each footnote at the foot of the page of its
    marker, under the rule ("__________________"): the new one goes there, among the
    page's own in number order, under a new rule where the page had no footnote."""
    from reslint.text.layout import FOOTNOTE_RULE, split_layout

    nl = "\r\n" if "\r\n" in text else "\n"
    breaks = [b for b in split_layout(draft.source).page_breaks if b > at]
    end = breaks[0] if breaks else len(text.rstrip()) + 1
    end = min(end, len(text))
    rule = None
    for m in re.finditer(r"(?m)^.*$", text[at:end]):
        if FOOTNOTE_RULE.match(m.group()):
            rule = at + m.start()
    sep = _separator(text, footnotes)
    model = next(iter(footnotes), None)
    label = _label(text, model) if model is not None else None
    head = text[_line_start(text, label[0]):label[0]] if label and model else ""
    tail = text[label[1]:model.span.start] if label and model else "  "
    line = f"{head}{new}{tail}{note.text}{nl}"
    if rule is None:  # the page had no footnote: a rule as the draft draws it, then it
        rules = [m.group() for m in re.finditer(r"(?m)^[ \t]*_{5,}[ \t]*$", text)]
        drawn = rules[0] if rules else "_" * 18
        rule_end = _line_end(text, end - 1) if end < len(text) else len(text)
        where = end if end < len(text) and text[end - 1] == "\n" else rule_end
        return where, where, f"{drawn}{nl}{sep}{line}"
    on_page = [(n, f) for n, f in placed if rule <= f.span.start < end]
    before = [f for n, f in on_page if n < new]
    after = [f for n, f in on_page if n > new]
    if before:
        last = before[-1]
        where = _line_end(text, max(last.span.end - 1, last.span.start))
        return where, where, sep + line
    if after:
        first = after[0]
        lab = _label(text, first)
        where = _line_start(text, lab[0] if lab else first.span.start)
        return where, where, line + sep
    where = _line_end(text, rule)
    return where, where, sep + line


def _find_marker(text: str, draft: Document, f: Footnote) -> tuple[int, int] | None:
    """The marker of a footnote the reader found none for: the one plain number `n`
    after a word, between the markers of the footnotes before and after it, that is no
    date, count or paragraph number; None unless there is exactly one."""
    lo, hi = 0, len(text)
    for g in draft.footnotes:
        if g.markers and g.number < f.number:
            lo = max(lo, max(m.span.end for m in g.markers))
        elif g.markers and g.number > f.number:
            hi = min(hi, min(m.span.start for m in g.markers))
    areas = [(_line_start(text, g.span.start), _line_end(text, g.span.end - 1))
             for g in draft.footnotes]
    found = []
    for m in re.finditer(BARE_NUMBER.format(n=f.number), text[lo:hi]):
        at = lo + m.start(1)
        if any(s <= at < e for s, e in areas):
            continue
        if NOT_A_MARKER_BEFORE.search(text[max(0, at - 20):at]) or \
                NOT_A_MARKER_AFTER.match(text, at + len(m.group(1))):
            continue
        found.append((at, at + len(m.group(1))))
    return found[0] if len(found) == 1 else None
