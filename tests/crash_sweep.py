"""The crash sweep: every case the harnesses build, read in process, and every
Python exception out of the reading that is not the tool's own input error
recorded (a traceback a user would see).  Test support, not the tool; a
measurement, not a test:

    cd tests && PYTHONPATH=$PWD/..:. ../.venv/bin/python crash_sweep.py
        [--budget S] [--stride N [--offset K]] [HARNESS...]

Each harness runs its own tally (its `main` / `measure`, its output kept in /tmp/crash-sweep/HARNESS.log)
with auditor's check_source and schedules wrapped: a case raising anything but
InputError is recorded (class, message, the harness, the input kept under
/tmp/crash-sweep/, the traceback's last frames) and handed back to the harness
as a refusal, so the harness goes on.  `--stride N` reads one case in N, the
K-th (`--offset K`; the others handed back refused at once: a sample); `--budget S` stops a harness
after S seconds of its own.  The last lines count, per harness, the cases read,
the cases skipped and the exceptions found.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
KEEP = Path(os.environ.get("CRASH_SWEEP_KEEP", "/tmp/crash-sweep"))


class _OutOfTime(BaseException):
    """Raised from the wrapped check where a harness's budget is spent: ends its run."""


class Sweep:
    def __init__(self, stride: int = 1, budget: float = 0.0, offset: int = 0):
        self.stride, self.budget, self.offset = max(1, stride), budget, offset
        self.harness = ""
        self.sampled = True  # (one case in `stride`; a harness sampling its own way turns it off)
        self.started = 0.0
        self.calls: Counter = Counter()
        self.read: Counter = Counter()
        self.crashes: list[dict] = []
        self.classes: Counter = Counter()

    # --- the wrapper -----------------------------------------------------------
    def wrap(self, check: Callable, name: str) -> Callable:
        from auditor.errors import InputError, InternalError

        sweep = self

        def wrapped(src, *args, **kwargs):
            if sweep.budget and time.monotonic() - sweep.started > sweep.budget:
                raise _OutOfTime()
            sweep.calls[sweep.harness] += 1
            if sweep.sampled and (sweep.calls[sweep.harness] - 1 - sweep.offset) % sweep.stride:
                if name == "schedules":
                    raise InputError("skipped by the crash sweep (a sample)", src.path)
                from auditor.pipeline import FileResult

                return FileResult(src.path, error=InputError("skipped by the crash sweep (a sample)", src.path))
            sweep.read[sweep.harness] += 1
            try:
                return check(src, *args, **kwargs)
            except InputError:
                raise
            except Exception as exc:  # (the one thing swept for: a bug of ours met while reading)
                sweep.record(exc, src)
                if name == "schedules":
                    raise InternalError(f"crash: {type(exc).__name__}: {exc}", src.path) from None
                from auditor.pipeline import FileResult

                return FileResult(src.path, error=InternalError(f"crash: {type(exc).__name__}: {exc}", src.path))

        return wrapped

    def record(self, exc: BaseException, src) -> None:
        text = src.joined() if hasattr(src, "joined") else ""
        digest = hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        KEEP.mkdir(parents=True, exist_ok=True)
        kept = KEEP / f"{self.harness.replace(' ', '_')}-{digest}{Path(src.path or 'x.txt').suffix or '.txt'}"
        kept.write_bytes(text.encode("utf-8", "surrogateescape"))
        frames = traceback.extract_tb(exc.__traceback__)[-4:]
        key = (type(exc).__name__, *((frames[-1].filename.rsplit("/", 1)[-1], frames[-1].name) if frames else ()))
        self.classes[key] += 1
        self.crashes.append({"harness": self.harness, "class": type(exc).__name__, "message": str(exc)[:200],
                             "input": str(kept), "key": key,
                             "frames": [f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in frames]})

    # --- running ---------------------------------------------------------------
    def run(self, name: str, entry: Callable[[], object]) -> Optional[str]:
        """Run one harness's tally; the harness's own failure (not the tool's) is returned."""
        self.harness, self.started, self.sampled = name, time.monotonic(), True
        failure = None
        KEEP.mkdir(parents=True, exist_ok=True)
        with open(KEEP / f"{name.replace(' ', '_')}.log", "w") as log, contextlib.redirect_stdout(log):
            try:
                entry()
            except _OutOfTime:
                failure = "budget spent"
            except SystemExit:
                pass
            except Exception as exc:
                failure = f"harness: {type(exc).__name__}: {str(exc)[:160]}"
        return failure


def install(sweep: Sweep, put: Callable[[object, str, object], None] = setattr) -> None:
    """Wrap the in-process entries every harness calls: check_source (check_file goes
    through it) and schedules.  (`put`: a test's monkeypatch.setattr, undone after it.)"""
    import auditor
    from auditor import pipeline

    checked = sweep.wrap(pipeline.check_source, "check_source")
    put(pipeline, "check_source", checked)
    put(auditor, "check_source", checked)
    if hasattr(auditor, "schedules"):
        listed = sweep.wrap(pipeline.schedules, "schedules")
        put(pipeline, "schedules", listed)
        put(auditor, "schedules", listed)


def _call(module: str, function: str, *args) -> Callable[[], object]:
    def entry():
        import importlib

        return getattr(importlib.import_module(module), function)(*args)
    return entry


def _stability() -> None:
    """Every fixture and real table with every single-figure change (AUDITOR_STABILITY=all;
    the sample is one fixture in `stride`, each with all its changes), each one's failures
    (a misreading or a skip, not a crash) left to the test."""
    import tempfile

    import test_reading_stability as trs

    SWEEP.sampled = False
    tests = [(trs.test_one_wrong_figure_in_a_fixture_keeps_its_reading_and_is_found, p) for p in trs._fixtures()]
    tests += [(trs.test_one_wrong_figure_in_a_real_table_keeps_its_reading, p) for p in trs._tables()]
    for test, path in tests[SWEEP.offset::SWEEP.stride]:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                test(path, Path(tmp))
            except (_OutOfTime, KeyboardInterrupt):
                raise
            except BaseException:  # (pytest's skip is one; a failed assertion is the test's to tell)
                pass


def _pytest(*args: str) -> Callable[[], object]:
    """Test modules' own inputs, as pytest runs them (every one: the sample is theirs): a crash
    the test would turn into a failure is recorded here with its input."""
    def entry():
        import pytest

        SWEEP.sampled = False
        pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts=",
                     *(str(HERE / a) if a.endswith(".py") else a for a in args)])
    return entry


SWEEP = Sweep()

HARNESSES: dict[str, Callable[[], object]] = {
    "split": _call("split_habits", "main", []),
    "split next": _call("split_habits", "main", ["next"]),
    "split next-headless": _call("split_habits", "main", ["next-headless"]),
    "split next-apart": _call("split_habits", "main", ["next-apart"]),
    "split apart": _call("split_habits", "main", ["apart"]),
    "page": _call("page_habits", "main", []),
    "pair": _call("pair_habits", "main", ["--all"]),
    "star": _call("star_habits", "main"),
    "wrap": _call("wrap_habits", "measure", []),
    "cut": _call("cut_habits", "main", []),
    "html cuts": _call("html_cuts", "main", ["html_cuts.py"]),
    **{f"{name}": _call(f"test_{name}_habits", "measure", [])
       for name in ("adoption", "blank", "caption", "form", "heading", "ixbrl", "label", "period",
                    "side_by_side", "spacing", "total", "unit")},
    "dated_row": _call("test_dated_row_habits", "measure"),
    "text sweep": _call("sweep_text", "sweep"),
    "filings": _call("sweep_filings", "main", False),
    "unread fixtures": _call("sweep_unread", "main", "fixtures"),
    "blank movements": _call("sweep_blank_movements", "main", ""),
    "stability": _stability,
    "hostile": _pytest("test_hostile.py", "test_hostile_truncation.py"),
    # (hypothesis's damaged exhibits and mutations; AUDITOR_FUZZ_EXAMPLES sets how many)
    "fuzz": _pytest("test_fuzz.py", "-k", "damaged", "test_mutations.py"),
}


def main(argv: list[str]) -> int:
    args = list(argv)
    stride, budget, offset = 1, 0.0, 0
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--stride":
            stride = int(args.pop(0))
        elif flag == "--offset":
            offset = int(args.pop(0))
        elif flag == "--budget":
            budget = float(args.pop(0))
    os.environ.setdefault("AUDITOR_STABILITY", "all")
    sys.path[:0] = [str(HERE), str(HERE.parent / "benchmarks")]
    global SWEEP
    sweep = SWEEP = Sweep(stride, budget, offset)
    install(sweep)
    began = time.monotonic()
    for name in args or HARNESSES:
        t = time.monotonic()
        failure = sweep.run(name, HARNESSES[name])
        found = sum(1 for c in sweep.crashes if c["harness"] == name)
        print(f"{name:22} read {sweep.read[name]:6}  of {sweep.calls[name]:6}  exceptions {found:3}  "
              f"{time.monotonic() - t:6.0f}s{'  (' + failure + ')' if failure else ''}", file=sys.stderr, flush=True)
    seen = set()
    for crash in sweep.crashes:
        if crash["key"] in seen:
            continue
        seen.add(crash["key"])
        print(f"{sweep.classes[crash['key']]:5} x {crash['class']}: {crash['message']}\n"
              f"        first: {crash['harness']}, {crash['input']}\n        " + "\n        ".join(crash["frames"]),
              file=sys.stderr)
    print(f"{sum(sweep.read.values())} cases read, {len(sweep.crashes)} exceptions ({len(seen)} kinds), "
          f"{time.monotonic() - began:.0f}s", file=sys.stderr)
    return 1 if sweep.crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
