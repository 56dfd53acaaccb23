"""PDF drafts and resolutions: the official document itself, read by its geometry.

A .pdf is read into a `PdfSource` (reslint.text.pdf.source): the Markdown view the parser
already reads, built from the PDF's text objects, where footnote markers are the
superscript glyphs and page furniture is what sits in the page's top and bottom bands, so
nothing is guessed from patterns.  Every character of the view points at a line of the
PDF; reports show `file.pdf:page:line`.

pypdfium2 is an optional extra (`reslint[pdf]`): nothing here imports it until a .pdf is
read, so the plain hook stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reslint.text.pdf.source import PdfSource

SUFFIX = ".pdf"


def is_pdf(path: str) -> bool:
    """Whether `path` names a PDF (by extension); reslint never rewrites one."""
    return str(path).lower().endswith(SUFFIX)


def read_pdf(path: str, max_bytes: int, pages: int | None = None) -> PdfSource:
    """The PDF as a source to parse; only its first `pages` when given (the first page
    holds the heading: symbol, session, agenda item and title)."""
    from reslint.text.pdf.guard import check_bytes
    from reslint.text.source import InputError, read_bytes

    data = read_bytes(path, max_bytes)
    check_bytes(path, data)
    try:
        from reslint.text.pdf.runs import read_runs
        from reslint.text.pdf.source import build_source

        return build_source(path, read_runs(path, data, pages))
    except ImportError:
        raise InputError(
            path, "reading PDF needs the pdf extra: pip install 'reslint[pdf]'"
        ) from None

