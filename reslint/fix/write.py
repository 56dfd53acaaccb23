"""Writing a fixed file back: atomically, in the file's own encoding, BOM and line endings.

The decoded text (reslint.text.source) keeps CRLF and drops only the BOM, and fixes insert
no line endings of their own, so re-encoding it gives back every byte outside the fixed
spans.  The new content goes to a temporary file in the same folder, is flushed to disk,
takes the old file's mode and then replaces it in one rename: an interrupted write leaves
the old file, never half a file.
"""

from __future__ import annotations

import os
import stat
import tempfile

from reslint.errors import ReslintError
from reslint.text.source import SourceText, decode

UTF8_BOM = b"\xef\xbb\xbf"


class FixError(ReslintError):
    """A file that cannot be fixed (read-only, changed on disk meanwhile)."""


def encode(source: SourceText, text: str, original: bytes) -> bytes:
    """`text` as bytes the way `original` (the bytes `source` was decoded from) was."""
    if source.cr_only:
        text = text.replace("\n", "\r")
    if source.encoding == "utf-16":
        bom = original[:2]
        return bom + text.encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be")
    if source.encoding in ("utf-16-le", "utf-16-be"):  # read without a BOM: none written
        return text.encode(source.encoding)
    return (UTF8_BOM if source.bom else b"") + text.encode("utf-8")


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise FixError(f"{path}: not fixed: cannot read: {exc.strerror}") from None


def is_read_only(path: str) -> bool:
    """No write permission, or no write bit at all (root may write anyway; we do not)."""
    mode = os.stat(path).st_mode
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def write_fixed(path: str, source: SourceText, text: str) -> None:
    """Replace the file at `path` (decoded as `source`) by `text`, atomically.

    The file must still be the one that was checked: its content is compared when the
    fix starts, and its identity (device, inode, size, modification time) and content are
    checked again right before the rename, so that an editor's save made meanwhile (in
    place, or by replacing the file) is kept and the fix refused."""
    if is_read_only(path):
        raise FixError(f"{path}: not fixed: the file is read-only")
    target = os.path.realpath(path)  # a symlink keeps pointing at the fixed file
    before = _identity(target)
    original = read_bytes(path)
    if decode(path, original).text != source.text or not _same(_identity(target), before):
        raise FixError(f"{path}: not fixed: the file changed on disk while it was checked")
    folder = os.path.dirname(target) or "."
    mode = stat.S_IMODE(before.st_mode)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".reslint-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FixError(f"{path}: not fixed: cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode(source, text, original))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        # the last look before the rename: the window left is the rename itself
        if not _same(_identity(target), before) or read_bytes(path) != original:
            os.unlink(tmp)
            raise FixError(f"{path}: not fixed: the file changed on disk while it was "
                           "fixed (saved by another program?); check it again")
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise FixError(f"{path}: not fixed: {exc.strerror}") from None


def _identity(path: str) -> os.stat_result:
    try:
        return os.stat(path)
    except OSError as exc:
        raise FixError(f"{path}: not fixed: {exc.strerror}") from None


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_dev, b.st_ino, b.st_size,
                                                            b.st_mtime_ns)
