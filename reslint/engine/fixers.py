"""Fixers: the text surgery a YAML `fix` names with `using:` when one replacement will not do.

A rule still says *what* to write (`replace:` the fact to rewrite, `with:` the new value);
the fixer knows the grammar of the place it writes into: the commas and final "and" of the
recalled list, the numbers of all following paragraphs, footnote markers and texts in the
file's own marker style.  Every fixer returns edits into `Document.source.text`, or None
when the text is not what it expects: no fix is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reslint.model import Document, Edit, Span
from reslint.vocab.symbols import parse_symbol

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+and\s+")
LAST_AND = re.compile(r"(\s*)and(\s+)")
# the number of an operative paragraph, just before its text: "1. *", "12.\n \n"
PARAGRAPH_NUMBER = re.compile(r"(?<![\d/.])(\d{1,3})\.[\s*_\u00a0]*\Z")
# the label of a footnote text, just before it: "<sup>1</sup> ", "¹ ", "[^1]: ", "1  "
FOOTNOTE_LABEL = re.compile(r"(?<![\d/.])([0-9]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?:</sup>|\]:)?[ \t*_\[]*\Z")

Fixer = Callable[[Document, "Any", str], "list[Edit] | None"]


def span_of(value: Any) -> Span | None:
    """The span a fact points at: a Span, a record's "span", or a list's first item's."""
    if isinstance(value, Span):
        return value
    if isinstance(value, dict):
        return span_of(value.get("span"))
    if isinstance(value, list) and value:
        return span_of(value[0])
    return None


def _sort_key(symbol: str) -> tuple[int, int] | None:
    sym = parse_symbol(symbol)
    if sym is None or sym.session is None or sym.number is None:
        return None
    return (sym.session, sym.number)


def insert_in_list(doc: Document, target: Any, text: str) -> list[Edit] | None:
    """Insert `text` ("78/32 of 4 December 2023") into the recalled list `target` in its
    chronological place, written like its neighbour (Markdown link, full symbol) and with
    the list's commas and final "and" right."""
    symbol, sep, date = text.partition(" of ")
    key = _sort_key(symbol)
    if not sep or key is None or not isinstance(target, list) or not target:
        return None
    # the list that holds the latest item (the series' own list; a later "Reaffirming its
    # resolution 70/1" is another list), else the first item's paragraph
    field = "list" if all(isinstance(i, dict) and "list" in i for i in target) else "paragraph"
    latest = max(target, key=lambda i: _sort_key(i.get("symbol") or "") or (0, 0)) \
        if field == "list" else target[0]
    items = [i for i in target if isinstance(i, dict) and i.get(field) == latest.get(field)]
    keys = [_sort_key(i.get("symbol") or "") for i in items]
    if None in keys or key in keys:
        return None
    src = doc.source.text
    at = next((k for k, other in enumerate(keys) if other > key), len(items))  # type: ignore[operator]
    model = items[at - 1] if at > 0 else items[0]
    unit = _written_like(src, model, symbol, date)
    if unit is None:
        return None
    if at == len(items):  # a new last item: the old last one gets a comma instead of "and"
        last = items[-1]
        end = span_of(last.get("date_span"))
        if end is None:
            return None
        edits = [Edit(end.end, end.end, " and " + unit)]
        if len(items) > 1:
            before = span_of(items[-2].get("date_span"))
            if before is None:
                return None
            start = _unit_start(src, span_of(last["span"]))  # type: ignore[arg-type]
            m = LAST_AND.fullmatch(src[before.end : start])
            if m is None:
                return None
            edits.insert(0, Edit(before.end, start, "," + m.group(2)))
        return edits
    if at == 0:
        start = _unit_start(src, span_of(items[0]["span"]))  # type: ignore[arg-type]
        return [Edit(start, start, unit + ", ")]
    end = span_of(items[at - 1].get("date_span"))
    following = span_of(items[at]["span"])
    if end is None or following is None:
        return None
    if not LIST_SEPARATOR.fullmatch(src[end.end : _unit_start(src, following)]):
        return None  # words between the items ("… on the Convention and"): not a plain list
    return [Edit(end.end, end.end, ", " + unit)]


def _unit_start(src: str, span: Span) -> int:
    """Where a listed item starts: its symbol, or the "[" of its Markdown link."""
    return span.start - 1 if span.start > 0 and src[span.start - 1] == "[" else span.start


def _written_like(src: str, model: dict[str, Any], symbol: str, date: str) -> str | None:
    """The new item written like `model`: "[77/79](#) of 7 December 2022" gives
    "[78/32](#) of 4 December 2023"; a full "A/RES/77/79" gives a full symbol."""
    sym, when = span_of(model.get("span")), span_of(model.get("date_span"))
    if sym is None or when is None or when.start < sym.end:
        return None
    start = _unit_start(src, sym)
    written = src[sym.start : sym.end]
    if written.startswith("A/RES/") and not symbol.startswith("A/RES/"):
        symbol = "A/RES/" + symbol
    middle = re.sub(r"[ \t]*\r?\n\s*", " ", src[sym.end : when.start])  # unwrap hard wraps
    return src[start : sym.start] + symbol + middle + date


def renumber_paragraphs(doc: Document, target: Any, text: str) -> list[Edit] | None:
    """Number the operative paragraph `target` as `text` and every following one on from
    it (a deleted paragraph renumbers all the rest), within its numbering run: where the
    numbers restart in each section, the next section is left alone."""
    span = span_of(target)
    if span is None or not text.isdigit():
        return None
    index = next((i for i, p in enumerate(doc.operative) if p.span == span), None)
    if index is None:
        return None
    src = doc.source.text
    edits = []
    run = doc.operative[index].run  # numbers restart in each section: renumber this run
    following = [p for p in doc.operative[index:] if p.run == run and p.number is not None]
    for offset, p in enumerate(following):
        want = str(int(text) + offset)
        if p.number == want:
            continue
        window_start = max(0, p.span.start - 40)
        m = PARAGRAPH_NUMBER.search(src, window_start, p.span.start)
        if m is None or m.group(1) != p.number:
            return None
        edits.append(Edit(m.start(1), m.end(1), want))
    return edits or None


def renumber_footnotes(doc: Document, target: Any, text: str) -> list[Edit] | None:
    """Number footnotes 1..n in order of first appearance of their markers: every marker
    and every footnote text's label, each in the style it is written in."""
    new: dict[int, int] = {}
    markers = sorted((m for f in doc.footnotes for m in f.markers), key=lambda m: m.span.start)
    for m in markers:
        new.setdefault(m.number, len(new) + 1)
    texts = [f for f in doc.footnotes if not f.missing]
    if {f.number for f in texts} != set(new):
        return None  # a text without a marker or a marker without a text: not a renumbering
    src = doc.source.text
    edits = []
    for m in markers:
        if new[m.number] != m.number:
            edit = _renumbered(src, m.span.start, m.span.end, m.number, new[m.number])
            if edit is None:
                return None
            edits.append(edit)
    for f in texts:
        if new[f.number] != f.number:
            label = FOOTNOTE_LABEL.search(src, max(0, f.span.start - 16), f.span.start)
            if label is None:
                return None
            edit = _renumbered(src, label.start(1), label.end(1), f.number, new[f.number])
            if edit is None:
                return None
            edits.append(edit)
    return edits or None


def _renumbered(src: str, start: int, end: int, old: int, new: int) -> Edit | None:
    """Replace the digits of `old` in src[start:end] by `new`, superscript if they were."""
    piece = src[start:end]
    m = re.search(r"[0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+", piece)
    if m is None or int(m.group().translate(FROM_SUPERSCRIPT)) != old:
        return None
    digits = str(new)
    if m.group()[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        digits = digits.translate(SUPERSCRIPT)
    return Edit(start + m.start(), start + m.end(), digits)


FIXERS: dict[str, Fixer] = {
    "insert-in-list": insert_in_list,
    "renumber-paragraphs": renumber_paragraphs,
    "renumber-footnotes": renumber_footnotes,
}


def run_fixer(name: str, doc: Document, target: Any, text: str) -> list[Edit] | None:
    return FIXERS[name](doc, target, text)
