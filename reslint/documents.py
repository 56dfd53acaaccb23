"""A document symbol where a file is expected: `--previous A/RES/79/58`, `--amends
A/C.3/80/L.50`.

A symbol is looked up, in order, in the configured library folder (by the symbol in each
text's heading, not by the file's name: libraries are named as their owners like), in the
download cache, and, when fetching is on (`fetch:` in .reslint.yaml or `--fetch`), on the
UN's official document system, whose address is a setting (`fetch: {base: …}`), so tests
serve the PDFs from 127.0.0.1.  A download is bounded (a timeout per read and in all, the
--max-size limit), must be a PDF, and lands in the cache folder under a name made from the
symbol alone (`~/.cache/reslint/documents/A_RES_79_58.pdf`; `RESLINT_CACHE_DIR`, or
XDG_CACHE_HOME, moves reslint's cache folder and it with it); the cached copy is used
from then on, offline too.

`locate` is the entry point other modules call (pairing, the amendment finder);
`cited_previous` finds a draft's previous among the resolutions it cites when no
--previous is given; `pdf_heading` reads a library PDF's heading from its first page, and
keeps it in reslint's cache folder (`pdf-headings.json`) for the next run.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable

from reslint import __version__
from reslint._dataclass import dataclass
from reslint.engine.cache import cache_dir as reslint_cache
from reslint.engine.cache import read_private, trusted_folder, write_private
from reslint.errors import ReslintError
from reslint.library import HEADING_SYMBOL, folder_files, quick_heading_of
from reslint.parse import parse_file, parse_source
from reslint.paths import FileVersion, file_version, read_once
from reslint.vocab.symbols import parse_symbol

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:
    from reslint.model import Document

DEFAULT_BASE = "https://documents.un.org/api/symbol/access"
DEFAULT_TIMEOUT = 20.0  # seconds, per read and for the whole download
_WHOLE = re.compile(rf"^{HEADING_SYMBOL}$")
_RESOLUTION_NUMBER = re.compile(r"^\d{1,3}/\d{1,4}$")  # "79/58" for A/RES/79/58
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
PARSED_SUFFIXES = (".docx", ".pdf")


class DocumentError(ReslintError):
    """A symbol that names no document at hand and none that could be fetched."""


class UnreachableError(DocumentError):
    """The document system could not be reached (offline, a timeout): trying another
    symbol would fail the same way."""


@dataclass(frozen=True)
class FetchSettings:
    """How to reach the document system: on or off, its address, the time allowed."""

    enabled: bool = False
    base: str = DEFAULT_BASE
    timeout: float = DEFAULT_TIMEOUT


def as_symbol(given: str) -> str | None:
    """The document symbol `given` names ("A/RES/79/58", "79/58" for a resolution), or
    None when it is a path (an existing file always wins: a folder may be called A)."""
    text = given.strip()
    if os.path.exists(text):
        return None
    if _RESOLUTION_NUMBER.match(text):
        return f"A/RES/{text}"
    text = re.sub(r"\s+", " ", text)
    return text if _WHOLE.match(text) else None


def file_stem(symbol: str) -> str:
    """The symbol as a file name: "A/C.3/80/L.50" -> "A_C.3_80_L.50" (the UN's own)."""
    return symbol.replace("/", "_").replace(" ", "")


def cache_dir() -> str:
    """`documents` in reslint's cache folder (RESLINT_CACHE_DIR, else XDG_CACHE_HOME/reslint,
    else ~/.cache/reslint), which the pack cache shares; RESLINT_NO_CACHE does not turn
    this one off: a fetched document is kept, or every check would fetch it again."""
    explicit = os.environ.get("RESLINT_CACHE_DIR")
    if explicit:
        return os.path.join(os.path.abspath(explicit), "documents")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reslint", "documents")


def locate(symbol: str, library: str | None, fetch: FetchSettings,
           max_size: int) -> tuple[str, str]:
    """The file of the document `symbol` and where it was found ("in the library …",
    "from the cache …", "fetched from …"); DocumentError when it is nowhere."""
    found, how = _at_hand(symbol, library, max_size)
    if found is not None:
        return found, how
    cached = os.path.join(cache_dir(), file_stem(symbol) + ".pdf")
    where = f"the library {library}" if library else "no library folder is configured"
    if not fetch.enabled:
        raise DocumentError(
            f"{symbol}: not found ({where if library else where + ','} not in the cache "
            f"{cache_dir()}); give --fetch, or set fetch: true in .reslint.yaml, to "
            "download it")
    download(symbol, fetch, max_size, cached)
    return cached, f"fetched from {_host(fetch.base)}: {cached}"


# --- the library -------------------------------------------------------------------------

_HEADS: dict[FileVersion, str | None] = {}


def in_library(symbol: str, folder: str, max_size: int) -> str | None:
    """The library file whose heading carries `symbol` (the first, in path order)."""
    wanted = _norm(symbol)
    try:
        for path in folder_files(folder, TEXT_SUFFIXES + PARSED_SUFFIXES):
            if heading_symbol(path, max_size) == wanted:
                return path
        return None
    finally:
        save_headings()


def heading_symbol(path: str, max_size: int) -> str | None:
    """The document symbol of a file's heading, cached by path, time and size.

    Text files: the first symbol in the text before the enacting formula (the symbol
    stamp comes first in every layout), as reslint.library.quick_heading reads it.  Word
    and PDF files are parsed."""
    return read_once(_HEADS, path, lambda p: _read_symbol(p, max_size))


def _read_symbol(path: str, max_size: int) -> str | None:
    if path.lower().endswith(".pdf"):
        heading = pdf_heading(path, max_size)
        return _norm(heading.symbol) if heading and heading.symbol else None
    if path.lower().endswith(PARSED_SUFFIXES):
        try:
            symbol = parse_file(path, max_size).heading.symbol
        except ReslintError:
            return None
        return _norm(symbol) if symbol else None
    quick = quick_heading_of(path)
    return (quick.symbol or None) if quick is not None else None


def _norm(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


# --- the heading of a PDF ----------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    """What finding a document needs of a file: its symbol, kind, session and titles."""

    symbol: str | None
    kind: str
    session: int | None
    title: str | None
    item_title: str | None
    adopted: str | None = None  # ISO date, for an adopted resolution


HEADING_PAGES = 1  # the symbol, session, agenda item and title are all on the first page
HEADINGS_FILE = "pdf-headings.json"  # in reslint's cache folder (reslint.engine.cache)
HEADINGS_FORMAT = 2
MAX_HEADINGS = 20_000  # entries kept in the file (a big library holds a few thousand)
_PDF_HEADS: dict[FileVersion, Heading | None] = {}
# the entries of each headings cache file read in this process (by the file's path: tests
# and embedders move the cache folder), and the files with entries not yet written
_STORES: dict[str, dict[str, Heading | None]] = {}
_CHANGED: set[str] = set()


def pdf_heading(path: str, max_size: int) -> Heading | None:
    """The heading of an official PDF, read from its first page only, cached by file
    version in the process and in reslint's cache folder across runs: pairing a draft with
    a library of PDFs reads the PDFs' headings once, not the whole of every one every run.
    None when it is no readable PDF (a library may hold other files)."""
    key = file_version(path)
    if key is None or key[2] > max_size or not _reader_available():
        return None  # not remembered: a larger --max-size, or the pdf extra, reads it
    if key in _PDF_HEADS:
        return _PDF_HEADS[key]
    where = _headings_path()
    stored = _stored(where)
    stored_key = _stored_key(key)
    if stored_key in stored:
        heading = stored[stored_key]
    else:
        heading = _read_pdf_heading(path, max_size)
        stored[stored_key] = heading
        if where is not None:
            _CHANGED.add(where)
    _PDF_HEADS[key] = heading
    return heading


def _reader_available() -> bool:
    """Whether PDFs can be read here (the pdf extra is installed)."""
    try:
        from reslint.text.pdf.pdfium import load

        load()
    except ImportError:
        return False
    return True


def _read_pdf_heading(path: str, max_size: int) -> Heading | None:
    from reslint.text.pdf import read_pdf

    try:
        doc = parse_source(read_pdf(path, max_size, pages=HEADING_PAGES))
    except ReslintError:
        return None
    return Heading(doc.heading.symbol, doc.kind, doc.session, doc.heading.title,
                   doc.heading.item_title, doc.heading.adopted)


def _stored_key(key: FileVersion) -> str:
    path, mtime, size = key
    return f"{os.path.abspath(path)}\0{mtime}\0{size}"


def _headings_path() -> str | None:
    folder = reslint_cache()
    return os.path.join(folder, HEADINGS_FILE) if folder else None


def _stored(where: str | None) -> dict[str, Heading | None]:
    """The headings cache file's entries (read once per process; a damaged, foreign or
    unsafe file counts as empty and is replaced); no file: a dict for this run only."""
    key = where or ""
    if key not in _STORES:
        _STORES[key] = _load_headings(where) if where else {}
    return _STORES[key]


def _load_headings(where: str) -> dict[str, Heading | None]:
    if not trusted_folder(os.path.dirname(where), create=False):
        return {}
    raw = read_private(where)
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != [HEADINGS_FORMAT, _version()]:
        return {}
    entries = data.get("headings")
    out: dict[str, Heading | None] = {}
    for key, value in (entries.items() if isinstance(entries, dict) else ()):
        good, heading = _heading_of(value)
        if good:
            out[key] = heading
    return out


def _heading_of(value: Any) -> tuple[bool, Heading | None]:
    """Whether a stored entry is well formed, and its Heading (None: not a readable PDF)."""
    if value is None:
        return True, None
    if not isinstance(value, list) or len(value) != 6:
        return False, None
    symbol, kind, session, title, item, adopted = value
    texts = all(v is None or isinstance(v, str) for v in (symbol, title, item, adopted))
    if not texts or not isinstance(kind, str) or not (
            session is None or (isinstance(session, int) and not isinstance(session, bool))):
        return False, None
    return True, Heading(symbol, kind, session, title, item, adopted)


def save_headings() -> None:
    """Write the headings read in this run to the cache file (atomically, in the user's
    own 0700 folder); any failure is ignored: the cache only saves time."""
    where = _headings_path()
    if where is None or where not in _CHANGED:
        return
    _CHANGED.discard(where)
    kept = list(_STORES[where].items())[-MAX_HEADINGS:]
    data = {"format": [HEADINGS_FORMAT, _version()],
            "headings": {k: None if h is None else [h.symbol, h.kind, h.session, h.title,
                                                    h.item_title, h.adopted]
                         for k, h in kept}}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_private(where, text.encode("utf-8"), "pdf-headings-")


def _version() -> str:
    return __version__


# --- fetching ----------------------------------------------------------------------------

def download(symbol: str, fetch: FetchSettings, max_size: int, target: str) -> None:
    """Fetch the English PDF of `symbol` into `target` (atomically), within the time and
    size allowed; every failure is one DocumentError that names the symbol."""
    from urllib.parse import quote

    url = f"{fetch.base}?s={quote(symbol, safe='/')}&l=en&t=pdf"
    data = _get(symbol, url, fetch, max_size)
    if not data.startswith(b"%PDF-"):
        raise DocumentError(f"{symbol}: {_host(fetch.base)} did not answer with a PDF "
                            "(is the symbol right, and is there an English text?)")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    partial = f"{target}.{os.getpid()}.part"
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, target)
    except OSError as exc:
        raise DocumentError(f"{symbol}: cannot write the download cache {target}: "
                            f"{exc.strerror or exc}") from None
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def _get(symbol: str, url: str, fetch: FetchSettings, max_size: int) -> bytes:
    # only when fetching: urllib.request costs 118 M instructions (callgrind), half the hook
    import urllib.error
    import urllib.request

    class HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
        """Follow redirects to http and https only (the system redirects to its file
        store; a redirect to ftp: or file: is refused)."""

        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                             newurl: str) -> Any:
            if not newurl.lower().startswith(("http://", "https://")):
                return None
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    host = _host(fetch.base)
    opener = urllib.request.build_opener(HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": "reslint"})
    deadline = time.monotonic() + fetch.timeout
    try:
        with opener.open(request, timeout=fetch.timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_size:
                    raise DocumentError(
                        f"{symbol}: the download from {host} is over the limit of "
                        f"{max_size:,} bytes (raise it with --max-size)")
                if time.monotonic() > deadline:
                    raise UnreachableError(f"{symbol}: the download from {host} took over "
                                        f"{fetch.timeout:g} s")
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise DocumentError(f"{symbol}: {host} answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UnreachableError(f"{symbol}: cannot reach {host} ({_reason(exc.reason)}): "
                            "offline? Put the file in the library folder instead") from None
    except (TimeoutError, OSError) as exc:
        raise UnreachableError(f"{symbol}: cannot reach {host} ({_reason(exc)}): offline? "
                            "Put the file in the library folder instead") from None


def _reason(reason: Any) -> str:
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    return getattr(reason, "strerror", None) or str(reason)


def _host(base: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(base).netloc or base


def settings_from(value: Any, enabled_by_flag: bool = False) -> FetchSettings:
    """FetchSettings from the configuration's `fetch:` (true, false, or a mapping with
    base and timeout) and the --fetch flag (which turns fetching on)."""
    if isinstance(value, dict):
        return FetchSettings(
            enabled=bool(value.get("enabled", True)) or enabled_by_flag,
            base=str(value.get("base") or DEFAULT_BASE),
            timeout=float(value.get("timeout") or DEFAULT_TIMEOUT),
        )
    return FetchSettings(enabled=bool(value) or enabled_by_flag)


def load_symbol(draft_path: str, symbol: str, library: str | None, fetch: FetchSettings,
                max_size: int, role: str = "previous resolution") -> tuple[Any, str]:
    """The Document of `symbol` for the draft at `draft_path`, and how it was found; a
    DocumentError naming the draft when it is nowhere, or when the file found carries
    another symbol in its heading (a cached or fetched file is then not trusted)."""
    try:
        path, how = locate(symbol, library, fetch, max_size)
    except DocumentError as exc:
        raise DocumentError(f"{draft_path}: the {role} {exc}") from None
    doc = parse_file(path, max_size)
    found = doc.heading.symbol
    if found is None or _norm(found) != _norm(symbol):
        raise DocumentError(f"{draft_path}: the {role} {symbol} {how.split(':')[0]} is "
                            f"{found or 'a document with no symbol'} by its heading")
    return doc, f"{symbol} {how}"


# --- the previous resolution the draft cites ---------------------------------------------

CITED_SESSIONS = 3  # a series comes back every session, or every second or third
CITED_TRIED = 3  # candidates read (or fetched) at most: the right one is among the first


def cited_candidates(draft: Document, after: tuple[int, int] | None = None
                     ) -> list[tuple[str, int]]:
    """The Assembly resolutions the draft cites that may be its previous, most likely
    first, with the line of each: of the last three sessions before the draft's, those of
    its recalled list ("Recalling its resolutions …") first, then the latest.  Over the
    real pairs of ../shared/ga the previous is the first of these in 181 of the 222 drafts
    that cite it, and among the first three in 219.  `after`: only those later than this
    (session, number)."""
    session = draft.session
    if session is None:
        return []
    best: dict[str, tuple[tuple[int, int, int], int]] = {}
    for citation in draft.citations:
        if citation.kind != "resolution" or citation.body != "ga":
            continue
        sym = parse_symbol(citation.symbol)
        if sym is None or not sym.session or not (
                session - CITED_SESSIONS <= sym.session < session):
            continue
        order = (sym.session, sym.number or 0)
        if after is not None and order <= after:
            continue
        rank = (int(citation.recalled), *order)
        if citation.symbol not in best or rank > best[citation.symbol][0]:
            best[citation.symbol] = (rank, citation.span.line)
    ranked = sorted(best.items(), key=lambda item: item[1][0], reverse=True)
    return [(f"A/RES/{symbol}", line) for symbol, (_, line) in ranked[:CITED_TRIED]]


def cited_previous(draft: Document, library: str | None, fetch: FetchSettings,
                   max_size: int, same_title: Callable[[str | None], bool],
                   after: tuple[int, int] | None = None) -> tuple[Document | None, str]:
    """The previous resolution as the draft cites it, when the library's titles did not
    find it: each likely candidate (cited_candidates) is looked for in the library by its
    symbol and in the download cache, or fetched when fetching is on, and the first whose
    heading has the draft's title (`same_title`) is the previous.  Returns it and how it
    was found; or None and why not (a candidate not at hand, with the hint to fetch it),
    "" when the draft cites no candidate."""
    missing: list[tuple[str, int]] = []  # not at hand (fetching is off)
    absent: list[tuple[str, int]] = []  # not on the document system either
    for symbol, line in cited_candidates(draft, after):
        path, where = _at_hand(symbol, library, max_size)
        if path is None and fetch.enabled:
            path = os.path.join(cache_dir(), file_stem(symbol) + ".pdf")
            try:
                _download_once(symbol, fetch, max_size, path)
            except UnreachableError as exc:
                return None, (f"the draft cites {symbol} (line {line}), which could not be "
                              f"fetched: {str(exc).removeprefix(symbol + ': ')}")
            except DocumentError:  # not on the document system (or not as a PDF)
                absent.append((symbol, line))
                continue
            where = f"fetched from {_host(fetch.base)}: {path}"
        if path is None:
            missing.append((symbol, line))
            continue
        heading = heading_of(path, max_size)
        if heading is None or heading.kind != "resolution" or not same_title(heading.title):
            continue
        if heading.symbol is None or _norm(heading.symbol) != _norm(symbol):
            continue  # a file that says it is another document is not trusted
        how = (f"{symbol} {where}, the latest resolution titled \"{draft.heading.title}\" "
               f"that the draft cites (line {line})")
        if missing:
            how += f" (it also cites {_cited(missing)}, not at hand)"
        return parse_file(path, max_size), how
    if absent:
        return None, (f"the draft cites {_cited(absent)}, which "
                      f"{_host(fetch.base)} does not have as an English PDF")
    if not missing:
        return None, ""
    which = "which may be" if len(missing) == 1 else "one of which may be"
    return None, (f"the draft cites {_cited(missing)}, {which} its previous resolution but "
                  "is in neither the library nor the download cache: give --fetch (or set "
                  "fetch: true in .reslint.yaml) to download it and check against it")


RETRY_AFTER = 300.0  # seconds before a failed download of a cited resolution is tried again
_FAILED: dict[tuple[str, str], tuple[float, DocumentError]] = {}


def _download_once(symbol: str, fetch: FetchSettings, max_size: int, target: str) -> None:
    """download(), but a failure is remembered for a few minutes: an editor checks the
    draft on every change, and a cited resolution the system does not have (or a system
    out of reach) must not cost a request, or a timeout, each time."""
    key = (fetch.base, symbol)
    failed = _FAILED.get(key)
    if failed is not None and time.monotonic() - failed[0] < RETRY_AFTER:
        raise failed[1]
    try:
        download(symbol, fetch, max_size, target)
    except DocumentError as exc:
        _FAILED[key] = (time.monotonic(), exc)
        raise
    _FAILED.pop(key, None)


def _cited(symbols: list[tuple[str, int]]) -> str:
    """"A/RES/78/172 (line 35)"; several on one line name it once, at the last."""
    named: list[str] = []
    for k, (symbol, line) in enumerate(symbols):
        same_line = k + 1 < len(symbols) and symbols[k + 1][1] == line
        named.append(symbol if same_line else f"{symbol} (line {line})")
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _at_hand(symbol: str, library: str | None, max_size: int) -> tuple[str | None, str]:
    """The file of `symbol` in the library or the download cache, and where it was."""
    if library is not None:
        found = in_library(symbol, library, max_size)
        if found is not None:
            return found, f"in the library: {found}"
    cached = os.path.join(cache_dir(), file_stem(symbol) + ".pdf")
    if os.path.isfile(cached):
        return cached, f"from the download cache: {cached}"
    return None, ""


def heading_of(path: str, max_size: int) -> Heading | None:
    """The heading of any document file (a PDF's from its first page, cached)."""
    if path.lower().endswith(".pdf"):
        heading = pdf_heading(path, max_size)
        save_headings()
        return heading
    try:
        doc = parse_file(path, max_size)
    except ReslintError:
        return None
    return Heading(doc.heading.symbol, doc.kind, doc.session, doc.heading.title,
                   doc.heading.item_title)
