"""CCW (certain conventional weapons): 78/64 -> 79/75 -> 80/68, and 79/75 -> draft
A/C.1/80/L.29.  Each entry: the change `reslint diff` must report, its kind, and why.

"Welcoming the results of the Sixth Review Conference ..." opens a page right after PP2,
whose last line ends with a comma and a footnote marker ("(Protocol V),8"); it is PP3.
"""

from __future__ import annotations

from corpus_pairs import CORPUS, S, T, classify, needs_corpus

pytestmark = needs_corpus

CCW_78_79 = {
    "PP1": T,  # "its resolution 77/92 of 7 December 2022" -> "78/64 of 4 December 2023"
    "PP3": T,  # "Welcoming the results ...": the Meeting of the High Contracting Parties,
    #            16 to 18 November 2022 -> 15 to 17 November 2023
    "PP4": T,  # Twenty-fourth -> Twenty-fifth Amended Protocol II conference, its date
    "PP5": T,  # Sixteenth -> Seventeenth Protocol V conference, its date
    "PP6": S,  # a clause on the November 2023 Group of Experts meeting and informal
    #            consultations on Protocol V is new; the July 2022 -> September 2024 dates
    #            alone would be the rollover
    "PP7": S,  # GGE session dates move (technical), but "noting with satisfaction further
    #            the adoption of the report of the 2023 session" is removed
    "OP8": S,  # the list of 2024 activities is restructured: the written silence procedure
    #            and the informal consultations on Protocol V (old (e)) are gone, items
    #            reordered, "(ii) The Meeting of the Group of Experts" added
    "OP15": T,  # provisional agenda: seventy-ninth -> eightieth session
    "footnote 10": T,  # CCW/MSP/2022/7 -> CCW/MSP/2023/7: the latest meeting's report
    "deleted footnote 11": S,  # CCW/GGE.1/2023/2, the GGE report, left with PP7's clause
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
    "PP3": T,  # "Welcoming the results ...": meeting dates moved a year
    "PP4": T,  # Twenty-fifth -> Twenty-sixth, its date
    "PP5": T,  # Seventeenth -> Eighteenth, its date
    "PP6": S,  # the November 2023 Group of Experts clause removed from the sentence
    "PP7": T,  # dates of the GGE sessions
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
        "5 substantive changes: PP6, PP7, OP8, deleted footnote 11, new footnote 15"
    )


def test_ccw_79_to_80_is_mostly_the_calendar() -> None:
    changes, verdict = classify("A_RES_79_75", "A_RES_80_68")
    assert changes == CCW_79_80
    assert verdict == "4 substantive changes: PP6, OP1, OP7, OP8"


# The draft L.29 has the wording 80/68 was adopted with: the same changes against 79/75.
def test_ccw_79_to_draft_80_is_the_same_as_the_adopted() -> None:
    changes, verdict = classify("A_RES_79_75", "A_C.1_80_L.29")
    assert changes == CCW_79_80
    assert verdict == "4 substantive changes: PP6, OP1, OP7, OP8"


def test_ccw_welcoming_the_results_is_a_paragraph_of_its_own() -> None:
    from reslint.parse import parse_file

    for name in ("A_RES_79_75.md", "A_C.1_80_L.29.md"):
        doc = parse_file(str(CORPUS / name))
        assert doc.preamble[2].text.startswith("Welcoming the results of the Sixth Review")
