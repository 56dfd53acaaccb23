"""Opening a .docx safely: the file's kind first, python-docx only for a real package.

Every way a file can fail to be a Word document ends as one line naming the file
(InputError, exit 2): a renamed text file, an encrypted (password-protected) document, an
old binary .doc, a damaged zip, a package without a main document part.
"""

from __future__ import annotations

import zipfile
from typing import Any

from reslint.text.source import InputError, read_bytes

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: encrypted OOXML or .doc
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
EXTRA_HINT = "reading Word files needs the docx extra: pip install 'reslint[docx]'"


def open_package(path: str, max_bytes: int) -> Any:
    """The python-docx Document of `path`, or InputError with the reason in one line."""
    head = _head(path, max_bytes)
    if head.startswith(OLE_MAGIC):
        with open(path, "rb") as handle:
            data = handle.read()
        if ENCRYPTED_STREAM in data:
            raise InputError(path, "password-protected Word file: remove the password "
                                   "(File > Info > Protect Document) and save again")
        raise InputError(path, "old binary Word file (.doc): save it as .docx")
    if not head.startswith(ZIP_MAGIC):
        raise InputError(path, "not a Word file: a .docx is a zip package "
                               "(is it a renamed text file?)")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError(path, EXTRA_HINT) from None
    try:
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError(path, f"corrupt Word file: {exc}") from None
    if bad is not None:
        raise InputError(path, f"corrupt Word file: damaged part {bad}")
    if "[Content_Types].xml" not in names or not any(
        n.startswith("word/") and n.endswith(".xml") for n in names
    ):
        raise InputError(path, "not a Word file: the zip holds no Word document part")
    try:
        return docx.Document(path)
    except PackageNotFoundError:
        raise InputError(path, "not a Word file: no Word document part") from None
    except (ValueError, KeyError) as exc:
        raise InputError(path, f"not a Word document ({exc})") from None
    except Exception as exc:  # lxml syntax errors, damaged parts: never a traceback
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(path, f"corrupt Word file: {reason}") from None


def _head(path: str, max_bytes: int) -> bytes:
    return read_bytes(path, max_bytes, head=8)
