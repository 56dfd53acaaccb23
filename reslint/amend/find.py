"""Finding the draft an amendment amends when `--amends` is not given.

The routes are those of a previous resolution (reslint.pairing), in the same order:
`--amends` (a path, or git:REV:PATH); the configuration's `previous` map (the file a
document is checked against); a line `<!-- reslint: amends=A_80_L.25.md -->` in the
amendment (`previous=` is read too); then by the symbol the amendment names
("amendment to draft resolution A/80/L.25"): the file named after it (A_80_L.25.md, .txt,
.markdown, .docx) in the configured library folder, else beside the amendment.  A draft
named by the report that recommends it ("draft resolution IV recommended by the Second
Committee in its report A/80/555") is found in that report (reslint.amend.report), given
or found by the report's symbol the same way.

Nothing found is not an error: AMD001 says why and the other rules are skipped.
"""

from __future__ import annotations

import os

from reslint.amend.report import draft_in_report, drafts_in, form_of
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
    a = amendment.amendment
    if given:
        doc, how = load_given(path, given, "given with --amends", config, max_size, fetch,
                              role="draft amended")
        return from_report(amendment, doc, how)
    key = os.path.normpath(os.path.abspath(path))
    if key in config.previous:
        target = config.previous[key]
        how = f"from the previous map of {display_path(config.path)}"
        return from_report(amendment, _load(path, target, how, max_size),
                           f"{how}: {display_path(target)}")
    named = _in_file(amendment)
    if named is not None:
        line, value = named
        target = value if value.startswith("git:") else os.path.join(os.path.dirname(path),
                                                                     value)
        how = f"named on line {line} of the amendment"
        return from_report(amendment, _load(path, target, how, max_size), f"{how}: {value}")
    symbol = a.draft_symbol if a is not None else None
    tried = ["no --amends was given", "the amendment names no draft file"]
    folders = [f for f in (config.library, os.path.dirname(os.path.abspath(path))) if f]
    if not symbol and a is not None and a.report:
        stem = a.report.replace("/", "_")
        for folder in folders:
            for suffix in SUFFIXES:
                candidate = os.path.join(folder, stem + suffix)
                if os.path.isfile(candidate):
                    how = f"by the report {a.report} that recommends it"
                    doc = _load(path, candidate, how, max_size)
                    return from_report(amendment, doc, f"{how}: {display_path(candidate)}")
        return None, (f"it names draft {a.draft_number or '?'} of the report {a.report}, and "
                      f"no file {stem}.md (or .txt, .docx, .pdf) is in "
                      + " or ".join(display_path(f) for f in folders)
                      + ": give the draft (or the report) with --amends")
    if not symbol:
        tried.append("it names no draft symbol")
        return None, "; ".join(tried)
    stem = symbol.replace("/", "_")
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


def from_report(amendment: Document, doc: Document, how: str) -> tuple[Document | None, str]:
    """`doc` itself, or, when the amendment names its draft by the report that recommends
    it and `doc` is that report (it holds "Draft resolution IV" headings), the draft it
    names."""
    a = amendment.amendment
    if a is None or not a.report or not a.draft_number or doc.kind == "amendment" \
            or not drafts_in(doc):
        return doc, how
    form = form_of(a.draft_name)
    draft = draft_in_report(doc, a.draft_number, form)
    if draft is None:
        return None, (f"{how}: {display_path(doc.path)} has no draft {form} "
                      f"{a.draft_number}")
    return draft, f"{how}, draft {form} {a.draft_number}"


def _in_file(doc: Document) -> tuple[int, str] | None:
    return named_in(doc.source, DIRECTIVE) or in_file_previous(doc)
