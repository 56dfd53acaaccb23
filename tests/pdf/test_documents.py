"""A document symbol where a file is expected: the library by heading symbol, the cache,
and downloads from a document system served on 127.0.0.1 (no test reaches the internet)."""

from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from reslint import documents
from reslint.cli import main
from reslint.documents import as_symbol, file_stem

REPO = Path(__file__).resolve().parents[2]
GA = REPO.parent / "shared" / "ga"
needs_ga = pytest.mark.skipif(not (GA / "pdf").is_dir(), reason="../shared/ga/pdf absent")

DRAFT = "A_C.3_80_L.16"  # Inclusive policies … homelessness, 80th session
PREVIOUS = "A/RES/78/172"


class _DocumentSystem(BaseHTTPRequestHandler):
    """GET /api/symbol/access?s=A/RES/78/172&l=en&t=pdf -> ../shared/ga/pdf/A_RES_78_172.pdf,
    as documents.un.org answers (after its redirect)."""

    requests: ClassVar[list[str]] = []
    body_override: ClassVar[bytes | None] = None

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        type(self).requests.append(self.path)
        symbol = query.get("s", [""])[0]
        if query.get("l") != ["en"] or query.get("t") != ["pdf"]:
            self.send_error(400)
            return
        if self.body_override is not None:
            body = self.body_override
        else:
            path = GA / "pdf" / f"{file_stem(symbol)}.pdf"
            if not path.is_file():
                self.send_error(404, "Not Found")
                return
            body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    _DocumentSystem.requests = []
    _DocumentSystem.body_override = None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _DocumentSystem)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/api/symbol/access"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(documents, "_FAILED", {})  # no download failed yet
    return tmp_path / "cache" / "documents"


def _project(tmp_path: Path, config: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / ".git").mkdir()  # the configuration search stops here
    (project / ".reslint.yaml").write_text(config, encoding="utf-8")
    shutil.copy(GA / "texts" / f"{DRAFT}.md", project / "draft.md")
    return project


def _closed_port() -> str:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/symbol/access"


def test_symbols_and_paths(tmp_path: Path, monkeypatch):
    assert as_symbol("A/RES/79/58") == "A/RES/79/58"
    assert as_symbol("79/58") == "A/RES/79/58"
    assert as_symbol("A/C.3/80/L.50") == "A/C.3/80/L.50"
    assert as_symbol("A/80/L.6/Rev.1") == "A/80/L.6/Rev.1"
    assert as_symbol("adopted/A_RES_79_58.md") is None
    assert as_symbol("A/RES/79/58; rm -rf /") is None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "A" / "RES" / "79").mkdir(parents=True)
    (tmp_path / "A" / "RES" / "79" / "58").write_text("x")
    assert as_symbol("A/RES/79/58") is None  # an existing file wins


@needs_ga
def test_library_by_heading_symbol(tmp_path: Path, cache: Path, capsys):
    """The library's file is named as its owner likes; its heading says A/RES/78/172."""
    project = _project(tmp_path, "library: adopted\n")
    (project / "adopted").mkdir()
    shutil.copy(GA / "texts" / "A_RES_78_172.md", project / "adopted" / "homelessness-2023.md")
    shutil.copy(GA / "texts" / "A_RES_78_162.md", project / "adopted" / "other.md")
    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--previous", PREVIOUS,
                 "--format", "concise"])
    out = capsys.readouterr().out
    assert code == 0
    # the cross-document rules ran against 78/172, read from the library's heading
    assert "RES003 [info] The previous resolution 78/172 is 2 sessions before the draft" in out
    assert not cache.exists()  # nothing was fetched


@needs_ga
def test_fetch_then_offline_from_the_cache(tmp_path: Path, cache: Path, server: str, capsys):
    project = _project(tmp_path, f"fetch:\n  base: {server}\n  timeout: 10\n")
    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--previous", PREVIOUS,
                 "--format", "concise"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "RES003 [info] The previous resolution 78/172 is 2 sessions before the draft" in out
    assert _DocumentSystem.requests == ["/api/symbol/access?s=A/RES/78/172&l=en&t=pdf"]
    cached = cache / "A_RES_78_172.pdf"
    assert cached.read_bytes() == (GA / "pdf" / "A_RES_78_172.pdf").read_bytes()
    assert [p.name for p in cache.iterdir()] == ["A_RES_78_172.pdf"]  # no partial file

    # offline: the document system is gone, the cache answers
    (project / ".reslint.yaml").write_text(f"fetch:\n  base: {_closed_port()}\n")
    code = main(["check", str(project / "draft.md"), "--previous", PREVIOUS,
                 "--format", "concise"])
    assert code == 0
    assert "RES003" in capsys.readouterr().out


@needs_ga
def test_fetch_flag_turns_fetching_on(tmp_path: Path, cache: Path, server: str, capsys):
    project = _project(tmp_path, f"fetch:\n  enabled: false\n  base: {server}\n")
    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--previous", PREVIOUS])
    err = capsys.readouterr().err
    assert code == 2
    assert "A/RES/78/172: not found" in err and "--fetch" in err
    assert err.count("\n") == 1
    assert main(["check", str(project / "draft.md"), "--previous", PREVIOUS, "--fetch",
                 "--format", "concise"]) == 0


@needs_ga
def test_offline_is_one_line(tmp_path: Path, cache: Path, capsys):
    project = _project(tmp_path, f"fetch:\n  base: {_closed_port()}\n  timeout: 5\n")
    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--previous", PREVIOUS])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{project / 'draft.md'}: the previous resolution A/RES/78/172: cannot reach " \
           "127.0.0.1:" in err
    assert "offline?" in err
    assert not (cache / "A_RES_78_172.pdf").exists()


@needs_ga
def test_unknown_symbol_and_not_a_pdf(tmp_path: Path, cache: Path, server: str, capsys):
    project = _project(tmp_path, f"fetch:\n  base: {server}\n")
    capsys.readouterr()
    assert main(["check", str(project / "draft.md"), "--previous", "A/RES/12/345"]) == 2
    assert "A/RES/12/345: 127.0.0.1" in capsys.readouterr().err
    _DocumentSystem.body_override = b"<html>Document not found</html>"
    assert main(["check", str(project / "draft.md"), "--previous", PREVIOUS]) == 2
    assert "did not answer with a PDF" in capsys.readouterr().err
    assert not (cache / "A_RES_78_172.pdf").exists()


@needs_ga
def test_download_over_the_size_limit(tmp_path: Path, cache: Path, server: str, capsys):
    project = _project(tmp_path, f"fetch:\n  base: {server}\n")
    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--previous", PREVIOUS,
                 "--max-size", "100K"])
    assert code == 2
    assert "over the limit of 102,400 bytes" in capsys.readouterr().err
    assert not (cache / "A_RES_78_172.pdf").exists()


@needs_ga
def test_a_fetched_file_must_carry_its_symbol(tmp_path: Path, cache: Path, server: str,
                                              capsys):
    project = _project(tmp_path, f"fetch:\n  base: {server}\n")
    _DocumentSystem.body_override = (GA / "pdf" / "A_RES_79_3.pdf").read_bytes()
    capsys.readouterr()
    assert main(["check", str(project / "draft.md"), "--previous", PREVIOUS]) == 2
    assert "is A/RES/79/3 by its heading" in capsys.readouterr().err


def test_a_bad_base_in_the_config_is_refused(tmp_path: Path, capsys):
    project = tmp_path / "p"
    project.mkdir()
    (project / ".git").mkdir()
    (project / ".reslint.yaml").write_text("fetch:\n  base: file:///etc/passwd\n")
    (project / "draft.md").write_text("The General Assembly,\n\n1. *Decides* to stay.\n")
    capsys.readouterr()
    assert main(["check", str(project / "draft.md")]) == 2
    assert ".reslint.yaml" in capsys.readouterr().err


# --- `reslint check DRAFT` alone: the previous the draft cites (issue 16 item 4) ----------

TITLE = ("Inclusive policies and programmes to address homelessness, including in the "
         "aftermath of the coronavirus disease (COVID-19)")


def _pairing(capsys, project: Path, *extra: str) -> tuple[int, dict[str, str], str]:
    """Exit code, the SARIF run's pairing of the draft, and its findings (rule:line)."""
    import json

    capsys.readouterr()
    code = main(["check", str(project / "draft.md"), "--format", "sarif", *extra])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    findings = [f"{r['ruleId']}:{r['locations'][0]['physicalLocation']['region']['startLine']}"
                for r in run["results"]]
    return code, run["properties"]["pairings"][0], " ".join(findings)


@needs_ga
def test_the_cited_previous_is_fetched_then_read_offline_from_the_cache(
        tmp_path: Path, cache: Path, server: str, capsys):
    """L.16 "Recall[s] its previous resolution 78/172" (line 35): with fetching on and no
    library, 78/172 is fetched, has the draft's title, and is the previous; the same check
    offline reads it from the cache."""
    project = _project(tmp_path, f"fetch:\n  base: {server}\n  timeout: 10\n")
    code, pairing, findings = _pairing(capsys, project)
    assert code == 0
    assert _DocumentSystem.requests == ["/api/symbol/access?s=A/RES/78/172&l=en&t=pdf"]
    cached = cache / "A_RES_78_172.pdf"
    assert pairing["previous"] == str(cached)
    port = server.split(":")[2].split("/")[0]
    assert pairing["how"] == (
        f"A/RES/78/172 fetched from 127.0.0.1:{port}: {cached}, the latest resolution "
        f"titled \"{TITLE}\" that the draft cites (line 35)")
    assert "RES001" not in findings and "RES003:" in findings  # checked against it

    # offline, the cache answers; the report's first line says so
    (project / ".reslint.yaml").write_text(f"fetch:\n  base: {_closed_port()}\n")
    code, pairing, offline = _pairing(capsys, project)
    assert (code, offline) == (0, findings)
    assert pairing["how"].startswith(f"A/RES/78/172 from the download cache: {cached}, the "
                                  f"latest resolution titled \"{TITLE}\" that the draft")
    capsys.readouterr()
    main(["check", str(project / "draft.md")])
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"{project / 'draft.md'}: previous resolution {pairing['how']}"
    assert len(_DocumentSystem.requests) == 1


@needs_ga
def test_without_fetching_the_cited_previous_is_named_with_the_hint(
        tmp_path: Path, cache: Path, server: str, capsys):
    project = _project(tmp_path, f"fetch:\n  enabled: false\n  base: {server}\n")
    code, pairing, findings = _pairing(capsys, project)
    assert (code, findings.split()[0]) == (1, "RES001:15")
    assert pairing["previous"] == ""
    assert pairing["how"].endswith(
        "no library folder is configured and the draft cites A/RES/78/172 (line 35), which "
        "may be its previous resolution but is in neither the library nor the download "
        "cache: give --fetch (or set fetch: true in .reslint.yaml) to download it and check "
        "against it")
    assert _DocumentSystem.requests == []
    code, pairing, _ = _pairing(capsys, project, "--fetch")  # the flag turns it on
    assert code == 0 and pairing["previous"] == str(cache / "A_RES_78_172.pdf")


@needs_ga
def test_a_cited_resolution_of_another_title_is_not_the_previous(
        tmp_path: Path, cache: Path, server: str, capsys):
    """L.41 (lethal autonomous weapons systems) recalls its previous, 79/62, and 78/241,
    which the test server does not hold, and cites 79/239 (artificial intelligence in the
    military domain), which it does: 79/239 is fetched and refused by its title, so the
    draft stays unpaired (recalled ones are tried first, the latest first)."""
    project = _project(tmp_path, f"fetch:\n  base: {server}\n")
    shutil.copy(GA / "texts" / "A_C.1_80_L.41.md", project / "draft.md")
    code, pairing, findings = _pairing(capsys, project)
    assert (code, findings.split()[0]) == (1, "RES001:15")
    assert pairing["previous"] == ""
    assert [r.split("s=")[1].split("&")[0] for r in _DocumentSystem.requests] == [
        "A/RES/79/62", "A/RES/78/241", "A/RES/79/239"]
    assert pairing["how"].endswith(
        "the draft cites A/RES/79/62 and A/RES/78/241 (line 35), which 127.0.0.1:"
        f"{server.split(':')[2].split('/')[0]} does not have as an English PDF")
    assert (cache / "A_RES_79_239.pdf").is_file()  # kept: the next run need not fetch it
    # checked again (as an editor does on each change): nothing is asked again for a while
    assert _pairing(capsys, project)[1] == pairing
    assert len(_DocumentSystem.requests) == 3


@needs_ga
def test_offline_while_looking_for_the_cited_previous_is_said(tmp_path: Path, cache: Path,
                                                              capsys):
    project = _project(tmp_path, f"fetch:\n  base: {_closed_port()}\n  timeout: 5\n")
    code, pairing, findings = _pairing(capsys, project)
    assert (code, findings.split()[0]) == (1, "RES001:15")
    assert "the draft cites A/RES/78/172 (line 35), which could not be fetched: cannot " \
           "reach 127.0.0.1:" in pairing["how"]


@needs_ga
def test_a_later_resolution_the_draft_cites_beats_an_older_one_in_the_library(
        tmp_path: Path, cache: Path, server: str, capsys):
    """The library holds only an older resolution of the draft's title (78/172's text
    restamped 77/10 of the seventy-seventh session: a deliberate stand-in); the draft
    recalls 78/172, which is later: with fetching on, 78/172 is fetched and is the
    previous; without, the library's is, and the report names 78/172 as not at hand."""
    project = _project(tmp_path, f"library: adopted\nfetch:\n  base: {server}\n")
    (project / "adopted").mkdir()
    older = (GA / "texts" / "A_RES_78_172.md").read_text(encoding="utf-8")
    older = older.replace("78/172", "77/10").replace("Seventy-eighth session",
                                                     "Seventy-seventh session")
    (project / "adopted" / "older.md").write_text(older, encoding="utf-8")
    code, pairing, findings = _pairing(capsys, project)
    assert code == 1 and "RES003:35" in findings, findings  # as against 78/172 (the tests above)
    assert pairing["previous"] == str(cache / "A_RES_78_172.pdf")
    assert pairing["how"].startswith("A/RES/78/172 fetched from 127.0.0.1:")

    (project / ".reslint.yaml").write_text("library: adopted\n")  # no fetching
    (cache / "A_RES_78_172.pdf").unlink()
    _, pairing, findings = _pairing(capsys, project)
    assert pairing["previous"] == str(project / "adopted" / "older.md")
    assert pairing["how"].endswith(
        "before the eightieth session; the draft cites A/RES/78/172 (line 35), which may "
        "be its previous resolution but is in neither the library nor the download cache: "
        "give --fetch (or set fetch: true in .reslint.yaml) to download it and check "
        "against it")
    assert "RES001" not in findings
