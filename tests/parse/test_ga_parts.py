"""Resolutions in parts ("A" / its title / "The General Assembly," …, then "B" …) on real
texts of ../shared/ga (skipped when absent): each part is a section of kind "part" at the
top of the outline, its own sections nest under it, and its paragraphs are numbered from
1 in a run of their own."""

from __future__ import annotations

import functools

from conftest import parse_json

from tests import paths

GA = paths.GA_TEXTS

pytestmark = paths.needs_ga


@functools.cache
def _doc(name: str):
    from reslint.parse import parse_file

    return parse_file(str(GA / name))


def test_a_draft_in_parts_a_and_b_nests_its_sections_under_each_part():
    """A/C.5/80/L.17: "A" (line 29) before the first formula, sections I, II, II.A ("A.
    Base/floor salary scale", line 200) and II.B in part A, then "B" (line 256) and the
    formula again; part B's preamble and its paragraphs 1 and 2 belong to part B."""
    doc = _doc("A_C.5_80_L.17.md")
    outline = [(s.key, s.kind, s.span.line, s.level) for s in doc.sections]
    assert outline == [
        ("A", "part", 29, 1), ("A.I", "section", 175, 2), ("A.II", "section", 188, 2),
        ("A.II.A", "section", 200, 3), ("A.II.B", "section", 221, 3), ("B", "part", 256, 1),
    ]
    part_b = [(p.label, p.span.line, p.run) for p in doc.paragraphs() if p.section == "B"]
    assert part_b == [("B.PP1", 262, ""), ("B.OP1", 267, "B"), ("B.OP2", 270, "B")]
    assert [p.label for p in doc.operative if p.section == "A"][:2] == ["A.OP1", "A.OP2"]
    assert doc.heading.formula_span is not None and doc.heading.formula_span.line == 33
    assert "A" not in (doc.heading.title or "")


def test_the_budget_in_parts_a_b_c_each_with_a_title():
    """A/C.5/80/L.6: "A" / "Budget appropriations for 2026" / "The General Assembly" /
    "Resolves that, for 2026:" / "1. …": each part's paragraphs 1, 2, 3 are its own."""
    doc = _doc("A_C.5_80_L.6.md")
    parts = [(s.key, s.title, s.span.line) for s in doc.sections if s.kind == "part"]
    assert parts == [("A", "Budget appropriations for 2026", 34),
                     ("B", "Income estimates for 2026", 277),
                     ("C", "Financing of appropriations for the year 2026", 323)]
    part_c = [(p.label, p.span.line) for p in doc.operative if p.section == "C"]
    assert part_c == [("C.OP", 331), ("C.OP1", 334), ("C.OP2", 360), ("C.OP3", 366),
                      ("C.OP4", 390)]


def test_reslint_parse_shows_the_parts():
    data = parse_json(GA / "A_C.5_80_L.17.md")
    assert [(s["key"], s["kind"]) for s in data["sections"]][:2] == [
        ("A", "part"), ("A.I", "section")]


def test_bullets_are_sub_paragraphs_of_the_paragraph_they_list():
    """79/233, annex paragraph 47: "Targets:" then five "•" items (lines 485-504), each a
    sub-paragraph counted in order; paragraph 48 follows at line 508."""
    doc = _doc("A_RES_79_233.md")
    (p47,) = [p for p in doc.annexes[0].operative if p.label == "Annex.OP47"]
    subs = [(s.label, s.kind, s.number, s.span.line) for s in p47.subparagraphs]
    assert subs == [(f"Annex.OP47(•{k})", "sub", "•", line)
                    for k, line in enumerate((485, 490, 495, 499, 504), 1)]
    assert p47.subparagraphs[1].text.startswith("Double the output of services sectors")


def test_lettered_sub_paragraphs_with_a_full_stop(tmp_path):
    """A word processor's list: "a." / "b." under a paragraph, read as (a), (b)."""
    from reslint.parse import parse_file

    draft = tmp_path / "d.md"
    draft.write_text(
        "A/C.2/99/L.5\n\nThe General Assembly,\n\nRecalling its resolution 78/1,\n\n"
        "1. Requests the Secretary-General:\n\na. To report;\n\nb) To consult;\n\n"
        "2. Decides to remain seized of the matter.\n", encoding="utf-8")
    doc = parse_file(str(draft))
    assert [(s.label, s.text) for s in doc.operative[0].subparagraphs] == [
        ("OP1(a)", "To report;"), ("OP1(b)", "To consult;")]
    assert [p.label for p in doc.operative] == ["OP1", "OP2"]
