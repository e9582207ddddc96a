"""The warm-server tests' fixture: a private server directory per test module."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from server_sandbox import ServerSandbox, short_temp_directory


@pytest.fixture(scope="module")
def sandbox():
    root = short_temp_directory()
    os.chmod(root, 0o700)
    box = ServerSandbox(os.path.join(root, "server"), os.path.join(root, "cache"))
    yield box
    box.stop()
    deadline = time.monotonic() + 30
    while box.status() is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    shutil.rmtree(root, ignore_errors=True)
