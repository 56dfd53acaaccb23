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


_CAP = S  # "States parties" -> "States Parties" (or "State party" -> "State Party"): a
#           capitalization, which the rollover does not make

CWC_79_80 = {
    "PP1": T,  # "in particular resolution 78/29 of 4 December 2023" -> "79/56 of 2 December 2024"
    "new PP after PP3": S,  # the 100th anniversary of the 1925 Geneva Protocol
    "PP5": S,  # the Convention's full title cut from "its strong support for the Convention"
    "PP8": S,  # Fourth "and Fifth" Special "Sessions", "in 2018 and 2023": two paragraphs merged
    "deleted PP8": S,  # the Fifth Special Session paragraph, merged into PP8
    "PP11": S,  # "27 years after its entry into force" -> 28 (technical), Parties capitalized
    "deleted PP12": S,  # the COVID-19 business continuity paragraph is dropped
    "OP2": _CAP,  # "each State party" -> "each State Party"
    "new OP after OP2": S,  # technical assistance visits requested by Ukraine (riot control)
    "OP5": S,  # a new item on the Investigation and Identification Team's findings
    "new OP after OP5": S,  # the former Syrian regime's programme: the Syria paragraphs are
    "new OP after OP6": S,  # new: cooperation of the new Government,
    "new OP after OP7": S,  # outstanding issues of the Assad-era programme,
    "new OP after OP8": S,  # assistance to the Syrian Arab Republic,
    "new OP after OP9": S,  # decision EC-110/DEC.1 of 8 October 2025,
    "new OP after OP10": S,  # "Recalls:" the fact-finding reports as a list
    "deleted OP5": S,  # "Takes note with great concern" of the fact-finding reports,
    "deleted OP6": S,  # the report of 28 June 2023,
    "deleted OP7": S,  # the report of 22 February 2024,
    "deleted OP8": S,  # the report of 11 June 2024: folded into the new "Recalls:" list
    "OP12": S,  # "Recalls" -> "Also recalls"
    "OP13 (moved, was OP24)": S,  # "Expresses" -> "Reiterates its" grave concern, "during the
    #                               Assad era", moved up among the Syria paragraphs
    "new OP after OP13": S,  # the distinct historical context of the former regime
    "OP15": S,  # "Also recalls" -> "Recalls"
    "OP16": _CAP,
    "OP17 (moved, was OP19)": S,  # full destruction of all declared stockpiles confirmed
    "OP18 (moved, was OP20)": S,  # same words, placed before the universality paragraphs:
    #                               a new order is a drafting decision
    "OP19": S,  # "Underlines" -> "Also underlines", "existing" -> "declared" stockpiles
    "OP21": _CAP,
    "OP22": _CAP,
    "deleted OP16": S,  # the Director General's sixty-eighth session statement,
    "deleted OP17": S,  # the Russian Federation's completed destruction (2017),
    "deleted OP18": S,  # Libya's and Iraq's: gone with the stockpiles paragraph (OP17)
    "OP24": _CAP, "OP26": _CAP, "OP27": _CAP, "OP28": _CAP, "OP29": _CAP, "OP30": _CAP,
    "OP31": _CAP, "OP32": _CAP,
    "OP36": T,  # provisional agenda: eightieth -> eighty-first session
    "new footnote 1": S,  # League of Nations, Treaty Series, vol. XCIV (the 1925 Protocol)
    "footnote 1 renumbered 2": T,  # shifted by the new footnote 1
    "new footnote 3": S,  # S/2338/2024, S/2370/2025, S/2415/2025: Security Council
    "new footnote 4": S,  # resolutions cited for the first time
    "new footnote 5": S,
    "footnote 2 renumbered 6": T, "footnote 3 renumbered 7": T, "footnote 4 renumbered 8": T,
    "footnote 5 renumbered 9": T, "footnote 6 renumbered 10": T,
    "footnote 7 renumbered 11": T, "footnote 8 renumbered 12": T,
    "footnote 9 renumbered 13": T, "footnote 10 renumbered 14": T,
    "footnote 11 renumbered 15": T, "footnote 12 renumbered 16": T,
    "footnote 13 renumbered 17": T, "footnote 14 renumbered 18": T,
    "footnote 15 renumbered 19": T, "footnote 16 renumbered 20": T,
    "footnote 17 renumbered 21": T, "footnote 18 renumbered 22": T,  # the same texts, shifted
    "footnote 23": T,  # (was 22) EC-107/DG.20 -> EC-110/DG.15: the Director-General's latest
    #                    report, cited by OP13 (was OP24) with its date
    "deleted footnote 19": S,  # EC-86/DG.31, EC-87/DG.6, EC-87/DG.18: the Director
    "deleted footnote 20": S,  # General's reports cited by the deleted OP16-OP18
    "deleted footnote 21": S,
    "footnote 23 renumbered 24": T,  # United Nations, Treaty Series, vol. 2160
}
CWC_79_80_VERDICT = (
    "47 substantive changes: new PP after PP3, PP5, PP8, deleted PP8, PP11, deleted PP12, OP2, "
    "new OP after OP2, OP5, new OP after OP5, new OP after OP6, new OP after OP7, "
    "new OP after OP8, new OP after OP9, new OP after OP10, deleted OP5, deleted OP6, "
    "deleted OP7, deleted OP8, OP12, OP13 (moved, was OP24), new OP after OP13, OP15, OP16, "
    "OP17 (moved, was OP19), OP18 (moved, was OP20), OP19, OP21, OP22, deleted OP16, "
    "deleted OP17, deleted OP18, OP24, OP26, OP27, OP28, OP29, OP30, OP31, OP32, "
    "new footnote 1, new footnote 3, new footnote 4, new footnote 5, deleted footnote 19, "
    "deleted footnote 20, deleted footnote 21"
)

# The footnotes really deleted are 19-21, by reading the texts: in 79/56, 19 (EC-86/DG.31)
# stands in OP17 (the Director General's confirmation of 5 October 2017 of the Russian
# Federation's completed destruction), 20 (EC-87/DG.6) and 21 (EC-87/DG.18) in OP18 (Libya's
# category 2 weapons, 22 December 2017; Iraq's remnants, 28 February 2018): both paragraphs
# are gone from 80/34 and from L.62.  Footnote 22 (EC-107/DG.20) stands in OP24 ("as recently
# reported by the Director General in his report of 24 September 2024"), which is OP13 of
# the new texts with its footnote 23, EC-110/DG.15 ("as reported by the Director General in
# his report of 24 September 2025"): the same citation a year on; no text cites EC-86/DG.31,
# EC-87/DG.6 or EC-87/DG.18 any more.  The symbols alone (one series) cannot tell 19 from
# 22; the paragraph their markers stand in does.
def test_cwc_79_to_draft_80() -> None:
    changes, verdict = classify("A_RES_79_56", "A_C.1_80_L.62")
    assert changes == CWC_79_80
    assert verdict == CWC_79_80_VERDICT


# In the adopted 80/34 "Emphasizing that the Third Review Conference ..." (PP10) and
# "Convinced that the Convention, 28 years ..." (PP11) stand on consecutive lines with no
# blank line between them; the second opens with a preambular lead after a comma, so the
# parser keeps them apart, as the draft L.62 (which has the blank line) reads.
def test_cwc_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_56", "A_RES_80_34")
    assert "deleted PP10" not in changes
    assert changes == CWC_79_80
    assert verdict == CWC_79_80_VERDICT
