"""Configuration: `.reslint.yaml`, found from each checked file's folder upwards.

(Discovery, validation and per-path overrides are being built; today every file gets the
defaults, and `--config FILE` is read if given.)"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


def config_for(path: str, explicit: str | None = None) -> Config:
    """The effective configuration for one checked file."""
    return Config()
