"""Plugin primitives through the entry-point group `reslint.primitives`.

A tiny package is pip-installed into the running interpreter for the module and
uninstalled afterwards.  It is imported only when its primitive is named.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reslint.checks import ENTRY_POINT_GROUP, PluginError, Primitive, load_plugins
from reslint.engine.rules import load_pack
from reslint.engine.yamlload import LocatedError

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAFT = FIXTURES / "A_RES_78_32.txt"
PREVIOUS = FIXTURES / "A_RES_76_47.txt"
DIST = "reslint-demo-plugin"

# A build backend of a few lines, so that installing needs neither network nor wheel.
PYPROJECT = """\
[build-system]
requires = []
build-backend = "demo_backend"
backend-path = ["."]

[project]
name = "reslint-demo-plugin"
version = "0.1"
"""

BACKEND = f'''\
import base64, hashlib, zipfile

NAME, DIST = "reslint_demo_plugin-0.1", "reslint_demo_plugin-0.1.dist-info"
FILES = {{
    "reslint_demo.py": open("reslint_demo.py", encoding="utf-8").read(),
    DIST + "/METADATA": "Metadata-Version: 2.1\\nName: {DIST}\\nVersion: 0.1\\n",
    DIST + "/WHEEL": "Wheel-Version: 1.0\\nGenerator: demo\\nRoot-Is-Purelib: true\\n"
                     "Tag: py3-none-any\\n",
    DIST + "/entry_points.txt": "[{ENTRY_POINT_GROUP}]\\nalways_fire = reslint_demo:PRIMITIVE\\n",
}}


def _record():
    rows = []
    for name, text in FILES.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        rows.append(f"{{name}},sha256={{digest.decode()}},{{len(text.encode())}}")
    return "\\n".join(rows + [DIST + "/RECORD,,"]) + "\\n"


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    wheel = NAME + "-py3-none-any.whl"
    with zipfile.ZipFile(wheel_directory + "/" + wheel, "w") as archive:
        for name, text in FILES.items():
            archive.writestr(name, text)
        archive.writestr(DIST + "/RECORD", _record())
    return wheel


def get_requires_for_build_wheel(config_settings=None):
    return []
'''

MODULE = '''\
"""A primitive that fires once per rule, at the session mentioned in the heading."""

from reslint.checks import Hit, Primitive


def run(rule, ctx):
    yield Hit({"found": rule.options.get("word", "always")}, ctx.env["draft"]["session_span"])


PRIMITIVE = Primitive(name="always_fire", run=run, args={"word": "string"},
                      summary="fires once")
'''

RULE = """\
pack: demo
rules:
  - code: DEMO001
    name: always
    severity: warning
    summary: always fires
    check: always_fire
    message: "fired: {found}"
"""


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
                   check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    root = tmp_path_factory.mktemp("plugin")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "reslint_demo.py").write_text(MODULE, encoding="utf-8")
    (root / "demo_backend.py").write_text(BACKEND, encoding="utf-8")
    try:
        pip("install", "--no-deps", "--no-build-isolation", "--no-index", str(root))
    except (subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"cannot pip-install the demo plugin: {exc}")
    importlib.invalidate_caches()
    try:
        yield
    finally:
        pip("uninstall", "-y", DIST)
        sys.modules.pop("reslint_demo", None)
        importlib.invalidate_caches()


def rule_file(tmp_path: Path) -> str:
    path = tmp_path / "demo.yaml"
    path.write_text(RULE, encoding="utf-8")
    return str(path)


def test_not_imported_unless_named(installed: None) -> None:
    sys.modules.pop("reslint_demo", None)
    assert load_plugins([]) == {}
    assert "reslint_demo" not in sys.modules


def test_named_plugin_is_loaded(installed: None) -> None:
    plugins = load_plugins(["always_fire"])
    assert set(plugins) == {"always_fire"}
    assert isinstance(plugins["always_fire"], Primitive)
    assert "reslint_demo" in sys.modules


def test_unknown_plugin_name(installed: None) -> None:
    with pytest.raises(PluginError, match=r"'nope' is not installed.*always_fire"):
        load_plugins(["nope"])


def test_rule_with_plugin_check_runs(installed: None, tmp_path: Path) -> None:
    from reslint.engine.runner import run_rules
    from reslint.parse import parse_file

    plugins = load_plugins(["always_fire"])
    pack = load_pack(rule_file(tmp_path), plugins)
    assert pack.rules[0].primitive is plugins["always_fire"]
    findings = run_rules(parse_file(str(DRAFT)), parse_file(str(PREVIOUS)), [pack], pack.rules)
    assert [(f.rule, f.severity, f.message) for f in findings] == [
        ("DEMO001", "warning", "fired: always")
    ]
    assert findings[0].span.line >= 1


def test_rule_with_plugin_check_without_plugin_fails(installed: None, tmp_path: Path) -> None:
    with pytest.raises(LocatedError) as info:
        load_pack(rule_file(tmp_path))
    assert str(info.value) == f"{tmp_path / 'demo.yaml'}:7:12: unknown check 'always_fire'"


def test_plugin_args(installed: None, tmp_path: Path) -> None:
    """A plugin's own keys are allowed (and typed) in the rules that use it."""
    from reslint.engine.runner import run_rules
    from reslint.parse import parse_file

    plugins = load_plugins(["always_fire"])
    path = tmp_path / "demo.yaml"
    path.write_text(RULE + "    word: hello\n", encoding="utf-8")
    pack = load_pack(str(path), plugins)
    findings = run_rules(parse_file(str(DRAFT)), None, [pack], pack.rules)
    assert [f.message for f in findings] == ["fired: hello"]
    path.write_text(RULE + "    word: 3\n", encoding="utf-8")
    with pytest.raises(LocatedError, match=r"demo.yaml:9:11: .*expected a string"):
        load_pack(str(path), plugins)
    path.write_text(RULE + "    colour: red\n", encoding="utf-8")
    with pytest.raises(LocatedError, match=r"demo.yaml:9:5: unknown key 'colour'"):
        load_pack(str(path), plugins)
    path.write_text(RULE.replace("always_fire", "expect") + '    expect: "true"\n'
                    "    word: hello\n", encoding="utf-8")
    with pytest.raises(LocatedError, match=r":10:5: key 'word' does not belong to check"):
        load_pack(str(path), plugins)


def test_plugin_named_in_config_runs_from_the_cli(installed: None, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The whole route a team takes: the plugin named in .reslint.yaml, a pack of their own
    that uses it, `reslint check` with no flags but the draft."""
    import json
    import shutil

    from reslint.cli import main

    (tmp_path / ".git").mkdir()  # the repository root: config discovery stops here
    rule_file(tmp_path)
    draft = tmp_path / "draft.txt"
    shutil.copy(DRAFT, draft)
    config = tmp_path / ".reslint.yaml"
    config.write_text("packs: [demo.yaml]\nplugins: [always_fire]\n", encoding="utf-8")
    sys.modules.pop("reslint_demo", None)
    assert main(["check", str(draft), "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    demo = [f for f in findings if f["rule"] == "DEMO001"]
    assert [(f["line"], f["message"]) for f in demo] == [(5, "fired: always")]
    # without the plugin named, the pack does not load: a located error, exit 2
    config.write_text("packs: [demo.yaml]\n", encoding="utf-8")
    assert main(["check", str(draft), "--format", "json"]) == 2
    assert "demo.yaml:7:12: unknown check 'always_fire'" in capsys.readouterr().err
