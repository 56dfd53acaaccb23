"""The documented GitHub Actions workflow (.github/workflows/reslint.yml), as it is today
and as it runs: its shell steps, run here in order with bash as the runner runs them, on a
temporary drafting repository (an adopted library, .reslint.yaml pairing, a text and a
Word draft changed in a pull request), produce annotations, a job summary and SARIF valid
against the official 2.1.0 schema."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests import paths

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "reslint.yml"
FIXTURES = REPO / "tests" / "fixtures"
SARIF_SCHEMA = paths.SARIF_SCHEMA


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    return workflow()["jobs"]["reslint"]["steps"]


def test_current_action_majors_and_githubs_permissions():
    uses = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for s in steps() if "uses" in s}
    assert uses == {"actions/checkout": "v6", "actions/setup-python": "v6",
                    "github/codeql-action/upload-sarif": "v4"}
    # GitHub's example for uploading SARIF: security-events write; actions and contents
    # read for private repositories
    assert workflow()["permissions"] == {"security-events": "write", "actions": "read",
                                         "contents": "read"}


def test_installs_reslint_not_the_drafting_repository():
    install = next(s for s in steps() if s.get("name") == "Install reslint")
    assert install["run"].strip() == 'python -m pip install "$RESLINT"'
    assert workflow()["env"]["RESLINT"].startswith("reslint[docx] @ git+https://")
    assert "pip install ." not in WORKFLOW.read_text(encoding="utf-8")


def test_word_drafts_are_drafts():
    import re

    drafts = re.compile(workflow()["env"]["DRAFTS"])
    for name in ("drafts/ccm.md", "drafts/ccm.markdown", "drafts/ccm.txt", "drafts/ccm.docx"):
        assert drafts.search(name), name
    assert not drafts.search("adopted/A_RES_79_58.md")
    # yaml reads the key `on` as True
    assert "drafts/**" in workflow()[True]["pull_request"]["paths"]


def _docx_writer():
    spec = importlib.util.spec_from_file_location(
        "docx_fixtures_for_workflow", REPO / "tests" / "docx" / "docx_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, text=True,
                          capture_output=True).stdout.strip()


def drafting_repo(root: Path) -> tuple[Path, str]:
    """A drafting repository whose pull request changes a text draft (a misdated
    citation of 76/47, RES102) and adds a Word draft (an operative paragraph ending in a
    comma, RES604); the library pairs both with 76/47.  Returns (repo, base sha)."""
    pytest.importorskip("docx")
    repo = root / "drafts-repo"
    (repo / "adopted").mkdir(parents=True)
    (repo / "drafts").mkdir()
    shutil.copy(FIXTURES / "A_RES_76_47.txt", repo / "adopted" / "A_RES_76_47.txt")
    (repo / ".reslint.yaml").write_text("library: adopted\n", encoding="utf-8")
    seed = (FIXTURES / "A_RES_78_32.txt").read_text(encoding="utf-8")
    (repo / "drafts" / "ccm.txt").write_text(seed, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "pr")
    old = "[76/47](#) of 6 December 2021"
    assert seed.count(old) == 1
    (repo / "drafts" / "ccm.txt").write_text(
        seed.replace(old, "[76/47](#) of 7 December 2021"), encoding="utf-8")
    docx = _docx_writer()
    assert seed.count("as appropriate;") == 1
    docx.write_docx(docx.word_markdown(seed.replace("as appropriate;", "as appropriate,")),
                    repo / "drafts" / "ccm-word.docx")
    (repo / "notes.md").write_text("# Notes\n", encoding="utf-8")  # not a draft
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "drafts")
    return repo, base


def run_steps(repo: Path, base: str, tmp: Path, env_extra: dict[str, str],
              skip: tuple[str, ...] = ()) -> dict[str, subprocess.CompletedProcess[str]]:
    """Each `run:` step in order, with `bash --noprofile --norc -eo pipefail` as the
    runner's `shell: bash`, the workflow's and the step's env (`${{ }}` values given),
    GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP; `if:` on the drafts count."""
    runner = tmp / "runner"
    runner.mkdir()
    output, summary = tmp / "output.txt", tmp / "summary.md"
    output.touch()
    summary.touch()
    env = {**os.environ, **{k: str(v) for k, v in workflow()["env"].items()},
           "RUNNER_TEMP": str(runner), "GITHUB_OUTPUT": str(output),
           "GITHUB_STEP_SUMMARY": str(summary), **env_extra}
    done: dict[str, subprocess.CompletedProcess[str]] = {}
    for step in steps():
        if "run" not in step or step["name"] in skip:
            continue
        if "steps.drafts.outputs.count != '0'" in str(step.get("if", "")):
            count = dict(line.split("=", 1) for line in output.read_text().splitlines())
            if count.get("count", "0").strip() == "0":
                continue
        step_env = {k: str(v).replace("${{ github.event.pull_request.base.sha }}", base)
                    for k, v in (step.get("env") or {}).items()}
        script = tmp / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        done[step["name"]] = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=repo,
            env={**env, **step_env}, text=True, capture_output=True, timeout=600)
    return done


def reslint_on_path(tmp: Path) -> dict[str, str]:
    """`reslint` as the installed console script would be: this checkout's."""
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    script = bin_dir / "reslint"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m reslint "$@"\n')
    script.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO)}


def check_outcome(repo: Path, tmp: Path, done: dict[str, subprocess.CompletedProcess[str]]
                  ) -> None:
    found = done["Find changed drafts"]
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == ["drafts/ccm-word.docx", "drafts/ccm.txt"]
    check = done["reslint check"]
    assert check.returncode == 1, check.stderr  # the slips fail the job
    annotations = [line for line in check.stdout.splitlines() if line.startswith("::")]
    assert any(a.startswith("::error file=drafts/ccm.txt,line=13,") and "RES102" in a
               for a in annotations), annotations
    assert any(a.startswith("::warning file=drafts/ccm-word.docx,") and "RES604" in a
               for a in annotations), annotations
    assert "## reslint report" in (tmp / "summary.md").read_text(encoding="utf-8")
    sarif = json.loads((repo / "reslint.sarif").read_text(encoding="utf-8"))
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
               for r in sarif["runs"][0]["results"]}
    assert {("RES102", "drafts/ccm.txt"), ("RES604", "drafts/ccm-word.docx")} <= results
    if not SARIF_SCHEMA.exists():
        pytest.skip("the official SARIF schema is not in ../shared/schemas")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(sarif)] == []


def test_workflow_steps_on_a_drafting_repository(tmp_path):
    repo, base = drafting_repo(tmp_path)
    done = run_steps(repo, base, tmp_path, reslint_on_path(tmp_path),
                     skip=("Install reslint",))
    check_outcome(repo, tmp_path, done)


@pytest.mark.slow
def test_workflow_install_step_in_a_fresh_venv(tmp_path):
    """The install step as written, in a fresh virtual environment, with RESLINT pointing
    at this checkout instead of the pinned tag (needs the package index)."""
    repo, base = drafting_repo(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {"PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "RESLINT": f"reslint[docx] @ {REPO.as_uri()}", "PYTHONPATH": ""}
    done = run_steps(repo, base, tmp_path, env)
    assert done["Install reslint"].returncode == 0, done["Install reslint"].stderr[-2000:]
    check_outcome(repo, tmp_path, done)
