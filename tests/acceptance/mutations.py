"""The slips of a technical update, made by program in real pairs: the mutation harness.

Each slip kind takes a real draft (with its previous) and, where it applies, returns the
draft's text with one slip made, the line(s) where a finding must point and the rules
that may find it.  A slip is *found* when one of those rules reports an error or a
warning on one of those lines that the unmutated draft did not have; it is *clean* when no
other error appears anywhere.  Recall per kind is found / applicable.

    PYTHONPATH=. python tests/acceptance/mutations.py      # every real pair: recall per kind
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ga_cache as ga


class Slip(NamedTuple):
    text: str
    lines: frozenset[int]  # where a finding must point
    rules: frozenset[str]  # which rules may find it
    # errors that are the same slip seen from another fact (the symbol, the report, the
    # adoption year all disagree with a heading left at last year's session)
    also: frozenset[str] = frozenset()


# the series packs check counts and years against the session: their findings on a
# session slip are that slip too
SESSION_BOUND = frozenset({"RES301", "RES302", "RES303", "RES304", "RES306", "PACK"})
DATE_BOUND = frozenset({"RES102", "RES104", "RES109"})


def _replace(doc: Any, start: int, end: int, new: str) -> str:
    text = doc.source.text
    return text[:start] + new + text[end:]


def _ordinal_like(model: str, n: int) -> str:
    from reslint.vocab.ordinals import int_to_ordinal, match_case

    return match_case(model, int_to_ordinal(n))


def _word(doc: Any, span: Any) -> str:
    return doc.source.text[span.start : span.end]


def heading_session(d: Any, p: Any) -> Slip | None:
    """The heading still names last year's session."""
    h = d.heading
    if h.session_span is None or p.session is None or d.session is None or p.session >= d.session:
        return None
    new = _ordinal_like(_word(d, h.session_span), p.session)
    return Slip(_replace(d, h.session_span.start, h.session_span.end, new),
                frozenset({h.session_span.line}), frozenset({"RES002", "RES306"}),
                SESSION_BOUND)


def next_session_not_advanced(d: Any, p: Any) -> Slip | None:
    """"… provisional agenda of its eightieth session" left as last year wrote it."""
    span = d.next_session_span
    if span is None or d.next_session is None or d.session is None or p.next_session is None \
            or d.next_session <= d.session or p.next_session > d.session:
        return None
    new = _ordinal_like(_word(d, span), p.next_session)
    return Slip(_replace(d, span.start, span.end, new), frozenset({span.line}),
                frozenset({"RES304"}), frozenset({"PACK"}))


def next_session_period(d: Any, p: Any) -> Slip | None:
    """The next-session paragraph skips a session the previous did not skip."""
    span = d.next_session_span
    if span is None or None in (d.next_session, d.session, p.next_session, p.session) \
            or d.next_session <= d.session \
            or d.next_session - d.session != p.next_session - p.session:
        return None
    new = _ordinal_like(_word(d, span), d.next_session + 1)
    return Slip(_replace(d, span.start, span.end, new), frozenset({span.line}),
                frozenset({"RES305"}), frozenset({"PACK"}))


def _previous_citations(d: Any, p: Any) -> list[Any]:
    symbol = (p.heading.symbol or "").removeprefix("A/RES/")
    return [c for c in d.citations if c.symbol == symbol] if symbol else []


def previous_misdated(d: Any, p: Any) -> Slip | None:
    """The previous resolution cited with another date than its adoption date."""
    cites = [c for c in _previous_citations(d, p) if c.date and c.date_span]
    if not cites or not p.heading.adopted:
        return None
    c = cites[0]
    day = date.fromisoformat(c.date) + timedelta(days=1 if c.date[8:] < "28" else -1)
    from reslint.vocab.dates import format_date

    return Slip(_replace(d, c.date_span.start, c.date_span.end, format_date(day)),
                frozenset({c.date_span.line}), frozenset({"RES102"}))


def previous_dropped(d: Any, p: Any) -> Slip | None:
    """The previous resolution left out of the draft, where the series cites it."""
    cites = _previous_citations(d, p)
    if len(cites) != 1 or d.session is None or p.session is None:
        return None
    gap = d.session - p.session
    from reslint.vocab.symbols import parse_symbol

    own = [c for c in p.citations if (s := parse_symbol(c.symbol)) and s.session == p.session - gap]
    if not own:
        return None  # the series does not cite its previous: nothing is expected
    c = cites[0]
    text = d.source.text
    end = c.date_span.end if c.date_span else c.span.end
    before = text[: c.span.start]
    sep = re.search(r"(?:,\s*|\s+and\s+|\s+)$", before)
    start = sep.start() if sep else c.span.start
    lines = {c.span.line}
    if d.recalled_span is not None:
        lines.add(d.recalled_span.line)
    if d.heading.title_span is not None:
        lines.add(d.heading.title_span.line)
    return Slip(text[:start] + text[end:], frozenset(lines), frozenset({"RES101"}))


def impossible_year(d: Any, p: Any) -> Slip | None:
    """A recalled resolution dated in a year its session cannot have."""
    from reslint.vocab.symbols import parse_symbol

    for c in d.recalled or d.citations:
        s = parse_symbol(c.symbol)
        if c.date and c.date_span and s and s.session and s.session > 30 \
                and getattr(c, "body", "ga") == "ga":
            old = _word(d, c.date_span)
            year = str(1947 + s.session)
            new = re.sub(r"\d{4}$", year, old)
            if new == old:
                continue
            return Slip(_replace(d, c.date_span.start, c.date_span.end, new),
                        frozenset({c.date_span.line}), frozenset({"RES107"}), DATE_BOUND)
    return None


def _number_span(d: Any, para: Any) -> tuple[int, int] | None:
    """Offsets of an operative paragraph's number ("12." before its text)."""
    text = d.source.text
    window = text[max(0, para.span.start - 40) : para.span.start]
    m = re.search(rf"(?<!\d)({re.escape(str(para.number))})\.(?:\s|\*)*$", window)
    if m is None:
        return None
    base = para.span.start - len(window)
    return base + m.start(1), base + m.end(1)


def _operative_slip(d: Any, delta: int) -> Slip | None:
    ops = [o for o in d.operative if o.number and str(o.number).isdigit()]
    if len(ops) < 3 or [int(o.number) for o in ops] != list(range(1, len(ops) + 1)):
        return None  # numbering restarting in sections, or unread: no clean slip to make
    para = ops[len(ops) // 2]
    where = _number_span(d, para)
    if where is None:
        return None
    line = d.source.text.count("\n", 0, where[0]) + 1
    return Slip(_replace(d, where[0], where[1], str(int(para.number) + delta)),
                frozenset({line, para.span.line}), frozenset({"RES603"}))


def operative_skipped(d: Any, p: Any) -> Slip | None:
    """An operative paragraph numbered one more than it should be."""
    return _operative_slip(d, +1)


def operative_repeated(d: Any, p: Any) -> Slip | None:
    """An operative paragraph numbered as the one before it."""
    return _operative_slip(d, -1)


def meeting_date(d: Any, p: Any) -> Slip | None:
    """The closing meeting dated otherwise than the adoption."""
    m = d.meeting
    if m is None or m.date is None or m.date_span is None or not d.heading.adopted:
        return None
    from reslint.vocab.dates import format_date

    day = date.fromisoformat(m.date) + timedelta(days=1 if m.date[8:] < "28" else -1)
    return Slip(_replace(d, m.date_span.start, m.date_span.end, format_date(day)),
                frozenset({m.date_span.line}), frozenset({"RES307"}))


def report_session(d: Any, p: Any) -> Slip | None:
    """The committee report of another session in the adoption heading."""
    span = d.heading.report_span
    if span is None or d.session is None:
        return None
    old = _word(d, span)
    new = re.sub(rf"^A/{d.session}/", f"A/{d.session - 1}/", old)
    if new == old:
        return None
    return Slip(_replace(d, span.start, span.end, new), frozenset({span.line}),
                frozenset({"RES302"}))


def footnote_without_text(d: Any, p: Any) -> Slip | None:
    """The text of the last footnote lost, its marker left in the text."""
    notes = [f for f in d.footnotes if f.markers and not f.missing and f.part == "resolution"]
    if not notes:
        return None
    note = notes[-1]
    marker = note.markers[0]
    if marker.span.start >= note.span.start:
        return None
    text = d.source.text
    start = text.rfind("\n", 0, note.span.start) + 1
    end = text.find("\n", note.span.end)
    end = len(text) if end < 0 else end
    return Slip(text[:start] + text[end:], frozenset({marker.span.line}),
                frozenset({"RES501"}))


KINDS: dict[str, Callable[[Any, Any], Slip | None]] = {
    "heading session not advanced": heading_session,
    "next-session ordinal not advanced": next_session_not_advanced,
    "next-session period changed": next_session_period,
    "previous's citation dropped": previous_dropped,
    "previous's citation misdated": previous_misdated,
    "recalled resolution in an impossible year": impossible_year,
    "operative numbering skipped": operative_skipped,
    "operative numbering repeated": operative_repeated,
    "closing meeting date != adoption date": meeting_date,
    "committee report of another session": report_session,
    "footnote marker without text": footnote_without_text,
}


class Outcome(NamedTuple):
    kind: str
    draft: str
    found: bool
    new_errors: tuple[tuple[str, str], ...]  # (rule, line text) of errors the slip added


def _loud(findings: Any) -> set[tuple[str, int, str]]:
    return {(f.rule, f.span.line, f.message) for f in findings
            if f.severity in ("error", "warning")}


def _errors(findings: Any) -> list[tuple[str, str]]:
    return sorted((f.rule, f.source_line.strip()) for f in findings if f.severity == "error")


def run_pair(draft: Path, previous: Path, kinds: dict[str, Any] | None = None
             ) -> list[Outcome]:
    from reslint.lint import parse

    d, p = ga.doc(draft), ga.doc(previous)
    before = ga.check(d, p)
    out = []
    for kind, make in (kinds or KINDS).items():
        slip = make(d, p)
        if slip is None:
            continue
        mutated = parse(str(draft), slip.text, max_size=ga.MAX_SIZE)
        after = ga.check(mutated, p)
        lines = set(slip.lines)
        if "RES101" in slip.rules:  # reported where the slipped draft's list now starts
            lines |= {s.line for s in (mutated.recalled_span, mutated.heading.title_span) if s}
        new = _loud(after) - _loud(before)
        found = any(rule in slip.rules and line in lines for rule, line, _ in new)
        old = _errors(before)
        extra = []
        for item in _errors(after):
            if item in old:
                old.remove(item)
            elif item[0] not in slip.rules | slip.also and not (
                    "PACK" in slip.also and not item[0].startswith("RES")):
                extra.append(item)
        out.append(Outcome(kind, draft.name, found, tuple(extra)))
    return out


def recall(outcomes: list[Outcome]) -> dict[str, tuple[int, int, int]]:
    """kind -> (found, applicable, clean: no other new error)."""
    table: dict[str, tuple[int, int, int]] = {}
    for o in outcomes:
        f, n, c = table.get(o.kind, (0, 0, 0))
        table[o.kind] = (f + o.found, n + 1, c + (not o.new_errors))
    return table


if __name__ == "__main__":
    sys.path.insert(0, str(ga.REPO))
    results = [o for d, p in ga.all_pairs() for o in run_pair(d, p)]
    for kind, (found, n, clean) in recall(results).items():
        print(f"{kind:45} {found:4}/{n:<4} found ({100 * found / n:5.1f}%)   "
              f"{clean}/{n} with no other new error")
    for o in results:
        if not o.found or o.new_errors:
            print("  MISS" if not o.found else "  NOISE", o.kind, o.draft, o.new_errors[:2])
