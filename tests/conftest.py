"""Suite-wide: compiled rule packs are cached in a folder of the test session's own, so the
suite neither reads nor fills the user's ~/.cache/reslint."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("RESLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reslint-test-cache-"))

# Hypothesis profiles for the fuzz suite (tests/fuzz): CI's default is small and
# deterministic; `python -m pytest tests/fuzz --hypothesis-profile=long` runs a long search.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # hypothesis is in the test extra; the other tests do not need it
    pass
else:
    _QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
    settings.register_profile("ci", max_examples=12, deadline=None, derandomize=True,
                              suppress_health_check=_QUIET, print_blob=True)
    settings.register_profile("long", max_examples=5000, deadline=None,
                              suppress_health_check=_QUIET, print_blob=True)
    settings.load_profile(os.environ.get("RESLINT_HYPOTHESIS_PROFILE", "ci"))



@pytest.fixture
def fresh_budget() -> Iterator[None]:
    """The regex time budget of rule patterns (process-wide) empty during a test, and as it
    was afterwards: a timeout a test provokes must not fail the runs of later tests."""
    from reslint.engine.ruleset import BUDGET

    parts = (BUDGET.spent, BUDGET.timed_out, BUDGET.reported, BUDGET.unseen)
    saved = [part.copy() for part in parts]
    for part in parts:
        part.clear()
    yield
    for part, old in zip(parts, saved, strict=True):
        part.clear()
        if isinstance(part, dict):
            part.update(old)
        else:
            part.extend(old)


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pack cache of the test's own (not yet created), with caching on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("RESLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("RESLINT_NO_CACHE", raising=False)
    return folder
