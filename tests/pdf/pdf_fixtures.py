"""Small PDFs built byte by byte, for the reader's refusals (no PDF library needed)."""

from __future__ import annotations

import hashlib
import zlib

PAD = bytes.fromhex(
    "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A"
)
FILE_ID = bytes.fromhex("00112233445566778899aabbccddeeff")


def build(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object n (1-based) is objects[n-1]; object 1 is the catalogue."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1)) + trailer_extra
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + \
            b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def page_pdf(content: bytes, compress: bool = False, font: bytes = b"Times-Roman") -> bytes:
    """One letter-size page drawing `content` (a content stream) with `font` as /F1 (one
    of the standard 14: Times-Roman, Helvetica, Courier ...)."""
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, compress),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /" + font + b" >>",
    ])


def scanned_pdf() -> bytes:
    """A page with no text layer: a grey rectangle where a scan's image would be."""
    return page_pdf(b"0.5 g 72 72 468 648 re f")


def bomb_pdf(inflated: int) -> bytes:
    """A page whose content stream is `inflated` bytes of spaces, deflated."""
    squeeze = zlib.compressobj(9)
    data = bytearray()
    chunk = b" " * (1 << 20)
    for _ in range(inflated // len(chunk)):
        data += squeeze.compress(chunk)
    data += squeeze.flush()
    return build([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + bytes(data)
        + b"\nendstream",
    ])


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"secret") -> bytes:
    """Standard security handler, revision 2 (40-bit RC4), with a user password: no
    reader opens it without the password (PDF 1.7, 7.6.3.3, algorithms 2-4)."""
    owner = (b"owner" + PAD)[:32]
    o_value = _rc4(hashlib.md5(owner).digest()[:5], (user_password + PAD)[:32])
    permissions = (-44).to_bytes(4, "little", signed=True)
    key = hashlib.md5((user_password + PAD)[:32] + o_value + permissions + FILE_ID).digest()[:5]
    u_value = _rc4(key, PAD)
    encrypt = (b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <"
               + u_value.hex().encode() + b"> /P -44 >>")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream(b""),
        encrypt,
    ]
    ident = b"<" + FILE_ID.hex().encode() + b">"
    return build(objects, b"/Encrypt 5 0 R /ID [" + ident + b" " + ident + b"] ")
