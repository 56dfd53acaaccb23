"""The layout of PDF text: furniture out, footnotes lifted, paragraphs joined; plain
markers told from numbers.  Synthetic texts only: no vocabulary, no corpus."""

from __future__ import annotations

from reslint.parse.markers import find_candidates, resolve_plain_markers
from reslint.text.inline import clean_block
from reslint.text.layout import split_layout
from reslint.text.mapped import MappedText
from reslint.text.source import SourceText

PDF = """<!-- source: test -->
United Nations
A/RES/99/1
General Assembly
Distr.: General
9 December 2099
*2399999*
99-99999 (E)
Ninety-ninth session
Agenda item 1
Resolution adopted by the General Assembly
on 1 December 2099
99/1. Test
The General Assembly,
Recalling the Convention on Persons with Disabilities,1 and the Munitions 2 on
the matter of 25 tons,
Noting the 3 States
1.
Urges all States to join the Convention in order to work for the goals set out in
__________________
1 United Nations, Treaty Series, vol. 2515, No. 44910.
2 Ibid., vol. 2688,
No. 47713.

A/RES/99/1 Test
2/3
99-99999
the Convention and its Protocols;
2.
Decides to act on 5 December 2099, in article 3 and paragraph 4;
"""


def layout():
    return split_layout(SourceText("t.md", PDF))


def test_page_furniture_is_removed():
    lay = layout()
    body = " ".join(b.text for b in lay.blocks)
    for furniture in ("2/3", "99-99999", "*2399999*", "A/RES/99/1 Test", "<!--"):
        assert furniture not in body
    assert lay.is_pdf and len(lay.page_breaks) == 1


def test_footnote_texts_are_lifted_and_continued():
    lay = layout()
    assert [(f.number, f.text.text) for f in lay.footnotes] == [
        (1, "United Nations, Treaty Series, vol. 2515, No. 44910."),
        (2, "Ibid., vol. 2688, No. 47713."),
    ]
    f2 = lay.footnotes[1]
    s, e = f2.text.orig_span(len(f2.text.text) - 11, len(f2.text.text))
    assert PDF[s:e] == "No. 47713."


def test_paragraph_goes_on_after_the_footnote_block_and_page_break():
    blocks = [b.text for b in layout().blocks]
    op1 = next(b for b in blocks if b.startswith("1."))
    assert op1 == (
        "1. Urges all States to join the Convention in order to work for the goals set out in"
        " the Convention and its Protocols;"
    )


def test_paragraph_number_alone_on_its_line_joins_its_text():
    blocks = [b.text for b in layout().blocks]
    assert any(b.startswith("2. Decides to act") for b in blocks)
    assert not any(b.strip() in ("1.", "2.") for b in blocks)


def test_hard_wrapped_lines_join_and_hyphenated_words_rejoin():
    src = (
        "Para one\nis wrapped, and non-\ngovernmental, military-to-\nmilitary and pre-\n"
        "and post-\n"
    )
    lay = split_layout(SourceText("t.md", "The General Assembly,\n" + src))
    assert lay.blocks[0].text == (
        "Para one is wrapped, and non-governmental, military-to-military and pre- and post-"
    )


def test_glued_and_detached_markers_resolved_against_footnotes():
    lay = layout()
    blocks = [clean_block(b, []) for b in lay.blocks]
    cleaned, markers, unplaced = resolve_plain_markers(blocks, lay.footnotes, lay.page_breaks)
    assert unplaced == set()
    found = [(m.number, PDF[m.start - 13 : m.end]) for m in markers]
    assert found == [(1, "Disabilities,1"), (2, "he Munitions 2")]
    text = " ".join(b.text for b in cleaned)
    assert "Persons with Disabilities, and the Munitions on the matter of 25 tons," in text
    assert "the 3 States" in text  # a count, not a marker (no footnote 3)
    assert "article 3 and paragraph 4" in text


def test_numbers_that_are_never_markers():
    text = (
        "in article 7 of the Convention, paragraph 4, resolution 3 and vol. 2 on "
        "5 December 2099 with 124 States parties, 1,234 mines, 3.5 per cent, the G20 "
        "and CCM/CONF/2021/6, COVID-19 and 30 years"
    )
    cands = find_candidates([MappedText.original(text, 0)])
    assert [text[c.start : c.end] for c in cands] == []


def test_markers_glued_to_a_year_a_closing_quote_or_the_next_word():
    text = (
        "on 2 November 20226 on the draft resolution7 submitted, “Tadmur”8 and "
        "States Parties, 9and welcomes the report of 22 December 2017, 10 as well as"
    )
    cands = find_candidates([MappedText.original(text, 0)])
    assert [c.value for c in cands] == [6, 7, 8, 9, 10]
    assert not any(c.value in (2, 20226, 2017, 22) for c in cands)


def _blocks(text: str) -> list[str]:
    return [b.text for b in split_layout(SourceText("t.md", text)).blocks]


PAGE_AFTER_MARKER = "\n".join([
    "99/1. Test",
    "The General Assembly,",
    "Recalling the Protocol on Explosive Remnants of War (Protocol V),8",
    "__________________",
    "8 Ibid., vol. 2399, No. 22495.",
    "",  # the page join
    "A/RES/99/1",
    "Test",
    " ",
    "99-99999",
    "2/4",
    " ",
    "Welcoming the results of the Sixth Review Conference,",
    "",
])


def test_a_paragraph_that_ended_with_a_marker_is_not_continued_over_the_page() -> None:
    # The comma before the marker closes the paragraph; the next page opens a new one.
    blocks = _blocks(PAGE_AFTER_MARKER)
    assert blocks[-2].endswith("(Protocol V),8")
    assert blocks[-1] == "Welcoming the results of the Sixth Review Conference,"


def test_a_preambular_lead_after_a_comma_starts_a_paragraph_without_a_blank_line() -> None:
    text = ("99/1. Test\nThe General Assembly,\n \nEmphasizing that the Convention is an example "
            "of effective\nmultilateralism,\nConvinced that the Convention has reinforced\nits "
            "role,\n")
    assert _blocks(text) == [
        "Emphasizing that the Convention is an example of effective multilateralism,",
        "Convinced that the Convention has reinforced its role,",
    ]


def test_a_capitalised_word_after_a_comma_mid_paragraph_stays_in_it() -> None:
    text = ("99/1. Test\nThe General Assembly,\n \nNoting the report of the Committee,\n"
            "United Nations,\n")
    assert _blocks(text) == ["Noting the report of the Committee, United Nations,"]


def _resolved(body: str, notes: str) -> tuple[str, list[tuple[int, str]], set[int]]:
    text = (
        "United Nations\nA/RES/99/2\nGeneral Assembly\n\n99/2. Test\n\n"
        "The General Assembly,\n\n" + body + "\n__________________\n" + notes + "\n"
    )
    lay = split_layout(SourceText("t.md", text))
    blocks = [clean_block(b, []) for b in lay.blocks]
    cleaned, markers, unplaced = resolve_plain_markers(
        blocks, lay.footnotes, lay.page_breaks, text)
    found = [(m.number, text[m.start - 8 : m.end]) for m in markers]
    return " ".join(b.text for b in cleaned), found, unplaced


def test_a_lost_superscript_glued_to_a_year_or_a_symbol_is_placed():
    body = ("Recalling the Sendai Framework for Disaster Risk Reduction 2015–20301 and "
            "Environment Assembly resolution 5/142 requesting the committee,")
    clean, found, unplaced = _resolved(body, "1 Resolution 69/283, annex II.\n2 UNEP/EA.5/Res.14.")
    assert found == [(1, "015–20301"), (2, "ion 5/142")] and unplaced == set()
    assert "Reduction 2015–2030 and Environment Assembly resolution 5/14 requesting" in clean


def test_a_lost_superscript_before_a_word_with_two_spaces_is_placed():
    clean, found, unplaced = _resolved(
        "Welcoming the Guidelines for Flag State Performance 1  as soon as possible,",
        "1 COFI/2014/4.2/Rev.1.")
    assert found == [(1, "ormance 1")] and unplaced == set()
    assert "Flag State Performance as soon as possible," in clean


def test_a_number_that_may_be_a_count_leaves_the_marker_unknown():
    clean, found, unplaced = _resolved(
        "Condemning the killing of at least 56514 humanitarian workers,",
        "14 Situation report of 9 October 2099.")
    assert (found, unplaced) == ([], {14})
    assert "at least 56514 humanitarian workers" in clean


def test_no_number_at_all_leaves_the_marker_missing_not_unknown():
    _, found, unplaced = _resolved("Noting the report of the Secretary-General,",
                                   "1 A/99/1.")
    assert (found, unplaced) == ([], set())
