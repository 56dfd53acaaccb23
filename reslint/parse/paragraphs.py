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
# The other forms of a sub-paragraph: "a." / "b)" (drafts from a word processor's list),
# and the bullet of a list of targets or actions ("• Double the output of …").
SUB_LETTER = re.compile(r"^(?P<label>[a-z])[.)]\s+(?=\S)")
BULLET = re.compile(r"^[•▪●◦]\s*")
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


@dataclass(slots=True)
class RawParagraph:
    kind: str  # "preamble", "operative", "sub"
    number: str | None
    lead: str
    lead_italic: bool | None
    text: MappedText  # the clean text, number label removed

    def __init__(self, kind: str, number: str | None, lead: str, lead_italic: bool | None,
                 text: MappedText) -> None:
        self.kind = kind
        self.number = number
        self.lead = lead
        self.lead_italic = lead_italic
        self.text = text


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
    elif m := SUB_LABEL.match(text.text) or SUB_LETTER.match(text.text):
        kind, number = "sub", m.group("label")
        text = text[m.end() :]
    elif m := BULLET.match(text.text):
        kind, number = "sub", "•"
        text = text[m.end() :]
    elif seen_operative or (reads_operative(text.text) and text.text.endswith((";", ".", ":"))):
        kind = "operative"  # a single unnumbered operative paragraph, or a stray block
    lead = italic if italic and text.text.startswith(italic) else lead_words(text.text)
    return RawParagraph(kind, number, lead, bool(italic) if markdown else None, text)


# Words before the verb or participle that open a paragraph ("Also requests", "Further
# recalling", "Strongly condemns").
LEAD_ADVERBS = frozenset((
    "Also", "Further", "Again", "Once", "Strongly", "Firmly", "Fully", "Deeply", "Gravely",
    "Seriously", "Profoundly", "Moreover", "Furthermore", "Reiterating", "Equally",
))
# Adjectives that open preambular paragraphs though they end like a verb.
PREAMBLE_S_WORDS = frozenset(("Conscious", "Desirous", "Anxious", "Cognisant"))


def reads_operative(text: str) -> bool:
    """Whether an unnumbered paragraph opens like an operative one: a verb in the third
    person ("Approves", "Also decides", "Takes note"), where a preambular one opens with a
    participle or an adjective ("Recalling", "Deeply concerned", "Mindful")."""
    words = text.split(None, 3)
    k = 0
    while k < len(words) - 1 and words[k] in LEAD_ADVERBS:
        k += 1
        if words[k - 1] == "Once" and words[k] == "again":
            k += 1
    if k >= len(words):
        return False
    word = words[k].rstrip(",;:")
    if k:
        word = word[:1].upper() + word[1:]
    return (
        len(word) > 3 and word[:1].isupper() and word[1:].islower() and word.endswith("s")
        and not word.endswith(("ous", "ss")) and word not in PREAMBLE_S_WORDS
    )


def is_roman(label: str, previous: str | None) -> bool:
    """(i) is a roman sub-item unless it follows (h); (v), (x) likewise follow (u), (w)."""
    if not ROMAN.match(label):
        return False
    if previous and len(previous) == 1 and len(label) == 1 and ord(label) == ord(previous) + 1:
        return False
    return previous is None or not (len(label) == 1 and label == "i" and previous == "h")
