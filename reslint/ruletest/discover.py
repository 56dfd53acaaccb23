"""From `reslint test PATH...` to what to load and what to run.

A PATH is a pack file (its cases are in `<its folder>/tests/<pack name>/`), a folder of
packs (`<folder>/tests/*/`), a tests folder (`.../tests`), a pack's tests folder
(`.../tests/<pack>`) or one case (a folder holding `draft.md`).  No PATH: the built-in
packs and their cases."""

from __future__ import annotations

from pathlib import Path

from reslint._dataclass import dataclass, field
from reslint.engine.ruleset import Pack
from reslint.engine.schema import did_you_mean
from reslint.errors import UsageError
from reslint.ruletest.case import Case


@dataclass
class Plan:
    extra_packs: list[str] = field(default_factory=list)  # rule files to load beyond the built-ins
    pack_files: list[Path] = field(default_factory=list)  # packs tested in full (coverage)
    case_folders: list[tuple[Path, str | None]] = field(default_factory=list)  # (folder, pack)
    all_builtin: bool = False  # no PATH: every built-in pack is tested


def plan(paths: list[str], builtin: Path) -> Plan:
    """What the paths ask for; files and folders are checked to exist, packs not loaded."""
    out = Plan()
    if not paths:
        out.all_builtin = True
        out.pack_files = _yaml_files(builtin)
        out.case_folders.append((builtin / "tests", None))
        return out
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UsageError(f"{given}: no such pack file or tests folder")
        if path.is_file():
            if path.suffix not in (".yaml", ".yml"):
                raise UsageError(f"{given}: not a rule file (.yaml) nor a tests folder")
            _add_rules(out, [path], builtin)
            out.case_folders.append((path.parent / "tests", _PACK_OF_FILE))
        elif _case_draft(path):
            out.case_folders.append((path, path.parent.name))
            _add_rules(out, _yaml_files(path.parent.parent.parent), builtin, tested=False)
        elif _yaml_files(path):
            _add_rules(out, _yaml_files(path), builtin)
            out.case_folders.append((path / "tests", None))
        elif any(_case_draft(child) for child in _subfolders(path)):
            out.case_folders.append((path, path.name))
            _add_rules(out, _yaml_files(path.parent.parent), builtin, tested=False)
        elif any(_case_draft(c) for child in _subfolders(path) for c in _subfolders(child)):
            out.case_folders.append((path, None))
            _add_rules(out, _yaml_files(path.parent), builtin, tested=False)
        else:
            raise UsageError(f"{given}: no rule file and no test case (draft.md) found here")
    return out


# Marker: the cases of a pack file are those of the pack it defines, known once loaded.
_PACK_OF_FILE = "\0pack-of-file"


def _add_rules(out: Plan, files: list[Path], builtin: Path, tested: bool = True) -> None:
    builtin_files = {p.resolve() for p in _yaml_files(builtin)}
    for path in files:
        if path.resolve() not in builtin_files and str(path) not in out.extra_packs:
            out.extra_packs.append(str(path))
        if tested and path not in out.pack_files:
            out.pack_files.append(path)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and p.name[:1] not in "._")


def _case_draft(folder: Path) -> bool:
    return folder.is_dir() and Case.at(folder, "") is not None


def cases(out: Plan, packs: list[Pack]) -> list[Case]:
    """The cases the plan names, each tied to a loaded pack (by its folder's name)."""
    by_path = {Path(p.path).resolve(): p.name for p in packs}
    names = {p.name for p in packs}
    found: list[Case] = []
    for folder, pack in out.case_folders:
        if pack == _PACK_OF_FILE:
            continue  # replaced below, once the pack file's name is known
        if pack is not None and Case.at(folder, pack) is not None:
            _known(pack, names, folder)
            found.append(Case.at(folder, pack))  # type: ignore[arg-type]
            continue
        if not folder.is_dir():
            continue
        pack_folders = [folder] if pack is not None else _subfolders(folder)
        for pack_folder in pack_folders:
            _known(pack_folder.name, names, pack_folder)
            for case_folder in _subfolders(pack_folder):
                case = Case.at(case_folder, pack_folder.name)
                if case is not None:
                    found.append(case)
    for path in out.pack_files:
        name = by_path.get(path.resolve())
        tests = path.parent / "tests" / str(name)
        if (path.parent / "tests", _PACK_OF_FILE) in out.case_folders and tests.is_dir():
            for case_folder in _subfolders(tests):
                case = Case.at(case_folder, str(name))
                if case is not None and case not in found:
                    found.append(case)
    return found


def _known(pack: str, names: set[str], folder: Path) -> None:
    if pack not in names:
        raise UsageError(f"{folder}: no loaded pack is named {pack!r}"
                         f"{did_you_mean(pack, names)} (a pack's tests folder is named after "
                         "its 'pack:' name; load the pack with --rules)")


def tested_packs(out: Plan, packs: list[Pack], found: list[Case]) -> list[Pack]:
    """The packs whose every rule --coverage asks a test for: those named by PATH (or all
    built-in ones), and those whose cases run."""
    files = {p.resolve() for p in out.pack_files}
    wanted = {c.pack for c in found}
    return [p for p in packs if Path(p.path).resolve() in files or p.name in wanted]
