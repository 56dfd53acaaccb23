"""Benchmark reslint the way docs/research/perf-anchors.md measures linters.

    python bench/bench.py [--pairs 15] [--rounds 3] [--series ../shared/corpus]
    python bench/bench.py --corpus ../shared/ga/texts [--rounds 2] [--jobs N]

The second form is (d) alone: reslint, and where installed markdownlint-cli
(`markdownlint`) and proselint, each run once over the same folder of texts per round, in
alternation (reslint, markdownlint, proselint, reslint, ...), with the wall time, files per
second, the peak memory of the whole process tree (every --jobs worker counted) and the
ratios of files per second.

Prints three tables:

(a) start-up: the whole process of `reslint check` on the bundled seed pair next to the
    floor `python -c "import yaml, regex"`, run in alternation (A B A B ...) after two
    uncounted warm-up pairs; the figure to quote is the median of the pairwise ratios
    (the machine drifts between a fast and a slow phase, so separate medians are noisy);
(b) throughput on the development corpus: every consecutive pair of each series
    (79 vs 78, 80 vs 79, the 80 draft vs 79), once as one process per pair and once in
    process (reslint imported, the CLI's `main` called per pair);
(c) parse only, in process: the time to parse each corpus file.

Uses the `reslint` of the interpreter that runs this script (its venv's console script,
else `python -m reslint`).  Exit codes 0 and 1 are normal results; a 2 (input or rule
error) is counted and shown.  This is a measuring tool, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "fixtures" / "A_RES_78_32.txt"
PREVIOUS = ROOT / "tests" / "fixtures" / "A_RES_76_47.txt"
SESSIONS = {"seventy-eighth": 78, "seventy-ninth": 79, "eightieth": 80, "eighty-first": 81}


def reslint_cmd() -> list[str]:
    script = Path(sys.executable).parent / "reslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reslint"]


def wall(cmd: list[str]) -> tuple[float, int]:
    """Whole-process wall time; output read through a pipe and thrown away."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start, proc.returncode


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.1f} ms"


def table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  " + "  ".join("-" * w for w in widths))
    for row in rows:
        print("  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


# -- (a) start-up, paired -------------------------------------------------------------------


def bench_startup(pairs: int) -> None:
    a_cmd = [*reslint_cmd(), "check", str(DRAFT), "--previous", str(PREVIOUS)]
    b_cmd = [sys.executable, "-c", "import yaml, regex"]
    for _ in range(2):  # warm-up pairs: file cache, bytecode caches
        wall(a_cmd)
        wall(b_cmd)
    ta, tb, codes = [], [], set()
    for _ in range(pairs):
        t, code = wall(a_cmd)
        ta.append(t)
        codes.add(code)
        tb.append(wall(b_cmd)[0])
    ratios = [a / b for a, b in zip(ta, tb, strict=True)]
    table(
        f"(a) whole process, {pairs} alternating pairs (A B A B ...), after 2 warm-up pairs",
        ("command", "median", "min", "exit"),
        [
            ("reslint check 78/32 --previous 76/47", ms(statistics.median(ta)), ms(min(ta)),
             ",".join(map(str, sorted(codes)))),
            ('python -c "import yaml, regex"', ms(statistics.median(tb)), ms(min(tb)), "0"),
        ],
    )
    print(f"  reslint / floor, median of pairwise ratios: {statistics.median(ratios):.2f}x "
          f"(min {min(ratios):.2f}x, max {max(ratios):.2f}x)")


# -- (b) corpus pairs -----------------------------------------------------------------------


def corpus_files(corpus: Path) -> list[dict[str, object]]:
    """Rows of the corpus README's file table: series, symbol, title, session, path."""
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in readme.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or not cells[1].startswith("A/"):
            continue
        series, symbol, title, _, session = cells[:5]
        path = corpus / (symbol.replace("/", "_") + ".md")
        word = session.lower().removesuffix(" session")
        if not path.exists() or word not in SESSIONS:
            continue
        rows.append({
            "series": series, "symbol": symbol, "title": title, "path": path,
            "session": SESSIONS[word], "draft": "/C.1/" in symbol,
        })
    return rows


def corpus_pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    """(label, draft, previous): per title, each resolution against the one a session
    earlier, and the draft against the resolution of the session before it."""
    files = corpus_files(corpus)
    pairs = []
    for title in dict.fromkeys(str(f["title"]) for f in files):
        res = {f["session"]: f for f in files if f["title"] == title and not f["draft"]}
        drafts = [f for f in files if f["title"] == title and f["draft"]]
        for f in sorted(res.values(), key=lambda f: f["session"]) + drafts:
            prev = res.get(int(f["session"]) - 1)  # type: ignore[call-overload]
            if prev is not None:
                label = f"{f['series']} {f['symbol']} vs {prev['symbol']}"
                pairs.append((label, Path(f["path"]), Path(prev["path"])))  # type: ignore[arg-type]
    return pairs


def check_in_process():
    """The in-process check entry point, or None when `reslint check` is not there."""
    try:
        import reslint.commands.check  # noqa: F401
        from reslint.cli import main
    except ImportError:
        return None

    def run(draft: Path, prev: Path) -> int:
        argv = ["check", str(draft), "--previous", str(prev), "--format", "json"]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return main(argv)

    return run


def bench_corpus(corpus: Path, rounds: int) -> None:
    pairs = corpus_pairs(corpus)
    if not pairs:
        print(f"\n(b) corpus: no pairs found in {corpus}; skipped")
        return
    cmd = reslint_cmd()

    def subprocess_round() -> tuple[float, list[int]]:
        start, codes = time.perf_counter(), []
        for _, draft, prev in pairs:
            codes.append(wall([*cmd, "check", str(draft), "--previous", str(prev)])[1])
        return time.perf_counter() - start, codes

    run = check_in_process()

    def inproc_round() -> tuple[float, list[int]]:
        start, codes = time.perf_counter(), []
        for _, draft, prev in pairs:
            codes.append(run(draft, prev))  # type: ignore[misc]
        return time.perf_counter() - start, codes

    rows = []
    modes = [("one process per pair", subprocess_round)]
    if run is not None:
        modes.append(("in process (reslint.cli.main)", inproc_round))
    else:
        modes.append(("in process: unavailable, subprocess again", subprocess_round))
    first_codes: list[int] = []
    for name, fn in modes:
        fn()  # warm-up round (in process: imports, rule loading, regex compilation)
        times = []
        for _ in range(rounds):
            t, codes = fn()
            times.append(t)
            first_codes = first_codes or codes
        med = statistics.median(times)
        rows.append((name, f"{len(pairs)}", ms(med / len(pairs)), f"{len(pairs) / med:7.1f}"))
    table(
        f"(b) corpus {corpus}: {len(pairs)} consecutive pairs, median of {rounds} rounds "
        "after 1 warm-up round",
        ("mode", "pairs", "per pair", "files/s"),
        rows,
    )
    errors = [label for (label, _, _), c in zip(pairs, first_codes, strict=True) if c not in (0, 1)]
    findings = sum(1 for c in first_codes if c == 1)
    print(f"  exit 1 (findings) on {findings} pairs; exit 2 (errors) on {len(errors)}"
          + (f": {', '.join(errors)}" if errors else ""))


# -- (c) parse only -------------------------------------------------------------------------


def bench_parse(corpus: Path, repeat: int) -> None:
    from reslint.parse import parse_file

    files = sorted(corpus.glob("A_*.md")) if corpus.is_dir() else []
    files = [DRAFT, PREVIOUS, *files]
    rows, per_kb = [], []
    for path in files:
        try:
            parse_file(str(path))  # warm
        except Exception as exc:  # a benchmark reports, it does not stop
            rows.append((path.name, f"{path.stat().st_size}", f"error: {exc}", ""))
            continue
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            parse_file(str(path))
            times.append(time.perf_counter() - start)
        med = statistics.median(times)
        per_kb.append(med / (path.stat().st_size / 1024))
        rows.append((path.name, f"{path.stat().st_size}", ms(med), ms(min(times))))
    table(f"(c) parse only, in process, median of {repeat} after 1 warm-up",
          ("file", "bytes", "median", "min"), rows)
    if per_kb:
        print(f"  median {statistics.median(per_kb) * 1e3:.2f} ms per KiB")


# -- (d) side by side on a folder ------------------------------------------------------------


def tree_rss(pid: int) -> int:
    """Resident memory of `pid` and its descendants now, in bytes (Linux /proc; 0 elsewhere)."""
    total, todo = 0, [pid]
    while todo:
        here = todo.pop()
        try:
            with open(f"/proc/{here}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{here}/task"):
                with open(f"/proc/{here}/task/{task}/children", encoding="ascii") as kids:
                    todo += [int(k) for k in kids.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_sampled(cmd: list[str]) -> tuple[float, int, int]:
    """Wall time, peak resident memory of the process tree (sampled every 10 ms) and exit."""
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.01):
            peak = max(peak, tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak, code


def peers(files: list[str], folder: Path) -> list[tuple[str, list[str]]]:
    """The tools to compare, each with its command over the same files; the peers only where
    installed (markdownlint-cli on PATH, proselint on PATH or beside this interpreter)."""
    import shutil

    tools = [("reslint check FOLDER", [*reslint_cmd(), "check", str(folder), "--format",
                                       "concise", "--exit-zero"])]
    markdownlint = shutil.which("markdownlint")
    if markdownlint:
        tools.append(("markdownlint-cli", [markdownlint, *files]))
    proselint = shutil.which("proselint") or os.environ.get("PROSELINT")
    if proselint:
        tools.append(("proselint", [proselint, "check", *files]
                      if _proselint_has_check(proselint) else [proselint, *files]))
    return tools


def _proselint_has_check(proselint: str) -> bool:
    """proselint 0.14+ takes `proselint check FILES`; older ones take the files directly."""
    done = subprocess.run([proselint, "--help"], capture_output=True, text=True)
    return " check" in done.stdout


def bench_folder(folder: Path, rounds: int, jobs: int | None) -> None:
    files = sorted(str(p) for p in folder.iterdir()
                   if p.suffix in (".md", ".txt") and not p.name.startswith("."))
    if not files:
        print(f"(d) {folder}: no .md or .txt files")
        return
    tools = peers(files, folder)
    if jobs is not None:
        tools[0] = (f"{tools[0][0]} --jobs {jobs}", [*tools[0][1], "--jobs", str(jobs)])
    size = sum(os.path.getsize(f) for f in files)
    results: dict[str, list[tuple[float, int, int]]] = {name: [] for name, _ in tools}
    for _ in range(rounds):  # alternating: the machine's slow phases fall on every tool
        for name, cmd in tools:
            results[name].append(run_sampled(cmd))
    rows = []
    rates: dict[str, float] = {}
    for name, _ in tools:
        walls = [w for w, _, _ in results[name]]
        rates[name] = len(files) / statistics.median(walls)
        rows.append((name, ", ".join(f"{w:.1f} s" for w in walls), f"{rates[name]:7.1f}",
                     f"{max(p for _, p, _ in results[name]) / 2**20:6.0f} MB",
                     ",".join(sorted({str(c) for _, _, c in results[name]}))))
    table(f"(d) {len(files)} files of {folder} ({size / 2**20:.1f} MB), one invocation per "
          f"tool per round, {rounds} alternating rounds",
          ("tool", "wall (each round)", "files/s", "peak memory", "exit"), rows)
    ours = rates[tools[0][0]]
    for name, _ in tools[1:]:
        print(f"  reslint files/s / {name} files/s: {ours / rates[name]:.1f}x")
    if len(tools) == 1:
        print("  (markdownlint-cli and proselint not installed: `npm install -g "
              "markdownlint-cli`, `pip install proselint`)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=15, help="alternating pairs for (a)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds over the corpus (b)")
    ap.add_argument("--repeat", type=int, default=11, help="parses per file for (c)")
    default_series = Path(os.environ.get("RESLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--series", type=Path, default=default_series,
                    help="the First Committee corpus (a README listing its files) for (b), (c)")
    ap.add_argument("--corpus", type=Path, default=None, metavar="DIR",
                    help="(d) only: reslint and its peers side by side on DIR's files")
    ap.add_argument("--jobs", type=int, default=None, help="(d): reslint's --jobs")
    args = ap.parse_args(argv)
    try:
        import reslint  # noqa: F401
    except ImportError:  # run from a checkout without installing: use the source tree
        sys.path.insert(0, str(ROOT))

    import regex
    import yaml

    print(f"reslint bench: python {sys.version.split()[0]} ({sys.executable}), "
          f"PyYAML {yaml.__version__} (libyaml {'yes' if yaml.__with_libyaml__ else 'no'}), "
          f"regex {regex.__version__}, {os.cpu_count()} CPUs")
    print(f"reslint command: {' '.join(reslint_cmd())}")
    if args.corpus is not None:
        bench_folder(args.corpus, args.rounds, args.jobs)
        return 0
    bench_startup(args.pairs)
    if (args.series / "README.md").exists():
        bench_corpus(args.series, args.rounds)
    else:
        print(f"\n(b) corpus: {args.series} not found; skipped (use --series)")
    bench_parse(args.series, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
