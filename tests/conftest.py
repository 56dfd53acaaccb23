"""Suite-wide: compiled rule packs are cached in a folder of the test session's own, so the
suite neither reads nor fills the user's ~/.cache/reslint."""

from __future__ import annotations

import os
import tempfile

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
