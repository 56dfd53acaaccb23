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
    try:  # here, not at the top: python-docx is an optional extra (`reslint[docx]`)
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError(path, EXTRA_HINT) from None
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            inspect_parts(path, z, max_bytes)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(path, f"corrupt Word file: {exc}") from None
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


# A Word file inflates to at most INFLATE_FACTOR times the input size limit (--max-size,
# 5 MB by default: 100 MB of XML); no part may inflate more than MAX_RATIO times its
# compressed size (Word's XML compresses 5-20 times; a zip bomb a thousand times).
INFLATE_FACTOR = 20
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # parts smaller than this inflated are not held to MAX_RATIO
CHUNK = 1024 * 1024
# DTDs and entity declarations, in the encodings an XML part may use
FORBIDDEN = tuple(word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY")
                  for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def inspect_parts(path: str, z: zipfile.ZipFile, max_bytes: int) -> None:
    """Refuse a zip bomb before python-docx inflates it (a 4 MB .docx whose document part
    inflated to 4 GiB took 112 s and 8 GB): the declared sizes, each part's compression
    ratio, and the actual inflated bytes (read in chunks, checked against the declaration
    and the CRC) are held to limits derived from --max-size; and no XML part may hold a
    DTD or an entity declaration (external entities, billion laughs)."""
    cap = max_bytes * INFLATE_FACTOR
    infos = z.infolist()
    declared = sum(i.file_size for i in infos)
    if declared > cap:
        raise InputError(path, f"Word file inflates to {declared:,} bytes, over the limit of "
                               f"{cap:,} ({INFLATE_FACTOR} times --max-size; raise it with "
                               "--max-size)")
    total = 0
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise InputError(path, f"Word file part {info.filename} is compressed "
                                   f"{info.file_size // max(info.compress_size, 1):,} to 1 "
                                   f"(over {MAX_RATIO} to 1): refused as a zip bomb")
        xml = info.filename.endswith((".xml", ".rels"))
        tail = b""
        with z.open(info) as part:  # zipfile checks the CRC and the declared size at EOF
            while chunk := part.read(CHUNK):
                total += len(chunk)
                if total > cap:
                    raise InputError(path, f"Word file inflates to more than {cap:,} bytes "
                                           "(raise the limit with --max-size)")
                if xml:
                    window = tail + chunk
                    if any(word in window for word in FORBIDDEN):
                        raise InputError(path, f"Word file part {info.filename} declares a "
                                               "DTD or entities: refused")
                    tail = window[-32:]


def _head(path: str, max_bytes: int) -> bytes:
    return read_bytes(path, max_bytes, head=8)
