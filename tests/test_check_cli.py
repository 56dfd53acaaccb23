"""`reslint check` as a user runs it: exit codes, failing severity, selection, output files
and every output format, in process through `reslint.cli.main`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reslint.cli import main
from tests import paths

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
SARIF_SCHEMA = paths.SARIF_SCHEMA

FORMATS = ["full", "concise", "json", "sarif", "github", "junit", "markdown"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def slip(tmp_path: Path, old: str, new: str, name: str = "draft.txt") -> Path:
    text = SEED_78_32.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def warned(tmp_path):
    """The seed 78/32 with a repeated footnote marker: one warning (RES504)."""
    return slip(tmp_path, "Convention on Cluster Munitions to ratify",
                "Convention on Cluster Munitions² to ratify", "warned.txt")


@pytest.fixture
def erred(tmp_path):
    """The seed 78/32 with its last operative paragraph numbered 12 after 10: one error
    (RES603; numbering is certain, unlike punctuation, which is a warning)."""
    return slip(tmp_path, "\n11. *Decides*", "\n12. *Decides*", "erred.txt")


def codes(out: str) -> list[tuple[str, str]]:
    return [(f["rule"], f["severity"]) for f in json.loads(out)]


# --- exit codes --------------------------------------------------------------------------

def test_clean_exits_0(capsys):
    code, out, err = run(capsys, str(SEED_78_32), "--previous", str(SEED_76_47))
    assert (code, err) == (0, "")
    assert "RES003" in out


def test_warning_exits_1(capsys, warned):
    code, out, _ = run(capsys, str(warned), "--previous", str(SEED_76_47), "--format", "json")
    assert code == 1
    assert ("RES504", "warning") in codes(out)
    assert {s for _, s in codes(out)} <= {"warning", "info"}


def test_error_exits_1(capsys, erred):
    code, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", "json")
    assert code == 1
    assert ("RES603", "error") in codes(out)


def test_missing_file_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, str(tmp_path / "nope.txt"))
    assert code == 2
    assert out == ""
    assert err.startswith("reslint: ") and "nope.txt" in err
    assert "Traceback" not in err


def test_missing_previous_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, str(SEED_78_32), "--previous", str(tmp_path / "gone.txt"))
    assert code == 2
    assert "gone.txt" in err


def test_bad_format_exits_2(capsys):
    code, out, err = run(capsys, str(SEED_78_32), "--format", "yaml")
    assert code == 2
    assert out == ""
    assert err.startswith("reslint: ") and "yaml" in err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_exits_2(capsys, option):
    code, out, err = run(capsys, str(SEED_78_32), option, "RES999")
    assert code == 2
    assert out == ""
    assert "RES999" in err


def test_bad_fail_on_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(SEED_78_32), "--fail-on", "fatal"])
    assert exc.value.code == 2


# --- failing severity ----------------------------------------------------------------------

def test_fail_on_error_lets_a_warning_pass(capsys, warned):
    code, out, _ = run(capsys, str(warned), "--previous", str(SEED_76_47), "--fail-on", "error",
                       "--format", "json")
    assert code == 0
    assert ("RES504", "warning") in codes(out)


def test_fail_on_error_still_fails_an_error(capsys, erred):
    code, _, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--fail-on", "error")
    assert code == 1


def test_fail_on_info_fails_the_seed_pair(capsys):
    code, _, _ = run(capsys, str(SEED_78_32), "--previous", str(SEED_76_47), "--fail-on", "info")
    assert code == 1


def test_exit_zero(capsys, erred):
    code, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--exit-zero",
                       "--format", "json")
    assert code == 0
    assert ("RES603", "error") in codes(out)


# --- output file ---------------------------------------------------------------------------

def test_output_file(capsys, erred, tmp_path):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    code, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", "json",
                       "--output-file", str(report))
    assert code == 1
    assert out == ""
    findings = json.loads(report.read_text(encoding="utf-8"))
    (f,) = [f for f in findings if f["rule"] == "RES603"]
    assert f["path"].endswith("erred.txt")


# --- selection -----------------------------------------------------------------------------

@pytest.mark.parametrize("spec", ["RES603", "operative-numbering", "RES6"])
def test_select(capsys, erred, spec):
    code, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", "json",
                       "--select", spec)
    assert code == 1
    assert codes(out) == [("RES603", "error")]  # RES003 (info) was not selected


@pytest.mark.parametrize("spec", ["RES603", "operative-numbering", "RES003,RES603"])
def test_ignore(capsys, erred, spec):
    code, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", "json",
                       "--ignore", spec)
    assert code == 0
    assert "RES603" not in {c for c, _ in codes(out)}


def test_select_by_name_list(capsys, warned):
    code, out, _ = run(capsys, str(warned), "--previous", str(SEED_76_47), "--format", "json",
                       "--select", "footnote-marker-repeated,previous-not-latest")
    assert code == 1
    assert sorted(codes(out)) == [("RES003", "info"), ("RES504", "warning")]


# --- formats -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_a_slip(capsys, erred, fmt):
    code, out, err = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", fmt)
    assert (code, err) == (1, "")
    assert "RES603" in out
    if fmt == "json":
        assert any(f["rule"] == "RES603" for f in json.loads(out))
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "sarif":
        json.loads(out)


def test_full_format_points_at_the_span(capsys, erred):
    _, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47))
    lines = erred.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if t.startswith("12. *Decides*"))
    col = lines[line - 1].index("Decides") + 1  # the paragraph text, past number and markup
    assert f"erred.txt:{line}:{col}: RES603 [error]" in out


def test_json_keys(capsys, erred):
    _, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", "json")
    for f in json.loads(out):
        assert {"rule", "name", "severity", "message", "path", "line", "column",
                "end_line", "end_column"} <= set(f)
        assert (f["end_line"], f["end_column"]) > (f["line"], f["column"])


def test_sarif_validates(capsys, erred):
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is absent")
    _, out, _ = run(capsys, str(erred), "--previous", str(SEED_76_47), "--format", "sarif")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(out))
    results = json.loads(out)["runs"][0]["results"]
    assert "RES603" in {r["ruleId"] for r in results}


def test_a_folder_checks_its_drafts(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("not a draft", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(SEED_78_32.read_bytes())
    (tmp_path / "sub" / "b.md").write_bytes(SEED_78_32.read_bytes())
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    code = main(["check", str(tmp_path), "--previous", str(SEED_76_47), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    paths = {f["path"] for f in json.loads(out)}
    assert paths == {str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")}


def test_a_folder_without_drafts_exits_2(capsys, tmp_path):
    assert main(["check", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"reslint: {tmp_path}: a folder with no draft (.md, .markdown, .txt, .docx, .pdf)\n")


# --- the full format names the previous resolution first (issue 12: pairing that is loud) ---

def test_full_format_first_line_names_the_previous_and_how_it_was_found(capsys):
    code, out, _ = run(capsys, str(SEED_78_32), "--previous", str(SEED_76_47))
    assert code == 0
    assert out.splitlines()[0] == (f"{SEED_78_32}: previous resolution given with "
                                   f"--previous: {SEED_76_47}")
    assert out.splitlines()[1] == ""


def test_the_previous_is_named_for_drafts_with_findings_only(capsys, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(SEED_78_32.read_text(encoding="utf-8"), encoding="utf-8")
    slipped = slip(tmp_path, "as appropriate;", "as appropriate,")
    code, out, _ = run(capsys, str(clean), str(slipped), "--previous", str(SEED_76_47),
                       "--select", "RES604")
    assert code == 1
    named = [line for line in out.splitlines() if ": previous resolution " in line]
    assert named == [f"{slipped}: previous resolution given with --previous: {SEED_76_47}"]


@pytest.mark.parametrize("extra", [["--format", "concise"], ["--quiet"]])
def test_concise_and_quiet_reports_do_not_name_the_previous(capsys, extra):
    _, out, _ = run(capsys, str(SEED_78_32), "--previous", str(SEED_76_47), *extra)
    assert "previous resolution given" not in out
