"""Reading a file as drafters have it: bytes in, decoded text and a line index out.

The decoded text keeps the file's own line endings (only a BOM is dropped), so offsets
into it count the lines of the original file, CRLF or not.
"""

from __future__ import annotations

import bisect
import os
from itertools import accumulate

from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError
from reslint.model import Span

MAX_BYTES = 5 * 1024 * 1024  # a resolution is ~10-50 KB; raise with --max-size


class InputError(ReslintError):
    """A file that cannot be read as a resolution: the CLI prints it as one line, exit 2."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class SourceText:
    path: str
    text: str  # decoded, BOM removed, line endings as in the file
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    # The file ends its lines with a bare CR (classic Mac): `text` holds LF in their place
    # (one character for one, so offsets are the file's) and a fix writes CR back.
    cr_only: bool = False
    _line_starts: list[int] | None = field(default=None, repr=False)
    _last_line: tuple[int, str] | None = field(default=None, repr=False, compare=False)

    @property
    def line_starts(self) -> list[int]:
        """Offsets where each line starts; built on first use (a refused file never pays)."""
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return self._line_starts

    def linecol(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an original offset."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        """`linecol` of both ends; the end is mostly on the start's line, found without a
        second search (the parser asks ~8 spans a KB of text)."""
        starts = self._line_starts or self.line_starts
        line = bisect.bisect_right(starts, start)  # 1-based
        column = start - starts[line - 1] + 1
        if end <= start:
            return Span(line, column, line, column, start, end)
        if line < len(starts) and end >= starts[line]:  # on a later line
            end_line = bisect.bisect_right(starts, end)
            return Span(line, column, end_line, end - starts[end_line - 1] + 1, start, end)
        return Span(line, column, line, end - starts[line - 1] + 1, start, end)

    def line_text(self, line: int) -> str:
        """The original line (1-based) without its line ending (the same string for every
        finding on a line: 10,000 findings on one long line no longer copy it 10,000
        times)."""
        if self._last_line is not None and self._last_line[0] == line:
            return self._last_line[1]
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        text = self.text[start:end].rstrip("\r\n")
        self._last_line = (line, text)
        return text

    def page_of(self, line: int) -> tuple[int, int] | None:
        """(page, line on the page) of a line, for paged sources (PDF); None here."""
        return None

    def lines(self) -> list[tuple[int, str]]:
        """Each line as (start offset, text without line ending)."""
        # one split, not a slice a line: the pieces are the lines between the starts
        pieces = self.text.split("\n")
        if self._line_starts is None:  # from the pieces' lengths: no search a line
            starts = list(accumulate(map((1).__add__, map(len, pieces)), initial=0))
            starts.pop()  # the position past the last line
            self._line_starts = starts
        if "\r" not in self.text:  # no line ends with CR: the pairs as they are
            return list(zip(self.line_starts, pieces, strict=True))
        return [(start, piece.rstrip("\r"))
                for start, piece in zip(self.line_starts, pieces, strict=True)]


def decode(path: str, data: bytes) -> SourceText:
    """Decode UTF-8 (with or without BOM) or UTF-16 (with a BOM, or recognised by its
    zero bytes); refuse anything else.  Bare-CR line endings are read as lines."""
    if not data or data.isspace():
        raise InputError(path, "empty file: nothing to check")
    bom = False
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        bom, data = True, data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, bom = "utf-16", True
    elif b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data[:8192]) or encoding
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes): not a text resolution")
    try:
        text = data.decode(encoding)
        if encoding == "utf-16":
            text = text.lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputError(path, f"not valid {encoding.upper()} (byte {exc.start})") from None
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            path, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", line
        ) from None
    cr_only = "\r" in text and "\n" not in text
    if cr_only:
        text = text.replace("\r", "\n")
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    return SourceText(path, text, encoding, bom, newline, cr_only)


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 text without a BOM (a
    zero byte in most even or most odd positions, almost none in the others)."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.4 and even <= pairs * 0.02:
        return "utf-16-le"
    if even >= pairs * 0.4 and odd <= pairs * 0.02:
        return "utf-16-be"
    return None


def read_bytes(path: str, max_bytes: int = MAX_BYTES, head: int | None = None) -> bytes:
    """The file's bytes (or its first `head` bytes), refused over `max_bytes`; every way a
    read can fail becomes one InputError that names the file."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(
                path,
                f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                "(raise it with --max-size)",
            )
        if size == 0:
            raise InputError(path, "empty file: nothing to check")
        with open(path, "rb") as handle:
            return handle.read() if head is None else handle.read(head)
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None


def read_source(path: str, max_bytes: int = MAX_BYTES) -> SourceText:
    return decode(path, read_bytes(path, max_bytes))
