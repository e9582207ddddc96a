"""Kernels on tensors as a frontend writes them (one linalg op per step), and
their numpy references, for the ``--optimize`` tests."""

from __future__ import annotations

import numpy as np


def matmul(m: int, n: int, k: int) -> str:
    a, b, c = f"tensor<{m}x{k}xf32>", f"tensor<{k}x{n}xf32>", f"tensor<{m}x{n}xf32>"
    return f"""
func.func @kernel(%a: {a}, %b: {b}) -> {c} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {c}
  %init = linalg.fill ins(%zero : f32) outs(%empty : {c}) -> {c}
  %product = linalg.matmul ins(%a, %b : {a}, {b}) outs(%init : {c}) -> {c}
  return %product : {c}
}}
"""


def biased_matmul(m: int, n: int, k: int) -> str:
    """``a @ b + bias``: a contraction, then an elementwise op."""
    a, b, c = f"tensor<{m}x{k}xf32>", f"tensor<{k}x{n}xf32>", f"tensor<{m}x{n}xf32>"
    return f"""
func.func @kernel(%a: {a}, %b: {b}, %bias: {c}) -> {c} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {c}
  %init = linalg.fill ins(%zero : f32) outs(%empty : {c}) -> {c}
  %product = linalg.matmul ins(%a, %b : {a}, {b}) outs(%init : {c}) -> {c}
  %biased = linalg.add ins(%product, %bias : {c}, {c}) outs(%empty : {c}) -> {c}
  return %biased : {c}
}}
"""


def batch_matmul(batch: int, m: int, n: int, k: int) -> str:
    a, b, c = f"tensor<{batch}x{m}x{k}xf32>", f"tensor<{batch}x{k}x{n}xf32>", f"tensor<{batch}x{m}x{n}xf32>"
    return f"""
func.func @kernel(%a: {a}, %b: {b}) -> {c} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {c}
  %init = linalg.fill ins(%zero : f32) outs(%empty : {c}) -> {c}
  %product = linalg.batch_matmul ins(%a, %b : {a}, {b}) outs(%init : {c}) -> {c}
  return %product : {c}
}}
"""


def matvec(m: int, n: int) -> str:
    a, x, y = f"tensor<{m}x{n}xf32>", f"tensor<{n}xf32>", f"tensor<{m}xf32>"
    return f"""
func.func @kernel(%a: {a}, %x: {x}) -> {y} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {y}
  %init = linalg.fill ins(%zero : f32) outs(%empty : {y}) -> {y}
  %product = linalg.matvec ins(%a, %x : {a}, {x}) outs(%init : {y}) -> {y}
  return %product : {y}
}}
"""


def elementwise_chain(*shape: int) -> str:
    """``max(x*y+z, 0)*0.5 + x`` in five linalg ops."""
    t = f"tensor<{'x'.join(map(str, shape))}xf32>"
    return f"""
func.func @kernel(%x: {t}, %y: {t}, %z: {t}) -> {t} {{
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  %empty = tensor.empty() : {t}
  %zeros = linalg.fill ins(%zero : f32) outs(%empty : {t}) -> {t}
  %halves = linalg.fill ins(%half : f32) outs(%empty : {t}) -> {t}
  %xy = linalg.mul ins(%x, %y : {t}, {t}) outs(%empty : {t}) -> {t}
  %sum = linalg.add ins(%xy, %z : {t}, {t}) outs(%empty : {t}) -> {t}
  %relu = linalg.max ins(%sum, %zeros : {t}, {t}) outs(%empty : {t}) -> {t}
  %scaled = linalg.mul ins(%relu, %halves : {t}, {t}) outs(%empty : {t}) -> {t}
  %result = linalg.add ins(%scaled, %x : {t}, {t}) outs(%empty : {t}) -> {t}
  return %result : {t}
}}
"""


def elementwise_chain_reference(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
    return np.maximum(x * y + z, 0) * 0.5 + x


def softmax(m: int, n: int) -> str:
    """Row softmax: max, subtract, exp, sum, divide."""
    t, r = f"tensor<{m}x{n}xf32>", f"tensor<{m}xf32>"
    return f"""
func.func @kernel(%x: {t}) -> {t} {{
  %lowest = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %rows = tensor.empty() : {r}
  %empty = tensor.empty() : {t}
  %max_init = linalg.fill ins(%lowest : f32) outs(%rows : {r}) -> {r}
  %max = linalg.reduce ins(%x : {t}) outs(%max_init : {r}) dimensions = [1]
    (%in: f32, %acc: f32) {{
      %m = arith.maximumf %in, %acc : f32
      linalg.yield %m : f32
    }}
  %max_rows = linalg.broadcast ins(%max : {r}) outs(%empty : {t}) dimensions = [1]
  %shifted = linalg.sub ins(%x, %max_rows : {t}, {t}) outs(%empty : {t}) -> {t}
  %exp = linalg.exp ins(%shifted : {t}) outs(%empty : {t}) -> {t}
  %sum_init = linalg.fill ins(%zero : f32) outs(%rows : {r}) -> {r}
  %sum = linalg.reduce ins(%exp : {t}) outs(%sum_init : {r}) dimensions = [1]
    (%in: f32, %acc: f32) {{
      %s = arith.addf %in, %acc : f32
      linalg.yield %s : f32
    }}
  %sum_rows = linalg.broadcast ins(%sum : {r}) outs(%empty : {t}) dimensions = [1]
  %result = linalg.div ins(%exp, %sum_rows : {t}, {t}) outs(%empty : {t}) -> {t}
  return %result : {t}
}}
"""


def softmax_reference(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def conv_2d_nhwc_hwcf(n: int, h: int, w: int, c: int, f: int, kh: int = 3, kw: int = 3) -> str:
    """A valid (unpadded) convolution with unit strides."""
    i, k = f"tensor<{n}x{h}x{w}x{c}xf32>", f"tensor<{kh}x{kw}x{c}x{f}xf32>"
    o = f"tensor<{n}x{h - kh + 1}x{w - kw + 1}x{f}xf32>"
    return f"""
func.func @kernel(%input: {i}, %filter: {k}) -> {o} {{
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : {o}
  %init = linalg.fill ins(%zero : f32) outs(%empty : {o}) -> {o}
  %result = linalg.conv_2d_nhwc_hwcf {{dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}}
      ins(%input, %filter : {i}, {k}) outs(%init : {o}) -> {o}
  return %result : {o}
}}
"""


def conv_2d_nhwc_hwcf_reference(image: np.ndarray, filter: np.ndarray) -> np.ndarray:
    n, h, w, _ = image.shape
    kh, kw, _, f = filter.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, f), np.float32)
    for row in range(kh):
        for column in range(kw):
            window = image[:, row : row + h - kh + 1, column : column + w - kw + 1, :]
            out += np.einsum("nhwc,cf->nhwf", window, filter[row, column])
    return out
