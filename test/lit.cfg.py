"""lit configuration of mlopt's regression suite.

Parameters (``lit --param NAME=VALUE``):
  filecheck=llvm   check with LLVM's FileCheck (from llvm-22) instead of the
                   `filecheck` Python package, to keep the suite honest for both.
"""

import os
import shutil
import sys

import lit.formats

from mlopt.testing.lit import configure_lit

config.name = "mlopt"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".toy", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.excludes = ["Inputs", "unit", "differential", "lit.cfg.py", "corpus"]

configure_lit(config, lit_config)
