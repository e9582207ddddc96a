"""``mlopt-new-plugin NAME``: create a plugin package that installs and passes
its tests as generated.

The package has a dialect ``NAME`` with one op (``NAME.double``), a pass
lowering it to arith (``convert-NAME-to-arith``), a lit test, a pytest test
and a pyproject.toml declaring the ``mlopt`` entry point, laid out as
plugins/GUIDE.md describes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class PluginNames:
    """The names one plugin name implies, all namespaced under mlopt."""

    dialect: str

    @property
    def package(self) -> str:
        return f"mlopt_{self.dialect}"

    @property
    def distribution(self) -> str:
        return f"mlopt-{self.dialect.replace('_', '-')}"

    @property
    def pass_name(self) -> str:
        return f"convert-{self.dialect.replace('_', '-')}-to-arith"

    def fill(self, template: str) -> str:
        from mlopt import __version__

        major, minor = (int(part) for part in __version__.split(".")[:2])
        for placeholder, value in (
            ("@DIALECT@", self.dialect),
            ("@PACKAGE@", self.package),
            ("@DISTRIBUTION@", self.distribution),
            ("@PASS@", self.pass_name),
            ("@MLOPT_REQUIREMENT@", f"mlopt>={major}.{minor},<{major}.{minor + 1}"),
        ):
            template = template.replace(placeholder, value)
        return template


class ScaffoldError(Exception):
    """A name or target directory that cannot be used."""


def create_plugin(name: str, directory: Path) -> Path:
    """Write the package for plugin ``name`` into ``directory/mlopt-NAME``."""
    if not NAME_PATTERN.fullmatch(name):
        raise ScaffoldError(
            f"invalid plugin name '{name}': use lowercase letters, digits and '_', starting with a letter "
            "(it becomes the dialect name)"
        )
    names = PluginNames(name)
    root = directory / names.distribution
    if root.exists():
        raise ScaffoldError(f"'{root}' already exists; choose another name or directory")
    for relative, template in FILES.items():
        path = root / names.fill(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(names.fill(template))
    return root


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="mlopt-new-plugin",
        description="Create an mlopt plugin package: a dialect, a pass, a lit test, a pytest test, "
        "and a pyproject.toml with the 'mlopt' entry point.",
    )
    parser.add_argument("name", help="the plugin's (and its dialect's) name, e.g. 'shapes'")
    parser.add_argument("--dir", default=".", help="where to create the package (default: here)")
    args = parser.parse_args(argv)
    try:
        root = create_plugin(args.name, Path(args.dir))
    except (ScaffoldError, OSError) as err:
        sys.stderr.write(f"mlopt-new-plugin: error: {err}\n")
        return 1
    sys.stdout.write(
        f"created {root}\n"
        f"next: cd {root} && pip install -e '.[test]' && lit -v test && pytest\n"
        f"then read plugins/GUIDE.md in mlopt's repository for every hook\n"
    )
    return 0


FILES: dict[str, str] = {}
"""Package files by path (placeholders in both): the generated plugin."""

FILES["pyproject.toml"] = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "@DISTRIBUTION@"
version = "0.1.0"
description = "The @DIALECT@ dialect for mlopt"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["@MLOPT_REQUIREMENT@"]

[project.optional-dependencies]
test = ["pytest>=8"]

# mlopt finds the plugin through this entry point once the package is installed.
[project.entry-points.mlopt]
@DIALECT@ = "@PACKAGE@.plugin"

[tool.setuptools.packages.find]
where = ["src"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

FILES["README.md"] = """\
# @DISTRIBUTION@

An mlopt plugin: the `@DIALECT@` dialect and the `@PASS@` pass.

    pip install -e '.[test]'
    mlopt input.mlir --@PASS@
    lit -v test && pytest

See plugins/GUIDE.md in mlopt's repository for every hook and its contract.
"""

FILES["src/@PACKAGE@/__init__.py"] = '''\
"""The @DIALECT@ plugin for mlopt."""
'''

FILES["src/@PACKAGE@/plugin.py"] = '''\
"""The hooks mlopt calls. Keep this module cheap: it is imported on every run.
Each factory imports its module only when mlopt needs what it builds."""

from mlopt import hookimpl


def _dialect():
    from @PACKAGE@.dialect import DIALECT

    return DIALECT


def _pass():
    from @PACKAGE@.passes import ConvertToArith

    return ConvertToArith


@hookimpl
def mlopt_register_dialects():
    return {"@DIALECT@": _dialect}


@hookimpl
def mlopt_register_passes():
    return {"@PASS@": _pass}
'''

FILES["src/@PACKAGE@/dialect.py"] = '''\
"""The @DIALECT@ dialect."""

from typing import ClassVar

from xdsl.dialects.builtin import AnyFloat, IntegerType
from xdsl.ir import Dialect
from xdsl.irdl import IRDLOperation, VarConstraint, base, irdl_op_definition, operand_def, result_def, traits_def
from xdsl.traits import Pure


@irdl_op_definition
class DoubleOp(IRDLOperation):
    """Twice its operand: ``%y = @DIALECT@.double %x : i32``."""

    name = "@DIALECT@.double"
    T: ClassVar = VarConstraint("T", base(IntegerType) | base(AnyFloat))
    input = operand_def(T)
    output = result_def(T)
    traits = traits_def(Pure())
    assembly_format = "$input attr-dict `:` type($input)"


DIALECT = Dialect("@DIALECT@", [DoubleOp], [])
'''

FILES["src/@PACKAGE@/passes.py"] = '''\
"""@PASS@: lower the @DIALECT@ dialect to arith."""

from dataclasses import dataclass
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import IntegerType
from xdsl.ir import Operation
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
    op_type_rewrite_pattern,
)

from @PACKAGE@.dialect import DoubleOp


class LowerDouble(RewritePattern):
    @op_type_rewrite_pattern
    def match_and_rewrite(self, op: DoubleOp, rewriter: PatternRewriter) -> None:
        add = arith.AddiOp if isinstance(op.input.type, IntegerType) else arith.AddfOp
        lowered = add(op.input, op.input)
        lowered.location = op.location
        rewriter.replace(op, lowered)


@dataclass(frozen=True)
class ConvertToArith(ModulePass):
    """Lower @DIALECT@ ops to arith"""

    name = "@PASS@"
    display_name: ClassVar[str] = "ConvertToArith"

    def apply(self, ctx: Context, op: Operation) -> None:
        walker = PatternRewriteWalker(LowerDouble())
        for region in op.regions:
            walker.rewrite_region(region)
'''

FILES["test/lit.cfg.py"] = '''\
import os

from mlopt.testing.lit import configure_plugin_lit

here = os.path.dirname(__file__)
configure_plugin_lit(
    config,
    lit_config,
    name="@DISTRIBUTION@",
    plugin="@PACKAGE@.plugin",
    test_root=here,
    suffixes=[".mlir"],
    python_path=(os.path.join(here, "..", "src"),),
)
'''

FILES["test/double.mlir"] = """\
// RUN: mlopt %s --@PASS@ | FileCheck %s

// CHECK-LABEL: func.func @twice(
// CHECK-SAME:      %[[X:.*]]: i32, %[[Y:.*]]: f64)
func.func @twice(%x: i32, %y: f64) -> (i32, f64) {
  // CHECK-NEXT: %[[A:.*]] = arith.addi %[[X]], %[[X]] : i32
  %0 = @DIALECT@.double %x : i32
  // CHECK-NEXT: %[[B:.*]] = arith.addf %[[Y]], %[[Y]] : f64
  %1 = @DIALECT@.double %y : f64
  // CHECK-NEXT: return %[[A]], %[[B]] : i32, f64
  return %0, %1 : i32, f64
}
"""

FILES["tests/test_@DIALECT@.py"] = '''\
"""The plugin in-process: mlopt with only this plugin registered."""

import @PACKAGE@.plugin
from mlopt.testing import run_mlopt

SOURCE = """func.func @f(%x: i64) -> i64 {
  %0 = @DIALECT@.double %x : i64
  return %0 : i64
}
"""


def test_pass_lowers_double_to_an_add():
    output = run_mlopt(SOURCE, ["--@PASS@"], plugins=[@PACKAGE@.plugin]).check()
    assert "= arith.addi %arg0, %arg0 : i64" in output  # printed with upstream's names
    assert "@DIALECT@.double" not in output


def test_invalid_op_is_reported_at_its_location():
    source = """func.func @f(%x: index) -> index {
  %0 = "@DIALECT@.double"(%x) : (index) -> index
  return %0 : index
}
"""
    result = run_mlopt(source, plugins=[@PACKAGE@.plugin], filename="bad.mlir")
    assert result.exit_code == 1
    assert result.stderr.startswith("bad.mlir:2:8: error: '@DIALECT@.double' op")
'''
