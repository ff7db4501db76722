"""The red teams' measure: of every case of the real tables, how many a habit
leaves right, silently wrong or refused, per layout.  Printed when a habits
test runs as a script (`cd tests && PYTHONPATH=..:. python test_label_habits.py
[HABIT ...]`); the tests themselves assert on the same outcomes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Optional

from expect import printed_html_cells, read_cells, reported_errors, units_differ

Verdicts = Callable[[str, str], Iterable[tuple[str, str, str]]]  # (habit, layout) -> (case, verdict, why)...
NOTES = 2  # the first cases not right, shown under each line


def tally(habits: Iterable[str], layouts: Sequence[str], verdicts: Verdicts, notes: int = NOTES) -> None:
    """A line per habit and layout: right / wrong / refused ("n/a" cases not
    counted; a layout no case applies to not shown), the first cases not right under it."""
    for habit in habits:
        for layout in layouts:
            counts = {"right": 0, "wrong": 0, "refused": 0}
            said: list[str] = []
            for case, verdict, why in verdicts(habit, layout):
                if verdict == "n/a":
                    continue
                counts[verdict] += 1
                if verdict != "right" and len(said) < notes:
                    said.append(f"{case} {verdict}: {why[:220]}")
            if not sum(counts.values()):
                continue
            print(f"{habit:26} {layout:20} right {counts['right']:2}  wrong {counts['wrong']:2}  "
                  f"refused {counts['refused']:2}", flush=True)
            for line in said:
                print("      ", line, flush=True)


def each_case(tables: Sequence, cases: Callable, outcome: Callable[[dict, str, str], tuple[str, str]]) -> Verdicts:
    """The verdicts of `outcome(spec, habit, layout)` over every case of every table."""
    def verdicts(habit: str, layout: str) -> Iterator[tuple[str, str, str]]:
        for path in tables:
            for kind, spec in cases(path):
                verdict, why = outcome(spec, habit, layout)
                yield f"{path.stem}/{kind}", verdict, why
    return verdicts


def misread(result, rendered, want: Callable[[], set], units: Optional[str] = None) -> Optional[tuple[str, str]]:
    """("refused" | "wrong", why) where the check refused the rendered table, gave
    other errors than `want()`, read its cells other than printed, or read other units
    than the case states (`units`, else `rendered.units`, what its renderer printed:
    "thousands", "millions"; "dollars", none stated, none to read; None, not known); None
    where it read them as printed (each habits test then looks further its own way)."""
    if result.error is not None:
        return "refused", str(result.error)
    wrong_units = units_differ(result.schedules, units if units is not None else getattr(rendered, "units", None))
    if wrong_units is not None:
        return "wrong", wrong_units
    got, wanted = reported_errors(result), want()
    if got != wanted:
        return "wrong", f"findings: extra {sorted(got - wanted)[:2]} missing {sorted(wanted - got)[:2]}"
    cells = {k: v for k, (_, v) in read_cells(result.schedules).items()}
    printed = {k: v for k, (_, v) in printed_html_cells(rendered).items()}
    if cells != printed:
        extra = sorted(set(cells.items()) - set(printed.items()))[:3]
        missing = sorted(set(printed.items()) - set(cells.items()))[:3]
        return "wrong", f"cells: read {extra} not printed {missing}"
    return None


def habit_cases(layouts: Iterable[str], habits: Iterable[str], unread: dict) -> Iterator:
    """pytest's (habit, layout) parameters, layout by layout; a pair `unread`
    pins is a strict xfail (a fix must take it off) giving its reason."""
    import pytest

    habits = list(habits)
    for layout in layouts:
        for habit in habits:
            marks = [pytest.mark.xfail(strict=True, reason=unread[habit, layout])] if (habit, layout) in unread else []
            yield pytest.param(habit, layout, id=f"{layout}-{habit}", marks=marks)


def refusal_as_said(refused: set, stem: str, habit: str, layout: str) -> bool:
    """Whether `refused` pins (table, habit or "*", layout or "*")."""
    return any((stem, h, l) in refused for h in (habit, "*") for l in (layout, "*"))


def clean_and_planted(tables: Sequence) -> Callable:
    """cases(path) -> (kind, spec): the table clean, and every other table again
    to have a figure planted (`habit_spec`)."""
    def cases(path):
        import json

        spec = json.loads(path.read_text())
        yield "clean", spec
        if tables.index(path) % 2 == 0:
            yield "planted", spec
    return cases


def habit_spec(habits: dict, planted: Callable, spec: dict, habit: str, kind: str):
    """The table with the habit applied (None where it does not apply), a
    reserve's figure changed by `planted` in a "planted" case."""
    made = habits[habit].spec(spec)
    if made is None or kind == "clean":
        return made
    return planted(made)
