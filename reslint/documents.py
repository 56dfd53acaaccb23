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

`locate` is the entry point other modules call (pairing, the amendment finder, and the
pairing from the draft's own citations).
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

from reslint._dataclass import dataclass
from reslint.errors import ReslintError
from reslint.library import folder_files
from reslint.paths import FileVersion, file_version

DEFAULT_BASE = "https://documents.un.org/api/symbol/access"
DEFAULT_TIMEOUT = 20.0  # seconds, per read and for the whole download
SYMBOL = re.compile(
    r"A/(?:RES/\d{1,3}/\d{1,4}(?: ?[A-Z])?|C\.[1-6]/\d{1,3}/L\.\d{1,4}(?:/Rev\.\d{1,2})?"
    r"|\d{1,3}/L\.\d{1,4}(?:/Rev\.\d{1,2})?)"
)
_WHOLE = re.compile(rf"^{SYMBOL.pattern}$")
_RESOLUTION_NUMBER = re.compile(r"^\d{1,3}/\d{1,4}$")  # "79/58" for A/RES/79/58
FORMULA = re.compile(r"The\s+General\s+Assembly\s*,")
HEAD_CHARS = 6000  # the heading of any resolution or draft fits in this
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
PARSED_SUFFIXES = (".docx", ".pdf")


class DocumentError(ReslintError):
    """A symbol that names no document at hand and none that could be fetched."""


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
    if library is not None:
        found = in_library(symbol, library, max_size)
        if found is not None:
            return found, f"in the library: {found}"
    cached = os.path.join(cache_dir(), file_stem(symbol) + ".pdf")
    if os.path.isfile(cached):
        return cached, f"from the download cache: {cached}"
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
    for path in folder_files(folder, TEXT_SUFFIXES + PARSED_SUFFIXES):
        if heading_symbol(path, max_size) == wanted:
            return path
    return None


def heading_symbol(path: str, max_size: int) -> str | None:
    """The document symbol of a file's heading, cached by path, time and size.

    Text files: the first symbol in the text before the enacting formula (the symbol
    stamp comes first in every layout).  Word and PDF files are parsed."""
    key = file_version(path)
    if key is None:
        return None
    if key not in _HEADS:
        _HEADS[key] = _read_symbol(path, max_size)
    return _HEADS[key]


def _read_symbol(path: str, max_size: int) -> str | None:
    if path.lower().endswith(PARSED_SUFFIXES):
        from reslint.parse import parse_file

        try:
            symbol = parse_file(path, max_size).heading.symbol
        except ReslintError:
            return None
        return _norm(symbol) if symbol else None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(HEAD_CHARS)
    except OSError:
        return None
    head = re.sub(r"[*_\\]", "", head)
    formula = FORMULA.search(head)
    m = SYMBOL.search(head, 0, formula.start() if formula else len(head))
    return _norm(m.group(0)) if m else None


def _norm(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


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
                    raise DocumentError(f"{symbol}: the download from {host} took over "
                                        f"{fetch.timeout:g} s")
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise DocumentError(f"{symbol}: {host} answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise DocumentError(f"{symbol}: cannot reach {host} ({_reason(exc.reason)}): "
                            "offline? Put the file in the library folder instead") from None
    except (TimeoutError, OSError) as exc:
        raise DocumentError(f"{symbol}: cannot reach {host} ({_reason(exc)}): offline? "
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
    from reslint.parse import parse_file

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
