"""The next session: where the Assembly puts the item on its agenda again.

Drafters write it in a few forms, in a numbered paragraph, a sub-paragraph ("Decides: (a) To
include in the provisional agenda of its seventy-ninth session …") or the one paragraph of a
draft decision ("… decides to include in the provisional agenda of its eighty-first session
the item …"):

- "include in the provisional agenda of its eighty-first session (, under the item …)";
- "… at its eighty-first session(,) under the item (entitled) …" (to continue consideration,
  to consider a report, under an item already on the agenda);
- "Decides to continue its consideration of the question at its eighty-second session",
  "Decides to consider the question of … at its eightieth session", "decides to defer until
  the main part of its eighty-first session consideration of …" (the Third and Fifth
  Committees' forms, with no item named).  A report asked "at its eightieth session" is not
  one: it puts no item on the agenda.

The last paragraph that holds one of them wins: the agenda paragraph closes the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reslint.model import Paragraph, Span
from reslint.vocab.ordinals import SESSION_PHRASE, ordinal_to_int, word_char_at

PROVISIONAL_AGENDA = re.compile(r"provisional\s+agenda\s+of\s+its\s+", re.IGNORECASE)
AT_ITS = re.compile(r"\bat\s+its\s+", re.IGNORECASE)
UNDER_ITEM = re.compile(r",?\s+under\s+the\s+(?:sub-?)?items?\b", re.IGNORECASE)
# "Decides to continue its consideration of the question at its", "decides to defer until
# the main part of its": the verb, then (in the same clause) the session
CONSIDER_AT = re.compile(
    r"\bdecides\s+to\s+(?:continue\s+(?:its\s+consideration|to\s+consider)|consider|defer)\b"
    r"(?:(?!,\s+and\b)[^;:]){0,200}?\b(?:at|until)\s+(?:the\s+(?:main|resumed)\s+part\s+of\s+)?its\s+",
    re.IGNORECASE,
)

SpanOf = Callable[[Paragraph, int, int], Span]


def find_next_session(
    paragraphs: list[Paragraph], span_of: SpanOf
) -> tuple[int | None, Span | None]:
    """The next session's number and the span of its ordinal word, else (None, None).
    `paragraphs` are the operative ones; their sub-paragraphs are read too."""
    for p in reversed(_with_subs(paragraphs)):
        found = _in_paragraph(p.text)
        if found is not None and found[0] is not None:
            number, start, end = found
            return number, span_of(p, start, end)
    return None, None


def _with_subs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for p in paragraphs:
        out.append(p)
        out.extend(_with_subs(p.subparagraphs))
    return out


def _in_paragraph(text: str) -> tuple[int | None, int, int] | None:
    # Each pattern is scanned only where the paragraph holds a word it needs (three
    # case-insensitive scans of every operative paragraph cost ~6% of parsing): casefold
    # matches what IGNORECASE matches ("ſ" for "s" too), except "İ" and "ı" for "i", and a
    # paragraph that holds either is scanned whatever it says.
    folded = text.casefold()
    every = "\u0130" in text or "\u0131" in text
    for lead in PROVISIONAL_AGENDA.finditer(text) if every or "agenda" in folded else ():
        m = SESSION_PHRASE().match(text, lead.end())
        if m is not None and m.group("special") is None and not word_char_at(text, m.end()):
            return ordinal_to_int(m.group("word")), m.start("word"), m.end("word")
    for lead in AT_ITS.finditer(text) if every or "under" in folded else ():  # UNDER_ITEM's
        m = SESSION_PHRASE().match(text, lead.end())
        if (m is not None and m.group("special") is None
                and UNDER_ITEM.match(text, m.end()) is not None):
            return ordinal_to_int(m.group("word")), m.start("word"), m.end("word")
    for lead in CONSIDER_AT.finditer(text) if every or "decides" in folded else ():
        m = SESSION_PHRASE().match(text, lead.end())
        if m is not None and m.group("special") is None and not word_char_at(text, m.end()):
            return ordinal_to_int(m.group("word")), m.start("word"), m.end("word")
    return None
