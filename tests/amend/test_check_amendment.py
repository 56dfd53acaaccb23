"""`reslint check AMENDMENT --amends DRAFT` (issue 15): the real amendments of ../shared/ga
are clean against their drafts, and one deliberate slip in a real amendment makes one
rule fire, at the instruction's line, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from amend_fixtures import TEXTS, ga, pairs, parsed, run_cli, word_markdown  # noqa: F401

from reslint.lint import Linter
from reslint.parse import parse_file

pytestmark = pytest.mark.usefixtures("ga")


def findings(path: Path, draft: Path | None = None) -> list[tuple[str, int]]:
    result = Linter().check_file(str(path), amends=str(draft) if draft else None)
    return [(f.rule, f.span.line) for f in result.findings]


def slipped(tmp_path: Path, name: str, old: str, new: str, count: int = 1) -> Path:
    text = (TEXTS / name).read_text(encoding="utf-8")
    assert text.count(old) == count, old
    out = tmp_path / name
    out.write_text(text.replace(old, new), encoding="utf-8")
    return out


@pytest.mark.parametrize(("amendment", "draft"), pairs())
def test_real_amendments_are_clean_against_their_drafts(amendment: str, draft: str) -> None:
    assert findings(TEXTS / amendment, TEXTS / draft) == []


@pytest.mark.parametrize(("amendment", "draft"), pairs()[:2])
def test_the_draft_is_found_by_the_symbol_the_amendment_names(amendment: str,
                                                              draft: str) -> None:
    result = Linter().check_file(str(TEXTS / amendment))
    assert result.previous is not None and Path(result.previous.path).name == draft
    assert result.findings == []


def test_cli_exit_codes(tmp_path: Path) -> None:
    done = run_cli("check", str(TEXTS / "A_80_L.30.md"), "--amends", str(TEXTS / "A_80_L.25.md"))
    assert done.returncode == 0, done.stdout + done.stderr
    bad = slipped(tmp_path, "A_80_L.30.md", "Delete the twentieth", "Delete the forty-ninth")
    done = run_cli("check", str(bad), "--amends", str(TEXTS / "A_80_L.25.md"),
                   "--format", "concise")
    assert done.returncode == 1
    assert f"{bad}:41:1: AMD101 [error] instruction 4 names the forty-ninth preambular " \
           "paragraph, but the draft has 47 preambular paragraphs" in done.stdout
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "A_80_L.31.md").write_text((TEXTS / "A_80_L.31.md").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    done = run_cli("check", str(alone / "A_80_L.31.md"), "--format", "concise",
                   "--fail-on", "info")
    assert done.returncode == 1
    assert ":24:1: AMD001 [info] The draft amended was not found" in done.stdout


def test_paragraph_missing_ordinal(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.30.md", "Delete the twentieth", "Delete the forty-ninth")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD101", 41)]


def test_paragraph_missing_number(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.36.md", "After operative paragraph 89",
                  "After operative paragraph 98")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD101", 35)]


def test_quote_missing_one_word(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.30.md", "of considering the impact of climate",
                  "of considering the effect of climate")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD102", 50)]


def test_quote_in_another_paragraph_says_where(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.30.md", "In operative paragraph 39",
                  "In operative paragraph 38")
    result = Linter().check_file(str(bad), amends=str(TEXTS / "A_80_L.25.md"))
    assert [(f.rule, f.span.line) for f in result.findings] == [("AMD102", 59)]
    assert result.findings[0].message.endswith(
        "are not in operative paragraph 38, but in operative paragraph 39")


def test_anchor_missing(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.31.md", "including sexual and reproductive health",
                  "including sexual and reproductive rights")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD102", 32)]


def test_reading_differs(tmp_path: Path) -> None:
    text = (TEXTS / "A_80_L.30.md").read_text(encoding="utf-8")
    draft_pp16 = _paragraph(TEXTS / "A_80_L.25.md", "PP16")
    assert draft_pp16.startswith("Welcoming the Paris Agreement and its early entry into force")
    good = tmp_path / "good.md"
    good.write_text(text.replace("Delete the sixteenth preambular paragraph.",
                                 f"Delete the sixteenth preambular paragraph reading: "
                                 f"“{draft_pp16}”."), encoding="utf-8")
    assert findings(good, TEXTS / "A_80_L.25.md") == []
    bad = tmp_path / "bad.md"
    bad.write_text(good.read_text(encoding="utf-8").replace(
        "reading: “Welcoming the Paris Agreement and its early",
        "reading: “Welcoming the Paris Agreement and its rapid"), encoding="utf-8")
    result = Linter().check_file(str(bad), amends=str(TEXTS / "A_80_L.25.md"))
    assert [(f.rule, f.span.line) for f in result.findings] == [("AMD103", 39)]
    assert result.findings[0].message == (
        "instruction 3: in the draft, the sixteenth preambular paragraph reads “…Paris "
        "Agreement and its early entry into force,…” where the amendment reads “…Paris "
        "Agreement and its rapid entry into force,…”")


def _paragraph(path: Path, label: str) -> str:
    from reslint.parse import parse_file

    doc = parse_file(str(path))
    return next(p.text for p in doc.paragraphs() if p.label == label)


def test_replace_everywhere_absent(tmp_path: Path) -> None:
    # the later instructions that quote "Chornobyl" fail with it: reported once, here
    bad = slipped(tmp_path, "A_80_L.28.md", "Replace “Chernobyl” with", "Replace “Chernobil” with")
    assert findings(bad, TEXTS / "A_80_L.3.md") == [("AMD104", 32)]


def test_instructions_overlap(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.30.md", "Delete operative paragraph 22.",
                  "Delete operative paragraph 24.")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD105", 53), ("AMD105", 55)]


def test_instructions_out_of_order(tmp_path: Path) -> None:
    text = (TEXTS / "A_80_L.30.md").read_text(encoding="utf-8")
    nine = ("9. \nIn operative paragraph 24, delete “those driven by natural climate cycles and \n"
            "those exacerbated by the adverse effects of climate change,”. \n")
    ten = "10. In operative paragraph 33, delete “climate adaptation and mitigation,”. \n"
    assert nine + ten in text
    bad = tmp_path / "A_80_L.30.md"
    bad.write_text(text.replace(nine + ten, ten + nine), encoding="utf-8")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD106", 56)]


def test_draft_symbol_differs(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_C.3_80_L.56.md", "draft resolution A/C.3/80/L.2",
                  "draft resolution A/C.3/80/L.3")
    assert findings(bad, TEXTS / "A_C.3_80_L.2.md") == [("AMD002", 25)]


def test_draft_title_differs(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.32.md", "Strengthening of the coordination of emergency "
                  "humanitarian \nassistance", "Strengthening of the coordination of "
                  "humanitarian \nassistance")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD003", 28)]


def test_new_paragraph_punctuation(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.33.md", "support services;", "support services.")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD201", 33)]


def test_instruction_unreadable(tmp_path: Path) -> None:
    bad = slipped(tmp_path, "A_80_L.32.md", "” with “emergency”", "” wiht “emergency”")
    assert findings(bad, TEXTS / "A_80_L.25.md") == [("AMD100", 33)]


# --- AMD202: italics only where both texts show them ------------------------------------------

def _italic_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The real draft A/80/L.3 as the Markdown renderer writes it (leads in italics), and
    the real amendment A/80/L.28 as typed in Word (leads in italics, no page furniture)."""
    from reslint.render.markdown import render_markdown

    draft = tmp_path / "A_80_L.3.md"
    draft.write_text(render_markdown(parsed("A_80_L.3.md")), encoding="utf-8")
    amendment = tmp_path / "A_80_L.28.md"
    amendment.write_text(word_markdown((TEXTS / "A_80_L.28.md").read_text(encoding="utf-8")),
                         encoding="utf-8")
    return draft, amendment


def test_new_paragraph_lead_in_roman(tmp_path: Path) -> None:
    draft, amendment = _italic_pair(tmp_path)
    assert findings(amendment, draft) == []
    text = amendment.read_text(encoding="utf-8")
    assert text.count("*Stresses* the importance") == 1
    amendment.write_text(text.replace("*Stresses* the importance", "Stresses the importance"),
                         encoding="utf-8")
    line = next(n for n, ln in enumerate(text.splitlines(), 1)
                if "After operative paragraph 4, insert two" in ln)
    result = Linter().check_file(str(amendment), amends=str(draft))
    assert [(f.rule, f.span.line) for f in result.findings] == [("AMD202", line)]
    assert result.findings[0].message == ("The lead words “Stresses” of the new paragraph of "
                                          "instruction 5 are not in italics, as the draft's are")


def test_pdf_text_cannot_tell_italics_and_stays_silent(tmp_path: Path) -> None:
    """PDF-extracted text has no italics: the lead's style is unknown (null), not roman,
    so an amendment read from it is not blamed against a draft that shows its italics."""
    from reslint.amend.facts import amendment_facts

    draft, _ = _italic_pair(tmp_path)
    pdf_text = parsed("A_80_L.28.md")
    facts = amendment_facts(pdf_text, parse_file(str(draft)), "")
    assert facts["amended"]["italic_leads"] is True
    assert [p["lead_italic"] for p in facts["new_paragraphs"]] == [None, None, None, None]
    assert findings(TEXTS / "A_80_L.28.md", draft) == []
    # and a draft read from PDF text cannot tell either: null, not false
    assert amendment_facts(pdf_text, parsed("A_80_L.3.md"), "")[
        "amended"]["italic_leads"] is None
