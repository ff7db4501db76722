"""HTML exhibits cut at their table's tags (issue 16 part 10: no silent pass).

tests/test_hostile_truncation.py cuts every fixture after lines; an HTML
table is often a few long lines, so a cut there falls between rows only where
the markup breaks lines.  Here each HTML fixture is cut right before each tag
of the tables that hold its schedule (from the <table> before its first row
to the </table> after its last), and also inside a tag (a download stopped
mid-tag), and checked: where the whole file has findings (error or warning)
or more rows than the cut reads, the cut must not pass clean.

Bounded: at most MAX_CUTS cuts a file (evenly spread over its tags, each
file starting at another offset; AUDITOR_CUTS=all tries every tag).

    cd tests && PYTHONPATH=..:. python html_cuts.py [NAME-SUBSTRING ...]
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from auditor import pipeline, source
from auditor.ruleset import rules

HERE = Path(__file__).resolve().parent
FILES = sorted((HERE / "fixtures" / "html").glob("*.htm")) + sorted((HERE / "fixtures" / "xbrl").glob("*.htm"))
MAX_CUTS = 10 ** 9 if os.environ.get("AUDITOR_CUTS") == "all" else int(os.environ.get("AUDITOR_HTML_CUTS", "24"))
TAG = re.compile(r"<")
TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_RULES = None


def ruleset():
    global _RULES
    if _RULES is None:
        _RULES = rules.load()
    return _RULES


def check(text: str, name: str) -> pipeline.FileResult:
    return pipeline.check_source(source.from_text(text, name), ruleset())


def rows(result: pipeline.FileResult) -> int:
    return sum(len(p.rows) for s in result.schedules for p in s.periods)


def clean(result: pipeline.FileResult) -> bool:
    return result.error is None and not any(f.severity in ("error", "warning") for f in result.findings)


def table_span(text: str, whole: pipeline.FileResult) -> tuple[int, int]:
    """The character offsets of the tables that hold the schedule's rows."""
    lines = [r.line for s in whole.schedules for p in s.periods for r in p.rows]
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    first = starts[min(lines) - 1]
    last = starts[min(max(lines), len(starts) - 1)]
    opens = [m.start() for m in TABLE_OPEN.finditer(text, 0, first + 1)]
    close = TABLE_CLOSE.search(text, last)
    return (opens[-1] if opens else first), (close.end() if close else len(text))


def cut_points(text: str, span: tuple[int, int], offset: int) -> list[int]:
    """Offsets to cut at: before each tag in the span, and inside every other one, sampled."""
    tags = [m.start() for m in TAG.finditer(text, span[0], span[1])]
    points = sorted({t for t in tags[1:]} | {t + 3 for t in tags[1::2]} | {span[1]})
    if len(points) > MAX_CUTS:
        step = len(points) / MAX_CUTS
        points = [points[min(len(points) - 1, int((i + (offset % 7) / 7) * step))] for i in range(MAX_CUTS)]
    return points


def silent_cuts(path: Path, index: int = 0) -> tuple[int, list[tuple[int, int, int]]]:
    """(cuts tried, [(offset, rows read, rows in all)] of the cuts that pass clean)."""
    text = source.decode(path.read_bytes(), str(path))[0]
    whole = check(text, path.name)
    if whole.error is not None or not whole.schedules:
        return 0, [(-1, 0, 0)]  # (the whole file must read)
    points = cut_points(text, table_span(text, whole), index)
    silent = []
    for at in points:
        if at >= len(text.rstrip()):
            continue  # (the whole file, or it less its trailing blank lines)
        cut = check(text[:at], path.name)
        if clean(cut) and (not clean(whole) or rows(cut) < rows(whole)):
            silent.append((at, rows(cut), rows(whole)))
    return len(points), silent


def main(argv: list[str]) -> int:
    chosen = [p for p in FILES if not argv[1:] or any(a in p.name for a in argv[1:])]
    tried = failing = 0
    start = time.perf_counter()
    for i, path in enumerate(chosen):
        count, silent = silent_cuts(path, i)
        tried += count
        if silent:
            failing += 1
            print(f"{path.parent.name}/{path.name}: {len(silent)} of {count} cuts pass clean: {silent[:6]}")
    print(f"{len(chosen)} files, {tried} cuts, {failing} files with a cut passing clean, "
          f"{time.perf_counter() - start:.0f} s")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
