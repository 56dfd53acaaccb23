"""`reslint test`: what a pack author sees when a case fails (file:line, exit 1), and the
summary line CI reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reslint.cli import main

REPO = Path(__file__).resolve().parents[2]
CCM = REPO / "rules" / "tests" / "ccm" / "count-sum"
BASE = REPO / "rules" / "tests" / "_base"  # the previous texts the cases share
CCM_PREVIOUS = BASE / "A_RES_77_79.md"  # count-sum's previous (its draft names it)
COUNT = "*Noting* that a total of 125 States"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["test", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def make_case(tmp_path: Path, draft: str, name: str = "case", pack: str = "ccm") -> Path:
    """A case of the built-in pack `pack`, with the ccm count-sum pair's previous text."""
    folder = tmp_path / "tests" / pack / name
    folder.mkdir(parents=True)
    (folder / "draft.md").write_text(draft, encoding="utf-8")
    (folder / "previous.md").write_bytes(CCM_PREVIOUS.read_bytes())
    return folder


def base_draft() -> str:
    """The count-sum draft without its comments: RES201 fires on the count line."""
    text = (CCM / "draft.md").read_text(encoding="utf-8")
    return "\n".join(line for line in text.split("\n") if not line.startswith("<!--"))


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def with_comment(text: str, needle: str, comment: str) -> str:
    return text.replace(needle, f"{comment}\n{needle}", 1)


def test_passing_case(capsys, tmp_path):
    make_case(tmp_path, with_comment(base_draft(), COUNT, "<!-- expect: RES201 -->"))
    code, out, _ = run(capsys, str(tmp_path / "tests" / "ccm"))
    assert (code, out) == (0, "1 passed, 0 failed\n")


def test_a_rule_may_be_named_and_a_column_given(capsys, tmp_path):
    text = base_draft()
    column = text.split("\n")[line_of(text, COUNT) - 1].index("125") + 1
    make_case(tmp_path, with_comment(text, COUNT, f"<!-- expect: count-sum@{column} -->"))
    code, out, _ = run(capsys, str(tmp_path / "tests" / "ccm"))
    assert (code, out) == (0, "1 passed, 0 failed\n")


def test_missing_expectation(capsys, tmp_path):
    text = base_draft().replace("a total of 125 States", "a total of 124 States")
    draft = with_comment(text, "*Noting* that", "<!-- expect: RES201 -->")
    folder = make_case(tmp_path, draft)
    code, out, _ = run(capsys, str(folder.parent))
    target = line_of(draft, "*Noting* that")
    assert code == 1
    assert out == (f"{folder / 'draft.md'}:{target}: expected RES201, got nothing\n"
                   "0 passed, 1 failed\n")


def test_unexpected_finding_of_a_mentioned_rule(capsys, tmp_path):
    # RES201 is mentioned (an ok elsewhere), so its finding on the count line is unexpected
    draft = with_comment(base_draft(), "1. *Urges*", "<!-- ok: RES201 -->")
    folder = make_case(tmp_path, draft)
    code, out, _ = run(capsys, str(folder.parent))
    target = line_of(draft, COUNT)
    column = draft.split("\n")[target - 1].index("125") + 1
    assert code == 1
    assert out.startswith(f"{folder / 'draft.md'}:{target}:{column}: unexpected RES201 "
                          "count-sum: 112 States parties + 12 signatories make 124, but the "
                          "text says a total of 125\n")
    assert out.endswith("0 passed, 1 failed\n")


def test_ok_violated(capsys, tmp_path):
    draft = with_comment(base_draft(), COUNT, "<!-- ok: RES201 -->")
    folder = make_case(tmp_path, draft)
    code, out, _ = run(capsys, str(folder.parent))
    target = line_of(draft, COUNT)
    column = draft.split("\n")[target - 1].index("125") + 1
    assert code == 1
    assert out.splitlines()[0] == (f"{folder / 'draft.md'}:{target}:{column}: RES201 fired "
                                   "where 'ok: RES201' says it must not: 112 States parties "
                                   "+ 12 signatories make 124, but the text says a total of 125")
    assert out.splitlines()[-1] == "0 passed, 1 failed"


def test_wrong_column(capsys, tmp_path):
    draft = with_comment(base_draft(), COUNT, "<!-- expect: RES201@3 -->")
    folder = make_case(tmp_path, draft)
    code, out, _ = run(capsys, str(folder.parent))
    target = line_of(draft, COUNT)
    column = draft.split("\n")[target - 1].index("125") + 1
    assert code == 1
    assert out.splitlines()[0] == (f"{folder / 'draft.md'}:{target}: expected RES201 at "
                                   f"column 3, got column {column}")


def test_findings_of_unmentioned_rules_are_ignored(capsys, tmp_path):
    # RES203 also fires on the count line (125 is not what an accession explains)
    draft = with_comment(base_draft(), COUNT, "<!-- expect: RES201 -->")
    make_case(tmp_path, draft)
    code, out, _ = run(capsys, str(tmp_path / "tests" / "ccm"))
    assert (code, out) == (0, "1 passed, 0 failed\n")


@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- expect: RES2O1 -->", "unknown rule 'RES2O1' in 'expect:' (did you mean 'RES201'?)"),
    ("<!-- expected: RES201 -->", "unknown expectation 'expected': write 'expect:'"),
    ("<!-- expect: -->", "'expect:' names no rule"),
    ("<!-- ok: RES201@4 -->", "'ok:' takes no column"),
])
def test_a_bad_comment_fails_its_case_with_its_line(capsys, tmp_path, comment, message):
    draft = with_comment(base_draft(), "1. *Urges*", comment)
    good = with_comment(base_draft(), COUNT, "<!-- expect: RES201 -->")
    folder = make_case(tmp_path, draft, "bad")
    make_case(tmp_path, good, "good")
    code, out, _ = run(capsys, str(folder.parent))
    assert code == 1
    assert out == (f"{folder / 'draft.md'}:{line_of(draft, comment)}: {message}\n"
                   "1 passed, 1 failed\n")


def test_comment_sharing_a_line_with_text(capsys, tmp_path):
    draft = base_draft().replace("1. *Urges*", "<!-- expect: RES201 --> 1. *Urges*")
    folder = make_case(tmp_path, draft)
    code, out, _ = run(capsys, str(folder.parent))
    assert code == 1
    assert out.splitlines()[0] == (f"{folder / 'draft.md'}:{line_of(draft, '1. *Urges*')}: an "
                                   "expect/ok comment must be on a line of its own (it speaks "
                                   "of the next line)")


MINI = """pack: mini
applies_to:
  always: true
rules:
  - code: MIN001
    name: mini-next-session
    severity: warning
    summary: Names a next session
    check: expect
    expect: "draft.next_session == null"
    at: draft.next_session_span
    message: "next session named"
  - code: MIN002
    name: mini-never
    severity: warning
    summary: Never fires
    check: expect
    expect: "true"
    message: "never"
"""


def test_coverage_of_a_pack_of_ones_own(capsys, tmp_path):
    (tmp_path / "mini.yaml").write_text(MINI, encoding="utf-8")
    draft = with_comment(base_draft(), "3. *Decides*", "<!-- expect: MIN001 -->")
    make_case(tmp_path, draft, pack="mini")
    code, out, _ = run(capsys, str(tmp_path / "mini.yaml"))
    assert (code, out) == (0, "1 passed, 0 failed\n")
    code, out, _ = run(capsys, str(tmp_path / "mini.yaml"), "--coverage")
    assert code == 1
    assert out == ("coverage: 1 rule of the tested packs never fire in a test: MIN002 "
                   "mini-never (mini)\n1 passed, 0 failed\n")
    # the folder of packs, and the pack's tests folder, find the same case
    assert run(capsys, str(tmp_path))[:2] == (0, "1 passed, 0 failed\n")
    assert run(capsys, str(tmp_path / "tests"))[:2] == (0, "1 passed, 0 failed\n")


@pytest.mark.parametrize(("make", "message"), [
    (lambda t: t / "absent", "{t}/absent: no such pack file or tests folder"),
    (lambda t: t, "{t}: no rule file and no test case (draft.md) found here"),
])
def test_usage_errors(capsys, tmp_path, make, message):
    code, out, err = run(capsys, str(make(tmp_path)))
    assert (code, out) == (2, "")
    assert err == "reslint: " + message.format(t=tmp_path) + "\n"


def test_tests_folder_of_an_unknown_pack(capsys, tmp_path):
    make_case(tmp_path, base_draft(), pack="ccmm")
    code, _, err = run(capsys, str(tmp_path / "tests" / "ccmm"))
    assert code == 2
    assert err.startswith(f"reslint: {tmp_path / 'tests' / 'ccmm'}: no loaded pack is named "
                          "'ccmm' (did you mean 'ccm'?)")


def test_fixed_text_differs(capsys, tmp_path):
    general = REPO / "rules" / "tests" / "general" / "recalled-noun-number"
    folder = tmp_path / "tests" / "general" / "case"
    folder.mkdir(parents=True)
    (folder / "draft.md").write_bytes((general / "draft.md").read_bytes())
    # the draft names its previous, ../../_base/A_RES_77_100.md: the case's tests/_base/
    (tmp_path / "tests" / "_base").mkdir()
    shutil.copy(BASE / "A_RES_77_100.md", tmp_path / "tests" / "_base")
    unfixed = (general / "draft.md").read_bytes()
    (folder / "fixed-unsafe.md").write_bytes(unfixed)
    code, out, _ = run(capsys, str(folder))
    assert code == 1
    assert out.splitlines()[:3] == [f"{folder / 'fixed-unsafe.md'}: the fixed text differs:",
                                    "  --- expected (fixed)",
                                    "  +++ got (draft after unsafe fixes)"]
    assert any(line.startswith("  +*Recalling* its resolutions 75/50") for line in out.splitlines())
    assert out.endswith("0 passed, 1 failed\n")
    # the noun change is unsafe: `fixed.md` (the draft after safe fixes) is the draft itself
    (folder / "fixed-unsafe.md").unlink()
    (folder / "fixed.md").write_bytes(unfixed)
    assert run(capsys, str(folder))[:2] == (0, "1 passed, 0 failed\n")
    (folder / "fixed.md").unlink()
    (folder / "fixed-unsafe.md").write_bytes((general / "fixed-unsafe.md").read_bytes())
    assert run(capsys, str(folder))[:2] == (0, "1 passed, 0 failed\n")


def shared_previous_case(tmp_path: Path) -> Path:
    """A copy of a built-in case whose draft names its previous text in tests/_base/ (a
    cross-document rule must fire, so the case passes only if that text is read)."""
    folder = tmp_path / "tests" / "general" / "case"
    folder.mkdir(parents=True)
    draft = REPO / "rules" / "tests" / "general" / "recalled-previous-missing" / "draft.md"
    folder.joinpath("draft.md").write_bytes(draft.read_bytes())
    return folder


def test_a_case_names_a_shared_previous_text(capsys, tmp_path):
    folder = shared_previous_case(tmp_path)
    first = (folder / "draft.md").read_text(encoding="utf-8").split("\n")[0]
    assert first == "<!-- reslint: previous=../../_base/A_RES_77_100.md -->"
    (tmp_path / "tests" / "_base").mkdir()
    shutil.copy(BASE / "A_RES_77_100.md", tmp_path / "tests" / "_base")
    assert run(capsys, str(folder))[:2] == (0, "1 passed, 0 failed\n")
    # the same draft with no previous text: its cross-document expectation is not met
    text = (folder / "draft.md").read_text(encoding="utf-8").split("\n", 1)[1]
    (folder / "draft.md").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, str(folder))
    assert code == 1 and "expected RES101, got nothing" in out


def test_a_missing_shared_text_fails_its_case_alone(capsys, tmp_path):
    folder = shared_previous_case(tmp_path)
    make_case(tmp_path, with_comment(base_draft(), COUNT, "<!-- expect: RES201 -->"), "other")
    shown = folder / "draft.md"
    code, out, _ = run(capsys, str(tmp_path / "tests"))
    assert code == 1
    assert out == (f"{shown}:1: the previous text ../../_base/A_RES_77_100.md does not exist "
                   f"({folder}/../../_base/A_RES_77_100.md)\n1 passed, 1 failed\n")


def test_a_case_names_its_previous_once(capsys, tmp_path):
    folder = shared_previous_case(tmp_path)
    (folder / "previous.md").write_bytes(CCM_PREVIOUS.read_bytes())
    code, out, _ = run(capsys, str(folder))
    assert (code, out) == (1, f"{folder / 'draft.md'}:1: the draft names its previous text and "
                              "the case has previous.md too: keep one\n0 passed, 1 failed\n")


def test_no_case_file_is_a_copy_of_another():
    """Shared texts live once in rules/tests/_base/ (docs/rule-tests.md), not as copies."""
    seen: dict[bytes, Path] = {}
    copies = []
    for path in sorted((REPO / "rules" / "tests").rglob("*")):
        if path.is_file() and path.suffix in (".md", ".txt"):
            data = path.read_bytes()
            if data in seen:
                copies.append(f"{path.relative_to(REPO)} = {seen[data].relative_to(REPO)}")
            seen.setdefault(data, path)
    assert copies == []
