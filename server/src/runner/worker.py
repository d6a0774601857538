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
    got = out.getvalue()
    if _REFUSED:
        return "refused", _REFUSED[-1]
    if exception is None:
        if example.exc_msg is not None:
            return "fail", _shown(got)
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


def main() -> None:
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
    _refuse_threads()
    sys.addaudithook(_audit)
    suites: dict[int, Suite] = {}
    _send(["R", "{}.{}".format(*sys.version_info[:2])])
    while True:
        line = _IN.readline()
        if not line:
            return
        try:
            request = json.loads(line)
            op = request["op"]
        except Exception as exc:  # noqa: BLE001 - protocol error
            _send(["X", f"bad request: {exc}"])
            continue
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
        elif op == "forget":
            suites.pop(request.get("suite"), None)
        else:
            _send(["X", f"unknown op {op!r}"])


if __name__ == "__main__":
    main()
