"""Finding the previous resolution of a draft when --previous is not given.

Routes, in order: `--previous` (a path or `git:REV:PATH`); the configuration's `previous`
map; a line `<!-- reslint: previous=adopted/A_RES_79_58.md -->` in the draft (relative to
the draft); the configuration's library folder (the adopted resolution with the same
title or agenda sub-item title and the greatest session below the draft's; its texts and
its official PDFs); then the resolution of the draft's title that the draft cites, by its
symbol, from the library, the download cache, or the document system when fetching is on
(reslint.documents.cited_previous).  Each file is
paired on its own: pre-commit passes files in parallel batches, so nothing may depend on
which other files came along.

Nothing found is not an error: the cross-document rules are skipped and RES001 says why.
A previous resolution that is named but missing is an input error (exit 2).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from reslint._dataclass import dataclass
from reslint.config import Config
from reslint.documents import (
    as_symbol,
    cited_previous,
    load_symbol,
    pdf_heading,
    save_headings,
    settings_from,
)
from reslint.errors import ReslintError
from reslint.library import LIBRARY_SUFFIXES, folder_files
from reslint.model import Document
from reslint.parse import parse_file, parse_source
from reslint.paths import FileVersion, display_path, read_once
from reslint.text.source import MAX_BYTES, SourceText, decode
from reslint.vocab._words import lazy_regex
from reslint.vocab.ordinals import int_to_ordinal
from reslint.vocab.symbols import parse_symbol

DIRECTIVE = lazy_regex(r"^\s*<!--\s*reslint:\s*previous\s*=\s*(?P<path>.+?)\s*-->\s*$")


class PairingError(ReslintError):
    """A previous resolution that was named but cannot be read."""


def find_previous(draft_path: str, given: str | None, config: Config,
                  draft: Document | None = None,
                  max_size: int | None = None, fetch: bool = False
                  ) -> tuple[Document | None, str]:
    """The previous resolution (or None) and how it was found (or why it was not).
    `fetch` (--fetch) allows downloading a previous named by its symbol."""
    if given:
        return load_given(draft_path, given, "given with --previous", config, max_size, fetch)
    key = os.path.normpath(os.path.abspath(draft_path))
    if key in config.previous:
        target = config.previous[key]
        how = f"from the previous map of {display_path(config.path)}"
        return _load(draft_path, target, how, max_size), f"{how}: {display_path(target)}"
    if draft is None:
        draft = parse_file(draft_path, max_size or MAX_BYTES)
    named = in_file_previous(draft)
    if named is not None:
        line, value = named
        target = value if value.startswith("git:") else os.path.join(
            os.path.dirname(draft_path), value)
        how = f"named on line {line} of the draft"
        return _load(draft_path, target, how, max_size), f"{how}: {value}"
    tried = ["no --previous was given",
             f"{display_path(config.path)} maps no previous resolution to this draft"
             if config.path else "no .reslint.yaml was found",
             "the draft has no `<!-- reslint: previous=… -->` line"]
    if config.library is None:
        found, why = None, "no library folder is configured"
    else:
        found, why = from_library(draft, config.library, max_size)
        if found is not None:
            why = (f"from the library {display_path(config.library)}: "
                   f"{display_path(found.path)}, {why}")
            if _cites(draft, found):
                return found, why
    # the draft's own citation of a resolution of its title, not (or not the latest) in
    # the library: looked up by its symbol in the library and the download cache, or fetched
    cited, cited_why = _from_citations(draft, found, config, max_size, fetch)
    if cited is not None:
        return cited, cited_why
    if found is not None:
        return found, f"{why}; {cited_why}" if cited_why else why
    tried.append(why)
    if cited_why:
        tried.append(cited_why)
    return None, _sentence(tried)


def _cites(draft: Document, doc: Document) -> bool:
    symbol = (doc.heading.symbol or "").removeprefix("A/RES/")
    return any(c.symbol == symbol for c in draft.citations)


def _from_citations(draft: Document, found: Document | None, config: Config,
                    max_size: int | None, fetch: bool) -> tuple[Document | None, str]:
    """reslint.documents.cited_previous for this draft: only resolutions later than the
    library's choice of the same title, when it made one."""
    title = _key(draft.heading.title)
    if not title:
        return None, ""
    after = None
    if found is not None and _key(found.heading.title) == title:
        sym = parse_symbol((found.heading.symbol or "").removeprefix("A/RES/"))
        after = (sym.session or 0, sym.number or 0) if sym else None
    return cited_previous(draft, config.library, settings_from(config.fetch, fetch),
                          max_size or MAX_BYTES, lambda other: _key(other) == title, after)


def previous_of_previous(previous: Document, config: Config, max_size: int | None = None
                         ) -> Document | None:
    """The previous resolution's own previous, from the library folder (None without one,
    or when the library does not hold it).  A series' habits are read from it: whether the
    previous cited its own previous, whether it carried over its predecessor's list."""
    if config.library is None or previous.kind != "resolution":
        return None
    found, _ = from_library(previous, config.library, max_size)
    return found


def load_given(draft_path: str, given: str, how: str, config: Config,
               max_size: int | None, fetch: bool = False,
               role: str = "previous resolution") -> tuple[Document, str]:
    """A document given by path, git:REV:PATH or symbol (A/RES/79/58: the library, the
    download cache, the document system; see reslint.documents)."""
    symbol = None if given.startswith("git:") else as_symbol(given)
    if symbol is None:
        return _load(draft_path, given, how, max_size), f"{how}: {given}"
    doc, where = load_symbol(draft_path, symbol, config.library,
                             settings_from(config.fetch, fetch), max_size or MAX_BYTES, role)
    return doc, f"{how}: {where}"


def in_file_previous(draft: Document) -> tuple[int, str] | None:
    """(line, path) of the first `<!-- reslint: previous=… -->` line of the draft."""
    return named_in(draft.source, DIRECTIVE)


def named_in(source: SourceText, directive: Callable[[], re.Pattern[str]]
             ) -> tuple[int, str] | None:
    """(line, path) of the first line of `source` that `directive` matches (a
    `<!-- reslint: KEY=path -->` comment), or None."""
    if "reslint:" not in source.text:
        return None
    for number, (_, line) in enumerate(source.lines(), 1):
        if m := directive().match(line):
            return number, m.group("path")
    return None


def _load(draft_path: str, target: str, how: str, max_size: int | None) -> Document:
    if target.startswith("git:"):
        return parse_source(decode(target, _git_show(draft_path, target)))
    if not os.path.isfile(target):
        raise PairingError(f"{draft_path}: the previous resolution {display_path(target)} ({how}) "
                           "does not exist")
    return parse_file(target, max_size or MAX_BYTES)


def _git_show(draft_path: str, spec: str) -> bytes:
    """The blob `REV:PATH` of the draft's repository, read with `git cat-file blob`.

    The spec comes from untrusted text (a draft's comment, a repository's configuration), so
    a revision or path that git could take for an option (`--output=FILE` makes `git show`
    write FILE) or a path that leaves the repository is refused before git runs; git is
    given `--end-of-options` as well where it knows it (2.24 and later), gets a list of
    arguments (no shell), and only reads."""
    rev, sep, path = spec[len("git:"):].partition(":")
    if not sep or not rev or not path:
        raise PairingError(f"{draft_path}: {spec!r} is not of the form git:REV:PATH")
    refused = _git_refusal(rev, path)
    if refused:
        raise PairingError(f"{draft_path}: the previous resolution {spec!r} is refused: "
                           f"{refused}")
    folder = os.path.dirname(os.path.abspath(draft_path))
    import subprocess  # only here: a plain check does not pay for it

    command = ["git", "cat-file", "blob", *_end_of_options(), f"{rev}:{path}"]
    try:
        done = subprocess.run(command, cwd=folder, capture_output=True, check=False,
                              stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise PairingError(f"{draft_path}: cannot run git for {spec}: {exc.strerror}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PairingError(f"{draft_path}: the previous resolution {spec} cannot be read from "
                           f"git: {reason[-1] if reason else 'git cat-file failed'}")
    return done.stdout


def _git_refusal(rev: str, path: str) -> str | None:
    """Why a git revision and path may not be used, or None."""
    if rev.startswith("-"):
        return "a revision may not start with '-'"
    if path.startswith("-"):
        return "a path may not start with '-'"
    if any(c in rev + path for c in "\0\n\r"):
        return "control characters in the revision or path"
    if path.startswith("/") or os.path.isabs(path):
        return "the path must be relative to the repository"
    depth = 0
    for part in path.replace("\\", "/").split("/"):
        if part == "..":
            depth -= 1
            if depth < 0:
                return "the path leaves the repository"
        elif part not in ("", "."):
            depth += 1
    return None


def _git_knows_end_of_options() -> bool:
    """`--end-of-options` exists from git 2.24; older gits take it for a revision."""
    import subprocess

    try:
        out = subprocess.run(["git", "--version"], capture_output=True, check=False,
                             stdin=subprocess.DEVNULL).stdout.decode("ascii", "replace")
    except OSError:
        return False
    found = re.search(r"(\d+)\.(\d+)", out)
    return found is not None and (int(found[1]), int(found[2])) >= (2, 24)


def _end_of_options() -> list[str]:
    if _GIT_EOO[0] is None:
        _GIT_EOO[0] = _git_knows_end_of_options()
    return ["--end-of-options"] if _GIT_EOO[0] else []


_GIT_EOO: list[bool | None] = [None]  # whether the installed git knows --end-of-options


# --- the library folder ------------------------------------------------------------------

@dataclass
class _Entry:
    """What from_library compares of a library file: its kind, session and titles (the
    parsed Document is kept only among the last few read: _DOCUMENTS)."""

    kind: str
    session: int | None
    titles: tuple[str, str]
    symbol: str = ""  # "A/RES/79/58"
    path: str = ""


_LIBRARY: dict[FileVersion, _Entry] = {}
# The Documents of the library files read last, by entry (most recent last): the one a
# draft is paired with was read moments before, and so was its own previous.  Keeping
# every one read held ~600 whole Documents of ../shared/ga/texts (260 MB a process).
_DOCUMENTS: dict[int, tuple[_Entry, Document]] = {}
KEPT_DOCUMENTS = 16


def from_library(draft: Document, folder: str, max_size: int | None = None
                 ) -> tuple[Document | None, str]:
    """The previous resolution in the library, and how it was chosen (or why none was).

    Among the adopted resolutions of a session before the draft's: the latest one of the
    same title that the draft itself cites ("Recalling its resolution 79/205 of …") is the
    strongest signal; then the same title, latest session (and number) first; only then a
    resolution of another title under the same agenda sub-item, latest first."""
    title = _key(draft.heading.title)
    item = _key(draft.heading.item_title)
    session = draft.session
    where = display_path(folder)
    if session is None:
        return None, f"the draft's session is unknown, so the library {where} was not searched"
    if not title and not item:
        return None, f"the draft's title is unknown, so the library {where} was not searched"
    draft_real = os.path.realpath(draft.path)
    cited = {c.symbol: c for c in draft.citations}
    best: tuple[tuple[int, int, int, int], _Entry, str] | None = None
    item_only: dict[int, list[str]] = {}  # session -> resolutions matched by agenda item only
    # the titles as the texts are kept (_text_key), to look for in each
    needles = tuple(_key(_MARKUP().sub(" ", k)) for k in (title, item) if k)
    shelf = _SHELVES.get(folder) or _Shelf(folder)  # the run's, or read for this draft
    holding = shelf.holding(needles)
    pdfs = False
    for index, shelved in enumerate(shelf.files):
        path = shelved.path
        if shelved.real == draft_real:
            continue
        if shelved.pdf:  # the official PDFs drafters download
            pdfs = True
            entry = _pdf_entry(path, max_size)
        else:
            # whether the file's text holds one of the titles at all: a test in memory
            # that spares parsing (~30 ms) the library's resolutions of other series
            entry = _entry(path, max_size) if index in holding else None
        if entry is None or entry.kind != "resolution" or entry.session is None:
            continue
        if entry.session >= session:
            continue
        exact = bool(title) and title == entry.titles[0]
        if not exact and not (item and item in (entry.titles[1], entry.titles[0])):
            continue
        symbol = entry.symbol.removeprefix("A/RES/")
        sym = parse_symbol(symbol)
        citation = cited.get(symbol) if exact else None
        rank = (int(citation is not None), int(exact), entry.session,
                sym.number if sym and sym.number else 0)
        if not exact:
            item_only.setdefault(entry.session, []).append(symbol)
        if best is None or rank > best[0]:
            if citation is not None:
                how = (f"the latest resolution titled \"{draft.heading.title}\" that the draft "
                       f"cites (line {citation.span.line})")
            elif exact:
                how = (f"the latest adopted resolution titled \"{draft.heading.title}\" "
                       f"before the {int_to_ordinal(session)} session")
            else:
                how = (f"no resolution of the same title; the latest under the same agenda "
                       f"item \"{draft.heading.item_title or draft.heading.title}\"")
            best = (rank, entry, how)
    if pdfs:
        save_headings()  # the PDFs' headings read now are kept for the next run
    if best is None:
        named = draft.heading.title or draft.heading.item_title
        return None, (f"the library {where} has no adopted resolution titled \"{named}\" "
                      f"of a session before the {int_to_ordinal(session)}")
    if not best[0][1] and len(item_only.get(best[1].session or 0, [])) > 1:
        # several resolutions of one session under the item, none of the draft's title:
        # any choice would be a guess, and a wrong previous gives wrong findings
        named = ", ".join(sorted(item_only[best[1].session or 0]))
        return None, (f"the library {where} has no adopted resolution of the draft's title, "
                      f"and several under its agenda item ({named}): name the previous with "
                      "--previous or a `<!-- reslint: previous=… -->` line")
    return _document(best[1], max_size), best[2]


def _document(entry: _Entry, max_size: int | None) -> Document:
    """The chosen entry's Document: the one read for its entry when it is still kept, else
    read again (a PDF's is read whole only now)."""
    kept = _DOCUMENTS.pop(id(entry), None)
    doc = kept[1] if kept is not None and kept[0] is entry else parse_file(
        entry.path, max_size or MAX_BYTES)
    _keep(entry, doc)
    return doc


def _keep(entry: _Entry, doc: Document) -> None:
    _DOCUMENTS.pop(id(entry), None)
    _DOCUMENTS[id(entry)] = (entry, doc)  # the entry is held: its id is not reused
    while len(_DOCUMENTS) > KEPT_DOCUMENTS:
        del _DOCUMENTS[next(iter(_DOCUMENTS))]


def _pdf_entry(path: str, max_size: int | None) -> _Entry | None:
    """A library PDF by its heading (its first page, cached across runs: see
    reslint.documents.pdf_heading); None when it is no readable PDF."""
    heading = pdf_heading(path, max_size or MAX_BYTES)
    if heading is None:
        return None
    return _Entry(heading.kind, heading.session,
                  (_key(heading.title), _key(heading.item_title)),
                  heading.symbol or "", path)



def _entry(path: str, max_size: int | None) -> _Entry | None:
    """The parsed library file, cached by path and modification time within the process."""
    def read(path: str) -> _Entry:
        try:
            doc = parse_file(path, max_size or MAX_BYTES)
        except ReslintError:  # a README or a note in the library is not a resolution
            return _Entry("other", None, ("", ""))
        entry = _Entry(doc.kind, doc.session,
                       (_key(doc.heading.title), _key(doc.heading.item_title)),
                       doc.heading.symbol or "", path)
        _keep(entry, doc)
        return entry

    return read_once(_LIBRARY, path, read)


_TEXTS: dict[FileVersion, str | None] = {}
_MARKUP = lazy_regex(r"[*_\\#>]+")


def _text_key(path: str) -> str | None:
    """The file's text as titles are compared (markup aside, _key), read once per process
    and kept: pairing a folder of drafts tests each draft's title against every library
    file, and reads none of them again (None: unreadable)."""
    def read(path: str) -> str | None:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                return _key(_MARKUP().sub(" ", handle.read()))
        except OSError:
            return None

    return read_once(_TEXTS, path, read)


@dataclass(frozen=True)
class _Shelved:
    """A file of the library folder as from_library walks it: its real path (the draft
    itself is skipped), whether it is a PDF, and its text as titles are compared."""

    path: str
    real: str
    pdf: bool
    text: str | None  # _text_key(path); None for a PDF or an unreadable file


class _Shelf:
    """The library folder, its files listed and read once, and which of them hold a title:
    once for a whole run when it is indexed (Linter.report_paths, before the --jobs
    workers fork: index_library), else for one draft."""

    def __init__(self, folder: str) -> None:
        self.files = [_Shelved(path, os.path.realpath(path), pdf, None if pdf else
                               _text_key(path))
                      for path in folder_files(folder, (*LIBRARY_SUFFIXES, ".pdf"))
                      for pdf in [path.lower().endswith(".pdf")]]
        # titles -> indexes of the texts that hold one: the drafts of a series, their
        # previous resolutions and those previous's own previous look for the same ones
        self._holding: dict[tuple[str, ...], frozenset[int]] = {}

    def holding(self, needles: tuple[str, ...]) -> frozenset[int]:
        found = self._holding.get(needles)
        if found is None:
            found = self._holding[needles] = frozenset(
                i for i, shelved in enumerate(self.files)
                if shelved.text is not None and any(n in shelved.text for n in needles))
        return found


# The library folders of the current run: each draft, and each previous's own previous,
# walked the folder again (a listing, a realpath, a stat and a search of each text: 618
# drafts x 618 texts of ../shared/ga took 26 of the 31 s of a batch audit).
_SHELVES: dict[str, _Shelf] = {}


def index_library(folder: str | None) -> None:
    """List and read the library folder once for this run (before --jobs workers fork, so
    that they share it); `forget_library` when the run ends."""
    if folder:
        _SHELVES[folder] = _Shelf(folder)


def forget_library() -> None:
    """The run is over: the next check lists and reads the library folder afresh."""
    _SHELVES.clear()


_DASHES = lazy_regex(r"[\u2010\u2011\u2012\u2013\u2014\u00ad-]+")


def _key(title: str | None) -> str:
    """Titles compared as words: case, spacing, hyphen forms and end punctuation aside."""
    if not title:
        return ""
    text = _DASHES().sub("-", title.replace("\u00a0", " "))
    return " ".join(re.sub(r"\s*-\s*", "-", text).split()).strip(" .;:,").casefold()


def _sentence(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
