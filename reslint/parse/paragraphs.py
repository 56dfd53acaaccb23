"""Preambular and operative paragraphs, sub-paragraphs and their lead words.

Where the source marks the lead words in italics, those are the lead.  PDF text and plain
Markdown do not, so the lead is read from the words: the participle or operative verb,
with the few continuations that drafters italicise with it ("Invites and encourages",
"Calls upon", "Expresses grave concern", "Reiterates its invitation and encouragement").
"""

from __future__ import annotations

import re

from reslint._dataclass import dataclass
from reslint.text.mapped import MappedText

OPERATIVE_NUMBER = re.compile(r"^(?P<num>\d{1,3})\.\s*")
SUB_LABEL = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)\s*")
ROMAN = re.compile(r"^[ivxl]+$")
ADVERBS = (
    r"(?:also|further|again|once again|moreover|furthermore|in particular|with (?:concern"
    r"|deep concern|grave concern|serious concern|appreciation|satisfaction|interest|regret))"
)
CONTINUATIONS = [
    rf"\s+and\s+[a-z]+(?:s|es)\b(?:\s+{ADVERBS})?",  # Invites and encourages
    r"\s+upon\b",  # Calls upon
    rf"\s+{ADVERBS}\b",
    r"\s+(?:its|their|the|his|her)?\s*(?:strong|grave|deep|serious|profound|full|firm|sincere)\s+(?:concern|appreciation|support|regret|commitment|conviction)\b",
    r"\s+its\s+(?:invitation and encouragement|determination|commitment|support|appreciation"
    r"|call|concern|conviction|resolve|gratitude|invitation|request|recognition|belief)\b",
    r"\s+(?:it necessary|in mind|note|into account|account)\b",
]
LEAD = re.compile(
    r"^(?P<lead>(?:(?:Deeply|Gravely|Seriously|Fully|Firmly|Strongly|Further|Also)\s+)?"
    r"(?:Having\s+(?:considered|examined|received|reviewed|heard|taken note|noted)"
    r"|Taking\s+(?:note|into account)|Bearing\s+in\s+mind|[A-Z][a-z]+(?:-[a-z]+)?)"
    r"(?:" + "|".join(CONTINUATIONS) + r")*)"
)


@dataclass
class RawParagraph:
    kind: str  # "preamble", "operative", "sub"
    number: str | None
    lead: str
    lead_italic: bool | None
    text: MappedText  # the clean text, number label removed


def lead_words(text: str) -> str:
    m = LEAD.match(text)
    return m.group("lead") if m else text.split(" ", 1)[0]


def classify(
    text: MappedText, italic: str | None, seen_operative: bool, markdown: bool
) -> RawParagraph:
    """Tell a paragraph's kind from its start and take its number label off."""
    kind, number = "preamble", None
    if m := OPERATIVE_NUMBER.match(text.text):
        kind, number = "operative", m.group("num")
        text = text[m.end() :]
    elif m := SUB_LABEL.match(text.text):
        kind, number = "sub", m.group("label")
        text = text[m.end() :]
    elif seen_operative:
        kind = "operative"  # a single unnumbered operative paragraph, or a stray block
    lead = italic if italic and text.text.startswith(italic) else lead_words(text.text)
    return RawParagraph(kind, number, lead, bool(italic) if markdown else None, text)


def is_roman(label: str, previous: str | None) -> bool:
    """(i) is a roman sub-item unless it follows (h); (v), (x) likewise follow (u), (w)."""
    if not ROMAN.match(label):
        return False
    if previous and len(previous) == 1 and len(label) == 1 and ord(label) == ord(previous) + 1:
        return False
    return previous is None or not (len(label) == 1 and label == "i" and previous == "h")
