"""A pass that announces it has started (it writes its process id into the
file named by SLOW_PASS_MARKER) and then sleeps for a minute, or until the file named by
SLOW_PASS_RELEASE exists: a request that is running when the test sends its signal or
stops the server. Load with --load-plugin."""

import os
import time
from dataclasses import dataclass

from xdsl.passes import ModulePass

from mlopt import hookimpl


@dataclass(frozen=True)
class SlowPass(ModulePass):
    """Sleeps for a minute, or until released"""

    name = "test-slow-pass"

    def apply(self, ctx, op):
        with open(os.environ["SLOW_PASS_MARKER"] + ".tmp", "w") as marker:
            marker.write(str(os.getpid()))
        os.rename(os.environ["SLOW_PASS_MARKER"] + ".tmp", os.environ["SLOW_PASS_MARKER"])
        release = os.environ.get("SLOW_PASS_RELEASE")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (release and os.path.exists(release)):
            time.sleep(0.05)


@hookimpl
def mlopt_register_passes():
    return {"test-slow-pass": lambda: SlowPass}
