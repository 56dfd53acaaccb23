"""Word spaces between text runs are measured against the font's own space glyph, not a
fixed fraction of the size: the same gap is a word space in Times (space 0.25 em) and a
gap within a word in Courier (0.6 em)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

sys.path.insert(0, str(Path(__file__).parent))
from pdf_fixtures import page_pdf

from reslint.text.pdf.lines import page_lines
from reslint.text.pdf.runs import read_runs
from reslint.text.pdf.source import _spaced

# "Hello" at 12 pt: Times-Roman H e l l o advance 0.722 + 0.444 + 0.278 + 0.278 + 0.5 em
HELLO = {b"Times-Roman": 2.222, b"Courier": 5 * 0.6}


def two_runs(font: bytes, gap_em: float) -> tuple[str, float]:
    """The line "Hello" "world" (two text objects, `gap_em` apart) as read, and the
    space advance the reader found for the font."""
    x2 = 72 + 12 * HELLO[font] + 12 * gap_em
    content = (b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET "
               b"BT /F1 12 Tf %.3f 700 Td (world) Tj ET" % x2)
    (page,) = read_runs("two-runs.pdf", page_pdf(content, font=font))
    (line,) = page_lines(page)
    return "".join(p.text for p in _spaced(line)), page.runs[0].space


@pytest.mark.parametrize(("font", "gap_em", "read"), [
    (b"Times-Roman", 0.1, "Helloworld"),   # 0.4 of its space: within a word
    (b"Times-Roman", 0.2, "Hello world"),  # 0.8 of its space
    (b"Courier", 0.2, "Helloworld"),       # a third of its space
    (b"Courier", 0.3, "Helloworld"),       # half
    (b"Courier", 0.4, "Hello world"),      # two thirds
])
def test_a_gap_is_a_word_space_by_the_fonts_own_space(font: bytes, gap_em: float, read: str):
    text, space = two_runs(font, gap_em)
    assert text == read
    assert space == pytest.approx({b"Times-Roman": 0.25, b"Courier": 0.6}[font])
