"""Two habits at once: the single-habit red teams' habits composed, as real filings carry them.

Test support, not part of the tool.  Each habits harness (period_habits, total_habits,
heading_habits, label_habits, blank_habits, form_habits, unit_habits) applies ONE habit to
the 24 real tables; a real filing prints several (a footnoted total under a wrapped heading
under "Fiscal year ended ...", nils as "-0-").  Here two habits of DIFFERENT harnesses are
applied together: their spec edits composed (in a fixed order, the one that shapes columns
first: heading, blank, total, unit, label, period; a total's parts followed through later
edits by the rows themselves), then the table rendered in each layout those harnesses
share (EDGAR text tagged and untagged, a typed layout, HTML, Workiva-style iXBRL), then
each habit's edit of the rendered text or markup on top where the layout has one.

A case is right where every printed figure is read where printed and exactly the errors
the figures hold are found (habit_tally.misread; the column totals checked against what
each total truly sums, test_total_habits.expected), wrong where silently misread,
refused where the check stopped with an input error.  A pair is only worth a look where
each habit alone is right on the same table and layout: `pair_only` says so.

Found (s31, 1,200 pairs of all ~180 habits sampled): read since (fixtures wexford-lamp-1997,
tamarack-tool-1999, larkspur-dairy-2004) uncaptioned blocks after a first block leaving a column
blank; a last row of nils each marked "—(a)"; "For the three years ended ..." right above <TABLE>.
Read since (s31 totalrow, fixture stilt-mills-2004): label:total-named with uncaptioned periods
(period:no-caption-*, title-counts-*): a block's first reserve named "Total allowance ..." was read
as the block above's grand total (HTML: false VQ002/VQ003; text: refused as cut off), e.g.
`--show label:total-named period:no-caption-oldest-first franklin-covey-2004/planted html`.
Read since (s32 pairs2, a fresh sample: --all --pairs 800 --seed 32): untagged uncaptioned years
whose totals are printed above their rows, or whose blocks open on "(162 )" / "− 155,000" (later
years dropped; fixtures ormsby-freight-1996, pellworth-supply-1995); and label:total-named alone
in the typed layout (a "Total ..." row's second line; fixture quillon-paper-1998).
Read since (s33 pairs3, --all --pairs 800 --seed 32: 11 pair-only wrong -> 0): label:renamed with
the title's years or no caption (accounts renamed between uncaptioned years: blocks of one shape
carrying on by place, or cut where balances carry on; fixture brackwater-mills-1997); subtotals
each labelled "Total" (untagged) matched to the year before's by the accounts they sum (fixture
halloran-instrument-1998; expect.py's model had expected the tool's false VQ003s).
Read since (s34 pairs4, fresh seeds 34 and 35: pair-only wrong 2 and 5, refused 0 and 3): the
title's years over uncaptioned blocks each opening on its total, a year printing fewer accounts
(refused as cut off; fixture kestrel-valve-1998); one account a year and a reserve added the
latest year (four one-row blocks for three years, VQ006; merrivale-coatings-1999); labels ending
on a date wrapped onto the figures' line in every uncaptioned year (read by account, VQ006;
dunmore-textile-1999); (seed 37) a row of small negatives and "NA" nils taken for a heading's
markers in untagged text (rows dropped; fenwick-chemical-2001); (seed 37, s34 adjnil) every nil
printed "0" under a balance "as adjusted" the years without an adoption leave nil (a false VQ009
per row; fixture sorrel-instruments-2020).  Seed 34's two, a rule under each year's caption over its total, are
s34-rulehead2's.
Read since (s35 pairs5, fresh seeds 38-41): a nil "$ *" ("$ -" with a star: refused;
marlowe-hardware-2006); a
balances-only reserve under a balance as adjusted (the harness left that balance out of its total);
a reserve named "Total ..." whose small figures and "0" nils agree with the rows after it within
rounding (false VQ002s; penrose-household-2011); (seed 41, s35 units41) the first year's
"(000's omitted)" right under the rule under its group's caption (total:rule-under-group +
unit:units-omitted-row: headings unread, a false VQ006, 57 text cases; ashcombe-foods-2016).
Read since (s36 pairs6, --all --pairs 800, seeds 40 and 41 to their end and fresh 42-45: pair-only
wrong 3, 0, 0, 0, 0, 9, none refused): a heading whose balances are dated ("BALANCE JANUARY 1",
"BALANCE DECEMBER 31", the days on its last line) typed again after a page break, its last line
"1  EXPENSES  DEDUCTIONS  31" read as a row of 1 and 31 (a false VQ001; heading:balance-dates +
label:date-wrapped-over-page-headed, tagged; dunlin-marine-2005); (seed 45, a harness fix) a closed
reserve printing its balance as adjusted in a year whose rows print that column nil
(blank:closed-reserve + heading:adjusted-column-nil: the tool's column_total true of the table).
Left (seed 45): form:nil-zero + unit:row-off-by-three on cik1012881-2005/clean (a planted row
identity missed, tagged, untagged, html) and blank:total-of-blanks + unit:units-omitted-row on
cik947425-fy2005/clean (untagged: a false periods_named).

    cd tests && PYTHONPATH=..:. python pair_habits.py [--pairs N] [--seed S] [--per-pair K] [--verbose] [--all] [FAMILY:HABIT ...]
    cd tests && PYTHONPATH=..:. python pair_habits.py --show HABIT HABIT TABLE/clean LAYOUT   (a reproducer)
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import sys
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Optional

import auditor
from auditor import source
from habit_tally import misread
from html_era import Edit
from render import render
from render_html import HtmlStyle, place_sentinels
from render_html import render as render_html
from test_html_era_markup import TABLES
from test_html_real_tables import SOFTWARE
from test_real_tables import LAYOUTS, applicable
from test_text_era import cases

import blank_habits
import form_habits
import heading_habits
import label_habits
import period_habits
import total_habits
import unit_habits

RULES = auditor.load_rules()

TEXT = {"text-tagged": LAYOUTS["seed-like"], "text-untagged": LAYOUTS["span-untagged"],
        "typed": LAYOUTS["typed-second-line"]}
LAYOUT_NAMES = [*TEXT, "html", "workiva"]
ORDER = ["heading", "blank", "total", "unit", "label", "form", "period"]  # spec edits applied in this order


@dataclass(frozen=True)
class Habit:
    """One harness's habit in one shape: a spec edit (None from it: the table cannot show
    it), a change of the text Layout / HtmlStyle (given the spec as edited), and edits of
    the rendered text (Rendered, spec -> Rendered) or of a sentinel HTML render (Edit)."""
    family: str
    spec: Optional[Callable[[dict], Optional[dict]]] = None
    layout: Optional[Callable[[object, dict], object]] = None  # text Layout changed
    style: Optional[Callable[[object, dict], object]] = None  # HtmlStyle changed
    text: Optional[Callable[[object, dict], object]] = None  # rendered text edited, figures kept
    html: Optional[Callable[[Edit], None]] = None  # sentinel render edited
    markup: Optional[Callable[[str], str]] = None  # rendered HTML edited, sentinels kept
    tagged_only: bool = False
    typed_in: frozenset = frozenset(TEXT)  # the text layouts its harness makes its text edit in
    shown_in: frozenset = frozenset(LAYOUT_NAMES)  # the layouts that print what it edits

    def applies(self, layout: str) -> bool:
        if self.tagged_only and layout != "text-tagged" or layout not in self.shown_in:
            return False
        if layout in TEXT:
            if self.text and layout not in self.typed_in:
                return False
            return bool(self.spec or self.layout or self.text)
        if layout == "html":
            return bool(self.spec or self.style or self.html or self.markup)
        return bool(self.spec or self.style or self.markup)  # (software: no sentinel edit of figures)


def _software_style(h):
    """A heading habit's layout edit, on a text Layout, an HtmlStyle or a Software alike."""
    return lambda style, spec: h.layout(style)


def _habits() -> dict[str, Habit]:
    out: dict[str, Habit] = {}
    for name, edit in period_habits.VARIATIONS.items():
        # (the typed layout and Workiva's pages print every period their own way: "2003", "Fiscal 2003")
        out[f"period:{name}"] = Habit("period", spec=edit, shown_in=frozenset({"text-tagged", "text-untagged", "html"}))
    for name, h in total_habits.HABITS.items():
        typed = h.typed
        out[f"total:{name}"] = Habit(
            "total", spec=h.spec,
            layout=lambda layout, spec, h=h: replace(layout, **h.text(spec)),
            style=lambda style, spec, h=h: replace(style, **h.html(spec)),
            text=(lambda r, spec, typed=typed: dataclasses.replace(r, text=typed(r.text))) if typed else None)
    for name, h in heading_habits.HABITS.items():
        out[f"heading:{name}"] = Habit("heading", spec=h.spec, layout=_software_style(h) if h.layout else None,
                                       style=_software_style(h) if h.layout else None)
    for name, h in label_habits.HABITS.items():
        out[f"label:{name}"] = Habit("label", spec=h.spec, text=h.typed, html=h.html,
                                     typed_in=frozenset({"text-tagged"}))
    for name, h in blank_habits.HABITS.items():
        out[f"blank:{name}"] = Habit("blank", spec=h.spec)
    for name, h in form_habits.HABITS.items():
        if name == "percent":
            continue  # ("93%" is no figure: to be refused alone, test_form_habits)
        out[f"form:{name}"] = Habit("form", spec=h.spec, text=h.typed, html=h.html,
                                    typed_in=frozenset({"text-tagged", "text-untagged"}))
    for name, h in unit_habits.HABITS.items():
        if h.not_read:
            continue  # (to be refused or warned alone: test_unit_habits)
        out[f"unit:{name}"] = Habit(
            "unit", spec=h.spec, tagged_only=h.tagged_only,
            layout=(lambda layout, spec, h=h: h.layout(layout)) if h.layout else None,
            style=(lambda style, spec, h=h: h.style(style)) if h.style else None,
            text=(lambda r, spec, h=h: h.text(r)) if h.text else None, markup=h.markup)
    return out


HABITS = _habits()

# The sample the script and the test walk by default: habits a filing of each era plausibly
# prints together (every harness, its commonest habits and the ones that move rows or columns).
SAMPLE = [
    "period:fiscal-year-ended", "period:weeks", "period:restated", "period:mark-after-year",
    "period:year-first-reserve", "period:successor-predecessor",
    "total:no-label", "total:totals", "total:subtotal-grand", "total:total-above", "total:wrong-total",
    "total:partial-total",
    "heading:letters-above", "heading:word-per-line", "heading:additions-span", "heading:recoveries-column",
    "heading:deductions-first", "heading:parenthesised-deductions",
    "label:year-first", "label:digit-mark", "label:less-prefix", "label:group-caption", "label:all-caps",
    "label:label-below",
    "blank:all-blank", "blank:new-reserve", "blank:balances-only", "blank:in-and-out",
    "form:nil-dash-zero", "form:nil-em-dash", "form:neg-minus-after", "form:neg-dollar-outside",
    "form:mark-sup-1", "form:mark-after-parens",
    "unit:cents", "unit:dollar-every", "unit:no-separators", "unit:row-off-by-three", "unit:units-omitted-row",
    "unit:dollar-none",
]


# Pairs whose composition makes a table no filer prints, each with why (not walked).
_ADDED_IN_ONE_PERIOD = ("a reserve added in one period makes partial-total's \"last reserve\" another reserve there: "
                        "two reserves named alike")
EXCLUDED: dict[tuple[str, str], str] = {
    ("period:year-first-reserve", "label:label-below"):
        "label_below keeps a label with a year on its figures' line (it takes it for a period's caption): "
        "one reserve labelled beside its figures, the others under theirs",
    ("total:partial-total", "blank:new-reserve"): _ADDED_IN_ONE_PERIOD,
    ("total:partial-total", "blank:in-and-out"): _ADDED_IN_ONE_PERIOD,
    ("total:partial-total", "blank:closed-reserve"): _ADDED_IN_ONE_PERIOD,
    ("total:partial-total", "blank:label-only"): _ADDED_IN_ONE_PERIOD,
}


# A total's parts are row indexes in its period; later edits insert rows (captions, reserves),
# so the parts are followed by each row's own mark while the edits run.
def _marked(spec: dict) -> dict:
    spec = json.loads(json.dumps(spec))
    for pi, period in enumerate(spec["periods"]):
        for ri, row in enumerate(period["rows"]):
            row["_row"] = f"{pi}.{ri}"
    return spec


def _parts_as_marks(spec: dict, step: int) -> None:
    """Each total's parts as the marks of its rows (a row an edit made marked now)."""
    for pi, period in enumerate(spec["periods"]):
        for ri, row in enumerate(period["rows"]):
            row.setdefault("_row", f"{step}:{pi}.{ri}")
        marks = [r["_row"] for r in period["rows"]]
        for row in period["rows"]:
            if "parts" in row and not row.get("_parts"):
                row["_parts"] = [marks[i] for i in row["parts"]]


def _parts_as_indexes(spec: dict) -> None:
    """Every total's parts as indexes again; a total no habit gave parts, the rows expect.py sums."""
    for period in spec["periods"]:
        at = {r.get("_row"): i for i, r in enumerate(period["rows"])}
        for row in period["rows"]:
            if row.get("_parts"):
                row["parts"] = [at[m] for m in row["_parts"] if m in at]
        ids = {id(r): i for i, r in enumerate(period["rows"])}
        for total, parts in heading_habits._parts(period["rows"]):
            if "parts" not in total:
                total["parts"] = [ids[id(p)] for p in parts]


def composed(spec: dict, habits: list[Habit]) -> Optional[dict]:
    """The spec with every habit's edit, in ORDER; None where one cannot apply."""
    spec = _marked(spec)
    for step, h in enumerate(sorted(habits, key=lambda h: ORDER.index(h.family))):
        if h.spec is None:
            continue
        spec = h.spec(spec)
        if spec is None:
            return None
        _parts_as_marks(spec, step)
    _parts_as_indexes(spec)
    return spec


def printed(spec: dict, habits: list[Habit], layout: str):
    """(Rendered, file name) of the edited spec in `layout`, every habit's layout and text edits made."""
    if layout in TEXT:
        shape = applicable(spec, TEXT[layout])
        for h in habits:
            shape = h.layout(shape, spec) if h.layout else shape
        rendered = render(spec, shape)
        for h in habits:
            rendered = h.text(rendered, spec) if h.text else rendered
        return rendered, "t.txt"
    if layout == "html":
        style = HtmlStyle()
        for h in habits:
            style = h.style(style, spec) if h.style else style
        rendered = render_html(spec, style, sentinels=True)
        edits = [h for h in habits if h.html]
        if edits:
            e = Edit(rendered.text, list(rendered.figures), spec)
            for h in edits:
                h.html(e)
            rendered = dataclasses.replace(rendered, text=e.text, figures=e.keys)
        for h in habits:
            rendered.text = h.markup(rendered.text) if h.markup else rendered.text
        return place_sentinels(rendered), "t.htm"
    software = SOFTWARE[layout]
    html = software.html
    for h in habits:
        html = h.style(html, spec) if h.style else html
    from test_unit_habits import _software  # (render_software with a markup edit before the figures are placed)
    markups = [h.markup for h in habits if h.markup]
    markup = (lambda text: _chain(markups, text)) if markups else None
    return _software(spec, replace(software, html=html), unit_habits.Habit(markup=markup)), "t.htm"


def _chain(edits, text: str) -> str:
    for edit in edits:
        text = edit(text)
    return text


def expected(spec: dict, rendered) -> set:
    from test_total_habits import expected as with_parts
    return with_parts(spec, rendered)


def outcome(spec: dict, names: tuple[str, ...], layout: str) -> tuple[str, str]:
    """("right" | "wrong" | "refused" | "n/a", what differed) of the habits `names` together."""
    habits = [HABITS[n] for n in names]
    if not all(h.applies(layout) for h in habits):
        return "n/a", ""
    made = composed(spec, habits)
    if made is None:
        return "n/a", ""
    try:
        rendered, name = printed(made, habits, layout)
    except (ValueError, KeyError, IndexError, StopIteration) as e:  # (habits whose renders cannot meet)
        return "n/a", f"not renderable: {type(e).__name__} {e}"
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    return misread(result, rendered, lambda: expected(made, rendered)) or ("right", "")


def all_cases() -> list[tuple[str, dict]]:
    return [(f"{path.stem}/{kind}", spec) for path in TABLES for kind, spec in cases(path)]


def pairs(names: list[str]) -> list[tuple[str, str]]:
    """Every pair of habits of different harnesses (but EXCLUDED's)."""
    return [(a, b) for a, b in itertools.combinations(names, 2)
            if HABITS[a].family != HABITS[b].family and (a, b) not in EXCLUDED and (b, a) not in EXCLUDED]


def sampled(pair: tuple[str, str], every: list, per_pair: int, seed: int) -> list:
    """`per_pair` cases drawn for the pair, the same for a seed whatever else runs."""
    rng = random.Random(f"{seed}:{pair[0]}:{pair[1]}")
    return rng.sample(every, min(per_pair, len(every)))


def _single(memo: dict, case: str, spec: dict, name: str, layout: str) -> str:
    key = (case, name, layout)
    if key not in memo:
        memo[key] = outcome(spec, (name,), layout)[0]
    return memo[key]


def walk(names: list[str], layouts: list[str], n_pairs: Optional[int], per_pair: int, seed: int) -> Iterator:
    """(pair, layout, case, verdict, why, singles right) for the sampled pairs."""
    every = all_cases()
    chosen = pairs(names)
    if n_pairs is not None and n_pairs < len(chosen):
        chosen = random.Random(seed).sample(chosen, n_pairs)
    memo: dict = {}
    for pair in chosen:
        for case, spec in sampled(pair, every, per_pair, seed):
            for layout in layouts:
                verdict, why = outcome(spec, pair, layout)
                if verdict == "n/a":
                    continue
                singles = all(_single(memo, case, spec, n, layout) == "right" for n in pair)
                yield pair, layout, case, verdict, why, singles


def main(argv: list[str]) -> None:
    args = list(argv)
    n_pairs, seed, per_pair, names, verbose = None, 12, 3, SAMPLE, False
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--pairs":
            n_pairs = int(args.pop(0))
        elif flag == "--seed":
            seed = int(args.pop(0))
        elif flag == "--per-pair":
            per_pair = int(args.pop(0))
        elif flag == "--verbose":
            verbose = True
        elif flag == "--all":
            names = sorted(HABITS)
    if args:
        names = args
    tally: dict = {}
    shown = 0
    for pair, layout, case, verdict, why, singles in walk(names, LAYOUT_NAMES, n_pairs, per_pair, seed):
        counts = tally.setdefault(layout, {"right": 0, "wrong": 0, "refused": 0, "pair-only wrong": 0,
                                           "pair-only refused": 0})
        counts[verdict] += 1
        if verdict != "right" and singles:
            counts[f"pair-only {verdict}"] += 1
        if verdict != "right" and (singles or verbose) and shown < 400:
            shown += 1
            said = "" if singles else " (a habit alone not right)"
            print(f"{verdict:8} {pair[0]} + {pair[1]} {layout} {case}{said}: {why[:200]}", flush=True)
    for layout, counts in tally.items():
        print(f"{layout:14} " + "  ".join(f"{k} {v}" for k, v in counts.items()))




def show(a: str, b: str, case: str, layout: str) -> None:
    """A reproducer: the pair's rendered text for the case and what the check made of it."""
    spec = dict(all_cases())[case]
    habits = [HABITS[a], HABITS[b]]
    rendered, name = printed(composed(spec, habits), habits, layout)
    print(rendered.text)
    result = auditor.check_source(source.from_text(rendered.text, name), RULES)
    print(result.error or "\n".join(f"{f.check} {f.row!r} {f.location.line}:{f.location.column} {f.message}"
                                    for f in result.findings))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--show"]:
        show(*sys.argv[2:6])
    else:
        main(sys.argv[1:])
