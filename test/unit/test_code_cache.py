"""The compiled-code cache: its key changes with each thing that decides the
code, entries survive only intact, the directory stays within its bound, and
concurrent processes share it safely."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from mlopt.codegen import cache as cache_module
from mlopt.codegen.cache import CachedCode, CodeCache, cache_key

SOURCE = "llvm.func @f() { llvm.return }"
FLAGS = {"entry-point": "main", "opt-level": 2, "pass-pipeline": None}


def _entry(payload: bytes = b"\x7fELF object", **metadata) -> CachedCode:
    return CachedCode(payload, {"llvm_ir": "define void @f() { ret void }", "declared_symbols": ["printF64"], **metadata})


def test_stored_entry_loads_back(tmp_path):
    cache = CodeCache(str(tmp_path))
    key = cache_key(SOURCE, FLAGS)
    assert cache.load(key) is None
    cache.store(key, _entry(result_kind="void"))
    assert cache.load(key) == _entry(result_kind="void")
    assert [name for name in os.listdir(tmp_path) if name.startswith(".")] == []  # no temporary file left


def test_key_is_stable():
    assert cache_key(SOURCE, FLAGS) == cache_key(SOURCE, dict(reversed(FLAGS.items())))


@pytest.mark.parametrize(
    "source, flags",
    [
        (SOURCE + "\n", FLAGS),
        (SOURCE, {**FLAGS, "opt-level": 3}),
        (SOURCE, {**FLAGS, "pass-pipeline": "builtin.module(cse)"}),
        (SOURCE, {**FLAGS, "entry-point": "other"}),
    ],
    ids=["source", "opt level", "pipeline", "flags"],
)
def test_key_changes_with_source_and_flags(source, flags):
    assert cache_key(source, flags) != cache_key(SOURCE, FLAGS)


@pytest.mark.parametrize(
    "component",
    ["mlopt version", "llvmlite version", "installed code", "triple", "cpu", "features"],
)
def test_key_changes_with_versions_code_and_host(monkeypatch, component):
    import llvmlite

    import mlopt
    import mlopt.fingerprint

    before = cache_key(SOURCE, FLAGS)
    target = cache_module.host_target()
    match component:
        case "mlopt version":
            monkeypatch.setattr(mlopt, "__version__", mlopt.__version__ + ".post1")
        case "llvmlite version":
            monkeypatch.setattr(llvmlite, "__version__", llvmlite.__version__ + ".post1")
        case "installed code":
            monkeypatch.setattr(mlopt.fingerprint, "code_fingerprint", lambda: "a plugin was upgraded")
        case "triple" | "cpu" | "features":
            field = component
            monkeypatch.setattr(cache_module, "host_target", lambda: {**target, field: target[field] + "-other"})
    assert cache_key(SOURCE, FLAGS) != before


def test_fingerprint_sees_a_changed_source_file_on_sys_path(monkeypatch, tmp_path):
    from mlopt.fingerprint import code_fingerprint

    (tmp_path / "plugin.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = code_fingerprint()
    assert code_fingerprint() == before
    os.utime(tmp_path / "plugin.py", ns=(1, 1))
    assert code_fingerprint() != before


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "not an entry", "empty"])
def test_corrupt_entry_is_discarded(tmp_path, damage):
    cache = CodeCache(str(tmp_path))
    key = cache_key(SOURCE, FLAGS)
    cache.store(key, _entry(b"x" * 1000))
    (path,) = tmp_path.iterdir()
    data = bytearray(path.read_bytes())
    match damage:
        case "flip a byte":
            data[-10] ^= 0xFF
        case "truncate":
            data = data[: len(data) // 2]
        case "not an entry":
            data = bytearray(b"#!/bin/sh\necho hello\n")
        case "empty":
            data = bytearray()
    path.write_bytes(bytes(data))
    assert cache.load(key) is None
    assert not path.exists()


def test_least_recently_used_entries_are_evicted(tmp_path):
    entry = _entry(b"x" * 4000)
    cache = CodeCache(str(tmp_path), max_bytes=3 * 4500)
    keys = [cache_key(SOURCE, {**FLAGS, "n": n}) for n in range(4)]
    for age, key in enumerate(keys[:3]):
        cache.store(key, entry)
        os.utime(tmp_path / f"{key}.jit", ns=(age * 10**9, age * 10**9))
    assert cache.load(keys[0]) is not None  # used: now the most recent
    cache.store(keys[3], entry)
    assert [cache.load(key) is not None for key in keys] == [True, False, True, True]


def test_unwritable_directory_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = CodeCache(str(blocker / "cache"))
    cache.store("k", _entry())
    assert cache.load("k") is None


def _hammer(directory: str, worker: int, rounds: int, queue) -> None:
    cache = CodeCache(directory, max_bytes=10**9)
    problems = 0
    for n in range(rounds):
        key = f"shared{n % 3}"
        entry = _entry(bytes([worker]) * (5000 + n))
        cache.store(key, entry)
        loaded = cache.load(key)
        if loaded is not None and (len(set(loaded.object_code)) != 1 or loaded.metadata != entry.metadata):
            problems += 1
    queue.put(problems)


def test_concurrent_processes_share_the_directory(tmp_path):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_hammer, args=(str(tmp_path), w, 60, queue)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    assert [queue.get(timeout=10) for _ in workers] == [0, 0, 0, 0]
    assert sorted(os.listdir(tmp_path)) == ["shared0.jit", "shared1.jit", "shared2.jit"]
