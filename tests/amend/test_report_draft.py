"""A draft named only by the report that recommends it (issue 15): "amendment to draft
resolution II recommended by the Third Committee in its report A/80/555".  The report is
found by its symbol (beside the amendment, in the library) or given with --amends, and the
draft is the text under its heading "Draft resolution II"; without the report, one line
says what to give.

The corpus holds no committee report: the report here is made of two real drafts under
the headings a report gives them (A/C.3/80/L.10 as draft resolution I, A/C.3/80/L.2 as
draft resolution II), and the amendment is the real A/C.3/80/L.56 tabled in plenary to
draft resolution II instead of A/C.3/80/L.2."""

from __future__ import annotations

from pathlib import Path

import pytest
from amend_fixtures import TEXTS, ga, parsed, run_cli  # noqa: F401 (ga: fixture)

from reslint.amend.apply import amend
from reslint.lint import Linter

pytestmark = pytest.mark.usefixtures("ga")

HEAD = ("United Nations \nA/80/555\n \n \nGeneral Assembly \nDistr.: General \n"
        "1 December 2025 \nOriginal: English \n \n \nEightieth session \nAgenda item 66 \n"
        "Elimination of racism, racial discrimination, xenophobia and related intolerance \n"
        " \n \nReport of the Third Committee \n \n \nIII. Recommendations of the Third "
        "Committee \n \nThe Third Committee recommends to the General Assembly the adoption "
        "of the following draft resolutions: \n \n \n")


def _after_sponsors(text: str) -> str:
    """A draft's text after its "…: draft resolution" line: what a report reproduces."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.rstrip().endswith("draft resolution"))
    return "\n".join(lines[at + 1:])


def _report(folder: Path, drafts: tuple[str, ...] = ("A_C.3_80_L.10.md", "A_C.3_80_L.2.md")
            ) -> Path:
    parts = [f"Draft resolution {'I' * (n + 1)} \n"
             + _after_sponsors((TEXTS / name).read_text(encoding="utf-8"))
             for n, name in enumerate(drafts)]
    report = folder / "A_80_555.md"
    report.write_text(HEAD + "\n \n".join(parts), encoding="utf-8")
    return report


def _amendment(folder: Path, old: str = "", new: str = "") -> Path:
    text = (TEXTS / "A_C.3_80_L.56.md").read_text(encoding="utf-8")
    text = text.replace("A/C.3/80/L.56", "A/80/L.77")  # its own symbol, in plenary
    for a, b in (("draft resolution A/C.3/80/L.2", "draft resolution II recommended by the "
                  "Third Committee in \nits report A/80/555"), (old, new)):
        if a:
            assert text.count(a) == 1, a
            text = text.replace(a, b)
    path = folder / "A_80_L.77.md"
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, words: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if words in line)


def test_the_amendment_names_its_draft_by_the_report() -> None:
    from reslint.parse import parse_source
    from reslint.text.source import SourceText

    text = (TEXTS / "A_C.3_80_L.56.md").read_text(encoding="utf-8").replace(
        "draft resolution A/C.3/80/L.2", "draft resolution II recommended by the Third "
        "Committee in \nits report A/80/555")
    a = parse_source(SourceText("a.md", text)).amendment
    assert (a.draft_symbol, a.report, a.draft_number) == (None, "A/80/555", "II")


def test_check_finds_the_draft_in_the_report_beside_it(tmp_path: Path) -> None:
    report = _report(tmp_path)
    result = Linter().check_file(str(_amendment(tmp_path)))
    assert result.findings == []
    draft = result.previous
    assert draft is not None and draft.path == str(report)
    assert draft.heading.title == parsed("A_C.3_80_L.2.md").heading.title
    assert len(draft.operative) == len(parsed("A_C.3_80_L.2.md").operative) == 74
    # a slip is found against that draft, at the instruction's line
    bad = _amendment(tmp_path, "After operative paragraph 3,", "After operative paragraph 93,")
    result = Linter().check_file(str(bad))
    assert [(f.rule, f.span.line) for f in result.findings] == [("AMD101", _line(bad, "93"))]
    # the draft's lines are the report's: its first operative paragraph stands where the
    # report has it
    first = draft.operative[0]
    lines = report.read_text(encoding="utf-8").split("\n")
    assert lines[first.span.line - 1].startswith(first.text[:40])
    assert first.span.line > 500


def test_amend_writes_the_draft_as_amended_from_the_report(tmp_path: Path) -> None:
    """The bytes written: the report's draft resolution II, amended as the real
    A/C.3/80/L.2 is amended by A/C.3/80/L.56."""
    report = _report(tmp_path)
    amendment = _amendment(tmp_path)
    out = tmp_path / "out.md"
    done = run_cli("amend", str(amendment), "-o", str(out))
    assert done.returncode == 0 and done.stderr == "", done.stderr
    same = amend(parsed("A_C.3_80_L.2.md"), [parsed("A_C.3_80_L.56.md")]).text
    assert out.read_bytes() == ("Draft resolution II \n" + _after_sponsors(same)).encode()
    # given with --amends: the same draft
    out2 = tmp_path / "out2.md"
    done = run_cli("amend", str(amendment), "--amends", str(report), "-o", str(out2))
    assert done.returncode == 0, done.stderr
    assert out2.read_bytes() == out.read_bytes()
    assert Linter().check_file(str(amendment), amends=str(report)).findings == []


def test_without_the_report_one_line_says_what_to_give(tmp_path: Path) -> None:
    amendment = _amendment(tmp_path)
    result = Linter().check_file(str(amendment))
    assert [(f.rule, f.span.line) for f in result.findings] == [
        ("AMD001", _line(amendment, "Albania, Australia, Japan"))]  # the sponsors' line
    assert result.findings[0].message == (
        "The draft amended was not found, so the instructions were not checked against it: "
        f"it names draft II of the report A/80/555, and no file A_80_555.md (or .txt, .docx, "
        f".pdf) is in {tmp_path}: give the draft (or the report) with --amends")
    done = run_cli("amend", str(amendment))
    assert done.returncode == 2
    assert done.stderr == (
        f"reslint: {amendment}: the draft amended was not found: it names draft II of the "
        f"report A/80/555, and no file A_80_555.md (or .txt, .docx, .pdf) is in {tmp_path}: "
        "give the draft (or the report) with --amends\n")


def test_a_report_without_that_draft(tmp_path: Path) -> None:
    report = _report(tmp_path, ("A_C.3_80_L.10.md",))
    result = Linter().check_file(str(_amendment(tmp_path)))
    assert [f.rule for f in result.findings] == ["AMD001"]
    assert result.findings[0].message.endswith(f"{report.name} has no draft resolution II")
