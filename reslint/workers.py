"""Many files on all cores, in the order one process gives (as ruff and pre-commit do).

Worker processes are forked from the caller after it has loaded what every file needs (the
compiled packs, the library's index): a worker inherits them and compiles nothing again.
Where `fork` does not exist (Windows) or would be unsafe to assume (one job, few items),
the work runs in this process, in order, with the same results.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import TypeVar

if TYPE_CHECKING:
    Item = TypeVar("Item")
    Result = TypeVar("Result")

# below this many items, forking costs more than it saves (a pre-commit run of one draft)
MIN_PARALLEL = 4
FEW_CYCLES = 20_000  # the collector's first threshold while many files are checked

_TASK: Callable[..., object] | None = None  # the function the forked workers run


def default_jobs() -> int:
    """The CPUs this process may use (its affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def ordered_map(task: Callable[[Item], Result], items: Sequence[Item],
                jobs: int | None = None) -> Iterator[Result]:
    """`task(item)` for each item, yielded in the items' order as soon as each is ready.
    `task` must catch what it wants reported per item: an exception that escapes a worker
    ends the run, as it would in one process."""
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    jobs = min(jobs, len(items))
    if len(items) < MIN_PARALLEL:
        yield from map(task, items)
        return
    # Checking a file makes and drops hundreds of thousands of objects, almost none in
    # reference cycles (after all 618 texts of ../shared/ga with the collector off, 175 were
    # left): collected every 700 objects, that was 435 collections and 0.06 s of a 3 s run;
    # every 20,000, two, with the same peak memory.
    threshold = gc.get_threshold()
    gc.set_threshold(FEW_CYCLES, *threshold[1:])
    try:
        if jobs < 2 or not hasattr(os, "fork"):
            yield from map(task, items)
        else:
            yield from _forked(task, items, jobs)
    finally:
        gc.set_threshold(*threshold)


def _forked(task: Callable[[Item], Result], items: Sequence[Item], jobs: int
            ) -> Iterator[Result]:
    # imported here: multiprocessing costs the one-draft hook ~8 ms of its ~90 (importtime)
    import multiprocessing

    global _TASK
    _TASK = task
    # What the workers inherit (modules, compiled packs, the run's library) lives as long
    # as they do: frozen, the collector of each worker neither walks it again nor, by
    # touching it, copies its memory pages from the parent (Python's gc.freeze advice).
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        # small chunks keep the order's head moving (the report streams); a few per worker
        # keep the pipe traffic low on a folder of hundreds of drafts
        chunk = max(1, min(8, len(items) // (jobs * 8)))
        with context.Pool(jobs) as pool:
            yield from pool.imap(_run, items, chunksize=chunk)
    finally:
        _TASK = None
        gc.unfreeze()


def _run(item: object) -> object:
    assert _TASK is not None, "ordered_map's task is set before the workers fork"
    return _TASK(item)
