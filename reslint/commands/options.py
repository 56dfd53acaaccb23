"""Options that several commands share."""

from __future__ import annotations

from reslint.text.source import MAX_BYTES

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:  # argparse: imported only where a command line is read with it
    import argparse


def parse_size(text: str) -> int:
    """'20M', '512k', '1000000' -> bytes."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    clean = text.strip().lower().rstrip("b")
    factor = units.get(clean[-1:], 1)
    try:
        size = int(float(clean.rstrip("kmg")) * factor)
    except (ValueError, OverflowError):  # "nan", "inf", "1e400"
        size = 0
        why = ""
    else:
        why = " (give a positive size)"
    if size <= 0:
        import argparse  # only for a bad size: a check does not import argparse

        raise argparse.ArgumentTypeError(f"not a size: {text!r}{why}")
    return size


def add_max_size(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-size", type=parse_size, default=MAX_BYTES,
                   help="largest input file, e.g. 20M (default 5M)")


def add_tracked(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tracked", choices=("accepted", "original"), default="accepted",
                   help="Word drafts: read tracked changes as accepted (default) or rejected")
