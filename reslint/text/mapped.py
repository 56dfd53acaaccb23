"""Text that remembers where each of its characters came from.

Every normalisation step (dropping page furniture, joining hard-wrapped lines, stripping
Markdown, lifting footnote markers out) produces a new `MappedText` whose characters still
point at offsets of the original file.  Rules match the clean text; findings map back.

One offset per character is the simplest map that survives arbitrary edits.  Joined maps
are machine-integer arrays (8 bytes a character, not a Python int object each), and input
size is capped (see reslint.text.source.MAX_BYTES), so memory stays bounded.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable

from reslint.model import Span

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any, Final

if TYPE_CHECKING:
    from typing import TypeAlias

    Offsets: TypeAlias = range | array[int] | list[int]


class MappedText:
    """An immutable pair: `text`, and the original offset of each of its characters.

    A plain slotted class (mypy's Final keeps it immutable): the parser makes hundreds of
    thousands of them, and a generic record's constructor cost ~10% of the parse."""

    __slots__ = ("offsets", "text")

    def __init__(self, text: str, offsets: Offsets) -> None:
        self.text: Final = text
        self.offsets: Final = offsets  # original offset of each character

    def __repr__(self) -> str:
        return f"MappedText(text={self.text!r}, offsets={self.offsets!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, MappedText)
        return (self.text, self.offsets) == (other.text, other.offsets)

    def __hash__(self) -> int:
        return hash((self.text, self.offsets))

    @classmethod
    def original(cls, text: str, start: int) -> MappedText:
        """A slice of the original text that starts at original offset `start`."""
        return cls(text, range(start, start + len(text)))

    @classmethod
    def synthetic(cls, text: str, at: int) -> MappedText:
        """Inserted characters (a space that joins two lines): all point at `at`."""
        return cls(text, array("q", [at]) * len(text))

    @classmethod
    def join(cls, parts: list[MappedText]) -> MappedText:
        offsets = array("q")
        for part in parts:
            extend_offsets(offsets, part.offsets)
        return cls("".join([p.text for p in parts]), offsets)

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, item: slice) -> MappedText:
        return MappedText(self.text[item], self.offsets[item])

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of clean [start, end); an empty span stays empty."""
        if not self.offsets:
            return (0, 0)
        if end <= start:
            pos = self.offsets[min(start, len(self.offsets) - 1)]
            return (pos, pos)
        return (self.offsets[start], self.offsets[end - 1] + 1)

    def strip(self) -> MappedText:
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        if left == 0 and right == len(text):  # most texts: immutable, so itself, no copy
            return self
        return self[left:right]

    def rstrip(self) -> MappedText:
        right = len(self.text.rstrip())
        return self if right == len(self.text) else self[:right]

    def replace_matches(
        self, pattern: Any, replacement: Callable[[Any], MappedText | str | None]
    ) -> MappedText:
        """Rebuild the text with each match of `pattern` replaced.

        `replacement(match)` returns the mapped text to put in its place, a plain string
        (mapped to the match start) or None to keep the match as it was."""
        text, offsets = self.text, self.offsets
        texts: list[str] = []
        out = array("q")
        last = 0
        for m in pattern.finditer(text):
            new = replacement(m)
            if new is None:
                continue
            start = m.start()
            texts.append(text[last:start])
            extend_offsets(out, offsets[last:start])
            if isinstance(new, str):
                texts.append(new)
                out.extend(array("q", [offsets[start] if start < len(offsets) else 0]) * len(new))
            else:
                texts.append(new.text)
                extend_offsets(out, new.offsets)
            last = m.end()
        if not texts:
            return self
        texts.append(text[last:])
        extend_offsets(out, offsets[last:])
        return MappedText("".join(texts), out)

    def delete(self, spans: list[tuple[int, int]]) -> MappedText:
        """Remove the given clean spans (sorted, non-overlapping)."""
        if not spans:
            return self
        parts: list[MappedText] = []
        last = 0
        for start, end in spans:
            parts.append(self[last:start])
            last = end
        parts.append(self[last:])
        return MappedText.join(parts)


# Offsets of original text are a `range` until a join: a range's numbers go into an array
# one by one (a Python int each), a slice of an array of 0, 1, 2 ... in one copy.  The
# array grows to a little past the largest offset joined so far (a quarter more at most:
# peak memory stays at or under what the copies one by one cost), up to 8 MB; past that,
# one by one.  A bigger array replaces the old one, never grows in place: whoever holds
# either reads the right numbers, whatever thread it runs on.
_COUNTING = array("q")
_COUNTING_MAX = 1 << 20


def _counting_to(stop: int) -> array[int]:
    """`_COUNTING`, grown to hold `stop` when that is under its limit."""
    global _COUNTING
    counting = _COUNTING
    if stop > len(counting) and stop <= _COUNTING_MAX:
        size = min(_COUNTING_MAX, max(stop + 4096, len(counting) * 5 // 4))
        grown = counting[:]  # a copy (one memcpy): only the new numbers are made one by one
        grown.extend(range(len(counting), size))
        counting = _COUNTING = grown
    return counting


def extend_offsets(out: array[int], offsets: range | array[int] | list[int]) -> None:
    """`out.extend(offsets)`; a range of original offsets copied from `_COUNTING`."""
    if offsets.__class__ is not range:
        out.extend(offsets)
        return
    assert isinstance(offsets, range)
    start, stop = offsets.start, offsets.stop
    counting = _counting_to(stop)
    if offsets.step != 1 or start < 0 or stop > len(counting) or start >= stop:
        out.extend(offsets)
    else:
        out.extend(counting[start:stop])


def run_offsets(runs: list[tuple[int, int]]) -> array[int]:
    """The original offsets [start, stop) of each run, one after the other: what
    `extend_offsets` of each run's range gives, in one call (a block's lines)."""
    out = array("q")
    counting = _counting_to(max(stop for _, stop in runs))
    size = len(counting)
    for start, stop in runs:
        if 0 <= start < stop <= size:
            out.extend(counting[start:stop])
        else:
            out.extend(range(start, stop))
    return out


# A span of the original text: from original offsets, or from offsets into a MappedText.
SpanAt = Callable[[int, int], Span]
MappedSpan = Callable[[MappedText, int, int], Span]
