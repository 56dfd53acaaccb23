"""Each route to the previous resolution, as `reslint check DRAFT` (no --previous) takes it:
the configuration's map, a line in the draft, a library folder, git:REV:PATH; and the
single RES001 info when nothing is found."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.config import Config
from reslint.pairing import find_previous
from reslint.parse import parse_file
from tests import paths

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
CORPUS = paths.CORPUS
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def check(capsys, *argv: str) -> tuple[int, list[dict], str]:
    capsys.readouterr()
    code = main(["check", *argv, "--format", "json"])
    out = capsys.readouterr()
    return code, json.loads(out.out) if out.out else [], out.err


def rules(found: list[dict]) -> list[str]:
    return [f["rule"] for f in found]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A drafting repository: drafts/draft.txt (78/32) and adopted/76_47.txt."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "adopted").mkdir()
    shutil.copy(SEED_78_32, tmp_path / "drafts" / "draft.txt")
    shutil.copy(SEED_76_47, tmp_path / "adopted" / "76_47.txt")
    return tmp_path


# --- routes ------------------------------------------------------------------------------

def test_config_map(capsys, repo):
    (repo / ".reslint.yaml").write_text("previous:\n  drafts/draft.txt: adopted/76_47.txt\n")
    code, found, err = check(capsys, str(repo / "drafts" / "draft.txt"))
    # RES003 is a cross-document rule: it ran, so the pair was made
    assert (code, rules(found), err) == (0, ["RES003"], "")


def test_in_file_line(capsys, repo):
    draft = repo / "drafts" / "draft.txt"
    draft.write_text("<!-- reslint: previous=../adopted/76_47.txt -->\n"
                     + draft.read_text(encoding="utf-8"), encoding="utf-8")
    code, found, _ = check(capsys, str(draft))
    assert (code, rules(found)) == (0, ["RES003"])
    assert found[0]["line"] == 14  # the seed's line 13, one line down


def test_config_map_comes_before_the_in_file_line(repo):
    draft = repo / "drafts" / "draft.txt"
    draft.write_text("<!-- reslint: previous=../adopted/nope.txt -->\n"
                     + draft.read_text(encoding="utf-8"), encoding="utf-8")
    config = Config(path=str(repo / ".reslint.yaml"),
                    previous={str(draft): str(repo / "adopted" / "76_47.txt")})
    doc, why = find_previous(str(draft), None, config)
    assert doc is not None and doc.heading.symbol == "A/RES/76/47"
    assert why.startswith("from the previous map of ")


def test_library_seeds(capsys, repo):
    (repo / ".reslint.yaml").write_text("library: adopted\n")
    (repo / "adopted" / "README.md").write_text("# Adopted texts\n\nNot a resolution.\n")
    code, found, err = check(capsys, str(repo / "drafts" / "draft.txt"))
    assert (code, rules(found), err) == (0, ["RES003"], "")


def _library(tmp_path: Path, names: list[str]) -> Path:
    lib = tmp_path / "library"
    lib.mkdir()
    for name in names:
        shutil.copy(CORPUS / name, lib / name)
    shutil.copy(SEED_76_47, lib / "76_47.txt")
    shutil.copy(SEED_78_32, lib / "78_32_seed.txt")
    return lib


@needs_corpus
@pytest.mark.parametrize(("draft", "expected"), [
    ("A_C.1_80_L.52.md", "A/RES/79/58"),  # CCM draft of the 80th session
    ("A_C.1_80_L.30.md", "A/RES/79/34"),  # APMBC draft of the 80th session
    ("A_RES_79_58.md", "A/RES/78/32"),  # a 79th-session text: not itself, not the 80th
])
def test_library_takes_same_title_greatest_earlier_session(tmp_path, draft, expected):
    lib = _library(tmp_path, ["A_RES_78_32.md", "A_RES_79_58.md", "A_RES_80_52.md",
                              "A_RES_78_45.md", "A_RES_79_34.md", "A_RES_80_35.md",
                              "A_RES_79_52.md", "A_C.1_80_L.52.md"])
    config = Config(path=str(tmp_path / ".reslint.yaml"), library=str(lib))
    doc, why = find_previous(str(CORPUS / draft), None, config)
    assert doc is not None and doc.heading.symbol == expected
    assert why.startswith("from the library ")


@needs_corpus
def test_library_through_the_cli(capsys, tmp_path):
    lib = _library(tmp_path, ["A_RES_78_32.md", "A_RES_79_58.md", "A_RES_79_34.md"])
    (tmp_path / ".git").mkdir()
    shutil.copy(CORPUS / "A_C.1_80_L.52.md", tmp_path / "L52.md")
    (tmp_path / ".reslint.yaml").write_text(f"library: {lib.name}\n")
    code, found, err = check(capsys, str(tmp_path / "L52.md"))
    # paired with 79/58: no RES001, and the draft (as adopted: 80/52) checks clean
    assert (code, err) == (0, "")
    assert "RES001" not in rules(found)
    assert {f["severity"] for f in found} <= {"info"}


def test_git_rev_path(capsys, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    shutil.copy(SEED_76_47, tmp_path / "previous.txt")
    git("add", "previous.txt")
    git("commit", "-q", "-m", "adopted")
    (tmp_path / "previous.txt").unlink()  # only git has it now
    shutil.copy(SEED_78_32, tmp_path / "draft.txt")
    code, found, err = check(capsys, str(tmp_path / "draft.txt"), "--previous",
                             "git:HEAD:previous.txt")
    assert (code, rules(found), err) == (0, ["RES003"], "")
    code, found, err = check(capsys, str(tmp_path / "draft.txt"), "--previous",
                             "git:HEAD:nope.txt")
    assert code == 2 and found == []
    assert err.startswith(f"reslint: {tmp_path / 'draft.txt'}: the previous resolution "
                          "git:HEAD:nope.txt cannot be read from git")
    assert err.count("\n") == 1


# --- nothing found, or a wrong name ----------------------------------------------------------

def test_nothing_found_is_one_warning(capsys, repo):
    code, found, err = check(capsys, str(repo / "drafts" / "draft.txt"))
    assert (code, err) == (1, "")
    assert [(f["rule"], f["severity"], f["line"]) for f in found] == [("RES001", "warning", 5)]
    assert found[0]["message"] == (
        "No previous resolution to compare with, so the cross-document rules were skipped: "
        "no --previous was given, no .reslint.yaml was found, the draft has no "
        "`<!-- reslint: previous=… -->` line, no library folder is configured and the draft "
        "cites A/RES/77/79, A/RES/76/47 and A/RES/75/62 (line 13), one of which may be its "
        "previous resolution but is in neither the library nor the download cache: give "
        "--fetch (or set fetch: true in .reslint.yaml) to download it and check against it")


def test_library_without_a_match_says_so(capsys, repo):
    (repo / "adopted" / "76_47.txt").unlink()
    shutil.copy(SEED_78_32, repo / "adopted" / "78_32.txt")  # the same session: not older
    (repo / ".reslint.yaml").write_text("library: adopted\n")
    code, found, _ = check(capsys, str(repo / "drafts" / "draft.txt"))
    assert (code, rules(found)) == (1, ["RES001"])
    assert (
        'has no adopted resolution titled "Implementation of the Convention on Cluster '
        'Munitions" of a session before the seventy-eighth and the draft cites A/RES/77/79'
    ) in found[0]["message"]


def test_missing_previous_in_map_is_exit_2(capsys, repo):
    (repo / ".reslint.yaml").write_text("previous:\n  drafts/draft.txt: adopted/79_58.txt\n")
    draft = repo / "drafts" / "draft.txt"
    code, found, err = check(capsys, str(draft))
    assert (code, found) == (2, [])
    assert err.startswith(f"reslint: {draft}: the previous resolution ")
    assert "79_58.txt (from the previous map of " in err
    assert err.endswith(") does not exist\n")


def test_missing_previous_in_file_is_exit_2(capsys, repo):
    draft = repo / "drafts" / "draft.txt"
    draft.write_text("<!-- reslint: previous=../adopted/79_58.txt -->\n"
                     + draft.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = check(capsys, str(draft))
    assert code == 2
    assert "79_58.txt (named on line 1 of the draft) does not exist" in err


def test_each_file_is_paired_on_its_own(capsys, repo):
    """Two drafts in one call: one names its previous resolution, the other does not."""
    named = repo / "drafts" / "named.txt"
    named.write_text("<!-- reslint: previous=../adopted/76_47.txt -->\n"
                     + SEED_78_32.read_text(encoding="utf-8"), encoding="utf-8")
    code, found, _ = check(capsys, str(named), str(repo / "drafts" / "draft.txt"))
    assert code == 1  # draft.txt could not be paired: a warning
    assert sorted((Path(f["path"]).name, f["rule"]) for f in found) == [
        ("draft.txt", "RES001"), ("named.txt", "RES003")]


def test_library_parses_each_file_once(tmp_path, monkeypatch):
    from reslint import pairing

    lib = tmp_path / "lib"
    lib.mkdir()
    shutil.copy(SEED_76_47, lib / "76_47.txt")
    config = Config(path=str(tmp_path / ".reslint.yaml"), library=str(lib))
    draft = parse_file(str(SEED_78_32))
    first, _ = find_previous(str(SEED_78_32), None, config, draft)
    calls = []
    monkeypatch.setattr("reslint.pairing.parse_file", lambda *a: calls.append(a))
    again, _ = pairing.find_previous(str(SEED_78_32), None, config, draft)
    assert again is first and calls == []


@needs_corpus
def test_every_corpus_draft_pairs_with_last_years_resolution():
    """The whole corpus as the library (with its README and the variants folder): each
    80th-session draft takes the 79th-session resolution of its own series."""
    config = Config(path=str(CORPUS / ".reslint.yaml"), library=str(CORPUS))
    expected = {"L.18": "79/38", "L.29": "79/75", "L.30": "79/34", "L.43": "79/77",
                "L.52": "79/58", "L.60": "79/78", "L.62": "79/56", "L.9": "79/52"}
    got = {}
    for path in sorted(CORPUS.glob("A_C.1_80_L.*.md")):
        doc, _ = find_previous(str(path), None, config)
        symbol = doc.heading.symbol if doc else None
        got[path.stem.rsplit("_", 1)[1]] = symbol and symbol.removeprefix("A/RES/")
    assert got == expected


def test_json_and_sarif_name_the_previous_and_how_it_was_found(capsys, repo):
    """Every finding in json names the previous its file was compared with; SARIF lists
    each draft's pairing in the run's properties."""
    draft = repo / "drafts" / "draft.txt"
    previous = repo / "adopted" / "76_47.txt"
    _, found, _ = check(capsys, str(draft), "--previous", str(previous))
    assert found and {json.dumps(f["previous"], sort_keys=True) for f in found} == {
        json.dumps({"path": str(previous), "how": f"given with --previous: {previous}"},
                   sort_keys=True)}
    capsys.readouterr()
    main(["check", str(draft), "--previous", str(previous), "--format", "sarif"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["properties"]["pairings"] == [
        {"file": str(draft), "previous": str(previous),
         "how": f"given with --previous: {previous}"}]


@paths.needs_ga
def test_a_draft_tabled_by_an_officer_pairs_by_its_title(tmp_path):
    """A/C.2/80/L.59 is tabled by the Vice-Chair ("Draft resolution submitted by the
    Vice-Chair of the Committee, Jenni Mikkola (Finland), on the basis of informal
    consultations on draft resolution A/C.2/80/L.3"): its title follows that line.  Unread,
    the draft was paired by its agenda sub-item alone, with 79/226, the quadrennial
    review of the same sub-item, while L.3, the draft it replaces, and pairs.tsv take
    78/166, the latest of its title, which it cites: an exact title wins over an agenda item."""
    lib = tmp_path / "adopted"
    lib.mkdir()
    for name in ("A_RES_78_166.md", "A_RES_79_226.md"):
        shutil.copy(paths.GA_TEXTS / name, lib / name)
    config = Config(path=str(tmp_path / ".reslint.yaml"), library=str(lib))
    for name in ("A_C.2_80_L.59.md", "A_C.2_80_L.3.md"):
        draft = parse_file(str(paths.GA_TEXTS / name))
        assert draft.heading.title == ("Operational activities for development of the United "
                                       "Nations system")
        found, how = find_previous(str(paths.GA_TEXTS / name), None, config, draft)
        assert found is not None and found.heading.symbol == "A/RES/78/166", how
        assert "the latest resolution titled \"Operational activities" in how


def test_library_texts_are_read_once_for_a_folder_of_drafts(tmp_path, monkeypatch):
    """Pairing many drafts against one library reads each library file once per process
    (pre-commit and `reslint check FOLDER` pair every draft), and parses only those that
    hold the draft's title, once."""
    from reslint import pairing

    lib = tmp_path / "lib"
    lib.mkdir()
    shutil.copy(SEED_76_47, lib / "76_47.txt")
    for n in range(5):  # other series, never parsed
        (lib / f"other_{n}.txt").write_text(f"A/RES/78/{n + 1}\nOther series {n}\n")
    draft = parse_file(str(SEED_78_32))
    opened: list[str] = []
    real_open = open

    def counting_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    parsed: list[str] = []
    real_parse = parse_file

    def counting_parse(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(str(path))
        return real_parse(path, *args, **kwargs)

    monkeypatch.setattr(pairing, "open", counting_open, raising=False)
    monkeypatch.setattr("reslint.pairing.parse_file", counting_parse)
    pairing._TEXTS.clear()
    pairing._LIBRARY.clear()
    for _ in range(3):  # three drafts of the folder
        found, _ = pairing.from_library(draft, str(lib))
        assert found is not None and found.heading.symbol == "A/RES/76/47"
    assert sorted(opened) == sorted(str(p) for p in lib.iterdir())
    assert parsed == [str(lib / "76_47.txt")]


def test_a_run_lists_the_library_afresh(repo):
    """A run lists and reads its library folder once for all its drafts (and workers);
    a check in the same process after it (an editor, a test) sees what was added since."""
    from reslint.lint import Linter

    drafts = repo / "drafts"
    shutil.copy(drafts / "draft.txt", drafts / "second.txt")
    (repo / ".reslint.yaml").write_text("library: library\n")
    (repo / "library").mkdir()
    first = list(Linter().report_paths([str(drafts)], jobs=1))
    assert [r.previous for r in first] == [None, None]
    shutil.copy(SEED_76_47, repo / "library" / "76_47.txt")
    alone = Linter().check_file(str(drafts / "draft.txt"))
    assert alone.previous is not None and alone.previous.heading.symbol == "A/RES/76/47"
    again = list(Linter().report_paths([str(drafts)], jobs=1))
    assert [Path(r.previous or "").name for r in again] == ["76_47.txt", "76_47.txt"]
    assert all(r.previous_reason.startswith("from the library ") for r in again)


@needs_corpus
def test_library_keeps_only_the_last_documents_read(tmp_path, monkeypatch):
    """A batch audit reads hundreds of library files: their headings are kept, their whole
    Documents only for the last few (a previous no longer kept is read again, the same)."""
    from reslint import pairing

    lib = _library(tmp_path, ["A_RES_78_32.md", "A_RES_79_58.md", "A_RES_78_45.md",
                              "A_RES_79_34.md"])
    monkeypatch.setattr(pairing, "KEPT_DOCUMENTS", 1)
    monkeypatch.setattr(pairing, "_DOCUMENTS", {})
    pairing._LIBRARY.clear()
    config = Config(path=str(tmp_path / ".reslint.yaml"), library=str(lib))
    for draft, expected in [("A_C.1_80_L.52.md", "A/RES/79/58"),
                            ("A_C.1_80_L.30.md", "A/RES/79/34"),
                            ("A_C.1_80_L.52.md", "A/RES/79/58")]:
        doc, _ = find_previous(str(CORPUS / draft), None, config)
        assert doc is not None and doc.heading.symbol == expected
        assert len(pairing._DOCUMENTS) == 1
