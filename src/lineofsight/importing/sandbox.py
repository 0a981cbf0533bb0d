"""Read an upload in a child process with a CPU-time, memory and file-write budget.

The pre-checks in ``limits.py`` refuse what a file declares; this is the backstop for
what they cannot see (a pathological layout, a library's slow path). The child is a new
Python (``python -m lineofsight.importing.sandbox``), so a web worker's memory, database
connections and open files are never shared with code reading a hostile file. It sets
its own limits before it reads a byte, may not write any file, and answers in JSON on
stdout (never pickle: the parent must not run anything the child sends). Past the
budget the kernel stops it, and the parent answers with an :class:`ImportFailed` naming
the file and the limit.

    from lineofsight.importing import sandbox
    result = sandbox.read_plan(data, "plan.xlsx")     # as importing.read_plan, bounded
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, TypedDict, Unpack

from .errors import ImportFailed
from .limits import DEFAULT_LIMITS, Limits, display_name

_MB = 1024 * 1024
# The child's answer is a plan@1 document; anything far larger is not one.
_MAX_ANSWER_BYTES = 64 * _MB


@dataclass(frozen=True)
class Budget:
    """What one import may use. ``memory_bytes`` bounds the child's address space (a
    Python with the readers loaded maps about 200 MB before reading anything)."""

    cpu_seconds: int = 30
    memory_bytes: int = 1024 * _MB
    wall_seconds: float = 60.0


@dataclass
class Run:
    """How one sandboxed read went: the result or the refusal, and what it cost."""

    result: Any = None  # an ImportResult when the file was read
    error: ImportFailed | None = None
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    peak_rss_bytes: int = 0
    exit_code: int | None = None
    stderr: str = field(default="", repr=False)


def default_budget() -> Budget:
    """The budget from Django's settings when they are configured, else the defaults."""
    try:
        from django.conf import settings

        if settings.configured:
            return Budget(
                cpu_seconds=int(getattr(settings, "IMPORT_CPU_SECONDS", Budget.cpu_seconds)),
                memory_bytes=int(getattr(settings, "IMPORT_MEMORY_MB", Budget.memory_bytes // _MB)) * _MB,
                wall_seconds=float(getattr(settings, "IMPORT_CPU_SECONDS", Budget.cpu_seconds)) * 2 + 5,
            )
    except ImportError:  # the importer is usable without Django
        pass
    return Budget()


class ImportOptions(TypedDict, total=False):
    """The keyword options :func:`read_plan` passes on to :func:`run_import`."""

    inspection_end: date | None
    budget: Budget | None
    limits: Limits


def read_plan(data: bytes, filename: str, **options: Unpack[ImportOptions]) -> Any:
    """:func:`lineofsight.importing.read_plan` with the pre-checks, in a bounded child.

    Takes :func:`run_import`'s options. Returns the
    :class:`~lineofsight.importing.ImportResult`; raises :class:`ImportFailed` for a file
    past a limit, one the readers cannot read, or one that ran out of budget.
    """
    run = run_import(data, filename, **options)
    if run.error is not None:
        raise run.error
    return run.result


def run_import(
    data: bytes,
    filename: str,
    *,
    inspection_end: date | None = None,
    budget: Budget | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Run:
    """Run the import in the child and report the outcome and its cost (for benchmarks)."""
    from . import ImportResult, ImportWarning

    budget = budget or default_budget()
    name = display_name(filename)
    if len(data) > limits.max_bytes:  # refused before a process is even started
        return Run(
            error=ImportFailed(name, f"the file is {len(data) // _MB} MB; the limit is {limits.max_bytes // _MB} MB")
        )
    header = {
        "filename": name,
        "inspection_end": inspection_end.isoformat() if inspection_end else None,
        "cpu_seconds": budget.cpu_seconds,
        "memory_bytes": budget.memory_bytes,
        "limits": asdict(limits),
    }
    # -I: ignore PYTHON* variables and the user's site; -B: write no bytecode files.
    command = [sys.executable, "-I", "-B", "-m", "lineofsight.importing.sandbox"]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    started = time.monotonic()
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no shell
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    timer = threading.Timer(budget.wall_seconds, proc.kill)
    timer.start()
    try:
        answer, stderr = _exchange(proc, json.dumps(header).encode() + b"\n" + data)
    finally:
        timer.cancel()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    run = Run(
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        wall_seconds=time.monotonic() - started,
        peak_rss_bytes=usage.ru_maxrss * 1024,  # kilobytes on Linux
        exit_code=proc.returncode,
        stderr=stderr.decode("utf-8", "replace"),
    )
    reply: dict[str, Any] | None = None
    if proc.returncode == 0 and answer:
        try:
            reply = json.loads(answer)
        except ValueError:
            reply = None
    if reply is not None:
        run.peak_rss_bytes = int(reply.get("peak_rss_bytes") or run.peak_rss_bytes)
    if reply is not None and reply.get("ok"):
        warnings = [ImportWarning(w["file"], w["table"], w["row"], w["message"]) for w in reply["warnings"]]
        run.result = ImportResult(reply["plan"], warnings)
    elif reply is not None and "problem" in reply:
        run.error = ImportFailed(name, reply["problem"])
    else:
        run.error = _budget_error(name, proc.returncode, budget, run)
    return run


def _budget_error(name: str, code: int, budget: Budget, run: Run) -> ImportFailed:
    if code in (-signal.SIGXCPU, -signal.SIGKILL) and run.wall_seconds >= budget.wall_seconds - 0.5:
        problem = f"reading the file took longer than the {budget.wall_seconds:.0f}-second limit; it was stopped"
    elif code == -signal.SIGXCPU or run.cpu_seconds >= budget.cpu_seconds:
        problem = f"reading the file needed more than the {budget.cpu_seconds}-second processing limit; it was stopped"
    else:
        # A MemoryError the child could not even report, or a crash inside a library.
        problem = (
            f"reading the file needed more than the {budget.memory_bytes // _MB} MB memory limit, "
            "or a reader failed on it; it was stopped"
        )
    return ImportFailed(name, f"{problem}. Nothing was imported; please send the file to the Line of Sight team")


def _exchange(proc: subprocess.Popen[bytes], payload: bytes) -> tuple[bytes, bytes]:
    """Send the payload, collect stdout (bounded) and the tail of stderr, without
    deadlocking on full pipes."""
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    errors: list[bytes] = []

    def feed() -> None:
        try:
            proc.stdin.write(payload)  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass  # the child stopped early; its exit status says why
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()  # type: ignore[union-attr]

    def drain() -> None:
        for chunk in iter(lambda: proc.stderr.read(65536), b""):  # type: ignore[union-attr]
            errors.append(chunk)
            del errors[:-4]

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
    for t in threads:
        t.start()
    out = bytearray()
    for chunk in iter(lambda: proc.stdout.read(65536), b""):  # type: ignore[union-attr]
        out += chunk
        if len(out) > _MAX_ANSWER_BYTES:
            proc.kill()
            out.clear()
            break
    for t in threads:
        t.join()
    return bytes(out), b"".join(errors)


# --------------------------------------------------------------------------- the child


def _limit_self(cpu_seconds: int, memory_bytes: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 2))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # no file may be written
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # A write to a file then fails with an error instead of killing the child.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _out_of_memory(header: dict[str, Any]) -> str:
    return (
        f"reading the file needed more than the {header['memory_bytes'] // _MB} MB memory limit; it was stopped. "
        "Nothing was imported; please send the file to the Line of Sight team"
    )


def _peak_rss() -> int:
    """This process's own peak resident memory. (getrusage would count the parent's memory
    at the fork too: Linux carries the high-water mark across exec.)"""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _child() -> int:
    stdin = sys.stdin.buffer
    header = json.loads(stdin.readline())
    _limit_self(header["cpu_seconds"], header["memory_bytes"])
    data = stdin.read()
    name = header["filename"]
    try:
        from . import read_plan as unbounded_read_plan
        from .limits import check_upload

        limits = Limits(**header["limits"])
        end = date.fromisoformat(header["inspection_end"]) if header["inspection_end"] else None
        checked = check_upload(data, name, limits)
        result = unbounded_read_plan(checked, name, inspection_end=end)
        reply: dict[str, Any] = {
            "ok": True,
            "plan": result.plan,
            "warnings": [w.as_dict() for w in result.warnings],
        }
    except ImportFailed as exc:
        # A reader may have caught the MemoryError and named it; say which limit it was.
        ran_out = isinstance(exc.__cause__, MemoryError)
        reply = {"ok": False, "problem": _out_of_memory(header) if ran_out else exc.problem}
    except MemoryError:
        data = b""
        reply = {"ok": False, "problem": _out_of_memory(header)}
    except Exception as exc:  # a schema mismatch or a library's bug: named, not a crash
        reply = {"ok": False, "problem": f"the file could not be read as a plan ({exc.__class__.__name__})"}
    reply["peak_rss_bytes"] = _peak_rss()
    sys.stdout.buffer.write(json.dumps(reply, ensure_ascii=False, default=str).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_child())
