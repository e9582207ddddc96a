"""Helpers for the warm-server tests: the tools run as real processes (the
installed entry points), each test group with its own private server
directory, so no test meets the user's own server. (A module of its own:
``conftest`` is a name other test directories use too.)"""

from __future__ import annotations

import fcntl
import glob
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

INPUTS = Path(__file__).parent / "Inputs"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to {sys.executable}")
    return str(path)


def run(command: list[str], env: dict, *, cwd: str | Path | None = None, stdin: str | None = None, timeout: float = 300) -> Outcome:
    result = subprocess.run(
        command, env=env, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=timeout, check=False
    )
    return Outcome(result.returncode, result.stdout, result.stderr)


def normalized(outcome: Outcome) -> Outcome:
    """Without what differs between any two runs: the addresses printMemref prints."""
    return Outcome(outcome.code, re.sub(r"base@ = 0x[0-9a-f]+", "base@ = ADDR", outcome.out), outcome.err)


class ServerSandbox:
    """A private server directory and the environment that points the tools at it."""

    def __init__(self, directory: str, cache_directory: str):
        self.directory = directory
        self.env = {
            **os.environ,
            "MLOPT_SERVER_DIR": directory,
            "MLOPT_CACHE_DIR": cache_directory,
            "MLOPT_SERVER_IDLE_TIMEOUT": "600",
        }
        self.env.pop("MLOPT_SERVER", None)

    def with_env(self, **variables: str) -> dict:
        return {**self.env, **variables}

    def control(self, command: str) -> Outcome:
        return run([tool("mlopt-server"), command], self.env, timeout=300)

    def status(self) -> dict | None:
        """The running server's pid and request count, or None."""
        outcome = self.control("status")
        match = re.search(r"pid (\d+), (\d+) request", outcome.out)
        return {"pid": int(match[1]), "requests": int(match[2])} if match else None

    def socket_path(self) -> str:
        """Where the server of the environment the installed tools run in listens."""
        probe = "from mlopt.server.client import *; print(server_paths(server_directory(), environment_identity())[0])"
        output = run([sys.executable, "-c", f"import sys; sys.path[0] = {str(BIN)!r}; {probe}"], self.env)
        assert output.code == 0, output
        return output.out.strip()

    def start(self) -> dict:
        outcome = self.control("start")
        assert outcome.code == 0, outcome
        status = self.status()
        assert status is not None, outcome
        return status

    def served(self, command: list[str], **kwargs) -> Outcome:
        """Run ``command`` and check that the server ran it. The server exits
        when mlopt's files change on disk (someone editing the checkout while
        the test runs): then it is restarted and the command run again."""
        for _ in range(5):
            before = self.status() or self.start()
            outcome = run(command, self.env, **kwargs)
            after = self.status()
            if after is not None and after["pid"] == before["pid"] and after["requests"] > before["requests"]:
                return outcome
        pytest.fail(f"the server did not run {command}: it kept restarting (mlopt's files changing on disk?)")

    def stop(self, timeout: float = 60) -> None:
        """Stop the server, and one still warming up (a client may just have started it)."""
        deadline = time.monotonic() + timeout
        self.control("stop")
        while self._server_holds_lock() and time.monotonic() < deadline:
            time.sleep(0.2)
            self.control("stop")

    def _server_holds_lock(self) -> bool:
        for path in glob.glob(os.path.join(self.directory, "*.lock")):
            with open(path) as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    return True
        return False


def short_temp_directory() -> str:
    # A unix socket path is limited to ~107 bytes: pytest's tmp_path can be too long.
    return tempfile.mkdtemp(prefix="mlsrv-", dir="/tmp")


def slow_command() -> list[str]:
    """An mlopt run that waits in its pass (see Inputs/slow_pass.py)."""
    return [tool("mlopt"), str(INPUTS / "tiny.mlir"), f"--load-plugin={INPUTS / 'slow_pass.py'}", "--test-slow-pass"]


def wait_for_file(path: str, process: subprocess.Popen, timeout: float = 120) -> None:
    """Wait until ``process`` (still running) has made ``path``."""
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the request did not start"
        time.sleep(0.05)


def wait_until_gone(pid: int, what: str, timeout: float = 60) -> None:
    """Wait until process ``pid`` has exited; fail saying ``what`` outlived its time."""
    deadline = time.monotonic() + timeout
    while _alive(pid):
        assert time.monotonic() < deadline, f"{what} is still running"
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    """Running: neither gone nor a zombie (an orphan's init may be slow to reap it, or never)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


def children(pid: int, count: int, timeout: float = 60) -> list[int]:
    """The ``count`` running child processes of ``pid``, once it has that many."""
    deadline = time.monotonic() + timeout
    while True:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            found = [child for child in map(int, listing.read().split()) if _alive(child)]
        if len(found) == count:
            return found
        assert time.monotonic() < deadline, f"process {pid} has children {found}, not {count}"
        time.sleep(0.05)
