"""An interestingness test in mlir-reduce's convention: called with the test
arguments and then the candidate file; exits 1 when the candidate still makes
the planted pass crash, 0 when it does not."""

import os
import subprocess
import sys
import tempfile

plugin, candidate = sys.argv[1], sys.argv[-1]
with tempfile.TemporaryDirectory() as reproducers:
    # The crash writes a reproducer; keep those out of the shared temporary directory.
    done = subprocess.run(
        [sys.executable, "-m", "mlopt.opt_main", candidate, f"--load-plugin={plugin}", "--cse", "--planted-crash-on-muli"],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": reproducers},
    )
sys.exit(1 if done.returncode == 2 and "planted crash on arith.muli" in done.stderr else 0)
