"""Corpus benchmark: files and MB per second for -j 1, -j 2 and Dask, the
cache's second run, and peak memory at 200 and 2,000 files.

    .venv/bin/python benchmarks/corpus_bench.py             # 1,000 files (2,000 for memory)
    .venv/bin/python benchmarks/corpus_bench.py --files 300 # smaller, quicker

The corpus is generated into a temporary directory and deleted afterwards:
in every hundred files, 89 small exhibits (each its own figures), 9 one-MB
submissions (5 with a schedule inside, 4 without) and 2 ten-MB submissions
(one with, one without).  Every run is the command line, as a user runs it
(`auditor check --files-from LIST --format jsonl -q`, output to /dev/null).
The runs are timed again over two small exhibits: what a run costs whatever
its size (the command's start, a pool's or a cluster's start and close),
reported, and the ratios given again without it.
Not a test: nothing is asserted about time.  On a shared machine the figures
are noisy; run it when the machine is quiet, and read ratios, not ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "lantronix-2003.txt"
AUDITOR = str(Path(sys.executable).parent / "auditor")
# As a user runs it: with the package's bytecode cached (an environment that
# sets PYTHONDONTWRITEBYTECODE compiles every module at every start, 80 ms).
AS_INSTALLED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def filler(size: int, tag: str) -> str:
    line = "Narrative text of the annual report: revenue, costs and the outlook for the year {:>8}.\n"
    block = "".join(line.format(i) for i in range(2000))
    return (f"<DOCUMENT>\n<TYPE>{tag}\n<TEXT>\n" + block * (size // len(block) + 1))[:size] + "\n</TEXT>\n</DOCUMENT>\n"


def exhibit(n: int) -> str:
    """The seed with its own figures (no two files alike, so no cache sharing)."""
    return SEED.read_text().replace("9,762", f"{9000 + n % 997:,}").replace("Lantronix", f"Company {n}")


def submission(n: int, size: int, with_schedule: bool) -> str:
    inner = (f"<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n{exhibit(n)}</TEXT>\n</DOCUMENT>\n" if with_schedule else "")
    return (f"<SEC-DOCUMENT>0000950000-{n:08}.txt\n" + filler(size // 2, "10-K") + inner
            + filler(size // 2, "EX-27") + "</SEC-DOCUMENT>\n")


def kind(n: int) -> str:
    k = n % 100
    if k == 7:
        return "10mb-with"
    if k == 57:
        return "10mb-without"
    if k in (3, 23, 43, 63, 83):
        return "1mb-with"
    if k in (13, 33, 53, 73):
        return "1mb-without"
    return "exhibit"


def generate(directory: Path, count: int) -> list:
    big = {"10mb": 10_000_000, "1mb": 1_000_000}
    paths = []
    for n in range(count):
        what = kind(n)
        path = directory / f"{n:05}-{what}.txt"
        if what == "exhibit":
            path.write_text(exhibit(n))
        else:
            size, _, schedule = what.partition("-")
            path.write_text(submission(n, big[size], schedule == "with"))
        paths.append(path)
    return paths


def file_list(directory: Path, paths: list, name: str) -> Path:
    listing = directory / name
    listing.write_text("".join(f"{p}\n" for p in paths))
    return listing


def timed(args: list) -> tuple:
    """(wall seconds, peak RSS in MB of the command's main process)."""
    command = ["/usr/bin/time", "-f", "%M", AUDITOR, "check", "-q", "--format", "jsonl", *args]
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=AS_INSTALLED)
    wall = time.perf_counter() - start
    peak = int(proc.stderr.strip().splitlines()[-1]) / 1024 if shutil.which("/usr/bin/time") else float("nan")
    if proc.returncode not in (0, 1, 2):
        raise SystemExit(f"auditor exited {proc.returncode}: {proc.stderr[-500:]}")
    return wall, peak


def row(name, wall, count, megabytes, peak=None) -> str:
    memory = f" {peak:8.0f} MB" if peak is not None else ""
    return f"| {name:<42} | {wall:8.2f} s | {count / wall:8.1f} files/s | {megabytes / wall:7.1f} MB/s |{memory}"


def locate_versus_regex(paths) -> str:
    """A 10 MB submission: locate + check, against one case-insensitive regex pass over it."""
    sys.path.insert(0, str(ROOT))
    import auditor
    from auditor import source

    target = next(p for p in paths if "10mb-with" in p.name)
    src = source.read(str(target))
    ruleset = auditor.load_rules()
    pattern = re.compile(r"valuation\s+and\s+qualifying\s+accounts", re.IGNORECASE)
    text = src.joined()

    def best(fn, repeats=5):
        fn()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    check = best(lambda: auditor.check_source(src, ruleset))
    scan = best(lambda: list(pattern.finditer(text)))
    return f"10 MB submission: locate + check {check * 1000:.0f} ms, one case-insensitive regex pass " \
           f"{scan * 1000:.0f} ms: {check / scan:.1f}x"


def ratios(walls: dict, no_dask: bool) -> str:
    pool = walls["-j 2 (process pool)"]
    said = f"-j 2 is {walls['-j 1'] / pool:.2f}x -j 1"
    if not no_dask:
        said += f"; Dask's wall time is {walls['--engine dask, LocalCluster of 2 workers'] / pool:.2f}x the pool's"
    return said


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="files in the timed corpus (default 1000)")
    parser.add_argument("--memory-files", type=int, nargs=2, default=(200, 2000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--repeats", type=int, default=3, help="rounds of the -j 1 / -j 2 / Dask runs (default 3)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="auditor-corpus-"))
    try:
        count = max(args.files, *args.memory_files)
        started = time.perf_counter()
        (work / "corpus").mkdir()
        paths = generate(work / "corpus", count)
        print(f"generated {count} files ({sum(p.stat().st_size for p in paths) / 1e6:.0f} MB) "
              f"in {time.perf_counter() - started:.0f} s, cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
        subprocess.run([AUDITOR, "check", "-q", str(SEED)], stdout=subprocess.DEVNULL, env=AS_INSTALLED)  # (bytecode written)
        timed_paths = paths[: args.files]
        megabytes = sum(p.stat().st_size for p in timed_paths) / 1e6
        listing = file_list(work, timed_paths, "files.txt")
        print(f"| run ({len(timed_paths)} files, {megabytes:.0f} MB) | wall | files/s | MB/s | peak RSS (main) |")
        print("|---|---|---|---|---|")
        runs = [("-j 1", ["-j", "1", "--no-cache"]), ("-j 2 (process pool)", ["-j", "2", "--no-cache"])]
        if not args.no_dask:
            runs.append(("--engine dask, LocalCluster of 2 workers", ["--engine", "dask", "-j", "2", "--no-cache"]))
        # Taken in turns, `--repeats` rounds, each run's median reported: a
        # shared machine's load then falls on every run alike.
        walls: dict = {name: [] for name, _ in runs}
        peaks: dict = {name: [] for name, _ in runs}
        for _ in range(args.repeats):
            for name, extra in runs:
                wall, peak = timed([*extra, "--files-from", str(listing)])
                walls[name].append(wall)
                peaks[name].append(peak)
        for name, _ in runs:
            print(row(name, statistics.median(walls[name]), len(timed_paths), megabytes, max(peaks[name])), flush=True)
        print("each round, in turn: " + "; ".join(f"{name.split(',')[0]} " + " ".join(f"{w:.2f}" for w in walls[name])
                                                for name, _ in runs), flush=True)
        medians = {name: statistics.median(w) for name, w in walls.items()}
        print(f"medians of {args.repeats} rounds: {ratios(medians, args.no_dask)}", flush=True)
        # What a run costs whatever its size (start, imports, a pool's or a
        # cluster's start and close): the same commands over two small
        # exhibits.  Without it, the ratios are those of a corpus of 220,000
        # files, where the fixed costs vanish.
        pair = file_list(work, [p for p in paths if kind(int(p.name[:5])) == "exhibit"][:2], "two.txt")
        fixed = {name: statistics.median(timed([*extra, "--files-from", str(pair)])[0] for _ in range(args.repeats))
                 for name, extra in runs}
        print("fixed cost (2 small exhibits): " + "; ".join(f"{name.split(',')[0].split(' (')[0]} {w:.2f} s"
                                                             for name, w in fixed.items()), flush=True)
        per_file = {name: medians[name] - fixed[name] for name in medians}
        print(f"without the fixed costs: {ratios(per_file, args.no_dask)}", flush=True)
        cache = str(work / "cache")
        for name in ("-j 2, cache empty (first run)", "-j 2, cache full (second run)"):
            wall, peak = timed(["-j", "2", "--cache-dir", cache, "--files-from", str(listing)])
            print(row(name, wall, len(timed_paths), megabytes, peak), flush=True)
        for n in args.memory_files:
            subset = file_list(work, paths[:n], f"first-{n}.txt")
            size = sum(p.stat().st_size for p in paths[:n]) / 1e6
            for jobs in ("1", "2"):
                wall, peak = timed(["-j", jobs, "--no-cache", "--files-from", str(subset)])
                print(row(f"memory: {n} files, -j {jobs}", wall, n, size, peak), flush=True)
        print(locate_versus_regex(paths))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
