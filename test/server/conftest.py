"""The warm-server tests' fixtures: private server directories."""

from __future__ import annotations

import os
import shutil
import signal
from contextlib import contextmanager

import pytest

from server_sandbox import ServerSandbox, short_temp_directory


@pytest.fixture(scope="session", autouse=True)
def _interruptible_tools():
    """The tools these tests interrupt start as from a terminal, where Ctrl-C
    interrupts: a suite run as a background job of a non-interactive shell
    inherits SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield


@contextmanager
def _sandbox():
    root = short_temp_directory()
    box = ServerSandbox(os.path.join(root, "server"), os.path.join(root, "cache"))
    try:
        yield box
    finally:
        box.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def sandbox():
    """One server directory for a test module's tests that share a server."""
    with _sandbox() as box:
        yield box


@pytest.fixture
def private_sandbox():
    """A server directory of the test's own, for a test that stops, replaces or breaks its server."""
    with _sandbox() as box:
        yield box
