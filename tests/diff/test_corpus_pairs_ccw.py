"""CCW (certain conventional weapons): 78/64 -> 79/75 -> 80/68, and 79/75 -> draft
A/C.1/80/L.29.  Each entry: the change `reslint diff` must report, its kind, and why.

Labels are the parser's.  It does not yet see "Welcoming the results of the Sixth Review
Conference ..." as a paragraph of its own: in the adopted texts it joins it to PP2 (it
opens the page after PP2), in the draft to PP3 (PP3 opens the page after it), so from PP3
on the preambular labels are one lower than a delegation would count.  The last test
records that as an expected failure; the rest assert what the diff makes of it.
"""

from __future__ import annotations

import pytest
from corpus_pairs import CORPUS, S, T, classify, needs_corpus

pytestmark = needs_corpus

CCW_78_79 = {
    "PP1": T,  # "its resolution 77/92 of 7 December 2022" -> "78/64 of 4 December 2023"
    "PP2": T,  # (with "Welcoming the results ...") the Meeting of the High Contracting
    #            Parties: 16 to 18 November 2022 -> 15 to 17 November 2023
    "PP3": T,  # Twenty-fourth -> Twenty-fifth Amended Protocol II conference, its date
    "PP4": T,  # Sixteenth -> Seventeenth Protocol V conference, its date
    "PP5": S,  # a clause on the November 2023 Group of Experts meeting and informal
    #            consultations on Protocol V is new; the July 2022 -> September 2024 dates
    #            alone would be the rollover
    "PP6": S,  # GGE session dates move (technical), but "noting with satisfaction further
    #            the adoption of the report of the 2023 session" is removed
    "OP8": S,  # the list of 2024 activities is restructured: the written silence procedure
    #            and the informal consultations on Protocol V (old (e)) are gone, items
    #            reordered, "(ii) The Meeting of the Group of Experts" added
    "OP15": T,  # provisional agenda: seventy-ninth -> eightieth session
    "footnote 10": T,  # CCW/MSP/2022/7 -> CCW/MSP/2023/7: the latest meeting's report
    "deleted footnote 11": S,  # CCW/GGE.1/2023/2, the GGE report, left with PP6's clause
    "footnote 12 renumbered 11": T,  # "See CCW/CONF.V/10.", shifted by the deletion
    "footnote 13 renumbered 12": T,  # "See CCW/CONF.VI/11.", shifted by the deletion
    "footnote 13": T,  # was 14: CCW/MSP/2022/5 -> CCW/MSP/2023/5 (GGE costs)
    "footnote 14": T,  # was 15: CCW/P.V/CONF/2022/4 -> CCW/P.V/CONF/2023/5
    "new footnote 15": S,  # CCW/AP.II/CONF.25/5: the Amended Protocol II conference item
    #                        had no footnote before
    "footnote 16": T,  # CCW/MSP/2022/6 -> CCW/MSP/2023/6: the Meeting's report
}

CCW_79_80 = {
    "PP1": T,  # previous resolution 78/64 -> 79/75 with its date
    "PP2": T,  # (with "Welcoming the results ...") meeting dates moved a year
    "PP3": T,  # Twenty-fifth -> Twenty-sixth, its date
    "PP4": T,  # Seventeenth -> Eighteenth, its date
    "PP5": S,  # the November 2023 Group of Experts clause removed from the sentence
    "PP6": T,  # dates of the GGE sessions
    "OP1": S,  # "parties" -> "Parties": capitalization
    "OP7": S,  # "States not parties" -> "States not Parties"
    "OP8": S,  # the calendar moves (technical) but "(vi) The Meeting" gains "The"
    "OP15": T,  # eightieth -> eighty-first session
    "footnote 10": T, "footnote 13": T, "footnote 14": T, "footnote 15": T,
    "footnote 16": T,  # report symbols of the meetings move on a year (2023 -> 2024)
}


def test_ccw_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_64", "A_RES_79_75")
    assert changes == CCW_78_79
    assert verdict == (
        "5 substantive changes: PP5, PP6, OP8, deleted footnote 11, new footnote 15"
    )


def test_ccw_79_to_80_is_mostly_the_calendar() -> None:
    changes, verdict = classify("A_RES_79_75", "A_RES_80_68")
    assert changes == CCW_79_80
    assert verdict == "4 substantive changes: PP5, OP1, OP7, OP8"


# The draft L.29 has the wording 80/68 was adopted with; only the parse differs (see the
# module docstring), and it moves "Welcoming the results ..." from PP2 to PP3.
JOINED_DIFFERENTLY = {"PP2", "PP3"}


def test_ccw_79_to_draft_80_apart_from_the_joined_paragraph() -> None:
    changes, _ = classify("A_RES_79_75", "A_C.1_80_L.29")
    assert {k: v for k, v in changes.items() if k not in JOINED_DIFFERENTLY} == {
        k: v for k, v in CCW_79_80.items() if k not in JOINED_DIFFERENTLY
    }


@pytest.mark.xfail(strict=True, reason="the parser joins 'Welcoming the results ...' to PP2 "
                   "in 79/75 but to PP3 in L.29, so the diff sees it deleted from one and "
                   "added to the other: both read as new wording (fix belongs in reslint.parse)")
def test_ccw_79_to_draft_80_joined_paragraph() -> None:
    changes, verdict = classify("A_RES_79_75", "A_C.1_80_L.29")
    # Read from the texts: the paragraph's dates move a year (15-17 November 2023 ->
    # 13-15 November 2024), PP2 itself is unchanged, PP3 moves Twenty-fifth -> Twenty-sixth.
    assert (changes.get("PP2"), changes.get("PP3")) == (None, T)
    assert verdict == "4 substantive changes: PP5, OP1, OP7, OP8"


@pytest.mark.xfail(strict=True, reason="reslint.parse joins the paragraph that opens a page "
                   "after a preambular paragraph ending in a comma")
def test_ccw_welcoming_the_results_is_a_paragraph_of_its_own() -> None:
    from reslint.parse import parse_file

    doc = parse_file(str(CORPUS / "A_RES_79_75.md"))
    assert doc.preamble[2].text.startswith("Welcoming the results of the Sixth Review")
