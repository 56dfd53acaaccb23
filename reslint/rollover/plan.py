"""Computing the technical update as edits at source-mapped spans of last year's text.

A Markdown input keeps its own style: only the heading (replaced by a draft heading) and
the spans that change are rewritten.  PDF text is first rendered as clean Markdown
(reslint.render) and parsed again, so both inputs go through the same edits.
"""

from __future__ import annotations

import re
from datetime import date

from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError
from reslint.model import Citation, Document, Edit
from reslint.parse import parse_source
from reslint.render import render_heading, render_markdown
from reslint.render.markdown import HeadingParts
from reslint.rollover.meetings import meeting_edits
from reslint.text.edits import apply_edits
from reslint.text.source import SourceText
from reslint.vocab.dates import format_date
from reslint.vocab.ordinals import int_to_ordinal, match_case
from reslint.vocab.symbols import parse_symbol

COMMITTEES = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6}
LINK_TAIL = re.compile(r"\]\((?P<target>[^)\s]*)\)")
LIST_AND = re.compile(r"^(?P<close>\]\([^)\s]*\))?(?P<and>\s+and\s+)\[?$")
TRAILING_MARKUP = re.compile(r"[*_]*")
# A count of States: "124 States", "112 as States parties", "12 as signatories".
COUNT = re.compile(r"\b\d{1,3}(?:,\d{3})*\s+(?:as\s+)?(?:States|signatories|ratifications)\b")
CONFIRM_COUNTS = "<!-- reslint: confirm-counts -->"


class RolloverError(ReslintError):
    """The previous text cannot start a draft (a draft itself, no session, no formula)."""


@dataclass
class Change:
    """One part of the technical update: what changed, where in `Rollover.base`."""

    # "heading", "recalled", "next-session", "meeting", "held-meeting", "counts", "plenary"
    kind: str
    description: str
    start: int
    end: int
    before: str
    after: str


@dataclass
class Rollover:
    base: str  # the Markdown the edits apply to: the input, or the PDF rendered clean
    text: str  # the starting draft
    session: int
    period: int
    changes: list[Change] = field(default_factory=list)


def next_draft(previous: Document) -> str:
    return plan(previous).text


def plan(previous: Document) -> Rollover:
    """The starting draft for the session after `previous`, and the changes made."""
    _require_adopted(previous)
    doc = previous
    if previous.style == "pdf":
        doc = parse_source(SourceText(previous.path, render_markdown(previous)))
    base = doc.source.text
    assert previous.session is not None
    period = 1
    if previous.next_session and previous.next_session > previous.session:
        period = previous.next_session - previous.session
    session = previous.session + period
    changes = [_heading(doc, base, session)]
    changes += _recalled(doc, base)
    changes += _next_session(doc, base, period)
    changes += _meetings(doc, base)
    changes += _counts(doc, base)
    changes += _plenary(doc, base)
    text = apply_edits(base, [Edit(c.start, c.end, c.after) for c in changes])
    return Rollover(base, text, session, period, changes)


def _require_adopted(doc: Document) -> None:
    h = doc.heading
    if doc.kind == "draft" or not (h.symbol or "").startswith("A/RES/") or not h.adopted:
        raise RolloverError(
            f"{doc.path}: not an adopted resolution ({h.symbol or 'no symbol'}): "
            "`next` starts from last year's adopted text"
        )
    if h.session is None:
        raise RolloverError(f"{doc.path}: no session in the heading")
    if h.formula_span is None:
        raise RolloverError(f'{doc.path}: no enacting formula "The General Assembly,"')


def _change(kind: str, description: str, base: str, start: int, end: int, after: str) -> Change:
    return Change(kind, description, start, end, base[start:end], after)


def _heading(doc: Document, base: str, session: int) -> Change:
    """The whole heading, up to and including the formula, becomes a draft heading."""
    h = doc.heading
    assert h.formula_span is not None
    end = h.formula_span.end
    markup = TRAILING_MARKUP.match(base, end)  # matches the empty string at the least
    end = markup.end() if markup else end
    committee = COMMITTEES.get((h.committee or "").split(" ")[0])
    symbol = f"[[A/C.{committee}/{session}/L.__]]" if committee else f"[[A/{session}/L.__]]"
    word = int_to_ordinal(session)
    parts = HeadingParts(
        symbol=symbol,
        session_word=match_case(h.session_word or "Seventy-ninth", word),
        agenda="[[agenda item]]",
        item_title=h.item_title,
        sponsors="[[sponsors]]",
        title=h.title,
    )
    newline = doc.source.newline
    text = (newline * 2).join(render_heading(parts))
    return _change("heading", f"draft heading for the {word} session", base, 0, end, text)


def _date_text(iso: str | None) -> str | None:
    return format_date(date.fromisoformat(iso)) if iso else None


def _item_end(base: str, c: Citation) -> int:
    return (c.date_span or c.span).end


# A series recalls its predecessor at most this many sessions back (triennial series).
MAX_PERIOD = 3


def _latest_list(recalled: list[Citation], session: int | None) -> list[Citation]:
    """The recalled list that holds the series' own predecessor, the latest resolution
    recalled, which the new resolution joins ("Reaffirming its resolution 70/1" further on
    is another list); none when nothing recalled is recent enough to be the predecessor."""
    def order(c: Citation) -> tuple[int, int]:
        sym = parse_symbol(c.symbol)
        return (sym.session or 0, sym.number or 0) if sym else (0, 0)

    if not recalled or session is None:
        return []
    latest = max(recalled, key=order)
    if order(latest)[0] < session - MAX_PERIOD:
        return []
    return [c for c in recalled if c.list_id == latest.list_id]


def _recalled(doc: Document, base: str) -> list[Change]:
    """Add the previous resolution to the recalled list (or replace a single item)."""
    h = doc.heading
    assert h.symbol is not None
    short = h.symbol[len("A/RES/") :]
    adopted = _date_text(h.adopted)
    recalled = _latest_list(doc.recalled, h.session)
    if not recalled or any(c.symbol == short for c in doc.citations):
        return []
    last = recalled[-1]
    if len(recalled) == 1:
        out = [_change("recalled", f"the recalled resolution becomes {short}", base,
                       last.span.start, last.span.end, short)]
        if last.date_span is not None and adopted:
            out.append(_change("recalled", f"dated {adopted}", base, last.date_span.start,
                               last.date_span.end, adopted))
        return out
    out = []
    gap_start = _item_end(base, recalled[-2])
    gap = base[gap_start : last.span.start]
    m = LIST_AND.match(gap)
    if m:
        s = gap_start + m.start("and")
        out.append(_change("recalled", 'the final "and" moves to the new last item', base,
                           s, s + len(m.group("and")), ", "))
    end = _item_end(base, last)
    link = LINK_TAIL.match(base, last.span.end)
    new = f"[{short}]({link.group('target')})" if link else short
    if link and last.date_span is None:
        end = link.end()
    if last.date_span is not None and adopted:
        new += f" of {adopted}"
    out.append(_change("recalled", f"{short} of {adopted} added to the recalled list", base,
                       end, end, f" and {new}"))
    return out


def _next_session(doc: Document, base: str, period: int) -> list[Change]:
    span = doc.next_session_span
    if span is None or doc.next_session is None:
        return []
    word = base[span.start : span.end]
    new = match_case(word, int_to_ordinal(doc.next_session + period))
    return [_change("next-session", f"the provisional agenda of the {new} session", base,
                    span.start, span.end, new)]


def _meetings(doc: Document, base: str) -> list[Change]:
    return [_change(e.kind, e.description, base, e.start, e.end, e.after)
            for e in meeting_edits(doc, base)]


def _counts(doc: Document, base: str) -> list[Change]:
    """A confirm-counts comment line above each paragraph with a count (RES802 reads it):
    only the depositary knows this year's numbers, so the drafter confirms them."""
    out: list[Change] = []
    newline = doc.source.newline
    for p in [*doc.preamble, *doc.operative]:
        if not COUNT.search(p.text):
            continue
        start = doc.clean_map.orig_span(p.clean_start, p.clean_start + 1)[0]
        line = base.rfind("\n", 0, start) + 1
        out.append(_change("counts", "the counts of this paragraph to confirm", base,
                           line, line, CONFIRM_COUNTS + newline))
    return out


def _plenary(doc: Document, base: str) -> list[Change]:
    """A draft has no plenary line: the lines that carry it go."""
    meeting = doc.meeting
    if meeting is None:
        return []
    start = base.rfind("\n", 0, meeting.span.start) + 1
    end_at = (meeting.date_span or meeting.span).end
    end = base.find("\n", end_at)
    end = len(base) if end == -1 else end + 1
    # the blank lines before it go too, so the text ends as the body did
    while start > 0 and base[start - 1] in "\r\n" and base[start - 2 : start - 1] in ("\n", "\r"):
        start -= 1
    return [_change("plenary", "the plenary line (added at adoption) removed", base,
                    start, end, "")]

