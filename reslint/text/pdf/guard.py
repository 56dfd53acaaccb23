"""Checks on a PDF's bytes before PDFium sees them: is it a PDF, and is it a bomb?

A PDF bomb is a small file whose compressed streams inflate to gigabytes.  PDFium
inflates a page's content stream whole when it loads the page, so the streams are
inflated here first, in bounded chunks, and the file is refused once their total passes
`MAX_INFLATED`; memory stays at one chunk and time at a bounded amount of inflation.
"""

from __future__ import annotations

import re
import zlib

from reslint.text.source import InputError

MAX_INFLATED = 256 * 1024 * 1024  # a resolution's streams inflate to a few megabytes
CHUNK = 1 << 20
STREAM = re.compile(rb"stream\r?\n")


def check_bytes(path: str, data: bytes) -> None:
    head = data[:1024]
    if b"%PDF-" not in head:
        raise InputError(path, "not a PDF: no %PDF header (is it another format renamed?)")
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-4096:]:
        raise InputError(path, "truncated PDF: the file ends before its end-of-file marker")
    total = 0
    for m in STREAM.finditer(data):
        total += _inflated_size(data, m.end(), MAX_INFLATED - total)
        if total >= MAX_INFLATED:
            raise InputError(
                path, f"PDF streams inflate to over {MAX_INFLATED // (1024 * 1024)} MB "
                "(a PDF bomb?): refused"
            )


def _inflated_size(data: bytes, start: int, budget: int) -> int:
    """How many bytes the zlib stream at `start` inflates to, stopping past `budget`;
    what inflated before an error when it is not (or stops being) a zlib stream."""
    inflater = zlib.decompressobj()
    size = 0
    pos = start
    try:
        while pos < len(data) and size < budget and not inflater.eof:
            pending = data[pos : pos + 65536]
            pos += len(pending)
            while pending and size < budget and not inflater.eof:
                size += len(inflater.decompress(pending, CHUNK))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size
