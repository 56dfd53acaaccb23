"""From runs to lines, and each line's place on the page: body, footnote area, furniture.

Decided by geometry, not by pattern: a run set smaller than its line and raised above
its baseline is a superscript (a footnote marker); a running header sits in the top band
of a page after the first, a footer (page number, job number, barcode) in the bottom
band; the footnote area is what lies below the short rule that opens it.
"""

from __future__ import annotations

from collections import Counter

from reslint._dataclass import dataclass, field
from reslint.text.pdf.runs import Page, Run

HEADER_BAND = 0.915  # baselines above this fraction of the page height: running header
FOOTER_BAND = 0.062  # baselines below it: footer (job number, page number, barcode)
SUPERSCRIPT_SIZE = 0.8  # a superscript is set at most this fraction of its line's size
SUPERSCRIPT_RAISE = 0.12  # and raised at least this fraction of it
SAME_LINE = 0.25  # baselines closer than this fraction of the size: one line


@dataclass
class Piece:
    text: str
    run: Run
    superscript: bool


@dataclass
class Line:
    page: int  # 1-based
    number: int  # 1-based line on its page, counting every text line
    y: float
    size: float  # the size of its body text
    x0: float
    x1: float
    pieces: list[Piece] = field(default_factory=list)
    kind: str = "body"  # "body", "furniture", "rule", "footnote"

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def page_lines(page: Page) -> list[Line]:
    """The page's lines top to bottom, each with its kind."""
    lines = _group(page)
    _classify(page, lines)
    return lines


def _group(page: Page) -> list[Line]:
    rows: list[list[Run]] = []
    for run in sorted(page.runs, key=lambda r: (-r.y, r.x0)):
        if rows and abs(rows[-1][0].y - run.y) <= SAME_LINE * max(run.size, rows[-1][0].size):
            rows[-1].append(run)
        else:
            rows.append([run])
    # A row of small runs just above a row of larger text holds that row's superscripts.
    merged: list[tuple[list[Run], set[int]]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        below = rows[k + 1] if k + 1 < len(rows) else None
        if below is not None and _superscripts_of(row, below):
            sup = {id(r) for r in row}
            rows[k + 1] = below + row
            merged.append(([], set()))  # placeholder keeps indices simple
            k += 1
            merged.append((rows[k], sup))
        else:
            merged.append((row, set()))
        k += 1
    lines: list[Line] = []
    for row, sup in merged:
        if not row:
            continue
        body = [r for r in row if id(r) not in sup] or row
        size = max(body, key=lambda r: len(r.text.strip())).size
        base = max(body, key=lambda r: len(r.text.strip())).y
        pieces = []
        for run in sorted(row, key=lambda r: r.x0):
            raised = run.y - base >= SUPERSCRIPT_RAISE * size
            small = run.size <= SUPERSCRIPT_SIZE * size
            pieces.append(Piece(run.text, run, id(run) in sup or (raised and small)))
        lines.append(Line(page.number, len(lines) + 1, base, size,
                          min(r.x0 for r in row), max(r.x1 for r in row), pieces))
    return lines


def _superscripts_of(row: list[Run], below: list[Run]) -> bool:
    size = max(r.size for r in below)
    if max(r.size for r in row) > SUPERSCRIPT_SIZE * size:
        return False
    rise = row[0].y - below[0].y
    return SUPERSCRIPT_RAISE * size <= rise <= 0.75 * size


def _classify(page: Page, lines: list[Line]) -> None:
    top = HEADER_BAND * page.height
    bottom = FOOTER_BAND * page.height
    in_notes = False
    for line in lines:
        if line.y < bottom or (page.number > 1 and line.y > top):
            line.kind = "furniture"
        elif _is_rule(line.text):
            line.kind = "rule"
            in_notes = True
        elif in_notes:
            line.kind = "footnote"
    if not in_notes:
        _notes_without_rule(lines)


def _notes_without_rule(lines: list[Line]) -> None:
    """A footnote area whose rule is drawn, not typed: the run of smaller lines at the
    page foot, the first of them opening with a note mark (superscript digits or *)."""
    sizes = Counter(round(ln.size, 1) for ln in lines if ln.kind == "body")
    if not sizes:
        return
    body_size = sizes.most_common(1)[0][0]
    area: list[Line] = []
    for line in reversed(lines):
        if line.kind == "furniture":
            continue
        if line.size >= 0.92 * body_size:
            break
        area.append(line)
    if not area:
        return
    opener = next((p for p in area[-1].pieces if p.text.strip()), None)
    if opener is not None and (opener.superscript or opener.text.strip() in ("*", "**")):
        for line in area:
            line.kind = "footnote"


def _is_rule(text: str) -> bool:
    t = text.strip()
    return len(t) >= 5 and set(t) == {"_"}
