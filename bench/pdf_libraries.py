"""How the PDF library was chosen: text fidelity and CPU time per page of each candidate.

    python bench/pdf_libraries.py LIBRARY [--every 8] [--ga ../shared/ga]

LIBRARY: pypdfium2, pypdf or pdfminer.six (install it first).  For every n-th PDF of
ga/pdf it extracts the plain text of each page and compares it, as a bag of words and
punctuation, with the extracted text of the same document in ga/texts (PyMuPDF's, page
furniture and all): fidelity is the shared share of tokens.  Time is CPU time
(time.process_time), the machine being shared.  Measured 2026-12-05 on every 8th PDF
(48 pages): pypdfium2 3.1 ms/page, fidelity 0.9965; pypdf 503 ms/page, 0.9994;
pdfminer.six 503 ms/page, 0.9977.  pdfplumber is built on pdfminer.six.  A measuring
tool, not a test.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pypdfium2(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = [doc[i].get_textpage().get_text_bounded() for i in range(len(doc))]
    return "\n".join(pages), len(pages)


def _pypdf(path: Path) -> tuple[str, int]:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def _pdfminer(path: Path) -> tuple[str, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    with open(path, "rb") as handle:
        count = sum(1 for _ in PDFPage.get_pages(handle))
    return extract_text(str(path)), count


READERS = {"pypdfium2": _pypdfium2, "pypdf": _pypdf, "pdfminer.six": _pdfminer}


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+|[^\w\s]", text))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", choices=sorted(READERS))
    parser.add_argument("--every", type=int, default=8)
    parser.add_argument("--ga", default=str(ROOT.parent / "shared" / "ga"))
    args = parser.parse_args()
    ga = Path(args.ga)
    read = READERS[args.library]
    files = sorted((ga / "pdf").glob("*.pdf"))[:: args.every]
    pages, seconds, fidelity = 0, 0.0, []
    for path in files:
        started = time.process_time()
        text, count = read(path)
        seconds += time.process_time() - started
        pages += count
        reference = (ga / "texts" / f"{path.stem}.md").read_text(encoding="utf-8")
        want, got = tokens(reference.split("\n", 1)[1]), tokens(text)
        shared = sum((want & got).values())
        fidelity.append(shared / max(sum(want.values()), sum(got.values())))
    print(f"{args.library}: {pages} pages, {1000 * seconds / pages:.1f} ms CPU per page, "
          f"fidelity mean {sum(fidelity) / len(fidelity):.4f} min {min(fidelity):.4f}")


if __name__ == "__main__":
    main()
