"""Crash reproducers: the file format as mlir-opt reads it, the default
temporary reproducer, and the external_resources section in the input."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from mlopt.reproducer import read_reproducer, reproducer_text, split_external_resources
from mlopt.testing import run_mlopt
from mlopt.testing.features import llvm_tool, llvm_tool_missing

PLANTED = os.path.join(os.path.dirname(__file__), "..", "mlopt", "Inputs", "planted_bugs.py")

PROGRAM = """\
func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
"""


def _reproducer_path(stderr: str) -> str:
    match = re.search(r"reproducer generated at `([^`]+)`", stderr)
    assert match, stderr
    return match.group(1)


def test_internal_error_writes_a_local_reproducer_to_a_temporary_file_that_replays_it():
    crashed = run_mlopt(PROGRAM, [f"--load-plugin={PLANTED}", "--cse", "--planted-crash-on-muli"])
    assert crashed.exit_code == 2
    path = _reproducer_path(crashed.stderr)
    try:
        text = Path(path).read_text()
        assert text.count("arith.addi") == 1, "the IR after cse, right before the crashing pass"
        assert 'pipeline: "builtin.module(planted-crash-on-muli)"' in text
        replayed = run_mlopt(text, ["--run-reproducer", f"--load-plugin={PLANTED}"])
        assert replayed.exit_code == 2
        assert "RuntimeError: planted crash on arith.muli" in replayed.stderr
        os.unlink(_reproducer_path(replayed.stderr))
    finally:
        os.unlink(path)


def test_a_run_that_does_not_fail_writes_no_reproducer(tmp_path):
    target = tmp_path / "repro.mlir"
    result = run_mlopt(PROGRAM, ["--cse", f"--mlir-pass-pipeline-crash-reproducer={target}"])
    assert result.exit_code == 0, result.stderr
    assert not target.exists()


def test_run_reproducer_runs_the_stored_pipeline_and_verify_setting():
    text = reproducer_text(PROGRAM, "builtin.module(func.func(cse))", disable_threading=False, verify_each=True)
    result = run_mlopt(text, ["--run-reproducer"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("arith.addi") == 1
    # Without --run-reproducer the resource is read past and nothing runs.
    assert run_mlopt(text, []).check().count("arith.addi") == 2


def test_external_resources_are_blanked_in_place_and_other_resources_kept():
    text = (
        "module {}\n{-#\n  dialect_resources: {\n    builtin: {\n      blob: \"0x0100000001\"\n    }\n  },\n"
        '  external_resources: {\n    mlir_reproducer: {\n      pipeline: "builtin.module(cse)",\n'
        "      disable_threading: true,\n      verify_each: false\n    }\n  }\n#-}\n"
    )
    blanked, entry = split_external_resources(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "external_resources" not in blanked and "dialect_resources" in blanked
    assert blanked.rstrip().endswith("#-}")
    assert "}," not in blanked.split("dialect_resources")[1], "the separating comma goes with the entry"
    reproducer = read_reproducer(entry)
    assert reproducer.pipeline == "builtin.module(cse)"
    assert reproducer.disable_threading and not reproducer.verify_each


@pytest.mark.skipif(llvm_tool_missing("mlir-opt") is not None, reason=str(llvm_tool_missing("mlir-opt")))
def test_mlir_opt_replays_a_reproducer_mlopt_wrote(tmp_path):
    target = tmp_path / "repro.mlir"
    failed = run_mlopt(
        PROGRAM,
        [f"--load-plugin={PLANTED}", "--pass-pipeline=builtin.module(func.func(cse),planted-fail-on-muli)",
         f"--mlir-pass-pipeline-crash-reproducer={target}"],
    )
    assert failed.exit_code == 1 and target.exists(), failed.stderr
    # mlir-opt lacks the planted pass; give it the same file with a pipeline it has.
    text = target.read_text().replace(",planted-fail-on-muli", "")
    target.write_text(text)
    upstream = subprocess.run([llvm_tool("mlir-opt"), str(target), "--run-reproducer"], capture_output=True, text=True)
    assert upstream.returncode == 0, upstream.stderr
    ours = run_mlopt(text, ["--run-reproducer"]).check()
    assert upstream.stdout.count("arith.addi") == ours.count("arith.addi") == 1
