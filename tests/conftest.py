"""Suite-wide: compiled rule packs are cached in a folder of the test session's own, so the
suite neither reads nor fills the user's ~/.cache/reslint."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("RESLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reslint-test-cache-"))
