"""lit configuration of mlopt's regression suite.

Parameters (``lit --param NAME=VALUE``):
  filecheck=llvm   check with LLVM's FileCheck (from llvm-22) instead of the
                   `filecheck` Python package, to keep the suite honest for both.

Environment: mlopt, mlrun and mltranslate run in the warm compile server (see
mlopt.server.client; started by the first RUN line, results identical to
in-process runs on the whole suite); MLOPT_LIT_SERVER=0 (or MLOPT_SERVER=0)
runs them in-process.
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

if os.environ.get("MLOPT_LIT_SERVER", "1") != "0" and os.environ.get("MLOPT_SERVER") != "0":
    config.environment["MLOPT_SERVER"] = "1"
