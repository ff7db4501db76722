"""Peak memory (RSS) of `auditor check` against the input's size, per layout.

    .venv/bin/python benchmarks/memory.py                  # 20 MB inputs
    .venv/bin/python benchmarks/memory.py --mb 20 200      # and 200 MB
    .venv/bin/python benchmarks/memory.py --cases html tab

The child imports `auditor` as this interpreter does (from the current
directory first): run it from another checkout to measure that one.

Each case is a real schedule followed by filler in one layout, written to a
temporary file and checked by the command in a child process; the child's
peak RSS comes from wait4.  "x input" is peak RSS over the file's size;
"x input, net" first takes off the RSS of checking a small exhibit (the
interpreter and the package, about the same whatever the input); with
--traced, "traced x" is Python's own peak allocations over the size (RSS
in a sandbox may be reported loosely; this count is exact, and slower).

The result cache is off (--no-cache): a second check of the same bytes
would read its result from the cache, not the file.

Not a test: figures go in the report and SECURITY.md, never in asserts.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "lantronix-2003.txt"
FILINGS = ROOT.parent / "shared" / "filings"
COMMAND = [sys.executable, "-c", "import sys; from auditor.cli import main; sys.exit(main())",
           "check", "--no-cache", "--format", "json"]
# The same, with Python's own count of what it allocates: its peak, written
# to standard error (RSS as this sandbox reports it varies from run to run).
TRACED = [sys.executable, "-c", "import sys, tracemalloc; from auditor.cli import main; tracemalloc.start(); "
          "status = main(); print(tracemalloc.get_traced_memory()[1], file=sys.stderr); sys.exit(status)",
          "check", "--no-cache", "--format", "json"]

TEXT_FILLER = (
    "     The Company's revenues are derived principally from sales of its products to\n"
    "distributors and original equipment manufacturers.  Revenue is recognized upon\n"
    "shipment, net of estimated returns, as described in Note 2 below.\n"
    "\n"
)
TAB_FILLER = (
    "\tNet sales\t\t\t$\t12,345\t\t$\t11,234\n"
    "\tCost of sales\t\t\t\t8,765\t\t\t7,654\n"
    "\t\tGross profit\t\t\t3,580\t\t\t3,580\n"
    "\n"
)


def _html_filler() -> str:
    """A 10-K in HTML: the first real filing found, else a generated page."""
    for name in ("ba-2003-10k/filing.htm", "ibm-2023-10k/primary-document.html"):
        path = FILINGS / name
        if path.exists():
            return path.read_text(encoding="utf-8", errors="replace")
    rows = "".join(f"<tr><td>Item {i}</td><td>{i * 37:,}</td><td>{i * 41:,}</td></tr>\n" for i in range(400))
    return f"<html><body><p>Annual report</p><table>{rows}</table></body></html>\n"


def _html_case() -> tuple:
    """One HTML document: the filing's body printed again and again inside it
    (a file of many documents is read as a submission, each document apart)."""
    page = _html_filler()
    lower = page.lower()
    body = lower.find(">", lower.find("<body")) + 1
    end = lower.rfind("</body>")
    if body <= 0 or end < body:
        return "", page
    return page[:end], page[body:end]


CASES = {
    "html": _html_case,
    "text": lambda: (SEED.read_text(), TEXT_FILLER),
    "tab": lambda: (SEED.read_text(), TAB_FILLER),
    "blank": lambda: (SEED.read_text(), "\n"),
    "letters": lambda: (SEED.read_text(), "a\n"),
}


def write_input(path: Path, case: str, size: int) -> None:
    head, filler = CASES[case]()
    block = filler * max(1, (1 << 20) // len(filler))
    with open(path, "w", encoding="utf-8", newline="") as out:
        written = out.write(head)
        while written < size:
            written += out.write(block[: size - written] if case != "html" else block)
        if case == "html":
            out.write("</body></html>\n")


def peak_rss(path: Path, checkout: Path | None = None) -> tuple:
    """(peak RSS in bytes, seconds, exit status) of one check of `path`, by
    the package in `checkout` if given (the child imports from its directory)."""
    started = time.perf_counter()
    child = subprocess.Popen(COMMAND + [str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=checkout)
    _, status, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss * 1024, time.perf_counter() - started, os.waitstatus_to_exitcode(status)


def traced_peak(path: Path, checkout: Path | None = None) -> int:
    """Python's peak allocations (tracemalloc) in one check of `path`."""
    # (--max-bytes the file's size: a read asks for the most it may take, and
    # tracemalloc counts that allocation, untouched, in full)
    done = subprocess.run(TRACED + ["--max-bytes", str(path.stat().st_size), str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          cwd=checkout)
    last = done.stderr.strip().splitlines()[-1:] or ["0"]
    return int(last[0]) if last[0].isdigit() else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, nargs="+", default=[20])
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), default=list(CASES))
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also run another checkout's package on each input, interleaved (before/after)")
    parser.add_argument("--traced", action="store_true",
                        help="also run each check under tracemalloc: Python's peak allocations over the input's size")
    args = parser.parse_args(argv)
    runs = [("this", None)] + ([("against", args.against.resolve())] if args.against else [])
    base, _, _ = peak_rss(SEED)
    print(f"small exhibit: {base / 2**20:.0f} MB RSS (the interpreter and the package)")
    print(f"{'case':8} {'run':8} {'MB':>5} {'peak MB':>8} {'x input':>8} {'x net':>6} {'s':>6} {'s/MB':>6} exit"
          f"{'  traced x' if args.traced else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            for case in args.cases:
                path = Path(tmp) / f"{case}-{mb}{'.htm' if case == 'html' else '.txt'}"
                write_input(path, case, mb << 20)
                size = path.stat().st_size
                for run, checkout in runs:
                    peak, seconds, status = peak_rss(path, checkout)
                    traced = f"  {traced_peak(path, checkout) / size:9.2f}" if args.traced else ""
                    print(f"{case:8} {run:8} {size / 2**20:5.0f} {peak / 2**20:8.0f} {peak / size:8.2f} "
                          f"{(peak - base) / size:6.2f} {seconds:6.1f} {seconds / (size / 2**20):6.3f} {status:4}"
                          f"{traced}", flush=True)
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
