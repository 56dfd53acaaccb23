"""Many files on all cores (`--jobs`): the same report as one process, in the same order;
a file that cannot be checked is one line and the others are still checked (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reslint import workers

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
GA_TEXTS = REPO.parent / "shared" / "ga" / "texts"


def reslint(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "reslint", *args], capture_output=True,
                          text=True, cwd=cwd, env=env)


def square(n: int) -> int:
    return n * n


def test_ordered_map_keeps_the_order_on_two_processes() -> None:
    assert list(workers.ordered_map(square, list(range(50)), jobs=2)) == [
        n * n for n in range(50)]


def test_ordered_map_runs_in_process_for_one_job_or_few_items() -> None:
    seen: list[int] = []

    def note(n: int) -> int:  # a closure: visible only when run in this process
        seen.append(n)
        return n

    assert list(workers.ordered_map(note, [1, 2, 3, 4, 5], jobs=1)) == [1, 2, 3, 4, 5]
    assert list(workers.ordered_map(note, [6, 7], jobs=2)) == [6, 7]
    assert seen == [1, 2, 3, 4, 5, 6, 7]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Six drafts (the seed pair and slipped copies of 78/32) and a README that is not a
    resolution, in a folder."""
    text = (FIXTURES / "A_RES_78_32.txt").read_text(encoding="utf-8")
    (tmp_path / "a_76_47.txt").write_bytes((FIXTURES / "A_RES_76_47.txt").read_bytes())
    (tmp_path / "b_78_32.txt").write_text(text, encoding="utf-8")
    for n, (old, new) in enumerate([("as appropriate;", "as appropriate,"),
                                    ("Seventy-eighth session", "Seventy-seventh session"),
                                    ("Convention on Cluster Munitions to ratify",
                                     "Convention on Cluster Munitions² to ratify"),
                                    ("as appropriate;", "as appropriate.")]):
        assert old in text
        (tmp_path / f"c{n}.txt").write_text(text.replace(old, new, 1), encoding="utf-8")
    (tmp_path / "README.md").write_text("Drafts of the First Committee.\n", encoding="utf-8")
    return tmp_path


def test_jobs_two_gives_the_report_of_one_process(folder: Path) -> None:
    one = reslint("check", str(folder), "--format", "concise", "--jobs", "1")
    two = reslint("check", str(folder), "--format", "concise", "--jobs", "2")
    assert one.returncode == two.returncode == 2  # the README: a file not checked
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert "RES604" in one.stdout and "c0.txt" in one.stdout


def test_a_file_that_is_not_a_resolution_does_not_stop_the_others(folder: Path) -> None:
    done = reslint("check", str(folder), "--format", "concise", "--jobs", "2")
    assert done.returncode == 2
    readme = str(folder / "README.md")
    assert done.stderr.splitlines() == [
        f"reslint: {readme}: no resolution found: the text never names the \"General "
        "Assembly\""]
    # the five drafts after it in the folder's order were still checked
    assert "6 files" in done.stdout.splitlines()[-1]
    for name in ("c0.txt", "c1.txt", "c2.txt", "c3.txt"):
        assert str(folder / name) in done.stdout


def test_jobs_must_be_a_positive_number() -> None:
    done = reslint("check", str(FIXTURES / "A_RES_78_32.txt"), "--jobs", "0")
    assert done.returncode == 2
    assert "'0': a number of jobs is 1 or more" in done.stderr


def test_statistics_give_the_time_on_stderr_and_counts_on_stdout(folder: Path) -> None:
    done = reslint("check", str(folder / "c0.txt"), "--previous",
                   str(folder / "a_76_47.txt"), "--statistics", "--select", "RES6")
    assert done.returncode == 1
    assert done.stdout.split() == ["1", "RES604", "operative-semicolon"]
    last = done.stderr.splitlines()[-1]
    assert last.startswith("1 file checked in ") and last.endswith(" s")


@pytest.mark.skipif(not GA_TEXTS.is_dir(), reason="../shared/ga is absent")
def test_the_whole_corpus_on_two_jobs_is_byte_identical_to_one() -> None:
    one = reslint("check", str(GA_TEXTS), "--format", "json", "--jobs", "1")
    two = reslint("check", str(GA_TEXTS), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode
    assert one.returncode in (0, 1), one.stderr
    assert two.stdout == one.stdout
    assert len(one.stdout) > 1000


CORPUS = REPO.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_a_batch_audit_with_its_library_on_two_jobs_is_the_report_of_one(tmp_path) -> None:
    """The library folder is listed and read once before the workers fork: each worker
    pairs its drafts as one process does (the First Committee corpus as its own library)."""
    config = tmp_path / ".reslint.yaml"
    config.write_text(f"library: {CORPUS}\n")
    drafts = sorted(str(p) for p in CORPUS.glob("A_*.md"))
    args = ("check", *drafts, "--config", str(config), "--format", "json")
    one = reslint(*args, "--jobs", "1")
    two = reslint(*args, "--jobs", "2")
    assert one.returncode in (0, 1), one.stderr
    assert (two.returncode, two.stdout) == (one.returncode, one.stdout)
    assert '"how": "from the library ' in one.stdout


def first_threshold(_: int) -> int:
    import gc

    return gc.get_threshold()[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_many_files_are_checked_with_few_collections_and_the_collector_is_restored(jobs) -> None:
    import gc

    before = gc.get_threshold()
    seen = list(workers.ordered_map(first_threshold, list(range(8)), jobs))
    assert seen == [workers.FEW_CYCLES] * 8  # in this process and in the workers
    assert gc.get_threshold() == before
    assert list(workers.ordered_map(first_threshold, [1], jobs)) == [before[0]]  # one file
