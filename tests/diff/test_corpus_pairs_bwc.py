"""BWC (biological weapons): 78/67 -> 79/78 -> 80/71, and 79/78 -> draft A/C.1/80/L.60.
Each entry: the change `reslint diff` must report, its kind, and why (read from the texts).
The series recalls "its previous resolutions" without symbols, so PP1 never changes."""

from __future__ import annotations

from corpus_pairs import S, T, classify, needs_corpus

pytestmark = needs_corpus

BWC_78_79 = {
    "PP11": S,  # "would be held" -> "was held" and a new clause on the next meeting
    #             (16 to 18 December 2024): new wording, not a date replaced by a date
    "PP12": S,  # "also reaffirmed" removed
    "PP13": S,  # a comma removed: punctuation
    "PP15": S,  # two commas and "Security" (Council) added
    "PP16": S,  # "would" -> "shall" be held
    "new PP after PP16": S,  # fiftieth anniversary of the entry into force in 2025
    "OP3": S,  # "working group" -> "Working Group": capitalization
    "OP4": S,  # Working Group capitalization (three times)
    "OP5": S,  # Working Group capitalization
    "OP6": S,  # Working Group capitalization
    "OP7": S,  # Working Group capitalization
    "OP8": S,  # a comma, capitalization and "continue to" added
    "OP9": S,  # capitalization, "and that" moved, commas
    "new OP after OP9": S,  # the Working Group's four sessions so far and the fifth
    "OP11": S,  # capitalization, a comma, "in accordance with" -> "according to"
    "OP15": S,  # a comma added
    "OP18": S,  # "meeting of States parties" -> "Meeting of the States Parties"
    "OP19": S,  # "meetings of States parties" -> "Meetings of the States Parties" (twice)
    "OP20": T,  # provisional agenda: seventy-ninth -> eightieth session
    "new footnote 8": S,  # "See BWC/CONF.IX/9.", cited for the first time
    "footnote 8 renumbered 9": T,  # BWC/SPCONF/1, shifted by the new footnote 8
    "footnote 9 renumbered 10": T,  # BWC/CONF.III/23
    "footnote 10 renumbered 11": T,  # BWC/CONF.VI/6
    "footnote 11 renumbered 12": T,  # BWC/MSP/2018/6
}

BWC_79_80 = {
    "PP3": S,  # "become parties" -> "become Parties": capitalization
    "PP4": S,  # "States parties", "parties" -> "Parties" (twice)
    "PP6": S,  # Parties capitalization
    "PP7": S,  # Parties capitalization
    "PP11": S,  # "was held from 11 to 13 December 2023" -> "held in December 2023 and the
    #             second in December 2024": the next meeting's dates give way to new words
    "PP13": S,  # "meetings of States parties" -> "Meetings of States Parties" (twice)
    "PP14": S,  # "pursuant to article V" added, and the Security Council complaint of the
    #             old PP15 rewritten into it
    "deleted PP15": S,  # that complaint paragraph, now folded into PP14
    "PP15": S,  # (was PP16) Parties capitalization
    "OP1": S,  # Parties capitalization
    "OP3": S,  # Parties capitalization
    "OP4": S,  # Parties capitalization
    "OP5": S,  # Parties capitalization (three times)
    "OP6": S,  # Parties capitalization
    "OP8": S,  # Parties capitalization (twice)
    "OP9": S,  # Parties capitalization
    "OP10": T,  # the Working Group's sessions: four -> six, the list of their dates
    #             extended by the year's sessions, fifth -> seventh session and its dates:
    #             counts, dates and a meeting ordinal (which need not advance by one)
    "OP11": S,  # Parties capitalization
    "OP12": S,  # Parties capitalization (twice)
    "OP13": S,  # Parties capitalization
    "OP15": S,  # Parties capitalization (twice)
    "OP16": S,  # Parties capitalization (twice)
    "OP19": S,  # Parties capitalization
    "OP20": T,  # provisional agenda: eightieth -> eighty-first session
    "footnote 5 renumbered 4": T,  # "See S/PV.9171." and "S/2022/796." swap numbers as the
    "footnote 4 renumbered 5": T,  # Council complaint moves into PP14; the texts are the same
}

BWC_79_80_VERDICT = (
    "22 substantive changes: PP3, PP4, PP6, PP7, PP11, PP13, PP14, deleted PP15, PP15, OP1, "
    "OP3, OP4, OP5, OP6, OP8, OP9, OP11, OP12, OP13, OP15, OP16, OP19"
)


def test_bwc_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_67", "A_RES_79_78")
    assert changes == BWC_78_79
    assert verdict == (
        "19 substantive changes: PP11, PP12, PP13, PP15, PP16, new PP after PP16, OP3, OP4, "
        "OP5, OP6, OP7, OP8, OP9, new OP after OP9, OP11, OP15, OP18, OP19, new footnote 8"
    )


def test_bwc_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_78", "A_RES_80_71")
    assert changes == BWC_79_80
    assert verdict == BWC_79_80_VERDICT


def test_bwc_79_to_draft_80() -> None:
    # L.60 has the wording 80/71 was adopted with: the two diffs are word for word the same.
    changes, verdict = classify("A_RES_79_78", "A_C.1_80_L.60")
    assert changes == BWC_79_80
    assert verdict == BWC_79_80_VERDICT
