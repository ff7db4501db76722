"""Which of auditor's regular expressions, compiled when their module is imported, a CLI check
of one file never runs, and what compiling them costs: the start-up they would save if compiled
at their first use.  Not a test: a measure for planning (s32: on the seed, 76 of 155 patterns,
about 85 M instructions of the CLI's 888 M; s33 made those `lazy_compile`d, auditor.lazy_pattern).

    .venv/bin/python benchmarks/unused_patterns.py [FILE]

Each `re.compile` made by a module of auditor (while it is imported, and after) is wrapped in
a proxy that records a method called on it (reading `.pattern` or `.flags` to build another
pattern is not a use); the CLI then checks FILE (default: the seed) in this process.  The cost
of each unused pattern is its compile time in this process, shared out of the whole measured
under valgrind (`instructions`: the difference of a process compiling them all five times and
one compiling none).  Patterns are audited by tests/test_hostile_regex.py as module attributes:
a pattern compiled lazily must stay within its reach.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from instructions import instructions  # (benchmarks/instructions.py: run as a script, its folder is on the path)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "lantronix-2003.txt"
REPEATS = 5

_real_compile = re.compile


class _Watched:
    """A compiled pattern, its first use recorded (`made[key][2]`)."""

    __slots__ = ("_pattern", "_key")

    def __init__(self, pattern: re.Pattern[str], key: tuple[str, int]):
        self._pattern, self._key = pattern, key

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        if name not in ("pattern", "flags", "groups", "groupindex"):
            made[self._key][2] = True
        return getattr(self._pattern, name)


made: dict[tuple[str, int], list] = {}


def _compile(pattern, flags=0):  # type: ignore[no-untyped-def]
    caller = sys._getframe(1)
    while caller.f_back is not None and caller.f_globals.get("__name__") == "auditor.lazy_pattern":
        caller = caller.f_back  # (compiled at its first use: where it was used, and so run)
    module = caller.f_globals.get("__name__", "?")
    compiled = _real_compile(pattern, flags)
    if not module.startswith("auditor") or not isinstance(pattern, str):
        return compiled
    key = (module, caller.f_lineno)
    made[key] = [pattern, int(compiled.flags), False]
    return _Watched(compiled, key)


COMPILE_ALL = """
import json, re, sys
patterns = json.load(open(sys.argv[1]))
for _ in range({n}):
    re.purge()
    for _, pattern, flags in patterns:
        re.compile(pattern, flags)
"""


def main(argv: list[str] | None = None) -> int:
    path = (argv if argv is not None else sys.argv[1:]) or [str(SEED)]
    re.compile = _compile  # type: ignore[assignment]
    sys.argv = ["auditor", "check", path[0], "--no-cache", "--format", "json"]
    from auditor import cli

    with contextlib.redirect_stdout(io.StringIO()):
        cli.main()
    re.compile = _real_compile
    unused = [(f"{m}:{line}", p, f) for (m, line), (p, f, used) in made.items() if not used]
    times = []
    for _, pattern, flags in unused:
        start = time.perf_counter()
        for _ in range(20):
            re.purge()
            _real_compile(pattern, flags)
        times.append(time.perf_counter() - start)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(unused, handle)
    total = (instructions(sys.executable, "-c", COMPILE_ALL.format(n=REPEATS), handle.name)
             - instructions(sys.executable, "-c", COMPILE_ALL.format(n=0), handle.name)) / REPEATS
    Path(handle.name).unlink()
    print(f"{len(made)} patterns compiled by auditor; {len(unused)} never run: {total / 1e6:.1f} M instructions to compile")
    for share, (where, _, _) in sorted(zip(times, unused), reverse=True):
        print(f"{share / sum(times) * total / 1e6:6.1f} M  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
