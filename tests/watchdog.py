"""A bound on one input's run that holds even when the run never comes back
(issue 16, s35): tests/test_fuzz.py runs each input under it.

Measuring the CPU an input took after it returns catches a slow input, not
a hang: a loop that never ends, a sleep or a blocking read would hang the
suite.  `bounded` arms two interval timers around the run, CPU time
(ITIMER_PROF, the runaway loop) and wall time (ITIMER_REAL, the sleep or the
read, which spend no CPU); either one raises `Runaway` naming the input where
the run is, and Hypothesis reports it with its falsifying example.  A hang
inside C code that never lets Python's handler run is the backstop's:
past BACKSTOP times the wall bound, faulthandler writes every thread's stack
to `hang_log()` (after a line naming the input) and ends the process, so a
suite fails instead of hanging.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import signal
import tempfile
from collections.abc import Iterator

BACKSTOP = 2.0  # times the wall bound


class Runaway(AssertionError):
    """An input's run past its bound: a test failure, not an error of the tool's."""


class _Stop(BaseException):
    """Raised where the run is: no `except Exception` of the tool's (which turns a bug
    into one line, exit 3) may take it for an error of the input's."""


def hang_log() -> str:
    """Where the backstop writes, one file a process."""
    return os.path.join(tempfile.gettempdir(), f"auditor-hang-{os.getpid()}.log")


@contextlib.contextmanager
def bounded(what: str, cpu: float, wall: float) -> Iterator[None]:
    """Run the body within `cpu` seconds of CPU time and `wall` seconds of wall
    time, or fail naming `what` (the input and the command)."""

    def stop(signum: int, frame: object) -> None:
        kind, limit = ("CPU", cpu) if signum == signal.SIGPROF else ("wall", wall)
        raise _Stop(f"no answer within {limit:g} s of {kind} time (a hang or a runaway): {what}")

    before = {s: signal.signal(s, stop) for s in (signal.SIGPROF, signal.SIGALRM)}
    with open(hang_log(), "w", encoding="utf-8") as log, _removed(hang_log()):
        log.write(f"auditor: the watchdog ended this process, the run hung in C code: {what}\n")
        log.flush()
        faulthandler.dump_traceback_later(BACKSTOP * wall, exit=True, file=log)
        signal.setitimer(signal.ITIMER_PROF, cpu)
        signal.setitimer(signal.ITIMER_REAL, wall)
        try:
            yield
        except _Stop as stop:
            raise Runaway(str(stop)) from None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.setitimer(signal.ITIMER_PROF, 0)
            faulthandler.cancel_dump_traceback_later()
            for s, handler in before.items():
                signal.signal(s, handler)


@contextlib.contextmanager
def _removed(path: str) -> Iterator[None]:
    try:
        yield
    finally:
        os.unlink(path)
