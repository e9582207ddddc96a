"""lit configuration of mlopt's regression suite.

Parameters (``lit --param NAME=VALUE``):
  filecheck=llvm   check with LLVM's FileCheck (from llvm-22) instead of the
                   `filecheck` Python package, to keep the suite honest for both.

Environment: MLOPT_LIT_SERVER=1 runs mlopt, mlrun and mltranslate in the warm
compile server (see mlopt.server.client; started by the first RUN line). It is
opt-in: one clean-clone CI run lost a request when the server went away mid-run,
so the default stays in-process until that is understood.
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

if os.environ.get("MLOPT_LIT_SERVER") == "1" and os.environ.get("MLOPT_SERVER") != "0":
    config.environment["MLOPT_SERVER"] = "1"
