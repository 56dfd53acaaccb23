"""Footnote markers in text extracted from the official PDF, on real texts of ../shared/ga
(skipped when absent): the superscript is lost, so the marker is glued to a year, a symbol
or a named number, or stands alone before a word; the footnote area holds lines that go
on the footnote above.  A marker that cannot be placed with confidence is unknown, and no
rule may then call it missing."""

from __future__ import annotations

import functools

import pytest
from conftest import parse_json

from tests import paths

GA = paths.GA_TEXTS

pytestmark = paths.needs_ga


@functools.cache
def _doc(name: str):
    from reslint.parse import parse_file

    return parse_file(str(GA / name))


def _footnote(name: str, number: int):
    return next(f for f in _doc(name).footnotes if f.number == number)


def _markers(name: str, number: int) -> list[tuple[int, int]]:
    return [(m.span.line, m.span.column) for m in _footnote(name, number).markers]


def _clean(name: str) -> str:
    return " ".join(_doc(name).clean.split())


@pytest.mark.parametrize(("name", "number", "at", "reads"), [
    # glued to the end of a year: "2015–2030" + 7
    ("A_C.2_80_L.16.md", 7, (49, 10), "Risk Reduction 2015–2030 and the New Urban Agenda"),
    ("A_RES_80_39.md", 7, (142, 22), "Documents of the 2000 and the 2010 Review Conferences"),
    ("A_RES_80_39.md", 8, (142, 36), "Documents of the 2000 and the 2010 Review Conferences"),
    # glued to a symbol: resolution 5/14 + 11, 78/221 + 26
    ("A_80_L.17.md", 11, (490, 5), "Assembly resolution 5/14 requesting the convening"),
    ("A_RES_80_223.md", 26, (229, 27), "78/221 and 79/184, and"),
    # glued to a named number: Agenda 21 + 6
    ("A_C.2_80_L.35.md", 6, (111, 43), "Development and Agenda 21 and the principles"),
    # standing alone, two spaces where the superscript was
    ("A_80_L.17.md", 32, (1864, 13), "Flag State Performance as soon as possible"),
    # standing alone before "as", one space
    ("A_C.1_80_L.2.md", 2, (51, 38), "Nuclear Weapons as an urgent priority"),
    # after the full stop of the last paragraph
    ("A_RES_79_117.md", 31, (549, 12), "reflected in the present resolution."),
])
def test_a_marker_the_pdf_text_lost_is_placed(name, number, at, reads):
    assert _markers(name, number) == [at]
    assert reads in _clean(name)


def test_a_marker_in_an_annex_after_a_full_stop():
    """A/80/L.8, annex paragraph 13: "in compliance with the Paris Principles. 13 We will"."""
    fn = _footnote("A_80_L.8.md", 13)
    assert (fn.part, _markers("A_80_L.8.md", 13)) == ("Annex", [(299, 73)])
    assert "the Paris Principles. We will promote" in _clean("A_80_L.8.md")


def test_a_footnote_line_that_starts_with_a_date_goes_on_the_footnote_above():
    """A/C.3/80/L.12 line 601: "18 – 22 March 2002 (United Nations publication, …" ends
    footnote 22 ("…Monterrey, Mexico,"): it is no footnote 18, and the footnotes after it
    (23 to 26) are read, each with its marker."""
    doc = _doc("A_C.3_80_L.12.md")
    assert [f.number for f in doc.footnotes] == list(range(1, 27))
    assert _footnote("A_C.3_80_L.12.md", 22).text.endswith(
        "Monterrey, Mexico, 18 – 22 March 2002 (United Nations publication, Sales No. "
        "E.02.II.A.7), chap. I, resolution 1, annex.")
    assert all(f.markers for f in doc.footnotes)


def test_a_marker_that_could_be_a_count_is_unknown_not_missing():
    """A/RES/80/77 line 533: "among at least 56514 humanitarian workers" is 565 and the
    marker 14, or a count: the marker stays unknown, and neither RES502 (text without a
    marker) nor RES503 (15 where 14 is expected) fires."""
    from tests.acceptance.ga_cache import check, doc

    fn = _footnote("A_RES_80_77.md", 14)
    assert (fn.markers, fn.marker_unknown) == ([], True)
    assert parse_json(GA / "A_RES_80_77.md")["footnotes"][13]["marker_unknown"] is True
    found = check(doc(GA / "A_RES_80_77.md"), doc(GA / "A_RES_78_73.md"))
    assert not [f for f in found if f.rule in ("RES502", "RES503")]


def test_every_footnote_of_a_resolution_has_its_marker_or_an_unknown_one():
    """Over the pairs' texts: a footnote is never left unmarked without a doubt."""
    unmarked = [
        (name, f.number) for name in sorted(p.name for p in GA.glob("A_RES_80_*.md"))
        for f in _doc(name).footnotes if not f.markers and not f.marker_unknown
    ]
    assert unmarked == []


def test_a_footnote_that_goes_on_at_the_foot_of_the_next_page():
    """A/C.3/80/L.17: footnote 42 ("… Supplement No. 7 and") goes on under the next page's
    rule (line 825: "corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D.")."""
    fn = _footnote("A_C.3_80_L.17.md", 42)
    assert fn.text.endswith("Supplement No. 7 and corrigendum (E/2005/27 and "
                            "E/2005/27/Corr.1), chap. I, sect. D.")
    assert fn.span.end_line == 825
    assert _footnote("A_C.3_80_L.17.md", 43).text.startswith("Ibid., 2012, Supplement No. 7")


def test_ibid_after_a_document_and_its_corrigenda():
    """A document and its corrigenda are one source: "Ibid." may follow "… Supplement No. 7
    and corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D." (A/C.3/80/L.17
    footnotes 1, 3 and 42, whose "Ibid." footnotes stand at lines 55, 60 and 827); so is a
    footnote whose sources are all one publication ("See Official Records of the Economic
    and Social Council, 2005, …; ibid., 2010, …", A/C.3/80/L.47 footnote 14): "Ibid., 2024,
    Supplement No. 7" after it (line 145) is that publication again, as adopted in 80/216
    (tests/acceptance/test_warnings.py has the slip that RES505 still finds)."""
    from tests.acceptance.ga_cache import check, doc

    def ibid(draft: str, previous: str) -> list[int]:
        found = check(doc(GA / draft), doc(GA / previous))
        return [f.span.line for f in found if f.rule == "RES505"]

    assert ibid("A_C.3_80_L.17.md", "A_RES_79_159.md") == []
    assert ibid("A_C.3_80_L.47.md", "A_RES_78_206.md") == []
