"""`reslint diff` through the CLI: formats, verdict, findings beside paragraphs, errors,
and the HTML report rendered by a real headless browser (Debian's chromium)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reslint.cli import main
from tests import paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = paths.CORPUS
FIXTURES = ROOT / "tests" / "fixtures"
PREV, DRAFT = FIXTURES / "A_RES_76_47.txt", FIXTURES / "A_RES_78_32.txt"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_ends_with_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(PREV), str(DRAFT), "--no-check")
    assert code == 0
    last = out.splitlines()[-1]
    assert last.startswith(("technical update only:", "no changes")) or "substantive" in last


@needs_corpus
def test_draft_to_adopted_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS / "A_C.1_80_L.52.md"), str(CORPUS / "A_RES_80_52.md"),
                       "--no-check", "--fail-on-substantive")
    assert code == 1
    assert out.splitlines()[-1] == "3 substantive changes: PP19, OP1, OP6"
    assert "States not [-parties-]{+Parties+} to the Convention" in out


@needs_corpus
def test_technical_update_only_verdict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Only the session ordinal of the agenda paragraph changed: technical.
    text = (CORPUS / "A_RES_79_58.md").read_text(encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(text.replace("provisional agenda of its eightieth", "provisional agenda "
                                  "of its eighty-first"), encoding="utf-8")
    code, out, _ = run(capsys, str(CORPUS / "A_RES_79_58.md"), str(draft), "--no-check",
                       "--fail-on-substantive")
    assert code == 0
    assert out.splitlines()[-1] == "technical update only: 1 technical change, 0 substantive"


@needs_corpus
def test_inserted_paragraph_shifts_nothing(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    text = (CORPUS / "A_RES_79_58.md").read_text(encoding="utf-8")
    anchor = "Mindful of the need to adequately coordinate"
    draft = tmp_path / "draft.md"
    draft.write_text(text.replace(anchor, "Noting with interest the new paragraph on "
                                  "cooperation,\n\n" + anchor, 1), encoding="utf-8")
    code, out, _ = run(capsys, str(CORPUS / "A_RES_79_58.md"), str(draft), "--no-check",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    changed = [p["name"] for p in data["paragraphs"] if p["status"] != "unchanged"]
    assert changed == ["new PP after PP8"]
    assert data["verdict"] == "1 substantive change: new PP after PP8"


@needs_corpus
def test_markdown_puts_findings_beside_paragraphs(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    # A stale agenda session in the draft: check's finding must sit in the OP11 row.
    draft = tmp_path / "draft.md"
    draft.write_text((CORPUS / "A_RES_80_52.md").read_text(encoding="utf-8").replace(
        "eighty-first session", "eightieth session"), encoding="utf-8")
    code, out, _ = run(capsys, str(CORPUS / "A_RES_79_58.md"), str(draft), "--format",
                       "markdown")
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("| OP11 |")]
    assert len(rows) == 1 and "RES" in rows[0].split("|")[-2]
    assert out.startswith("## reslint diff\n")


def test_bad_format_and_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(PREV), str(DRAFT), "--format", "pdf")
    assert code == 2 and err.startswith("reslint: unknown diff format 'pdf'")
    code, _, err = run(capsys, str(PREV), "/nonexistent/draft.md")
    assert code == 2 and "/nonexistent/draft.md" in err and len(err.splitlines()) == 1


@pytest.mark.slow  # starts a browser twice (seconds); CI runs the slow tests too
@needs_corpus
def test_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run installs it with apt-get")
        pytest.skip("chromium not installed")
    page = tmp_path / "diff.html"
    assert main(["diff", str(CORPUS / "A_RES_79_58.md"), str(CORPUS / "A_RES_80_52.md"),
                 "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html and "<script" not in html
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / "diff-ccm-79-80.png"
    shot.unlink(missing_ok=True)
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*base, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert "20 substantive changes: PP6, new PP after PP12" in dom
    for label in ("PP1", "PP6", "PP14", "OP8", "OP11"):
        assert f'id="changed-{label}"' in dom, label
    assert 'class="badge technical">TECHNICAL' in dom
    assert 'class="badge substantive">SUBSTANTIVE' in dom
    subprocess.run([*base, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000
