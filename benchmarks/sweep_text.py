"""The real-tables text sweep: every table of ../shared/real-tables rendered
in every text layout of tests/test_real_tables.py, read back and checked.

Counts, per layout and in all: cases that stop with an input error, error
findings the figures do not hold (false), errors the figures hold that are
reported (found) and not (missed).  A measurement, not a test:

    .venv/bin/python benchmarks/sweep_text.py [--list]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import json  # noqa: E402

import auditor  # noqa: E402
from expect import expected_errors, reported_errors  # noqa: E402
from test_real_tables import LAYOUTS, applicable  # noqa: E402
from render import render  # noqa: E402


def sweep(listing: bool = False) -> dict:
    shared = ROOT.parent / "shared" / "real-tables"
    totals = {"cases": 0, "input errors": 0, "false errors": 0, "found": 0, "missed": 0, "cases with false errors": 0}
    per_layout = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "exhibit.txt"
        for table in sorted(shared.glob("*.json")):
            spec = json.loads(table.read_text())
            for name, layout in LAYOUTS.items():
                layout = applicable(spec, layout)
                rendered = render(spec, layout)
                path.write_text(rendered.text, encoding="utf-8")
                result = auditor.check_file(str(path))
                row = per_layout.setdefault(name, dict.fromkeys(totals, 0))
                for counts in (totals, row):
                    counts["cases"] += 1
                if result.error is not None:
                    for counts in (totals, row):
                        counts["input errors"] += 1
                    if listing:
                        print(f"{table.stem} {name}: {result.error}")
                    continue
                expected = expected_errors(spec, rendered, blank_nils=layout.nil == "")
                got = reported_errors(result)
                for counts in (totals, row):
                    counts["false errors"] += len(got - expected)
                    counts["cases with false errors"] += bool(got - expected)
                    counts["found"] += len(got & expected)
                    counts["missed"] += len(expected - got)
                if listing and got != expected:
                    print(f"{table.stem} {name}: false {sorted(got - expected)} missed {sorted(expected - got)}")
    for name, row in per_layout.items():
        print(f"{name:24} {row}")
    print(f"{'all':24} {totals}")
    return totals


if __name__ == "__main__":
    sweep("--list" in sys.argv)
