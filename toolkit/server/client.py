"""The client side of the warm compile server: run ``mlopt``, ``mlrun`` or
``mltranslate`` in the user's warm server when one can be reached, else
in-process, silently.

This runs on every invocation of the tools, so until it knows that the request
must run in-process it imports only modules built into the interpreter or
written in C: no xDSL, no other mlopt module, and not even ``socket``,
``signal`` or ``json``, whose Python layers (enums, ``re``) cost more start-up
time than a served request's own work. Messages are marshalled: both ends run
the same interpreter, and the server takes connections from its own user only.

``MLOPT_SERVER=1`` uses the server and starts it when none is running (that
request runs in-process while the server warms up); ``MLOPT_SERVER=0`` never
uses it; unset, a server started with ``mlopt-server start`` is used when it is
running. The server is per user and per Python environment (interpreter,
``sys.path`` and ``PYTHON*`` variables): its socket lives in a private
directory (mode 0700) under ``$XDG_RUNTIME_DIR`` or the temporary directory,
or in ``MLOPT_SERVER_DIR``.
"""

from __future__ import annotations

import _signal
import _socket
import marshal
import os
import sys
import zlib

SERVER_ENV = "MLOPT_SERVER"
SERVER_DIR_ENV = "MLOPT_SERVER_DIR"
SYS_PATH_ENV = "MLOPT_SERVER_SYS_PATH"
"""How a spawned server learns the ``sys.path`` of the environment it serves."""

TOOL_MODULES = {"mlopt": "mlopt.opt_main", "mlrun": "mlopt.run_main", "mltranslate": "mlopt.translate_main"}

FORWARDED_SIGNALS = (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP, _signal.SIGQUIT, _signal.SIGUSR1, _signal.SIGUSR2)

PROTOCOL = 2
"""Part of the socket's name: a client never reaches a server that speaks another protocol."""
_LENGTH_BYTES = 4
MAX_MESSAGE = 64 << 20
_FD_BYTES = 4
"""SCM_RIGHTS carries descriptors as C ints."""


class ServerUnavailable(Exception):
    """The server cannot take this request; the tool runs in-process."""


class ServerStale(ServerUnavailable):
    """The server's code changed on disk since it started; it is exiting."""


# --------------------------------------------------------------------------- where the server lives


def server_directory(create: bool = True) -> str | None:
    """The private directory holding the user's server sockets, or None when
    no directory that only this user can reach is available."""
    directory = os.environ.get(SERVER_DIR_ENV)
    if not directory:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if runtime and _is_private_directory(runtime):
            directory = os.path.join(runtime, "mlopt")
        else:
            directory = os.path.join(_temporary_directory(), f"mlopt-{os.getuid()}")
    if create:
        try:
            os.mkdir(directory, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    return directory if _is_private_directory(directory) else None


def _temporary_directory() -> str:
    """Where ``tempfile.gettempdir()`` usually points, without importing
    tempfile (random, shutil, ...) or probing for a writable directory: an
    unusable choice only means no server."""
    for name in ("TMPDIR", "TEMP", "TMP"):
        if os.path.isdir(candidate := os.environ.get(name, "")):
            return candidate
    return "/tmp"


def _is_private_directory(path: str) -> bool:
    import stat

    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def environment_identity() -> dict:
    """What a server must share with a client to run its requests: the
    interpreter, the module search path and the interpreter's own variables."""
    return {
        "executable": sys.executable,
        "path": list(sys.path),
        "python_env": {name: value for name, value in sorted(os.environ.items()) if name.startswith("PYTHON")},
    }


def server_paths(directory: str, identity: dict) -> tuple[str, str]:
    """(socket, lock file) of the server for ``identity`` in ``directory``."""
    described = [str(PROTOCOL), identity["executable"], *identity["path"], *(f"{k}={v}" for k, v in identity["python_env"].items())]
    tag = "%08x" % zlib.crc32("\0".join(described).encode(errors="surrogateescape"))
    return os.path.join(directory, f"server-{tag}.sock"), os.path.join(directory, f"server-{tag}.lock")


# --------------------------------------------------------------------------- messages


def send_message(sock: _socket.socket, message: dict, fds: tuple[int, ...] = ()) -> None:
    data = marshal.dumps(message)
    payload = len(data).to_bytes(_LENGTH_BYTES, "big") + data
    if fds:
        rights = b"".join(fd.to_bytes(_FD_BYTES, sys.byteorder) for fd in fds)
        sent = sock.sendmsg([payload], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, rights)])
        payload = payload[sent:]
    if payload:
        # Not even an empty send once all is sent: a quick request may have run
        # and closed the connection by then, and the EPIPE would make the client
        # run it again in-process.
        sock.sendall(payload)


def receive_message(sock: _socket.socket, max_fds: int = 0) -> tuple[dict | None, list[int]]:
    """One message and the descriptors that came with it; (None, []) at end of stream.

    Reads the message's bytes and not one more: a message sent right behind it
    (a quick request's exit status behind its pid) stays for the next call.
    """
    fds: list[int] = []
    try:
        header = _receive_exactly(sock, _LENGTH_BYTES, fds, max_fds)
        size = int.from_bytes(header, "big") if header is not None else 0
        if size > MAX_MESSAGE:
            raise ValueError("message too large")
        data = _receive_exactly(sock, size, fds) if header is not None else None
    except BaseException:
        _close_all(fds)
        raise
    if data is None:
        _close_all(fds)
        return None, []
    try:
        message = marshal.loads(data)
    except (EOFError, TypeError):
        message = None
    if not isinstance(message, dict):
        _close_all(fds)
        raise ValueError("malformed message")
    return message, fds


def _receive_exactly(sock: _socket.socket, size: int, fds: list[int], max_fds: int = 0) -> bytes | None:
    """``size`` bytes, or None when the stream ends first."""
    data = b""
    while len(data) < size:
        if max_fds and not fds:
            chunk, ancillary, _, _ = sock.recvmsg(size - len(data), _socket.CMSG_LEN(max_fds * _FD_BYTES))
            for level, kind, rights in ancillary:
                if (level, kind) == (_socket.SOL_SOCKET, _socket.SCM_RIGHTS):
                    fds.extend(memoryview(rights[: len(rights) - len(rights) % _FD_BYTES]).cast("i"))
        else:
            chunk = sock.recv(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        os.close(fd)


def connect(socket_path: str, timeout: float | None = None) -> _socket.socket:
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(socket_path)
    except OSError:
        sock.close()
        raise
    sock.settimeout(None)
    return sock


# --------------------------------------------------------------------------- running a tool


def main(tool: str) -> int:
    """The entry point of ``tool``: served when a server is reachable, else in-process."""
    argv = sys.argv[1:]
    mode = os.environ.get(SERVER_ENV, "")
    if mode != "0":
        try:
            status = run_in_server(tool, argv, autostart=mode == "1")
        except KeyboardInterrupt:
            # Ctrl-C before the server started the request (then it goes to the request): end as the tool does.
            sys.stderr.write(f"{tool}: interrupted\n")
            return 130
        if status is not None:
            return _exit_code(status)
    return run_in_process(tool, argv)


def run_in_process(tool: str, argv: list[str]) -> int:
    import importlib

    return importlib.import_module(TOOL_MODULES[tool]).main(argv)


def run_in_server(tool: str, argv: list[str], *, autostart: bool) -> int | None:
    """The wait status of ``tool`` run by the server, or None when it could
    not be served (then nothing has run)."""
    directory = server_directory(create=autostart)
    if directory is None:
        return None
    identity = environment_identity()
    socket_path, _ = server_paths(directory, identity)
    try:
        sock = connect(socket_path)
    except OSError:
        if autostart:
            start_server(directory, identity, wait=False)
        return None
    try:
        return _serve(sock, tool, argv, identity)
    except ServerStale:
        if autostart:
            # The stale server still holds its lock for a moment; the new one waits for it.
            start_server(directory, identity, wait=False, replace=True)
        return None
    except (OSError, ServerUnavailable, ValueError):
        return None
    finally:
        sock.close()
        restore_signal_handlers()


def _serve(sock: _socket.socket, tool: str, argv: list[str], identity: dict) -> int | None:
    request = {
        "op": "run",
        "tool": tool,
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "umask": _umask(),
        "identity": identity,
        "streams": [[stream.encoding, stream.errors] if stream else None for stream in (sys.stdin, sys.stdout, sys.stderr)],
    }
    send_message(sock, request, (0, 1, 2))
    reply, _ = receive_message(sock)
    if reply is not None and reply.get("stale"):
        raise ServerStale()
    if reply is None or "pid" not in reply:
        return None
    child = reply["pid"]
    # From here the request is running: its outcome is the child's, whatever happens to the server.
    for number in FORWARDED_SIGNALS:
        _signal.signal(number, lambda received, frame: _forward(child, received))
    # Never fall back to running in-process now: the request has already run, at least in part.
    try:
        reply, _ = receive_message(sock)
    except (OSError, ValueError, ServerUnavailable):
        reply = None
    if reply is None or "status" not in reply:
        sys.stderr.write(f"{tool}: error: the mlopt server ended without reporting the exit status\n")
        raise SystemExit(2)
    return reply["status"]


def _forward(child: int, number: int) -> None:
    try:
        os.kill(child, number)
    except ProcessLookupError:
        pass


def restore_signal_handlers() -> None:
    """The handlers of the signals a client forwards, as a Python process starts with them."""
    for number in FORWARDED_SIGNALS:
        _signal.signal(number, _signal.default_int_handler if number == _signal.SIGINT else _signal.SIG_DFL)


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def _exit_code(status: int) -> int:
    """Exit as the child did: with its code, or by its signal."""
    code = os.waitstatus_to_exitcode(status)
    if code >= 0:
        return code
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    _signal.signal(-code, _signal.SIG_DFL)
    os.kill(os.getpid(), -code)
    return 128 - code


# --------------------------------------------------------------------------- starting and controlling the server


def start_server(directory: str, identity: dict, *, wait: bool, replace: bool = False, timeout: float = 120.0) -> bool:
    """Start the server for ``identity`` unless one holds its lock. With
    ``replace`` (the server answered stale: it is exiting) or ``wait``, start
    one even then: it waits a moment for the lock, to take over from a server
    that is exiting, and leaves if the holder stays. With ``wait``, return
    whether a server accepts requests within ``timeout`` seconds."""
    import fcntl
    import json
    import subprocess
    import time

    socket_path, lock_path = server_paths(directory, identity)
    if wait and control(socket_path, {"op": "status"}) is not None:
        return True
    take_over = replace or wait
    with open(lock_path, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(lock, fcntl.LOCK_UN)
            busy = False
        except OSError:
            busy = True
    if take_over or not busy:
        env = dict(os.environ, **{SYS_PATH_ENV: json.dumps(identity["path"]), SERVER_DIR_ENV: directory})
        with open(os.path.join(directory, "server.log"), "ab") as log:
            subprocess.Popen(
                [identity["executable"], "-c", f"from mlopt.server.daemon import main; main(replace={take_over})"],
                cwd="/",
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                close_fds=True,
            )
    if not wait:
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if control(socket_path, {"op": "status"}) is not None:
            return True
        time.sleep(0.05)
    return False


def control(socket_path: str, message: dict, timeout: float = 10.0) -> dict | None:
    """Send a control message (status, stop) and return the reply, or None."""
    try:
        sock = connect(socket_path, timeout)
    except OSError:
        return None
    try:
        sock.settimeout(timeout)
        send_message(sock, message)
        return receive_message(sock)[0]
    except (OSError, ValueError, ServerUnavailable):
        return None
    finally:
        sock.close()
