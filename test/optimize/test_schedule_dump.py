"""The schedule ``--optimize`` applies is the one it dumps: appended to the
program and run with ``--transform-interpreter``, it gives the same IR; an
edited schedule changes the result as edited."""

from __future__ import annotations

import re

import pytest

import optimize_kernels as kernels
from mlopt.testing import run_mlopt

EMPTY_SCHEDULE = "  module attributes {transform.with_named_sequence} {\n  }\n"
"""What test-transform-dialect-erase-schedule leaves of the script (as upstream's)."""

PROGRAMS = {
    "matmul": kernels.matmul(64, 96, 80),
    "elementwise_chain": kernels.elementwise_chain(1000),
    "streamed_elementwise_chain": kernels.elementwise_chain(1 << 20),
    "streamed_2d_elementwise_chain": kernels.elementwise_chain(1031, 1024),
    "softmax": kernels.softmax(6, 100),
    "softmax_split_reductions": kernels.softmax(6, 128),
    "conv": kernels.conv_2d_nhwc_hwcf(1, 10, 12, 8, 16),
    "packed_matmul": kernels.matmul(61, 97, 83),
    "packed_batch_matmul": kernels.batch_matmul(2, 9, 37, 11),
}
OPTIONS = {"packed_matmul": "pack=true", "packed_batch_matmul": "pack=true"}


def _optimized_and_schedule(program: str, tmp_path, options: str = "") -> tuple[str, str]:
    schedule = tmp_path / "schedule.mlir"
    optimized = run_mlopt(program, [f"--optimize=dump-schedule={schedule} {options}".strip()]).check()
    return optimized, schedule.read_text()


def _interpreted(program: str, schedule: str) -> str:
    output = run_mlopt(program + schedule, ["--transform-interpreter", "--test-transform-dialect-erase-schedule"]).check()
    assert EMPTY_SCHEDULE in output
    return output.replace(EMPTY_SCHEDULE, "")


@pytest.mark.parametrize("name", PROGRAMS)
def test_dumped_schedule_gives_the_same_ir(name: str, tmp_path) -> None:
    optimized, schedule = _optimized_and_schedule(PROGRAMS[name], tmp_path, OPTIONS.get(name, ""))
    assert "transform.named_sequence @__transform_main" in schedule
    assert "vector." in optimized
    assert _interpreted(PROGRAMS[name], schedule) == optimized


def test_edited_schedule_is_what_runs(tmp_path) -> None:
    program = PROGRAMS["matmul"]
    optimized, schedule = _optimized_and_schedule(program, tmp_path)
    assert "tile_sizes [8, 32, 8]" in schedule
    edited = _interpreted(program, schedule.replace("tile_sizes [8, 32, 8]", "tile_sizes [4, 32, 8]"))
    assert edited != optimized
    assert "vector<4x32xf32>" in edited and "vector<4x32xf32>" not in optimized


def test_options_change_the_schedule(tmp_path) -> None:
    _, wide = _optimized_and_schedule(PROGRAMS["matmul"], tmp_path, "vector-width=512")
    _, narrow = _optimized_and_schedule(PROGRAMS["matmul"], tmp_path, "vector-width=256")
    assert "tile_sizes [8, 32, 8]" in wide and "tile_sizes [8, 16, 8]" in narrow
    _, unfused = _optimized_and_schedule(PROGRAMS["elementwise_chain"], tmp_path, "fuse=false")
    assert "linalg-fuse-elementwise-ops" not in unfused
    _, untiled = _optimized_and_schedule(PROGRAMS["matmul"], tmp_path, "tile=false")
    assert "tile_using_for" not in untiled and "vectorize" not in untiled


def test_row_reductions_split_into_partial_vectors_only_where_whole_vectors_divide_the_row(tmp_path) -> None:
    split, schedule = _optimized_and_schedule(PROGRAMS["softmax_split_reductions"], tmp_path, "vector-width=512")
    # 128 = two chunks of four 16-lane vectors: each row accumulates into a 1x64 partial
    assert schedule.count("tile_reduction_using_for %op by tile_sizes = [0, 64]") == 1
    assert len(re.findall(r"transform\.include @\w+_split_reduction_1x128 ", schedule)) == 2, "the max and the sum"
    assert "vector<1x64xf32>" in split
    _, narrow = _optimized_and_schedule(PROGRAMS["softmax_split_reductions"], tmp_path, "vector-width=256")
    assert "tile_sizes = [0, 32]" in narrow
    _, unsplit = _optimized_and_schedule(PROGRAMS["softmax"], tmp_path, "vector-width=512")  # 100: no whole vectors
    assert "tile_reduction_using_for" not in unsplit


@pytest.mark.parametrize("name", ["softmax", "softmax_split_reductions"])
def test_softmax_is_computed_a_row_at_a_time(name: str, tmp_path) -> None:
    """The divide is tiled by rows and the max, exp and sum fused into its row
    loop: no 6xN temporary is left, the exp is written in the result's row."""
    optimized, schedule = _optimized_and_schedule(PROGRAMS[name], tmp_path, "vector-width=512")
    columns = PROGRAMS[name].split("tensor<6x")[1].split("x")[0]
    assert "tile_sizes [1, 0]" in schedule
    assert schedule.count("fuse_into_containing_op") == 5, "the max and the sum, their fills, the exp"
    assert "transform.apply_dce" in schedule
    assert len(re.findall(rf"memref\.alloc\(\)[^\n]*memref<6x{columns}xf32>", optimized)) == 1, "the result alone"
    assert "scf.for" in optimized and "linalg." not in optimized


@pytest.mark.parametrize("name", ["streamed_elementwise_chain", "streamed_2d_elementwise_chain"])
def test_large_elementwise_outputs_are_stored_nontemporally(name: str, tmp_path) -> None:
    """A 4 MiB output written once bypasses the caches; a small one does not."""
    streamed, schedule = _optimized_and_schedule(PROGRAMS[name], tmp_path, "vector-width=512")
    assert 'transform.annotate %stores "nontemporal"' in schedule
    assert re.search(r"vector\.store [^\n]*\{nontemporal = true\}", streamed)
    assert "vector.transfer_write" not in streamed
    small, schedule = _optimized_and_schedule(PROGRAMS["elementwise_chain"], tmp_path, "vector-width=512")
    assert "nontemporal" not in schedule and "nontemporal" not in small


def test_schedule_to_stderr(capsys) -> None:
    result = run_mlopt(PROGRAMS["elementwise_chain"], ["--optimize=dump-schedule=-"])
    assert result.exit_code == 0
    assert capsys.readouterr().err.startswith("module attributes {transform.with_named_sequence}")


def test_unwritable_dump_is_an_error() -> None:
    result = run_mlopt(PROGRAMS["matmul"], ["--optimize=dump-schedule=/nonexistent/dir/s.mlir"])
    assert result.exit_code == 1
    assert "error: optimize: cannot write the schedule to '/nonexistent/dir/s.mlir'" in result.stderr
    assert "Traceback" not in result.stderr


def test_pack_packs_matmul_operands_into_register_tile_panels(tmp_path) -> None:
    program = PROGRAMS["packed_matmul"]
    packed, schedule = _optimized_and_schedule(program, tmp_path, "pack=true vector-width=512")
    assert "transform.structured.pack %op packed_sizes = [8, 32, 0]" in schedule
    assert "pack_transpose %b_pack with_compute_op(%packed) outer_perm = [1, 0]" in schedule
    # the panels of A (61 rows padded to 8 panels of 8) and B (97 columns: 4 panels of 32), contiguous along k
    assert "memref<8x83x8xf32>" in packed and "memref<4x83x32xf32>" in packed
    assert "memref<8x4x8x32xf32>" in packed, "C in register tiles"
    assert "linalg." not in packed
    _, narrow = _optimized_and_schedule(program, tmp_path, "pack=true vector-width=256")
    assert "packed_sizes = [8, 16, 0]" in narrow
    unpacked, _ = _optimized_and_schedule(program, tmp_path)
    assert "memref<4x83x32xf32>" not in unpacked


def test_matmuls_are_packed_where_b_exceeds_256_kib_unless_told(tmp_path) -> None:
    large = kernels.matmul(8, 512, 256)  # B: 512 KiB
    _, schedule = _optimized_and_schedule(large, tmp_path)
    assert "transform.include @packed_matmul_8x512x256 " in schedule
    _, unpacked = _optimized_and_schedule(large, tmp_path, "pack=false")
    assert "transform.structured.pack" not in unpacked and "transform.include @matmul_8x512x256 " in unpacked
    _, small = _optimized_and_schedule(PROGRAMS["matmul"], tmp_path)  # B: 30 KiB
    assert "transform.structured.pack" not in small


def test_a_packed_matmul_leaves_the_elementwise_ops_scheduled_on_buffers(tmp_path) -> None:
    """Only the packed matmul is scheduled before bufferization; the bias
    added to its result (a linalg.generic once fused) keeps the schedule it
    has in a module without a packed matmul."""
    _, schedule = _optimized_and_schedule(kernels.biased_matmul(8, 512, 256), tmp_path)  # B: 512 KiB
    main = schedule.split("transform.named_sequence @", 2)[1]
    bufferized = main.index("transform.bufferization.one_shot_bufferize")
    assert 0 <= main.index("transform.include @packed_matmul_8x512x256 ") < bufferized
    assert main.index('transform.structured.match ops{["linalg.generic"]}') > bufferized
    assert main.index("transform.include @generic_8x512 ") > bufferized


def test_pack_leaves_matmuls_on_buffers_unpacked(tmp_path) -> None:
    """Packing needs tensors: a matmul on buffers keeps the unpacked schedule."""
    program = PROGRAMS["packed_matmul"].replace("@kernel", "@on_tensors") + MATMUL_ON_BUFFERS
    _, schedule = _optimized_and_schedule(program, tmp_path, "pack=true")
    assert "transform.include @packed_matmul_61x97x83" in schedule
    assert "transform.include @matmul_13x33x17" in schedule


MATMUL_ON_BUFFERS = """
func.func @accumulate(%a: memref<13x17xf32>, %b: memref<17x33xf32>, %c: memref<13x33xf32>) {
  linalg.matmul ins(%a, %b : memref<13x17xf32>, memref<17x33xf32>) outs(%c : memref<13x33xf32>)
  return
}
"""


@pytest.mark.parametrize("name", PROGRAMS)
def test_mlir_opt_runs_the_dumped_schedule(name: str, tmp_path) -> None:
    """The schedule is upstream transform IR: mlir-opt 22 interprets it on the same program."""
    import subprocess

    from mlopt.testing.features import llvm_tool, llvm_tool_missing

    missing = llvm_tool_missing("mlir-opt")
    if missing:
        pytest.skip(missing)
    _, schedule = _optimized_and_schedule(PROGRAMS[name], tmp_path, OPTIONS.get(name, ""))
    program = tmp_path / "program.mlir"
    program.write_text(PROGRAMS[name] + schedule)
    upstream = subprocess.run(
        [llvm_tool("mlir-opt"), str(program), "--transform-interpreter", "--test-transform-dialect-erase-schedule"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert upstream.returncode == 0, upstream.stderr
    assert "vector." in upstream.stdout and "linalg." not in upstream.stdout


def test_a_cpu_whose_vector_width_is_unknown_needs_one() -> None:
    result = run_mlopt(PROGRAMS["matmul"], ["--optimize=target-cpu=znver4"])
    assert result.exit_code == 1
    assert "error: optimize: the vector width of target-cpu 'znver4' is not known: give vector-width" in result.stderr
    assert run_mlopt(PROGRAMS["matmul"], ["--optimize=target-cpu=znver4 vector-width=256"]).exit_code == 0
