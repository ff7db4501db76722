"""Every text fixture cut after each line of its schedule: which cuts pass silently.

A cut is silent where the cut text reads with no input error and no warning that part of
the schedule may be missing (VQ008: the file ends at the table; VQ006: the title names years
not read), and still reads fewer rows (or periods) than the whole file: the reader is told
nothing of what was lost.  Each silent cut is of a kind:
  between-periods  the periods read are the whole file's first ones, each whole (a text file
                   cut there shows nothing: the documented gap, a smaller company's whole
                   exhibit of two years ends so)
  short-periods    as many periods as the whole file, fewer rows (a table of accounts'
                   blocks, each printing every year, cut between blocks)
  inside           a period read short of its rows
(Rows are counted where they print an amount other than nil: a row of blanks or dashes a cut loses
takes no figure with it.)  (tests/test_hostile_truncation.py checks a sample of cuts and names the
ones a text file cannot show; this lists every one, by fixture and line.)

    cd tests && PYTHONPATH=$PWD/..:. python cut_habits.py [NAME ...] [--all]  (--all: the between-periods cuts listed too)
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditor import pipeline, source
from auditor.ruleset import rules

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULESET = rules.load()


def check(text: str, name: str) -> pipeline.FileResult:
    return pipeline.check_source(source.from_text(text, name), RULESET)


def counts(result: pipeline.FileResult) -> tuple[int, int]:
    """(rows printing an amount, periods) read."""
    periods = [p for s in result.schedules for p in s.periods]
    return sum(shape(result)), len(periods)


def prints_amount(row) -> bool:
    """Whether a row prints an amount other than nil: a row of blanks or dashes alone ("Reserve for
    product returns" over no figure, a reserve not yet set up printing "-" in every column) is
    nothing a cut loses but the line (its checks read nils only)."""
    return any(c is not None and c.value is not None and c.value != 0 for c in row.cells)


MISSING = ("VQ006", "VQ008")  # the rules that say part of the schedule may be unread


def said(result: pipeline.FileResult) -> bool:
    return result.error is not None or any(f.rule in MISSING for f in result.findings)


def shape(result: pipeline.FileResult) -> list[int]:
    """Each period's count of rows printing an amount (`prints_amount`), in the order read."""
    return [sum(map(prints_amount, p.rows)) for s in result.schedules for p in s.periods]


def kind(cut: list[int], whole: list[int]) -> str:
    if len(cut) < len(whole) and cut == whole[: len(cut)]:
        return "between-periods"
    if len(cut) == len(whole):
        return "short-periods"
    return "inside"


def silent_cuts(path: Path) -> tuple[int, list[tuple[int, int, int, int, int, str]]]:
    """(cuts tried, [(line, rows, periods, rows whole, periods whole, kind)] of the silent ones)."""
    text = source.decode(path.read_bytes(), str(path))[0]
    whole = check(text, path.name)
    if whole.error is not None:
        return 0, []
    numbers = [r.line for s in whole.schedules for p in s.periods for r in p.rows]
    if not numbers:
        return 0, []
    rows_whole, periods_whole = counts(whole)
    lines = text.splitlines(keepends=True)
    found, tried = [], 0
    for k in range(min(numbers), min(len(lines), max(numbers) + 4)):
        tried += 1
        cut = check("".join(lines[:k]), path.name)
        if said(cut):
            continue
        rows, periods = counts(cut)
        if rows < rows_whole or periods < periods_whole:
            found.append((k, rows, periods, rows_whole, periods_whole, kind(shape(cut), shape(whole))))
    return tried, found


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("--")]
    paths = [FIXTURES / f"{n}.txt" for n in names] if names else sorted(FIXTURES.glob("*.txt"))
    kinds = {"between-periods": 0, "short-periods": 0, "inside": 0}
    tried = 0
    for path in paths:
        n, found = silent_cuts(path)
        tried += n
        for *_, how in found:
            kinds[how] += 1
        shown = [f for f in found if "--all" in argv or f[-1] != "between-periods"]
        if shown:
            print(f"{path.stem}: " + " ".join(f"{k}({r}/{rw}r,{p}/{pw}p,{how})" for k, r, p, rw, pw, how in shown),
                  flush=True)
    print(f"{len(paths)} files, {tried} cuts, silent: {sum(kinds.values())} "
          + ", ".join(f"{how} {n}" for how, n in kinds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
