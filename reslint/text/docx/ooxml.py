"""WordprocessingML names and the few attribute readings every module needs."""

from __future__ import annotations

from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{tag}"


def val(el: Any, default: str | None = None) -> str | None:
    """The w:val of `el` (None when `el` is None)."""
    if el is None:
        return default
    found: str | None = el.get(w("val"), default)
    return found


def on(el: Any) -> bool | None:
    """An OOXML toggle (`<w:i/>`, `<w:i w:val="0"/>`): None when absent."""
    if el is None:
        return None
    return val(el, "1") not in ("0", "false", "off")


def int_val(el: Any, default: int | None = None) -> int | None:
    v = val(el)
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default
