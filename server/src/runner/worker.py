"""docsynth checker worker: runs candidate functions against examples, sandboxed.

Started by docsynth as `python -I worker.py SCRATCH_DIR OUTPUT_CAP`. It speaks JSON lines
over private copies of its stdin/stdout; file descriptors 0 and 1 are pointed at /dev/null
before any untrusted code runs, so user code cannot corrupt the protocol by printing.

Requests (one JSON object per line):
  {"op": "suite", "id": K, "function": NAME, "imports": [...], "definitions": [[name, src]],
   "paths": [...], "examples": [{"kind", "source", "expected", "exc", "flags"}]}
  {"op": "check", "suite": K, "candidates": [SRC, ...], "example_timeout": S,
   "cpu_seconds": S, "fail_fast": BOOL, "stream": BOOL}
Replies (one JSON array per line):
  ["R", "major.minor"]                         worker ready
  ["S", K, [context errors], [example errors or null]]   suite registered
  ["E", cand, example, status, actual]         one example's result (when streaming)
  ["C", cand, compile_error_or_null]           candidate finished (streaming)
  ["C", cand, null, [[status, actual], ...]]   candidate finished with all its results
  ["X", message]                               bad request
"""

from __future__ import annotations
import __future__

import builtins
import doctest
import json
import os
import resource
import signal
import sys
import time
import traceback
from typing import Any, Callable

# ---------------------------------------------------------------------------------------------
# Protocol channel: private fds, set up before anything untrusted runs.

_IN_FD = os.dup(0)
_OUT_FD = os.dup(1)
_devnull = os.open(os.devnull, os.O_RDWR)
os.dup2(_devnull, 0)
os.dup2(_devnull, 1)
os.close(_devnull)
_IN = os.fdopen(_IN_FD, "rb", buffering=1 << 16)


def _send(message: Any) -> None:
    data = (json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8", "replace")
    view = memoryview(data)
    while view:
        written = os.write(_OUT_FD, view)
        view = view[written:]


# ---------------------------------------------------------------------------------------------
# Sandbox: an audit hook refusing processes, sockets, threads, signals and writes outside the
# scratch directory.

SCRATCH = os.path.realpath(sys.argv[1]) if len(sys.argv) > 1 else os.path.realpath(os.getcwd())
OUTPUT_CAP = int(sys.argv[2]) if len(sys.argv) > 2 else 65536
_ALLOWED_WRITE_FILES = {os.devnull}


class SandboxRefusal(PermissionError):
    """Raised by the audit hook when untrusted code tries something the sandbox forbids."""


_REFUSED: list[str] = []

_ALWAYS_REFUSED = frozenset(
    {
        "os.system",
        "os.exec",
        "os.fork",
        "os.forkpty",
        "os.posix_spawn",
        "os.spawn",
        "os.kill",
        "os.killpg",
        "os.startfile",
        "signal.pthread_kill",
        "subprocess.Popen",
        "pty.spawn",
        "socket.__new__",
        "socket.bind",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.sendto",
        "socket.sethostname",
        "_thread.start_new_thread",
        "ctypes.dlsym",
        "ctypes.call_function",
        "sys.addaudithook",
        "resource.prlimit",
        "webbrowser.open",
    }
)

# Events whose first argument is a path that gets modified.
_PATH_EVENTS = frozenset(
    {
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "os.chmod",
        "os.chown",
        "os.chflags",
        "os.lchflags",
        "os.truncate",
        "os.utime",
        "os.setxattr",
        "os.removexattr",
        "shutil.rmtree",
        "shutil.chown",
    }
)
# Events whose first two arguments are (source, destination); both must be inside scratch
# (a rename removes the source).
_TWO_PATH_EVENTS = frozenset({"os.rename", "shutil.move"})
# Events whose second argument is a destination path.
_DEST_EVENTS = frozenset({"os.link", "os.symlink", "shutil.copyfile", "shutil.copytree"})

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _inside_scratch(path: Any) -> bool:
    if isinstance(path, int):
        # An fd may be reopened for writing only if it is a file inside scratch (tempfile
        # does that); pipes (the protocol channel) and files elsewhere are refused.
        try:
            target = os.readlink(f"/proc/self/fd/{path}")
        except OSError:
            return False
        if target.endswith(" (deleted)"):
            target = target[: -len(" (deleted)")]
        return target.startswith(SCRATCH + os.sep)
    try:
        resolved = os.path.realpath(os.fsdecode(os.fspath(path)))
    except Exception:
        return False
    if resolved in _ALLOWED_WRITE_FILES:
        return True
    return resolved == SCRATCH or resolved.startswith(SCRATCH + os.sep)


def _refuse(event: str, detail: Any = None) -> None:
    text = event if detail is None else f"{event} {detail!r}"
    _REFUSED.append(text)
    raise SandboxRefusal(f"docsynth sandbox refused {text}")


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open":
        path, mode, flags = args
        writing = bool(mode) and any(c in mode for c in "wax+")
        if not writing and isinstance(flags, int) and flags & _WRITE_FLAGS:
            writing = True
        if writing and not _inside_scratch(path):
            _refuse("open for writing", path)
    elif event in _ALWAYS_REFUSED:
        if event == "ctypes.dlsym" or event == "ctypes.call_function":
            _refuse(event)
        _refuse(event, args[0] if args else None)
    elif event in _PATH_EVENTS:
        if args and not _inside_scratch(args[0]):
            _refuse(event, args[0])
    elif event in _TWO_PATH_EVENTS:
        for path in args[:2]:
            if not _inside_scratch(path):
                _refuse(event, path)
    elif event in _DEST_EVENTS:
        if len(args) > 1 and not _inside_scratch(args[1]):
            _refuse(event, args[1])
    elif event == "ctypes.dlopen":
        if args and args[0] is not None:
            _refuse(event, args[0])
    elif event == "resource.setrlimit":
        if sys._getframe(1).f_code is not _set_cpu_limit.__code__:
            _refuse(event)


def _refuse_threads() -> None:
    """Python < 3.13 raises no audit event for new threads, so the entry points are replaced."""
    import _thread
    import threading

    def refused(*args: Any, **kwargs: Any) -> Any:
        _refuse("starting a thread")

    for module, name in (
        (_thread, "start_new_thread"),
        (_thread, "start_new"),
        (_thread, "start_joinable_thread"),
        (threading, "_start_new_thread"),
        (threading, "_start_joinable_thread"),
    ):
        if hasattr(module, name):
            setattr(module, name, refused)


_CPU_LIMIT_SET_AT = [-1.0]


def _set_cpu_limit(seconds: float) -> None:
    """Lets the process use about `seconds` more CPU time before the kernel kills it (SIGXCPU).

    A backstop behind the Rust deadline, so it is refreshed at most every 0.2 s of wall time.
    """
    now = time.monotonic()
    if now - _CPU_LIMIT_SET_AT[0] < 0.2:
        return
    _CPU_LIMIT_SET_AT[0] = now
    used = time.process_time()
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + seconds) + 2
    if hard != resource.RLIM_INFINITY and soft > hard:
        soft = hard
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


class ExampleTimeout(BaseException):
    """Raised by SIGALRM when one example runs past its time limit."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise ExampleTimeout()


# ---------------------------------------------------------------------------------------------
# Captured output with a cap.


class CappedOutput:
    """A text stream keeping at most OUTPUT_CAP characters; notes when more was written."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.truncated = False

    closed = False

    def write(self, text: str) -> int:
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = OUTPUT_CAP - self.size
        if room <= 0:
            self.truncated = True
        elif len(text) > room:
            self.parts.append(text[:room])
            self.size = OUTPUT_CAP
            self.truncated = True
        else:
            self.parts.append(text)
            self.size += len(text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def getvalue(self) -> str:
        text = "".join(self.parts)
        if self.truncated:
            text += "\n...[output truncated by docsynth]\n"
        return text


class EmptyInput:
    """stdin for untrusted code: always at end of file."""

    encoding = "utf-8"

    def read(self, size: int = -1) -> str:
        return ""

    def readline(self, size: int = -1) -> str:
        return ""

    def readlines(self, hint: int = -1) -> list[str]:
        return []

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------------------------------
# Suites: a function's context and examples, compiled once, checked against many candidates.

_CHECKER = doctest.OutputChecker()
_UNSET = object()


def _exception_line(exc: BaseException) -> str:
    return traceback.format_exception_only(type(exc), exc)[-1]


def _short_repr(value: Any) -> str:
    text = repr(value)
    if len(text) > OUTPUT_CAP:
        text = text[:OUTPUT_CAP] + "...[truncated by docsynth]"
    return text


def _parse_flags(flags: list[str]) -> tuple[int, bool, str | None]:
    """Returns (option flags, skip, error) for doctest directives like `+ELLIPSIS`."""
    value = 0
    skip = False
    for raw in flags:
        name = raw.strip()
        sign = "+"
        if name[:1] in "+-":
            sign, name = name[0], name[1:].strip()
        flag = doctest.OPTIONFLAGS_BY_NAME.get(name)
        if flag is None:
            return 0, False, f"unsupported doctest directive: {raw.strip()}"
        if sign == "+":
            value |= flag
            if flag == doctest.SKIP:
                skip = True
        else:
            value &= ~flag
    return value, skip, None


class CompiledExample:
    """One example compiled for repeated execution."""

    def __init__(self, spec: dict[str, Any], base: dict[str, Any], flags: int) -> None:
        self.kind: str = spec["kind"]
        self.source: str = spec["source"]
        self.expected: str = spec.get("expected") or ""
        exc = spec.get("exc")
        self.exc_msg: str | None = (
            None if exc is None else (exc if exc.endswith("\n") else exc + "\n")
        )
        self.error: str | None = None
        self.skip = False
        self.flags = 0
        self.code: Any = None
        self.expected_code: Any = None
        self.expected_value: Any = _UNSET
        if self.kind == "doctest":
            self.flags, self.skip, self.error = _parse_flags(spec.get("flags") or [])
            if self.expected and not self.expected.endswith("\n"):
                self.expected += "\n"
            if self.error is None:
                try:
                    source = self.source if self.source.endswith("\n") else self.source + "\n"
                    self.code = compile(source, "<example>", "single", flags, True)
                except Exception as exc_:  # noqa: BLE001 - reported to the user
                    self.error = "example does not compile: " + _exception_line(exc_).strip()
        else:
            try:
                self.code = compile(self.source.strip(), "<example>", "eval", flags, True)
                self.expected_code = compile(
                    self.expected.strip(), "<expected>", "eval", flags, True
                )
            except Exception as exc_:  # noqa: BLE001 - reported to the user
                self.error = "example does not compile: " + _exception_line(exc_).strip()
                return
            # Literal expectations are evaluated once; ones that need the function wait.
            try:
                self.expected_value = _run_limited(
                    lambda: eval(self.expected_code, dict(base)), 1.0
                )
            except BaseException:  # noqa: BLE001 - evaluated again per candidate
                _REFUSED.clear()
                self.expected_value = _UNSET


class Suite:
    """A function's runtime context plus its compiled examples."""

    def __init__(self, request: dict[str, Any]) -> None:
        self.function: str = request["function"]
        self.context_errors: list[str] = []
        self.base: dict[str, Any] = {"__name__": "__docsynth__", "__builtins__": builtins}
        for path in request.get("paths") or []:
            if path not in sys.path:
                sys.path.insert(0, path)
        for source in request.get("imports") or []:
            self._run_context(source, "import")
        for name, source in request.get("definitions") or []:
            self._run_context(source, f"definition of {name}")
        # `from __future__ import annotations` in the module applies to its functions too.
        self.future_flags = 0
        for value in self.base.values():
            if isinstance(value, __future__._Feature):
                self.future_flags |= value.compiler_flag
        self.examples = [
            CompiledExample(e, self.base, self.future_flags) for e in request.get("examples") or []
        ]

    def _run_context(self, source: str, what: str) -> None:
        try:
            code = compile(source, "<context>", "exec", 0, True)
            _run_limited(lambda: exec(code, self.base), 10.0)
        except ExampleTimeout:
            self.context_errors.append(f"{what} timed out: {source.strip()[:200]}")
        except BaseException as exc:  # noqa: BLE001 - reported to the user
            if _REFUSED:
                self.context_errors.append(
                    f"{what} refused by sandbox ({_REFUSED[-1]}): {source.strip()[:200]}"
                )
                _REFUSED.clear()
            else:
                self.context_errors.append(
                    f"{what} failed: {_exception_line(exc).strip()} in `{source.strip()[:200]}`"
                )


def _run_limited(thunk: Callable[[], Any], seconds: float) -> Any:
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return thunk()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _check_doctest(example: CompiledExample, ns: dict[str, Any], timeout: float) -> tuple[str, str]:
    out = CappedOutput()
    sys.stdout = out
    # The values the example's expression statements showed (doctest shows nothing for None).
    shown: list[Any] = []

    def display(value: Any) -> None:
        shown.append(value)
        sys.__displayhook__(value)

    sys.displayhook = display
    exception: BaseException | None = None
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            exec(example.code, ns)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except ExampleTimeout:
        return "timeout", _timeout_text(timeout, out.getvalue())
    except BaseException as exc:  # noqa: BLE001 - the example's outcome
        exception = exc
    finally:
        sys.stdout = _STDOUT_SINK
        sys.displayhook = sys.__displayhook__
    got = out.getvalue()
    if _REFUSED:
        return "refused", _REFUSED[-1]
    if exception is None:
        if example.exc_msg is not None:
            return "fail", _shown(got)
        # `>>> find(xs, 9)` / `None`: doctest prints nothing for None, so the line as written
        # never passes under doctest; what it states is that the call returns None.
        if example.expected == "None\n" and not got and len(shown) == 1 and shown[0] is None:
            return "pass", "None"
        ok = _CHECKER.check_output(example.expected, got, example.flags)
        return ("pass" if ok else "fail"), _shown(got)
    exc_msg = _exception_line(exception)
    if isinstance(exception, MemoryError) or example.exc_msg is None:
        return "error", exc_msg.rstrip("\n")
    if _CHECKER.check_output(example.exc_msg, exc_msg, example.flags):
        return "pass", exc_msg.rstrip("\n")
    if example.flags & doctest.IGNORE_EXCEPTION_DETAIL:
        if _CHECKER.check_output(
            _strip_exception_details(example.exc_msg),
            _strip_exception_details(exc_msg),
            example.flags,
        ):
            return "pass", exc_msg.rstrip("\n")
    return "fail", exc_msg.rstrip("\n")


def _shown(output: str) -> str:
    """Output as reported: without the final newline, like the expected text."""
    return output[:-1] if output.endswith("\n") else output


def _timeout_text(timeout: float, output: str) -> str:
    text = f"timed out after {timeout:g}s"
    if output:
        text += "; output so far:\n" + output
    return text


def _strip_exception_details(msg: str) -> str:
    # As doctest's own helper: keep only the exception's (unqualified) type name.
    start, end = 0, len(msg)
    i = msg.find("\n")
    if i >= 0:
        end = i
    i = msg.find(":", 0, end)
    if i >= 0:
        end = i
    i = msg.rfind(".", 0, end)
    if i >= 0:
        start = i + 1
    return msg[start:end]


def _check_value(example: CompiledExample, ns: dict[str, Any], timeout: float) -> tuple[str, str]:
    out = CappedOutput()
    sys.stdout = out
    expected = example.expected_value
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            if expected is _UNSET:
                expected = eval(example.expected_code, ns)
            try:
                actual = eval(example.code, ns)
            except Exception as exc:  # noqa: BLE001 - maybe the expected exception
                if (
                    isinstance(expected, type)
                    and issubclass(expected, BaseException)
                    and isinstance(exc, expected)
                ):
                    return "pass", _exception_line(exc).rstrip("\n")
                raise
            ok = bool(actual == expected)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except ExampleTimeout:
        return "timeout", _timeout_text(timeout, out.getvalue())
    except BaseException as exc:  # noqa: BLE001 - the example's outcome
        if _REFUSED:
            return "refused", _REFUSED[-1]
        return "error", _exception_line(exc).rstrip("\n")
    finally:
        sys.stdout = _STDOUT_SINK
    if _REFUSED:
        return "refused", _REFUSED[-1]
    try:
        text = _short_repr(actual)
    except BaseException as exc:  # noqa: BLE001 - a broken __repr__
        text = f"<unprintable: {_exception_line(exc).strip()}>"
    return ("pass" if ok else "fail"), text


def _check_candidate(suite: Suite, index: int, source: str, request: dict[str, Any]) -> None:
    timeout = float(request.get("example_timeout") or 1.0)
    fail_fast = bool(request.get("fail_fast"))
    _set_cpu_limit(float(request.get("cpu_seconds") or 10.0))
    ns = dict(suite.base)
    _REFUSED.clear()
    try:
        code = compile(source, "<candidate>", "exec", suite.future_flags, True)
        _run_limited(lambda: exec(code, ns), timeout)
        if suite.function and not callable(ns.get(suite.function)):
            raise NameError(f"the candidate does not define {suite.function}()")
    except BaseException as exc:  # noqa: BLE001 - reported as a compile error
        if isinstance(exc, ExampleTimeout):
            message = "defining the candidate timed out"
        elif _REFUSED:
            message = f"refused: {_REFUSED[-1]}"
        else:
            message = _exception_line(exc).strip()
        _REFUSED.clear()
        _send(["C", index, message])
        return
    stream = bool(request.get("stream"))
    results: list[list[str]] = []
    failed = False
    for j, example in enumerate(suite.examples):
        if example.error is not None:
            status, actual = "error", example.error
        elif example.skip or (failed and fail_fast):
            status, actual = "skipped", ""
        else:
            _REFUSED.clear()
            sys.stdin = _STDIN_SINK
            if example.kind == "doctest":
                status, actual = _check_doctest(example, ns, timeout)
            else:
                status, actual = _check_value(example, ns, timeout)
            _REFUSED.clear()
        if status not in ("pass", "skipped"):
            failed = True
        if stream:
            _send(["E", index, j, status, actual])
        else:
            results.append([status, actual])
    _send(["C", index, None] if stream else ["C", index, None, results])


# ---------------------------------------------------------------------------------------------
# Main loop.

_RECURSION_LIMIT = sys.getrecursionlimit()
_STDOUT_SINK = CappedOutput()
_STDIN_SINK = EmptyInput()


def _reset_streams() -> None:
    global _STDOUT_SINK
    _STDOUT_SINK = CappedOutput()
    sys.stdout = _STDOUT_SINK
    sys.stderr = CappedOutput()
    sys.stdin = _STDIN_SINK
    sys.displayhook = sys.__displayhook__
    if sys.getrecursionlimit() != _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)


def _requests(before_each: Callable[[], None] | None = None) -> Any:
    """Yields `(line, request, op)` for each well-formed request line on `_IN` (the line ends in
    a newline), answering malformed ones with an `X` reply, until end of input."""
    while True:
        if before_each is not None:
            before_each()
        line = _IN.readline()
        if not line:
            return
        try:
            request = json.loads(line)
            op = request["op"]
        except Exception as exc:  # noqa: BLE001 - protocol error
            _send(["X", f"bad request: {exc}"])
            continue
        yield (line if line.endswith(b"\n") else line + b"\n"), request, op


def _serve() -> None:
    """The request loop of one function's process: runs untrusted code, under the audit hook."""
    sys.dont_write_bytecode = True
    try:
        os.chdir(SCRATCH)
    except OSError:
        pass
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    except (ValueError, OSError):
        pass
    _reset_streams()
    if AUDIT_HOOK:
        _refuse_threads()
        sys.addaudithook(_audit)
    suites: dict[int, Suite] = {}
    for _, request, op in _requests():
        _reset_streams()
        if op == "suite":
            try:
                suite = Suite(request)
            except BaseException as exc:  # noqa: BLE001 - reported
                _send(["X", f"suite failed: {_exception_line(exc).strip()}"])
                continue
            suites[request["id"]] = suite
            _send(["S", request["id"], suite.context_errors, [e.error for e in suite.examples]])
        elif op == "check":
            suite = suites.get(request.get("suite"))
            if suite is None:
                _send(["X", f"unknown suite {request.get('suite')}"])
                continue
            first = int(request.get("first", 0))
            for offset, source in enumerate(request.get("candidates") or []):
                _reset_streams()
                try:
                    _check_candidate(suite, first + offset, source, request)
                except ExampleTimeout:
                    # An alarm that fired just after its example finished; the candidate's
                    # lines may be incomplete, so Rust's deadline will restart the worker.
                    signal.setitimer(signal.ITIMER_REAL, 0)
        else:
            _send(["X", f"unknown op {op!r}"])


# ---------------------------------------------------------------------------------------------
# The zygote: a clean process that never runs untrusted code. Each function's suite lives in a
# child forked from it, which installs the per-function seccomp filters first; the zygote relays
# and validates the child's replies, so a child can neither reach docsynth's pipe nor another
# function's process.

_OPTIONS = sys.argv[3:]
SUITE_FILTERS = (
    _OPTIONS[_OPTIONS.index("--suite-filters") + 1] if "--suite-filters" in _OPTIONS else None
)
AUDIT_HOOK = "--no-audit-hook" not in _OPTIONS
MAX_CHILDREN = 4
LINE_LIMIT = 256 << 20
_PR_SET_PDEATHSIG = 1
_PR_SET_SECCOMP = 22
_PR_SET_NO_NEW_PRIVS = 38
_SECCOMP_MODE_FILTER = 2


class _Filters:
    """The per-function seccomp programs compiled by docsynth (`seccomp.rs`), ready for prctl."""

    def __init__(self, path: str) -> None:
        import ctypes
        import struct

        class FProg(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

        self.ctypes = ctypes
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.programs: list[Any] = []
        self._buffers: list[Any] = []
        with open(path, "rb") as f:
            data = f.read()
        i = 0
        while i < len(data):
            (count,) = struct.unpack_from("<H", data, i)
            i += 2
            buf = ctypes.create_string_buffer(data[i : i + 8 * count], 8 * count)
            i += 8 * count
            self._buffers.append(buf)
            self.programs.append(FProg(count, ctypes.cast(buf, ctypes.c_void_p)))

    def install(self) -> None:
        libc, ctypes = self.libc, self.ctypes
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        for program in self.programs:
            if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0):
                raise OSError(ctypes.get_errno(), "installing the seccomp filter failed")

    def die_with_parent(self) -> None:
        self.libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


_UNREAPED: list[int] = []


def _reap() -> None:
    """Collects the function processes that were killed and have ended since."""
    for pid in list(_UNREAPED):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done = pid
        if done:
            _UNREAPED.remove(pid)


class _Child:
    """One function's process as the zygote sees it."""

    def __init__(self, pid: int, requests: int, replies: Any, suite_line: bytes) -> None:
        self.pid = pid
        self.requests = requests
        self.replies = replies
        self.suite_line = suite_line

    def stop(self) -> None:
        """Kills the process; it is reaped later by `_reap` (waiting for a killed process to be
        torn down would cost each new function several milliseconds)."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        _UNREAPED.append(self.pid)
        for close in (lambda: os.close(self.requests), self.replies.close):
            try:
                close()
            except OSError:
                pass


def _child_main(requests: int, replies: int, filters: _Filters | None, zygote: int) -> None:
    """Runs in the forked child: drops every descriptor but its own pipes, then serves."""
    global _IN, _OUT_FD
    if filters is not None:
        filters.die_with_parent()
    if os.getppid() != zygote:
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 2)
    os.close(devnull)
    keep = sorted((requests, replies))
    low = 3
    for fd in keep:
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 20)
    _IN = os.fdopen(requests, "rb", buffering=1 << 16)
    _OUT_FD = replies
    if filters is not None:
        try:
            filters.install()
        except OSError as exc:
            _send(["X", f"docsynth sandbox: cannot restrict the function's process: {exc}"])
            os._exit(71)
    _serve()


_SPARE: list[_Child] = []


def _prepare_spare(filters: _Filters | None) -> None:
    """Forks the next function's process ahead of time, while the current one is busy checking,
    so a new function waits neither for the fork nor for the new process's start."""
    if not _SPARE:
        _SPARE.append(_fork_child(filters))


def _spawn(suite_line: bytes, filters: _Filters | None) -> _Child:
    child = _SPARE.pop() if _SPARE else _fork_child(filters)
    child.suite_line = suite_line
    return child


def _fork_child(filters: _Filters | None) -> _Child:
    req_r, req_w = os.pipe()
    rep_r, rep_w = os.pipe()
    zygote = os.getpid()
    pid = os.fork()
    if pid == 0:
        try:
            _child_main(req_r, rep_w, filters, zygote)
        finally:
            os._exit(0)
    os.close(req_r)
    os.close(rep_w)
    return _Child(pid, req_w, os.fdopen(rep_r, "rb", buffering=1 << 16), b"")


def _child_died(child: _Child, why: str) -> None:
    """A function's process ended mid-request: the zygote ends the same way, so docsynth's
    crash and CPU-limit handling see what happened (it restarts the worker)."""
    try:
        os.kill(child.pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        _, status = os.waitpid(child.pid, 0)
    except OSError:
        status = 0
    os.write(2, f"docsynth worker: a function's process {why}\n".encode())
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        os.write(2, f"docsynth worker: it was killed by signal {sig}\n".encode())
        if sig not in (signal.SIGKILL, signal.SIGSTOP):
            signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 70)


def _relay(
    child: _Child,
    line: bytes,
    accept: Callable[[Any], str],
    forward: bool,
    while_waiting: Callable[[], None] | None = None,
) -> None:
    """Sends one request line to the child and relays its validated replies until `accept`
    says "done". Anything malformed or unexpected ends the child (and the zygote)."""
    view = memoryview(line)
    try:
        while view:
            view = view[os.write(child.requests, view) :]
    except OSError:
        _child_died(child, "closed its request pipe")
    if while_waiting is not None:
        while_waiting()
    while True:
        data = child.replies.readline(LINE_LIMIT)
        if not data:
            _child_died(child, "ended")
        if not data.endswith(b"\n"):
            _child_died(child, "sent an over-long reply")
        try:
            message = json.loads(data)
        except ValueError:
            _child_died(child, "sent a malformed reply")
        verdict = accept(message)
        if verdict == "invalid":
            _child_died(child, f"sent an unexpected reply {data[:200]!r}")
        if forward:
            _send(message)
        if verdict == "done":
            return


def _suite_reply(suite_id: Any) -> Callable[[Any], str]:
    def accept(message: Any) -> str:
        if isinstance(message, list) and message and message[0] == "X":
            return "done"
        if isinstance(message, list) and len(message) == 4 and message[:2] == ["S", suite_id]:
            return "done"
        return "invalid"

    return accept


def _check_replies(first: int, count: int) -> Callable[[Any], str]:
    finished: set[int] = set()

    def accept(message: Any) -> str:
        if not isinstance(message, list) or not message:
            return "invalid"
        kind = message[0]
        if kind == "X":
            return "done"
        if kind not in ("E", "C") or len(message) < 3:
            return "invalid"
        index = message[1]
        if type(index) is not int or not first <= index < first + count:
            return "invalid"
        if kind == "E":
            return "invalid" if index in finished else "more"
        if index in finished:
            return "invalid"
        finished.add(index)
        return "done" if len(finished) == count else "more"

    return accept


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    # Imported once here, so each function's process starts without importing anything.
    import threading  # noqa: F401

    filters = _Filters(SUITE_FILTERS) if SUITE_FILTERS else None
    live: dict[Any, _Child] = {}
    parked: dict[Any, bytes] = {}
    _send(["R", "{}.{}".format(*sys.version_info[:2])])

    def start(suite_id: Any, suite_line: bytes, forward: bool) -> None:
        while len(live) >= MAX_CHILDREN:
            oldest = next(iter(live))
            evicted = live.pop(oldest)
            parked[oldest] = evicted.suite_line
            evicted.stop()
        child = _spawn(suite_line, filters)
        live[suite_id] = child
        _relay(child, suite_line, _suite_reply(suite_id), forward)

    for line, request, op in _requests(before_each=_reap):
        if op == "suite":
            suite_id = request.get("id")
            old = live.pop(suite_id, None)
            if old is not None:
                old.stop()
            parked.pop(suite_id, None)
            start(suite_id, line, forward=True)
        elif op == "check":
            suite_id = request.get("suite")
            child = live.pop(suite_id, None)
            if child is None and suite_id in parked:
                start(suite_id, parked.pop(suite_id), forward=False)
                child = live.pop(suite_id)
            if child is None:
                _send(["X", f"unknown suite {suite_id}"])
                continue
            live[suite_id] = child  # most recently used last
            count = len(request.get("candidates") or [])
            if count == 0:
                continue
            first = int(request.get("first", 0))
            _relay(
                child,
                line,
                _check_replies(first, count),
                forward=True,
                while_waiting=lambda: _prepare_spare(filters),
            )
        elif op == "forget":
            suite_id = request.get("suite")
            parked.pop(suite_id, None)
            child = live.pop(suite_id, None)
            if child is not None:
                child.stop()
        else:
            _send(["X", f"unknown op {op!r}"])


if __name__ == "__main__":
    main()
