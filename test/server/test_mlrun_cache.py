"""mlrun with the compiled-code cache: a second run loads the compiled code
instead of compiling (it imports no xDSL: nothing is parsed or lowered), prints
exactly what a fresh compilation prints, and survives a damaged cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from server_sandbox import INPUTS, normalized, run, short_temp_directory, tool

SCALARS = """
func.func private @printF64(f64)
func.func private @printNewline()
func.func @main() {
  %c = arith.constant 0.125 : f64
  call @printF64(%c) : (f64) -> ()
  call @printNewline() : () -> ()
  return
}
"""

RUN = ["-e", "main", "--entry-point-result=void"]


@pytest.fixture
def env(tmp_path):
    cache = tmp_path / "cache"
    return {**os.environ, "MLOPT_CACHE_DIR": str(cache), "MLOPT_SERVER": "0"}


def _entries(env) -> list[str]:
    """The compiled-code entries (the directory also holds the tools' dataclass-method cache)."""
    directory = env["MLOPT_CACHE_DIR"]
    return sorted(name for name in os.listdir(directory) if name.endswith(".jit")) if os.path.isdir(directory) else []


def _imported_on_hit(command: list[str], env: dict) -> tuple[set[str], str]:
    """The modules a run that finds its code in the cache imports, and its output.

    A run that stored a new entry missed because mlopt's files changed since
    the entry was made (someone editing the checkout): it is run again."""
    for _ in range(3):
        before = _entries(env)
        result = subprocess.run(
            [sys.executable, "-X", "importtime", *command], env=env, capture_output=True, text=True, check=True
        )
        if _entries(env) == before:
            modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
            return modules, result.stdout
    pytest.fail("every run missed the cache: mlopt's files keep changing?")


def test_second_run_loads_the_code_without_compiling(env, tmp_path):
    program = tmp_path / "scalars.mlir"
    program.write_text(SCALARS)
    command = [tool("mlrun"), str(program), *RUN]
    fresh = run(command, env)
    assert fresh.code == 0 and fresh.out == "0.125\n"
    assert len(_entries(env)) == 1
    modules, output = _imported_on_hit(command, env)
    assert output == fresh.out
    assert not {m for m in modules if m.startswith(("xdsl", "numpy", "mlopt.dialects", "mlopt.passes"))}


def test_hit_prints_memrefs_as_a_fresh_compilation_does(env):
    command = [tool("mlrun"), str(INPUTS / "print.mlir"), *RUN]
    fresh = run([*command, "--no-cache"], env)
    assert _entries(env) == []  # --no-cache neither reads nor fills the cache
    first, second = run(command, env), run(command, env)
    assert normalized(first) == normalized(second) == normalized(fresh)
    modules, _ = _imported_on_hit(command, env)
    assert "numpy" in modules and "xdsl" not in modules


def test_each_opt_level_and_entry_result_has_its_own_entry(env, tmp_path):
    program = tmp_path / "scalars.mlir"
    program.write_text(SCALARS)
    for flags in ([], ["-O0"], ["-O3"]):
        assert run([tool("mlrun"), str(program), *RUN, *flags], env).out == "0.125\n"
    assert len(_entries(env)) == 3
    wrong = run([tool("mlrun"), str(program), "-e", "main", "--entry-point-result=i32"], env)
    assert wrong.code == 1 and "returns void" in wrong.err
    assert len(_entries(env)) == 3  # a failed run stores nothing


def test_changed_source_is_compiled_afresh(env, tmp_path):
    program = tmp_path / "scalars.mlir"
    program.write_text(SCALARS)
    assert run([tool("mlrun"), str(program), *RUN], env).out == "0.125\n"
    program.write_text(SCALARS.replace("0.125", "0.25"))
    assert run([tool("mlrun"), str(program), *RUN], env).out == "0.25\n"
    assert len(_entries(env)) == 2


def test_corrupt_entry_is_replaced(env, tmp_path):
    program = tmp_path / "scalars.mlir"
    program.write_text(SCALARS)
    command = [tool("mlrun"), str(program), *RUN]
    run(command, env)
    (entry,) = _entries(env)
    path = os.path.join(env["MLOPT_CACHE_DIR"], entry)
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2] ^= 0x55
    open(path, "wb").write(bytes(data))
    assert run(command, env).out == "0.125\n"
    assert open(path, "rb").read() != bytes(data)
    modules, output = _imported_on_hit(command, env)
    assert output == "0.125\n" and "xdsl" not in modules


def test_object_dump_on_a_hit_is_the_compiled_object(env, tmp_path):
    program = tmp_path / "scalars.mlir"
    program.write_text(SCALARS)
    command = [tool("mlrun"), str(program), *RUN, "--dump-object-file"]
    run(command, env)
    compiled = (tmp_path / "scalars.mlir.o").read_bytes()
    (tmp_path / "scalars.mlir.o").unlink()
    run(command, env)
    assert (tmp_path / "scalars.mlir.o").read_bytes() == compiled and compiled.startswith(b"\x7fELF")


def test_served_runs_share_the_cache(env, tmp_path):
    from server_sandbox import ServerSandbox

    program = tmp_path / "scalars.mlir"
    program.write_text(SCALARS)
    root = short_temp_directory()
    box = ServerSandbox(os.path.join(root, "server"), env["MLOPT_CACHE_DIR"])
    try:
        command = [tool("mlrun"), str(program), *RUN]
        for _ in range(3):
            assert box.served(command).out == "0.125\n"
            stored = _entries(env)
            assert run(command, env).out == "0.125\n"
            if _entries(env) == stored:
                break  # the in-process run found what the served one stored
        else:
            pytest.fail("served and in-process runs never shared an entry")
    finally:
        box.stop()
        shutil.rmtree(root, ignore_errors=True)
