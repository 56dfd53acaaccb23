"""Configuration: `.reslint.yaml`, found from each checked file's folder upwards.

Discovery stops at the repository root (the first folder holding `.git`), so a draft never
picks up a configuration from outside its repository.  `--config FILE` replaces discovery.
The file is validated against reslint/schema/config.schema.json with located errors
(`path:line:col: unknown key 'selct' (did you mean 'select'?)`); paths in it are relative
to the file itself, so the same configuration works from any working directory.

`per-path` entries apply, in order, to the files their glob matches: `select` replaces the
selection, `ignore` adds to it, `severity` and `settings` are merged key by key.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache

from reslint._dataclass import dataclass, field
from reslint.resources import builtin_rules_dir

TYPE_CHECKING = False  # not typing's constant: importing typing costs the hook ~3 ms
if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING:  # loading YAML is needed only where a configuration file exists
    from reslint.engine.yamlload import Located, LocatedError

CONFIG_NAME = ".reslint.yaml"
SCHEMA_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema",
                           "config.schema.json")


@dataclass
class Config:
    path: str | None = None  # the file it came from, None for the defaults
    packs: list[str] = field(default_factory=list)  # extra rule files or folders
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # code or name -> severity
    settings: dict[str, Any] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)  # draft path -> previous path
    library: str | None = None  # a folder of adopted resolutions
    exclude: list[str] = field(default_factory=list)  # globs of files not to check
    fetch: Any = False  # `fetch:` as written: reslint.documents.settings_from reads it
    root: str | None = None  # the folder of the configuration file
    per_path: list[str] = field(default_factory=list)  # the globs that applied to this file
    located: Located | None = field(default=None, repr=False, compare=False)

    def error(self, at: tuple[Any, ...], message: str, key: bool = False) -> LocatedError:
        """An error located in the configuration file (for checks that need the packs)."""
        from reslint.engine.yamlload import LocatedError

        if self.located is None:
            return LocatedError(self.path or "configuration", None, None, message)
        return self.located.error(at, message, key)


def config_for(path: str, explicit: str | None = None) -> Config:
    """The effective configuration for one checked file."""
    source = explicit or find_config(os.path.dirname(os.path.abspath(path)))
    if source is None:
        return Config()
    base = load_config(os.path.abspath(source))
    return _for_file(base, path)


def find_config(folder: str) -> str | None:
    """The nearest `.reslint.yaml` from `folder` upwards, not above the repository root."""
    folder = os.path.abspath(folder)
    while True:
        candidate = os.path.join(folder, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent


def load_config(path: str) -> Config:
    """Read, validate and resolve one configuration file (once per process and version
    of the file: pre-commit passes many files that share one)."""
    try:
        stat = os.stat(path)
    except OSError:
        stat = None
    return _load_config(path, (stat.st_mtime_ns, stat.st_size) if stat else None)


@cache
def _load_config(path: str, _version: tuple[int, int] | None) -> Config:
    # only when a configuration file is read: yamlload and schema cost 103 M and 126 M
    # instructions (callgrind), a check with no .reslint.yaml need not pay them
    from reslint.engine.schema import validate
    from reslint.engine.yamlload import Located, LocatedError, load_yaml

    if os.path.isdir(path):
        raise LocatedError(path, None, None, "is a folder, not a configuration file")
    try:
        located = load_yaml(path)
    except LocatedError as exc:
        if not exc.message.startswith("empty file"):
            raise
        located = Located(path, {})  # an empty or all-comment file: the defaults
    if not isinstance(located.data, dict):
        raise located.error((), "a configuration file must be a mapping of keys "
                                "(packs, select, ignore, severity, per-path, settings, …)")
    validate(located, config_schema())
    data = located.data
    root = os.path.dirname(path)
    packs = [_pack_path(located, root, i, p) for i, p in enumerate(data.get("packs") or [])]
    previous = {
        _norm(os.path.join(root, draft)): _resolve(root, prev)
        for draft, prev in (data.get("previous") or {}).items()
    }
    library = data.get("library")
    if library is not None:
        library = _norm(os.path.join(root, library))
        if not os.path.isdir(library):
            raise located.error(("library",), f"library folder {data['library']!r} not found "
                                f"(relative to {os.path.basename(path)})")
    fetch = data.get("fetch", False)
    if not isinstance(fetch, (bool, dict)):
        raise located.error(("fetch",), "fetch: expected true, false or a mapping (base, "
                            f"timeout, enabled), got {fetch!r}")
    for key in fetch if isinstance(fetch, dict) else ():
        if key not in ("base", "timeout", "enabled"):
            raise located.error(("fetch", key), f"unknown key {key!r} in fetch (base, "
                                "timeout, enabled)", True)
    timeout = fetch.get("timeout", 1) if isinstance(fetch, dict) else 1
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or \
            not 0 < timeout <= 600:
        raise located.error(("fetch", "timeout"), "fetch timeout: seconds, over 0 and at "
                            f"most 600, not {timeout!r}")
    if isinstance(fetch, dict) and not re.match(r"https?://\S+$", str(fetch.get("base") or
                                                                     "https://")):
        raise located.error(("fetch", "base"), "fetch base must be an http:// or https:// "
                            f"address, not {fetch.get('base')!r}")
    return Config(
        path=path, packs=packs, select=list(data.get("select") or []),
        ignore=list(data.get("ignore") or []), severity=dict(data.get("severity") or {}),
        settings=dict(data.get("settings") or {}), plugins=list(data.get("plugins") or []),
        previous=previous, library=library, root=root, located=located,
        exclude=list(data.get("exclude") or []),
        fetch=fetch,
    )


@cache
def config_schema() -> dict[str, Any]:
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _for_file(base: Config, path: str) -> Config:
    """Apply the `per-path` entries whose glob matches `path` (relative to the config)."""
    entries = (base.located.data.get("per-path") or []) if base.located else []
    if not entries:
        return base
    relative = os.path.relpath(os.path.abspath(path), base.root or ".").replace(os.sep, "/")
    config = Config(**{**base.__dict__, "select": list(base.select),
                       "ignore": list(base.ignore), "severity": dict(base.severity),
                       "settings": dict(base.settings), "per_path": []})
    for entry in entries:
        if not glob_regex(entry["files"]).fullmatch(relative):
            continue
        config.per_path.append(entry["files"])
        if "select" in entry:
            config.select = list(entry["select"])
        config.ignore.extend(entry.get("ignore") or [])
        config.severity.update(entry.get("severity") or {})
        config.settings.update(entry.get("settings") or {})
    return config


def is_excluded(path: str, globs: list[str], root: str | None) -> bool:
    """Whether one of `globs` names `path` (relative to `root`, the configuration's folder,
    or the working folder); a glob without "/" matches the file name in any folder."""
    relative = os.path.relpath(os.path.abspath(path), root or ".").replace(os.sep, "/")
    name = os.path.basename(path)
    return any(glob_regex(g).fullmatch(name if "/" not in g else relative) for g in globs)


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """`*` and `?` stay within a folder, `**/` matches any folders (also none)."""
    out = []
    i = 0
    pattern = pattern.removeprefix("./")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def _pack_path(located: Located, root: str, index: int, value: str) -> str:
    path = _norm(os.path.join(root, value))
    if os.path.exists(path):
        return path
    builtin = builtin_rules_dir()
    if (builtin / f"{value}.yaml").is_file():
        return f"builtin:{value}"  # the built-in packs always load; naming one is harmless
    raise located.error(("packs", index), f"rule pack {value!r} not found (neither a file or "
                        "folder relative to the configuration, nor a built-in pack)")


def _resolve(root: str, value: str) -> str:
    return value if value.startswith("git:") else _norm(os.path.join(root, value))


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def loadable_packs(config: Config) -> list[str]:
    """The pack paths to load on top of the built-in ones."""
    return [p for p in config.packs if not p.startswith("builtin:")]
