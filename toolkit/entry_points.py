"""Finding entry points of one group without importlib.metadata.

importlib.metadata costs tens of milliseconds to import and builds metadata
objects for every installed distribution; mlopt runs on every keystroke of a
build, so it reads the few files it needs itself: ``entry_points.txt`` of each
``*.dist-info`` / ``*.egg-info`` directory on ``sys.path`` (first occurrence
of a distribution wins, as with importlib.metadata), and ``METADATA`` only for
distributions that have an entry point in the group.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")
_ENTRY = re.compile(r"^\s*(?P<name>[^=\s]+)\s*=\s*(?P<value>[^\s\[#;]+)")


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str
    """``module`` or ``module:attribute.path``."""
    metadata_dir: str

    def load(self) -> Any:
        module_name, _, attribute = self.value.partition(":")
        obj: Any = importlib.import_module(module_name)
        for part in filter(None, attribute.split(".")):
            obj = getattr(obj, part)
        return obj

    def distribution(self) -> tuple[str | None, str | None]:
        """(name, version) from the distribution's metadata file."""
        name = version = None
        for filename in ("METADATA", "PKG-INFO"):
            path = os.path.join(self.metadata_dir, filename)
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    for line in f:
                        if not line.strip():
                            break
                        key, _, value = line.partition(":")
                        if key == "Name":
                            name = value.strip()
                        elif key == "Version":
                            version = value.strip()
            except OSError:
                continue
            break
        return name, version


def _distribution_key(directory_name: str) -> str:
    stem = directory_name.rsplit(".", 1)[0]
    return re.sub(r"[-_.]+", "-", stem.split("-", 1)[0]).lower()


def entry_points(group: str) -> list[EntryPoint]:
    """Entry points of ``group`` across the distributions on ``sys.path``."""
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for path_entry in sys.path:
        try:
            listing = sorted(os.scandir(path_entry or "."), key=lambda e: e.name)
        except OSError:
            continue
        for entry in listing:
            if not entry.name.endswith((".dist-info", ".egg-info")):
                continue
            key = _distribution_key(entry.name)
            if key in seen:
                continue
            seen.add(key)
            found.extend(_read_group(entry.path, group))
    return found


def _read_group(metadata_dir: str, group: str) -> list[EntryPoint]:
    try:
        with open(os.path.join(metadata_dir, "entry_points.txt"), encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    points, in_group = [], False
    for line in lines:
        if section := _SECTION.match(line):
            in_group = section.group("name").strip() == group
        elif in_group and (entry := _ENTRY.match(line)):
            points.append(EntryPoint(entry.group("name"), entry.group("value"), metadata_dir))
    return points
