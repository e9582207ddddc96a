"""Linalg vectorization (upstream's linalg::vectorize, what
transform.structured.vectorize does) and the vector pattern sets: the IR it
builds, its failures, and the numbers vectorized programs compute, lowered with
lower-to-llvm and run with ExecutionEngine against numpy on odd shapes."""

from __future__ import annotations

import numpy as np
import pytest

import mlopt


def _context():
    from mlopt.plugins import load_plugins
    from mlopt.registry import Registry

    return Registry(load_plugins()).make_context()


def _parse(text: str):
    from mlopt.diagnostics import SourceManager
    from mlopt.asm import parse_source

    ctx = _context()
    return ctx, parse_source(ctx, SourceManager().add("input.mlir", text))


def _printed(module) -> str:
    """The module with the input's SSA names and affine maps written in place,
    as the checks below spell them."""
    import io

    from mlopt.asm import UpstreamPrinter

    out = io.StringIO()
    UpstreamPrinter(stream=out, source_names_as_prefix=True).print_op(module)
    return out.getvalue()


def vectorize(text: str, vector_sizes=None, *pattern_sets: str, nd_extract: bool = False) -> tuple[str, list[str]]:
    """Each structured linalg op vectorized in place, as transform.structured.vectorize
    on all of them, then the pattern sets applied: the printed module and the
    failure reasons."""
    from xdsl.builder import Builder
    from xdsl.rewriter import InsertPoint, Rewriter

    from mlopt.verifier import verify
    from mlopt.passes.transforms.linalg_vectorization import is_structured, vectorize_linalg_op

    ctx, module = _parse(text)
    failures = []
    for op in [op for op in module.walk() if is_structured(op)]:
        values = vectorize_linalg_op(op, Builder(InsertPoint.before(op)), vector_sizes, nd_extract)
        if isinstance(values, str):
            failures.append(values)
        else:
            Rewriter.replace_op(op, [], values)
    if pattern_sets:
        from mlopt.passes.transforms.vector_patterns import apply_patterns

        apply_patterns(module, pattern_sets, ctx)
    verify(module)
    return _printed(module), failures


def vectorize_children(text: str, *pattern_sets: str) -> str:
    from mlopt.verifier import verify
    from mlopt.passes.transforms.vector_patterns import apply_patterns, vectorize_children_and_apply_patterns

    ctx, module = _parse(text)
    vectorize_children_and_apply_patterns(module, ctx)
    if pattern_sets:
        apply_patterns(module, pattern_sets, ctx)
    verify(module)
    return _printed(module)


def check(text: str, checks: str) -> None:
    """FileCheck ``checks`` (CHECK lines) against ``text``."""
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        check_file = Path(tmp) / "checks.txt"
        check_file.write_text(checks)
        filecheck = Path(sys.executable).parent / "filecheck"
        done = subprocess.run([str(filecheck), str(check_file)], input=text, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + "\n" + text


MATMUL = """
func.func @mm(%a: {A}, %b: {B}, %c: {C}) {{
  linalg.matmul ins(%a, %b : {A}, {B}) outs(%c : {C})
  return
}}
"""


def matmul(m, n, k, dynamic=False):
    shape = (lambda *s: "memref<" + "x".join("?" if dynamic else str(d) for d in s) + "xf32>")
    return MATMUL.format(A=shape(m, k), B=shape(k, n), C=shape(m, n))


# --------------------------------------------------------------------------- the IR


def test_matmul_reads_the_iteration_space_then_reduces():
    out, failures = vectorize(matmul(8, 4, 16).replace("memref", "tensor").replace(
        "outs(%c : tensor<8x4xf32>)", "outs(%c : tensor<8x4xf32>) -> tensor<8x4xf32>"
    ).replace("linalg.matmul", "%r = linalg.matmul").replace("return", "return %r : tensor<8x4xf32>").replace(
        ") {", ") -> tensor<8x4xf32> {"
    ))
    assert not failures
    check(out, """
CHECK: %[[PAD:.*]] = ub.poison : f32
CHECK: %[[A:.*]] = vector.transfer_read %a[%[[Z:.*]], %[[Z]]], %[[PAD]] {permutation_map = affine_map<(d0, d1) -> (d0, 0, d1)>} : tensor<8x16xf32>, vector<8x4x16xf32>
CHECK: %[[B:.*]] = vector.transfer_read %b{{.*}}permutation_map = affine_map<(d0, d1) -> (0, d1, d0)>} : tensor<16x4xf32>, vector<8x4x16xf32>
CHECK: %[[C:.*]] = vector.transfer_read %c{{.*}} : tensor<8x4xf32>, vector<8x4xf32>
CHECK: %[[M:.*]] = arith.mulf %[[A]], %[[B]] : vector<8x4x16xf32>
CHECK: %[[R:.*]] = vector.multi_reduction <add>, %[[M]], %[[C]] [2] : vector<8x4x16xf32> to vector<8x4xf32>
CHECK: vector.transfer_write %[[R]], %c{{.*}} : vector<8x4xf32>, tensor<8x4xf32>
""")


def test_children_and_patterns_form_a_contraction():
    out = vectorize_children(matmul(8, 4, 16))
    check(out, """
CHECK-NOT: linalg.matmul
CHECK-DAG: %[[A:.*]] = vector.transfer_read %a{{.*}}{in_bounds = [true, true]} : memref<8x16xf32>, vector<8x16xf32>
CHECK-DAG: %[[B:.*]] = vector.transfer_read %b{{.*}}{in_bounds = [true, true]} : memref<16x4xf32>, vector<16x4xf32>
CHECK-DAG: %[[C:.*]] = vector.transfer_read %c{{.*}} : memref<8x4xf32>, vector<8x4xf32>
CHECK: vector.contract {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %[[A]], %[[B]], %[[C]]
CHECK-NOT: vector.multi_reduction
""")
    assert out.count("vector.transfer_read") == 3


def test_masked_vectorization_of_dynamic_shapes():
    out, failures = vectorize(matmul(0, 0, 0, dynamic=True), [8, 16, 4])
    assert not failures
    check(out, """
CHECK-DAG: %[[M:.*]] = memref.dim %a, %{{.*}} : memref<?x?xf32>
CHECK-DAG: %[[K:.*]] = memref.dim %a, %{{.*}} : memref<?x?xf32>
CHECK-DAG: %[[N:.*]] = memref.dim %b, %{{.*}} : memref<?x?xf32>
CHECK: %[[MA:.*]] = vector.create_mask %[[M]], %[[K]] : vector<8x4xi1>
CHECK: vector.mask %[[MA]] { vector.transfer_read %a{{.*}}{in_bounds = [true, true, true], permutation_map = affine_map<(d0, d1) -> (d0, 0, d1)>} : memref<?x?xf32>, vector<8x16x4xf32> } : vector<8x4xi1> -> vector<8x16x4xf32>
CHECK: %[[MC:.*]] = vector.create_mask %[[M]], %[[N]] : vector<8x16xi1>
CHECK: %[[ALL:.*]] = vector.create_mask %[[M]], %[[N]], %[[K]] : vector<8x16x4xi1>
CHECK: vector.mask %[[ALL]] { vector.multi_reduction <add>
CHECK: vector.mask %[[MC]] { vector.transfer_write
""")


def test_index_fill_transpose_and_scalars():
    out, failures = vectorize("""
func.func @f(%c: tensor<3x5xi32>, %s: f32, %t: memref<5x3xf32>, %u: memref<3x5xf32>) -> tensor<3x5xi32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%c : tensor<3x5xi32>) {
  ^bb0(%o: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.addi %i, %j : index
    %r = arith.index_cast %k : index to i32
    linalg.yield %r : i32
  } -> tensor<3x5xi32>
  linalg.fill ins(%s : f32) outs(%t : memref<5x3xf32>)
  linalg.transpose ins(%t : memref<5x3xf32>) outs(%u : memref<3x5xf32>) permutation = [1, 0]
  return %0 : tensor<3x5xi32>
}
""")
    assert not failures
    check(out, """
CHECK-DAG: %[[I:.*]] = vector.step : vector<3xindex>
CHECK-DAG: %[[J:.*]] = vector.step : vector<5xindex>
CHECK: %[[IB:.*]] = vector.broadcast %[[I]] : vector<3xindex> to vector<5x3xindex>
CHECK: %[[IT:.*]] = vector.transpose %[[IB]], [1, 0] : vector<5x3xindex> to vector<3x5xindex>
CHECK: %[[JB:.*]] = vector.broadcast %[[J]] : vector<5xindex> to vector<3x5xindex>
CHECK: arith.addi %[[IT]], %[[JB]] : vector<3x5xindex>
CHECK: arith.index_cast {{.*}} : vector<3x5xindex> to vector<3x5xi32>
CHECK: %[[S:.*]] = vector.broadcast %s : f32 to vector<5x3xf32>
CHECK: vector.transfer_write %[[S]], %t
CHECK: vector.transfer_read %t{{.*}}permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<5x3xf32>, vector<3x5xf32>
""")


@pytest.mark.parametrize(
    ("source", "sizes", "reason"),
    [
        (
            """func.func @f(%i: memref<1x8x8x4xf32>, %w: memref<3x3x4x2xf32>, %o: memref<1x6x6x2xf32>) {
  linalg.conv_2d_nhwc_hwcf ins(%i, %w : memref<1x8x8x4xf32>, memref<3x3x4x2xf32>) outs(%o : memref<1x6x6x2xf32>)
  return
}""",
            None,
            "only indexing maps that are projected permutations vectorize (of the convolutions, only 1-D ones in the NWC layout)",
        ),
        (
            """func.func @f(%i: memref<1x8x4xf32>, %w: memref<3x4x2xf32>, %o: memref<1x6x2xf32>) {
  linalg.conv_1d_nwc_wcf ins(%i, %w : memref<1x8x4xf32>, memref<3x4x2xf32>) outs(%o : memref<1x6x2xf32>)
  return
}""",
            [1, 6, 2, 3, 4],
            "masked vectorization (vector sizes) of convolutions is not supported",
        ),
        (matmul(0, 0, 0, dynamic=True), None, "dynamic shapes vectorize only with vector sizes"),
        (matmul(8, 4, 16), [4, 4, 16], "vector sizes [4, 4, 16] are smaller than the static loop ranges [8, 4, 16]"),
        (matmul(8, 4, 16), [8, 4], "expected 3 vector sizes (one per loop), got 2"),
    ],
)
def test_failures_leave_the_op_and_say_why(source, sizes, reason):
    out, failures = vectorize(source, sizes)
    assert len(failures) == 1 and reason in failures[0]
    assert "vector." not in out


# --------------------------------------------------------------------------- the numbers


LOWER = "vector.lower_multi_reduction"  # upstream's convert-vector-to-llvm leaves multi_reduction too


def run(text: str, name: str, *arrays):
    getattr(mlopt.ExecutionEngine(text, opt_level=2), name)(*arrays)


def random(*shape, seed=[0]):
    seed[0] += 1
    return np.random.default_rng(seed[0]).standard_normal(shape).astype(np.float32)


@pytest.mark.parametrize(("m", "n", "k"), [(7, 5, 3), (1, 13, 1), (11, 1, 17)])
@pytest.mark.parametrize("children", [False, True])
def test_matmul_computes_numpys_product(m, n, k, children):
    text = matmul(m, n, k)
    text = vectorize_children(text, "vector.lower_contraction", "vector.lower_outerproduct") if children else vectorize(text, None, LOWER)[0]
    assert "linalg.matmul" not in text
    a, b, c = random(m, k), random(k, n), random(m, n)
    expected = c + a @ b
    run(text, "mm", a, b, c)
    np.testing.assert_allclose(c, expected, rtol=1e-5, atol=1e-5)


def test_masked_matmul_on_dynamic_shapes():
    text, failures = vectorize(matmul(0, 0, 0, dynamic=True), [8, 4, 8], LOWER, "vector.lower_masked_transfers")
    assert not failures
    engine = mlopt.ExecutionEngine(text, opt_level=2)
    for m, n, k in [(5, 3, 7), (1, 1, 1), (8, 4, 8), (7, 2, 3)]:
        a, b, c = random(m, k), random(k, n), random(m, n)
        expected = c + a @ b
        engine.mm(a, b, c)
        np.testing.assert_allclose(c, expected, rtol=1e-5, atol=1e-5)


def test_masked_matmul_on_dynamic_tensors():
    # one-shot-bufferize takes masked transfers on tensors once the masks are
    # folded into them (lower_masked_transfers), not vector.mask regions.
    text, failures = vectorize(
        """
func.func @mm(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>, %c: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) outs(%c : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}""",
        [8, 4, 8],
        LOWER,
        "vector.lower_masked_transfers",
    )
    assert not failures
    a, b, c = random(5, 7), random(7, 3), random(5, 3)
    np.testing.assert_allclose(mlopt.ExecutionEngine(text).mm(a, b, c), c + a @ b, rtol=1e-5, atol=1e-5)


ELEMENTWISE_AND_ROWS = """
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
func.func @chain(%x: memref<{M}x{N}xf32>, %y: memref<{M}x{N}xf32>, %z: memref<{N}xf32>, %out: memref<{M}x{N}xf32>) {{
  %half = arith.constant 0.5 : f32
  %zero = arith.constant 0.0 : f32
  linalg.generic {{indexing_maps = [#id, #id, #col, #id], iterator_types = ["parallel", "parallel"]}}
      ins(%x, %y, %z : memref<{M}x{N}xf32>, memref<{M}x{N}xf32>, memref<{N}xf32>) outs(%out : memref<{M}x{N}xf32>) {{
  ^bb0(%a: f32, %b: f32, %c: f32, %o: f32):
    %0 = arith.mulf %a, %b : f32
    %1 = arith.addf %0, %c : f32
    %2 = arith.maximumf %1, %zero : f32
    %3 = arith.mulf %2, %half : f32
    %4 = arith.addf %3, %a : f32
    linalg.yield %4 : f32
  }}
  return
}}
func.func @softmax(%x: memref<{M}x{N}xf32>, %max: memref<{M}xf32>, %sum: memref<{M}xf32>, %out: memref<{M}x{N}xf32>) {{
  %ninf = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%ninf : f32) outs(%max : memref<{M}xf32>)
  linalg.fill ins(%zero : f32) outs(%sum : memref<{M}xf32>)
  linalg.generic {{indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}}
      ins(%x : memref<{M}x{N}xf32>) outs(%max : memref<{M}xf32>) {{
  ^bb0(%a: f32, %m: f32):
    %0 = arith.maximumf %a, %m : f32
    linalg.yield %0 : f32
  }}
  linalg.generic {{indexing_maps = [#id, #row, #row], iterator_types = ["parallel", "reduction"]}}
      ins(%x, %max : memref<{M}x{N}xf32>, memref<{M}xf32>) outs(%sum : memref<{M}xf32>) {{
  ^bb0(%a: f32, %m: f32, %s: f32):
    %0 = arith.subf %a, %m : f32
    %1 = math.exp %0 : f32
    %2 = arith.addf %1, %s : f32
    linalg.yield %2 : f32
  }}
  linalg.generic {{indexing_maps = [#id, #row, #row, #id], iterator_types = ["parallel", "parallel"]}}
      ins(%x, %max, %sum : memref<{M}x{N}xf32>, memref<{M}xf32>, memref<{M}xf32>) outs(%out : memref<{M}x{N}xf32>) {{
  ^bb0(%a: f32, %m: f32, %s: f32, %o: f32):
    %0 = arith.subf %a, %m : f32
    %1 = math.exp %0 : f32
    %2 = arith.divf %1, %s : f32
    linalg.yield %2 : f32
  }}
  return
}}
func.func @transpose_broadcast(%x: memref<{M}x{N}xf32>, %z: memref<{N}xf32>, %t: memref<{N}x{M}xf32>, %b: memref<{M}x{N}xf32>) {{
  linalg.transpose ins(%x : memref<{M}x{N}xf32>) outs(%t : memref<{N}x{M}xf32>) permutation = [1, 0]
  linalg.broadcast ins(%z : memref<{N}xf32>) outs(%b : memref<{M}x{N}xf32>) dimensions = [0]
  return
}}
func.func @column_sums(%x: memref<{M}x{N}xf32>, %s: memref<{N}xf32>) {{
  linalg.reduce ins(%x : memref<{M}x{N}xf32>) outs(%s : memref<{N}xf32>) dimensions = [0]
    (%a: f32, %acc: f32) {{
      %0 = arith.addf %a, %acc : f32
      linalg.yield %0 : f32
    }}
  return
}}
"""


@pytest.mark.parametrize(("m", "n"), [(7, 13), (1, 1), (3, 17), (1, 9)])
@pytest.mark.parametrize("children", [False, True])
def test_elementwise_softmax_transpose_broadcast_and_reductions(m, n, children):
    text = ELEMENTWISE_AND_ROWS.format(M=m, N=n)
    text = vectorize_children(text, LOWER) if children else vectorize(text, None, LOWER)[0]
    assert "linalg." not in text
    x, y, z = random(m, n), random(m, n), random(n)
    out = np.zeros((m, n), np.float32)
    engine = mlopt.ExecutionEngine(text, opt_level=2)

    engine.chain(x, y, z, out)
    np.testing.assert_allclose(out, np.maximum(x * y + z, 0) * 0.5 + x, rtol=1e-6)

    row_max, row_sum = np.zeros(m, np.float32), np.zeros(m, np.float32)
    engine.softmax(x, row_max, row_sum, out)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    np.testing.assert_allclose(out, e / e.sum(axis=1, keepdims=True), rtol=1e-5)
    np.testing.assert_array_equal(row_max, x.max(axis=1))

    t, b = np.zeros((n, m), np.float32), np.zeros((m, n), np.float32)
    engine.transpose_broadcast(x, z, t, b)
    np.testing.assert_array_equal(t, x.T)
    np.testing.assert_array_equal(b, np.broadcast_to(z, (m, n)))

    sums = np.zeros(n, np.float32)
    engine.column_sums(x, sums)
    np.testing.assert_allclose(sums, x.sum(axis=0), rtol=1e-5, atol=1e-6)


EDGES = """
func.func @total(%x: memref<5x7xf32>, %s: memref<f32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>], iterator_types = ["reduction", "reduction"]}
      ins(%x : memref<5x7xf32>) outs(%s : memref<f32>) {
  ^bb0(%a: f32, %acc: f32):
    %0 = arith.addf %acc, %a : f32
    linalg.yield %0 : f32
  }
  return
}
func.func @transposed_output(%x: memref<5x7xi32>, %y: memref<7x5xi32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1, d0)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : memref<5x7xi32>) outs(%y : memref<7x5xi32>) {
  ^bb0(%a: i32, %o: i32):
    %i = linalg.index 1 : index
    %ii = arith.index_cast %i : index to i32
    %0 = arith.muli %a, %ii : i32
    %1 = arith.addi %0, %o : i32
    linalg.yield %1 : i32
  }
  return
}
func.func @max_over_rows(%x: memref<6x3xf32>, %m: memref<3xf32>) {
  linalg.reduce ins(%x : memref<6x3xf32>) outs(%m : memref<3xf32>) dimensions = [0]
    (%a: f32, %acc: f32) {
      %0 = arith.maxnumf %a, %acc : f32
      linalg.yield %0 : f32
    }
  return
}
"""


def test_scalar_output_transposed_output_and_leading_reduction():
    text, failures = vectorize(EDGES, None, LOWER)
    assert not failures and "linalg." not in text
    engine = mlopt.ExecutionEngine(text, opt_level=2)

    x, total = random(5, 7), np.full((), 1.5, np.float32)
    engine.total(x, total)
    np.testing.assert_allclose(total, x.sum() + 1.5, rtol=1e-5)

    xi, y = np.arange(35, dtype=np.int32).reshape(5, 7), np.ones((7, 5), np.int32)
    engine.transposed_output(xi, y)
    np.testing.assert_array_equal(y, (xi * np.arange(7, dtype=np.int32)).T + 1)

    x, row_max = random(6, 3), np.full(3, -100, np.float32)
    engine.max_over_rows(x, row_max)
    np.testing.assert_array_equal(row_max, x.max(axis=0))


CONVOLUTIONS = """
func.func @conv(%i: memref<2x{IW}x5xf32>, %w: memref<3x5x3xf32>, %o: memref<2x{OW}x3xf32>) {{
  linalg.conv_1d_nwc_wcf {{dilations = dense<{D}> : tensor<1xi64>, strides = dense<{S}> : tensor<1xi64>}}
    ins(%i, %w : memref<2x{IW}x5xf32>, memref<3x5x3xf32>) outs(%o : memref<2x{OW}x3xf32>)
  return
}}
func.func @depthwise(%i: memref<2x{IW}x5xf32>, %w: memref<3x5xf32>, %o: memref<2x{OW}x5xf32>) {{
  linalg.depthwise_conv_1d_nwc_wc {{dilations = dense<{D}> : tensor<1xi64>, strides = dense<{S}> : tensor<1xi64>}}
    ins(%i, %w : memref<2x{IW}x5xf32>, memref<3x5xf32>) outs(%o : memref<2x{OW}x5xf32>)
  return
}}
func.func @max_pool(%i: memref<2x{IW}x5xf32>, %w: memref<3xf32>, %o: memref<2x{OW}x5xf32>) {{
  linalg.pooling_nwc_max {{dilations = dense<{D}> : tensor<1xi64>, strides = dense<{S}> : tensor<1xi64>}}
    ins(%i, %w : memref<2x{IW}x5xf32>, memref<3xf32>) outs(%o : memref<2x{OW}x5xf32>)
  return
}}
"""


@pytest.mark.parametrize(
    ("width", "stride", "dilation", "pattern_sets"),
    [
        (11, 1, 1, ()),
        (13, 2, 1, ()),
        (9, 1, 2, ()),
        (12, 3, 2, ()),
        (13, 2, 1, ("vector.cast_away_vector_leading_one_dim", "vector.lower_contraction")),
    ],
)
def test_1d_convolutions_and_pooling(width, stride, dilation, pattern_sets):
    out_width = (width - 2 * dilation - 1) // stride + 1
    text, failures = vectorize(CONVOLUTIONS.format(IW=width, OW=out_width, S=stride, D=dilation), None, *pattern_sets)
    assert not failures and "linalg." not in text
    engine = mlopt.ExecutionEngine(text, opt_level=2)
    x = random(2, width, 5)
    windows = np.stack([x[:, k * dilation : k * dilation + (out_width - 1) * stride + 1 : stride] for k in range(3)])

    w, o = random(3, 5, 3), random(2, out_width, 3)
    expected = o + np.einsum("knwc,kcf->nwf", windows, w)
    engine.conv(x, w, o)
    np.testing.assert_allclose(o, expected, rtol=1e-5, atol=1e-5)

    w, o = random(3, 5), random(2, out_width, 5)
    expected = o + np.einsum("knwc,kc->nwc", windows, w)
    engine.depthwise(x, w, o)
    np.testing.assert_allclose(o, expected, rtol=1e-5, atol=1e-5)

    o = random(2, out_width, 5)
    expected = np.maximum(o, windows.max(axis=0))
    engine.max_pool(x, np.zeros(3, np.float32), o)
    np.testing.assert_array_equal(o, expected)


def test_cast_away_leading_unit_dims():
    from mlopt.passes.transforms.vector_patterns import apply_patterns

    ctx, module = _parse("""
func.func @f(%m: memref<4x8xf32>, %a: vector<1x8xf32>, %c: vector<1x1x4xf32>, %w: vector<4x2xf32>, %r: vector<1x1x2xf32>) -> vector<1x1x2xf32> {
  %c0 = arith.constant 0 : index
  %p = arith.constant 0.0 : f32
  %0 = vector.transfer_read %m[%c0, %c0], %p {in_bounds = [true, true]} : memref<4x8xf32>, vector<1x8xf32>
  %1 = arith.addf %0, %a : vector<1x8xf32>
  vector.transfer_write %1, %m[%c0, %c0] {in_bounds = [true, true]} : vector<1x8xf32>, memref<4x8xf32>
  %2 = vector.contract {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"], kind = #vector.kind<add>} %c, %w, %r : vector<1x1x4xf32>, vector<4x2xf32> into vector<1x1x2xf32>
  return %2 : vector<1x1x2xf32>
}
""")
    apply_patterns(module, ["vector.cast_away_vector_leading_one_dim"], ctx)
    check(_printed(module), """
CHECK: %[[R:.*]] = vector.transfer_read %m{{.*}} {in_bounds = [true]} : memref<4x8xf32>, vector<8xf32>
CHECK: %[[A:.*]] = vector.extract %a[0] : vector<8xf32> from vector<1x8xf32>
CHECK: %[[S:.*]] = arith.addf %[[R]], %[[A]] : vector<8xf32>
CHECK: vector.transfer_write %[[S]], %m{{.*}} {in_bounds = [true]} : vector<8xf32>, memref<4x8xf32>
CHECK: %[[C:.*]] = vector.extract %c[0, 0] : vector<4xf32> from vector<1x1x4xf32>
CHECK: %[[ACC:.*]] = vector.extract %r[0, 0] : vector<2xf32> from vector<1x1x2xf32>
CHECK: vector.contract {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"], kind = #vector.kind<add>} %[[C]], %w, %[[ACC]] : vector<4xf32>, vector<4x2xf32> into vector<2xf32>
""")


GATHERS = """
func.func @rows(%ids: tensor<3xindex>, %o: tensor<3x4xf32>) -> tensor<3x4xf32> {{
  %table = arith.constant dense<{TABLE}> : tensor<5x7xf32>
  %0 = linalg.generic {{indexing_maps = [affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}}
      ins(%ids : tensor<3xindex>) outs(%o : tensor<3x4xf32>) {{
  ^bb0(%i: index, %out: f32):
    %j = linalg.index 1 : index
    %c2 = arith.constant 2 : index
    %k = arith.addi %j, %c2 : index
    %v = tensor.extract %table[%i, %k] : tensor<5x7xf32>
    linalg.yield %v : f32
  }} -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}}
func.func @reversed(%o: tensor<6xf32>) -> tensor<6xf32> {{
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %0 = linalg.generic {{indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}} outs(%o : tensor<6xf32>) {{
  ^bb0(%out: f32):
    %i = linalg.index 0 : index
    %c5 = arith.constant 5 : index
    %r = arith.subi %c5, %i : index
    %x = tensor.extract %v[%r] : tensor<6xf32>
    linalg.yield %x : f32
  }} -> tensor<6xf32>
  return %0 : tensor<6xf32>
}}
"""


def test_tensor_extract_becomes_a_gather():
    # Constant tables: a gather needs a unit-stride source to lower (as upstream),
    # which a function's tensor argument does not bufferize to.
    table = np.arange(35, dtype=np.float32).reshape(5, 7)
    source = GATHERS.format(TABLE=np.array2string(table, separator=", ", threshold=100).replace("\n", ""))
    text, failures = vectorize(source)
    assert failures == ["'linalg.generic': tensor.extract of more than one index vectorizes only with vectorize_nd_extract"]
    text, failures = vectorize(source, nd_extract=True)
    assert not failures and "linalg." not in text
    check(text, """
CHECK-LABEL: func.func @rows
CHECK: %[[IDS:.*]] = vector.transfer_read %ids{{.*}}permutation_map = affine_map<(d0) -> (d0, 0)>} : tensor<3xindex>, vector<3x4xindex>
CHECK: %[[ROW:.*]] = arith.muli %[[IDS]], %{{.*}} : vector<3x4xindex>
CHECK: %[[OFF:.*]] = arith.addi %{{.*}}, %[[ROW]] : vector<3x4xindex>
CHECK: vector.gather %table[%{{.*}}, %{{.*}}] [%[[OFF]]], %{{.*}}, %{{.*}} : tensor<5x7xf32>, vector<3x4xindex>, vector<3x4xi1>, vector<3x4xf32> into vector<3x4xf32>
CHECK-LABEL: func.func @reversed
CHECK: vector.gather %v[%{{.*}}] [%{{.*}}], %{{.*}}, %{{.*}} : tensor<6xf32>, vector<6xindex>, vector<6xi1>, vector<6xf32> into vector<6xf32>
""")
    engine = mlopt.ExecutionEngine(text, opt_level=2)
    ids = np.array([4, 0, 2], dtype=np.intp)
    np.testing.assert_array_equal(engine.rows(ids, np.zeros((3, 4), np.float32)), table[ids, 2:6])
    np.testing.assert_array_equal(engine.reversed(np.zeros(6, np.float32)), np.arange(6, 0, -1, dtype=np.float32))


def test_rank_reducing_subview_patterns():
    from mlopt.passes.transforms.vector_patterns import apply_patterns

    ctx, module = _parse("""
func.func @f(%m: memref<1x8x1x4xf32>, %v: vector<1x8x1x4xf32>) -> vector<1x8x1x4xf32> {
  %c0 = arith.constant 0 : index
  %p = arith.constant 0.0 : f32
  %0 = vector.transfer_read %m[%c0, %c0, %c0, %c0], %p {in_bounds = [true, true, true, true]} : memref<1x8x1x4xf32>, vector<1x8x1x4xf32>
  vector.transfer_write %v, %m[%c0, %c0, %c0, %c0] {in_bounds = [true, true, true, true]} : vector<1x8x1x4xf32>, memref<1x8x1x4xf32>
  return %0 : vector<1x8x1x4xf32>
}
""")
    apply_patterns(module, ["vector.rank_reducing_subview_patterns"], ctx)
    check(_printed(module), """
CHECK: %[[S:.*]] = memref.subview %m[0, 0, 0, 0] [1, 8, 1, 4] [1, 1, 1, 1] : memref<1x8x1x4xf32> to memref<8x4xf32>
CHECK: %[[R:.*]] = vector.transfer_read %[[S]][%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : memref<8x4xf32>, vector<8x4xf32>
CHECK: vector.shape_cast %[[R]] : vector<8x4xf32> to vector<1x8x1x4xf32>
CHECK: %[[S2:.*]] = memref.subview %m
CHECK: %[[V:.*]] = vector.shape_cast %v : vector<1x8x1x4xf32> to vector<8x4xf32>
CHECK: vector.transfer_write %[[V]], %[[S2]][%{{.*}}, %{{.*}}] {in_bounds = [true, true]} : vector<8x4xf32>, memref<8x4xf32>
""")


CONTRACTIONS = """
func.func @dot(%a: memref<7xf32>, %b: memref<7xf32>, %c: memref<f32>) {
  linalg.dot ins(%a, %b : memref<7xf32>, memref<7xf32>) outs(%c : memref<f32>)
  return
}
func.func @matvec(%a: memref<5x7xf32>, %b: memref<7xf32>, %c: memref<5xf32>) {
  linalg.matvec ins(%a, %b : memref<5x7xf32>, memref<7xf32>) outs(%c : memref<5xf32>)
  return
}
func.func @batch_matmul(%a: memref<2x3x5xf32>, %b: memref<2x5x4xf32>, %c: memref<2x3x4xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<2x3x5xf32>, memref<2x5x4xf32>) outs(%c : memref<2x3x4xf32>)
  return
}
func.func @matmul_i8(%a: memref<3x5xi8>, %b: memref<5x4xi8>, %c: memref<3x4xi32>) {
  linalg.matmul ins(%a, %b : memref<3x5xi8>, memref<5x4xi8>) outs(%c : memref<3x4xi32>)
  return
}
"""


@pytest.mark.parametrize("children", [False, True])
def test_dot_matvec_batch_matmul_and_integer_matmul(children):
    text = CONTRACTIONS
    text = vectorize_children(text, LOWER, "vector.lower_contraction") if children else vectorize(text, None, LOWER)[0]
    assert "linalg." not in text
    engine = mlopt.ExecutionEngine(text, opt_level=2)

    a, b, c = random(7), random(7), np.full((), 2.0, np.float32)
    engine.dot(a, b, c)
    np.testing.assert_allclose(c, 2 + a @ b, rtol=1e-5)

    a, b, c = random(5, 7), random(7), random(5)
    expected = c + a @ b
    engine.matvec(a, b, c)
    np.testing.assert_allclose(c, expected, rtol=1e-5, atol=1e-6)

    a, b, c = random(2, 3, 5), random(2, 5, 4), random(2, 3, 4)
    expected = c + a @ b
    engine.batch_matmul(a, b, c)
    np.testing.assert_allclose(c, expected, rtol=1e-5, atol=1e-5)

    rng = np.random.default_rng(7)
    a, b = rng.integers(-128, 128, (3, 5), dtype=np.int8), rng.integers(-128, 128, (5, 4), dtype=np.int8)
    c = np.ones((3, 4), np.int32)
    engine.matmul_i8(a, b, c)
    np.testing.assert_array_equal(c, 1 + a.astype(np.int32) @ b.astype(np.int32))
