"""A cache of compiled code for ``mlrun`` and ``ExecutionEngine``.

An entry is the object code MCJIT generated for a module, with what the JIT
needs to load it again without the module: the symbols to bind, the LLVM IR
(for crash reports and ``ExecutionEngine.llvm_ir``) and what the caller keeps
(e.g. function signatures). A hit skips parsing, lowering and LLVM's
optimisation and code generation.

The key covers everything that decides the code: the source text, the
pipeline and flags, the opt level, the code mlopt runs (mlopt's sources, the
installed distributions with their versions: xDSL, llvmlite, plugins; see
:mod:`mlopt.fingerprint`), the target triple and the host CPU's name and
features.

Entries live in ``MLOPT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/mlopt`` or
``~/.cache/mlopt``), one file each, written atomically (a temporary file then
a rename), so concurrent processes share the directory safely. Each file
carries a digest of its contents: a corrupt entry is deleted, never loaded.
The directory is kept under ``MLOPT_CACHE_SIZE`` bytes (default 512 MiB) by
evicting the least recently used entries.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from dataclasses import dataclass

CACHE_DIR_ENV = "MLOPT_CACHE_DIR"
CACHE_SIZE_ENV = "MLOPT_CACHE_SIZE"
DEFAULT_MAX_BYTES = 512 << 20

_MAGIC = b"mlopt-jit-cache 1\n"
_HEADER = struct.Struct("!16sQ")
"""Digest of everything after the header, then the metadata's length."""
_SUFFIX = ".jit"


@dataclass(frozen=True)
class CachedCode:
    object_code: bytes
    metadata: dict


def default_directory() -> str:
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "mlopt")


def host_target() -> dict:
    """The target the JIT generates code for: triple, CPU name and features."""
    from mlopt.codegen.llvm import host_cpu, host_features, host_triple

    return {"triple": host_triple(), "cpu": host_cpu(), "features": host_features()}


def cache_key(source: str, flags: dict) -> str:
    """The key of ``source`` compiled with ``flags`` (pipeline, opt level,
    entry point, ...: any JSON-able values) by this mlopt for this host."""
    import llvmlite

    from mlopt import __version__
    from mlopt.fingerprint import code_fingerprint

    described = {
        "flags": flags,
        "mlopt": __version__,
        "llvmlite": llvmlite.__version__,
        "code": code_fingerprint(),
        "target": host_target(),
    }
    digest = hashlib.blake2b(json.dumps(described, sort_keys=True, default=repr).encode(), digest_size=20)
    digest.update(b"\0" + source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def file_state(path: str) -> list[int] | None:
    """What a key records of a file the code depends on (a library, a plugin): size and modification time."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class CodeCache:
    """One cache directory; ``load`` and ``store`` never raise for a cache problem."""

    def __init__(self, directory: str | None = None, max_bytes: int | None = None):
        self.directory = directory or default_directory()
        if max_bytes is None:
            try:
                max_bytes = int(os.environ.get(CACHE_SIZE_ENV, DEFAULT_MAX_BYTES))
            except ValueError:
                max_bytes = DEFAULT_MAX_BYTES
        self.max_bytes = max_bytes

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key + _SUFFIX)

    def load(self, key: str) -> CachedCode | None:
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            return None
        entry = _decode(data)
        if entry is None:
            _remove(path)
            return None
        try:
            os.utime(path)  # the entry's recency, for eviction
        except OSError:
            pass
        return entry

    def store(self, key: str, entry: CachedCode) -> None:
        import tempfile

        try:
            os.makedirs(self.directory, exist_ok=True)
            fd, temp_path = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=self.directory)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_encode(entry))
            os.replace(temp_path, self._path(key))
        except OSError:
            _remove(temp_path)
            return
        self.evict()

    def evict(self) -> None:
        """Delete the least recently used entries until the directory fits its bound."""
        entries = []
        try:
            with os.scandir(self.directory) as scan:
                for item in scan:
                    if item.name.endswith(_SUFFIX) and not item.name.startswith("."):
                        try:
                            info = item.stat()
                        except OSError:
                            continue
                        entries.append((info.st_mtime_ns, info.st_size, item.path))
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            _remove(path)
            total -= size


def _encode(entry: CachedCode) -> bytes:
    metadata = json.dumps(entry.metadata, sort_keys=True).encode()
    body = metadata + entry.object_code
    digest = hashlib.blake2b(body, digest_size=16).digest()
    return _MAGIC + _HEADER.pack(digest, len(metadata)) + body


def _decode(data: bytes) -> CachedCode | None:
    start = len(_MAGIC) + _HEADER.size
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    digest, metadata_size = _HEADER.unpack_from(data, len(_MAGIC))
    body = data[start:]
    if metadata_size > len(body) or hashlib.blake2b(body, digest_size=16).digest() != digest:
        return None
    try:
        metadata = json.loads(body[:metadata_size])
    except ValueError:
        return None
    return CachedCode(body[metadata_size:], metadata)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
