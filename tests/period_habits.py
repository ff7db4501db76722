"""How real Schedule II tables name their periods, as edits of a real table's spec.

Test support, not part of the tool.  The layouts (tests/render*.py) print a
period's caption as the table's transcription gives it, or as "Fiscal 2004",
"For the year ended ...", the bare year, in the first cell, in either order
(text_era, html_2010s and ixbrl_habits vary "FY2012", "FY24", 52/53-week
software headings, captions over two lines, the year alone with a colon).
These are the captions they do not print, each ONE edit of every period's
label (or of one row's label) of a real table, chronology kept so the carry
forward between periods stays what the transcription makes it:

- successor-predecessor: a fresh-start or acquisition year split in two stubs,
  "Successor: Period from March 1, 2003 to December 31, 2003" over
  "Predecessor: Period from January 1, 2003 to February 28, 2003", the years
  before "Predecessor: Year ended ...";
- transition: a change of fiscal year, "Six months ended December 31, 2002"
  between "Year ended December 31, 2003" and "Year ended June 30, 2002";
- inception: the first period a newly formed company's, "Period from
  inception (May 5, 2001) to December 31, 2001";
- weeks: retailers' 52/53-week years, "53 weeks ended January 29, 2005";
- fiscal-year-ended: "Fiscal year ended January 29, 2005";
- fy-space / year-word: "FY 2004", "Year 2004";
- apostrophe-year: "Year ended December 31, '03";
- abbreviated-two-digit: "Dec. 31, 03";
- numeric-short / numeric-long: "12/31/03", "Year ended 6/30/2002";
- restated: "(Restated)" after one period's year, "(As restated)" after another;
- restated-beside-reported: one year printed twice, "(As restated)" then "(As
  previously reported)" with other figures: each closes on its own, and the
  next year opens with the restated one's balances;
- mark-after-year: a footnote mark after each year, "December 31, 2003 (1)";
- star-after-year: "2003*";
- year-in-reserve: an account named with a year, "Allowance for 1999 restructuring";
- year-first-reserve: "1999 restructuring reserve" (its label opening with a year).

Each period's dict gains "want": (fiscal year, "YYYY-MM-DD" or None) -- what the
tool must read the caption as (a period's fiscal year is the year its end date
falls in, as labels.period_from_caption defines it).
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Callable, Optional

from render import DATE, parse_cell, period_date

MONTHS = "January February March April May June July August September October November December".split()


def _ends(spec: dict) -> list[tuple[int, int, int]]:
    """(year, month, day) each period ends on; December 31 where the label gives a year alone."""
    out = []
    for p in spec["periods"]:
        y, m, d = period_date(p["label"])
        out.append((y, m, d) if d else (y, 12, 31))
    return out


def _ranks(spec: dict) -> list[int]:
    """Each period's place counted from the latest (0) back, by its end."""
    ends = _ends(spec)
    order = sorted(range(len(ends)), key=lambda k: ends[k], reverse=True)
    return [order.index(k) for k in range(len(ends))]


def _words(y: int, m: int, d: int) -> str:
    return f"{MONTHS[m - 1]} {d}, {y}"


def _iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def relabelled(caption: Callable[[int, tuple, int], tuple[str, tuple[int, Optional[str]]]]) -> Callable[[dict], dict]:
    """The habit that names period k (ending (y, m, d), `rank` from the latest)
    `caption(rank, (y, m, d), k)` = (label, want)."""
    def edit(spec: dict) -> dict:
        out = copy.deepcopy(spec)
        captions = [caption(rank, end, k) for k, (end, rank) in enumerate(zip(_ends(spec), _ranks(spec)))]
        if len({want[0] for _, want in captions if want[1] is None}) < sum(1 for _, want in captions if want[1] is None):
            # (Two periods ending in one year captioned by the year alone could not be told
            # apart nor ordered: a filer prints their dates; the transcription's are kept.)
            return _as_transcribed(out)
        for p, (label, want) in zip(out["periods"], captions):
            p["label"], p["want"] = label, want
        return out
    return edit


def _as_transcribed(spec: dict) -> dict:
    for p, end in zip(spec["periods"], _ends(spec)):
        p["want"] = (end[0], _iso(*end) if DATE.search(p["label"]) else None)
    return spec


def _same(label: str) -> Callable[[int, tuple, int], tuple[str, tuple[int, Optional[str]]]]:
    """Every period captioned `label` formatted with its end's y, m, d, month name, 'yy."""
    def caption(rank, end, k):
        y, m, d = end
        text = label.format(y=y, yy=f"{y % 100:02d}", m=m, d=d, month=MONTHS[m - 1], mon=MONTHS[m - 1][:3])
        return text, (y, _iso(*end) if "{d}" in label else None)
    return caption


def _successor(rank, end, k):
    y, m, d = end
    if rank == 0:
        return f"Successor: Period from March 1, {y} to {_words(y, m, d)}", (y, _iso(y, m, d))
    if rank == 1:  # (the predecessor's stub of the same year, the carry forward across the two)
        y = y + 1
        return f"Predecessor: Period from January 1, {y} to February 28, {y}", (y, _iso(y, 2, 28))
    return f"Predecessor: Year ended {_words(y, m, d)}", (y, _iso(y, m, d))


def _transition(rank, end, k):
    y = end[0]
    if rank == 0:
        return f"Year ended December 31, {y}", (y, _iso(y, 12, 31))
    if rank == 1:
        return f"Six months ended December 31, {y}", (y, _iso(y, 12, 31))
    return f"Year ended June 30, {y + 1}", (y + 1, _iso(y + 1, 6, 30))


def inception(spec: dict) -> dict:
    """The earliest period a newly formed company's, from its inception."""
    out = copy.deepcopy(spec)
    ranks = _ranks(spec)
    for p, end, rank in zip(out["periods"], _ends(spec), ranks):
        y, m, d = end
        if rank == max(ranks):
            p["label"] = f"Period from inception (May 5, {y}) to {_words(y, m, d)}"
        else:
            p["label"] = f"Year ended {_words(y, m, d)}"
        p["want"] = (y, _iso(y, m, d))
    return out


def restated(spec: dict) -> dict:
    """The two earliest periods' captions followed by "(Restated)" and "(As restated)"."""
    out = copy.deepcopy(spec)
    ranks = _ranks(spec)
    for p, end, rank in zip(out["periods"], _ends(spec), ranks):
        y, m, d = end
        suffix = {1: " (Restated)", 2: " (As restated)"}.get(rank, "")
        p["label"] = f"Year ended {_words(y, m, d)}{suffix}"
        p["want"] = (y, _iso(y, m, d))
    return out


def _row_renamed(name: Callable[[int], str]) -> Callable[[dict], dict]:
    """The first account (the first row not a total) named `name(year)` in every
    period, the year three before the table's first; the captions as transcribed."""
    def edit(spec: dict) -> dict:
        out = copy.deepcopy(spec)
        ends = _ends(spec)
        year = min(e[0] for e in ends) - 3
        first = next((r["label"] for r in spec["periods"][0]["rows"] if not r.get("is_total") and r["cells"]), None)
        for p in _as_transcribed(out)["periods"]:
            for r in p["rows"]:
                if r["label"] == first:
                    r["label"] = name(year)
        return out
    return edit


VARIATIONS: dict[str, Callable[[dict], dict]] = {
    "successor-predecessor": relabelled(_successor),
    "transition": relabelled(_transition),
    "inception": inception,
    "weeks": relabelled(lambda rank, end, k: (
        f"{53 if rank == 1 else 52} weeks ended {_words(*end)}", (end[0], _iso(*end)))),
    "fiscal-year-ended": relabelled(_same("Fiscal year ended {month} {d}, {y}")),
    "fy-space": relabelled(_same("FY {y}")),
    "year-word": relabelled(_same("Year {y}")),
    "apostrophe-year": relabelled(_same("Year ended {month} {d}, '{yy}")),
    "abbreviated-two-digit": relabelled(_same("{mon}. {d}, {yy}")),
    "numeric-short": relabelled(_same("{m}/{d}/{yy}")),
    "numeric-long": relabelled(_same("Year ended {m}/{d}/{y}")),
    "restated": restated,
    "mark-after-year": relabelled(_same("{month} {d}, {y} (1)")),
    "star-after-year": relabelled(lambda rank, end, k: (f"{end[0]}*", (end[0], None))),
    "year-in-reserve": _row_renamed(lambda y: f"Allowance for {y} restructuring"),
    "year-first-reserve": _row_renamed(lambda y: f"{y} restructuring reserve"),
}


# A year printed twice, restated beside the year as first reported (issue 12, s28 shapes).
_AMOUNT = re.compile(r"^(\$?\s*)(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$")


def _plus(cell: str, places: int, units: int) -> Optional[str]:
    """`cell` with `units` more in its last printed place; None where it is no plain positive amount."""
    m = _AMOUNT.match(cell)
    if m is None or len((m.group(3) or ".")[1:]) != places:
        return None
    value = Decimal(m.group(2).replace(",", "") + (m.group(3) or "")) + Decimal(units).scaleb(-places)
    return f"{m.group(1)}{value:,.{places}f}"


def _summing(rows: list[dict], r: int) -> list[int]:
    """The rows whose figures sum row `r`'s: itself and the totals over it (a total sums its
    "parts" where an edit named them, a total printed above its rows; else the items since the
    previous total, or the subtotals above: expect.py's reading)."""
    holds, items, subtotals = [r], [], []
    for i, row in enumerate(rows):
        if not row["cells"]:
            continue
        if not row.get("is_total"):
            items.append(i)
            continue
        parts = row.get("parts") or items or subtotals
        if items:
            subtotals.append(i)
        items = []
        if any(p in holds for p in parts):
            holds.append(i)
    return holds


def _as_first_reported(period: dict, roles: list[str]) -> Optional[dict]:
    """A copy of `period` as first reported: the charge to costs and balance at end of its first
    account printing both as plain amounts (and of every total over it) 7 more in their last
    place; None where there is none."""
    figures = roles[1:]
    if "charged_costs" not in figures or "ending" not in figures:
        return None
    charge, end = figures.index("charged_costs"), figures.index("ending")
    out = copy.deepcopy(period)
    rows = out["rows"]
    first = next((r for r, row in enumerate(rows) if row["cells"] and not row.get("is_total")
                  and all(_AMOUNT.match(row["cells"][k]) for k in (charge, end))), None)
    if first is None:
        return None
    m = _AMOUNT.match(rows[first]["cells"][end])
    places = len((m.group(3) or ".")[1:]) if m else 0
    for r in _summing(rows, first):
        cells = rows[r]["cells"]
        changed = [_plus(cells[k], places, 7) for k in (charge, end)]
        if None in changed:
            return None
        cells[charge], cells[end] = changed
    out["label"] = out["label"].replace(" (As restated)", " (As previously reported)")
    return out


def restated_beside_reported(spec: dict) -> dict:
    """The second latest year printed twice: "(As restated)", its figures as transcribed (the
    next year opens with them), then "(As previously reported)", its first account's charge and
    balance at end 7 more (each closes on its own; the carry into the next year is from the
    restated one).  Tables whose figures there are no plain amounts are left as transcribed."""
    out = copy.deepcopy(spec)
    periods = []
    for p, end, rank in zip(out["periods"], _ends(spec), _ranks(spec)):
        p["label"], p["want"] = f"Year ended {_words(*end)}", (end[0], _iso(*end))
        periods.append(p)
        if rank == 1:
            p["label"] += " (As restated)"
            reported = _as_first_reported(p, spec["roles"])
            if reported is None:
                return _as_transcribed(copy.deepcopy(spec))
            periods.append(reported)
    out["periods"] = periods
    return out


VARIATIONS["restated-beside-reported"] = restated_beside_reported


# Fresh start (ASC 852) and yearless captions (issue 12, s29 periods2).
def _reset_opening(period: dict, roles: list[str]) -> bool:
    """`period`'s balances at beginning printed nil, each row's charge to costs taking
    the balance it opened with (the row still closes, on the same balance at end);
    False where a figure there is no amount this can move."""
    figures = roles[1:]
    if "charged_costs" not in figures:
        return False
    opening, charge = figures.index("beginning"), figures.index("charged_costs")
    for row in period["rows"]:
        cells = row["cells"]
        if not cells:
            continue
        kind, value, places = parse_cell(cells[opening])
        if kind != "amount":
            continue
        ckind, cvalue, cplaces = parse_cell(cells[charge])
        if ckind == "amount" and cplaces != places:
            return False
        moved = value + (cvalue or 0)
        body = f"{abs(moved):,.{places}f}"
        cells[opening], cells[charge] = "-", (f"({body})" if moved < 0 else body)
    return True


def fresh_start(spec: dict) -> dict:
    """The successor/predecessor stubs, the successor's balances at beginning reset
    (fresh-start accounting: printed nil, unlike the predecessor's balances at end)."""
    out = relabelled(_successor)(spec)
    if not any("Successor" in p["label"] for p in out["periods"]):
        return out
    latest = _ranks(spec).index(0)
    if not _reset_opening(out["periods"][latest], spec["roles"]):
        return _as_transcribed(copy.deepcopy(spec))
    return out


def _yearless(caption: Callable[[int, int], str], newest_first: Optional[bool]) -> Callable[[dict], dict]:
    """Every period captioned `caption(rank, count)` (no year: "Current year", "Year 3"),
    the periods printed newest first, oldest first, or (None) as transcribed; each
    period keeps its end ("end") for the test's chronology, its want (None, None)."""
    def edit(spec: dict) -> dict:
        out = copy.deepcopy(spec)
        ranks = _ranks(spec)
        for p, end, rank in zip(out["periods"], _ends(spec), ranks):
            p["label"], p["want"], p["end"] = caption(rank, len(ranks)), (None, None), list(end)
        if newest_first is not None:
            out["periods"].sort(key=lambda p: p["end"], reverse=newest_first)
        return out
    return edit


_PRIOR = ["Current year", "Prior year", "Second prior year", "Third prior year", "Fourth prior year"]

VARIATIONS["fresh-start"] = fresh_start
VARIATIONS["current-prior-newest-first"] = _yearless(lambda rank, n: _PRIOR[rank], True)
VARIATIONS["current-prior-oldest-first"] = _yearless(lambda rank, n: _PRIOR[rank], False)
VARIATIONS["year-numbers-newest-first"] = _yearless(lambda rank, n: f"Year {n - rank}", True)
VARIATIONS["year-numbers-oldest-first"] = _yearless(lambda rank, n: f"Year {n - rank}", False)
VARIATIONS["no-caption-newest-first"] = _yearless(lambda rank, n: "", True)
VARIATIONS["no-caption-oldest-first"] = _yearless(lambda rank, n: "", False)


def _titled(subtitle: Callable[[list], str], newest_first: bool) -> Callable[[dict], dict]:
    """No caption over any period, the title naming them (`subtitle(ends, newest first)`):
    "For the three years ended December 31, 2003", "Years ended December 31, 2003, 2002 and
    2001"; the blocks printed newest first or oldest first.  Each period's want: the year and
    date the title gives it where it names one per period, else (None, None)."""
    def edit(spec: dict) -> dict:
        out = _yearless(lambda rank, n: "", newest_first)(spec)
        ends = sorted((tuple(p["end"]) for p in out["periods"]), reverse=True)
        out["subtitle"], per_period = subtitle(ends)
        if per_period:
            for p in out["periods"]:
                y, m, d = p["end"]
                p["want"] = (y, _iso(y, m, d) if len({e[1:] for e in ends}) == 1 else None)
        return out
    return edit


def _counted(ends: list) -> tuple[str, bool]:
    """(The years before the one named end on its month and day: else the title names no year per block.)"""
    words = {2: "two", 3: "three", 4: "four", 5: "five"}
    if len({e[1:] for e in ends}) != 1 or len({e[0] for e in ends}) != len(ends):
        return "", False
    return f"For the {words[len(ends)]} years ended {_words(*ends[0])}", True


def _listed(ends: list) -> tuple[str, bool]:
    if len({e[1:] for e in ends}) != 1 or len({e[0] for e in ends}) != len(ends):
        return "", False
    years = [str(e[0]) for e in ends]
    listed = years[0] if len(years) == 1 else ", ".join(years[:-1]) + " and " + years[-1]
    return f"Years ended {MONTHS[ends[0][1] - 1]} {ends[0][2]}, {listed}", True


def _weeks_new_year(rank, end, k):
    """A 53-week year ending on January 1 after a 52-week year ending late in December two
    calendar years before it (its fiscal year named by its end, as labels define it)."""
    y = end[0]
    if rank == 0:
        return f"Year ended January 1, {y + 1}", (y + 1, _iso(y + 1, 1, 1))
    return f"Year ended December {28 - rank}, {y}", (y, _iso(y, 12, 28 - rank))


VARIATIONS["title-counts-years-newest-first"] = _titled(_counted, True)
VARIATIONS["title-counts-years-oldest-first"] = _titled(_counted, False)
VARIATIONS["title-lists-years-newest-first"] = _titled(_listed, True)
VARIATIONS["title-lists-years-oldest-first"] = _titled(_listed, False)
VARIATIONS["weeks-new-year"] = relabelled(_weeks_new_year)


def _one_space(vary: Callable[[dict], dict]) -> Callable[[dict], dict]:
    """`vary`'s captions, a layout printing the period in a row's first cell setting it
    apart from the account's name by one blank only ("Dec. 31, 03 Allowance for ...")."""
    def edit(spec: dict) -> dict:
        out = vary(spec)
        out["first_cell_gap"] = 1
        return out
    return edit


# Short years in a row's first cell (issue 12, s31 periods4): "Year 10" and on (a table's years
# numbered from ten), and a two-digit date one blank before the account's name.
VARIATIONS["year-numbers-two-digit-newest-first"] = _yearless(lambda rank, n: f"Year {n - rank + 9}", True)
VARIATIONS["year-numbers-two-digit-oldest-first"] = _yearless(lambda rank, n: f"Year {n - rank + 9}", False)
VARIATIONS["abbreviated-two-digit-one-space"] = _one_space(relabelled(_same("{mon}. {d}, {yy}")))


def restated_opening(spec: dict) -> dict:
    """The balance at beginning headed "..., as restated" (no adoption column beside it), the
    latest period's balances at beginning restated: each moved up by a tenth of itself (at least
    one in its last place), its charge to costs less by as much, so the row still closes on its
    balance at end (its totals moved with it); the captions as transcribed.  The year before's
    balances at end then differ from the latest year's at beginning, as a restatement leaves
    them.  Tables whose figures there are no plain amounts, that print no charge, or whose
    heading names no beginning, as they are."""
    out = _as_transcribed(copy.deepcopy(spec))
    figures = spec["roles"][1:]
    opening = figures.index("beginning")
    if "charged_costs" not in figures or not re.search(r"beginning", spec["columns"][opening + 1], re.IGNORECASE):
        return out  # (no charge to move, or a heading "Balance at" over a date: no heading says restated so)
    charge = figures.index("charged_costs")
    out["columns"][opening + 1] = out["columns"][opening + 1].rstrip() + ", as restated"
    latest = _ranks(spec).index(0)
    rows = out["periods"][latest]["rows"]
    moves = []
    for r, row in enumerate(rows):
        if not row["cells"] or row.get("is_total"):
            continue
        kind, value, places = parse_cell(row["cells"][opening])
        ckind, cvalue, cplaces = parse_cell(row["cells"][charge])
        if kind == "amount" and ckind == "amount" and cplaces == places and value > 0:
            moves.append((r, max(abs(value) // 10, Decimal(1).scaleb(-places)).quantize(Decimal(1).scaleb(-places)), places))
    for r, move, places in moves:
        for t in _summing(rows, r):
            cells = rows[t]["cells"]
            changed = [_moved(cells[opening], move, places), _moved(cells[charge], -move, places)]
            if None in changed:
                return _as_transcribed(copy.deepcopy(spec))
            cells[opening], cells[charge] = changed
    return out


def _moved(cell: str, by: Decimal, places: int) -> Optional[str]:
    """`cell` (a plain amount, "$" kept) moved `by`; None where it is none or would turn negative."""
    m = _AMOUNT.match(cell)
    if m is None or len((m.group(3) or ".")[1:]) != places:
        return None
    value = Decimal(m.group(2).replace(",", "") + (m.group(3) or "")) + by
    return None if value < 0 else f"{m.group(1)}{value:,.{places}f}"


VARIATIONS["restated-opening"] = restated_opening
