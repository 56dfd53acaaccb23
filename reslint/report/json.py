"""The `json` format: the findings as an array of `Finding.to_json()` objects.

Non-ASCII text is written as is (UTF-8), so that drafts in French, Arabic or Chinese
stay readable in the output; any JSON parser reads it back identically.
"""

from __future__ import annotations

import json

from reslint.model import Finding
from reslint.report import Context
from reslint.report._common import ordered


def render(findings: list[Finding], ctx: Context) -> str:
    """Each finding also names the previous resolution its file was compared with and how
    that was found (`previous`: {path, how}; the path is "" when none was found)."""
    paired = {draft: {"path": previous, "how": how} for draft, previous, how in ctx.pairings}
    data = [{**f.to_json(), **({"previous": paired[f.path]} if f.path in paired else {})}
            for f in ordered(findings)]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
