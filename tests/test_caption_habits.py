"""The 24 real tables with group captions naming no account over their reserves
(caption_habits: "Included in current liabilities:", "Reserves not deducted from
assets:", "Classified as current liabilities", "Shown as liabilities:",
"Allowances deducted in the balance sheet from the assets to which they
apply:", "Reserves included in other liabilities"), one habit at a time, in
text tagged and untagged, typed, HTML and filing software's HTML and iXBRL:
every figure read where it is printed under the label printed (no caption
taken into a reserve's name), exactly the table's errors found, a figure
changed in every other table found at its cell.  `measure` prints right /
silently wrong / refused per habit and layout:

    cd tests && PYTHONPATH=..:. python test_caption_habits.py [HABIT ...]
"""

from __future__ import annotations

import json

import pytest

import auditor
from auditor import source
from caption_habits import HABITS
from conftest import FIXTURES
from expect import expected_errors, row_name
from habit_tally import each_case, habit_cases, misread, tally
from render import render
from render_html import HtmlStyle
from render_html import render as render_html
from render_software import render_software
from test_html_era_markup import TABLES
from test_html_real_tables import SOFTWARE, STYLES
from test_real_tables import LAYOUTS, applicable
from test_text_era import cases  # (each table, and every other one with a figure changed)

RULES = auditor.load_rules()

TEXT = {"text-tagged": LAYOUTS["seed-like"], "text-untagged": LAYOUTS["span-untagged"],
        "typed": LAYOUTS["typed-second-line"], "typed-by-account": LAYOUTS["by-account"]}
HTML = {"html": HtmlStyle(), "ixbrl": STYLES["ixbrl"], "workiva": SOFTWARE["workiva"], "toppan": SOFTWARE["toppan"]}
LAYOUT_NAMES = [*TEXT, *HTML]


def _print(spec: dict, layout: str):
    if layout in TEXT:
        return render(spec, applicable(spec, TEXT[layout])), "t.txt"
    if layout in ("html", "ixbrl"):
        return render_html(spec, HTML[layout]), "t.htm"
    return render_software(spec, HTML[layout]), "t.htm"


def outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused" | "n/a", what differed)."""
    edited = HABITS[habit].spec(spec)
    if edited == spec:
        return "n/a", ""
    rendered, name = _print(edited, layout)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    wrong = misread(result, rendered, lambda: expected_errors(edited, rendered))
    if wrong is not None:
        return wrong
    read = sum(len(s.periods) for s in result.schedules)
    # (cik947425 prints a year of no figures at all: typed, it is no period, caption or not)
    if read not in (len(edited["periods"]), len({f.period for f in rendered.figures})):
        return "wrong", f"{read} periods"
    # (rows printing a figure: a label printed alone is read as its account's blank row, s31-periods4)
    labels = sorted(row_name(r.label) for s in result.schedules for p in s.periods for r in p.rows
                    if any(c is not None for c in r.cells))
    want = sorted(row_name(rendered.row_labels[key]) for key in sorted({(f.period, f.row) for f in rendered.figures}))
    if labels != want:
        return "wrong", f"labels: read {sorted(set(labels) - set(want))[:3]} printed {sorted(set(want) - set(labels))[:3]}"
    return "right", ""


# Not read right yet (strict: a fix must take it off).
UNREAD: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("habit, layout", list(habit_cases(LAYOUT_NAMES, sorted(HABITS), UNREAD)))
def test_real_tables_with_group_captions_read_exactly(habit, layout):
    failures = []
    for path in TABLES:
        for kind, s in cases(path):
            verdict, why = outcome(s, habit, layout)
            if verdict in ("wrong", "refused"):
                failures.append((path.stem, kind, verdict, why[:300]))
    assert failures == []


def cut_outcome(spec: dict, habit: str, layout: str) -> tuple[str, str]:
    """The table cut right after the last group caption it prints (the line, or the caption's
    row in HTML), the reserves under it lost: "refused" where the check says the file is cut."""
    edited = HABITS[habit].spec(spec)
    captions = {r["label"].rstrip(":") for p in edited["periods"] for r in p["rows"] if not r["cells"]}
    if edited == spec:
        return "n/a", ""
    rendered, name = _print(edited, layout)
    at = max(rendered.text.rfind(c) for c in captions)
    if at < 0:
        return "n/a", ""
    end = rendered.text.find("</tr>" if name.endswith(".htm") else "\n", at)
    cut = rendered.text[:end + (5 if name.endswith(".htm") else 1)]
    result = auditor.check_source(source.from_text(cut, name), RULES)
    # (tagged text: "the file ends inside the table opened at line 9", a refusal saying as much)
    if result.error is not None and ("cut" in str(result.error) or "ends inside" in str(result.error)):
        return "right", ""
    return "wrong", f"read, not refused: {str(result.error)[:200]}"


@pytest.mark.parametrize("habit, layout", list(habit_cases(LAYOUT_NAMES, sorted(HABITS), {})))
def test_a_table_cut_right_after_a_group_caption_is_refused_as_cut(habit, layout):
    failures = []
    for path in TABLES:
        verdict, why = cut_outcome(json.loads(path.read_text()), habit, layout)
        if verdict == "wrong":
            failures.append((path.stem, why))
    assert failures == []


def test_rows_under_captions_placing_them_are_read_under_their_own_names():
    """Short labels ("LIFO allowance", "Self-insurance accruals") under captions with no colon naming
    no account ("Classified as current liabilities", "Reserves included in other liabilities"): not
    one label wrapped over two lines; the planted figure found at its cell."""
    name = "brackwater-freight-1997-untagged-captions-placing-reserves"
    clean = auditor.check_file(str(FIXTURES / f"{name}-clean.txt"))
    assert [[r.label for r in p.rows] for s in clean.schedules for p in s.periods] == \
        [["Allowance for doubtful accounts", "LIFO allowance", "Self-insurance accruals", "Claims reserve"]] * 2
    typo = auditor.check_file(str(FIXTURES / f"{name}-row-typo.txt"))
    assert [(f.check, f.location.line, f.location.column, f.row) for f in typo.findings
            if f.severity == "error"] == [("row_identity", 26, 82, "Self-insurance accruals")]


def measure(only: list[str]) -> None:
    tally(sorted(only or HABITS), LAYOUT_NAMES, each_case(TABLES, cases, outcome))
    print("cut right after the last caption:")
    tally(sorted(only or HABITS), LAYOUT_NAMES,
          each_case(TABLES, lambda path: [("cut", json.loads(path.read_text()))], cut_outcome))


if __name__ == "__main__":
    import sys

    measure(sys.argv[1:])
