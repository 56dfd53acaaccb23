"""The official PDF gives the facts of its extracted text (../shared/ga/pdf, texts/).

Each PDF and its text are parsed once.  Where the two readers disagree the tests name the
file, say which reader is wrong and why; every other fact must be equal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import paths

pytest.importorskip("pypdfium2")

from reslint.parse import parse_file

REPO = Path(__file__).resolve().parents[2]
GA = paths.GA
NAMES = sorted(p.stem for p in (GA / "pdf").glob("*.pdf")) if GA.is_dir() else []
pytestmark = pytest.mark.skipif(not NAMES, reason="../shared/ga/pdf absent")

HEADING = ("kind", "symbol", "session", "title", "agenda_item", "item_title", "sponsors",
           "adopted", "committee", "report")

# Paragraph counts: the two readers agree on all 48 (A/RES/79/98's page break inside a
# list of Security Council resolutions, the sponsors' "* On behalf of the Group of 77" note
# under a drawn rule in L.14 and L.18, A/RES/79/281's section numerals one line above
# their titles: each once split the two readers, and each is now read alike by both).
# Word spaces the PDF reader misses: between two runs with no space character it measures
# the gap (see reslint.text.pdf.source.WORD_SPACE); one word space of these texts is
# narrower than any rule that keeps Word's split words whole ("Programme of" "Action",
# a justified 12 pt line: 0.144 of the size).
PDF_READER_SPACING = {("A_RES_79_321", "PP27")}
# Footnote counts where the extracted-text reader is wrong: none.  (A footnote's second
# line that starts with a number, "17 March 2022, and Doha, …" in A/C.2/80/L.18 and
# 78/160, was once read as footnote 17; a line that reads as the rest of a date goes on.)
TEXT_READER_FOOTNOTES: set[str] = set()


@pytest.fixture(scope="module")
def docs():
    return {
        name: (parse_file(str(GA / "pdf" / f"{name}.pdf")),
               parse_file(str(GA / "texts" / f"{name}.md")))
        for name in NAMES
    }


def _without_digits(text: str) -> str:
    return " ".join("".join(c for c in text if not c.isdigit()).split())


def test_every_pdf_has_the_heading_of_its_text(docs):
    for name, (pdf, text) in docs.items():
        for key in HEADING:
            if key in ("kind",):
                got, want = pdf.kind, text.kind
            else:
                got, want = getattr(pdf.heading, key), getattr(text.heading, key)
            assert got == want, (name, key)


def test_paragraph_counts_and_texts(docs):
    for name, (pdf, text) in docs.items():
        counts = (len(pdf.preamble), len(pdf.operative), len(pdf.sections))
        assert counts == (len(text.preamble), len(text.operative), len(text.sections)), name
        # A paragraph's clean text is the same but where the text reader left a footnote
        # marker in as a number ("Migrants, 9 as"): the PDF's is then shorter by it.
        for a, b in zip(pdf.preamble + pdf.operative, text.preamble + text.operative,
                        strict=False):
            if a.text == b.text or (name, a.label) in PDF_READER_SPACING:
                continue
            # the text reader left a marker in as a number: the PDF's text is the same
            # but for those digits ("Migrants, 9 as" / "Migrants, as")
            assert _without_digits(a.text) == _without_digits(b.text), (name, a.label)
            assert len(b.text) > len(a.text), (name, a.label, a.text, b.text)


def test_lead_words(docs):
    """The PDF's lead is the italic phrase; the text reader guesses it from the first
    words, so it may stop early ("Also" for "Also reaffirms") or run on ("Underlines the
    strong support" where only "Underlines" is italic): one is a prefix of the other."""
    for name, (pdf, text) in docs.items():
        for a, b in zip(pdf.preamble + pdf.operative, text.preamble + text.operative,
                        strict=False):
            if (name, a.label) in PDF_READER_SPACING:
                continue
            assert a.lead.startswith(b.lead) or b.lead.startswith(a.lead), (name, a.label)
            assert a.lead_italic is not None, (name, a.label)


def test_footnotes(docs):
    extra = {name for name, (pdf, text) in docs.items()
             if len(text.footnotes) == len(pdf.footnotes) + 1}
    assert extra == TEXT_READER_FOOTNOTES
    for name, (pdf, text) in docs.items():
        numbers = [f.number for f in pdf.footnotes]
        if name in TEXT_READER_FOOTNOTES:
            continue
        assert numbers == [f.number for f in text.footnotes], name
        for a, b in zip(pdf.footnotes, text.footnotes, strict=True):
            # Every marker the text reader found, the PDF has; and every footnote of the
            # PDF has its marker (the text reader misses some: see the test below).
            assert len(a.markers) >= len(b.markers), (name, a.number)
            assert a.markers, (name, a.number)
            assert a.text == b.text, (name, a.number)


def test_a_marker_both_readers_place(docs):
    """A/C.3/80/L.16 PP9: "… New York Declaration for Refugees and Migrants,⁹ as each …".
    In the extracted text the superscript is a plain "9" after a comma, which could be a
    number of the sentence: the text reader takes it for footnote 9's marker because it is
    the only 9 between the markers of footnotes 8 and 10 on footnote 9's page.  In the PDF
    the 9 is a 6.5 pt glyph raised above the 10 pt baseline."""
    pdf, text = docs["A_C.3_80_L.16"]
    text_pp9, pdf_pp9 = text.preamble[8], pdf.preamble[8]
    assert "Migrants, as each" in text_pp9.text
    assert "Migrants, as each" in pdf_pp9.text
    assert [(m.span.line, m.span.column) for f in text.footnotes if f.number == 9
            for m in f.markers] == [(102, 74)]
    (marker,) = [m for f in pdf.footnotes if f.number == 9 for m in f.markers]
    page, _line = pdf.source.page_of(marker.span.line)
    assert page == 2
    assert pdf.source.line_text(marker.span.line).endswith("Refugees and Migrants,⁹ as")


def test_citations_and_recalled(docs):
    for name, (pdf, text) in docs.items():
        assert [(c.symbol, c.date) for c in pdf.citations] == \
            [(c.symbol, c.date) for c in text.citations], name
        assert [c.symbol for c in pdf.recalled] == [c.symbol for c in text.recalled], name
        assert pdf.next_session == text.next_session, name


def test_meeting(docs):
    for name, (pdf, text) in docs.items():
        got = pdf.meeting.number if pdf.meeting else None
        assert got == (text.meeting.number if text.meeting else None), name


def test_each_pdf_pair_gives_the_findings_of_its_texts(docs):
    """pdf/pairs.tsv: the draft's PDF checked against the previous PDF finds what its text
    finds against the previous text, but for the text reader's footnote false alarms (a
    marker it cannot tell from a number: RES502 "no marker", RES503 "out of order")."""
    from reslint.lint import Linter

    linter = Linter()
    rows = [line.split("\t") for line in
            (GA / "pdf" / "pairs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    for draft, previous in ((d.strip(), p.strip()) for d, p in rows):
        d, p = draft[: -len(".pdf")], previous[: -len(".pdf")]
        by_pdf = linter.check_file(str(GA / "pdf" / draft), str(GA / "pdf" / previous),
                                   document=docs[d][0])
        by_text = linter.check_file(str(GA / "texts" / f"{d}.md"),
                                    str(GA / "texts" / f"{p}.md"), document=docs[d][1])
        pdf = {(f.rule, f.message) for f in by_pdf.findings}
        text = {(f.rule, f.message) for f in by_text.findings}
        assert pdf <= text, (draft, sorted(pdf - text))
        assert {rule for rule, _ in text - pdf} <= {"RES502", "RES503"}, (draft, text - pdf)


@pytest.mark.slow
def test_reslint_parse_of_each_pdf_gives_the_facts_of_its_text(capsys):
    """`reslint parse X.pdf` exits 0 and prints the facts `reslint parse X.md` prints, but
    for what only the PDF knows (whether a lead is italic; markers the text reader cannot
    place; the lead's full italic phrase: see test_lead_words) and the lines, which are
    the PDF's own; everything else, key by key, is equal."""
    import json

    from reslint.cli import main

    skip = {"line", "end_line", "column", "end_column", "path", "style", "problems",
            "lead", "lead_italic", "markers"}

    def facts(path: Path) -> dict[str, object]:
        capsys.readouterr()
        assert main(["parse", str(path)]) == 0, path
        return strip(json.loads(capsys.readouterr().out))

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in skip}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    for name in NAMES:
        pdf, text = facts(GA / "pdf" / f"{name}.pdf"), facts(GA / "texts" / f"{name}.md")
        assert pdf.keys() == text.keys()
        for key in pdf:
            if key == "footnotes" and name in TEXT_READER_FOOTNOTES:
                continue
            if key in ("preamble", "operative") and any(
                    (name, p["label"]) in PDF_READER_SPACING for p in pdf[key]):
                continue
            if pdf[key] != text[key] and key in ("preamble", "operative"):
                # the text reader left a footnote marker in as a number (test above)
                def digitless(paragraphs):
                    return [{**p, "text": _without_digits(p["text"])} for p in paragraphs]

                assert digitless(pdf[key]) == digitless(text[key]), (name, key)
                continue
            assert pdf[key] == text[key], (name, key)
