"""The PDF's text as runs: what pypdfium2 (PDFium) says each text object shows, and where.

This is the only module that imports pypdfium2 (the `reslint[pdf]` extra).  A run is one
text object of the page's content: its text, its origin (x and baseline), its right edge,
its font size in page units and whether its font is italic.  Everything else (lines,
superscripts, page furniture, footnotes) is decided from these numbers in
reslint.text.pdf.lines, so the reading is the same whichever library supplies them.

PDFium's page objects are read through the raw API: one call per object, not per
character, which keeps a page at a few milliseconds.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any, NamedTuple

from reslint.text.source import InputError

MAX_PAGES = 1000  # a resolution has 2-40 pages; a report with annexes a few hundred
MAX_RUNS_PER_PAGE = 50_000  # a dense page has ~500 text objects
# A font's space advance, in ems, where the font does not say (or says something no text
# font has: a barcode font's 1.0): Times New Roman's, the Assembly's typeface, 0.25 em.
DEFAULT_SPACE = 0.25
PLAUSIBLE_SPACE = (0.1, 0.7)  # from condensed faces to monospaced ones (Courier: 0.6)


class Run(NamedTuple):
    text: str
    x0: float  # origin of the first glyph (page units, origin bottom left)
    x1: float  # where the advance of the last glyph that is not a space ends
    y: float  # baseline
    size: float  # font size as drawn
    italic: bool
    # Whether the run begins / ends with a space character of the PDF's own (PDFium
    # also reports spaces it infers from gaps, and those are not always word spaces).
    space_before: bool = False
    space_after: bool = False
    pdfium_space: bool = False  # PDFium's text has a space (maybe its own) before the run
    space: float = DEFAULT_SPACE  # the advance of its font's space glyph, in ems


class Page(NamedTuple):
    number: int  # 1-based
    width: float
    height: float
    runs: list[Run]


def read_runs(path: str, data: bytes, pages: int | None = None) -> list[Page]:
    """The runs of every page (of the first `pages` only, when given: a heading)."""
    try:  # here, not at the top: pypdfium2 is an optional extra (`reslint[pdf]`)
        from reslint.text.pdf.pdfium import load

        raw = load()
    except ImportError:
        raise ImportError("pypdfium2") from None
    doc = raw.FPDF_LoadMemDocument64(data, len(data), None)  # `data` outlives `doc`
    if not doc:
        code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD:
            raise InputError(path, "encrypted PDF: it needs a password to open")
        if code == raw.FPDF_ERR_SECURITY:
            raise InputError(path, "PDF with an unsupported security handler")
        raise InputError(path, "damaged or truncated PDF: cannot be opened")
    try:
        count = raw.FPDF_GetPageCount(doc)
        if count <= 0:
            raise InputError(path, "PDF with no pages")
        if count > MAX_PAGES:
            raise InputError(path, f"PDF has {count:,} pages, over the limit of {MAX_PAGES:,}")
        return [_page(path, doc, i, raw) for i in range(min(count, pages or count))]
    finally:
        raw.FPDF_CloseDocument(doc)


def _page(path: str, doc: Any, index: int, raw: Any) -> Page:
    page = raw.FPDF_LoadPage(doc, index)
    if not page:
        raise InputError(path, f"damaged PDF: page {index + 1} cannot be read")
    try:
        width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        textpage = raw.FPDFText_LoadPage(page)
        if not textpage:
            raise InputError(path, f"damaged PDF: the text of page {index + 1} cannot be read")
        try:
            runs, handles = _runs(path, page, textpage, raw, index)
            runs = _glyph_edges(runs, handles, _page_text(textpage, raw), textpage, raw)
        finally:
            raw.FPDFText_ClosePage(textpage)
    finally:
        raw.FPDF_ClosePage(page)
    return Page(index + 1, width, height, runs)


def _runs(path: str, page: Any, textpage: Any, raw: Any, index: int
          ) -> tuple[list[Run], list[int]]:
    """The page's text runs in drawing order, and the address of each one's object."""
    out: list[Run] = []
    handles: list[int] = []
    fonts: dict[int, tuple[bool, float]] = {}  # italic, space advance (ems)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size = ctypes.c_float()
    matrix = raw.FS_MATRIX()
    buf = ctypes.create_string_buffer(512)
    text_type = raw.FPDF_PAGEOBJ_TEXT
    form_type = raw.FPDF_PAGEOBJ_FORM
    stack = [(page, raw.FPDFPage_CountObjects(page), raw.FPDFPage_GetObject)]
    depth = 0
    while stack:
        owner, count, get = stack.pop()
        for k in range(count):
            obj = get(owner, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == form_type and depth < 4:
                depth += 1
                stack.append((obj, raw.FPDFFormObj_CountObjects(obj), raw.FPDFFormObj_GetObject))
                continue
            if kind != text_type:
                continue
            n = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
            if n <= 2:
                continue
            if n > len(buf):
                buf = ctypes.create_string_buffer(n)
            wide = ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR))
            raw.FPDFTextObj_GetText(obj, textpage, wide, n)
            text = buf.raw[: n - 2].decode("utf-16-le", "replace")
            if not text.strip():
                continue
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            raw.FPDFTextObj_GetFontSize(obj, size)
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            scale = math.hypot(matrix.c, matrix.d) or 1.0
            font = raw.FPDFTextObj_GetFont(obj)
            key = ctypes.cast(font, ctypes.c_void_p).value or 0
            style = fonts.get(key)
            if style is None:
                style = fonts[key] = (_italic(font, raw), _space(font, raw))
            out.append(Run(text, left.value, right.value, matrix.f, size.value * scale,
                           style[0], space=style[1]))
            handles.append(ctypes.cast(obj, ctypes.c_void_p).value or 0)
            if len(out) > MAX_RUNS_PER_PAGE:
                raise InputError(path, f"page {index + 1} holds over {MAX_RUNS_PER_PAGE:,} "
                                       "text objects: not a resolution")
    return out, handles


def _italic(font: Any, raw: Any) -> bool:
    if not font:
        return False
    n = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = b""
    if n > 0:
        buf = ctypes.create_string_buffer(n)
        raw.FPDFFont_GetBaseFontName(font, buf, n)
        name = buf.value
    if b"Italic" in name or b"Oblique" in name:
        return True
    angle = ctypes.c_int()
    return bool(raw.FPDFFont_GetItalicAngle(font, angle) and angle.value != 0)


def _space(font: Any, raw: Any) -> float:
    """The advance of the font's space glyph in ems (its width at size 1): what a word
    space is made of, so what tells a word space from a gap within a word."""
    width = ctypes.c_float()
    if font and raw.FPDFFont_GetGlyphWidth(font, 32, 1.0, ctypes.byref(width)):
        low, high = PLAUSIBLE_SPACE
        if low <= width.value <= high:
            return float(width.value)
    return DEFAULT_SPACE


def _page_text(textpage: Any, raw: Any) -> str:
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buf = ctypes.create_string_buffer(2 * (count + 1))
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    return buf.raw[: 2 * count].decode("utf-16-le", "replace")


def _glyph_edges(runs: list[Run], handles: list[int], text: str, textpage: Any,
                 raw: Any) -> list[Run]:
    """Each run's left edge (its first glyph's origin) and right edge (where its last
    visible glyph's advance ends: PDFium's loose box; the ink of "1" ends far before).

    An object's bounds can include a space glyph that the next object overlaps (Word
    splits words across runs: "assistanc " then "e and"), so word spaces are told from
    the gap between glyphs.  The runs are found in PDFium's page text, in drawing order;
    a run that cannot be found keeps its object bounds.  A place is taken only where PDFium
    says its first character belongs to the run's object: a short run ("-", "1") would
    match too early and put every later run out of step."""
    out = []
    cursor = 0
    left, bottom = ctypes.c_double(), ctypes.c_double()
    box = raw.FS_RECTF()
    owner = raw.FPDFText_GetTextObject
    for run, handle in zip(runs, handles, strict=True):
        at = _find(run.text, handle, text, cursor, textpage, owner)
        if at < 0:
            out.append(run)
            continue
        first = at + len(run.text) - len(run.text.lstrip())
        last = at + len(run.text.rstrip()) - 1
        x0, x1 = run.x0, run.x1
        if raw.FPDFText_GetCharOrigin(textpage, first, left, bottom):
            x0 = left.value
        if raw.FPDFText_GetLooseCharBox(textpage, last, box):
            x1 = box.right
        gen = raw.FPDFText_IsGenerated
        before = run.text[:1].isspace() and gen(textpage, at) == 0
        after = run.text[-1:].isspace() and gen(textpage, at + len(run.text) - 1) == 0
        gap = " " in text[cursor:at] if at >= cursor else False
        out.append(run._replace(x0=x0, x1=x1, space_before=before, space_after=after,
                                pdfium_space=gap))
        cursor = max(cursor, at + len(run.text))
    return out


def _find(needle: str, handle: int, text: str, cursor: int, textpage: Any, owner: Any) -> int:
    """Where the run of object `handle` starts in the page text, searching on from
    `cursor` (runs come in drawing order, as PDFium's text does); -1 if nowhere near."""
    first = len(needle) - len(needle.lstrip())
    for start in (cursor, 0):  # furniture drawn last can come first in PDFium's text
        at = text.find(needle, start)
        tries = 0
        while at >= 0 and tries < 8:
            obj = owner(textpage, at + first)
            if (ctypes.cast(obj, ctypes.c_void_p).value or 0) == handle:
                return at
            at = text.find(needle, at + 1)
            tries += 1
    return -1
