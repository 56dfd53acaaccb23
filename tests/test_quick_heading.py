"""The one quick heading reader (reslint.library.quick_heading): the library indexes adopted
resolutions with it and reslint.documents finds a file by its symbol with it.  It reads the
first characters of a text with patterns, no parse, so it is held against the parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from reslint import documents, library
from reslint.library import Adopted, QuickHeading, quick_heading, quick_heading_of
from tests.acceptance import ga_cache
from tests.paths import needs_ga

ADOPTED = """United Nations A/RES/79/58 B

**General Assembly** Distr.: General

Seventy-ninth session

Resolution adopted by the General Assembly on 2 December 2024

[on the report of the First Committee (A/79/408, para. 73)]

**79/58 B. Example of a title**

*The General Assembly,*

*Recalling* its resolution A/RES/78/45 of 4 December 2023,
"""


def test_an_adopted_resolution() -> None:
    assert quick_heading(ADOPTED) == QuickHeading("A/RES/79/58B", "79/58 B", "2024-12-02",
                                                  "Example of a title")
    assert library.from_text(ADOPTED, "x.md") == Adopted("79/58 B", "2024-12-02",
                                                          "Example of a title", "x.md")


def test_a_draft_has_a_symbol_and_no_adoption() -> None:
    text = "United Nations A/C.3/80/L.50/Rev.1\n\nEightieth session\n\nThe General Assembly,\n"
    assert quick_heading(text) == QuickHeading("A/C.3/80/L.50/REV.1", "", "", "")
    assert library.from_text(text, "x.md") is None


def test_only_the_stamp_before_the_formula_counts() -> None:
    """A text without its stamp is not indexed under a resolution it recalls."""
    text = ADOPTED.replace("United Nations A/RES/79/58 B", "United Nations")
    assert quick_heading(text).symbol == ""
    assert library.from_text(text, "x.md") is None


def test_a_letter_is_a_part_only_as_a_word() -> None:
    text = ADOPTED.replace("A/RES/79/58 B\n\n**General", "A/RES/79/58 General").replace(
        "79/58 B.", "79/58.")
    heading = quick_heading(text)
    assert (heading.symbol, heading.resolution, heading.title) == (
        "A/RES/79/58", "79/58", "Example of a title")


def test_the_library_and_the_documents_lookup_read_a_file_once(tmp_path: Path) -> None:
    path = tmp_path / "whatever-name.md"
    path.write_text(ADOPTED, encoding="utf-8")
    assert documents.heading_symbol(str(path), 10**6) == "A/RES/79/58B"
    assert library.from_file(str(path)) == Adopted("79/58 B", "2024-12-02",
                                                    "Example of a title", str(path))
    assert quick_heading_of(str(path)) is quick_heading_of(str(path))
    assert quick_heading_of(str(tmp_path / "absent.md")) is None
    assert documents.heading_symbol(str(tmp_path / "absent.md"), 10**6) is None


@needs_ga
@pytest.mark.parametrize("kind", ["symbol", "adopted", "title"])
def test_the_quick_heading_agrees_with_the_parser_on_every_real_pair(kind: str) -> None:
    """Symbol and adoption date as the parser reads them, on every text of the real pairs
    (parsed once per process, shared with the acceptance tests).  The title is the
    title's first line: a title wrapped over lines is cut (256 of the 651 real texts)."""
    texts = sorted({p for pair in ga_cache.all_pairs() for p in pair})
    wrong = []
    for path in texts:
        parsed = ga_cache.doc(path).heading
        quick = quick_heading_of(str(path))
        assert quick is not None
        if kind == "symbol" and quick.symbol != "".join((parsed.symbol or "").split()).upper():
            wrong.append(f"{path.name}: {quick.symbol!r} != {parsed.symbol!r}")
        if kind == "adopted" and quick.resolution and quick.adopted != parsed.adopted:
            wrong.append(f"{path.name}: {quick.adopted!r} != {parsed.adopted!r}")
        title = " ".join((parsed.title or "").split())
        if kind == "title" and quick.adopted and not title.startswith(" ".join(
                quick.title.split())):
            wrong.append(f"{path.name}: {quick.title!r} is not the start of {title!r}")
    assert len(texts) > 400
    assert wrong == []


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "adopted.md"
    path.write_text(ADOPTED, encoding="utf-8")
    assert library.from_file(str(path)).title == "Example of a title"  # type: ignore[union-attr]
    path.write_text(ADOPTED.replace("Example of a title", "Another title, longer"),
                    encoding="utf-8")
    assert library.from_file(str(path)).title == "Another title, longer"  # type: ignore[union-attr]
