"""The adopted resolutions at hand: what a citation's date is checked against.

A drafting repository keeps last years' adopted texts (the `library:` folder of
`.reslint.yaml`), and a run names others on the command line (`--previous`, several files
at once).  For each adopted resolution among them the Assembly's own record is at hand: its
symbol, its adoption date and its title.  A draft that cites "78/68 of 9 December 2023"
while the adopted text of 78/68 says 5 December 2023 is certainly wrong, and the right date
is certain: that is an error with a safe fix (RES109).

Only the heading is read, with the heading's own patterns over the first few kilobytes:
indexing a library of hundreds of texts costs a few milliseconds, not a parse of each.
"""

from __future__ import annotations

import os
import re

from reslint._dataclass import dataclass
from reslint.model import Document
from reslint.paths import FileVersion, file_version
from reslint.vocab.dates import DATE_PATTERN, parse_date

HEAD_BYTES = 12_000
LIBRARY_SUFFIXES = (".md", ".markdown", ".txt")
_MARKUP = re.compile(r"[*_#>\\]+|\]\([^)]*\)|\[")
_SYMBOL = re.compile(r"\bA/RES/(?P<session>\d{2,3})/(?P<number>\d{1,4})(?:\s?(?P<part>[A-Z])\b)?")
_ADOPTED = re.compile(rf"adopted by the General Assembly\s+on\s+(?P<date>{DATE_PATTERN})")
_TITLE = re.compile(r"(?:^|\n)\s*(?P<num>\d{2,3}/\d{1,4}(?:\s?[A-Z])?)\.\s+(?P<title>[^\n]+)")


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
    head = _MARKUP.sub(" ", text[:HEAD_BYTES])
    sym = _SYMBOL.search(head)
    when = _ADOPTED.search(head)
    if sym is None or when is None:
        return None
    date = parse_date(" ".join(when.group("date").split()))
    if date is None:
        return None
    symbol = f"{sym.group('session')}/{sym.group('number')}"
    if sym.group("part"):
        symbol += f" {sym.group('part')}"
    title = ""
    for m in _TITLE.finditer(head, when.end()):
        if m.group("num").replace(" ", "") == symbol.replace(" ", ""):
            title = m.group("title").strip()
            break
    return Adopted(symbol, date.isoformat(), title, path)


_FILES: dict[FileVersion, Adopted | None] = {}


def from_file(path: str) -> Adopted | None:
    """from_text of a file, cached by path, modification time and size within the process."""
    key = file_version(path)
    if key is None:
        return None
    if key not in _FILES:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                _FILES[key] = from_text(handle.read(HEAD_BYTES), path)
        except OSError:
            _FILES[key] = None
    return _FILES[key]


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
        if folder:
            for path in folder_files(folder):
                self.add(from_file(path))

    def add(self, record: Adopted | None) -> None:
        if record is not None:
            self._by_symbol.setdefault(record.symbol, record)

    def add_document(self, doc: Document | None) -> None:
        if doc is not None:
            self.add(from_document(doc))

    def get(self, symbol: str) -> Adopted | None:
        return self._by_symbol.get(symbol)

    def __len__(self) -> int:
        return len(self._by_symbol)

    def facts(self, *extra: Document | None) -> dict[str, dict[str, str]]:
        """The mapping rules read as `library` (symbol -> adopted, title, path), with the
        adopted texts among `extra` (the draft's previous, the draft itself)."""
        out = {symbol: record.fact() for symbol, record in self._by_symbol.items()}
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
