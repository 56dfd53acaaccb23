"""Report formats: turn findings into the text a person, a CI system or GitHub reads.

Each format lives in its own module and is imported only when asked for, so that the
common case (a text report in a terminal) does not pay for `json` or `xml` imports.
Every module exposes ``render(findings, ctx) -> str``; this package only dispatches.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reslint._dataclass import dataclass
from reslint.model import Finding, RuleInfo

FORMATS = ("full", "concise", "json", "sarif", "github", "gitlab", "junit", "markdown")
ALIASES = {"text": "full"}


@dataclass(frozen=True)
class Summary:
    """What the closing summary line reports beyond the findings themselves.

    The caller knows things the findings do not: how many files were checked (files
    without findings leave no trace) and how many findings `--fix` removed."""

    files: int
    fixed: int = 0
    fixable: int = 0


@dataclass(frozen=True)
class Context:
    """Everything a format module may need besides the findings, already resolved."""

    rules: dict[str, RuleInfo]
    root: str
    tool_version: str
    summary: Summary
    files: tuple[str, ...] = ()
    colour: bool = False  # ANSI colour in the text formats (a terminal that wants it)
    quiet: bool = False  # the findings only: no summary lines
    fail_on: str = "warning"  # the lowest failing severity (JUnit failures, as the exit code)
    # (draft, previous resolution's path or "", how it was found or why none was)
    pairings: tuple[tuple[str, str, str], ...] = ()


def resolve_format(fmt: str) -> str:
    """Return the canonical format name, or raise ValueError naming the valid ones."""
    name = ALIASES.get(fmt, fmt)
    if name not in FORMATS:
        from difflib import get_close_matches  # only on the error path

        valid = ", ".join([*FORMATS, *ALIASES])
        close = get_close_matches(fmt, [*FORMATS, *ALIASES], n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(f"unknown output format {fmt!r} ({hint}expected one of: {valid})")
    return name


def render(
    fmt: str,
    findings: Sequence[Finding],
    rules: dict[str, RuleInfo],
    *,
    root: str,
    tool_version: str,
    summary: Summary | None = None,
    files: Sequence[str] | None = None,
    colour: bool = False,
    quiet: bool = False,
    fail_on: str = "warning",
    pairings: Sequence[tuple[str, str, str]] = (),
) -> str:
    """Render `findings` in format `fmt` ("text" is an alias of "full").

    `root` is the repository root that SARIF URIs and annotation paths are made relative
    to.  `files` lists every checked file, so that formats can show clean files too
    (JUnit passing cases, the file count).  Without a `summary`, one is derived: the file
    count from `files` (or the paths in `findings`), fixable from findings with a safe fix.
    `rules` should hold the rules that ran (SARIF lists them), `fail_on` the severity that
    fails the run (JUnit counts only those findings as failures).
    """
    name = f"{__name__}.{resolve_format(fmt)}"
    __import__(name)  # importlib.import_module, without importing importlib (3.4 M)
    module = sys.modules[name]
    checked = tuple(files or ())
    if summary is None:
        count = len(checked) if files is not None else len({f.path for f in findings})
        fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
        summary = Summary(files=count, fixable=fixable)
    ctx = Context(rules=rules, root=root, tool_version=tool_version, summary=summary,
                  files=checked, colour=colour, quiet=quiet, fail_on=fail_on,
                  pairings=tuple(pairings))
    report: str = module.render(list(findings), ctx)
    return report


__all__ = ["ALIASES", "FORMATS", "Context", "Summary", "render", "resolve_format"]
