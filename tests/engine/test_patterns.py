"""Rule regexes: one engine (`regex`, VERSION0) for every run, cold or warm (issue 14 item 3),
each call under regex's timeout and a per-rule budget (issue 13 item 4)."""

from __future__ import annotations

import time
import unicodedata

import pytest
import regex

from reslint.engine import ruleset
from reslint.engine.ruleset import LazyPattern, RegexTimeout, compile_pattern


@pytest.mark.parametrize("source", [
    r"a total of (?P<total>\d+) States",
    r"\p{Lu}\w+",
    r"[[:alpha:]]+ session",
    r"(?|(a)|(b))",
])
def test_every_rule_pattern_is_compiled_by_regex(source: str) -> None:
    assert isinstance(compile_pattern(source), regex.Pattern)


def test_word_class_reads_a_decomposed_accent_the_same_every_time() -> None:
    # "Côte" with the circumflex as a combining mark: the standard re stops at "Co"
    cote = unicodedata.normalize("NFD", "Côte d'Ivoire")
    assert LazyPattern(r"[A-Z][\w]*").search(cote).group() == cote.split(" ")[0]


def test_posix_class_means_what_regex_says() -> None:
    assert compile_pattern(r"[[:alpha:]]+").fullmatch("Convention")


def test_lazy_pattern_compiles_on_first_use() -> None:
    lazy = LazyPattern(r"(?P<n>\d+) States", "rules/x.yaml:3: rule X1")
    assert lazy._compiled is None
    assert lazy.search("124 States").group("n") == "124"
    assert set(lazy.groupindex) == {"n"}


def test_catastrophic_pattern_stops_within_its_budget(monkeypatch, fresh_budget) -> None:
    monkeypatch.setattr(ruleset, "REGEX_BUDGET", 0.2)
    lazy = LazyPattern(r"(a|aa)+$", "rules/x.yaml:7: rule X9")
    start = time.perf_counter()
    with pytest.raises(RegexTimeout) as caught:
        lazy.search("a" * 60 + "!")
    assert time.perf_counter() - start < 5
    assert str(caught.value).startswith("rules/x.yaml:7: rule X9: regular expression")
    start = time.perf_counter()  # timed out once: skipped at once from then on
    with pytest.raises(RegexTimeout):
        list(lazy.finditer("a" * 60 + "!"))
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize("source", [
    "Convention on Cluster Munitions", "^The Arms Trade Treaty$", "^Treaty",
    "Weapons$", r"Bacteriological \(Biological\) and Toxin Weapons", r"a\.b", "a.b",
    r"^Comprehensive Nuclear-Test-Ban Treaty$",
])
@pytest.mark.parametrize("text", [
    "Convention on Cluster Munitions", "The Arms Trade Treaty", "The Arms Trade Treaty\n",
    "The Arms Trade Treaty 2", "Treaty on Weapons", "Bacteriological (Biological) and Toxin "
    "Weapons", "a.b", "axb", "Comprehensive Nuclear-Test-Ban Treaty", "",
])
def test_title_shortcut_agrees_with_regex(source: str, text: str) -> None:
    assert LazyPattern(source).found_in(text) == bool(regex.search(source, text,
                                                                    flags=regex.VERSION0))


@pytest.mark.parametrize("source", [
    r"\baccession (?:of|by) (?P<state>[A-Z][\w’'-]*)", r"a total of (?P<n>\d+) States",
    r"(?m)^[ \t]*<!--[ \t]*reslint:[ \t]*confirm-counts[ \t]*-->", r"\[\[[^\]\n]*\]\]",
    r"(?i:first) to", r"abc?d", r"x(?|(a)|(b))yy", r"(?#c)abc", r"a{2}bc",
])
def test_required_literal_is_in_every_match(source: str) -> None:
    required = ruleset.required_literal(source)
    assert required
    for text in ("accession of France", "a total of 12 States", "<!-- reslint: confirm-counts"
                 " -->", "[[x]]", "First to", "FIRST to", "abd", "abcd", "xayy", "abc", "aabc"):
        found = regex.search(source, text, flags=regex.VERSION0)
        assert not found or required in found.group(0)


@pytest.mark.parametrize("source", [r"a|b", r"(?i)abc", r"(?x)a b", r"(?-i)abc", "[[:alpha:]]+"])
def test_no_required_literal_where_not_certain(source: str) -> None:
    assert ruleset.required_literal(source) == ""
