"""The CPU kernel set of the generated-code benchmark, in upstream MLIR.

Each kernel becomes one complete program: ``@main`` allocates and fills its
buffers with a deterministic pattern, times one call of ``@kernel`` with
``rtclock``, and prints the kernel time and a checksum (the f64 sum of the
output), one per line. The same pattern and algorithm are written for numpy
and numba in :mod:`mlopt.bench.python_kernels`, so that every contender
starts from bit-identical inputs and the checksums can be compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pattern:
    """float((Σ coefficient·index) mod modulus) · scale − offset: exact in
    f32 at every step, so MLIR and numpy produce the same bits."""

    coefficients: tuple[int, ...]
    modulus: int
    scale: float
    offset: float


@dataclass(frozen=True)
class Buffer:
    name: str
    shape: tuple[int, ...]
    pattern: Pattern | None = None
    """None: filled with zeros."""
    element: str = "f32"

    @property
    def type(self) -> str:
        return f"memref<{'x'.join(map(str, self.shape))}x{self.element}>"

    @property
    def size(self) -> int:
        count = 1
        for extent in self.shape:
            count *= extent
        return count


@dataclass(frozen=True)
class Kernel:
    name: str
    params: dict[str, int]
    """The builder's arguments: ``BUILDERS[name](**params)`` rebuilds it."""
    shape: str
    buffers: tuple[Buffer, ...]
    """The arguments of ``@kernel``, in order."""
    output: str
    body: str
    """The body of ``func.func @kernel``, its arguments named after the buffers."""
    flops: int
    bytes: int
    """Least memory traffic: every input read once, every output written once."""
    tolerance: float = 1e-4
    """Relative checksum tolerance: contenders may sum in another order, and
    printF64 prints 6 significant digits (so no less than 1e-5)."""

    def buffer(self, name: str) -> Buffer:
        return next(b for b in self.buffers if b.name == name)

    def mlir(self) -> str:
        return _program(self)


# --------------------------------------------------------------------------- program text


PRELUDE = """func.func private @rtclock() -> f64
func.func private @printF64(f64)
func.func private @printNewline()
"""


def _loop_nest(prefix: str, shape: tuple[int, ...], body: Callable[[list[str]], list[str]], indent: str = "  ") -> list[str]:
    lines, indices = [], []
    for depth, extent in enumerate(shape):
        index = f"%{prefix}_i{depth}"
        lines.append(f"{indent}%{prefix}_n{depth} = arith.constant {extent} : index")
        lines.append(f"{indent}scf.for {index} = %c0 to %{prefix}_n{depth} step %c1 {{")
        indices.append(index)
        indent += "  "
    lines += [indent + line for line in body(indices)]
    for depth in reversed(range(len(shape))):
        lines.append("  " * (depth + 1) + "}")
    return lines


def _fill(buffer: Buffer) -> list[str]:
    name = buffer.name
    pattern = buffer.pattern

    def body(indices: list[str]) -> list[str]:
        where = f"%{name}[{', '.join(indices)}] : {buffer.type}"
        if pattern is None:
            return [f"memref.store %zero_{buffer.element}, {where}"]
        lines, total = [], None
        for depth, (index, coefficient) in enumerate(zip(indices, pattern.coefficients)):
            lines.append(f"%{name}_k{depth} = arith.constant {coefficient} : index")
            lines.append(f"%{name}_t{depth} = arith.muli {index}, %{name}_k{depth} : index")
            if total is not None:
                lines.append(f"%{name}_s{depth} = arith.addi {total}, %{name}_t{depth} : index")
            total = f"%{name}_s{depth}" if total is not None else f"%{name}_t{depth}"
        lines += [
            f"%{name}_m = arith.constant {pattern.modulus} : index",
            f"%{name}_r = arith.remui {total}, %{name}_m : index",
            f"%{name}_ri = arith.index_cast %{name}_r : index to i64",
            f"%{name}_f = arith.sitofp %{name}_ri : i64 to {buffer.element}",
            f"%{name}_scale = arith.constant {pattern.scale!r} : {buffer.element}",
            f"%{name}_offset = arith.constant {pattern.offset!r} : {buffer.element}",
            f"%{name}_p = arith.mulf %{name}_f, %{name}_scale : {buffer.element}",
            f"%{name}_v = arith.subf %{name}_p, %{name}_offset : {buffer.element}",
            f"memref.store %{name}_v, {where}",
        ]
        return lines

    return _loop_nest(f"fill_{name}", buffer.shape, body)


def _checksum(buffer: Buffer) -> list[str]:
    """Sequential f64 sum of the output, through a one-element accumulator
    (scf.for iter_args over a nest would need one per level)."""

    def body(indices: list[str]) -> list[str]:
        lines = [
            f"%sum_x = memref.load %{buffer.name}[{', '.join(indices)}] : {buffer.type}",
            "%sum_old = memref.load %sum[%c0] : memref<1xf64>",
        ]
        value = "%sum_x"
        if buffer.element != "f64":
            lines.append(f"%sum_xd = arith.extf %sum_x : {buffer.element} to f64")
            value = "%sum_xd"
        lines += [
            f"%sum_new = arith.addf %sum_old, {value} : f64",
            "memref.store %sum_new, %sum[%c0] : memref<1xf64>",
        ]
        return lines

    return [
        "  %sum = memref.alloc() : memref<1xf64>",
        "  memref.store %zero_f64, %sum[%c0] : memref<1xf64>",
        *_loop_nest("sum", buffer.shape, body),
        "  %checksum = memref.load %sum[%c0] : memref<1xf64>",
        "  memref.dealloc %sum : memref<1xf64>",
    ]


def _program(kernel: Kernel) -> str:
    arguments = ", ".join(f"%{b.name}: {b.type}" for b in kernel.buffers)
    names = ", ".join(f"%{b.name}" for b in kernel.buffers)
    types = ", ".join(b.type for b in kernel.buffers)
    main = [
        "func.func @main() {",
        "  %c0 = arith.constant 0 : index",
        "  %c1 = arith.constant 1 : index",
        # Zeros LLVM cannot see as constants: it would turn a fill with a
        # known zero into calloc, whose pages would then fault inside the
        # timed call.
        "  %clock = func.call @rtclock() : () -> f64",
        "  %literal_zero = arith.constant 0.0 : f64",
        "  %zero_f64 = arith.mulf %clock, %literal_zero : f64",
        "  %zero_f32 = arith.truncf %zero_f64 : f64 to f32",
    ]
    for buffer in kernel.buffers:
        main.append(f"  %{buffer.name} = memref.alloc() : {buffer.type}")
        main += _fill(buffer)
    main += [
        "  %t0 = func.call @rtclock() : () -> f64",
        f"  func.call @kernel({names}) : ({types}) -> ()",
        "  %t1 = func.call @rtclock() : () -> f64",
        "  %dt = arith.subf %t1, %t0 : f64",
        "  func.call @printF64(%dt) : (f64) -> ()",
        "  func.call @printNewline() : () -> ()",
        *_checksum(kernel.buffer(kernel.output)),
        "  func.call @printF64(%checksum) : (f64) -> ()",
        "  func.call @printNewline() : () -> ()",
    ]
    main += [f"  memref.dealloc %{b.name} : {b.type}" for b in kernel.buffers]
    main += ["  return", "}"]
    return "\n".join([PRELUDE, f"func.func @kernel({arguments}) {{", kernel.body.strip("\n"), "}", "", *main]) + "\n"


# --------------------------------------------------------------------------- the kernels

# Small offsets keep the means positive, so that checksums do not cancel
# to a small difference of large sums.
_A = Pattern((7, 3), 13, 0.125, 0.25)
_B = Pattern((5, 11), 17, 0.0625, 0.25)
_X = Pattern((1,), 31, 0.0625, 0.25)
_Y = Pattern((3,), 23, 0.125, 0.5)
_Z = Pattern((7,), 19, 0.25, 1.0)
_IMAGE = Pattern((0, 5, 7, 3), 29, 0.0625, 0.25)
_FILTER = Pattern((3, 5, 7, 11), 13, 0.125, 0.25)


def _f32_bytes(*counts: int) -> int:
    return 4 * sum(counts)


def matmul_naive(n: int) -> Kernel:
    t = f"memref<{n}x{n}xf32>"
    body = f"""
  linalg.matmul ins(%A, %B : {t}, {t}) outs(%C : {t})
  return
"""
    return Kernel(
        "matmul-naive",
        {"n": n},
        f"{n}x{n}x{n} f32 (linalg.matmul)",
        (Buffer("A", (n, n), _A), Buffer("B", (n, n), _B), Buffer("C", (n, n))),
        "C",
        body,
        flops=2 * n**3,
        bytes=_f32_bytes(3 * n * n),
    )


def matmul_tiled(n: int, tile: int = 32) -> Kernel:
    if n % tile:
        raise ValueError(f"matmul-tiled: size {n} is not a multiple of the tile {tile}")
    t = f"memref<{n}x{n}xf32>"
    body = f"""
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {n} : index
  %tile = arith.constant {tile} : index
  scf.for %ii = %c0 to %n step %tile {{
    %ie = arith.addi %ii, %tile : index
    scf.for %kk = %c0 to %n step %tile {{
      %ke = arith.addi %kk, %tile : index
      scf.for %jj = %c0 to %n step %tile {{
        %je = arith.addi %jj, %tile : index
        scf.for %i = %ii to %ie step %c1 {{
          scf.for %k = %kk to %ke step %c1 {{
            %a = memref.load %A[%i, %k] : {t}
            scf.for %j = %jj to %je step %c1 {{
              %b = memref.load %B[%k, %j] : {t}
              %c = memref.load %C[%i, %j] : {t}
              %p = arith.mulf %a, %b : f32
              %s = arith.addf %c, %p : f32
              memref.store %s, %C[%i, %j] : {t}
            }}
          }}
        }}
      }}
    }}
  }}
  return
"""
    return Kernel(
        "matmul-tiled",
        {"n": n, "tile": tile},
        f"{n}x{n}x{n} f32, {tile}x{tile}x{tile} tiles, i-k-j order",
        (Buffer("A", (n, n), _A), Buffer("B", (n, n), _B), Buffer("C", (n, n))),
        "C",
        body,
        flops=2 * n**3,
        bytes=_f32_bytes(3 * n * n),
    )


def elementwise_chain(n: int) -> Kernel:
    t = f"memref<{n}xf32>"
    body = f"""
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {n} : index
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  scf.for %i = %c0 to %n step %c1 {{
    %x = memref.load %X[%i] : {t}
    %y = memref.load %Y[%i] : {t}
    %z = memref.load %Z[%i] : {t}
    %xy = arith.mulf %x, %y : f32
    %s = arith.addf %xy, %z : f32
    %r = arith.maximumf %s, %zero : f32
    %h = arith.mulf %r, %half : f32
    %o = arith.addf %h, %x : f32
    memref.store %o, %O[%i] : {t}
  }}
  return
"""
    return Kernel(
        "elementwise",
        {"n": n},
        f"{n} f32: max(x*y+z, 0)*0.5 + x",
        (Buffer("X", (n,), _X), Buffer("Y", (n,), _Y), Buffer("Z", (n,), _Z), Buffer("O", (n,))),
        "O",
        body,
        flops=5 * n,
        bytes=_f32_bytes(4 * n),
    )


def reduction(n: int) -> Kernel:
    t = f"memref<{n}xf32>"
    body = f"""
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = arith.constant {n} : index
  %zero = arith.constant 0.0 : f64
  %sum = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f64) {{
    %x = memref.load %X[%i] : {t}
    %xd = arith.extf %x : f32 to f64
    %next = arith.addf %acc, %xd : f64
    scf.yield %next : f64
  }}
  memref.store %sum, %S[%c0] : memref<1xf64>
  return
"""
    return Kernel(
        "reduction",
        {"n": n},
        f"sum of {n} f32 in f64 (ordered)",
        (Buffer("X", (n,), _X), Buffer("S", (1,), element="f64")),
        "S",
        body,
        flops=n,
        bytes=_f32_bytes(n),
    )


def stencil(n: int) -> Kernel:
    t = f"memref<{n}x{n}xf32>"
    body = f"""
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %last = arith.constant {n - 1} : index
  %fifth = arith.constant 0.2 : f32
  scf.for %i = %c1 to %last step %c1 {{
    %up = arith.subi %i, %c1 : index
    %down = arith.addi %i, %c1 : index
    scf.for %j = %c1 to %last step %c1 {{
      %left = arith.subi %j, %c1 : index
      %right = arith.addi %j, %c1 : index
      %center = memref.load %X[%i, %j] : {t}
      %north = memref.load %X[%up, %j] : {t}
      %south = memref.load %X[%down, %j] : {t}
      %west = memref.load %X[%i, %left] : {t}
      %east = memref.load %X[%i, %right] : {t}
      %s1 = arith.addf %center, %north : f32
      %s2 = arith.addf %s1, %south : f32
      %s3 = arith.addf %s2, %west : f32
      %s4 = arith.addf %s3, %east : f32
      %v = arith.mulf %s4, %fifth : f32
      memref.store %v, %Y[%i, %j] : {t}
    }}
  }}
  return
"""
    return Kernel(
        "stencil",
        {"n": n},
        f"5-point Jacobi step on {n}x{n} f32",
        (Buffer("X", (n, n), _A), Buffer("Y", (n, n))),
        "Y",
        body,
        flops=5 * (n - 2) ** 2,
        bytes=_f32_bytes(2 * n * n),
    )


def conv2d(channels: int, filters: int, size: int, window: int = 3) -> Kernel:
    out = size - window + 1
    image = f"memref<1x{channels}x{size}x{size}xf32>"
    weights = f"memref<{filters}x{channels}x{window}x{window}xf32>"
    result = f"memref<1x{filters}x{out}x{out}xf32>"
    body = f"""
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %nf = arith.constant {filters} : index
  %nc = arith.constant {channels} : index
  %nk = arith.constant {window} : index
  %no = arith.constant {out} : index
  scf.for %f = %c0 to %nf step %c1 {{
    scf.for %c = %c0 to %nc step %c1 {{
      scf.for %kh = %c0 to %nk step %c1 {{
        scf.for %kw = %c0 to %nk step %c1 {{
          %w = memref.load %W[%f, %c, %kh, %kw] : {weights}
          scf.for %oh = %c0 to %no step %c1 {{
            %ih = arith.addi %oh, %kh : index
            scf.for %ow = %c0 to %no step %c1 {{
              %iw = arith.addi %ow, %kw : index
              %x = memref.load %I[%c0, %c, %ih, %iw] : {image}
              %o = memref.load %O[%c0, %f, %oh, %ow] : {result}
              %p = arith.mulf %x, %w : f32
              %s = arith.addf %o, %p : f32
              memref.store %s, %O[%c0, %f, %oh, %ow] : {result}
            }}
          }}
        }}
      }}
    }}
  }}
  return
"""
    return Kernel(
        "conv2d",
        {"channels": channels, "filters": filters, "size": size, "window": window},
        f"NCHW {channels}x{size}x{size} * FCHW {filters}x{channels}x{window}x{window} f32, stride 1",
        (
            Buffer("I", (1, channels, size, size), _IMAGE),
            Buffer("W", (filters, channels, window, window), _FILTER),
            Buffer("O", (1, filters, out, out)),
        ),
        "O",
        body,
        flops=2 * filters * channels * window * window * out * out,
        bytes=_f32_bytes(channels * size * size, filters * channels * window * window, filters * out * out),
    )


BUILDERS: dict[str, Callable[..., Kernel]] = {
    "matmul-naive": matmul_naive,
    "matmul-tiled": matmul_tiled,
    "elementwise": elementwise_chain,
    "reduction": reduction,
    "stencil": stencil,
    "conv2d": conv2d,
}


@dataclass(frozen=True)
class KernelSizes:
    matmul_naive: dict = field(default_factory=lambda: {"n": 512})
    matmul_tiled: dict = field(default_factory=lambda: {"n": 1024})
    elementwise: dict = field(default_factory=lambda: {"n": 1 << 24})
    reduction: dict = field(default_factory=lambda: {"n": 1 << 25})
    stencil: dict = field(default_factory=lambda: {"n": 4096})
    conv2d: dict = field(default_factory=lambda: {"channels": 32, "filters": 32, "size": 130})


QUICK_SIZES = KernelSizes(
    matmul_naive={"n": 128},
    matmul_tiled={"n": 256},
    elementwise={"n": 1 << 20},
    reduction={"n": 1 << 21},
    stencil={"n": 512},
    conv2d={"channels": 8, "filters": 8, "size": 34},
)


def kernel_set(quick: bool) -> list[Kernel]:
    sizes = QUICK_SIZES if quick else KernelSizes()
    return [builder(**getattr(sizes, name.replace("-", "_"))) for name, builder in BUILDERS.items()]
