"""Finding the draft an amendment amends when `--amends` is not given.

The routes are those of a previous resolution (reslint.pairing), in the same order:
`--amends` (a path, or git:REV:PATH); the configuration's `previous` map (the file a
document is checked against); a line `<!-- reslint: amends=A_80_L.25.md -->` in the
amendment (`previous=` is read too); then by the symbol the amendment names
("amendment to draft resolution A/80/L.25"): the file named after it (A_80_L.25.md, .txt,
.markdown, .docx) in the configured library folder, else beside the amendment.

Nothing found is not an error: AMD001 says why and the other rules are skipped.
"""

from __future__ import annotations

import os

from reslint.config import Config
from reslint.model import Document
from reslint.pairing import _load, in_file_previous, load_given, named_in
from reslint.paths import display_path
from reslint.vocab._words import lazy_regex

DIRECTIVE = lazy_regex(r"^\s*<!--\s*reslint:\s*amends\s*=\s*(?P<path>.+?)\s*-->\s*$")
SUFFIXES = (".md", ".txt", ".markdown", ".docx", ".pdf")


def find_amended(path: str, given: str | None, config: Config, amendment: Document,
                 max_size: int | None = None, fetch: bool = False
                 ) -> tuple[Document | None, str]:
    """The draft amended (or None) and how it was found (or why it was not).  `fetch`
    (--fetch) allows downloading a draft named by its symbol."""
    if given:
        return load_given(path, given, "given with --amends", config, max_size, fetch,
                          role="draft amended")
    key = os.path.normpath(os.path.abspath(path))
    if key in config.previous:
        target = config.previous[key]
        how = f"from the previous map of {display_path(config.path)}"
        return _load(path, target, how, max_size), f"{how}: {display_path(target)}"
    named = _in_file(amendment)
    if named is not None:
        line, value = named
        target = value if value.startswith("git:") else os.path.join(os.path.dirname(path),
                                                                     value)
        how = f"named on line {line} of the amendment"
        return _load(path, target, how, max_size), f"{how}: {value}"
    a = amendment.amendment
    symbol = a.draft_symbol if a is not None else None
    tried = ["no --amends was given", "the amendment names no draft file"]
    if not symbol:
        tried.append("it names the draft by its report, not by its symbol"
                     if a is not None and a.report else "it names no draft symbol")
        return None, "; ".join(tried)
    stem = symbol.replace("/", "_")
    folders = [f for f in (config.library, os.path.dirname(os.path.abspath(path))) if f]
    for folder in folders:
        for suffix in SUFFIXES:
            candidate = os.path.join(folder, stem + suffix)
            if os.path.isfile(candidate) and os.path.abspath(candidate) != os.path.abspath(path):
                how = f"by its symbol {symbol}"
                return _load(path, candidate, how, max_size), f"{how}: {display_path(candidate)}"
    tried.append(f"no file {stem}.md (or .txt, .docx, .pdf) is in "
                 + " or ".join(display_path(f) for f in folders))
    from reslint.documents import DocumentError, as_symbol

    if as_symbol(symbol) is not None:  # by the symbol in a heading, the cache, a download
        try:
            return load_given(path, symbol, "by its symbol", config, max_size, fetch,
                              role="draft amended")
        except DocumentError as exc:
            tried.append(str(exc).split(": ", 1)[-1])
    return None, "; ".join(tried)


def _in_file(doc: Document) -> tuple[int, str] | None:
    return named_in(doc.source, DIRECTIVE) or in_file_previous(doc)
