"""The command line's manners, ruff as the model: colour only where it is wanted, a draft
on standard input, --statistics and --quiet, "did you mean", help with examples and exit
codes, and the CI report formats (gitlab, junit, sarif) as their consumers read them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reslint.cli import main
from tests import paths

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
PREVIOUS = FIXTURES / "A_RES_76_47.txt"
DRAFT = FIXTURES / "A_RES_78_32.txt"
SARIF_SCHEMA = paths.SARIF_SCHEMA
ESC = "\x1b["

RES604 = 'Operative paragraph 2 ends with "," instead of a semicolon'
RES504 = ("Footnote marker 2 is used again (first at line 31); give the repeated reference a "
          "new footnote with the identical text")


def slipped() -> str:
    """The seed 78/32 with two slips: a repeated footnote marker (RES504, warning, line 47)
    and an operative paragraph ending in a comma (RES604, a warning, line 55)."""
    text = DRAFT.read_text(encoding="utf-8")
    for old, new in (("Convention on Cluster Munitions to ratify",
                      "Convention on Cluster Munitions² to ratify"),
                     ("as appropriate;", "as appropriate,")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(slipped(), encoding="utf-8")
    return path


def reslint(*argv: str, stdin: str | None = None, env: dict[str, str] | None = None,
            cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """reslint as a separate process (a pipe is not a terminal), env cleaned of colour."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    base["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "reslint", *argv], input=stdin, text=True,
                          capture_output=True, env={**base, **(env or {})}, cwd=cwd,
                          encoding="utf-8")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- colour ------------------------------------------------------------------------------

def test_piped_output_has_no_colour(draft):
    proc = reslint("check", str(draft), "--previous", str(PREVIOUS), "--format", "concise")
    assert proc.returncode == 1
    assert ESC not in proc.stdout
    assert proc.stdout.splitlines()[2] == f"{draft}:55:190: RES604 [warning] {RES604}"


def test_force_color_colours_a_pipe(draft):
    proc = reslint("check", str(draft), "--previous", str(PREVIOUS), "--format", "concise",
                   env={"FORCE_COLOR": "1"})
    assert proc.stdout.splitlines()[2] == (
        f"\x1b[1m{draft}\x1b[0m:55:190: \x1b[1;33mRES604\x1b[0m [\x1b[33mwarning\x1b[0m] {RES604}")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("env", "coloured"), [({}, True), ({"NO_COLOR": "1"}, False),
                                               ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False)])
def test_terminal_gets_colour_unless_no_color(draft, env, coloured):
    import pty

    leader, follower = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run(
        [sys.executable, "-m", "reslint", "check", str(draft), "--previous", str(PREVIOUS)],
        stdout=follower, stderr=subprocess.PIPE, cwd=REPO,
        env={**base, "PYTHONPATH": str(REPO), "TERM": "xterm", **env})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed (Linux raises EIO)
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    out = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 1
    assert (ESC in out) is coloured
    assert "RES604" in out


def test_colour_never_in_an_output_file(draft, tmp_path):
    report = tmp_path / "report.txt"
    reslint("check", str(draft), "--previous", str(PREVIOUS), "-o", str(report),
            env={"FORCE_COLOR": "1"})
    assert ESC not in report.read_text(encoding="utf-8")


# --- standard input ----------------------------------------------------------------------

def test_stdin_with_stdin_filename(draft):
    proc = reslint("check", "-", "--stdin-filename", "drafts/ccm.txt", "--previous",
                   str(PREVIOUS), "--format", "concise", stdin=slipped())
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[1:3] == [
        f"drafts/ccm.txt:47:73: RES504 [warning] {RES504}",
        f"drafts/ccm.txt:55:190: RES604 [warning] {RES604}",
    ]


def test_stdin_without_a_name_is_dash():
    proc = reslint("check", "-", "--previous", str(PREVIOUS), "--format", "concise",
                   "--select", "RES604", stdin=slipped())
    assert proc.stdout.splitlines()[0] == f"-:55:190: RES604 [warning] {RES604}"


def test_stdin_filename_finds_the_configuration_and_the_pairing(tmp_path):
    """The configuration is looked up from the named file's folder, and its previous map
    pairs the draft: no --previous needed."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "adopted").mkdir()
    (tmp_path / "adopted" / "76_47.txt").write_text(PREVIOUS.read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    (tmp_path / ".reslint.yaml").write_text(
        "ignore: [RES504]\nprevious:\n  drafts/ccm.txt: adopted/76_47.txt\n", encoding="utf-8")
    proc = reslint("check", "-", "--stdin-filename", "drafts/ccm.txt", "--format", "json",
                   stdin=slipped(), cwd=tmp_path)
    found = [(f["rule"], f["line"]) for f in json.loads(proc.stdout)]
    assert ("RES604", 55) in found
    assert all(rule not in ("RES504", "RES001") for rule, _ in found)


def test_fix_of_stdin_writes_the_fixed_draft_to_stdout():
    proc = reslint("check", "-", "--previous", str(PREVIOUS), "--fix", "--unsafe-fixes",
                   "--select", "RES604", stdin=slipped())
    expected = slipped().replace("as appropriate,", "as appropriate;")
    assert proc.stdout == expected
    assert proc.returncode == 0
    assert "All checks passed (1 file)." in proc.stderr


def test_stdin_twice_is_a_usage_error():
    proc = reslint("check", "-", "-", stdin="x")
    assert (proc.returncode, proc.stderr) == (
        2, "reslint: standard input ('-') can be read only once\n")


def test_stdin_filename_without_dash_is_a_usage_error(draft):
    proc = reslint("check", str(draft), "--stdin-filename", "x.md")
    assert proc.returncode == 2
    assert "give '-' as the draft" in proc.stderr


# --- --statistics and --quiet ------------------------------------------------------------

def test_statistics(capsys, draft):
    code, out, _ = run(capsys, "check", str(draft), "--previous", str(PREVIOUS),
                       "--statistics")
    assert code == 1
    assert out == ("1  RES003      previous-not-latest\n"
                   "1  RES504      footnote-marker-repeated\n"
                   "1  RES604      operative-semicolon\n")  # punctuation: an unsafe fix


def test_statistics_json(capsys, draft):
    _, out, _ = run(capsys, "check", str(draft), "--previous", str(PREVIOUS), "--statistics",
                    "--format", "json", "--select", "RES604")
    assert json.loads(out) == [{"code": "RES604", "name": "operative-semicolon",
                                "count": 1, "fixable": False}]


def test_quiet_prints_the_findings_only(capsys, draft):
    code, out, _ = run(capsys, "check", str(draft), "--previous", str(PREVIOUS), "-q",
                       "--format", "concise", "--select", "RES604")
    assert (code, out) == (1, f"{draft}:55:190: RES604 [warning] {RES604}\n")
    code, out, _ = run(capsys, "check", str(DRAFT), "--previous", str(PREVIOUS), "--quiet",
                       "--select", "RES604")
    assert (code, out) == (0, "")


# --- did you mean, help ------------------------------------------------------------------

def test_misspelt_command(capsys):
    code, out, err = run(capsys, "chek", "draft.md")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "usage: reslint [-h] [--version] COMMAND ...",
        "reslint: error: unknown command 'chek' (did you mean 'check'?) "
        "(run 'reslint --help' for the list)"]


def test_misspelt_option_shows_the_subcommand_usage(capsys, draft):
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(draft), "--statistcs"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: reslint check ")
    assert err.splitlines()[-1] == (
        "reslint check: error: unknown option '--statistcs' (did you mean '--statistics'?)")


@pytest.mark.parametrize("command", ["check", "parse", "config", "rules", "explain", "test",
                                     "next", "export", "diff"])
def test_help_shows_examples_exit_codes_and_docs(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "\nexamples:\n  # " in out or "\nexamples:\n  reslint " in out
    assert "\nexit codes:\n  0  " in out
    assert "\ndocs: https://" in out


def test_check_help_exit_codes_exact(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.split("\nexit codes:\n", 1)[1].splitlines()[:3] == [
        "  0  no finding at or above the failing severity (--fail-on, default warning)",
        "  1  at least one such finding",
        "  2  usage error, unreadable input, broken rule or configuration file"]


# --- CI formats ---------------------------------------------------------------------------

def test_gitlab_code_quality(capsys, draft, monkeypatch):
    monkeypatch.chdir(draft.parent)
    code, out, _ = run(capsys, "check", "draft.txt", "--previous", str(PREVIOUS),
                       "--format", "gitlab", "--select", "RES504,RES604")
    assert code == 1
    issues = json.loads(out)
    for issue in issues:
        assert len(issue.pop("fingerprint")) == 32
    assert issues == [
        {"check_name": "RES504",
         "description": f"RES504 footnote-marker-repeated: {RES504}",
         "severity": "minor",
         "location": {"path": "draft.txt", "positions": {"begin": {"line": 47, "column": 73},
                                                         "end": {"line": 47, "column": 74}}}},
        {"check_name": "RES604",
         "description": f"RES604 operative-semicolon: {RES604}",
         "severity": "minor",
         "location": {"path": "draft.txt", "positions": {"begin": {"line": 55, "column": 190},
                                                         "end": {"line": 55, "column": 191}}}},
    ]


def test_gitlab_fingerprints_unique_and_stable(capsys, tmp_path):
    text = slipped().replace("as appropriate;", "as appropriate,")
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    prints = []
    for _ in range(2):
        _, out, _ = run(capsys, "check", str(path), "--previous", str(PREVIOUS),
                        "--format", "gitlab")
        prints.append([i["fingerprint"] for i in json.loads(out)])
    assert prints[0] == prints[1]
    assert len(set(prints[0])) == len(prints[0])


def test_junit_info_finding_is_not_a_failure(capsys):
    """The clean seed pair has one info finding (RES003): exit 0 and no failing case."""
    import xml.etree.ElementTree as ET

    code, out, _ = run(capsys, "check", str(DRAFT), "--previous", str(PREVIOUS),
                       "--format", "junit")
    root = ET.fromstring(out)
    assert (code, root.get("failures")) == (0, "0")
    assert [c.findtext("system-out", "").split(": ", 1)[1][:16]
            for c in root.iter("testcase")] == ["RES003 [info] Th"]
    code, out, _ = run(capsys, "check", str(DRAFT), "--previous", str(PREVIOUS),
                       "--format", "junit", "--fail-on", "info")
    assert (code, ET.fromstring(out).get("failures")) == (1, "1")


def test_sarif_lists_the_rules_that_ran_with_help_uri(capsys, draft):
    from reslint.lint import load_packs
    from reslint.parse import parse_file

    _, out, _ = run(capsys, "check", str(draft), "--previous", str(PREVIOUS),
                    "--format", "sarif")
    (sarif_run,) = json.loads(out)["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    doc = parse_file(str(draft))
    ran = sorted(r.code for p in load_packs([]) if p.applies_to(doc.heading.title,
                                                                  doc.heading.item_title)
                 for r in p.rules)
    every = {r.code for p in load_packs([]) for r in p.rules}
    assert [r["id"] for r in rules] == ran
    assert len(ran) < len(every)  # the other series' packs did not run on this draft
    assert all(r["helpUri"] == "https://github.com/reslint/reslint/blob/main/docs/rules.md#"
               + r["id"].lower() for r in rules)
    if SARIF_SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        assert [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(
            json.loads(out))] == []


def test_rule_reference_has_every_builtin_rule():
    """helpUri points into docs/rules.md: every built-in rule needs its anchor there."""
    from reslint.lint import load_packs

    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    missing = [r.code for p in load_packs([]) for r in p.rules
               if f'<a id="{r.code.lower()}"></a>' not in text]
    assert missing == [], ("regenerate the reference: "
                           "reslint rules --format markdown > docs/rules.md")


def test_stdin_cannot_be_a_word_file():
    proc = reslint("check", "-", "--stdin-filename", "drafts/ccm.docx", stdin="x")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == ("reslint: drafts/ccm.docx: standard input takes Markdown or plain "
                           "text, not a Word or PDF file (give the file's path instead)\n")


def test_misspelt_format(capsys, draft):
    code, out, err = run(capsys, "check", str(draft), "--format", "sarf")
    assert (code, out) == (2, "")
    assert err == ("reslint: unknown output format 'sarf' (did you mean 'sarif'? expected one "
                   "of: full, concise, json, sarif, github, gitlab, junit, markdown, text)\n")
