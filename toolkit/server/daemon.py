"""The warm compile server: imports xDSL and mlopt once, then forks a fresh
process per request, so each request starts from the same clean state.

Each request gets a *handler* and its *runner*, forked ahead of the request
(a *spare*): while the server waits, the runner runs a tool once, so that the
pages of the server's heap a request touches are copied already (the fork
shares them, and CPython writes to every object it uses), and the request runs
as fast as in a process that has run it before. The server hands the spare
the connection; the runner takes the client's stdin/stdout/stderr (received
with SCM_RIGHTS), argv, working directory, environment and umask, and runs the
tool as a normal process would; the handler waits for it and reports its wait
status, so a runner killed by a signal is reported as such. The client
forwards its signals (Ctrl-C) to the runner, which holds them until the
request runs.

A request runs exactly once: the runner gets the request only after the
handler has sent the client its pid, and a client that never gets a pid runs
the request in-process. Handlers and runners are processes of their own, so a
request the server has started finishes even when the server exits meanwhile.

Requests are refused from other users (SO_PEERCRED) and from a client whose
Python environment differs. When the code mlopt runs changes on disk
(:func:`mlopt.fingerprint.code_fingerprint`, watched by :mod:`mlopt.server.watch`),
the server answers "stale" and exits, and the client starts a fresh one. It
also exits after an idle timeout (``MLOPT_SERVER_IDLE_TIMEOUT`` seconds,
default 900) and when its socket is deleted.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import json
import os
import signal
import socket
import struct
import sys
import time

from mlopt import fingerprint
from mlopt.server.client import (
    FORWARDED_SIGNALS,
    SYS_PATH_ENV,
    TOOL_MODULES,
    environment_identity,
    receive_message,
    restore_signal_handlers,
    send_message,
    server_directory,
    server_paths,
)

IDLE_TIMEOUT_ENV = "MLOPT_SERVER_IDLE_TIMEOUT"
DEFAULT_IDLE_TIMEOUT = 900.0
LOCK_WAIT = 5.0
"""How long a starting server waits for one that is exiting (it found its code stale)."""
SOCKET_CHECK_INTERVAL = 5.0
"""How often an idle server checks that its socket is still there: when it was
deleted (its directory removed), no client can reach the server any more."""
REQUEST_WAIT = 10.0
"""How long the server waits for a connected client's request: a client stopped
there (Ctrl-Z) must not hold up everyone else's."""

_PEER_CREDENTIALS = struct.Struct("3i")


class Server:
    """One listening server; :meth:`serve` runs until stopped, stale or idle."""

    def __init__(self, directory: str, *, owner_uid: int | None = None, idle_timeout: float | None = None):
        from mlopt.server.watch import CodeWatch

        self.identity = environment_identity()
        self.socket_path, self.lock_path = server_paths(directory, self.identity)
        self.owner_uid = os.getuid() if owner_uid is None else owner_uid
        self.idle_timeout = idle_timeout if idle_timeout is not None else float(os.environ.get(IDLE_TIMEOUT_ENV, DEFAULT_IDLE_TIMEOUT))
        self.code = CodeWatch()
        self.started = time.time()
        self.requests = 0
        self._lock_file = None
        self._listener: socket.socket | None = None
        self._socket_identity: tuple[int, int] | None = None
        self._spare: _Spare | None = None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock of this environment's server, waiting up to ``wait``
        seconds for a server that is exiting; False if another keeps it."""
        self._lock_file = open(self.lock_path, "a")
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError:
                if time.monotonic() >= deadline:
                    self._lock_file.close()
                    self._lock_file = None
                    return False
                time.sleep(0.05)

    def listen(self) -> None:
        try:
            os.unlink(self.socket_path)  # a stale socket: its server is gone, since we hold the lock
        except FileNotFoundError:
            pass
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.socket_path)
        os.chmod(self.socket_path, 0o600)
        listener.listen(64)
        self._listener = listener
        self._socket_identity = _file_identity(self.socket_path)

    def close(self) -> None:
        if self._spare is not None:
            self._spare.close()  # it ends without running anything
            self._spare = None
        if self._listener is not None:
            if self._socket_is_ours():
                os.unlink(self.socket_path)
            self._listener.close()
            self._listener = None
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def serve(self) -> None:
        assert self._listener is not None
        # Handlers are reaped by the kernel; each handler waits for its own runner.
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, lambda *_: self._stop())
        self._listener.settimeout(min(self.idle_timeout, SOCKET_CHECK_INTERVAL))
        last_request = time.monotonic()
        try:
            while self._listener is not None:
                if self._spare is None:
                    # Forked here, with no connection open: it must hold no client's descriptor.
                    try:
                        self._spare = _Spare(self)
                    except OSError:  # no process to spare now: the next request runs in-process
                        pass
                try:
                    connection, _ = self._listener.accept()
                except TimeoutError:
                    if time.monotonic() - last_request >= self.idle_timeout or not self._socket_is_ours():
                        return
                    continue
                except OSError as err:
                    if err.errno in (errno.EINTR, errno.ECONNABORTED):
                        continue
                    return
                last_request = time.monotonic()
                with connection:
                    if not self._serve_connection(connection):
                        return
        finally:
            self.close()

    def _socket_is_ours(self) -> bool:
        """Whether our socket is still at its path (it goes with its directory;
        a server that started in a new directory there has its own)."""
        try:
            return _file_identity(self.socket_path) == self._socket_identity
        except OSError:
            return False

    def _stop(self) -> None:
        raise SystemExit(0)

    def _serve_connection(self, connection: socket.socket) -> bool:
        """Answer one connection; False when the server must exit."""
        connection.settimeout(REQUEST_WAIT)
        if not self.peer_allowed(connection):
            return True
        try:
            request, fds = receive_message(connection, max_fds=3)
        except (OSError, ValueError):
            return True
        if request is None:
            return True
        try:
            op = request.get("op")
            if op == "status":
                send_message(connection, self.status())
                return True
            if op == "stop":
                send_message(connection, {"stopped": os.getpid()})
                return False
            if op != "run" or len(fds) != 3 or request.get("tool") not in TOOL_MODULES:
                send_message(connection, {"refused": "malformed request"})
                return True
            if request.get("identity") != self.identity:
                send_message(connection, {"refused": "the client's Python environment differs from the server's"})
                return True
            if not self.code.unchanged():
                sys.stderr.write(f"mlopt-server: pid {os.getpid()}: mlopt, a plugin or the environment changed on disk; exiting\n")
                send_message(connection, {"stale": True, "socket": self.socket_path})
                return False
            spare, self._spare = self._spare, None
            if spare is None or not spare.take(connection, request, fds):
                send_message(connection, {"refused": "the process for the request is gone"})
                return True
            self.requests += 1
            return True
        except OSError:
            return True
        finally:
            for fd in fds:
                os.close(fd)

    def peer_allowed(self, connection: socket.socket) -> bool:
        credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _PEER_CREDENTIALS.size)
        _, uid, _ = _PEER_CREDENTIALS.unpack(credentials)
        return uid == self.owner_uid

    def status(self) -> dict:
        return {
            "pid": os.getpid(),
            "socket": self.socket_path,
            "started": self.started,
            "requests": self.requests,
            "idle_timeout": self.idle_timeout,
            "python": self.identity["executable"],
            "fingerprint": self.code.fingerprint,
        }

    def release_in_child(self) -> None:
        """In a forked process: let go of what only the server itself uses."""
        self._listener.close()
        if self._lock_file is not None:
            # A request in flight must not keep a fresh server from taking over once this one exits.
            self._lock_file.close()
        self.code.close()


class _Spare:
    """A handler and its runner, forked before their request comes."""

    def __init__(self, server: Server):
        self.channel, handler_end = socket.socketpair()
        if os.fork() == 0:
            self.channel.close()
            _handler(server, handler_end)
        handler_end.close()

    def take(self, connection: socket.socket, request: dict, fds: list[int]) -> bool:
        """Hand the request over; False if the spare is gone (then nothing runs)."""
        try:
            send_message(self.channel, request, (connection.fileno(), *fds))
            return True
        except OSError:
            return False
        finally:
            self.close()

    def close(self) -> None:
        self.channel.close()


def _handler(server: Server, channel: socket.socket) -> None:
    """The spare's handler process: fork the runner, wait for the request,
    start it once the client knows the runner's pid, report how it ended."""
    try:
        server.release_in_child()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        to_runner, runner_end = socket.socketpair()
        runner = os.fork()
        if runner == 0:
            to_runner.close()
            channel.close()
            _runner(runner_end, server.code.fingerprint)
        runner_end.close()
        request, fds = receive_message(channel, max_fds=4)
        channel.close()
        if request is None:
            return  # the server is exiting; the runner sees its channel end and exits too
        connection, client_fds = socket.socket(fileno=fds[0]), fds[1:]
        # A client that never learns the runner's pid runs the request in-process:
        # then it must not run here too, so the runner gets the request only now.
        send_message(connection, {"pid": runner})
        send_message(to_runner, request, client_fds)
        to_runner.close()
        for fd in client_fds:
            os.close(fd)
        send_message(connection, {"status": _wait_for(runner, connection)})
    finally:
        os._exit(0)


def _runner(channel: socket.socket, code_fingerprint: str) -> None:
    """The spare's runner process: run a tool once, then the request."""
    # A signal the client forwards before the request runs is the request's: held until then.
    signal.pthread_sigmask(signal.SIG_BLOCK, FORWARDED_SIGNALS)
    _touch_what_requests_use()
    try:
        request, fds = receive_message(channel, max_fds=3)
    except (OSError, ValueError):
        request = None
    if request is None:
        os._exit(1)
    channel.close()
    # The server has just found the code unchanged: the request need not stat
    # it all again for its fingerprint (mlrun's cache key).
    fingerprint.trust(code_fingerprint)
    _run_request(request, fds)


def _touch_what_requests_use() -> None:
    """Run mlopt once: what a request touches of the server's heap is then this
    process's own copy. Then load the plugins a request most likely loads."""
    import io

    from mlopt import opt_main
    from mlopt.plugins import prepare_default_plugins

    try:
        opt_main.run(["-"], stdin=io.StringIO(WARM_UP_PROGRAM), stdout=io.StringIO(), stderr=io.StringIO())
        prepare_default_plugins()
    except Exception:
        pass


def _file_identity(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _wait_for(runner: int, connection: socket.socket) -> int:
    """The runner's wait status; a client that hangs up takes its runner with it."""
    import select

    try:
        pidfd = os.pidfd_open(runner)
    except (AttributeError, OSError):  # before Linux 5.3: the runner outlives a client that hangs up
        return os.waitpid(runner, 0)[1]
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    poller.register(connection.fileno(), select.POLLIN | select.POLLHUP)
    while True:
        events = dict(poller.poll())
        if pidfd in events:
            break
        if connection.fileno() in events:
            os.kill(runner, signal.SIGTERM)
            poller.unregister(connection.fileno())
    os.close(pidfd)
    return os.waitpid(runner, 0)[1]


def _run_request(request: dict, fds: list[int]) -> None:
    """In the runner: become the client's process, run the tool, exit like an interpreter would."""
    code = 1
    try:
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.umask(request["umask"])
        os.environ.clear()
        os.environ.update(request["env"])
        import tempfile

        tempfile.tempdir = None  # the server's choice was cached from its own TMPDIR
        restore_signal_handlers()
        _open_standard_streams(request["streams"])
        sys.argv = [request["tool"], *request["argv"]]
        import importlib

        main = importlib.import_module(TOOL_MODULES[request["tool"]]).main
        try:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, FORWARDED_SIGNALS)
            code = main(request["argv"])
        except SystemExit as exit_:
            code = exit_.code
        except KeyboardInterrupt:
            # Ctrl-C before the tool started: it ends as the tool does when interrupted.
            sys.stderr.write(f"{request['tool']}: interrupted\n")
            code = 130
        if code is None:
            code = 0
        elif not isinstance(code, int):
            sys.stderr.write(f"{code}\n")
            code = 1
        from mlopt.cli import exit_without_teardown

        exit_without_teardown(code)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code if isinstance(code, int) else 1)


def _open_standard_streams(streams: list) -> None:
    """Standard streams over the client's descriptors, set up as Python sets up its own."""
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        encoding, errors = streams[fd] or ("utf-8", "strict")
        try:
            stream = open(fd, mode, encoding=encoding, errors=errors, closefd=False)
        except OSError:
            stream = None
        if stream is not None and name == "stderr":
            stream.reconfigure(line_buffering=True)
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


WARM_UP_PROGRAM = """\
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f64
  %buffer = memref.alloc() : memref<4xf64>
  scf.for %i = %c0 to %c4 step %c1 {
    %value = arith.addf %zero, %zero : f64
    memref.store %value, %buffer[%i] : memref<4xf64>
  }
  memref.dealloc %buffer : memref<4xf64>
  return
}
"""
"""Run by each tool at warm-up. It prints nothing: C's stdout buffer, which
every forked request inherits, stays empty."""

WARM_UP_RUNS = (
    ("mlopt", ()),
    ("mlopt", ("--canonicalize", "--cse", "--mlir-print-op-generic")),
    ("mltranslate", ("--pass-pipeline=builtin.module(lower-to-llvm)", "--mlir-to-llvmir")),
    # Twice: the first compiles and fills the (scratch) cache, the second loads from it.
    ("mlrun", ("-e", "main", "--entry-point-result=void")),
    ("mlrun", ("-e", "main", "--entry-point-result=void")),
)


def _warm_up() -> None:
    """Do once, before any fork, what every request would otherwise do first:
    import the modules the tools use and run each tool on a small program,
    which fills the caches built on first use (ABC subclass checks, xDSL's
    per-class tables, LLVM's targets, the JIT's crash trampoline). A forked
    request then does only its own work.

    What fails here (a file being edited, a broken plugin) is left for the
    request that meets it to report, as it would in-process: the server still
    starts, rather than every request trying to start one."""
    import importlib

    # What the tools' process entry point imports before it reads its arguments.
    modules = (*TOOL_MODULES.values(), "mlopt.dataclass_cache", "mlopt.codegen.cache", "mlopt.entry_points")
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:
            pass
    try:
        _load_every_registration()
        from mlopt.asm_speedups import compile_formats_now

        compile_formats_now()
        _run_tools_once()
    except Exception:
        pass


def _load_every_registration() -> None:
    """Import every dialect, pass, pipeline, target and frontend the plugins register."""
    from mlopt.plugins import load_plugins
    from mlopt.registry import DIALECT, FRONTEND, PASS, PIPELINE, TARGET, Registry

    registry = Registry(load_plugins(autoload=False))
    for kind in (DIALECT, PASS, PIPELINE, TARGET, FRONTEND):
        for entry in registry.entries(kind).values():
            if entry.is_xdsl_research:
                continue
            try:
                entry.load()
            except Exception:
                pass


def _run_tools_once() -> None:
    import importlib
    import io
    import tempfile

    from mlopt.codegen.cache import CACHE_DIR_ENV

    saved_cache_directory = os.environ.get(CACHE_DIR_ENV)
    with tempfile.TemporaryDirectory(prefix="mlopt-server-warm-up-") as scratch:
        program = os.path.join(scratch, "warm_up.mlir")
        with open(program, "w") as f:
            f.write(WARM_UP_PROGRAM)
        # The mlrun cache the warm-up fills is its own, never the user's.
        os.environ[CACHE_DIR_ENV] = os.path.join(scratch, "cache")
        try:
            for tool, flags in WARM_UP_RUNS:
                importlib.import_module(TOOL_MODULES[tool]).run([program, *flags], stdout=io.StringIO(), stderr=io.StringIO())
        finally:
            if saved_cache_directory is None:
                del os.environ[CACHE_DIR_ENV]
            else:
                os.environ[CACHE_DIR_ENV] = saved_cache_directory


def main(replace: bool = False) -> None:
    """The server process (started by the client or ``mlopt-server start``);
    with ``replace``, it takes over from a stale server that is exiting, else
    it leaves at once when another server holds the lock (many clients may
    start one at the same moment)."""
    if SYS_PATH_ENV in os.environ:
        sys.path[:] = json.loads(os.environ.pop(SYS_PATH_ENV))
    directory = server_directory()
    if directory is None:
        raise SystemExit("mlopt-server: no private directory for the socket")
    server = Server(directory)
    if not server.acquire(wait=LOCK_WAIT if replace else 0.0):
        return
    try:
        _warm_up()
        # The warmed-up heap is shared with every forked request: the collector
        # never visits it, so neither a collection here nor one in a request
        # copies its pages, nor spends time on it.
        gc.freeze()
        server.listen()
        sys.stderr.write(f"mlopt-server: pid {os.getpid()} serving {server.socket_path}\n")
        sys.stderr.flush()
        server.serve()
    finally:
        server.close()

