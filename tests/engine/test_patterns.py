"""Rule regexes: the standard library's `re` when it reads them the same, else `regex`."""

from __future__ import annotations

import re
import sys

import pytest

from reslint.engine.ruleset import LazyPattern, compile_pattern


def test_a_plain_pattern_needs_no_regex_module() -> None:
    assert isinstance(compile_pattern(r"a total of (?P<total>\d+) States"), re.Pattern)


@pytest.mark.parametrize("source", [
    r"\p{Lu}\w+",             # Unicode properties: regex only
    r"[[:alpha:]]+ session",  # POSIX class: re reads it otherwise (with a warning)
    r"(?|(a)|(b))",           # branch reset
    r"a++b",                  # possessive quantifier (re from 3.11 too, but regex's reading)
])
def test_regex_only_syntax_goes_to_regex(source: str) -> None:
    import regex

    compiled = compile_pattern(source)
    if isinstance(compiled, re.Pattern):  # only where re means the same (possessive, 3.11+)
        assert sys.version_info >= (3, 11) and "++" in source
        return
    assert isinstance(compiled, regex.Pattern)


def test_posix_class_means_what_regex_says() -> None:
    assert compile_pattern(r"[[:alpha:]]+").fullmatch("Convention")


def test_lazy_pattern_compiles_on_first_use_and_pickles_as_source() -> None:
    import pickle

    lazy = LazyPattern(r"(?P<n>\d+) States")
    assert lazy._compiled is None
    assert lazy.search("124 States").group("n") == "124"
    again = pickle.loads(pickle.dumps(lazy))
    assert again._compiled is None and again.pattern == lazy.pattern
    assert set(again.groupindex) == {"n"}
