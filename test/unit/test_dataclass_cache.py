"""The tools' cache of dataclasses' generated methods (mlopt.dataclass_cache):
it is filled by a run, used by the next, and a damaged file is ignored."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import textwrap

import pytest

from mlopt import dataclass_cache

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in ((3, 11), (3, 12)), reason="this Python's dataclasses build their methods differently"
)

TINY = "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\n"

PROBE = textwrap.dedent(
    """
    from dataclasses import FrozenInstanceError, dataclass

    from mlopt import dataclass_cache

    dataclass_cache.install()

    @dataclass(frozen=True)
    class Point:
        x: int
        y: int = 2

    p = Point(1)
    print(repr(p), p == Point(1, 2), p == Point(1, 3), getattr(p, "marker", None))
    try:
        p.x = 5
    except FrozenInstanceError:
        print("frozen")
    """
)


def _cache_file(directory) -> str:
    return os.path.join(directory, f"dataclass-methods-{sys.implementation.cache_tag}.marshal")


def _run(args: list[str], directory, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLOPT_CACHE_DIR": str(directory), "MLOPT_SERVER": "0"}
    return subprocess.run(args, env=env, capture_output=True, text=True, **kwargs)


def _mlopt(directory) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-m", "mlopt.tools.mlopt", "-"], directory, input=TINY)


def test_a_tool_run_fills_the_cache_and_the_next_run_prints_the_same(tmp_path):
    first = _mlopt(tmp_path)
    assert first.returncode == 0, first.stderr
    with open(_cache_file(tmp_path), "rb") as file:
        codes = marshal.load(file)
    # xDSL's attributes and ops are dataclasses: their __init__ is among the texts
    assert len(codes) > 500
    assert any(" def __init__(" in text for text in codes)
    second = _mlopt(tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, first.stderr)


def test_generated_methods_behave_as_dataclasses_makes_them(tmp_path):
    for _ in range(2):  # compiled, then from the cache
        result = _run([sys.executable, "-c", PROBE], tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == "Point(x=1, y=2) True False None\nfrozen\n"


def test_the_stored_code_is_what_runs(tmp_path):
    """A text's stored code object is executed instead of compiling the text:
    one doctored entry shows it (the cache's key is the text itself)."""
    assert _run([sys.executable, "-c", PROBE], tmp_path).returncode == 0
    path = _cache_file(tmp_path)
    with open(path, "rb") as file:
        codes = marshal.load(file)
    (init_text,) = [text for text in codes if " def __init__(self,x:_type_x,y:_type_y=_dflt_y)" in text]
    doctored = init_text.replace(" return __init__", "  __dataclass_builtins_object__.__setattr__(self,'marker','cached')\n return __init__")
    codes[init_text] = compile(doctored, "<string>", "exec")
    with open(path, "wb") as file:
        marshal.dump(codes, file)
    result = _run([sys.executable, "-c", PROBE], tmp_path)
    assert result.stdout.splitlines()[0].endswith(" cached")


def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path):
    path = _cache_file(tmp_path)
    os.makedirs(tmp_path, exist_ok=True)
    with open(path, "wb") as file:
        file.write(b"\x00not marshal data")
    result = _mlopt(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "func.func @f" in result.stdout
    with open(path, "rb") as file:
        assert len(marshal.load(file)) > 500


def test_an_unwritable_cache_directory_changes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = _run([sys.executable, "-m", "mlopt.tools.mlopt", "-"], blocker / "cache", input=TINY)
    assert (result.returncode, result.stderr) == (0, "")
    assert "func.func @f" in result.stdout


def test_installing_twice_wraps_once():
    import dataclasses

    before = dataclasses._create_fn
    try:
        dataclass_cache.install()
        once = dataclasses._create_fn
        dataclass_cache.install()
        assert dataclasses._create_fn is once
    finally:
        dataclasses._create_fn = before
