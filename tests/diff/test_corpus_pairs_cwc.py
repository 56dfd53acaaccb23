"""CWC (chemical weapons): 78/29 -> 79/56 -> 80/34, and 79/56 -> draft A/C.1/80/L.62.
Each entry: the change `reslint diff` must report, its kind, and why (read from the texts)."""

from __future__ import annotations

from corpus_pairs import S, T, classify, needs_corpus

pytestmark = needs_corpus

CWC_78_79 = {
    "PP1": T,  # "in particular resolution 77/73 of 7 December 2022" -> "78/29 of 4 December 2023"
    "PP8": S,  # "Noting" -> "Recalling also" the Fifth Special Session
    "deleted PP11": S,  # the twenty-fifth anniversary (29 April 2022) paragraph is dropped
    "PP11": T,  # (was PP12) "26 years after its entry into force" -> 27
    "PP12": S,  # "(COVID-19) pandemic": a word added
    "new OP after OP1": S,  # riot control agents, the Russian Federation and Ukraine
    "OP3": S,  # Navalny: "and underlines the need for a full and transparent investigation"
    "OP4": S,  # a new item (f): the fourth IIT report of 22 February 2024 (ISIL, Marea)
    "new OP after OP6": S,  # fact-finding mission report of 22 February 2024 (Al-Yarmouk)
    "new OP after OP7": S,  # fact-finding mission report of 11 June 2024
    "OP9": S,  # a new item (d): decision C-28/DEC.12 of 30 November 2023
    "OP13": S,  # "including challenges and opportunities arising from ... artificial
    #             intelligence" added
    "OP24": T,  # (was OP21) the Director-General's report "of 25 September 2023" -> "of 24
    #             September 2024": his latest monthly report
    "OP32": S,  # "Chemical Weapons" Convention -> "the Convention", a comma removed
    "OP35": T,  # provisional agenda: seventy-ninth -> eightieth session
    "new footnote 9": S,  # "See S/2024/200, annex." (the IIT report of item (f)), new
    "footnote 9 renumbered 10": T,  # the Security Council documents of items (a)-(e),
    "footnote 10 renumbered 11": T,  # shifted by the new footnote 9
    "footnote 11 renumbered 12": T,
    "footnote 12 renumbered 13": T,
    "footnote 13 renumbered 14": T,
    "footnote 14 renumbered 15": T,
    "new footnote 16": S,  # "See S/2024/214, annex.": the Al-Yarmouk fact-finding report
    "new footnote 17": S,  # "See S/2024/486, annex.": the June 2024 fact-finding report
    "footnote 15 renumbered 18": T,  # EC-96/DG.1, shifted by the new footnotes
    "footnote 16 renumbered 19": T,  # EC-86/DG.31
    "footnote 17 renumbered 20": T,  # EC-87/DG.6
    "footnote 18 renumbered 21": T,  # EC-87/DG.18
    "footnote 22": T,  # (was 19) EC-104/DG.19 -> EC-107/DG.20: the Director-General's report
    #                    of OP24, whose date moved on with it
    "footnote 20 renumbered 23": T,  # United Nations, Treaty Series, vol. 2160
}


def test_cwc_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_29", "A_RES_79_56")
    assert changes == CWC_78_79
    assert verdict == (
        "14 substantive changes: PP8, deleted PP11, PP12, new OP after OP1, OP3, OP4, "
        "new OP after OP6, new OP after OP7, OP9, OP13, OP32, new footnote 9, new footnote 16, "
        "new footnote 17"
    )
