"""Citations read as drafters write them: whose each one is (body, kind), the group its noun
heads, the list it stands in, its part, and the recalled list.

Two kinds of test: small synthetic texts, one per form of the grammar, with exact symbols,
bodies, nouns and lines; and the real texts of ../shared/ga named in issue 11, at their
exact lines (skipped when ../shared/ga is absent).  A corpus-wide test checks every
"<Body> resolution(s) N" the text spells out against the reading, by a pattern of its own.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from reslint.model import Citation, Document
from reslint.parse import parse_file, parse_source
from reslint.text.source import SourceText
from tests import paths

REPO = Path(__file__).resolve().parents[2]
GA = paths.GA_TEXTS


def read(*paragraphs: str) -> Document:
    """A minimal resolution: the formula, these preambular paragraphs (from line 3, one
    blank line between), one operative paragraph."""
    text = "The General Assembly,\n\n" + "\n\n".join(paragraphs)
    text += "\n\n1. Decides to remain seized of the matter.\n"
    return parse_source(SourceText("draft.md", text))


def every(doc: Document) -> list[Citation]:
    return sorted([*doc.citations, *doc.other_citations], key=lambda c: c.span.start)


def row(c: Citation) -> tuple:
    return (c.symbol, c.span.line, c.body, c.kind, c.noun)


@functools.cache
def ga(name: str) -> Document:
    path = GA / f"{name}.md"
    if not path.is_file():
        pytest.skip("../shared/ga is absent")
    return parse_file(str(path))


def at(doc: Document, symbol: str, line: int) -> Citation:
    """The citation of `symbol` whose symbol starts on `line`."""
    found = [c for c in every(doc) if c.symbol == symbol and c.span.line == line]
    assert len(found) == 1, [(c.symbol, c.span.line) for c in every(doc)
                             if abs(c.span.line - line) < 3]
    return found[0]


# --- lists, synthetic -----------------------------------------------------------------


def test_a_relative_clause_does_not_end_the_group_and_the_next_body_ends_the_list():
    doc = read("Recalling its resolutions 64/292 of 28 July 2010, in which it recognized the "
               "right to water as a human right, and 78/206 of 19 December 2023, entitled "
               "“The human rights to safe drinking water and sanitation”, and Human Rights "
               "Council resolution 54/14 of 11 October 2023,")
    assert [row(c) for c in every(doc)] == [
        ("64/292", 3, "ga", "resolution", "resolutions"),
        ("78/206", 3, "ga", "resolution", "resolutions"),
        ("54/14", 3, "hrc", "resolution", "resolution"),
    ]
    own, hrc = doc.citations, doc.other_citations
    assert [c.symbol for c in own] == ["64/292", "78/206"]
    assert own[0].group == own[1].group and own[0].list_id == own[1].list_id
    assert hrc[0].list_id != own[0].list_id  # another body's citation ends the list
    assert [c.symbol for c in doc.recalled] == ["64/292", "78/206"]
    assert [c.date for c in own] == ["2010-07-28", "2023-12-19"]
    assert hrc[0].date == "2023-10-11" and hrc[0].issuer == "Human Rights Council"


def test_a_repeated_noun_heads_its_own_group():
    doc = read("Recalling its resolution 1 (I) of 24 January 1946 and resolution 79/35 of "
               "2 December 2024,")
    one, two = doc.citations
    assert (one.symbol, one.noun, two.symbol, two.noun) == ("1 (I)", "resolution", "79/35",
                                                             "resolution")
    assert one.group != two.group and one.list_id == two.list_id
    assert [c.symbol for c in doc.recalled] == ["1 (I)", "79/35"]


def test_as_well_as_all_previous_resolutions_leaves_one_resolution_under_its_noun():
    doc = read("Recalling its resolution 77/71 of 7 December 2022, as well as all previous "
               "resolutions on the illicit trade in small arms and light weapons,")
    (c,) = doc.citations
    assert (c.symbol, c.noun, c.recalled, c.group_open) == ("77/71", "resolution", True, True)


def test_including_takes_the_body_of_the_resolutions_just_named():
    doc = read("Reaffirming its annual resolutions on sustainable fisheries, including "
               "resolution 79/145 of 12 December 2024, and other relevant resolutions,",
               "Welcoming the relevant resolutions adopted by the Human Rights Council, "
               "including resolutions 36/6 of 28 September 2017 and 45/3 of 6 October 2020,")
    assert [row(c) for c in every(doc)] == [
        ("79/145", 3, "ga", "resolution", "resolution"),
        ("36/6", 5, "hrc", "resolution", "resolutions"),
        ("45/3", 5, "hrc", "resolution", "resolutions"),
    ]
    assert [c.symbol for c in doc.recalled] == ["79/145"]


def test_all_subsequent_resolutions_and_the_latest_of_which_stay_in_the_list():
    doc = read("Recalling its resolution 194 (III) of 11 December 1948 and all its subsequent "
               "resolutions on the question, including resolution 79/88 of 3 December 2024,",
               "Recalling also its resolution 69/307 of 25 June 2015 on the financing of the "
               "Centre and its subsequent resolutions thereon, the latest of which was "
               "resolution 78/294 of 28 June 2024,")
    assert [c.symbol for c in doc.recalled] == ["194 (III)", "79/88", "69/307", "78/294"]
    assert len({c.list_id for c in doc.recalled[:2]}) == 1


def test_parts_of_a_resolution():
    doc = read("Recalling its resolution 54/249 of 23 December 1999, section IV of its "
               "resolution 55/238 of 23 December 2000, its resolutions 56/234 and 56/236 of "
               "24 December 2001 and sections III and IV of its resolution 67/254 of "
               "12 April 2013,")
    assert [(c.symbol, c.noun, c.part) for c in doc.citations] == [
        ("54/249", "resolution", None),
        ("55/238", "resolution", "section IV"),
        ("56/234", "resolutions", None),
        ("56/236", "resolutions", None),
        ("67/254", "resolution", "sections III and IV"),
    ]
    assert len({c.group for c in doc.citations}) == 4
    assert len({c.list_id for c in doc.citations}) == 1
    assert [c.symbol for c in doc.recalled] == ["54/249", "55/238", "56/234", "56/236",
                                                 "67/254"]


def test_lettered_resolutions_of_one_number_are_each_a_resolution():
    doc = read("Recalling its resolutions 79/252 A and B of 24 December 2024 and its "
               "resolution 56/24 V of 29 November 2001,")
    assert [(c.symbol, c.noun, c.date) for c in doc.citations] == [
        ("79/252 A", "resolutions", None),
        ("79/252 B", "resolutions", "2024-12-24"),
        ("56/24 V", "resolution", "2001-11-29"),
    ]
    a, b, _ = doc.citations
    assert a.group == b.group
    assert (b.span.line, b.span.column, b.span.end_column) == (3, 40, 41)  # the "B" itself


def test_the_assemblys_decisions_stand_in_its_list_but_are_not_its_resolutions():
    doc = read("Recalling its decision 59/515 of 3 December 2004 and its resolutions 60/74 "
               "of 8 December 2005 and 61/72 of 6 December 2006,")
    (decision,) = doc.other_citations
    assert (decision.symbol, decision.body, decision.kind, decision.noun) == (
        "59/515", "ga", "decision", "decision")
    assert [c.symbol for c in doc.citations] == ["60/74", "61/72"]
    assert [c.symbol for c in doc.recalled] == ["60/74", "61/72"]
    assert {c.list_id for c in every(doc)} == {decision.list_id}


def test_the_list_after_another_bodys_citation_is_a_new_list():
    doc = read("Recalling its resolutions 70/1 of 25 September 2015 and 75/1 of "
               "21 September 2020, Security Council resolution 2250 (2015) of "
               "9 December 2015 and its resolution 78/5 of 30 October 2023,")
    assert [(c.symbol, c.body) for c in every(doc)] == [
        ("70/1", "ga"), ("75/1", "ga"), ("2250 (2015)", "sc"), ("78/5", "ga")]
    lists = [c.list_id for c in every(doc)]
    assert lists[0] == lists[1] and len(set(lists)) == 3
    assert [c.symbol for c in doc.recalled] == ["70/1", "75/1", "78/5"]


def test_a_resolution_named_on_the_way_is_not_recalled():
    doc = read("Bearing in mind its resolution 75/123 of 10 December 2020, by which it "
               "declared the Fourth Decade, and the need to ascertain the wishes of the "
               "peoples on the basis of resolution 1514 (XV) and other relevant resolutions,")
    assert [c.symbol for c in doc.citations] == ["75/123", "1514 (XV)"]
    assert [c.symbol for c in doc.recalled] == ["75/123"]


def test_a_resolution_named_by_a_preposition_is_not_listed():
    doc = read("Reaffirming its resolution 78/267 of 21 March 2024 declaring the International "
               "Day, and welcoming the anniversary of the adoption, by its resolution 55/25 of "
               "15 November 2000, of the Convention,")
    assert [c.symbol for c in doc.citations] == ["78/267", "55/25"]
    assert [c.symbol for c in doc.recalled] == ["78/267"]


def test_a_symbol_dropped_from_a_list_does_not_cut_the_list_the_verb_governs():
    # "resolutions 10/6 of 16 October 2020 and 11/3 ..." name no body and cannot be the
    # Assembly's (a date not of their session): their group is dropped, and the verb
    # still governs the resolution that follows
    doc = read("Reaffirming its resolution 76/185 of 16 December 2021, as well as "
               "resolutions 10/6 of 16 October 2020 and 11/3 of 21 October 2022 on preventing "
               "crime, and resolution 8/12 of 20 December 2019 of the Conference of the States "
               "Parties to the United Nations Convention against Corruption,")
    assert [(c.symbol, c.body, c.recalled) for c in every(doc)] == [
        ("76/185", "ga", True), ("8/12", "cop", True)]


def test_a_run_of_symbols_takes_the_body_named_after_it():
    doc = read("Reaffirming its resolution 76/185 of 16 December 2021, as well as "
               "resolutions 10/6 of 16 October 2020 and 11/3 of 21 October 2022 of the "
               "Conference of the Parties to the United Nations Convention against "
               "Transnational Organized Crime,")
    assert [(c.symbol, c.body, c.kind, c.recalled) for c in every(doc)] == [
        ("76/185", "ga", "resolution", True), ("10/6", "cop", "resolution", True),
        ("11/3", "cop", "resolution", True)]
    assert [c.symbol for c in doc.citations] == ["76/185"]


def test_A_C5_80_L_12_the_human_rights_councils_resolutions_are_not_the_assemblys():
    # line 41: "Decides not to approve any resources for the implementation of resolutions
    # S-35/1, 51/29, 55/19, ... 60/3 and 60/21 adopted by the Human Rights Council."
    doc = ga("A_C.5_80_L.12")
    run = [c for c in every(doc) if c.span.line in (42, 43)]
    assert len(run) == 18
    assert {(c.body, c.issuer) for c in run} == {("hrc", "Human Rights Council")}
    assert not [c for c in doc.citations if c.span.line in (42, 43)]


def test_A_C3_80_L_3_reaffirming_governs_the_conference_resolutions_of_its_list():
    # line 712: "Reaffirming its resolution 76/185 of 16 December 2021, as well as
    # resolutions 10/6 of 16 October 2020 and 11/3 of 21 October 2022 of the Conference of
    # the Parties ..., and resolution 8/12 of 20 December 2019 of the Conference of the
    # States Parties to the United Nations Convention against Corruption"
    doc = ga("A_C.3_80_L.3")
    assert at(doc, "76/185", 712).recalled
    assert [(c.body, c.recalled) for c in (at(doc, "10/6", 713), at(doc, "11/3", 713))] == [
        ("cop", True), ("cop", True)]
    assert at(doc, "8/12", 716).recalled


def test_A_C3_80_L_3_the_convention_adopted_by_resolution_55_25_is_not_recalled():
    doc = ga("A_C.3_80_L.3")
    assert at(doc, "78/267", 150).recalled
    assert not at(doc, "55/25", 153).recalled


# --- bodies, synthetic ----------------------------------------------------------------


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Recalling Security Council resolution 1325 (2000) of 31 October 2000,",
     [("1325 (2000)", "sc", "resolution")]),
    ("Recalling Economic and Social Council resolutions 2008/36 of 25 July 2008 and "
     "2023/4 of 5 June 2023,",
     [("2008/36", "ecosoc", "resolution"), ("2023/4", "ecosoc", "resolution")]),
    ("Recalling the Paris Agreement adopted under decision 1/CP.21,",
     [("1/CP.21", "cop", "decision")]),
    ("Taking note of decision 15/4 of the Conference of the Parties to the Convention on "
     "Biological Diversity,", [("15/4", "cop", "decision")]),
    ("Recalling resolution 5/5 of the United Nations Environment Assembly,",
     [("5/5", "other", "resolution")]),
    ("Welcoming the work of the Human Rights Council, in its resolution 54/14 of "
     "11 October 2023,", [("54/14", "hrc", "resolution")]),
    ("Noting the adoption by the Economic and Social Commission for Asia and the Pacific in "
     "its resolution 73/8 of 19 May 2017,", [("73/8", "other", "resolution")]),
    ("Recalling Human Rights Council resolution 44/4 of 16 July 2020, entitled “Trafficking "
     "in persons”, resolution 53/9 of 12 July 2023 and the other relevant resolutions of the "
     "Council,", [("44/4", "hrc", "resolution"), ("53/9", "hrc", "resolution")]),
    ("Recalling its resolution 70/1 of 25 September 2015 and General Assembly decision "
     "52/492 of 8 September 1998,",
     [("70/1", "ga", "resolution"), ("52/492", "ga", "decision")]),
    ("Noting the efficient functioning of the Commission and Assembly resolution 61/98 of "
     "6 December 2006,", [("61/98", "ga", "resolution")]),
])
def test_whose_a_citation_is(paragraph, expected):
    assert [(c.symbol, c.body, c.kind) for c in every(read(paragraph))] == expected


def test_a_period_or_a_count_is_no_citation_without_a_noun():
    doc = read("Noting the budget for the period 2024/25 and the 12 (2023) figures,")
    assert every(doc) == []


# --- the real texts of issue 11, at their lines -----------------------------------------


def test_A_RES_80_216_keeps_78_206_after_the_relative_clause():
    doc = ga("A_RES_80_216")
    first, second = at(doc, "64/292", 37), at(doc, "78/206", 39)
    assert first.group == second.group and first.noun == "resolutions"
    assert first.noun_span.line == 37
    assert [c.symbol for c in doc.recalled][:2] == ["64/292", "78/206"]
    hrc = at(doc, "57/13", 43)  # "Human Rights Council resolution 57/13 of 10 October 2024"
    assert (hrc.body, hrc.date) == ("hrc", "2024-10-10") and hrc not in doc.citations


def test_A_RES_80_39_reads_two_singular_groups():
    doc = ga("A_RES_80_39")
    one, two = at(doc, "1 (I)", 36), at(doc, "79/35", 36)
    assert (one.noun, two.noun) == ("resolution", "resolution")
    assert one.group != two.group and one.list_id == two.list_id


def test_A_RES_78_229_as_well_as_all_previous_resolutions():
    c = at(ga("A_RES_78_229"), "77/71", 906)
    assert (c.noun, c.recalled, c.group_open, c.date) == ("resolution", True, True,
                                                          "2022-12-07")


def test_A_80_L_17_reaffirms_its_annual_resolutions_including_79_145():
    doc = ga("A_80_L.17")
    c = at(doc, "79/145", 45)
    assert (c.body, c.noun, c.noun_span.line, c.recalled) == ("ga", "resolution", 44, True)
    assert doc.recalled[0] is c


def test_A_C5_80_L_11_sections_of_resolutions():
    doc = ga("A_C.5_80_L.11")
    assert (at(doc, "54/249", 35).part, at(doc, "55/238", 36).part) == (None, "section IV")
    assert at(doc, "57/292", 37).part == "section II"
    assert at(doc, "67/254", 44).part == "sections III and IV"
    lists = {c.list_id for c in doc.recalled if c.span.line <= 47}
    assert len(lists) == 1


def test_A_C1_80_L_9_its_decision_66_518():
    c = at(ga("A_C.1_80_L.9"), "66/518", 48)
    assert (c.body, c.kind, c.noun, c.date) == ("ga", "decision", "decision", "2011-12-02")


@pytest.mark.parametrize(("name", "symbol", "line", "body", "issuer"), [
    # Human Rights Council resolutions that RES107 took for the Assembly's
    ("A_RES_80_201", "54/14", 65, "hrc", "Human Rights Council"),
    ("A_RES_80_220", "58/17", 42, "hrc", "Human Rights Council"),
    ("A_RES_80_229", "53/113", 503, "other", "Statistical Commission"),
    ("A_RES_80_229", "65/2", 706, "other", "Commission on Narcotic Drugs"),
    ("A_RES_80_191", "49/7", 773, "other", "Commission on the Status of Women"),
])
def test_other_bodies_that_rule_RES107_took_for_the_assemblys(name, symbol, line, body,
                                                             issuer):
    doc = ga(name)
    c = [c for c in doc.other_citations if c.symbol == symbol and c.date_span
         and c.date_span.line == line]
    assert [(x.body, x.issuer) for x in c] == [(body, issuer)]
    assert all(x.symbol != symbol or x.date != c[0].date for x in doc.citations)


# --- corpus-wide ---------------------------------------------------------------------

NAMED = re.compile(
    r"\b(?P<name>Human Rights Council|Economic and Social Council|Security Council)\s+"
    r"resolutions?\s+(?P<sym>\d{1,4}/\d{1,3}|\d{1,4} \((?:19|20)\d\d\))"
)
BODY = {"Human Rights Council": "hrc", "Economic and Social Council": "ecosoc",
        "Security Council": "sc"}


def test_every_body_named_at_its_noun_is_read_so_in_every_text():
    """Every "<Council> resolution(s) N" in a paragraph of ../shared/ga is read as that
    Council's, and never among the Assembly's own resolutions."""
    if not GA.is_dir():
        pytest.skip("../shared/ga is absent")
    checked = 0
    wrong = []
    for path in sorted(GA.glob("*.md")):
        if not NAMED.search(" ".join(path.read_text(encoding="utf-8").split())):
            continue  # parse only the texts that can hold one
        doc = ga(path.stem)
        others = {(c.paragraph, c.offset): c for c in doc.other_citations}
        for p in doc.paragraphs():
            for m in NAMED.finditer(" ".join(p.text.split())):
                checked += 1
                hits = [c for (where, _), c in others.items() if where == p.label
                        and c.symbol == m.group("sym")]
                if not any(c.body == BODY[m.group("name")] for c in hits):
                    wrong.append((path.name, p.label, m.group()))
    assert checked > 300
    assert wrong == []


# --- what the lists are for: the recalled list a fix inserts into ------------------------


def test_the_previous_resolution_is_inserted_into_the_series_list_not_an_earlier_one():
    from reslint.engine.facts import document_facts
    from reslint.engine.fixers import insert_in_list
    from reslint.text.edits import apply_edits

    doc = read("Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming "
               "our world”,",
               "Recalling its resolutions 76/47 of 6 December 2021 and 77/79 of "
               "7 December 2022,")
    assert [c.symbol for c in doc.recalled] == ["70/1", "76/47", "77/79"]
    edits = insert_in_list(doc, document_facts(doc)["recalled"], "78/32 of 4 December 2023")
    fixed = apply_edits(doc.source.text, edits or [])
    assert ("Recalling its resolutions 76/47 of 6 December 2021, 77/79 of 7 December 2022 "
            "and 78/32 of 4 December 2023,") in fixed
    assert "Reaffirming its resolution 70/1 of 25 September 2015, entitled" in fixed
