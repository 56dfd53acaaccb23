"""Amendments typed in Word read as their PDF text does (issue 15 item 3): the real
amendment A/80/L.28, as its author would have typed it (one Word paragraph per paragraph,
Word's own list numbering for the instructions, italic lead words, the sponsors' note as a
real footnote), made into a .docx with pandoc as the other Word tests do."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from amend_fixtures import TEXTS, ga, parsed, word_markdown  # noqa: F401 (ga: fixture)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docx"))
from docx_fixtures import apply_numbering, pandoc_docx

from reslint.lint import Linter
from reslint.parse import parse_file

pytestmark = pytest.mark.usefixtures("ga")
pytest.importorskip("docx")

def facts(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(i.number, i.action, i.target, i.place.part, i.place.number, i.position, i.kind,
             i.old.text if i.old else None, i.anchor.text if i.anchor else None,
             tuple(q.text for q in i.new)) for i in doc.amendment.instructions]


def test_a_word_amendment_reads_as_its_pdf_text(tmp_path: Path) -> None:
    md = word_markdown((TEXTS / "A_80_L.28.md").read_text(encoding="utf-8"))
    docx = pandoc_docx(md, tmp_path / "A_80_L.28.docx")
    assert apply_numbering(docx) == 8  # the instructions, numbered by Word
    word = parse_file(str(docx))
    pdf = parsed("A_80_L.28.md")
    assert word.kind == "amendment"
    assert word.amendment.sponsors == ["Ukraine"]
    assert word.amendment.draft_symbol == "A/80/L.3"
    assert word.amendment.title == pdf.amendment.title
    assert facts(word) == facts(pdf)
    # Word shows the italics that PDF text cannot
    leads = [q.lead_italic for i in word.amendment.instructions if i.target == "paragraph"
             for q in i.new]
    assert leads == [True, True, True, True]
    # and it checks against the draft as the PDF text does: nothing to report
    result = Linter().check_file(str(docx), amends=str(TEXTS / "A_80_L.3.md"))
    assert result.findings == []
