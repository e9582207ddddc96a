"""A fingerprint of the code mlopt runs: mlopt's own sources, the installed
distributions (xDSL, llvmlite, plugins: their versions) and source trees on
``sys.path`` (editable plugins). The warm server restarts when it changes, and
the compiled-code cache keys on it, so neither serves results of old code.

Only file metadata is read (names, sizes, modification times), no contents:
this runs on every served request and every cache lookup.
"""

from __future__ import annotations

import hashlib
import os
import sys

MLOPT_PACKAGES = ("mlopt", "mlopt.dialects", "mlopt.passes", "mlopt.tools")

MAX_FILES_PER_TREE = 20_000
"""A source tree on sys.path bigger than this is fingerprinted by its first files only."""

_SOURCE_SUFFIXES = (".py", ".so", ".pth", ".txt", ".json", ".toml")

_trusted: str | None = None


def code_fingerprint() -> str:
    if _trusted is not None:
        return _trusted
    digest = hashlib.blake2b(digest_size=16)
    for directory in _package_directories():
        _add_tree(digest, directory)
    for entry in _path_entries():
        _add_path_entry(digest, entry)
    return digest.hexdigest()


def trust(fingerprint: str) -> None:
    """Make :func:`code_fingerprint` answer ``fingerprint`` without reading the
    disk, for the rest of this process: a warm server's request process, whose
    server has just found the code unchanged (mlopt.server.watch)."""
    global _trusted
    _trusted = fingerprint


def code_directories() -> list[str]:
    """The directories whose entries :func:`code_fingerprint` reads: a change
    to the fingerprint is a change in one of them (for a missing path entry:
    in the directory that would hold it)."""
    directories = [directory for root in _package_directories() for directory in _tree_directories(root)]
    for entry in _path_entries():
        if not os.path.isdir(entry):
            directories.append(os.path.dirname(entry))
        elif _is_source_tree(entry, _installed_names(entry)):
            directories.extend(_tree_directories(entry))
        else:
            directories.append(entry)
    return directories


def _tree_directories(root: str):
    """The directories of the tree at ``root`` and those of the files its
    symbolic links point to (a strict editable install links each source file)."""
    for directory, files in _walk_tree(root):
        yield directory
        for name in files:
            path = os.path.join(directory, name)
            if name.endswith(_SOURCE_SUFFIXES) and os.path.islink(path):
                yield os.path.dirname(os.path.realpath(path))


def _path_entries() -> list[str]:
    working_directory = os.getcwd()
    # The script's or working directory a run happens to start from is not installed code.
    return [entry for entry in sys.path if entry not in ("", working_directory)]


def _package_directories() -> list[str]:
    import importlib.util

    directories = []
    for name in MLOPT_PACKAGES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.submodule_search_locations:
            directories.extend(spec.submodule_search_locations)
    return directories


def _add_path_entry(digest, entry: str) -> None:
    try:
        info = os.stat(entry)
    except OSError:
        digest.update(f"missing {entry}\n".encode())
        return
    digest.update(f"entry {entry} {info.st_mtime_ns}\n".encode())
    if not os.path.isdir(entry):
        return
    installed = _installed_names(entry)
    # Installing, upgrading or removing a distribution changes these names (they carry versions).
    digest.update("\n".join(installed).encode())
    if _is_source_tree(entry, installed):
        _add_tree(digest, entry)


def _installed_names(directory: str) -> list[str]:
    return [name for name in sorted(os.listdir(directory)) if name.endswith((".dist-info", ".egg-info", ".pth"))]


def _is_source_tree(entry: str, installed: list[str]) -> bool:
    """A directory of sources on sys.path (an editable plugin), not one distributions install into."""
    return not installed and not _is_interpreter_directory(entry)


def _is_interpreter_directory(entry: str) -> bool:
    """The standard library and its extension modules: they change with the interpreter only."""
    path = os.path.abspath(entry)
    return any(path.startswith(os.path.join(prefix, "lib")) for prefix in {sys.base_prefix, sys.base_exec_prefix}) or path.endswith(".zip")


def _walk_tree(root: str):
    """(directory, file names) of each directory of the tree at ``root``, but hidden ones and ``__pycache__``."""
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(".") and d != "__pycache__")
        yield directory, files


def _add_tree(digest, root: str) -> None:
    seen = 0
    for directory, files in _walk_tree(root):
        for name in sorted(files):
            if not name.endswith(_SOURCE_SUFFIXES):
                continue
            path = os.path.join(directory, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            digest.update(f"{path} {info.st_size} {info.st_mtime_ns}\n".encode())
            seen += 1
            if seen >= MAX_FILES_PER_TREE:
                return
