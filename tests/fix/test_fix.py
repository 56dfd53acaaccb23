"""`reslint check --fix` / `--diff` on real texts: a slip that has a fix, fixed, gives the
original bytes back exactly; a clean text is left byte for byte as it was.  A fix is safe
only where the replacement is certain and local (a date or ordinal from the adopted text);
list insertions, noun changes, punctuation and renumbering need `--unsafe-fixes`.

Slips are exact (old, new) replacements in a copy of a seed (tests/fixtures) or of a
corpus file (../shared/corpus, skipped when absent); each must occur exactly once.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from reslint.cli import main
from reslint.fix.plan import choose
from reslint.model import Edit, Fix
from reslint.text.edits import apply_edits
from tests import paths

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
CORPUS = paths.CORPUS
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"
R78, R79, R80 = (CORPUS / f"A_RES_{s}.md" for s in ("78_32", "79_58", "80_52"))


def slip(data: bytes, *edits: tuple[str, str]) -> bytes:
    text = data.decode("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text.encode("utf-8")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def findings(capsys, path: Path, previous: Path | None, *extra: str) -> tuple[int, list[dict]]:
    argv = [str(path), "--format", "json", *extra]
    if previous is not None:
        argv += ["--previous", str(previous)]
    else:  # checked alone on purpose: RES001 (no previous) is not what these tests are about
        argv += ["--ignore", "RES001"]
    code, out, err = run(capsys, *argv)
    assert code in (0, 1), err
    return code, json.loads(out)


UNSAFE = {"recalled-insert-middle", "resolution-noun", "operative-numbering", "footnotes-sup",
          "footnotes-unicode", "preamble-comma", "operative-semicolon-and-stop",
          "recalled-insert-last-pdf"}
SLIPS = [
    # (id, file, previous, slips, the codes that must fire before fixing)
    ("recalled-insert-middle", SEED_78_32, SEED_76_47,
     [("[75/62](#) of 7 December 2020, [76/47](#) of 6 December 2021 and",
       "[75/62](#) of 7 December 2020 and")], {"RES101"}),
    ("resolution-noun", SEED_78_32, None,
     [("Recalling its resolutions [63/71]", "Recalling its resolution [63/71]")], {"RES108"}),
    ("next-session", SEED_78_32, SEED_76_47,
     [("agenda of its seventy-ninth session", "agenda of its seventy-eighth session")],
     {"RES304"}),
    ("operative-numbering", SEED_76_47, None,
     [("\n5. *Invites*", "\n6. *Invites*"), ("\n6. *Reiterates* the", "\n7. *Reiterates* the"),
      ("\n7. *Reiterates its", "\n8. *Reiterates its"), ("\n8. *Invites and", "\n9. *Invites and"),
      ("\n9. *Requests*", "\n10. *Requests*"), ("\n10. *Calls", "\n11. *Calls"),
      ("\n11. *Decides*", "\n12. *Decides*")], {"RES603"}),
    ("footnotes-sup", SEED_76_47, None,
     [("Disabilities,<sup>1</sup>", "Disabilities,<sup>2</sup>"),
      ("Munitions<sup>2</sup>", "Munitions<sup>1</sup>"),
      ("<sup>1</sup> United", "<sup>2</sup> United"), ("<sup>2</sup> *Ibid", "<sup>1</sup> *Ibid")],
     {"RES503"}),
    ("footnotes-unicode", SEED_78_32, None,
     [("Munitions² or", "Munitions³ or"), ("2021–2026³ to", "2021–2026² to"),
      ("² *Ibid.*", "³ *Ibid.*"), ("³ [CCM/CONF", "² [CCM/CONF")], {"RES503"}),
    ("preamble-comma", SEED_76_47, None,
     [("when they are abandoned,", "when they are abandoned;")], {"RES602"}),
    ("operative-semicolon-and-stop", SEED_78_32, None,
     [("other means;", "other means."), ("Cluster Munitions”.", "Cluster Munitions”;")],
     {"RES604", "RES605"}),
]
CORPUS_SLIPS = [
    ("recalled-insert-last-pdf", R80, R79,
     [("7 December 2022, 78/32 \nof 4 December 2023 and 79/58 of 2 December 2024 on",
       "7 December 2022 and 78/32 \nof 4 December 2023 on")], {"RES101"}),
    ("heading-ordinal-pdf", R79, R78, [("Seventy-ninth session", "Seventy-eighth session")],
     {"RES002", "RES301"}),
]
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def _roundtrip(capsys, tmp_path, src, previous, edits, codes, crlf_bom=False, unsafe=False):
    original = src.read_bytes()
    if crlf_bom:
        original = b"\xef\xbb\xbf" + original.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    draft = tmp_path / src.name
    draft.write_bytes(slip(original, *[(o.replace("\n", "\r\n") if crlf_bom else o,
                                        n.replace("\n", "\r\n") if crlf_bom else n)
                                       for o, n in edits]))
    _, before = findings(capsys, draft, previous)
    assert codes <= {f["rule"] for f in before}, [(f["rule"], f["message"]) for f in before]
    slipped = draft.read_bytes()
    if unsafe:  # --fix alone leaves an unsafe fix to the user
        findings(capsys, draft, previous, "--fix")
        assert draft.read_bytes() == slipped
    code, after = findings(capsys, draft, previous, "--fix",
                           *(["--unsafe-fixes"] if unsafe else []))
    assert draft.read_bytes() == original
    assert not {f["rule"] for f in after} & codes
    assert code == 0


@pytest.mark.parametrize(("name", "src", "previous", "edits", "codes"), SLIPS,
                         ids=[s[0] for s in SLIPS])
def test_fix_restores_original_bytes(capsys, tmp_path, name, src, previous, edits, codes):
    _roundtrip(capsys, tmp_path, src, previous, edits, codes, unsafe=name in UNSAFE)


@pytest.mark.parametrize(("name", "src", "previous", "edits", "codes"), SLIPS[:1] + SLIPS[3:5],
                         ids=[s[0] for s in SLIPS[:1] + SLIPS[3:5]])
def test_fix_keeps_crlf_and_bom(capsys, tmp_path, name, src, previous, edits, codes):
    _roundtrip(capsys, tmp_path, src, previous, edits, codes, crlf_bom=True,
               unsafe=name in UNSAFE)


@needs_corpus
@pytest.mark.parametrize(("name", "src", "previous", "edits", "codes"), CORPUS_SLIPS,
                         ids=[s[0] for s in CORPUS_SLIPS])
def test_fix_restores_corpus_bytes(capsys, tmp_path, name, src, previous, edits, codes):
    _roundtrip(capsys, tmp_path, src, previous, edits, codes, unsafe=name in UNSAFE)


def test_inserted_recall_reads_right(capsys, tmp_path):
    """The worked example of the issue: "…, 77/79 of 7 December 2022 and 78/32 of 4
    December 2023", written as the file writes its symbols (Markdown links here)."""
    draft = tmp_path / "draft.md"
    draft.write_bytes(slip(SEED_78_32.read_bytes(),
                           ("Seventy-eighth session", "Seventy-ninth session"),
                           ("78/32. Implementation", "79/58. Implementation"),
                           ("agenda of its seventy-ninth session",
                            "agenda of its eightieth session"),
                           ("on 4 December 2023", "on 2 December 2024"),
                           ("(A/78/409, para. 89)", "(A/79/408, para. 89)")))
    findings(capsys, draft, SEED_78_32, "--fix", "--unsafe-fixes")
    text = draft.read_text(encoding="utf-8")
    assert ("[76/47](#) of 6 December 2021, [77/79](#) of 7 December 2022 and "
            "[78/32](#) of 4 December 2023 on the implementation") in text


def test_second_fix_changes_nothing(capsys, tmp_path):
    draft = tmp_path / SEED_76_47.name
    draft.write_bytes(slip(SEED_76_47.read_bytes(), ("abandoned,", "abandoned;")))
    findings(capsys, draft, None, "--fix", "--unsafe-fixes")
    once = draft.read_bytes()
    findings(capsys, draft, None, "--fix", "--unsafe-fixes")
    assert draft.read_bytes() == once == SEED_76_47.read_bytes()


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")


@needs_corpus
@pytest.mark.parametrize("src", _corpus_files(), ids=lambda p: p.name)
def test_fix_is_idempotent_on_corpus(capsys, tmp_path, src):
    """A real text has nothing to fix: --fix (safe and unsafe) leaves every byte."""
    draft = tmp_path / src.name
    draft.write_bytes(src.read_bytes())
    run(capsys, str(draft), "--fix", "--unsafe-fixes")
    assert draft.read_bytes() == src.read_bytes()


def test_diff_is_exact_and_writes_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = slip(SEED_76_47.read_bytes(), ("when they are abandoned,", "when they are abandoned;"))
    Path("draft.md").write_bytes(data)
    code, out, err = run(capsys, "draft.md", "--diff", "--unsafe-fixes")
    assert Path("draft.md").read_bytes() == data
    line = next(i for i, t in enumerate(data.decode().splitlines(), 1) if "abandoned;" in t)
    old = data.decode().splitlines()[line - 1]
    lines = data.decode().splitlines()
    context = lines[line - 4 : line - 1], lines[line : line + 3]
    assert out == "".join([
        "--- a/draft.md\n", "+++ b/draft.md\n",
        f"@@ -{line - 3},7 +{line - 3},7 @@\n",
        *(f" {t}\n" for t in context[0]), f"-{old}\n",
        f"+{old.replace('abandoned;', 'abandoned,')}\n", *(f" {t}\n" for t in context[1]),
    ])
    assert code == 1  # as without --diff: the slip is still there
    assert "RES602" in err


@needs_corpus
def test_unsafe_fix_only_with_unsafe_fixes(capsys, tmp_path):
    data = slip(R79.read_bytes(), ("a total of 124 States", "a total of 125 States"))
    draft = tmp_path / R79.name
    draft.write_bytes(data)
    code, after = findings(capsys, draft, R78, "--fix")
    assert draft.read_bytes() == data
    assert "RES201" in {f["rule"] for f in after} and code == 1
    code, after = findings(capsys, draft, R78, "--fix", "--unsafe-fixes")
    assert draft.read_bytes() == R79.read_bytes()
    assert code == 0


def test_overlapping_fixes_wait_for_the_next_pass(capsys, tmp_path):
    """Paragraphs 3 and 4 swapped: the renumberings from each overlap; one pass takes the
    first, the check after it finds nothing left."""
    draft = tmp_path / SEED_76_47.name
    draft.write_bytes(slip(SEED_76_47.read_bytes(), ("\n3. *Expresses", "\n4. *Expresses"),
                           ("\n4. *Urges*", "\n3. *Urges*")))
    code, after = findings(capsys, draft, None, "--fix", "--unsafe-fixes")
    numbers = re.findall(r"^(\d+)\. \*", draft.read_text(encoding="utf-8"), re.M)
    assert numbers == [str(i) for i in range(1, 12)]
    assert code == 0 and "RES603" not in {f["rule"] for f in after}


def test_choose_skips_overlaps_and_keeps_shared_edits():
    a = Fix([Edit(0, 3, "abc")])
    same = Fix([Edit(0, 3, "abc")])
    clash = Fix([Edit(2, 5, "x")])
    apart = Fix([Edit(5, 5, "!")])
    taken, edits = choose([a, same, clash, apart])
    assert taken == [a, same, apart]
    assert apply_edits("012345", edits) == "abc34!5"


def test_read_only_file_is_not_fixed(capsys, tmp_path):
    draft = tmp_path / SEED_76_47.name
    data = slip(SEED_76_47.read_bytes(), ("abandoned,", "abandoned;"))
    draft.write_bytes(data)
    os.chmod(draft, stat.S_IRUSR | stat.S_IRGRP)
    code, out, err = run(capsys, str(draft), "--fix", "--unsafe-fixes")
    assert draft.read_bytes() == data
    assert err == f"{draft}: not fixed: the file is read-only\n"
    assert code == 1 and "RES602" in out


def test_unparseable_file_is_not_fixed(capsys, tmp_path):
    draft = tmp_path / SEED_76_47.name
    data = slip(SEED_76_47.read_bytes(), ("abandoned,", "abandoned;"),
                ("*The General Assembly,*", "*The Assembly,*"))
    draft.write_bytes(data)
    code, _, err = run(capsys, str(draft), "--fix", "--unsafe-fixes")
    assert draft.read_bytes() == data
    assert err.startswith(f"{draft}: not fixed: did not parse cleanly (")
    assert code == 1


def test_fixed_file_keeps_its_mode(capsys, tmp_path):
    draft = tmp_path / SEED_76_47.name
    draft.write_bytes(slip(SEED_76_47.read_bytes(), ("abandoned,", "abandoned;")))
    os.chmod(draft, 0o640)
    code, out, _ = run(capsys, str(draft), "--fix", "--unsafe-fixes", "--ignore", "RES001")
    assert draft.read_bytes() == SEED_76_47.read_bytes()
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert "Fixed 1 finding." in out and code == 0
    assert [p.name for p in tmp_path.iterdir()] == [draft.name]  # no temporary file left
