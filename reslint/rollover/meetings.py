"""The meetings of a treaty body, one year on.

Last year's text names the meeting it looks forward to (States are invited to attend it,
or it "will be held"; the CCW asks the Secretary-General to convene its annual
conferences) and often the one just held, an ordinal below ("the Iraq presidency of the
eleventh Meeting", "decisions taken by the Ninth Conference of States Parties").  A year
later the looked-for meeting has been held: the held mentions move up to it, and the
invitation moves up to the next one, its place and dates left to the drafter.

A Review Conference is not followed by the next Review Conference but, usually, by a
Meeting of States Parties whose number the text does not give: the invitation becomes a
placeholder naming what the drafter has to find out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reslint._dataclass import dataclass
from reslint.model import Document, Paragraph
from reslint.vocab.ordinals import ORDINAL_WORD_PATTERN, int_to_ordinal, match_case, ordinal_to_int

ORD = ORDINAL_WORD_PATTERN
# The names a treaty body gives its meetings, as the corpus writes them (CCM, APMBC, TPNW:
# "Meeting of (the) States Parties", "Review Conference"; ATT: "Conference of States
# Parties"; CCW: "Annual Conference of the High Contracting Parties to Protocol V").
KIND = (r"(?:Meeting of (?:the )?States [Pp]arties|Review Conference"
        r"|Conference of (?:the )?States [Pp]arties"
        r"|Annual Conference of (?:the )?High Contracting Parties to (?:the )?"
        r"(?:Amended )?Protocol [IVX]+)")
DATES = r"(?P<dates>(?:from |on |during the week of )?\d{1,2}\b[^;]*?\d{4})"
PLACE = r"(?:(?:in|at) (?P<place>[A-Z][^;]*?) )?"
INVITATIONS = (
    # "to attend the twelfth Meeting of States Parties to the Convention on Cluster
    # Munitions, to be held in Geneva from 10 to 13 September 2024"
    re.compile(rf"\battend (?P<name>the (?P<ordinal>{ORD}) (?P<meeting>{KIND}))\b[^;]*?, "
               rf"to be held {PLACE}{DATES}(?=[,;.]|\s+and\b)"),
    # "notes that the Tenth Conference of States Parties will be held in Geneva from ...";
    # "Confirms that the second Meeting of States Parties to the Treaty on the Prohibition
    # of Nuclear Weapons will be held at United Nations Headquarters in New York from ..."
    re.compile(rf"\b(?P<name>the (?P<ordinal>{ORD}) (?P<meeting>{KIND}))\b"
               r"(?: (?:of|to) (?:the )?[A-Z][^;,]*?)?"
               rf" will be held {PLACE}{DATES}(?=[,;.]|\s+and\b)"),
    # CCW: "(iii) The Seventeenth Annual Conference of the High Contracting Parties to
    # Protocol V on 13 November 2023"
    re.compile(rf"\b(?P<name>The (?P<ordinal>{ORD}) (?P<meeting>{KIND}))\b,? "
               r"on (?P<dates>\d{1,2}\b[^;,]*?\d{4})"),
)
MENTION = re.compile(rf"\b(?P<ordinal>{ORD}) (?P<meeting>{KIND})\b")
# "Recalling the First to Twentieth Meetings of the States Parties": the last one held.
RANGE = re.compile(rf"(?i)\bfirst to (?P<ordinal>{ORD}) (?P<meeting>Meetings of (?:the )?"
                   r"States parties)\b")

# A held mention that gives its place and dates ("the second Review Conference …, held in
# Geneva from 25 to 27 November 2020 and on 20 and 21 September 2021"): moved on to the
# meeting held since, last year's place and dates would be false: they become a
# placeholder the drafter fills.
DATED = re.compile(r"[^;.]{0,120}?,\s*held\s+(?P<when>(?:in|at|from|on)\s[^;]*?\b(?:19|20)\d\d\b"
                   r"(?:,?\s+and\s+(?:on|from|in)\s[^;]*?\b(?:19|20)\d\d\b)?)")

Span = tuple[int, int]  # offsets in the base text


@dataclass
class MeetingEdit:
    """One edit of the update, in base offsets; `kind` as in rollover.plan.Change."""

    kind: str
    description: str
    start: int
    end: int
    after: str


def key(meeting: str) -> str:
    """One spelling per body of meetings: "Meeting of the States Parties" is "Meeting of
    States Parties"; the range's plural is the singular."""
    words = [w for w in meeting.lower().split() if w != "the"]
    if words and words[0] == "meetings":
        words[0] = "meeting"
    return " ".join(words)


def paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Every paragraph and subparagraph, however deep (the CCW's OP8(d)(iv))."""
    todo = list(reversed(doc.paragraphs()))
    while todo:
        p = todo.pop()
        yield p
        todo.extend(reversed(p.subparagraphs))


def meeting_edits(doc: Document, base: str) -> list[MeetingEdit]:
    """The invitations moved on by one meeting, and the held mentions moved up to them."""
    out: list[MeetingEdit] = []
    invited: dict[str, int] = {}
    taken: list[Span] = []
    for p in paragraphs(doc):
        orig = _mapper(doc, p)
        for pattern in INVITATIONS:
            for m in pattern.finditer(p.text):
                number = ordinal_to_int(m.group("ordinal"))
                k = key(m.group("meeting"))
                if number is None or k in invited:
                    continue
                invited[k] = number
                out += _invitation(m, orig, base)
                taken.append(orig(m, 0))
    for k, number in invited.items():
        out += _held(doc, base, k, number, taken)
    return out


def _mapper(doc: Document, p: Paragraph) -> Callable[[re.Match[str], int | str], Span]:
    def orig(m: re.Match[str], group: int | str) -> Span:
        return doc.clean_map.orig_span(p.clean_start + m.start(group),
                                       p.clean_start + m.end(group))
    return orig


def _invitation(m: re.Match[str], orig: Callable[[re.Match[str], int | str], Span],
                base: str) -> list[MeetingEdit]:
    number = ordinal_to_int(m.group("ordinal"))
    assert number is not None
    meeting = " ".join(m.group("meeting").split())
    if key(meeting) == "review conference":
        # what follows a Review Conference is not "the fourth Review Conference"
        name = f"the meeting after the {m.group('ordinal')} {meeting}"
        s, e = orig(m, "name")
        out = [MeetingEdit("meeting", f"{name}: to find out", s, e, f"[[{name}]]")]
    else:
        word = int_to_ordinal(number + 1)
        name = f"the {word} {meeting}"
        s, e = orig(m, "ordinal")
        out = [MeetingEdit("meeting", f"the invitation moves on to {name}", s, e,
                           match_case(base[s:e], word))]
    if m.groupdict().get("place"):
        s, e = orig(m, "place")
        out.append(MeetingEdit("meeting", "its place, to fill", s, e, "[[place]]"))
    s, e = orig(m, "dates")
    out.append(MeetingEdit("meeting", "its dates, to fill", s, e, f"[[dates of {name}]]"))
    return out


def _held(doc: Document, base: str, k: str, number: int,
          taken: list[Span]) -> list[MeetingEdit]:
    """Mentions of meeting `number - 1` of body `k` become mentions of `number`: it is the
    one held now.  A paragraph that also names an older one of the body recalls history
    ("the Fifth Conference ... and the invitation by the Tenth Conference") and stays."""
    if number < 2:
        return []
    new = int_to_ordinal(number)
    out: list[MeetingEdit] = []
    for p in paragraphs(doc):
        found = [(m, ordinal_to_int(m.group("ordinal"))) for m in MENTION.finditer(p.text)
                 if key(m.group("meeting")) == k]
        if any(n is not None and n < number - 1 for _, n in found):
            continue
        orig = _mapper(doc, p)
        held = [m for m, n in found if n == number - 1]
        held += [m for m in RANGE.finditer(p.text)
                 if key(m.group("meeting")) == k and ordinal_to_int(m.group("ordinal"))
                 == number - 1]
        for m in held:
            s, e = orig(m, "ordinal")
            if any(a <= s < b for a, b in taken):
                continue
            dated = DATED.match(p.text, m.end())
            written = " ".join(m.group("meeting").split())
            out.append(MeetingEdit("held-meeting",
                                   f"the {m.group('ordinal')} {written}, held, becomes the "
                                   f"{new}", s, e, match_case(base[s:e], new)))
            if dated is not None:  # last year's place and dates are not this meeting's
                ds, de = orig(dated, "when")
                name = f"the {new} {written}"
                out.append(MeetingEdit("held-meeting", f"the place and dates of {name}, to "
                                       "fill", ds, de, f"[[place and dates of {name}]]"))
    return out
