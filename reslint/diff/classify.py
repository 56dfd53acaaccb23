"""Technical or substantive: is a change what the yearly rollover does?

A change is technical when the draft agrees with the expected technical update.  Two
sources of that expectation, either of which may call a word-diff hunk technical:

* token rules (always on): a session or meeting ordinal replaced by another ordinal, a
  date by a date, a year or a count by a number, a symbol by a symbol; the recalled list
  extended by resolutions of the form "78/32 of 4 December 2023"; the events that
  explain a count ("by the ratification of Nigeria") changed in a paragraph that states
  a count, and the States named for the year's ratifications ("the latest ratification
  of the Treaty by Andorra" -> "by Vanuatu").  Numbers that are references ("article 3",
  "action 45") are not counts.
* an `Expectation` (optional): the text `reslint next PREVIOUS` would write.  A hunk is
  technical when the expected text makes the same edit to the same words.

Everything else is substantive: new wording, venues, a meeting of another kind, a change
of capitalisation ("States parties" -> "States Parties") too, which is editorial but not
what the rollover does, so a delegation must see it.
"""

from __future__ import annotations

import re
from typing import Protocol

from reslint.diff.model import SUBSTANTIVE, TECHNICAL, UNCHANGED, Hunk, ParagraphDiff
from reslint.diff.tokens import DATE, NUMBER, ORDINAL, PUNCT, RESOLUTION, SYMBOL, WORD, Token
from reslint.model import Document, Paragraph
from reslint.vocab.dates import month_number


class Expectation(Protocol):
    """The expected technical update of the previous text (a plug for `reslint next`)."""

    name: str

    def agrees(self, previous: Paragraph, hunk: Hunk) -> bool:
        """True when the expected update of `previous` makes `hunk`'s edit."""
        ...


# A number right after one of these words is a reference, not a count or a year.
_REFERENCE_WORDS = frozenset({
    "article", "articles", "paragraph", "paragraphs", "action", "actions", "annex", "annexes",
    "rule", "rules", "section", "chapter", "protocol", "protocols", "vol", "no", "item",
    "items", "decision", "decisions", "part",
})  # fmt: skip
# What may surround the resolutions added to the recalled list.
_RECALL_GLUE = frozenset({",", "and", "of", "resolution", "resolutions", ";"})
# The words that tell which events changed a count ("by the ratification of Nigeria").
_EVENT_WORDS = frozenset({
    "by", "the", "of", "and", "following", "after", "with", "ratification", "ratifications",
    "accession", "accessions", "succession", "successions", "acceptance", "approval",
    "withdrawal", "withdrawals", "deposit", "instrument", "instruments", "signature",
    "signatures",
})  # fmt: skip
_COUNT_CLAUSE = re.compile(
    r"\b(?:a total of|States (?:p|P)arties|have (?:ratified|joined|signed)|signatories"
    r"|(?:ratification|accession|signature)s? of the (?:Treaty|Convention) by)\b"
)
# Event words after which a list of States names who ratified or acceded that year.
_EVENT_NOUNS = frozenset({
    "ratification", "ratifications", "accession", "accessions", "succession", "successions",
    "acceptance", "approval", "signature", "signatures",
})  # fmt: skip
# Capitalized words of the text itself, never the name of a State.
_NOT_NAMES = frozenset({
    "Treaty", "Convention", "Protocol", "Conference", "Meeting", "Meetings", "States",
    "State", "Parties", "Party", "Review", "United", "Nations", "Secretary-General",
    "Assembly", "General", "Committee", "Council", "Organization",
})  # fmt: skip
_REASONS = {
    ORDINAL: "ordinal (session or meeting)",
    DATE: "date",
    SYMBOL: "document symbol",
    RESOLUTION: "resolution symbol",
}


class Classifier:
    """Classifies the hunks of each paragraph diff in place."""

    def __init__(self, previous: Document, draft: Document,
                 expectation: Expectation | None = None) -> None:
        self.previous = previous
        self.draft = draft
        self.expectation = expectation
        self.description = "token rules" + (f" + {expectation.name}" if expectation else "")
        recalled = {c.symbol for c in previous.recalled}
        own = previous.heading.symbol or ""
        short = own.split("/RES/", 1)[-1]
        self.recallable = recalled | {short}
        self.recalling = {c.paragraph for c in draft.recalled if c.paragraph}

    def classify(self, diff: ParagraphDiff) -> None:
        if diff.status == UNCHANGED:
            return
        if diff.old is None or diff.new is None:  # added or deleted: new or lost wording
            for hunk in diff.hunks:
                hunk.kind, hunk.reason = SUBSTANTIVE, f"paragraph {diff.status}"
            diff.kind = SUBSTANTIVE
            return
        diff.kind = self.classify_hunks(diff.hunks, diff.old, diff.new)
        if diff.status == "moved":
            diff.kind = SUBSTANTIVE  # a new order is a drafting decision

    def classify_hunks(self, hunks: list[Hunk], old: Paragraph | None,
                       new: Paragraph | None) -> str:
        """Mark each changed hunk; the paragraph is technical only if all of them are."""
        counts = new is not None and bool(_COUNT_CLAUSE.search(new.text))
        recalling = new is not None and new.label in self.recalling
        kind = TECHNICAL
        seen: list[Token] = []  # the previous text up to the current hunk
        for hunk in hunks:
            before, seen = seen[-8:], seen + hunk.old
            if hunk.op == "equal":
                continue
            reason = self._technical(hunk, counts, recalling)
            if reason is None and _states_named(hunk, before):
                reason = "States named for the year's ratifications"
            if reason is None and old is not None and self.expectation is not None \
                    and self.expectation.agrees(old, hunk):
                reason = f"as {self.expectation.name} expects"
            if reason is None:
                hunk.kind, hunk.reason = SUBSTANTIVE, _describe(hunk)
                kind = SUBSTANTIVE
            else:
                hunk.kind, hunk.reason = TECHNICAL, reason
        return kind

    def _technical(self, hunk: Hunk, counts: bool, recalling: bool) -> str | None:
        if hunk.op == "replace" and len(hunk.old) == len(hunk.new):
            reasons = [_same_kind(a, b, hunk, i) for i, (a, b) in
                       enumerate(zip(hunk.old, hunk.new, strict=True))]
            if all(r is not None for r in reasons):
                return ", ".join(dict.fromkeys(r for r in reasons if r))
        if _calendar(hunk):
            return _REASONS[DATE]
        if recalling and self._recalled(hunk):
            return "recalled list extended by the previous resolution"
        if counts and _events(hunk):
            return "events explaining the count"
        return None

    def _recalled(self, hunk: Hunk) -> bool:
        """Only resolution symbols, their dates and the glue between them changed, and
        every resolution added is the previous one or one it recalled already."""
        added = [t.text for t in hunk.new if t.kind == RESOLUTION]
        if not all(s in self.recallable for s in added):
            return False
        return all(t.kind in (RESOLUTION, DATE) or t.key.lower() in _RECALL_GLUE
                   for t in (*hunk.old, *hunk.new))


def _same_kind(a: Token, b: Token, hunk: Hunk, index: int) -> str | None:
    """"" for an unchanged token, the reason for a technical swap, None otherwise."""
    if a.key == b.key:
        return ""
    if a.kind != b.kind:
        return None
    if a.kind in _REASONS:
        return _REASONS[a.kind]
    if a.kind == NUMBER:
        if _is_year(a.text) and _is_year(b.text):
            return "year"
        if _is_year(a.text) or _is_year(b.text):
            return None
        before = hunk.old[index - 1].key.lower() if index else hunk.before
        return None if before.rstrip(".") in _REFERENCE_WORDS else "count"
    return None


# What may stand between the dates of a list of meetings ("from 19 to 23 August and ...").
_DATE_GLUE = frozenset({",", ";", "and", "from", "to", "on", "in"})


def _calendar(hunk: Hunk) -> bool:
    """Only dates changed, some of them written without a year ("from 19 to 23 August and
    from 2 to 13 December 2024"): a list of sessions extended by the year's meetings."""
    tokens = [*hunk.old, *hunk.new]
    if not any(t.kind == DATE for t in hunk.new):
        return False
    return all(t.kind == DATE or (t.kind == NUMBER and not _is_year(t.text))
               or t.key.lower() in _DATE_GLUE or month_number(t.text) is not None
               for t in tokens)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)[0-9]{2}", text))


def _events(hunk: Hunk) -> bool:
    """Only event words and proper names (States) changed, e.g. "by the ratification of
    Nigeria and the accession of South Sudan" -> "following the accession of Vanuatu"."""
    tokens = [*hunk.old, *hunk.new]
    if not any(t.key.lower() in _EVENT_WORDS - {"by", "the", "of", "and", "following", "after",
                                                 "with"} for t in tokens):
        return False
    return all(t.kind == PUNCT or t.key.lower() in _EVENT_WORDS or t.text[:1].isupper()
               for t in tokens)


def _states_named(hunk: Hunk, before: list[Token]) -> bool:
    """Only the States named right after "ratification ... by" / "accession of" changed:
    "the latest ratification of the Treaty by Andorra" -> "by Malawi, the Gambia and
    Colombia".  A venue or a meeting ("in Geneva", "of the Twelfth Conference") is no such
    list, and neither is a list that appears where there was none."""
    if hunk.op != "replace" or not before or before[-1].key.lower() not in {"by", "of"}:
        return False
    if not any(t.key.lower() in _EVENT_NOUNS for t in before):
        return False
    names = [t for t in (*hunk.old, *hunk.new) if t.kind != PUNCT]
    return all(t.key in {"and", "the"} or (t.kind == WORD and t.text[:1].isupper()
                                           and t.text not in _NOT_NAMES) for t in names)


def _describe(hunk: Hunk) -> str:
    if hunk.op == "replace" and hunk.old_text.lower() == hunk.new_text.lower():
        return "capitalization"
    return {"insert": "words added", "delete": "words removed"}.get(hunk.op, "wording")
