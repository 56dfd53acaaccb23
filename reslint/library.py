"""The adopted resolutions at hand: what a citation's date is checked against.

A drafting repository keeps last years' adopted texts (the `library:` folder of
`.reslint.yaml`), and a run names others on the command line (`--previous`, several files
at once).  For each adopted resolution among them the Assembly's own record is at hand: its
symbol, its adoption date and its title.  A draft that cites "78/68 of 9 December 2023"
while the adopted text of 78/68 says 5 December 2023 is certainly wrong, and the right date
is certain: that is an error with a safe fix (RES109).

Only the heading is read (`quick_heading`), with the heading's own patterns over the first
few kilobytes: indexing a library of hundreds of texts costs a few milliseconds, not a
parse of each.  reslint.documents finds a document by symbol with the same reader.
"""

from __future__ import annotations

import os

from reslint._dataclass import dataclass
from reslint.model import Document
from reslint.paths import FileVersion, read_once
from reslint.vocab._words import lazy_regex
from reslint.vocab.dates import DATE_PATTERN, parse_date

HEAD_CHARS = 12_000  # the heading of any resolution or draft fits in this
LIBRARY_SUFFIXES = (".md", ".markdown", ".txt")
# The symbol a heading is stamped with: an adopted resolution ("A/RES/79/58", "A/RES/68/247
# A"), a committee draft ("A/C.3/80/L.50/Rev.1") or a plenary draft ("A/80/L.25"); a
# letter is a part only as a word of its own ("A/RES/79/58 General Assembly" is 79/58).
HEADING_SYMBOL = (r"\bA/(?:RES/(?P<session>\d{1,3})/(?P<number>\d{1,4})(?: ?(?P<part>[A-Z])\b)?"
                  r"|C\.[1-6]/\d{1,3}/L\.\d{1,4}(?:/Rev\.\d{1,2})?"
                  r"|\d{1,3}/L\.\d{1,4}(?:/Rev\.\d{1,2})?)")
# compiled on first use: a check that reads no library folder and looks up no symbol
# (the hook with --previous) never needs them
# `[*_#>\\]+|\]\([^)]*\)|\[` (a run of emphasis, heading or quote marks, a link's target, a
# bracket), written to start with one character set: re then skips to the next markup
# character instead of trying three branches at every character (the heading of the run's
# 618 texts of ../shared/ga read in 0.04 s, not 0.09 s)
_MARKUP = lazy_regex(r"[][*_#>\\](?:(?<=[*_#>\\])[*_#>\\]*|(?<=\])\([^)]*\)|(?<=\[))")
_SYMBOL = lazy_regex(HEADING_SYMBOL)
_FORMULA = lazy_regex(r"The\s+General\s+Assembly\s*,")
_ADOPTED = lazy_regex(rf"adopted by the General Assembly\s+on\s+(?P<date>{DATE_PATTERN})")
# "79/226. Quadrennial comprehensive policy review of operational activities \n for
# development of the United Nations system \n \n": the title runs to the blank line
_TITLE = lazy_regex(r"(?:^|\n)[ \t]*(?P<num>\d{2,3}/\d{1,4}(?:[ \t]?[A-Z])?)\.[ \t]+"
                    r"(?P<title>[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)")


@dataclass(frozen=True)
class QuickHeading:
    """What the head of a text says, read with the heading's own patterns over its first
    characters, markup removed, and no parse: indexing a library of hundreds of texts, or
    finding a symbol among them, costs milliseconds."""

    symbol: str  # stamped before the enacting formula, spaces removed ("A/RES/68/247A"), or ""
    resolution: str  # an adopted resolution's number as cited ("68/247 A"), or ""
    adopted: str  # the adoption date (ISO) an adopted text states, or ""
    title: str  # an adopted resolution's title (the line "68/247 A. Title"), or ""


def quick_heading(text: str) -> QuickHeading:
    """The quick heading of a text (its first HEAD_CHARS characters are read)."""
    head = _MARKUP().sub(" ", text[:HEAD_CHARS])
    formula = _FORMULA().search(head)
    sym = _SYMBOL().search(head, 0, formula.start() if formula else len(head))
    if sym is None:
        return QuickHeading("", "", "", "")
    symbol = "".join(sym.group(0).split()).upper()
    resolution = f"{sym.group('session')}/{sym.group('number')}" if sym.group("session") else ""
    if resolution and sym.group("part"):
        resolution += f" {sym.group('part')}"
    when = _ADOPTED().search(head)
    date = parse_date(" ".join(when.group("date").split())) if when else None
    title = ""
    if resolution and when is not None:
        for m in _TITLE().finditer(head, when.end()):
            if m.group("num").replace(" ", "") == resolution.replace(" ", ""):
                title = " ".join(m.group("title").split())
                break
    return QuickHeading(symbol, resolution, date.isoformat() if date else "", title)


_HEADS: dict[FileVersion, QuickHeading | None] = {}


def quick_heading_of(path: str) -> QuickHeading | None:
    """The quick heading of a text file (None when it cannot be read), cached by path,
    modification time and size within the process: the library index and the documents
    lookup by symbol read each file once."""
    return read_once(_HEADS, path, _read_quick_heading)


def _read_quick_heading(path: str) -> QuickHeading | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return quick_heading(handle.read(HEAD_CHARS))
    except OSError:
        return None


@dataclass(frozen=True)
class Adopted:
    """One adopted resolution: "78/68", its adoption date (ISO) and title, and its file."""

    symbol: str
    adopted: str
    title: str
    path: str

    def fact(self) -> dict[str, str]:
        return {"symbol": self.symbol, "adopted": self.adopted, "title": self.title,
                "path": self.path}


def from_document(doc: Document) -> Adopted | None:
    """The record of a parsed adopted resolution (None for a draft or an undated text)."""
    symbol = doc.heading.symbol or ""
    if doc.kind != "resolution" or not symbol.startswith("A/RES/") or not doc.heading.adopted:
        return None
    return Adopted(symbol[len("A/RES/"):], doc.heading.adopted, doc.heading.title or "",
                   doc.path)


def from_text(text: str, path: str) -> Adopted | None:
    """The record read from the head of a file's text (None when it is not an adopted
    resolution of the Assembly)."""
    return _adopted(quick_heading(text), path)


def from_file(path: str) -> Adopted | None:
    """from_text of a file, cached by path, modification time and size within the process."""
    heading = quick_heading_of(path)
    return _adopted(heading, path) if heading is not None else None


def from_pdf(path: str) -> Adopted | None:
    """The record of an official PDF, read from its first page (reslint.documents.
    pdf_heading: cached per file version, across runs too)."""
    from reslint.documents import pdf_heading
    from reslint.text.source import MAX_BYTES

    heading = pdf_heading(path, MAX_BYTES)
    symbol = (heading.symbol or "") if heading is not None else ""
    if heading is None or heading.kind != "resolution" or not symbol.startswith("A/RES/") \
            or not heading.adopted:
        return None
    return Adopted(symbol[len("A/RES/"):], heading.adopted, heading.title or "", path)


def _adopted(heading: QuickHeading, path: str) -> Adopted | None:
    if not heading.resolution or not heading.adopted:
        return None
    return Adopted(heading.resolution, heading.adopted, heading.title, path)


def folder_files(folder: str, suffixes: tuple[str, ...] = LIBRARY_SUFFIXES) -> list[str]:
    """The files of a folder whose names end with `suffixes` (recursively, sorted, hidden
    files and folders skipped): a library's texts, the drafts of a folder to check."""
    files: list[str] = []
    for base, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(os.path.join(base, n) for n in sorted(names)
                     if n.lower().endswith(suffixes) and not n.startswith("."))
    return files


class Library:
    """Adopted resolutions by symbol ("78/68", "78/250 B"): a folder's, plus any added."""

    def __init__(self, folder: str | None = None) -> None:
        self.folder = folder
        self._by_symbol: dict[str, Adopted] = {}
        self._facts: dict[str, dict[str, str]] | None = None  # facts(), kept until an add
        if folder:
            pdfs = False
            for path in folder_files(folder, (*LIBRARY_SUFFIXES, ".pdf")):
                if path.lower().endswith(".pdf"):  # the official PDFs drafters download
                    pdfs = True
                    self.add(from_pdf(path))
                else:
                    self.add(from_file(path))
            if pdfs:
                from reslint.documents import save_headings

                save_headings()  # the PDFs' headings read now serve the next run

    def add(self, record: Adopted | None) -> None:
        if record is not None:
            self._by_symbol.setdefault(record.symbol, record)
            self._facts = None

    def add_document(self, doc: Document | None) -> None:
        if doc is not None:
            self.add(from_document(doc))

    def get(self, symbol: str) -> Adopted | None:
        return self._by_symbol.get(symbol)

    def __len__(self) -> int:
        return len(self._by_symbol)

    def facts(self, *extra: Document | None) -> dict[str, dict[str, str]]:
        """The mapping rules read as `library` (symbol -> adopted, title, path), with the
        adopted texts among `extra` (the draft's previous, the draft itself).  The
        library's own are built once, not for each draft (hundreds of texts in a run)."""
        if self._facts is None:
            self._facts = {symbol: record.fact() for symbol, record in self._by_symbol.items()}
        out = dict(self._facts)
        for doc in extra:
            record = from_document(doc) if doc is not None else None
            if record is not None:
                out.setdefault(record.symbol, record.fact())
        return out


_FOLDERS: dict[str, tuple[float, Library]] = {}


def library_for(folder: str | None) -> Library:
    """The library of a folder, indexed once per process (and again when it changes)."""
    if not folder:
        return Library()
    try:
        stamp = os.stat(folder).st_mtime
    except OSError:
        return Library()
    cached = _FOLDERS.get(folder)
    if cached is None or cached[0] != stamp:
        _FOLDERS[folder] = (stamp, Library(folder))
    return _FOLDERS[folder][1]
