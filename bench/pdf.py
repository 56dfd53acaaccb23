"""Measure the PDF reader: time per page, peak memory, and a small PDF's check against the
same check on its text.

    python bench/pdf.py [--rounds 7] [--ga ../shared/ga]

(a) per page, in process: PDFium's runs, the Markdown view, and the whole parse of each
    PDF of ga/pdf, CPU time (time.process_time: the machine is shared) per page;
(b) peak memory (max RSS) of `reslint parse` on the largest PDF and on its text;
(c) whole-process CPU time (user + sys) of `reslint check` on the two-page A/RES/79/3 and
    on a one-page PDF cut from it, next to the check of the text of each, run
    alternately; the figure is the median of the pairwise ratios;
(d) pairing from a library folder: CPU time of choosing the previous of A/C.3/80/L.16
    (its text) from a library of the 48 PDFs, with no headings cached (every first page
    read) and with them cached (a later run), next to a library of their 48 texts; each
    in a fresh process, the median of the rounds.

A measuring tool, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def per_page(ga: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from reslint.parse import parse_source
    from reslint.text.pdf.guard import check_bytes
    from reslint.text.pdf.runs import read_runs
    from reslint.text.pdf.source import build_source

    totals = {"guard": 0.0, "runs": 0.0, "view": 0.0, "parse": 0.0}
    pages = 0
    for path in sorted((ga / "pdf").glob("*.pdf")):
        data = path.read_bytes()
        t0 = time.process_time()
        check_bytes(str(path), data)
        t1 = time.process_time()
        runs = read_runs(str(path), data)
        t2 = time.process_time()
        source = build_source(str(path), runs)
        t3 = time.process_time()
        parse_source(source)
        t4 = time.process_time()
        totals["guard"] += t1 - t0
        totals["runs"] += t2 - t1
        totals["view"] += t3 - t2
        totals["parse"] += t4 - t3
        pages += len(runs)
    print(f"(a) {pages} pages of {ga / 'pdf'}: CPU ms per page")
    for key, value in totals.items():
        print(f"    {key:6} {1000 * value / pages:6.1f}")
    print(f"    total  {1000 * sum(totals.values()) / pages:6.1f}")


def _run(args: list[str]) -> tuple[float, int]:
    """CPU seconds (user + sys) and max RSS (KB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "reslint", *args], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss


_PEAK = ("import resource, runpy, sys\n"
         "sys.argv = ['reslint', *sys.argv[1:]]\n"
         "try:\n    runpy.run_module('reslint', run_name='__main__')\n"
         "except SystemExit:\n    pass\n"
         "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n")


def _peak(args: list[str]) -> int:
    """Max RSS (KB, Linux) of one `reslint` process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _PEAK, *args], env=env, check=False,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(done.stderr.strip().splitlines()[-1])


def memory(ga: Path) -> None:
    largest = max((ga / "pdf").glob("*.pdf"), key=lambda p: len(p.read_bytes()))
    text = ga / "texts" / f"{largest.stem}.md"
    floor = _peak(["--version"]) / 1024
    pdf = _peak(["parse", str(largest)]) / 1024
    plain = _peak(["parse", str(text)]) / 1024
    print(f"(b) peak RSS of `reslint parse`: {largest.name} {pdf:.0f} MB, its text "
          f"{plain:.0f} MB (`reslint --version`: {floor:.0f} MB)")


def one_page(source: Path, out: Path) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(source))
    single = pdfium.PdfDocument.new()
    single.import_pages(doc, [0])
    single.save(str(out))
    return out


def text_of(pdf: Path, out: Path) -> Path:
    """The PDF's text as a PDF extractor gives it (pages joined by a newline)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    pages = [doc[i].get_textpage().get_text_bounded().replace("\r\n", "\n")
             for i in range(len(doc))]
    out.write_text("\n".join(pages), encoding="utf-8")
    return out


def check_ratio(pdf: Path, text: Path, rounds: int) -> str:
    ratios, pdf_times, text_times = [], [], []
    _run(["check", str(text)])
    _run(["check", str(pdf)])  # warm-up: the pack cache, the OS's file cache
    for _ in range(rounds):
        a, _ = _run(["check", str(pdf)])
        b, _ = _run(["check", str(text)])
        pdf_times.append(a)
        text_times.append(b)
        ratios.append(a / b)
    return (f"{pdf.name}: {1000 * statistics.median(pdf_times):.0f} ms CPU, its text "
            f"{1000 * statistics.median(text_times):.0f} ms: ratio "
            f"{statistics.median(ratios):.2f} (median of {rounds} pairs)")


_PAIR = ("import sys, time\n"
         "from reslint.parse import parse_file\n"
         "from reslint.pairing import from_library\n"
         "draft = parse_file(sys.argv[1])\n"
         "t = time.process_time()\n"
         "doc, _ = from_library(draft, sys.argv[2])\n"
         "print(time.process_time() - t, doc.path if doc else '')\n")


def _pair(draft: Path, library: Path, cache: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RESLINT_CACHE_DIR": str(cache)}
    env.pop("RESLINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", _PAIR, str(draft), str(library)], env=env,
                          capture_output=True, text=True, check=True)
    return float(done.stdout.split()[0])


def pairing(ga: Path, folder: Path, rounds: int) -> None:
    import shutil

    texts = folder / "library-texts"
    texts.mkdir()
    for pdf in (ga / "pdf").glob("*.pdf"):
        shutil.copy(ga / "texts" / f"{pdf.stem}.md", texts)
    draft = ga / "texts" / "A_C.3_80_L.16.md"
    cold, warm, text = [], [], []
    for k in range(rounds):
        cache = folder / f"cache{k}"
        cold.append(_pair(draft, ga / "pdf", cache))
        warm.append(_pair(draft, ga / "pdf", cache))
        text.append(_pair(draft, texts, cache))
    print(f"(d) pairing A/C.3/80/L.16 from a library of 48: PDFs "
          f"{1000 * statistics.median(cold):.0f} ms CPU with no headings cached, "
          f"{1000 * statistics.median(warm):.0f} ms cached; texts "
          f"{1000 * statistics.median(text):.0f} ms (median of {rounds})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--ga", default=str(ROOT.parent / "shared" / "ga"))
    args = parser.parse_args()
    ga = Path(args.ga)
    per_page(ga)
    memory(ga)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        two = ga / "pdf" / "A_RES_79_3.pdf"
        print("(c) whole `reslint check`, CPU time")
        print("   ", check_ratio(two, ga / "texts" / "A_RES_79_3.md", args.rounds))
        single = one_page(two, folder / "A_RES_79_3_page1.pdf")
        print("   ", check_ratio(single, text_of(single, folder / "A_RES_79_3_page1.md"),
                                  args.rounds))
        pairing(ga, folder, min(args.rounds, 3))


if __name__ == "__main__":
    main()
