"""Instruction counts (valgrind's callgrind), which do not drift as wall time does
on a shared machine: the figures to compare before and after a change.

    .venv/bin/python benchmarks/instructions.py [FILE ...]

For each file (default: the seed), the instructions of one in-process check
(and, for HTML, of one pass of Python's `html.parser` over it, the reference
the HTML front end is measured against), measured as the difference between a process that checks it N+1 times and
one that checks it once (so start-up and the first build of the parser
cancel out); then the CLI on the seed and `python3 -c "import lark"`.
Not a test: figures go in the README and the notes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "lantronix-2003.txt"
REPEATS = 10

# Each check is of a Source of its own around the same lines, as each file of a
# run is: what a source keeps once found (the words of a document) is found
# again by each check, not once for all of them.
CHECK = """
import sys, auditor
from auditor import source
rules = auditor.load_rules()
read = source.read(sys.argv[1])
for _ in range(int(sys.argv[2])):
    src = source.Source(read.path, read.lines, read.encoding)
    auditor.check_source(src, rules)
"""


def instructions(*command: str) -> int:
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                         capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if not found:
        raise SystemExit(f"valgrind gave no count for {command}: {run.stderr[-500:]}")
    return int(found.group(1))


# The reference for an HTML document: one pass of Python's own HTML parser over it.
HTML_PARSE = """
import sys
from html.parser import HTMLParser
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
for _ in range(int(sys.argv[2])):
    HTMLParser().feed(text)
"""


def per_run(script: str, path: Path, repeats: int = REPEATS) -> float:
    once = instructions(sys.executable, "-c", script, str(path), "1")
    many = instructions(sys.executable, "-c", script, str(path), str(repeats + 1))
    return (many - once) / repeats


def main(argv=None) -> int:
    files = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [SEED]
    missing = [str(path) for path in files if not path.is_file()]
    if missing:  # (else each process fails alike and the difference of their counts reads as 0)
        raise SystemExit(f"instructions.py: no such file: {', '.join(missing)}")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "auditor")], check=True)
    for path in files:
        check = per_run(CHECK, path)
        line = f"{path}: {check / 1e6:.1f} M instructions per in-process check"
        if path.suffix.lower() in (".htm", ".html"):
            parse = per_run(HTML_PARSE, path, 1)
            line += f"; one html.parser pass {parse / 1e6:.1f} M (check / pass = {check / parse:.2f})"
        print(line)
    auditor_script = str(Path(sys.executable).parent / "auditor")
    # (--no-cache: each run checks; a cached result would measure the cache)
    cli = instructions(auditor_script, "check", str(SEED), "--format", "json", "--no-cache")
    lark = instructions(sys.executable, "-c", "import lark")
    print(f"CLI check of the seed: {cli / 1e6:.0f} M; import lark: {lark / 1e6:.0f} M; ratio {cli / lark:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
