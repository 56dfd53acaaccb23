"""Run one test case: check its draft as `reslint check` would, then hold the findings
against the draft's expectation comments (and the fixed text, when there is one)."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from reslint._dataclass import dataclass, field
from reslint.config import Config
from reslint.engine.yamlload import load_yaml
from reslint.errors import ReslintError
from reslint.library import library_for
from reslint.lint import Ruleset, fix_document, lint_document
from reslint.model import Document, Finding
from reslint.pairing import DIRECTIVE, named_in
from reslint.parse import parse_file, parse_source
from reslint.paths import display_path
from reslint.ruletest.annotations import Expectation, read_annotations
from reslint.text.source import read_source

SUFFIXES = (".md", ".txt")


@dataclass
class Case:
    pack: str  # the pack the case belongs to (its folder's name)
    folder: Path
    draft: Path
    previous: Path | None = None
    fixed: Path | None = None
    settings: Path | None = None
    unsafe: bool = False  # `fixed-unsafe.*`: the draft after safe and unsafe fixes
    problem: str = ""  # a mistake in the case's layout, which fails the case alone

    @classmethod
    def at(cls, folder: Path, pack: str) -> Case | None:
        """The case in `folder`, or None when it holds no draft.  `fixed.*` is the draft
        after its safe fixes (`check --fix`); `fixed-unsafe.*` after every fix
        (`check --fix --unsafe-fixes`).  The previous text is `previous.*`, or the shared
        text the draft names on a line `<!-- reslint: previous=../../_base/X.md -->`
        (relative to the draft, as `reslint check` reads that line): many cases of a pack
        share one previous resolution, kept once in `tests/_base/`."""
        draft = _one(folder, "draft")
        if draft is None:
            return None
        fixed = _one(folder, "fixed")
        unsafe = _one(folder, "fixed-unsafe")
        previous, problem = _one(folder, "previous"), ""
        named = _named_previous(draft)
        if named is not None:
            line, value = named
            if previous is not None:
                problem = (f"{display_path(draft)}:{line}: the draft names its previous text "
                           f"and the case has {previous.name} too: keep one")
            else:
                previous = folder / value
                if not previous.is_file():
                    problem = (f"{display_path(draft)}:{line}: the previous text {value} "
                               f"does not exist ({display_path(previous)})")
        return cls(pack, folder, draft, previous, fixed or unsafe, _settings_file(folder),
                   fixed is None and unsafe is not None, problem)


def _one(folder: Path, stem: str) -> Path | None:
    for suffix in SUFFIXES:
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


def _named_previous(draft: Path) -> tuple[int, str] | None:
    """(line, path) of the draft's `<!-- reslint: previous=… -->` line.  A draft that
    cannot be read names nothing here: running the case reports why."""
    try:
        return named_in(read_source(str(draft)), DIRECTIVE)
    except ReslintError:
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

    @property
    def passed(self) -> bool:
        return not self.problems


def run_case(case: Case, ruleset: Ruleset, names: dict[str, str], shown: str) -> Outcome:
    """`shown` is how the draft's path is printed (relative to the working folder)."""
    outcome = Outcome(case)
    if case.problem:
        outcome.problems.append(case.problem)
        return outcome
    try:
        source = read_source(str(case.draft))
        expectations, problems = read_annotations([t for _, t in source.lines()], names)
        config = Config(settings=_read_settings(case.settings))
        previous = parse_file(str(case.previous)) if case.previous else None
        draft = parse_source(source)
        library = _library(case, previous)
        findings = lint_document(draft, previous, ruleset, config, "", library)
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
            _check_fixed(case, draft, findings, previous, ruleset, config, outcome, library)
        except Exception as exc:
            outcome.problems.append(f"{display_path(case.fixed)}: cannot check the fixed text: "
                                    f"{type(exc).__name__}: {exc}")
    return outcome


def _library(case: Case, previous: Document | None) -> dict[str, Any]:
    """The adopted texts at hand for a case: its `library/` folder and its previous."""
    folder = case.folder / "library"
    return library_for(str(folder) if folder.is_dir() else None).facts(previous)


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
    located = load_yaml(str(path))
    if not isinstance(located.data, dict):
        raise located.error((), "case settings must be a mapping (setting: value)")
    return dict(located.data)


def _check_fixed(case: Case, draft: Document, findings: list[Finding],
                 previous: Document | None, ruleset: Ruleset, config: Config,
                 outcome: Outcome, library: dict[str, Any] | None = None) -> None:
    """The draft after every safe fix (every fix, for `fixed-unsafe.*`), pass after pass
    as `check --fix` does, must be the fixed text exactly (both decoded the same way)."""
    assert case.fixed is not None
    result = fix_document(draft, findings, previous, ruleset, config, unsafe=case.unsafe,
                          library=library)
    shown = display_path(case.fixed)
    if result.refused:
        outcome.problems.append(f"{shown}: the draft was not fixed: {result.refused}")
        return
    want = read_source(str(case.fixed)).text
    if result.text != want:
        diff = difflib.unified_diff(want.splitlines(True), result.text.splitlines(True),
                                    "expected (fixed)",
                                    "got (draft after unsafe fixes)" if case.unsafe
                                    else "got (draft after safe fixes)")
        outcome.problems.append(f"{shown}: the fixed text differs:\n"
                                + "".join("  " + line for line in diff).rstrip("\n"))

