"""No request is ever lost: whatever happens to the server while clients talk
to it (its code changes on disk, it is terminated or killed, its socket is
deleted, a client stalls), every request runs exactly once, in the server or
else in-process, and a request that the server has started finishes there."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mlopt.server.client import receive_message, send_message
from server_sandbox import INPUTS, Outcome, ServerSandbox, children, run, slow_command, tool, wait_for_file, wait_until_gone

QUICK_LINES = [
    ["mlopt", "--version"],
    ["mlopt", str(INPUTS / "tiny.mlir"), "--canonicalize"],
    ["mlopt", str(INPUTS / "invalid.mlir")],
]


def test_a_message_right_behind_another_waits_for_the_next_read():
    """A quick request's exit status can reach the client together with its pid."""
    sender, receiver = socket.socketpair()
    with sender, receiver:
        send_message(sender, {"pid": 1})
        send_message(sender, {"status": 0})
        sender.shutdown(socket.SHUT_WR)
        received = [receive_message(receiver) for _ in range(3)]
    assert received == [({"pid": 1}, []), ({"status": 0}, []), (None, [])]


def test_descriptors_come_with_their_message():
    sender, receiver = socket.socketpair()
    read_end, write_end = os.pipe()
    with sender, receiver:
        send_message(sender, {"run": 1}, (read_end,))
        send_message(sender, {"run": 2})
        message, fds = receive_message(receiver, max_fds=3)
        assert receive_message(receiver, max_fds=3) == ({"run": 2}, [])
    os.write(write_end, b"x")
    assert (message, len(fds), os.read(fds[0], 1)) == ({"run": 1}, 1, b"x")
    for fd in (read_end, write_end, *fds):
        os.close(fd)


def _watch_code(box: ServerSandbox, tmp_path: Path) -> None:
    """Put a module on the server's sys.path: changing it makes the server stale."""
    watched = tmp_path / "code"
    watched.mkdir()
    (watched / "watched.py").write_text("VALUE = 1\n")
    box.env["PYTHONPATH"] = str(watched)


def _change_code(box: ServerSandbox, server: int) -> None:
    module = Path(box.env["PYTHONPATH"]) / "watched.py"
    changed = module.stat().st_mtime_ns + 10**9
    os.utime(module, ns=(changed, changed))


def test_many_clients_while_the_server_restarts(private_sandbox: ServerSandbox, tmp_path):
    """Quick requests, more at once than there are cores: a client often reads
    its request's pid only after the request has ended, and meanwhile the
    server sees its code change, exits, and a client starts a fresh one."""
    box = private_sandbox
    _watch_code(box, tmp_path)
    command = [tool("mlopt"), "--version"]
    expected = run(command, box.with_env(MLOPT_SERVER="0"))
    server = box.start()["pid"]
    served = box.with_env(MLOPT_SERVER="1")
    with ThreadPoolExecutor(16) as pool:
        before = [pool.submit(run, command, served) for _ in range(32)]
        _change_code(box, server)
        after = [pool.submit(run, command, served) for _ in range(32)]
        outcomes = [future.result() for future in before + after]
    assert [outcome for outcome in outcomes if outcome != expected] == []
    wait_until_gone(server, "the server")


DISRUPTIONS = {
    "code-changes": _change_code,
    "terminated": lambda box, server: os.kill(server, signal.SIGTERM),
    "killed": lambda box, server: os.kill(server, signal.SIGKILL),
}


def _served_slow_request(box: ServerSandbox, env: dict, marker: str) -> tuple[int, subprocess.Popen]:
    """(server pid, client) of a slow request running in the server's runner."""
    for _ in range(3):
        server = (box.status() or box.start())["pid"]
        client = subprocess.Popen(slow_command(), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for_file(marker, client)
        if int(Path(marker).read_text()) != client.pid:
            return server, client
        # Run in-process: the server had just restarted (someone editing mlopt's files).
        client.kill()
        client.communicate()
        os.unlink(marker)
    pytest.fail("the server kept restarting")


@pytest.mark.parametrize("disruption", list(DISRUPTIONS))
def test_no_request_is_lost_when_the_server_goes_away(private_sandbox: ServerSandbox, tmp_path, disruption):
    """The server goes away while it runs a slow request and while quick ones
    arrive: the slow one ends normally, the quick ones run somewhere, once."""
    box = private_sandbox
    _watch_code(box, tmp_path)
    marker, release = tmp_path / "started", tmp_path / "release"
    slow_env = box.with_env(SLOW_PASS_MARKER=str(marker), SLOW_PASS_RELEASE=str(release))
    quick = [[tool(line[0]), *line[1:]] for line in QUICK_LINES]
    expected = [run(command, box.with_env(MLOPT_SERVER="0")) for command in quick]
    release.touch()
    expected_slow = run(slow_command(), {**slow_env, "MLOPT_SERVER": "0"})
    release.unlink()
    marker.unlink()

    server, slow = _served_slow_request(box, slow_env, str(marker))
    served = box.with_env(MLOPT_SERVER="1")
    with ThreadPoolExecutor(4) as pool:
        before = [pool.submit(run, command, served) for command in quick]
        DISRUPTIONS[disruption](box, server)
        after = [pool.submit(run, command, served) for command in quick]
        release.touch()
        slow_out, slow_err = slow.communicate(timeout=120)
        assert [future.result() for future in before] == expected
        assert [future.result() for future in after] == expected
    assert Outcome(slow.returncode, slow_out, slow_err) == expected_slow
    wait_until_gone(server, "the server")


def test_a_client_stopped_before_its_request_holds_up_no_one(private_sandbox: ServerSandbox):
    """A client stopped (Ctrl-Z) between connecting and sending its request."""
    box = private_sandbox
    command = [tool("mlopt"), "--version"]
    expected = run(command, box.with_env(MLOPT_SERVER="0"))
    box.start()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as stopped:
        stopped.connect(box.socket_path())
        assert box.served(command) == expected


def test_ctrl_c_before_the_server_answers(private_sandbox: ServerSandbox):
    """Interrupted while it waits for a server that never answers, the tool
    ends as it does when interrupted in-process, and nothing runs."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as silent:
        silent.bind(private_sandbox.socket_path())
        silent.listen()
        client = subprocess.Popen(
            [tool("mlopt"), str(INPUTS / "tiny.mlir")], env=private_sandbox.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        connection, _ = silent.accept()
        with connection:
            request, fds = receive_message(connection, max_fds=3)
            for fd in fds:
                os.close(fd)
            assert request["argv"] == [str(INPUTS / "tiny.mlir")]
            client.send_signal(signal.SIGINT)
            out, err = client.communicate(timeout=60)
    assert (client.returncode, out, err) == (130, "", "mlopt: interrupted\n")


def test_server_exits_when_its_socket_is_deleted(private_sandbox: ServerSandbox):
    """No client can reach it any more (e.g. lit deleted the temporary directory it was in)."""
    server = private_sandbox.start()["pid"]
    os.unlink(private_sandbox.socket_path())
    wait_until_gone(server, "the server without a socket")


def test_a_request_whose_spare_process_died_runs_in_process(private_sandbox: ServerSandbox):
    """The processes forked ahead for the next request are gone (killed): that
    request runs in-process, and the one after it in the server again."""
    box = private_sandbox
    command = [tool("mlopt"), str(INPUTS / "tiny.mlir")]
    expected = run(command, box.with_env(MLOPT_SERVER="0"))
    for _ in range(5):
        server = box.status() or box.start()
        (handler,) = children(server["pid"], 1)
        os.kill(handler, signal.SIGKILL)
        outcome = run(command, box.env)
        if box.status() == server:  # the same server, which ran nothing
            break
    else:
        pytest.fail("the server kept restarting (mlopt's files changing on disk?)")
    assert outcome == expected
    assert box.served(command) == expected


def test_the_spare_processes_end_with_the_server(private_sandbox: ServerSandbox):
    server = private_sandbox.start()["pid"]
    (handler,) = children(server, 1)
    (runner,) = children(handler, 1)
    private_sandbox.stop()
    wait_until_gone(handler, "the spare handler")
    wait_until_gone(runner, "the spare runner")


def test_ctrl_c_that_reaches_the_runner_before_its_request_interrupts_it(private_sandbox: ServerSandbox):
    """The client forwards Ctrl-C once it knows the runner's pid, which may be
    before the request runs: the runner holds it, and the request ends as the
    tool does when interrupted."""
    box = private_sandbox
    for _ in range(5):
        server = box.status() or box.start()
        (handler,) = children(server["pid"], 1)
        (runner,) = children(handler, 1)
        os.kill(runner, signal.SIGINT)
        outcome = run([tool("mlopt"), str(INPUTS / "tiny.mlir")], box.env)
        if box.status() == {"pid": server["pid"], "requests": server["requests"] + 1}:
            break
    else:
        pytest.fail("the server kept restarting (mlopt's files changing on disk?)")
    assert outcome == Outcome(130, "", "mlopt: interrupted\n")
