"""Inline suppressions as a drafter writes them: each form, by code and by name, and the
findings about the suppressions themselves (RES901 unknown rule, RES902 unused)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reslint.cli import main
from tests import paths

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
SLIP_OLD = "Convention on Cluster Munitions to ratify"
SLIP_NEW = "Convention on Cluster Munitions² to ratify"  # RES504: marker 2 repeated
OP1 = "1. *Urges* all States not parties"
OP2 = "2. *Stresses* the importance"


def draft(tmp_path: Path, before: dict[str, str] | None = None, top: str = "",
          edit: Callable[[str], str] | None = None) -> Path:
    """The seed 78/32 with a repeated footnote marker in OP1 (and any other `edit`), and
    comment lines inserted before the lines that start with the keys of `before` (and at
    the top)."""
    text = SEED_78_32.read_text(encoding="utf-8").replace(SLIP_OLD, SLIP_NEW)
    text = edit(text) if edit else text
    for anchor, comment in (before or {}).items():
        assert text.count("\n" + anchor) == 1
        text = text.replace("\n" + anchor, "\n" + comment + "\n" + anchor)
    path = tmp_path / "draft.txt"
    path.write_text(top + text, encoding="utf-8")
    return path


def check(capsys, path: Path) -> tuple[int, list[dict]]:
    capsys.readouterr()
    code = main(["check", str(path), "--previous", str(SEED_76_47), "--format", "json"])
    out = capsys.readouterr().out
    return code, [f for f in json.loads(out) if f["rule"] != "RES003"]


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, t in enumerate(lines, 1) if t.startswith(start))


def test_the_slip_alone_is_a_warning(capsys, tmp_path):
    path = draft(tmp_path)
    code, found = check(capsys, path)
    assert code == 1
    assert [(f["rule"], f["line"]) for f in found] == [("RES504", line_of(path, OP1))]


def test_disable_next_line_by_code(capsys, tmp_path):
    code, found = check(capsys, draft(tmp_path, {OP1: "<!-- reslint-disable-next-line RES504 -->"}))
    assert (code, found) == (0, [])


def test_disable_next_line_by_name_skips_blank_lines(capsys, tmp_path):
    comment = "<!-- reslint-disable-next-line footnote-marker-repeated -- quoted as adopted -->\n"
    code, found = check(capsys, draft(tmp_path, {OP1: comment}))
    assert (code, found) == (0, [])


def test_disable_next_line_covers_only_the_next_line(capsys, tmp_path):
    """A directive above OP2 does not reach the slip in OP1: the slip stays, the directive
    is reported unused."""
    path = draft(tmp_path, {OP2: "<!-- reslint-disable-next-line RES504 -->"})
    code, found = check(capsys, path)
    directive = line_of(path, "<!-- reslint")
    assert code == 1
    assert [(f["rule"], f["severity"], f["line"]) for f in found] == [
        ("RES504", "warning", line_of(path, OP1)),
        ("RES902", "info", directive),
    ]
    assert found[1]["column"] == len("<!-- reslint-disable-next-line ") + 1


def test_disable_enable_range(capsys, tmp_path):
    path = draft(tmp_path, {OP1: "<!-- reslint-disable RES504, RES604 -->",
                            OP2: "<!-- reslint-enable RES504 RES604 -->"})
    code, found = check(capsys, path)
    # RES604 suppressed nothing in the range (OP1 ends with ';'): one unused finding
    assert code == 0
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [
        ("RES902", line_of(path, "<!-- reslint-disable"), len("<!-- reslint-disable RES504, ") + 1)
    ]
    assert "RES604" in found[0]["message"]


def test_enable_ends_the_range(capsys, tmp_path):
    """Disabled then enabled again before the slip: the slip is reported."""
    path = draft(tmp_path, {"Recognizing the importance of full": "<!-- reslint-disable -->\n"
                            "<!-- reslint-enable -->"})
    code, found = check(capsys, path)
    assert code == 1
    assert [(f["rule"], f["line"]) for f in found] == [
        ("RES902", line_of(path, "<!-- reslint-disable")), ("RES504", line_of(path, OP1))]


def test_disable_without_enable_runs_to_the_end(capsys, tmp_path):
    code, found = check(capsys, draft(tmp_path, {OP1: "<!-- reslint-disable RES504 -->"}))
    assert (code, found) == (0, [])


def test_disable_file_by_name(capsys, tmp_path):
    path = draft(tmp_path, top="<!-- reslint-disable-file footnote-marker-repeated -->\n")
    code, found = check(capsys, path)
    assert (code, found) == (0, [])


def test_disable_file_all_rules(capsys, tmp_path):
    code, found = check(capsys, draft(tmp_path, top="<!-- reslint-disable-file -->\n"))
    assert (code, found) == (0, [])


def test_unknown_code_is_a_warning(capsys, tmp_path):
    path = draft(tmp_path, {OP1: "<!-- reslint-disable-next-line RES504, RES999 -->"})
    code, found = check(capsys, path)
    assert code == 1
    assert [(f["rule"], f["severity"], f["line"], f["column"]) for f in found] == [
        ("RES901", "warning", line_of(path, "<!-- reslint"),
         len("<!-- reslint-disable-next-line RES504, ") + 1),
    ]
    assert "RES999" in found[0]["message"]


def test_unused_suppression_is_info_and_exits_0(capsys, tmp_path):
    path = tmp_path / "clean.txt"
    text = SEED_78_32.read_text(encoding="utf-8")
    path.write_text(text.replace("\n" + OP2, "\n<!-- reslint-disable-next-line RES604 -->\n"
                                 + OP2), encoding="utf-8")
    code, found = check(capsys, path)
    assert code == 0
    assert [(f["rule"], f["severity"], f["line"]) for f in found] == [
        ("RES902", "info", line_of(path, "<!-- reslint"))
    ]


def test_suppression_findings_can_be_ignored(capsys, tmp_path):
    path = draft(tmp_path, {OP1: "<!-- reslint-disable-next-line RES504 RES999 -->"})
    capsys.readouterr()
    code = main(["check", str(path), "--previous", str(SEED_76_47), "--ignore",
                 "suppression-unknown-rule,RES003", "--format", "json"])
    assert (code, json.loads(capsys.readouterr().out)) == (0, [])


# --- disable-next-line covers the paragraph that starts on the next line ------------------
WRAP_OLD = ("1. *Urges* all States not parties to the Convention on Cluster Munitions² to ratify"
            " or accede to it as soon as possible, and all States")
WRAP_NEW = ("1. *Urges* all States not parties to the Convention on\nCluster Munitions² to ratify"
            " or accede to it as soon as possible, and all States\n")
SLIP_LINE = "Cluster Munitions² to ratify"  # RES504, on the second of OP1's three lines
OP2_END_OLD, OP2_END_NEW = "as appropriate;\n3.", "as appropriate\n3."  # RES604 in OP2
OP3 = "3. *Expresses grave concern*"


def wrapped(tmp_path: Path, before: dict[str, str] | None = None) -> Path:
    """The slipped seed with OP1 hard-wrapped over three lines as PDF text is, the repeated
    marker (RES504) on its second line, and OP2 missing its semicolon (RES604)."""
    def edit(text: str) -> str:
        assert text.count(WRAP_OLD) == 1 and text.count(OP2_END_OLD) == 1
        return text.replace(WRAP_OLD, WRAP_NEW).replace(OP2_END_OLD, OP2_END_NEW)

    return draft(tmp_path, before, edit=edit)


def rules_lines(found: list[dict]) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in found]


def test_wrapped_draft_has_two_slips(capsys, tmp_path):
    path = wrapped(tmp_path)
    code, found = check(capsys, path)
    assert code == 1
    assert rules_lines(found) == [("RES504", line_of(path, SLIP_LINE)),
                                  ("RES604", line_of(path, OP2))]
    assert line_of(path, SLIP_LINE) == line_of(path, OP1) + 1


def test_disable_next_line_covers_a_wrapped_paragraph(capsys, tmp_path):
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable-next-line RES504 -->"})
    code, found = check(capsys, path)
    assert code == 1
    assert rules_lines(found) == [("RES604", line_of(path, OP2))]


def test_disable_next_line_does_not_reach_the_following_paragraph(capsys, tmp_path):
    """Above OP1, for RES604: OP1 has no RES604, OP2's stays, the directive is unused."""
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable-next-line RES604 -->"})
    code, found = check(capsys, path)
    assert code == 1
    assert rules_lines(found) == [("RES902", line_of(path, "<!-- reslint")),
                                  ("RES504", line_of(path, SLIP_LINE)),
                                  ("RES604", line_of(path, OP2))]


def test_disable_next_line_inside_a_paragraph_covers_one_line(capsys, tmp_path):
    """A directive above the slip's own line (not a paragraph start) covers that line."""
    path = wrapped(tmp_path, {SLIP_LINE: "<!-- reslint-disable-next-line RES504 -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES604", line_of(path, OP2))])


# --- enable X inside a bare disable (ruff / ESLint semantics) -----------------------------
def test_bare_disable_then_enable_one_code_reenables_only_it(capsys, tmp_path):
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable -->",
                              OP2: "<!-- reslint-enable RES604 -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES604", line_of(path, OP2))])


def test_enable_by_name_inside_a_bare_disable(capsys, tmp_path):
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable -->\n"
                                   "<!-- reslint-enable footnote-marker-repeated -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES504", line_of(path, SLIP_LINE))])


def test_disable_again_after_enable_of_one_code(capsys, tmp_path):
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable -->\n<!-- reslint-enable RES604 -->",
                              OP2: "<!-- reslint-disable RES604 -->"})
    code, found = check(capsys, path)
    assert (code, found) == (0, [])


def test_bare_enable_ends_bare_and_coded_ranges(capsys, tmp_path):
    """Both ranges end at the bare enable: RES604 in OP2 is reported, and the disable of
    RES604 (which ended before it) suppressed nothing: the bare range around it does not
    hide that (only a suppression naming RES902 would)."""
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable -->\n<!-- reslint-disable RES604 -->",
                              OP2: "<!-- reslint-enable -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [
        ("RES902", line_of(path, "<!-- reslint-disable RES604")),
        ("RES604", line_of(path, OP2))])


def test_enable_of_one_code_ends_its_own_range_inside_a_bare_one(capsys, tmp_path):
    """disable; disable RES604; enable RES604: RES604 is enabled again (the bare range makes
    an exception), so OP2's slip is reported and the coded disable was unused."""
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable -->\n<!-- reslint-disable RES604 -->",
                              OP2: "<!-- reslint-enable RES604 -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [
        ("RES902", line_of(path, "<!-- reslint-disable RES604")),
        ("RES604", line_of(path, OP2))])


def test_enable_of_another_code_leaves_a_coded_range_open(capsys, tmp_path):
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable RES604 -->",
                              OP3: "<!-- reslint-enable RES504 -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES504", line_of(path, SLIP_LINE))])


def test_misspelt_enable_is_reported_and_leaves_the_range_open(capsys, tmp_path):
    path = wrapped(tmp_path, {OP1: "<!-- reslint-disable RES604 -->",
                              OP2: "<!-- reslint-enable RES640 -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES504", line_of(path, SLIP_LINE)),
                                              ("RES901", line_of(path, "<!-- reslint-enable"))])


# --- the suppressions' own findings are suppressible -------------------------------------
def test_disable_file_of_unused_findings(capsys, tmp_path):
    path = draft(tmp_path, {OP2: "<!-- reslint-disable-next-line RES604 -->"},
                 top="<!-- reslint-disable-file RES902 -->\n")
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES504", line_of(path, OP1))])


def test_a_suppression_of_unused_findings_that_silenced_nothing_is_reported(capsys, tmp_path):
    path = draft(tmp_path, top="<!-- reslint-disable-file suppression-unused -->\n")
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES902", 1), ("RES504", line_of(path, OP1))])


def test_disable_file_of_unknown_rule_findings(capsys, tmp_path):
    path = draft(tmp_path, {OP1: "<!-- reslint-disable-next-line RES504 RES999 -->"},
                 top="<!-- reslint-disable-file RES901 -->\n")
    code, found = check(capsys, path)
    assert (code, found) == (0, [])


def test_a_bare_disable_file_does_not_hide_unknown_codes(capsys, tmp_path):
    path = draft(tmp_path, {OP1: "<!-- reslint-disable-next-line RES999 -->"},
                 top="<!-- reslint-disable-file -->\n")
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES901", line_of(path, "<!-- reslint-disable-n"))])


def test_range_around_an_unused_suppression(capsys, tmp_path):
    path = draft(tmp_path, {OP2: "<!-- reslint-disable RES902 -->\n"
                                 "<!-- reslint-disable-next-line RES604 -->\n"
                                 "<!-- reslint-enable RES902 -->"})
    code, found = check(capsys, path)
    assert (code, rules_lines(found)) == (1, [("RES504", line_of(path, OP1))])


# --- reasons -------------------------------------------------------------------------------
REASONED = "<!-- reslint-disable-next-line RES504 -- not RES201, nor RES604: see --> A/78/L.5 -->"


def test_a_reason_never_adds_codes(capsys, tmp_path):
    path = draft(tmp_path, {OP1: REASONED})
    code, found = check(capsys, path)
    assert (code, found) == (0, [])


def test_a_reason_is_kept_in_the_model(tmp_path):
    from reslint.parse import parse_file
    from reslint.suppress import read_directives

    path = draft(tmp_path, {OP1: REASONED, OP2: "<!-- reslint-disable -- quoted as adopted-->"})
    directives = read_directives(parse_file(str(path), 5_000_000),
                                 {"RES504": "footnote-marker-repeated", "RES201": "count-sum"})
    assert directives.unknown == []
    assert [(s.kind, s.token, s.line, s.reason) for s in directives.suppressions] == [
        ("next-line", "RES504", line_of(path, "<!-- reslint-disable-next"),
         "not RES201, nor RES604: see --> A/78/L.5"),
        ("range", "*", line_of(path, "<!-- reslint-disable --"), "quoted as adopted"),
    ]


# --- real PDF text (the corpus; skipped without it) ----------------------------------------
CORPUS = paths.CORPUS
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus")
L52_OP8 = "Invites and encourages all interested States"
L52_RES402 = "organizations to attend the third Review Conference"  # OP8's fourth line


def corpus_draft(tmp_path: Path, anchor: str, comment: str) -> Path:
    """A/C.1/80/L.52 as extracted from its PDF, with a comment line before `anchor`."""
    text = (CORPUS / "A_C.1_80_L.52.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, t in enumerate(lines) if t.startswith(anchor))
    path = tmp_path / "A_C.1_80_L.52.md"
    path.write_text("\n".join([*lines[:at], comment, *lines[at:]]), encoding="utf-8")
    return path


def check_corpus(capsys, path: Path) -> tuple[int, list[tuple[str, int]]]:
    capsys.readouterr()
    code = main(["check", str(path), "--previous", str(CORPUS / "A_RES_79_58.md"),
                 "--format", "json"])
    return code, rules_lines(json.loads(capsys.readouterr().out))


@needs_corpus
@pytest.mark.parametrize("anchor", ["8. ", L52_OP8])
def test_corpus_disable_next_line_covers_the_wrapped_paragraph(capsys, tmp_path, anchor):
    """The RES402 info is on the fourth line of OP8; the directive stands above the
    paragraph number (alone on its line, as the PDF gives it) or above the text."""
    path = corpus_draft(tmp_path, anchor, "<!-- reslint-disable-next-line RES402 -->")
    assert check_corpus(capsys, path) == (0, [])


@needs_corpus
def test_corpus_disable_next_line_above_the_previous_paragraph(capsys, tmp_path):
    path = corpus_draft(tmp_path, "7. ", "<!-- reslint-disable-next-line meeting-kind-changed -->")
    assert check_corpus(capsys, path) == (0, [("RES902", line_of(path, "<!-- reslint")),
                                              ("RES402", line_of(path, L52_RES402))])


def test_the_readme_examples_name_real_rules(capsys):
    """A misspelt name in the README's example would be copied into drafts as a RES901."""
    import re

    capsys.readouterr()
    assert main(["rules"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    known = {w for row in rows for w in row[:2]}
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("**Inline suppressions.**")[1].split("```markdown")[1].split("```")[0]
    comments = re.findall(r"<!-- reslint-[a-z-]+(.*?)-->", block)
    tokens = [t for c in comments for t in re.split(r"[\s,]+", c.split(" -- ")[0]) if t]
    assert len(comments) == 4 and tokens and set(tokens) <= known


L29_ORGANIZE = "To organize in 2025, in an in-person"  # OP8(d), the last sub-paragraph


@needs_corpus
@pytest.mark.parametrize("anchor, found", [
    ("8. ", []),  # the paragraph with all its sub-paragraphs
    ("(d) ", []),  # the sub-paragraph, above its letter
    ("(c) ", [("RES902", "<!-- reslint"), ("CCW405", "To organize in 2024")]),
])
def test_corpus_disable_next_line_and_sub_paragraphs(capsys, tmp_path, anchor, found):
    """A/C.1/80/L.29 with OP8(d) organizing the activities a year early (CCW405)."""
    text = (CORPUS / "A_C.1_80_L.29.md").read_text(encoding="utf-8")
    assert text.count(L29_ORGANIZE) == 1
    lines = text.replace(L29_ORGANIZE, "To organize in 2024, in an in-person").split("\n")
    at = next(i for i, t in enumerate(lines) if t.startswith(anchor))
    path = tmp_path / "A_C.1_80_L.29.md"
    path.write_text("\n".join([*lines[:at], "<!-- reslint-disable-next-line CCW405 -->",
                               *lines[at:]]), encoding="utf-8")
    capsys.readouterr()
    code = main(["check", str(path), "--previous", str(CORPUS / "A_RES_79_75.md"),
                 "--format", "json"])
    result = rules_lines(json.loads(capsys.readouterr().out))
    assert (code, result) == (1 if found else 0, [(r, line_of(path, s)) for r, s in found])
