"""Inline suppressions as a drafter writes them: each form, by code and by name, and the
findings about the suppressions themselves (RES901 unknown rule, RES902 unused)."""

from __future__ import annotations

import json
from pathlib import Path

from reslint.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_76_47 = FIXTURES / "000_e973e94cc6f22ecb.txt"
SEED_78_32 = FIXTURES / "002_6fba7e12700cdceb.txt"
SLIP_OLD = "Convention on Cluster Munitions to ratify"
SLIP_NEW = "Convention on Cluster Munitions² to ratify"  # RES504: marker 2 repeated
OP1 = "1. *Urges* all States not parties"
OP2 = "2. *Stresses* the importance"


def draft(tmp_path: Path, before: dict[str, str] | None = None, top: str = "") -> Path:
    """The seed 78/32 with a repeated footnote marker in OP1, and comment lines inserted
    before the lines that start with the keys of `before` (and at the top)."""
    text = SEED_78_32.read_text(encoding="utf-8").replace(SLIP_OLD, SLIP_NEW)
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
