"""Sweep: the 24 real tables embedded in whole filings of each era, with each
wrapper of decoys (render_filing), counted by outcome:

  read     every printed figure read where printed, exactly the table's errors
  input    the tool refused the file (an input error)
  misread  a printed figure unread or read as another value, or in other units than printed
  false    errors reported that the figures do not hold, or ones missed

and "decoys": files where a cell outside the schedule was read as a schedule's.

Run: cd tests && PYTHONPATH=..:. python sweep_filings.py [--detail]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import auditor
from auditor import source
from expect import apart, expected_errors, read_cells, reported_errors, schedules_of, units_misread
from render_filing import ERAS, SUBMISSIONS, WRAPPERS, filing, omitted_filing

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not (SHARED / "real-tables").is_dir():
    SHARED = Path("/work/shared")


def outcome(spec: dict, era: str, wrapper: str, ruleset) -> tuple:
    rendered = filing(spec, era, wrapper)
    name = "filing.txt" if era in SUBMISSIONS else "filing.htm"
    result = auditor.check_source(source.from_text(rendered.text, name), ruleset)
    if result.error is not None:
        return "input", str(result.error), False
    read = read_cells(result.schedules)
    printings = [rendered, *rendered.others]  # (a combined filing: a schedule per registrant)
    for f in (f for r in printings for f in r.figures):
        got = read.get((f.line, f.start))
        if got is None or got[1] != f.value:
            return "misread", f"{f.raw} at {f.line}:{f.start} read {got}", False
    if not apart(result.schedules, printings):
        return "misread", f"printings read into schedules {schedules_of(result.schedules, printings)}", False
    wrong_units = units_misread(result.schedules, printings)
    if wrong_units is not None:
        return "misread", wrong_units, False
    printed = {(f.line, f.start) for r in printings for f in r.figures}
    decoy = any(key not in printed for key in read)
    want = set().union(*(expected_errors(spec, r, blank_nils=False) for r in printings))
    got = reported_errors(result)
    if got != want:
        return "false", f"extra {sorted(got - want)} missed {sorted(want - got)}", decoy
    return "read", "", decoy


def main(detail: bool) -> None:
    ruleset = auditor.load_rules()
    specs = {p.stem: json.loads(p.read_text()) for p in sorted((SHARED / "real-tables").glob("*.json"))}
    board: dict = {}
    for era in ERAS:
        for wrapper in WRAPPERS:
            counts: Counter = Counter()
            for name, spec in specs.items():
                kind, why, decoy = outcome(spec, era, wrapper, ruleset)
                counts[kind] += 1
                counts["decoys"] += decoy
                if detail and kind != "read":
                    print(f"  {era} {wrapper} {name}: {kind}: {why[:300]}")
            board[(era, wrapper)] = counts
    print(f"{'era':<12} {'wrapper':<26} read input misread false decoys")
    for (era, wrapper), c in board.items():
        print(f"{era:<12} {wrapper:<26} {c['read']:>4} {c['input']:>5} {c['misread']:>7} {c['false']:>5} {c['decoys']:>6}")
    for era in ERAS:
        name = "filing.txt" if era in SUBMISSIONS else "filing.htm"
        result = auditor.check_source(source.from_text(omitted_filing(era), name), ruleset)
        print(f"omitted {era}: error={result.error} schedules={len(result.schedules)} findings={len(result.findings)}")


if __name__ == "__main__":
    main("--detail" in sys.argv)
