"""`reslint diff` on the real corpus: the classification of every changed paragraph of each
pair, worked out by reading the two texts (the reason is written beside each entry).

Technical = what the yearly rollover does (session/meeting ordinals, dates, years, counts,
symbols, the recalled list extended by the previous resolution, footnote renumbering).
Substantive = everything else, including editorial "States parties" -> "States Parties".
"""

from __future__ import annotations

import pytest

from tests import paths

CORPUS = paths.CORPUS
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent")
T, S = "technical", "substantive"


def classify(old: str, new: str) -> tuple[dict[str, str], str]:
    from reslint.diff import diff_documents
    from reslint.parse import parse_file

    diff = diff_documents(parse_file(str(CORPUS / f"{old}.md")),
                          parse_file(str(CORPUS / f"{new}.md")))
    return {c.name: c.kind for c in diff.changes()}, diff.verdict()


CCM_78_79 = {
    "PP1": T,  # recalled list: "... 77/79 of 7 December 2022" + "and 78/32 of 4 December 2023"
    "PP3": S,  # "recent cases of cluster munitions use" -> "use ... in recent and ongoing
    #            conflicts"
    "PP4": S,  # "reconciliation," added
    "PP5": S,  # stockpiles "and also transferred"
    "new PP after PP5": S,  # Welcoming completion of article 3 obligations (South Africa, Peru)
    "PP9": S,  # "adequately provide for the" needs of victims
    "PP13": S,  # count unchanged; Nigeria/South Sudan events dropped (technical) but the
    #             Lithuania withdrawal clause is new wording
    "PP14": S,  # universalization paragraph gains a long "acknowledging the call" clause
    "PP16": S,  # "Iraq presidency" -> "President", eleventh -> twelfth (technical) plus
    #             the workshops with African and Caribbean States, Lausanne action 45 dropped
    "new PP after PP16": S,  # proposal for an interactive dialogue
    "new PP after PP17": S,  # mandate for the President of the thirteenth MSP
    "OP1": S,  # "that are in a position to do so" removed
    "OP3": S,  # "transfer and" added
    "OP8": T,  # twelfth -> thirteenth MSP, "from 10 to 13 September 2024" -> "during the
    #            week of 15 September 2025": the rollover of the meeting, same venue
    "OP9": S,  # "annual" Meetings
    "OP10": S,  # "Calls" -> "Urgently calls"
    "OP11": T,  # provisional agenda: seventy-ninth -> eightieth session
    "new footnote 3": S,  # depositary notification of Lithuania's withdrawal
    "footnote 3 renumbered 4": T,  # Lausanne footnote shifted by the new one
}

CCM_79_80 = {
    "PP1": T,  # recalled list extended by 79/58 of 2 December 2024
    "PP6": S,  # "Welcoming" -> "Underscoring", South Africa/Peru clause removed
    "new PP after PP12": S,  # humanitarian disarmament norms, Secretary-General's initiative
    "PP14": S,  # count paragraph: Lithuania clause gone, "following the accession of Vanuatu"
    "new PP after PP14": S,  # Welcoming the accession of Vanuatu (a new paragraph)
    "PP16": S,  # "States parties" -> "States Parties" only: capitalization is not rollover
    "new PP after PP16": S,  # regretted Lithuania's withdrawal effective 6 March 2025
    "PP18": S,  # second Review Conference: "Noting the outcome" -> "Recalling the outcome"
    "PP19": S,  # twelfth -> thirteenth (technical), workshops clause removed, Parties
    "new PP after PP19": S,  # Manila regional workshop
    "new PP after PP20": S,  # transparency reporting
    "deleted PP17": S,  # the proposal for an interactive dialogue is gone
    "PP22": S,  # the dialogues mandate rewritten in the past tense
    "OP1": S,  # Parties capitalization (twice)
    "OP4": S,  # Parties capitalization
    "OP6": S,  # "States not parties" -> "States not Parties"
    "OP7": S,  # Parties capitalization
    "OP8": S,  # thirteenth MSP in Geneva -> third Review Conference in Vientiane: a meeting
    #            of another kind and another venue, which the rollover cannot predict
    "OP9": S,  # "continue to convene the annual Meetings" -> "convene the third Review Conference"
    "OP10": S,  # Parties capitalization
    "OP11": T,  # eightieth -> eighty-first session
    "deleted footnote 3": S,  # the depositary notification footnote is gone
    "footnote 4 renumbered 3": T,
}

# The draft differs from the adopted text only where the adopted text differs from it
# (see the corpus README), so 79/58 -> L.52 is 79/58 -> 80/52 without those: OP6 keeps
# "States not parties" in the draft (the adopted text capitalized it).
CCM_79_DRAFT = {k: v for k, v in CCM_79_80.items() if k != "OP6"}


def test_ccm_78_to_79() -> None:
    assert classify("A_RES_78_32", "A_RES_79_58")[0] == CCM_78_79


def test_ccm_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_58", "A_RES_80_52")
    assert changes == CCM_79_80
    assert verdict.startswith("20 substantive changes: PP6, new PP after PP12, PP14,")


def test_ccm_79_to_draft_80() -> None:
    assert classify("A_RES_79_58", "A_C.1_80_L.52")[0] == CCM_79_DRAFT


def test_draft_to_adopted_shows_only_the_real_wording_changes() -> None:
    # README: "States not parties" -> "States not Parties" three times; the U+2011 hyphen
    # vanishes in clean text; heading, sponsors and plenary line are not paragraphs.
    changes, verdict = classify("A_C.1_80_L.52", "A_RES_80_52")
    assert changes == {"PP19": S, "OP1": S, "OP6": S}
    assert verdict == "3 substantive changes: PP19, OP1, OP6"


# The other series, every consecutive pair: tests/diff/test_corpus_pairs_*.py.
