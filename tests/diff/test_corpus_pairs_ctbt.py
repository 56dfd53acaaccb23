"""CTBT (test-ban treaty): 78/66 -> 79/77 -> 80/70, and 79/77 -> draft A/C.1/80/L.43.
Each entry: the change `reslint diff` must report, its kind, and why (read from the texts)."""

from __future__ import annotations

from corpus_pairs import S, T, classify, needs_corpus

pytestmark = needs_corpus

CTBT_78_79 = {
    "PP4": T,  # "27 years after the Treaty was opened for signature" -> 28: a count of years
    "new PP after PP4": S,  # concern at the nine remaining annex 2 States
    "PP6": T,  # annex 2 ratifications 36 -> 35 and nuclear-weapon States 3 -> 2 (a count
    #            can go down: the README's test-ban example), totals 187/178 unchanged
    "PP8": T,  # "its resolution 77/94 of 7 December 2022" -> "78/66 of 4 December 2023"
    "PP10": T,  # the Friends' joint statement: "on 21 September 2022" -> "on 24 September
    #             2024", the latest of the statements, nothing else changed
    "PP12": S,  # the Commission's mentoring programme for women in STEM added
    "PP13": T,  # certified IMS facilities 305 -> 306
    "OP2": S,  # "to fulfil its mandate" added
    "OP3": S,  # "and put into place plans and adequate resources for its long-term
    #            sustainability" added
    "new OP after OP5": S,  # urges all States to refrain from hampering entry into force
    "OP7": S,  # "Urges" -> "Also urges", "those" -> "the nine"
    "OP8": T,  # the year's events: "the signature of the Treaty by Somalia and the
    #            ratification of the Treaty by Solomon Islands and Sri Lanka" -> "the
    #            ratification of the Treaty by Papua New Guinea", nothing else changed
    "OP11": T,  # provisional agenda: seventy-ninth -> eightieth session
}

CTBT_79_80 = {
    "new PP after PP1": S,  # 2025 marks 80 years since nuclear weapons were first used
    "PP5": T,  # 28 -> 29 years since the Treaty was opened for signature
    "PP9": T,  # "78/66 of 4 December 2023" -> "79/77 of 2 December 2024"
    "PP11": S,  # thirteenth -> fourteenth Article XIV conference and its date (technical)
    #             but the Friends' joint statement became a Joint Ministerial Statement
    "PP14": T,  # certified IMS facilities 306 -> 307
    "deleted OP8": S,  # the paragraph welcoming Papua New Guinea's ratification is dropped
    #                    (no ratification to welcome): a paragraph the rollover keeps
    "new OP after OP8": S,  # reappointment of Robert Floyd
    "OP11": T,  # eightieth -> eighty-first session
    "new footnote 2": S,  # "A/79/905, annex.", a document cited for the first time
    "footnote 2 renumbered 3": T,  # shifted by the new footnote 2
    "footnote 3 renumbered 4": T,
}

CTBT_79_80_VERDICT = (
    "5 substantive changes: new PP after PP1, PP11, deleted OP8, new OP after OP8, "
    "new footnote 2"
)


def test_ctbt_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_66", "A_RES_79_77")
    assert changes == CTBT_78_79
    assert verdict == (
        "6 substantive changes: new PP after PP4, PP12, OP2, OP3, new OP after OP5, OP7"
    )


def test_ctbt_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_77", "A_RES_80_70")
    assert changes == CTBT_79_80
    assert verdict == CTBT_79_80_VERDICT


def test_ctbt_79_to_draft_80() -> None:
    # L.43 has the wording 80/70 was adopted with: the two diffs are word for word the same.
    changes, verdict = classify("A_RES_79_77", "A_C.1_80_L.43")
    assert changes == CTBT_79_80
    assert verdict == CTBT_79_80_VERDICT
