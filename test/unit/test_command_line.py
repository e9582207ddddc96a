"""mlopt's command line as LLVM's cl and mlir-opt 22 read it: option names
matched whole, pass names checked, output files checked up front and written
through links, write failures reported cleanly, listings and suggestions
limited to what a user can mean."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass

import pytest
from xdsl.dialects.builtin import UnitAttr
from xdsl.passes import ModulePass

from conftest import run_mlopt
from mlopt import hookimpl
from mlopt.testing.features import llvm_tool, llvm_tool_missing

GOOD = "func.func @f(%a: i32) -> i32 {\n  return %a : i32\n}\n"
BAD = "func.func @f(%a: i32) -> i64 {\n  return %a : i32\n}\n"


@dataclass(frozen=True)
class MarkModule(ModulePass):
    """Marks the module it ran on"""

    name = "one-pass-for-tests"

    def apply(self, ctx, op):
        op.attributes["test.ran"] = UnitAttr()


class OnePassPlugin:
    """A plugin with a pass whose flag starts with 'o', like -one-shot-bufferize."""

    @hookimpl
    def mlopt_register_passes(self):
        return {MarkModule.name: lambda: MarkModule}


def test_single_dash_flag_starting_with_o_is_not_dash_o(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_mlopt(["-one-pass-for-tests"], GOOD, plugins=[("one-pass", OnePassPlugin())])
    assert result.code == 0, result.err
    assert "test.ran" in result.out
    assert list(tmp_path.iterdir()) == [], "no file 'ne-pass-for-tests' is written"


def test_dash_o_takes_a_separate_or_equals_value_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    glued = run_mlopt(["-oout.mlir"], GOOD)
    assert glued.code == 1
    assert "unknown command line argument '-oout.mlir'" in glued.err
    assert list(tmp_path.iterdir()) == []
    for args in (["-o", "separate.mlir"], ["-o=equals.mlir"], ["--o=double-dash.mlir"]):
        assert run_mlopt(args, GOOD).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["double-dash.mlir", "equals.mlir", "separate.mlir"]


@pytest.mark.parametrize("flag", ["--mlir-print-ir-after", "--mlir-print-ir-before"])
def test_ir_dump_of_an_unknown_pass_is_rejected_like_mlir_opt(flag):
    result = run_mlopt(["--cse", f"{flag}=cs"], GOOD)
    assert result.code == 1
    assert result.err == f"mlopt: error: for the {flag} option: Cannot find option named 'cs'!\n"
    assert result.out == ""


def test_unwritable_output_is_reported_before_the_pipeline_runs(tmp_path):
    # BAD would fail verification; the output path is checked first.
    result = run_mlopt(["--cse", "-o", str(tmp_path / "missing-dir" / "out.mlir")], BAD)
    assert result.code == 1
    assert result.err == f"mlopt: error: could not write output file '{tmp_path / 'missing-dir' / 'out.mlir'}': No such file or directory\n"
    directory = run_mlopt(["-o", str(tmp_path)], GOOD)
    assert directory.code == 1 and "Is a directory" in directory.err


def test_hard_links_are_written_through(tmp_path):
    out = tmp_path / "out.mlir"
    out.write_text("old\n")
    link = tmp_path / "link.mlir"
    os.link(out, link)
    assert run_mlopt(["-o", str(link)], GOOD).code == 0
    assert os.path.samefile(out, link), "the link is kept"
    assert "func.func @f" in out.read_text()


def test_writable_file_in_a_directory_without_room_for_a_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "out.mlir"
    out.write_text("old\n")

    def no_temporary_files(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # (A read-only directory would do, but root may write anywhere.)
    monkeypatch.setattr(tempfile, "mkstemp", no_temporary_files)
    assert run_mlopt(["-o", str(out)], GOOD).code == 0
    assert "func.func @f" in out.read_text()
    new = run_mlopt(["-o", str(tmp_path / "new.mlir")], GOOD)
    assert new.code == 1 and "Permission denied" in new.err


TOOL_MODULES = {"mlopt": "mlopt.opt_main", "mlrun": "mlopt.run_main", "mltranslate": "mlopt.translate_main"}


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command",
    [
        ["mlopt", "-"],
        ["mlopt", "--list-passes"],
        ["mlopt", "-", "-o", "/dev/full"],
        ["mltranslate", "--help"],
        ["mlrun", "-", "-e", "main", "--entry-point-result=i32"],
    ],
)
def test_a_full_device_is_a_clean_error(command):
    program = "func.func @main() -> i32 {\n  %0 = arith.constant 7 : i32\n  return %0 : i32\n}\n"
    tool, *args = command
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", TOOL_MODULES[tool], *args],
            input=program, stdout=full, stderr=subprocess.PIPE, text=True,
        )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{tool}: error: could not write")
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_suggestions_only_name_what_a_user_can_mean():
    missing = run_mlopt(["--affine-loop-normalize"], GOOD)
    assert missing.code == 1
    assert "MLIR 22's pass 'affine-loop-normalize' is not provided" in missing.err
    typo = run_mlopt(["--one-shot-bufferiz"], GOOD)
    assert "stencil" not in typo.err
    assert "did you mean '--cse'?" in run_mlopt(["--cs"], GOOD).err
    pipeline = run_mlopt(["--pass-pipeline=builtin.module(inline-snr)"], GOOD)
    assert "snrt" not in pipeline.err


def test_research_passes_and_dialects_are_listed_with_all():
    def names(listing: str) -> set[str]:
        return {line.split()[0].lstrip("-") for line in listing.splitlines()[1:] if line.startswith("  ") and not line.startswith("    ")}

    listing, full_listing = run_mlopt(["--list-passes"]).out, run_mlopt(["--list-passes", "--all"]).out
    passes, all_passes = names(listing), names(full_listing)
    assert not re.search(r"-   [A-Za-z]+\([a-z_]+: ", full_listing), "a dataclass signature is not a summary"
    assert {"canonicalize", "cse", "lower-to-llvm", "transform-interpreter"} <= passes, "upstream-named ones, from xDSL too"
    assert "toy-inline" in passes or "toy" not in run_mlopt(["--list-plugins"]).out, "plugin-provided ones"
    assert not {name for name in passes if name.startswith(("riscv", "snitch", "csl", "convert-stencil"))}
    assert {"inline-snrt", "stencil-bufferize"} <= all_passes
    assert passes < all_passes

    dialects, all_dialects = names(run_mlopt(["--show-dialects"]).out), names(run_mlopt(["--show-dialects", "--all"]).out)
    assert {"arith", "llvm", "builtin", "transform"} <= dialects
    assert not dialects & {"riscv", "snitch", "csl", "x86", "stencil"}
    assert {"riscv", "snitch", "csl"} <= all_dialects


def test_research_passes_still_run():
    assert run_mlopt(["--stencil-bufferize"], GOOD).code == 0


def test_upstream_names_are_mlir_opt_22s():
    if reason := llvm_tool_missing("mlir-opt"):
        pytest.skip(reason)
    from mlopt.upstream_names import UPSTREAM_DIALECTS, UPSTREAM_PASSES

    help_text = subprocess.run([llvm_tool("mlir-opt"), "--help"], capture_output=True, text=True).stdout
    passes = help_text[help_text.index("Compiler passes to run"):]
    assert UPSTREAM_PASSES == set(re.findall(r"^      --([a-z0-9-]+)\s", passes, re.MULTILINE))
    dialects = subprocess.run([llvm_tool("mlir-opt"), "--show-dialects"], capture_output=True, text=True).stdout
    assert UPSTREAM_DIALECTS == set(dialects.split(":", 1)[1].strip().split(","))
