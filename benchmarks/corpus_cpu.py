"""Where a corpus run's CPU goes: the main process's against its workers',
per file, for -j 1 and -j 2.  CPU seconds (getrusage), not wall time, so
the figures hold on a loaded machine (other processes take turns on the
cores, they do not add to this run's CPU).

    .venv/bin/python benchmarks/corpus_cpu.py              # 300 files of the corpus benchmark
    .venv/bin/python benchmarks/corpus_cpu.py --files 100 --exhibits-only

The main process's share bounds -j N's speed-up: with P its CPU per file
and W the workers', N workers cannot go faster than max(P, W / N) a file.
The corpus is corpus_bench's (exhibits, 1 MB and 10 MB submissions).
Each run is the command line in a process of its own (`auditor.cli.main`,
output to /dev/null), which reports its own CPU and its workers': the
workers are measured in their own processes (a forkserver's workers are
not this process's children), summed over the run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_bench import file_list, generate, kind  # noqa: E402

# Run in a process of its own: the command line, its pool sending each batch
# to `probe.check_batch`, which writes the worker's CPU so far after each
# batch (a pool's workers are stopped, not left to run exit handlers); the
# main process's own CPU is written at the end.
PROBE = """
import json, os, resource, sys

def mine():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return [r.ru_utime, r.ru_stime, r.ru_minflt]

def write(kind):
    with open(os.environ["AUDITOR_CPU_REPORT"], "a") as report:
        report.write(json.dumps([kind, os.getpid(), *mine()]) + "\\n")

def check_batch(batch, options):
    from auditor.corpus import work
    try:
        return work.check_batch(batch, options)
    finally:
        write("worker")

if __name__ == "__main__":
    from auditor.corpus import engines
    import probe
    engines.check_batch = probe.check_batch
    from auditor.cli import main
    code = main(sys.argv[1:])
    write("main")
    from multiprocessing import forkserver
    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if server:  # (its CPU so far, from /proc: it is not this process's to wait for)
        with open(f"/proc/{server}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        tick = os.sysconf("SC_CLK_TCK")
        with open(os.environ["AUDITOR_CPU_REPORT"], "a") as report:
            report.write(json.dumps(["forkserver", server, int(fields[11]) / tick, int(fields[12]) / tick, 0]) + "\\n")
    sys.exit(code)
"""


def measured(listing: Path, jobs: str, report: Path) -> dict:
    report.write_text("")
    (report.parent / "probe.py").write_text(PROBE)
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{report.parent}", "AUDITOR_CPU_REPORT": str(report)}
    with open(os.devnull, "w") as null:
        subprocess.run([sys.executable, str(report.parent / "probe.py"), "check", "-q", "--no-cache", "--format", "jsonl",
                        "-j", jobs, "--files-from", str(listing)], stdout=null, stderr=null, env=env, check=False)
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    last: dict = {}  # (kind, pid) -> [user, system, minor faults] at its last report
    for kind, pid, *figures in rows:
        last[kind, pid] = max(last.get((kind, pid), figures), figures)
    out = {"count": sum(1 for kind, _ in last if kind == "worker")}
    for who in ("main", "worker", "forkserver"):
        mine = [f for (kind, _), f in last.items() if kind == who]
        out[who] = sum(f[0] + f[1] for f in mine)
        out[who + " system"] = sum(f[1] for f in mine)
        out[who + " faults"] = sum(f[2] for f in mine)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--exhibits-only", action="store_true", help="only the small exhibits (the parent's worst case)")
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="auditor-cpu-"))
    try:
        (work / "corpus").mkdir()
        paths = generate(work / "corpus", args.files)
        if args.exhibits_only:
            paths = [p for p in paths if kind(int(p.name[:5])) == "exhibit"]
        listing = file_list(work, paths, "files.txt")
        pair = file_list(work, [p for p in paths if kind(int(p.name[:5])) == "exhibit"][:2], "two.txt")
        print(f"{len(paths)} files, load {os.getloadavg()[0]:.1f}")
        for jobs in ("1", "2"):
            for _ in range(args.repeats):
                fixed = measured(pair, jobs, work / "report")
                run = measured(listing, jobs, work / "report")
                per = {k: (run[k] - fixed[k]) / (len(paths) - 2) for k in run}
                print(f"-j {jobs}: main {run['main']:.2f} s (fixed {fixed['main']:.2f}), workers {run['worker']:.2f} s "
                      f"(fixed {fixed['worker']:.2f}, {run['count']} processes); per file: main {per['main'] * 1000:.2f} ms "
                      f"({per['main system'] * 1000:.2f} system, {per['main faults']:.0f} page faults), workers "
                      f"{per['worker'] * 1000:.2f} ms ({per['worker system'] * 1000:.2f} system, "
                      f"{per['worker faults']:.0f} page faults); forkserver {run['forkserver']:.2f} s", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
