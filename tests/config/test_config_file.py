"""`.reslint.yaml` as a drafting team uses it: discovery from a nested folder (stopping at
the repository root), settings, severity and per-path overrides, located errors, and
`reslint config FILE`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.config import glob_regex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
SLIP = ("Convention on Cluster Munitions to ratify", "Convention on Cluster Munitions² to ratify")
SLIP_LINE = 47  # RES504 (warning): footnote marker 2 used again


def check(capsys, *argv: str) -> tuple[int, list[tuple[str, str, int]], str]:
    capsys.readouterr()
    code = main(["check", *argv, "--previous", str(SEED_76_47), "--format", "json"])
    out = capsys.readouterr()
    found = json.loads(out.out) if out.out else []
    return code, [(f["rule"], f["severity"], f["line"]) for f in found], out.err


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """outside/.reslint.yaml (broken: must never be read) and outside/repo/ (a git
    repository) with drafts/2025/first/draft.txt holding a RES504 slip."""
    outside = tmp_path / "outside"
    root = outside / "repo"
    nested = root / "drafts" / "2025" / "first"
    nested.mkdir(parents=True)
    (root / ".git").mkdir()
    (outside / ".reslint.yaml").write_text("selct: [RES1]\n")
    text = SEED_78_32.read_text(encoding="utf-8").replace(*SLIP)
    (nested / "draft.txt").write_text(text, encoding="utf-8")
    return root


def draft(repo: Path) -> str:
    return str(repo / "drafts" / "2025" / "first" / "draft.txt")


def test_discovery_stops_at_the_repository_root(capsys, repo):
    code, found, err = check(capsys, draft(repo), "--ignore", "RES003")
    assert (code, found, err) == (1, [("RES504", "warning", SLIP_LINE)], "")


def test_config_two_levels_up(capsys, repo):
    (repo / "drafts" / ".reslint.yaml").write_text("ignore: [RES003, footnote-marker-repeated]\n")
    code, found, err = check(capsys, draft(repo))
    assert (code, found, err) == (0, [], "")


def test_footnote_edition_older_silences_res504(capsys, repo):
    (repo / ".reslint.yaml").write_text("ignore: [RES003]\nsettings:\n  footnote_edition: older\n")
    assert check(capsys, draft(repo)) == (0, [], "")


def test_severity_override_changes_the_exit_code(capsys, repo):
    (repo / ".reslint.yaml").write_text("ignore: [RES003]\nseverity:\n  RES504: info\n")
    assert check(capsys, draft(repo)) == (0, [("RES504", "info", SLIP_LINE)], "")
    (repo / ".reslint.yaml").write_text("ignore: [RES003]\nseverity:\n"
                                        "  footnote-marker-repeated: error\n")
    code, found, _ = check(capsys, draft(repo), "--fail-on", "error")
    assert (code, found) == (1, [("RES504", "error", SLIP_LINE)])


def test_per_path_overrides(capsys, repo):
    (repo / ".reslint.yaml").write_text(
        "ignore: [RES003]\n"
        "per-path:\n"
        "  - files: drafts/**/first/*.txt\n"
        "    severity: {RES504: error}\n"
        "  - files: drafts/*/second/*.txt\n"
        "    settings: {footnote_edition: older}\n"
    )
    second = repo / "drafts" / "2025" / "second"
    second.mkdir()
    shutil.copy(draft(repo), second / "draft.txt")
    assert check(capsys, draft(repo)) == (1, [("RES504", "error", SLIP_LINE)], "")
    assert check(capsys, str(second / "draft.txt")) == (0, [], "")


def test_explicit_config(capsys, repo, tmp_path):
    other = tmp_path / "team.yaml"
    other.write_text("ignore: [RES003, RES504]\n")
    assert check(capsys, draft(repo), "--config", str(other)) == (0, [], "")


def test_team_pack_relative_to_the_config(capsys, repo):
    (repo / "team").mkdir()
    (repo / "team" / "house.yaml").write_text(
        "pack: house\n"
        "rules:\n"
        "  - code: HSE001\n"
        "    name: house-no-urges\n"
        "    severity: warning\n"
        "    summary: Our house style avoids Urges\n"
        "    check: pattern\n"
        "    pattern: 'Munitions to ratify'\n"
        "    message: 'House style: avoid Urges'\n"
    )
    (repo / ".reslint.yaml").write_text("packs: [team/house.yaml]\nselect: [HSE]\n")
    code, found, err = check(capsys, draft(repo))
    assert (code, err) == (1, "")
    assert found == [("HSE001", "warning", SLIP_LINE)]


# --- malformed configurations: one located line, exit 2 ---------------------------------

@pytest.mark.parametrize(("text", "where", "message"), [
    ("select: [RES1]\nselct: [RES2]\n", "2:1", "unknown key 'selct' (did you mean 'select'?)"),
    ("ignore: RES003\n", "1:9", "ignore: expected a list, got a string"),
    ("severity:\n  RES504: eror\n", "2:11",
     "severity/RES504: 'eror' is not one of error, warning, info (did you mean 'error'?)"),
    ("ignore: [RES003, recalled-ordr]\n", "1:18",
     "unknown rule 'recalled-ordr' in ignore (did you mean 'recalled-order'?)"),
    ("severity:\n  footnote-marker-repeatd: info\n", "2:3",
     "unknown rule 'footnote-marker-repeatd' in severity "
     "(did you mean 'footnote-marker-repeated'?)"),
    ("settings:\n  footnote_editon: older\n", "2:3",
     "unknown setting 'footnote_editon' (did you mean 'footnote_edition'?)"),
    ("per-path:\n  - files: '*.txt'\n    ignor: [RES001]\n", "3:5",
     "unknown key 'ignor' (did you mean 'ignore'?)"),
    ("library: adopted\n", "1:10", "library folder 'adopted' not found (relative to "
     ".reslint.yaml)"),
    ("packs: [team/nope.yaml]\n", "1:9", "rule pack 'team/nope.yaml' not found (neither a file "
     "or folder relative to the configuration, nor a built-in pack)"),
])
def test_malformed_config_is_one_located_line(capsys, repo, text, where, message):
    config = repo / ".reslint.yaml"
    config.write_text(text)
    code, found, err = check(capsys, draft(repo))
    assert (code, found) == (2, [])
    assert err == f"reslint: {config}:{where}: {message}\n"


def test_yaml_syntax_error_is_located(capsys, repo):
    config = repo / ".reslint.yaml"
    config.write_text("ignore: [RES003\n")
    code, _, err = check(capsys, draft(repo))
    assert code == 2
    assert err.startswith(f"reslint: {config}:2:1: YAML syntax: ") and err.count("\n") == 1


def test_empty_config_is_the_defaults(capsys, repo):
    (repo / ".reslint.yaml").write_text("# nothing configured yet\n")
    code, found, _ = check(capsys, draft(repo), "--ignore", "RES003")
    assert (code, found) == (1, [("RES504", "warning", SLIP_LINE)])


def test_glob():
    assert glob_regex("drafts/**/*.md").fullmatch("drafts/a/b/x.md")
    assert glob_regex("drafts/**/*.md").fullmatch("drafts/x.md")
    assert not glob_regex("drafts/*.md").fullmatch("drafts/a/x.md")
    assert glob_regex("**").fullmatch("any/thing.txt")


# --- reslint config FILE -------------------------------------------------------------------

def test_config_command_json(capsys, repo):
    (repo / ".reslint.yaml").write_text(
        "ignore: [RES003]\nsettings: {footnote_edition: older}\n"
        "per-path:\n  - files: drafts/**\n    severity: {RES504: error}\n"
        "previous:\n  drafts/2025/first/draft.txt: ../outside.txt\n"
    )
    shutil.copy(SEED_76_47, repo.parent / "outside.txt")
    capsys.readouterr()
    assert main(["config", draft(repo), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["config"] == str(repo / ".reslint.yaml")
    assert data["per-path"] == ["drafts/**"]
    assert {"general", "ccm"} <= set(data["packs"]) and "apmbc" not in data["packs"]
    assert data["ignore"] == ["RES003"]
    assert "RES003" not in data["rules"] and "RES504" in data["rules"]
    assert data["severity"] == {"RES504": "error"}
    assert data["settings"]["footnote_edition"] == "older"
    assert data["previous"] == str(repo.parent / "outside.txt")
    assert data["found"].startswith("from the previous map of ")


def test_config_command_yaml_names_its_source(capsys, repo):
    capsys.readouterr()
    assert main(["config", draft(repo)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [f"# reslint configuration for {draft(repo)}",
                       "# from no .reslint.yaml found (the defaults)", "config: null"]
    assert "settings: {footnote_edition: current}" in out


def test_config_command_malformed(capsys, repo):
    (repo / ".reslint.yaml").write_text("selct: [RES1]\n")
    capsys.readouterr()
    assert main(["config", draft(repo)]) == 2
    err = capsys.readouterr().err
    assert err == (f"reslint: {repo / '.reslint.yaml'}:1:1: unknown key 'selct' "
                   "(did you mean 'select'?)\n")
