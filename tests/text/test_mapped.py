"""MappedText: every clean character remembers its offset in the original file."""

from __future__ import annotations

import re

from reslint.text.inline import RawMarker, clean_block, tidy
from reslint.text.mapped import MappedText
from reslint.text.source import SourceText


def test_original_slice_maps_to_its_offsets():
    t = MappedText.original("abc", 10)
    assert list(t.offsets) == [10, 11, 12]
    assert t.orig_span(1, 3) == (11, 13)
    assert t.orig_span(2, 2) == (12, 12)  # an empty span stays empty


def test_join_slice_strip_keep_the_map():
    a = MappedText.original("  one", 0)
    b = MappedText.synthetic(" ", 5)
    c = MappedText.original("two  ", 20)
    j = MappedText.join([a, b, c]).strip()
    assert j.text == "one two"
    assert list(j.offsets) == [2, 3, 4, 5, 20, 21, 22]
    assert j[4:].orig_span(0, 3) == (20, 23)


def test_replace_matches_and_delete():
    t = MappedText.original("a **b** c", 100)
    r = t.replace_matches(re.compile(r"\*+"), lambda m: "")
    assert r.text == "a b c"
    assert r.orig_span(2, 3) == (104, 105)
    kept = t.replace_matches(re.compile(r"b"), lambda m: None)
    assert kept is t
    d = MappedText.original("Disabilities,1 to", 0).delete([(13, 14)])
    assert d.text == "Disabilities, to" and d.orig_span(14, 16) == (15, 17)


def test_replace_with_string_maps_to_match_start():
    t = MappedText.original("x--y", 7)
    r = t.replace_matches(re.compile("--"), lambda m: "-")
    assert r.text == "x-y" and list(r.offsets) == [7, 8, 10]


def test_clean_block_lifts_explicit_markers_and_markdown():
    src = "*Recalling* its resolutions [63/71](#) of 2008,<sup>1</sup> the Convention² and[^3]"
    markers: list[RawMarker] = []
    clean = clean_block(MappedText.original(src, 0), markers)
    assert clean.text == "Recalling its resolutions 63/71 of 2008, the Convention and"
    assert [(m.number, m.style, src[m.start:m.end]) for m in markers] == [
        (1, "sup", "<sup>1</sup>"), (3, "caret", "[^3]"), (2, "unicode", "²"),
    ]
    s, e = clean.orig_span(clean.text.index("63/71"), clean.text.index("63/71") + 5)
    assert src[s:e] == "63/71"


def test_tidy_folds_spaces_and_look_alikes():
    raw = "non\u2011governmental  work ,\u00a0done military-to- military"
    t = tidy(MappedText.original(raw, 0))
    assert t.text == "non-governmental work, done military-to-military"
    assert len(t.offsets) == len(t.text)
    assert tidy(MappedText.original("gender- and age-sensitive", 0)).text == (
        "gender- and age-sensitive"
    )


def test_source_text_lines_count_crlf():
    s = SourceText("f", "ab\r\ncd\r\nef")
    assert s.linecol(0) == (1, 1)
    assert s.linecol(4) == (2, 1)
    assert s.linecol(9) == (3, 2)
    assert s.line_text(2) == "cd"
    assert s.span(4, 6).to_json() == {"line": 2, "column": 1, "end_line": 2, "end_column": 3}
