"""The CCM pack on real texts: a deliberate slip makes each rule fire at the right line
(and only it), and the real consecutive pairs stay clean (tests/rules/test_corpus_pairs.py).

The seed pair (78/32 against 76/47) has counts that moved with named events: 110 + 13 = 123
in 2021, 112 + 12 = 124 in 2023, by the ratification of Nigeria (a signatory) and the
accession of South Sudan.  79/58 against 78/32 has counts unchanged and no event named.
"""

from __future__ import annotations

from rules_helpers import (
    CORPUS,
    SEED_76_47,
    SEED_78_32,
    check,
    column_of,
    failing,
    line_of,
    needs_corpus,
    of,
    slipped,
)

R78, R79, R80 = CORPUS / "A_RES_78_32.md", CORPUS / "A_RES_79_58.md", CORPUS / "A_RES_80_52.md"
COUNT = "a total of 124 States have joined the Convention"


def test_res201_parts_do_not_make_the_total(capsys, tmp_path):
    # Checked alone (no previous), so that only the sum can be wrong.
    draft = slipped(SEED_78_32, tmp_path, ("a total of 124 States", "a total of 125 States"))
    code, findings = check(capsys, draft, None, "--ignore", "RES001")
    assert code == 1
    assert failing(findings) == {"RES201"}
    (f,) = of(findings, "RES201")
    assert (f["line"], f["column"]) == column_of(draft, "125 States")
    assert f["message"] == ("112 States parties + 12 signatories make 124, but the text says "
                            "a total of 125")


def test_res202_counts_changed_with_no_event_named(capsys, tmp_path):
    draft = slipped(SEED_78_32, tmp_path, (
        " by the ratification of Nigeria and the accession of South Sudan", ""))
    code, findings = check(capsys, draft, SEED_76_47)
    assert code == 1
    assert failing(findings) == {"RES202"}
    (f,) = of(findings, "RES202")
    assert (f["line"], f["column"]) == column_of(draft, "a total of 124")
    assert f["severity"] == "warning"


def test_res203_change_not_what_the_events_explain(capsys, tmp_path):
    # 113 + 12 = 125 adds up, but from 110/13/123 one ratification and one accession give
    # 112/12/124.
    draft = slipped(SEED_78_32, tmp_path, ("a total of 124 States", "a total of 125 States"),
                    ("112 as States parties", "113 as States parties"))
    code, findings = check(capsys, draft, SEED_76_47)
    assert code == 1
    assert failing(findings) == {"RES203"}
    (f,) = of(findings, "RES203")
    assert f["line"] == line_of(draft, "a total of 125")
    assert "expected 124 / 112 / 12, but the text says 125 / 113 / 12" in f["message"]


@needs_corpus
def test_res401_invited_meeting_not_advanced(capsys, tmp_path):
    draft = slipped(R79, tmp_path, ("attend the thirteenth Meeting", "attend the twelfth Meeting"))
    code, findings = check(capsys, draft, R78)
    assert code == 1
    assert failing(findings) == {"RES401"}
    (f,) = of(findings, "RES401")
    assert (f["line"], f["column"]) == column_of(draft, "twelfth Meeting of States Parties to")


@needs_corpus
def test_res402_review_conference_in_place_of_a_meeting_is_info(capsys):
    # Real: 80/52 invites to the third Review Conference, 79/58 invited to the thirteenth
    # Meeting of States Parties.  Not an error: the calendar has a Review Conference in 2026.
    code, findings = check(capsys, R80, R79)
    assert code == 0
    (f,) = of(findings, "RES402")
    assert f["severity"] == "info"
    assert f["line"] == line_of(R80, "Review Conference of the Convention on Cluster", 0)


def test_res403_meeting_to_be_held_before_adoption(capsys, tmp_path):
    draft = slipped(SEED_78_32, tmp_path, ("from 10 to 13 September 2024",
                                           "from 10 to 13 September 2023"))
    code, findings = check(capsys, draft, SEED_76_47)
    assert code == 1
    assert failing(findings) == {"RES403"}
    (f,) = of(findings, "RES403")
    assert (f["line"], f["column"]) == column_of(draft, "from 10 to 13 September 2023")


def test_res404_meeting_spoken_of_as_held_is_older_than_the_one_invited(capsys, tmp_path):
    # 76/47 invited States to the tenth Meeting; 78/32 cannot speak of the ninth as held.
    draft = slipped(SEED_78_32, tmp_path, ("presidency of the eleventh Meeting",
                                           "presidency of the ninth Meeting"))
    code, findings = check(capsys, draft, SEED_76_47)
    assert code == 1
    assert failing(findings) == {"RES404"}
    (f,) = of(findings, "RES404")
    assert (f["line"], f["column"]) == column_of(draft, "ninth Meeting")


@needs_corpus
def test_res702_last_sessions_document_in_the_running_text(capsys, tmp_path):
    draft = slipped(R79, tmp_path, ("promote transparency and compliance with the Convention;",
                                    "promote transparency and compliance with the Convention "
                                    "(A/78/409);"))
    code, findings = check(capsys, draft, R78)
    assert code == 1
    assert failing(findings) == {"RES702"}
    (f,) = of(findings, "RES702")
    assert (f["line"], f["column"]) == column_of(draft, "A/78/409")


def test_seed_pair_counts_and_meetings_are_clean(capsys):
    code, findings = check(capsys, SEED_78_32, SEED_76_47)
    assert code == 0
    assert not [f for f in findings if f["rule"].startswith(("RES2", "RES4"))]
