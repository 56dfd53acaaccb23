"""Packaging: the rule packs and the schema ship in the wheel and are found at run time.

The slow tests build a real wheel with pip (build isolation fetches setuptools from the
package index) from a copy of the working tree, so they never litter the checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reslint import resources

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = "reslint/schema/rules.schema.json"
# Written into the copy before building, so the mapping is tested even while rules/ is
# still empty in the real tree: a top-level pack and a nested series test file.
PROBES = {
    "rules/zz_packaging_probe.yaml": "rules: []\n",
    "rules/zz_probe_series/tests/probe.yaml": "cases: []\n",
}


def _project_files() -> list[str]:
    """Tracked and untracked-but-not-ignored files: what a clean clone would hold, plus
    work in progress (so the test sees new sub-packages before they are committed)."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return [name for name in out.split("\0") if name and (ROOT / name).is_file()]


def _source_packages() -> set[str]:
    return {
        ".".join(init.relative_to(ROOT).parent.parts)
        for init in (ROOT / "reslint").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    for name in _project_files():
        target = src / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    for name, text in PROBES.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    out = tmp / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, f"pip wheel failed:\n{proc.stdout}\n{proc.stderr}"
    (built,) = out.glob("reslint-*.whl")
    return built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


# -- fast: the source tree ----------------------------------------------------------------


def test_builtin_rules_dir_in_checkout() -> None:
    found = resources.builtin_rules_dir()
    assert found.is_dir()
    # Editable install or plain checkout: the top-level folder, where rule authors edit.
    assert found.resolve() == (ROOT / "rules").resolve()


def test_rules_schema_path_points_into_package() -> None:
    path = resources.rules_schema_path()
    assert path.name == "rules.schema.json"
    assert path.parent.name == "schema"
    assert path.resolve().parent.parent == (ROOT / "reslint").resolve()
    if (ROOT / SCHEMA).exists():
        assert path.is_file()


# -- slow: a real wheel -------------------------------------------------------------------


@pytest.mark.slow
def test_wheel_ships_rule_packs(wheel: Path) -> None:
    names = _names(wheel)
    expected = {
        "reslint/" + p.relative_to(ROOT).as_posix()
        for p in (ROOT / "rules").rglob("*")
        if p.suffix in (".yaml", ".yml") and "__pycache__" not in p.parts
    }
    expected |= {"reslint/" + name for name in PROBES}
    missing = sorted(expected - names)
    assert not missing, f"rule files missing from {wheel.name}: {missing}"
    # Nothing leaks to the top level of site-packages.
    assert not [n for n in names if n.startswith("rules/")]


@pytest.mark.slow
def test_wheel_ships_schema(wheel: Path) -> None:
    if not (ROOT / SCHEMA).exists():
        pytest.skip(f"{SCHEMA} does not exist yet")
    assert SCHEMA in _names(wheel)


@pytest.mark.slow
def test_wheel_holds_every_subpackage(wheel: Path) -> None:
    """pyproject.toml lists the packages explicitly (see the comment there)."""
    names = _names(wheel)
    missing = sorted(
        pkg for pkg in _source_packages()
        if pkg.replace(".", "/") + "/__init__.py" not in names
    )
    assert not missing, (
        f"sub-packages not in the wheel: {missing}; add them to [tool.setuptools] "
        "packages in pyproject.toml"
    )


@pytest.mark.slow
def test_installed_wheel_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-compile",
         "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True,
    )
    # -S: no site-packages, hence no editable-install hook that could find the checkout.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from reslint import resources as r;"
        "print(r.builtin_rules_dir()); print(r.rules_schema_path())"
    )
    proc = subprocess.run(
        [sys.executable, "-S", "-c", code, str(site)],
        cwd=tmp_path, check=True, capture_output=True, text=True,
    )
    rules_dir, schema = (Path(line) for line in proc.stdout.splitlines())
    assert rules_dir == site / "reslint" / "rules"
    assert (rules_dir / "zz_packaging_probe.yaml").is_file()
    assert (rules_dir / "zz_probe_series" / "tests" / "probe.yaml").is_file()
    assert schema == site / "reslint" / "schema" / "rules.schema.json"
    if (ROOT / SCHEMA).exists():
        assert schema.is_file()
