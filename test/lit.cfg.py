"""lit configuration of mlopt's regression suite.

Parameters (``lit --param NAME=VALUE``):
  filecheck=llvm   check with LLVM's FileCheck (from llvm-22) instead of the
                   `filecheck` Python package, to keep the suite honest for both.

Environment: mlopt, mlrun and mltranslate run in the warm compile server (see
mlopt.server.client; the first RUN line starts it, and whatever the server cannot
take runs in-process); MLOPT_SERVER=0 runs every tool in-process.
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

if os.environ.get("MLOPT_SERVER") != "0":
    from mlopt.server.client import SERVER_DIR_ENV, server_directory

    # Chosen now: while the tests run, TMPDIR is lit's own temporary directory,
    # which lit deletes at the end; the user's server directory serves run after run.
    directory = server_directory()
    if directory is not None:
        config.environment[SERVER_DIR_ENV] = directory
        config.environment["MLOPT_SERVER"] = "1"
