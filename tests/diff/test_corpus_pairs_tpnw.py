"""TPNW (prohibition of nuclear weapons): 78/35 -> 79/38 -> 80/54, and 79/38 -> draft
A/C.1/80/L.18.  Each entry: the change `reslint diff` must report, its kind, and why."""

from __future__ import annotations

from corpus_pairs import S, T, classify, needs_corpus

pytestmark = needs_corpus

TPNW_78_79 = {
    "PP1": T,  # recalled list: "..., 77/54 of 7 December 2022" + "and 78/35 of 4 December 2023"
    "OP4": S,  # 93 -> 94 signatories, 69 -> 73 parties and the date (technical), but
    #            "and also welcomes ongoing universalization efforts" is new wording
    "new OP after OP4": S,  # recalls the Vienna Action Plan of the first MSP
    "OP6": S,  # first -> second MSP (technical), but "Also welcomes" -> "Welcomes", the venue
    #            Vienna -> "at United Nations Headquarters" in New York, a comma and the
    #            Vienna Action Plan clause
    "OP7": S,  # the declaration's title rewritten, "Further" -> "Also"
    "OP8": S,  # "Also" -> "Further" welcomes; first -> second is the only rollover in it
    "OP9 (moved, was OP7)": S,  # Scientific Advisory Group: "establishment" -> "ongoing work"
    #                             and its report; placed after the decisions paragraphs
    "OP10": T,  # second -> third MSP, same venue, dates 2023 -> 3 to 7 March 2025
    "OP11": S,  # second -> third (technical) + "Expresses its gratitude ... for his support"
    "OP13": S,  # "and its norms and underlying rationale" added
    "OP14": T,  # report to the seventy-ninth -> eightieth session
    "OP15": T,  # provisional agenda: seventy-ninth -> eightieth session
    "new footnote 2": S,  # TPNW/MSP/2022/6, annex II: the Vienna Action Plan, newly cited
    "footnote 3": T,  # "See TPNW/MSP/2022/6." -> "See TPNW/MSP/2023/14.": the report of the
    #                   latest MSP, renumbered 2 -> 3 by the new footnote 2
    "new footnote 4": S,  # TPNW/MSP/2023/8: the Scientific Advisory Group report, newly cited
}

TPNW_79_80 = {
    "PP1": T,  # recalled list extended by 79/38 of 2 December 2024
    "OP4": S,  # 94/73 -> 95/74 and the date (technical) + "parties" -> "Parties"
    "OP6": S,  # second -> third meeting and its dates (technical), a comma removed
    "OP7": S,  # the declaration's title and content rewritten
    "OP8": S,  # "State party" -> "State Party" capitalization; second -> third
    "OP9": S,  # "the update to" its report added
    "OP10": S,  # third MSP -> first Review Conference: a meeting of another kind
    "OP11": S,  # third MSP -> first Review Conference
    "OP14": T,  # eightieth -> eighty-first session
    "OP15": T,  # eightieth -> eighty-first session
    "footnote 3": T,  # the latest MSP report: TPNW/MSP/2023/14 -> TPNW/MSP/2025/11/Rev.1
    "footnote 4": T,  # the Scientific Advisory Group's current document: a symbol swap
}

TPNW_79_80_VERDICT = "7 substantive changes: OP4, OP6, OP7, OP8, OP9, OP10, OP11"


def test_tpnw_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_35", "A_RES_79_38")
    assert changes == TPNW_78_79
    assert verdict == (
        "10 substantive changes: OP4, new OP after OP4, OP6, OP7, OP8, "
        "OP9 (moved, was OP7), OP11, OP13, new footnote 2, new footnote 4"
    )


def test_tpnw_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_38", "A_RES_80_54")
    assert changes == TPNW_79_80
    assert verdict == TPNW_79_80_VERDICT


def test_tpnw_79_to_draft_80() -> None:
    # L.18 has the wording 80/54 was adopted with: the two diffs are word for word the same.
    changes, verdict = classify("A_RES_79_38", "A_C.1_80_L.18")
    assert changes == TPNW_79_80
    assert verdict == TPNW_79_80_VERDICT
