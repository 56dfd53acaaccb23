"""The numbers Word displays for automatically numbered paragraphs.

Operative paragraphs are numbered by Word's list numbering, not typed, so the number the
reader sees exists only as a computation over word/numbering.xml: a paragraph's w:numPr
(directly or through its style) names a w:num, which names a w:abstractNum whose levels
give the start value, the format (decimal, lowerLetter, lowerRoman …), the label template
("%1.", "(%2)") and when a level restarts (w:lvlRestart).  Instances of one abstract list
continue each other's counting, as in Word, unless the instance overrides a start
(w:lvlOverride/w:startOverride), which gives it counters of its own.
"""

from __future__ import annotations

import re
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.text.docx.ooxml import int_val, val, w


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level; 0 never
    legal: bool = False  # w:isLgl: show every level's counter as decimal


@dataclass
class Instance:
    key: str  # the counter group: the abstract list, or the instance when it restarts
    levels: dict[int, Level]
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level


class Numbering:
    """Counters over the document: call `label(numId, ilvl)` for each numbered paragraph
    in document order; it returns the label Word shows ("3.", "(b)") or "" for bullets."""

    def __init__(self, root: Any | None) -> None:
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if root is None:
            return
        abstracts = {
            a.get(w("abstractNumId")): _levels(a) for a in root.iter(w("abstractNum"))
        }
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"))
            abstract = val(num.find(w("abstractNumId")))
            levels = dict(abstracts.get(abstract, {}))
            starts: dict[int, int] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl"), "0"))
                start = int_val(override.find(w("startOverride")))
                replaced = override.find(w("lvl"))
                if replaced is not None:
                    levels[ilvl] = _level(replaced)
                    start = start if start is not None else levels[ilvl].start
                if start is not None:
                    starts[ilvl] = start
            key = f"num:{num_id}" if starts else f"abstract:{abstract}"
            self.instances[num_id] = Instance(key, levels, starts)

    def label(self, num_id: str, ilvl: int) -> str:
        inst = self.instances.get(num_id)
        if inst is None or num_id == "0":
            return ""
        counters = self.counters.setdefault(inst.key, {})
        if inst.key.startswith("num:") and num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in inst.starts.items():
                counters[lvl] = start - 1
        level = inst.levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = inst.levels.get(deeper, Level()).restart
            if restart is None or (restart and ilvl < restart):
                del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = inst.levels.get(k, Level())
            value = counters.get(k, lvl.start)
            return fmt_number(value, "decimal" if level.legal else lvl.fmt)

        return re.sub(r"%([1-9])", number, level.text).strip()


def _levels(abstract: Any) -> dict[int, Level]:
    return {int(lvl.get(w("ilvl"), "0")): _level(lvl) for lvl in abstract.findall(w("lvl"))}


def _level(lvl: Any) -> Level:
    return Level(
        start=int_val(lvl.find(w("start")), 1) or 0,
        fmt=val(lvl.find(w("numFmt")), "decimal") or "decimal",
        text=val(lvl.find(w("lvlText")), "") or "",
        restart=int_val(lvl.find(w("lvlRestart"))),
        legal=lvl.find(w("isLgl")) is not None,
    )


ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def fmt_number(n: int, fmt: str) -> str:
    """A counter in Word's number format; unknown formats fall back to decimal."""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # z, aa, bb: Word's way
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        out = ""
        for value, numeral in ROMAN:
            while n >= value:
                out, n = out + numeral, n - value
        return out if fmt == "lowerRoman" else out.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)
