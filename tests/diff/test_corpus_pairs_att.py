"""ATT (Arms Trade Treaty): 78/48 -> 79/52 -> 80/46, and 79/52 -> draft A/C.1/80/L.9.
Each entry: the change `reslint diff` must report, its kind, and why (read from the texts)."""

from __future__ import annotations

from corpus_pairs import S, T, classify, needs_corpus

pytestmark = needs_corpus

ATT_78_79 = {
    "PP1": T,  # recalled list: "..., 77/62 of 7 December 2022" + "and 78/48 of 4 December 2023"
    "PP6": S,  # "international law, including international" humanitarian law: new words
    "new PP after PP8": S,  # Global Framework for Through-life Conventional Ammunition
    #                         Management: preparatory process in 2025, first meeting in 2027
    "deleted PP9": S,  # the open-ended working group on ammunition (76/233) paragraph is gone
    "PP10": S,  # "Arms Trade" Treaty -> "the Treaty": an editorial cut, not the rollover
    "new PP after PP11": S,  # national legislation on transfers, role of the Treaty
    "PP13": S,  # "Arms Trade" removed again
    "PP16": T,  # "latest ratification of the Treaty by Andorra" -> "by Malawi, the Gambia and
    #             Colombia": the year's ratifications, the events behind the count of parties
    "OP1": S,  # Ninth -> Tenth CSP and its dates, Tenth -> Eleventh (technical), but the
    #            thematic discussion changes (industry -> inter-agency cooperation)
    "new OP after OP1": S,  # political declaration for the next decade of the Treaty
    "OP3": S,  # "Takes note of the decision ... Guiding Principles" -> "Recognizes the
    #            cumulative body of decisions ...": rewritten
    "OP4": S,  # sub-working groups renamed, trial period extended; Ninth -> Tenth (technical)
    "OP11": S,  # "Looks forward to" the PoA Review Conference -> "Welcomes the consensus final
    #             report of", "and complementarities", "including on issues of diversion"
    "OP14": S,  # invitation by the Tenth CSP to future presidencies added
    "OP19": T,  # provisional agenda: seventy-ninth -> eightieth session
    "footnote 4": S,  # "A/78/111." -> "A/78/111, annex.": the citation made precise
    "new footnote 7": S,  # "See resolution 79/1." (the Pact for the Future), newly cited
    "new footnote 8": S,  # the States endorsing the political declaration
    "new footnote 9": S,  # the PoA Review Conference report A/CONF.192/2024/RC/3
    "deleted footnote 7": S,  # the Guiding Principles (A/HRC/17/31) left with OP3's wording
    "deleted footnote 8": S,  # the CSP9 final report left with OP1's theme and OP3
}

ATT_79_80 = {
    "PP1": T,  # recalled list extended by 79/52 of 2 December 2024
    "PP9": S,  # "Looking forward to the preparatory process" -> "Welcoming the successful
    #            convening of the preparatory meeting": an appraisal the rollover cannot write
    "PP12": S,  # "parties" -> "Parties": capitalization
    "PP16": T,  # latest ratification "by Malawi, the Gambia and Colombia" -> "by Vanuatu"
    "PP17": S,  # Parties capitalization
    "OP1": S,  # Tenth -> Eleventh, Eleventh -> Twelfth and the dates (technical), but the
    #            priority theme becomes universalization
    "OP2": S,  # "Also welcomes" -> "Recalls" + five-year strategy decision
    "OP3": S,  # Parties capitalization
    "OP4": S,  # the programme-of-work clause (Tenth CSP) removed
    "OP5": S,  # "serious" concern, "potential" removed, "calls upon" -> "urges"
    "OP7": S,  # Parties capitalization (twice)
    "OP8": S,  # Parties capitalization
    "OP9": S,  # Parties capitalization (twice)
    "OP11": S,  # "Welcomes" -> "Recalls" the PoA final report
    "OP13": S,  # Parties capitalization
    "OP14": S,  # "full, equal and meaningful participation", Gender Focal Points
    "new OP after OP14": S,  # participation of young people
    "OP16": S,  # "Welcomes" -> "Also welcomes", Parties capitalization
    "OP18": S,  # Parties capitalization
    "OP19": S,  # Parties capitalization (three times)
    "OP20": T,  # provisional agenda: eightieth -> eighty-first session
    "footnote 8": S,  # the endorsing States: "Bahamas (The)" and Panama added
}

ATT_79_80_VERDICT = (
    "19 substantive changes: PP9, PP12, PP17, OP1, OP2, OP3, OP4, OP5, OP7, OP8, OP9, OP11, "
    "OP13, OP14, new OP after OP14, OP16, OP18, OP19, footnote 8"
)


def test_att_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_48", "A_RES_79_52")
    assert changes == ATT_78_79
    assert verdict == (
        "18 substantive changes: PP6, new PP after PP8, deleted PP9, PP10, new PP after PP11, "
        "PP13, OP1, new OP after OP1, OP3, OP4, OP11, OP14, footnote 4, new footnote 7, "
        "new footnote 8, new footnote 9, deleted footnote 7, deleted footnote 8"
    )


def test_att_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_52", "A_RES_80_46")
    assert changes == ATT_79_80
    assert verdict == ATT_79_80_VERDICT


def test_att_79_to_draft_80() -> None:
    # L.9 has the wording 80/46 was adopted with: the two diffs are word for word the same.
    changes, verdict = classify("A_RES_79_52", "A_C.1_80_L.9")
    assert changes == ATT_79_80
    assert verdict == ATT_79_80_VERDICT
