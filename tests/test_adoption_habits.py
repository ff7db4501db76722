"""The 24 real tables with a standard's adoption printed as rows of their own (adoption_habits:
an adoption row per reserve, above the reserves or under each; the first year opening with its
adoption), one habit at a time, in tagged and untagged EDGAR text, a typed layout, HTML, iXBRL
and two filing softwares' HTML: every figure read where it is printed, each adoption carried into
the reserve its label names (and the total), exactly the table's errors found, and a figure
changed in every other table found at its cell.  `measure` prints right / silently wrong /
refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_adoption_habits.py [HABIT ...]
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest

import auditor
from adoption_habits import HABITS
from auditor import source
from expect import expected_errors, row_name
from habit_tally import clean_and_planted, habit_cases, misread, refusal_as_said, tally
from render import parse_cell, render
from render_html import render as render_html
from render_software import render_software
from test_html_era_markup import TABLES, planted
from test_html_real_tables import SOFTWARE, STYLES
from test_real_tables import LAYOUTS, applicable

RULES = auditor.load_rules()

TEXT = {
    "text-tagged": LAYOUTS["seed-like"],
    "text-untagged": replace(LAYOUTS["span-untagged"], total_label="keep"),
    "typed": LAYOUTS["typed-second-line"],
}
HTML = {"html": STYLES["split"], "ixbrl": STYLES["ixbrl"]}
LAYOUT_NAMES = [*TEXT, *HTML, "workiva", "toppan"]


def _print(spec: dict, layout: str):
    if layout in TEXT:
        return render(spec, applicable(spec, TEXT[layout])), "t.txt"
    if layout in HTML:
        return render_html(spec, HTML[layout]), "t.htm"
    return render_software(spec, SOFTWARE[layout]), "t.htm"


def _shadow(spec: dict) -> dict:
    """The spec with each adopted row's balance at beginning less its adoption: its plain carry
    forward is the adoption's carry forward."""
    shadow = json.loads(json.dumps(spec))
    opening = shadow["roles"][1:].index("beginning")
    for period in shadow["periods"]:
        for row in period["rows"]:
            if "adopted" in row:
                kind, value, decimals = parse_cell(row["cells"][opening])
                body = f"{abs(value - Decimal(row['adopted'])):,.{decimals}f}"
                row["cells"][opening] = f"({body})" if value - Decimal(row["adopted"]) < 0 else body
    return shadow


def expected(spec: dict, rendered) -> set:
    """expect.expected_errors, the adopted rows' carries forward checked through their adoption,
    and no row identity on an adoption row printing no balance at end (it joins a balance)."""
    def named(pi, ri):
        return row_name(rendered.row_labels[(pi, ri)])
    adopted = {named(pi, ri) for pi, p in enumerate(spec["periods"]) for ri, r in enumerate(p["rows"]) if "adopted" in r}
    opens = {named(pi, ri) for pi, p in enumerate(spec["periods"]) for ri, r in enumerate(p["rows"])
             if r.get("adoption_opens")}
    found = {e for e in expected_errors(spec, rendered)
             if not (e[0] == "carry_forward" and e[1] in adopted) and not (e[0] == "row_identity" and e[1] in opens)}
    if adopted:
        found |= {e for e in expected_errors(_shadow(spec), rendered) if e[0] == "carry_forward" and e[1] in adopted}
    return found


def outcome(spec: dict, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused", what differed)."""
    rendered, name = _print(spec, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    return misread(result, rendered, lambda: expected(spec, rendered)) or ("right", "")


cases = clean_and_planted(TABLES)


def _habit_spec(spec: dict, habit: str, kind: str):
    made = HABITS[habit](spec)
    return made if made is None or kind == "clean" else planted(made)


# Habits not read right yet, by layout (strict: a fix must take it off).
UNREAD: dict[tuple[str, str], str] = {}

# Refusals, never readings, each an input error naming its line: (table, habit or "*", layout or "*").
REFUSED: set[tuple[str, str, str]] = set()


@pytest.mark.parametrize("habit, layout", list(habit_cases(LAYOUT_NAMES, sorted(HABITS), UNREAD)))
def test_real_tables_with_adoption_rows_read_exactly(habit, layout):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            made = _habit_spec(s, habit, kind)
            if made is None:
                continue
            verdict, why = outcome(made, layout)
            if verdict == "wrong" or verdict == "refused" and not refusal_as_said(REFUSED, path.stem, habit, layout):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def test_each_habit_applies_to_enough_tables():
    specs = [json.loads(path.read_text()) for path in TABLES]
    for name, habit in HABITS.items():
        assert sum(habit(s) is not None for s in specs) >= 4, name


def _verdicts(habit: str, layout: str):
    for path in TABLES:
        for kind, s in cases(path):
            made = _habit_spec(s, habit, kind)
            if made is not None:
                yield (f"{path.stem}/{kind}", *outcome(made, layout))


def measure(only: list[str]) -> None:
    tally(sorted(only or HABITS), LAYOUT_NAMES, _verdicts)


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])
