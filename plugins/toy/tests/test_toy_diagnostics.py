"""Malformed Toy programs get ``file:line:col: error:`` like any other input,
from the parser, IR generation, verifiers and passes alike; never a traceback."""

from __future__ import annotations

import pytest

import mlopt_toy.plugin
from mlopt.testing import run_mlopt

CASES = [
    # (program, extra args, expected "line:col: error: message")
    ("def main() {\n  print([1, 2])\n}\n", [], "3:1: error: expected ';' after the statement, found '}'"),
    ("def main() {\n  var a = [1, 2];\n  print(a + b);\n}\n", [], "3:13: error: unknown variable 'b'"),
    ("def main() {\n  print(foo(1));\n}\n", [], "2:9: error: call to undefined function 'foo'"),
    ("def f(a, b) { return a; }\ndef main() { print(f(1)); }\n", [], "2:20: error: 'f' takes 2 arguments, 1 given"),
    ("def f(a) { print(a); }\ndef main() { print(f(1)); }\n", [], "2:20: error: 'f' returns no value"),
    ("def main() {\n  var a = 1;\n  var a = 2;\n}\n", [], "3:3: error: redeclaration of 'a'"),
    ("def f() { }\ndef f() { }\n", [], "2:1: error: redefinition of function 'f'"),
    ("def main() { print([[1, 2], [3]]); }\n", [], "1:20: error: the elements of a tensor literal must all have the same shape"),
    ("def main() { print([[1, 2], 3]); }\n", [], "1:20: error: the elements of a tensor literal must all have the same shape"),
    ("def main() { var a<2, x> = [1, 2]; }\n", [], "1:23: error: expected a positive integer dimension, found 'x'"),
    ("def main() { var a<0> = [1, 2]; }\n", [], "1:20: error: expected a positive integer dimension, found '0'"),
    ("def main() { print([1] - [2]); }\n", [], "1:24: error: invalid binary operator '-' (Toy has '+' and '*')"),
    ("def main() { print(1, 2); }\n", [], "1:14: error: print() takes exactly one argument, 2 given"),
    ("def main() { print(transpose(1, 2)); }\n", [], "1:20: error: transpose() takes exactly one argument, 2 given"),
    ("def main() { var a = print(1); }\n", [], "1:22: error: print() is a statement; it has no value"),
    ("def main() { print(1.2.3); }\n", [], "1:20: error: invalid number '1.2.3'"),
    ("def main() {\n  print(1);\n", [], "3:1: error: expected '}' to close the function body, found end of file"),
    ("def main() { print(1); } @\n", [], "1:26: error: expected 'def' to begin a function definition, found '@'"),
    (
        "def main() {\n  var a<2, 2> = [1, 2, 3];\n}\n",
        [],
        "2:3: error: 'toy.reshape' op cannot reshape tensor<3xf64> (3 elements) to tensor<2x2xf64> (4 elements)",
    ),
    # Errors found once shapes are known point into the generic function.
    (
        "def add(a, b) {\n  return a + b;\n}\ndef main() {\n  print(add([1, 2], [1, 2, 3]));\n}\n",
        ["--toy-optimize"],
        "2:12: error: 'toy.add' op operands must have the same shape, found tensor<2xf64> and tensor<3xf64>",
    ),
    (
        "def f(a) { return f(a); }\ndef main() { print(f(1)); }\n",
        ["--toy-inline"],
        "1:19: error: recursive call of 'f' cannot be inlined",
    ),
    ("def f(a) { return a; }\ndef main() { }\n", ["--toy-optimize", "--toy-to-affine"], None),
    (
        "def f(a) { return a; }\ndef main() { print(f([1])); }\n",
        ["--toy-to-affine"],
        "1:1: error: 'toy.func' op 'f' cannot be lowered: only 'main' is; inline the other functions first (--toy-inline)",
    ),
    (
        "def main() { print([1]); }\n",
        ["--toy-lower-print"],
        "1:14: error: 'toy.print' op prints a tensor; lower it to a memref first (--toy-to-affine)",
    ),
]


@pytest.mark.parametrize(("program", "args", "expected"), CASES)
def test_malformed_program_is_reported_at_its_source(program, args, expected):
    result = run_mlopt(program, args, plugins=[mlopt_toy.plugin], filename="bad.toy")
    if expected is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith(f"bad.toy:{expected}\n"), result.stderr
    assert "Traceback" not in result.stderr


def test_error_quotes_the_source_line_with_a_caret():
    result = run_mlopt("def main() {\n  print(a);\n}\n", plugins=[mlopt_toy.plugin], filename="bad.toy")
    assert result.stderr == "bad.toy:2:9: error: unknown variable 'a'\n  print(a);\n        ^\n"


def test_code_after_return_is_warned_about():
    program = "def f(a) {\n  return a;\n  print(a);\n}\ndef main() { print(f(1)); }\n"
    result = run_mlopt(program, plugins=[mlopt_toy.plugin], filename="prog.toy")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("prog.toy:3:3: warning: code after 'return' is never executed\n")
