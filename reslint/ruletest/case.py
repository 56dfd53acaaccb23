"""Run one test case: check its draft as `reslint check` would, then hold the findings
against the draft's expectation comments (and the fixed text, when there is one)."""

from __future__ import annotations

import difflib
from functools import partial
from pathlib import Path
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError
from reslint.model import Finding
from reslint.ruletest.annotations import Expectation, read_annotations

SUFFIXES = (".md", ".txt")


@dataclass
class Case:
    pack: str  # the pack the case belongs to (its folder's name)
    folder: Path
    draft: Path
    previous: Path | None = None
    fixed: Path | None = None
    settings: Path | None = None

    @classmethod
    def at(cls, folder: Path, pack: str) -> Case | None:
        """The case in `folder`, or None when it holds no draft."""
        draft = _one(folder, "draft")
        if draft is None:
            return None
        return cls(pack, folder, draft, _one(folder, "previous"), _one(folder, "fixed"),
                   _settings_file(folder))


def _one(folder: Path, stem: str) -> Path | None:
    for suffix in SUFFIXES:
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


def _settings_file(folder: Path) -> Path | None:
    for name in ("settings.yaml", "settings.yml"):
        if (folder / name).is_file():
            return folder / name
    return None


@dataclass
class Outcome:
    case: Case
    problems: list[str] = field(default_factory=list)  # "path:line: message" lines
    covered: set[str] = field(default_factory=set)  # codes an expect was met for
    notices: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def run_case(case: Case, ruleset: Any, names: dict[str, str], shown: str,
             fixer: Any = None) -> Outcome:
    """`shown` is how the draft's path is printed (relative to the working folder)."""
    from reslint.commands.check import check_file
    from reslint.config import Config
    from reslint.parse import parse_file
    from reslint.text.source import MAX_BYTES, read_source

    outcome = Outcome(case)
    try:
        source = read_source(str(case.draft))
        expectations, problems = read_annotations([t for _, t in source.lines()], names)
        config = Config(settings=_read_settings(case.settings))
        previous = parse_file(str(case.previous)) if case.previous else None
        # lint(document) checks a parsed text as `check` does: what the fix passes call
        lint = partial(check_file, str(case.draft), previous, ruleset, config, MAX_BYTES, "")
        draft, findings = lint(None)
    except ReslintError as exc:
        outcome.problems.append(f"{shown}: cannot run the case: {exc}")
        return outcome
    except Exception as exc:  # a bug in a rule or primitive fails this case, not the run
        outcome.problems.append(f"{shown}: internal error: {type(exc).__name__}: {exc}")
        return outcome
    outcome.problems.extend(_where(shown, p.line, p.column) + p.message for p in problems)
    compare(expectations, findings, shown, outcome)
    if case.fixed is not None:
        try:
            _check_fixed(case, draft, findings, lint, fixer, outcome)
        except Exception as exc:
            outcome.problems.append(f"{_shown(case.fixed)}: cannot check the fixed text: "
                                    f"{type(exc).__name__}: {exc}")
    return outcome


def _where(shown: str, line: int, column: int | None = None) -> str:
    return f"{shown}:{line}:{column}: " if column else f"{shown}:{line}: "


def compare(expectations: list[Expectation], findings: list[Finding], shown: str,
            outcome: Outcome) -> None:
    """Every expect met, no ok violated, no other finding of a mentioned rule."""
    mentioned = {e.rule for e in expectations}
    pending = [f for f in findings if f.rule in mentioned]
    accounted: set[int] = set()

    def on_line(e: Expectation) -> list[Finding]:
        return [f for f in pending if f.rule == e.rule and f.span.line == e.line]

    for e in expectations:
        here = on_line(e)
        if e.kind == "ok":
            for f in here:
                if id(f) not in accounted:
                    accounted.add(id(f))
                    outcome.problems.append(
                        _where(shown, f.span.line, f.span.column)
                        + f"{f.rule} fired where 'ok: {e.rule}' says it must not: {f.message}")
            continue
        hits = [f for f in here if e.column is None or f.span.column == e.column]
        if hits:
            accounted.update(id(f) for f in here)
            outcome.covered.add(e.rule)
        elif here:
            columns = ", ".join(str(f.span.column) for f in here)
            outcome.problems.append(_where(shown, e.line) + f"expected {e.rule} at column "
                                    f"{e.column}, got column {columns}")
            accounted.update(id(f) for f in here)
        else:
            outcome.problems.append(_where(shown, e.line) + f"expected {e.rule}, got nothing")
    for f in pending:
        if id(f) not in accounted:
            outcome.problems.append(_where(shown, f.span.line, f.span.column)
                                    + f"unexpected {f.rule} {f.name}: {f.message}")


def _read_settings(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    from reslint.engine.yamlload import load_yaml

    located = load_yaml(str(path))
    if not isinstance(located.data, dict):
        raise located.error((), "case settings must be a mapping (setting: value)")
    return dict(located.data)


def _check_fixed(case: Case, draft: Any, findings: list[Finding], lint: Any, fixer: Any,
                 outcome: Outcome) -> None:
    """The draft after every safe fix, pass after pass as `check --fix` does, must be
    `fixed.*` exactly (both decoded the same way)."""
    from reslint.text.source import read_source

    if fixer is None:
        outcome.notices.append(f"{case.fixed}: fix expectations skipped: reslint has no fix "
                               "applier yet (reslint check --fix)")
        return
    assert case.fixed is not None
    result = fixer(str(case.draft), draft, findings, lint, False)
    shown = _shown(case.fixed)
    if result.refused:
        outcome.problems.append(f"{shown}: the draft was not fixed: {result.refused}")
        return
    want = read_source(str(case.fixed)).text
    if result.text != want:
        diff = difflib.unified_diff(want.splitlines(True), result.text.splitlines(True),
                                    "expected (fixed)", "got (draft after safe fixes)")
        outcome.problems.append(f"{shown}: the fixed text differs:\n"
                                + "".join("  " + line for line in diff).rstrip("\n"))


def _shown(path: Path) -> str:
    from reslint.commands.rules import shown_path

    return shown_path(path)


def find_fixer() -> Any:
    """`reslint.fix.fix_text`, what `reslint check --fix` applies; None where it is absent."""
    try:
        from reslint.fix import fix_text
    except ImportError:  # pragma: no cover - an older tree without --fix
        return None
    return fix_text
