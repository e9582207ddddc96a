"""The warm server runs a request exactly as a normal process would: same
output, diagnostics and exit code, ``-o`` files, stdin, signals; it serves
concurrent clients, restarts when the code changes, refuses other users, and
whenever it cannot be reached the tool runs in-process."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from server_sandbox import INPUTS, ServerSandbox, normalized, run, slow_command, tool, wait_for_file, wait_until_gone

CRASHES = INPUTS.parent.parent / "mlrun" / "Inputs" / "crash.mlir"

MLOPT_RUN_LINES = [
    ["mlopt", str(INPUTS / "tiny.mlir")],
    ["mlopt", str(INPUTS / "tiny.mlir"), "--canonicalize", "--cse", "--mlir-print-op-generic"],
    ["mlopt", str(INPUTS / "tiny.mlir"), "--mlir-print-ir-after-all", "--cse"],
    ["mlopt", str(INPUTS / "invalid.mlir")],
    ["mlopt", str(INPUTS / "diagnostics.mlir"), "--split-input-file", "--verify-diagnostics"],
    ["mlopt", str(INPUTS / "tiny.mlir"), "--no-such-pass"],
    ["mlopt", str(INPUTS / "tiny.mlir"), "--pass-pipeline=builtin.module(func.func(cse)"],
    ["mlopt", "--version"],
    ["mlopt", str(INPUTS / "missing.mlir")],
    ["mltranslate", "--mlir-to-llvmir", str(INPUTS / "tiny.mlir")],
    ["mlrun", str(INPUTS / "print.mlir"), "-e", "main", "--entry-point-result=void", "--no-cache"],
    ["mlrun", str(INPUTS / "print.mlir"), "-e", "nope", "--entry-point-result=void", "--no-cache"],
    # Killed by a signal; the served run also loads the code the in-process run cached.
    ["mlrun", str(CRASHES), "-e", "null_store", "--entry-point-result=void", "-O0"],
    ["mlrun", str(CRASHES), "-e", "trap", "--entry-point-result=void", "-O2"],
]


def _command(line: list[str]) -> list[str]:
    return [tool(line[0]), *line[1:]]


@pytest.mark.parametrize("line", MLOPT_RUN_LINES, ids=lambda line: " ".join(os.path.basename(a) for a in line))
def test_served_run_is_identical_to_in_process(sandbox: ServerSandbox, line):
    in_process = run(_command(line), sandbox.with_env(MLOPT_SERVER="0"))
    served = sandbox.served(_command(line))
    assert normalized(served) == normalized(in_process)


def test_stdin_is_the_clients(sandbox: ServerSandbox):
    source = (INPUTS / "tiny.mlir").read_text()
    served = sandbox.served([tool("mlopt"), "-", "--canonicalize"], stdin=source)
    assert served.code == 0 and "func.func @f" in served.out
    assert served == run([tool("mlopt"), "-", "--canonicalize"], sandbox.with_env(MLOPT_SERVER="0"), stdin=source)


def test_output_file_is_written_relative_to_the_clients_directory_with_its_umask(sandbox: ServerSandbox, tmp_path):
    served_dir, local_dir = tmp_path / "served", tmp_path / "local"
    served_dir.mkdir()
    local_dir.mkdir()
    command = ["sh", "-c", f"umask 027 && exec {tool('mlopt')} {INPUTS / 'tiny.mlir'} -o out.mlir"]
    served = sandbox.served(command, cwd=served_dir)
    local = run(command, sandbox.with_env(MLOPT_SERVER="0"), cwd=local_dir)
    assert served == local and served.out == ""
    assert (served_dir / "out.mlir").read_text() == (local_dir / "out.mlir").read_text()
    assert stat.S_IMODE((served_dir / "out.mlir").stat().st_mode) == stat.S_IMODE((local_dir / "out.mlir").stat().st_mode) == 0o640


def test_environment_is_the_clients(sandbox: ServerSandbox):
    command = [tool("mlopt"), "--list-plugins"]
    sandbox.env["MLOPT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    try:
        without_autoload = sandbox.served(command)
    finally:
        del sandbox.env["MLOPT_DISABLE_PLUGIN_AUTOLOAD"]
    with_autoload = sandbox.served(command)
    assert without_autoload == run(command, sandbox.with_env(MLOPT_SERVER="0", MLOPT_DISABLE_PLUGIN_AUTOLOAD="1"))
    assert with_autoload == run(command, sandbox.with_env(MLOPT_SERVER="0"))


def test_load_plugin_path_resolves_against_the_clients_directory(sandbox: ServerSandbox):
    command = [tool("mlopt"), "tiny.mlir", "--load-plugin=slow_pass.py", "--list-passes"]
    served = sandbox.served(command, cwd=INPUTS)
    assert served.code == 0 and "test-slow-pass" in served.out


def test_concurrent_clients_each_get_their_own_result(sandbox: ServerSandbox):
    sandbox.start()
    before = sandbox.status()
    commands = [
        [tool("mlopt"), str(INPUTS / "tiny.mlir"), *(["--mlir-print-op-generic"] if i % 2 else [])] for i in range(8)
    ]
    expected = {i: run(command, sandbox.with_env(MLOPT_SERVER="0")) for i, command in enumerate(commands[:2])}
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda command: run(command, sandbox.env), commands))
    for i, outcome in enumerate(outcomes):
        assert outcome == expected[i % 2]
    after = sandbox.status()
    if after is not None and after["pid"] == before["pid"]:
        assert after["requests"] == before["requests"] + len(commands)


def _interrupted(env: dict, marker: str, number: int) -> tuple[int, str]:
    process = subprocess.Popen(
        slow_command(),
        env={**env, "SLOW_PASS_MARKER": marker},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_file(marker, process)
    process.send_signal(number)
    _, err = process.communicate(timeout=60)
    return process.returncode, err


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signals_reach_the_request(sandbox: ServerSandbox, tmp_path, number):
    local = _interrupted(sandbox.with_env(MLOPT_SERVER="0"), str(tmp_path / "local"), number)
    for attempt in range(3):
        before = sandbox.status() or sandbox.start()
        served = _interrupted(sandbox.env, str(tmp_path / f"served{attempt}"), number)
        after = sandbox.status()
        if after and after["pid"] == before["pid"] and after["requests"] > before["requests"]:
            break
    else:
        pytest.fail("the server kept restarting")
    assert served == local
    if number == signal.SIGINT:
        assert local == (130, "mlopt: interrupted\n")
    else:
        assert local[0] == -signal.SIGTERM


def test_a_client_that_dies_takes_its_request_with_it(sandbox: ServerSandbox, tmp_path):
    marker = str(tmp_path / "started")
    for _ in range(3):
        before = sandbox.status() or sandbox.start()
        client = subprocess.Popen(
            slow_command(),
            env={**sandbox.env, "SLOW_PASS_MARKER": marker},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_file(marker, client)
        runner = int(open(marker).read())
        after = sandbox.status()
        if runner != client.pid and after and after["pid"] == before["pid"]:
            break  # served: the pass runs in the server's runner process
        client.kill()
        client.wait()
        os.unlink(marker)
    else:
        pytest.fail("the server kept restarting")
    client.kill()
    client.wait()
    wait_until_gone(runner, "the request, after its client was killed,")


def _modules_after(statement: str) -> set[str]:
    probe = f"{statement}; import sys; print('\\n'.join(sys.modules))"
    return set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split())


def test_client_imports_only_small_modules():
    """A served run's start-up is the interpreter's and the client's: beyond what
    the interpreter imports anyway, the client takes no Python-level module of
    weight (their imports cost more than a small request's own work)."""
    added = _modules_after("import mlopt.tools.mlopt") - _modules_after("pass")
    assert not [m for m in added if m.startswith(("xdsl", "numpy", "llvmlite", "pluggy", "mlopt.cli", "mlopt.registry"))]
    heavy = {"re", "json", "enum", "typing", "pathlib", "socket", "signal", "struct", "tempfile", "subprocess", "contextlib"}
    assert added & heavy == set()


# --------------------------------------------------------------------------- when the server cannot serve


def test_stale_socket_falls_back_to_in_process(private_sandbox: ServerSandbox):
    socket_path = private_sandbox.socket_path()
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(socket_path)
    dead.close()  # the file stays, nobody listens: a server that died
    command = [tool("mlopt"), str(INPUTS / "tiny.mlir")]
    expected = run(command, private_sandbox.with_env(MLOPT_SERVER="0"))
    assert run(command, private_sandbox.env) == expected
    # Asked to use the server, the client starts a fresh one, which takes the socket over.
    assert run(command, private_sandbox.with_env(MLOPT_SERVER="1")) == expected
    private_sandbox.start()
    assert private_sandbox.served(command) == expected


def test_server_restarts_when_code_on_sys_path_changes(private_sandbox: ServerSandbox, tmp_path):
    source_tree = tmp_path / "plugins"
    source_tree.mkdir()
    (source_tree / "extra_plugin.py").write_text("VALUE = 1\n")
    private_sandbox.env["PYTHONPATH"] = str(source_tree)
    first = private_sandbox.start()
    command = [tool("mlopt"), str(INPUTS / "tiny.mlir")]
    expected = private_sandbox.served(command)
    changed = (source_tree / "extra_plugin.py").stat().st_mtime_ns + 10**9
    os.utime(source_tree / "extra_plugin.py", ns=(changed, changed))
    # The stale server answers nothing but "stale" and exits; this request runs in-process.
    assert run(command, private_sandbox.with_env(MLOPT_SERVER="1")) == expected
    deadline = time.monotonic() + 120
    while (status := private_sandbox.status()) is None or status["pid"] == first["pid"]:
        assert time.monotonic() < deadline, "no fresh server"
        time.sleep(1)
        # A request with MLOPT_SERVER=1 starts a server when none answers (on a loaded machine the first may not have).
        assert run(command, private_sandbox.with_env(MLOPT_SERVER="1")) == expected
    assert private_sandbox.served(command) == expected


def test_refuses_another_user(private_sandbox: ServerSandbox):
    """A server owned by someone else (simulated: it believes its owner is
    another uid) answers nothing; the client runs in-process."""
    os.makedirs(private_sandbox.directory, mode=0o700)
    script = (
        f"import sys; sys.path[0] = {str(tool('mlopt').rsplit('/', 1)[0])!r}\n"
        "import os\nfrom mlopt.server.daemon import Server\n"
        f"server = Server({private_sandbox.directory!r}, owner_uid=os.getuid() + 1)\n"
        "assert server.acquire()\nserver.listen()\nprint('listening', flush=True)\nserver.serve()\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script], env=private_sandbox.env, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline() == "listening\n"
        command = [tool("mlopt"), str(INPUTS / "tiny.mlir")]
        assert run(command, private_sandbox.env) == run(command, private_sandbox.with_env(MLOPT_SERVER="0"))
        assert private_sandbox.status() is None  # control requests are refused too
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(30)


def test_directory_others_can_reach_is_not_used(private_sandbox: ServerSandbox):
    os.makedirs(private_sandbox.directory, mode=0o755)
    os.chmod(private_sandbox.directory, 0o755)
    outcome = private_sandbox.control("start")
    assert outcome.code == 1 and "no private directory" in outcome.err
    command = [tool("mlopt"), str(INPUTS / "tiny.mlir")]
    assert run(command, private_sandbox.with_env(MLOPT_SERVER="1")) == run(command, private_sandbox.with_env(MLOPT_SERVER="0"))
    assert os.listdir(private_sandbox.directory) == []


def test_server_exits_when_idle(private_sandbox: ServerSandbox):
    private_sandbox.env["MLOPT_SERVER_IDLE_TIMEOUT"] = "2"
    wait_until_gone(private_sandbox.start()["pid"], "the idle server")
