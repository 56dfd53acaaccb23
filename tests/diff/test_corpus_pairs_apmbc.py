"""APMBC (anti-personnel mines): 78/45 -> 79/34 -> 80/35, and 79/34 -> draft A/C.1/80/L.30.
Each entry: the change `reslint diff` must report, its kind, and why (read from the texts)."""

from __future__ import annotations

from corpus_pairs import S, T, classify, needs_corpus

pytestmark = needs_corpus

APMBC_78_79 = {
    "PP1": T,  # recalled list: "..., 77/63 of 7 December 2022" + "and 78/45 of 4 December 2023"
    "PP6": S,  # twentieth -> Twenty-first and "Geneva (2022 and 2023)" are the rollover, but
    #            "first ... meetings ... States parties" -> "First ... Meetings ... States Parties"
    #            is a capitalization the rollover does not make
    "PP7": S,  # only a comma added after "implementation of the Convention": punctuation
    "OP9": S,  # Twenty-first MSP in Geneva -> Fifth Review Conference in Siem Reap, Cambodia:
    #            a meeting of another kind at another venue
    "OP10": S,  # Fifth Review Conference -> Twenty-second Meeting of the States Parties: the
    #             meeting to prepare changes kind, not ordinal
    "OP12": T,  # provisional agenda: seventy-ninth -> eightieth session
}

APMBC_79_80 = {
    "PP1": T,  # recalled list extended by 79/34 of 2 December 2024
    "PP5": S,  # "and stressing the importance of implementing all of the provisions" added
    "PP6": S,  # Fourth -> Fifth Review Conference, and a new venue "Siem Reap, Cambodia (2024)"
    "PP7": S,  # Fourth -> Fifth, 2020-2024 -> 2025-2029 (technical) + Siem Reap-Angkor plan
    "PP10": S,  # 164 -> 166 States (technical) + "welcoming the ratification ... Tonga"
    "new PP after PP10": S,  # five States decided to withdraw
    "PP12": S,  # "reconstruction and" added
    "PP13 (moved, was PP11)": S,  # moved after the new paragraphs, SG campaign added
    "OP1": S,  # "have signed" -> "are party to"
    "deleted OP2": S,  # the one remaining signatory paragraph is gone
    "OP4": S,  # "States parties" -> "States Parties": capitalization
    "OP5": S,  # "have ratified or acceded to" -> "are party to"
    "OP7": S,  # "upcoming" -> "decisions adopted at the"
    "OP8": S,  # Fifth Review Conference, Siem Reap -> Twenty-second MSP, Geneva
    "OP9": S,  # Twenty-second -> Twenty-third (technical) + Parties capitalization
    "OP10": S,  # Parties capitalization
    "OP11": T,  # eightieth -> eighty-first session
}


def test_apmbc_78_to_79() -> None:
    changes, verdict = classify("A_RES_78_45", "A_RES_79_34")
    assert changes == APMBC_78_79
    assert verdict == "4 substantive changes: PP6, PP7, OP9, OP10"


APMBC_79_80_VERDICT = (
    "15 substantive changes: PP5, PP6, PP7, PP10, new PP after PP10, PP12, "
    "PP13 (moved, was PP11), OP1, deleted OP2, OP4, OP5, OP7, OP8, OP9, OP10"
)


def test_apmbc_79_to_80() -> None:
    changes, verdict = classify("A_RES_79_34", "A_RES_80_35")
    assert changes == APMBC_79_80
    assert verdict == APMBC_79_80_VERDICT


def test_apmbc_79_to_draft_80() -> None:
    # L.30 has the wording 80/35 was adopted with (the two diffs are word for word the same),
    # so every change and its reason is that of 79/34 -> 80/35.
    changes, verdict = classify("A_RES_79_34", "A_C.1_80_L.30")
    assert changes == APMBC_79_80
    assert verdict == APMBC_79_80_VERDICT
