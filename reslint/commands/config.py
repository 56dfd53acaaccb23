"""`reslint config FILE`: the effective configuration for one file, and where it came from.

Configuration mistakes are silent by nature (a rule not ignored, a setting not applied),
so this prints what `reslint check FILE` would use: the file it was read from, the
per-path entries that matched, the settings merged with the packs' defaults, and how the
previous resolution is found for this file (or why it is not).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import yaml

from reslint.commands.options import add_max_size
from reslint.lint import Linter
from reslint.pairing import find_previous
from reslint.parse import parse_file
from reslint.paths import display_path
from reslint.text.source import InputError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a draft (the configuration is looked up from its folder)")
    p.add_argument("--config", help="use this configuration file instead of discovering one")
    p.add_argument("--previous", help="as for reslint check: the previous resolution")
    p.add_argument("--format", choices=("yaml", "json"), default="yaml")
    add_max_size(p)


def run(args: argparse.Namespace) -> int:
    data = effective(args.file, args.config, args.previous, args.max_size)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    origin = data["config"] or "no .reslint.yaml found (the defaults)"
    head = f"# reslint configuration for {args.file}\n# from {origin}\n"
    sys.stdout.write(head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                           default_flow_style=None, width=100))
    return 0


def effective(path: str, explicit: str | None, given: str | None, max_size: int
              ) -> dict[str, Any]:
    """What `reslint check` would use for `path`, as plain data: only the packs that apply
    to this draft (by its title) and their rules."""
    linter = Linter(config=explicit, max_size=max_size)
    config = linter.config(path)
    ruleset = linter.ruleset(config)
    packs = ruleset.packs
    settings: dict[str, Any] = {}
    for pack in packs:
        settings.update(pack.settings)
    settings.update(config.settings)
    try:
        draft = parse_file(path, max_size)
    except InputError as exc:  # the draft itself cannot be read: still show the config
        draft, note = None, f"the draft cannot be read: {exc.message}"
    if draft is not None:
        title, item = draft.heading.title, draft.heading.item_title
        packs = [p for p in packs if p.applies_to(title, item, draft.kind)]
        previous, note = find_previous(path, given, config, draft, max_size)
    names = {p.name for p in packs}
    pairing = {"previous": display_path(previous.path) if draft and previous else None,
               "found": note}
    return {
        "config": display_path(config.path) if config.path else None,
        "per-path": config.per_path,
        "packs": [p.name for p in packs],
        "pack-files": [display_path(p.path) for p in packs],
        "plugins": config.plugins,
        "select": config.select,
        "ignore": config.ignore,
        "rules": [r.code for r in ruleset.rules if r.pack in names],
        "severity": config.severity,
        "settings": settings,
        "library": display_path(config.library) if config.library else None,
        **pairing,
    }
