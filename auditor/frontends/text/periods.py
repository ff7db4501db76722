"""Periods from the body's entries, in either arrangement (by period, or by
account), and schedules printed one table per year joined into one."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Hashable, Optional, Sequence

from auditor.frontends import union
from auditor.errors import InputError
from auditor.frontends.text.labels import Entry, the_row
from auditor.labels import (ACCOUNT_WORD, TOTAL, YEAR, by_period_if_dated, continues_period, is_date, is_period,
                            label_over_date, period_from_caption, restates_period, row_key)
from auditor.model import Column, Period, Row, RowKind, Schedule


def periods(entries: Sequence[Entry], label_heading: str = "") -> list[Period]:
    """Periods x rows, from either arrangement: by period, or by account (`label_heading`: the
    words heading the labels' column, an account's name where one account's table names it so)."""
    entries = _dated_under_labels(entries)
    rows = [the_row(e) for e in entries if e.kind == "row"]
    captions = [e for e in entries if e.kind == "caption"]
    if rows and captions and sum(1 for r in rows if r.label and is_period(r.label)) > len(rows) / 2:
        return _periods_by_account(entries)
    if _rows_each_a_period(entries, rows):
        return _periods_of_rows(rows, label_heading)
    if _captions_after_rows(entries):
        return _periods_captioned_below(entries)
    found: list[Period] = []
    current: list[Row] = []
    label, label_line = "", entries[0].at if entries else 0
    alone = _accounts_alone(entries, rows, captions)
    for entry in entries:
        if entry.kind == "caption" and entry.at in alone:
            current.append(Row(entry.text, "item", (None,) * len(rows[0].cells), entry.at))
        elif entry.kind == "period":
            if current and continues_period(entry.text, label):
                continue  # (its caption again over the rest of its rows, a page on)
            if current:
                found.append(period_from_caption(label, label_line, current))
            current, label, label_line = [], entry.text, entry.at
        elif entry.kind == "row":
            current.append(the_row(entry))
    if current:
        found.append(period_from_caption(label, label_line, current))
    return found


def _rows_each_a_period(entries: Sequence[Entry], rows: Sequence[Row]) -> bool:
    """One account's table, no caption: each row labelled by its own period alone ("Year ended
    December 31, 1997   $ 1,137 ...", the account named in the headings or nowhere), a period
    of its own, so carry-forward is checked between them (read as one period, never)."""
    if len(rows) < 2 or len(entries) != len(rows):
        return False
    labels = [r.label for r in rows]
    return len(set(labels)) == len(labels) and all(label and r.kind == "item" and is_period(label) and YEAR.search(label)
                                                   for label, r in zip(labels, rows))


def _periods_of_rows(rows: Sequence[Row], label_heading: str) -> list[Period]:
    """Each row its period's one row: the account the labels' heading names ("Allowance for
    doubtful accounts" over the rule), else no name, as a caption-less account's rows by period."""
    account = label_heading.strip().rstrip(":") if ACCOUNT_WORD.search(label_heading) else ""
    kind: RowKind = "item" if account else "total"
    return [period_from_caption(r.label, r.line, (replace(r, label=account, kind=kind),)) for r in rows]


def _dated_under_labels(entries: Sequence[Entry]) -> Sequence[Entry]:
    """A label line right over a row labelled by a date alone (`labels.label_over_date`, the
    line under it, or the next page's first row where the page broke under the label), in a
    table by period (its periods captioned, most rows named otherwise, or an account over the
    same date twice): the row's label, the date its end."""
    if not (by_period_if_dated(any(e.kind == "period" for e in entries),
                               (the_row(e).label for e in entries if e.kind == "row"))
            or _account_dated_twice(entries)):
        return entries
    found: list[Entry] = []
    i, current = 0, ""
    while i < len(entries):
        entry = entries[i]
        current = entry.text if entry.kind == "period" else current
        # (at the page's foot, the period's caption typed again at the next page's top, "(continued)"
        # or as it was, between the label and its row: the same period goes on, the label over its row)
        again = int(entry.foot and i + 1 < len(entries) and entries[i + 1].kind == "period"
                    and (continues_period(entries[i + 1].text, current) or restates_period(entries[i + 1].text, current)))
        row = the_row(entries[i + 1 + again]) if entry.kind == "caption" and _row_at(entries, i + 1 + again) else None
        if (row is not None and (row.line == entry.at + 1 or entry.foot)
                and label_over_date(entry.text, row.label, _label_at(entries, i + 2 + again))):
            found.append(entries[i + 1 + again]._replace(row=replace(row, label=f"{entry.text} {row.label}")))
            i += 2 + again
            continue
        found.append(entry)
        i += 1
    return found


def _row_at(entries: Sequence[Entry], i: int) -> bool:
    return i < len(entries) and entries[i].kind == "row"


def _label_at(entries: Sequence[Entry], i: int) -> Optional[str]:
    """The label of the row entry `i`, None where it is no row."""
    return the_row(entries[i]).label if _row_at(entries, i) else None


def _account_dated_twice(entries: Sequence[Entry]) -> bool:
    """Whether a label line over a row by date names an account already printed over the same
    date: by account, the same account's same year twice; the date is each label's end (every
    block of uncaptioned years printing "Allowance for doubtful accounts at" / "December 31,
    1996  $ ...")."""
    seen: set[tuple[str, str]] = set()
    for i, entry in enumerate(entries):
        if entry.kind == "caption" and _dated_row(entries, i + 1):
            key = (row_key(entry.text), the_row(entries[i + 1]).label)
            if key in seen:
                return True
            seen.add(key)
    return False


def _dated_row(entries: Sequence[Entry], i: int) -> bool:
    label = _label_at(entries, i)
    return label is not None and is_date(label)


def _accounts_alone(entries: Sequence[Entry], rows: Sequence[Row], captions: Sequence[Entry]) -> frozenset[int]:
    """The lines of captions that are an account's row printing no figure: a label alone,
    no colon, naming an account whose row prints figures elsewhere in the table (a year
    before the account opened, its nils left blank), not a group's caption over its rows."""
    if not captions or not rows:
        return frozenset()
    named = {row_key(r.label) for r in rows if r.kind == "item" and r.label and any(r.cells)}
    return frozenset(c.at for c in captions if not c.text.endswith(":") and row_key(c.text) in named)


def _captions_after_rows(entries: Sequence[Entry]) -> bool:
    """Each period's caption printed under its rows ("Year ended December 31,
    1995" as a footer): rows come before the first period caption, the last
    entry that is no group caption is a period's, and captions and runs of
    rows alternate, one caption closing each run (read above their rows,
    every period would take the rows of the one before)."""
    kinds = [e.kind for e in entries if e.kind != "caption"]
    if len(kinds) < 2 or kinds[0] != "row" or kinds[-1] != "period":
        return False
    runs = [k for i, k in enumerate(kinds) if i == 0 or k != kinds[i - 1]]
    return all(k == ("row" if i % 2 == 0 else "period") for i, k in enumerate(runs)) and kinds.count("period") >= 2


def _periods_captioned_below(entries: Sequence[Entry]) -> list[Period]:
    """Each run of rows the period of the caption under it."""
    found: list[Period] = []
    current: list[Row] = []
    for entry in entries:
        if entry.kind == "period":
            found.append(period_from_caption(entry.text, entry.at, current))
            current = []
        elif entry.kind == "row":
            current.append(the_row(entry))
    return found


def _periods_by_account(entries: Sequence[Entry]) -> list[Period]:
    """A caption per account, a row per period: regrouped as periods x rows.  A
    row of figures labelled by no period (a reserve's sub-row, "Domestic") is in
    no period of its own: refused, naming it, never read as a period named so."""
    order: list[str] = []
    rows_of: dict[str, list[Row]] = {}
    lines: dict[str, int] = {}
    account = ""
    for entry in entries:
        if entry.kind == "caption":
            account = entry.text.rstrip(":").strip()
        elif entry.kind == "row":
            row = the_row(entry)
            period = row.label
            if period and not is_period(period) and not TOTAL.match(period):
                raise InputError(f"the row {period!r} prints figures among an account's rows by period, "
                                 "but names no period", None, row.line)
            if period not in rows_of:
                order.append(period)
                rows_of[period], lines[period] = [], row.line
            total = bool(TOTAL.match(account)) or not account
            rows_of[period].append(replace(row, label=account, kind="total" if total else "item"))
    return [period_from_caption(p, lines[p], rows_of[p]) for p in order]


def joined_years(laid_out: Sequence[Schedule], assigned: Sequence[Schedule],
                 assign: Callable[[Schedule], Schedule]) -> list[Schedule]:
    """Schedules printed one table per year (each under its own title, each
    perhaps followed by a breakdown of its own) read as one schedule of
    several years, so that each year's beginning balances are checked
    against the year before.  A run of schedules joins where each has one
    period of its own fiscal year, the years follow one another, and the
    titles (less their figures), units and column roles are the same.
    `laid_out` are the schedules as built, `assigned` the same with roles;
    `assign` gives a joined schedule its roles and conventions."""
    out, i = [], 0
    while i < len(assigned):
        j = i + 1
        while j < len(assigned) and _next_year_of(assigned[j - 1], assigned[j], assigned[i]):
            j += 1
        if j - i == 1:
            out.append(assigned[i])
        else:
            columns, periods = _union_of(laid_out[i:j], assigned[i:j])
            unread = tuple(u for s in laid_out[i:j] for u in s.unread)
            out.append(assign(replace(laid_out[i], columns=columns, periods=periods, unread=unread)))
        i = j
    return out


def _roles(schedule: Schedule) -> list[tuple[Optional[str], Optional[str]]]:
    return [(c.role, c.effect) for c in schedule.columns]


def _union_of(laid_out: Sequence[Schedule], assigned: Sequence[Schedule]) -> tuple[tuple[Column, ...], tuple[Period, ...]]:
    """The columns of the joined tables and their periods: as printed where every table's
    columns read alike; else under the union of their columns, matched by role (`union`),
    a year's rows blank in a column its table does not print."""
    keys = [_roles(s) for s in assigned]
    if all(k == keys[0] for k in keys):
        return laid_out[0].columns, tuple(p for s in laid_out for p in s.periods)
    merged = union.merged(keys)
    column_of: dict[Hashable, Column] = {}
    for s, own in zip(laid_out, keys):
        for key, column in zip(own, s.columns):
            column_of.setdefault(key, column)
    periods = []
    for s, own in zip(laid_out, keys):
        places = union.mapping(own, merged)
        periods += [replace(p, rows=tuple(union.spread(r, places, len(merged)) for r in p.rows)) for p in s.periods]
    return tuple(column_of[k] for k in merged), tuple(periods)


def _next_year_of(before: Schedule, after: Schedule, first: Schedule) -> bool:
    if len(before.periods) != 1 or len(after.periods) != 1:
        return False
    years = before.periods[0].fiscal_year, after.periods[0].fiscal_year
    if years[0] is None or years[1] is None or first.periods[0].fiscal_year is None:
        return False
    step = years[1] - years[0]
    if step not in (1, -1) or (first is not before and step != years[0] - first.periods[0].fiscal_year):
        return False  # (a run goes one way: 1997, 1996, 1995)
    alike = _figureless(before.title) == _figureless(after.title) and before.units == after.units
    # (a table under the schedule's, no title of its own, found as one of its years: `locate`)
    under = not after.title and after.units in (None, before.units) and bool(_accounts(before) & _accounts(after))
    return (alike or under) and (_roles(before) == _roles(after) or _other_columns(before, after))


def _other_columns(before: Schedule, after: Schedule) -> bool:
    """Another year's table of the same accounts printing other columns (a movement more or
    less: 2003's "Acquisitions", which 2002 lacks): the same balances first and last, each
    role once in each, and an account named in both."""
    own, theirs = _roles(before), _roles(after)
    if own[0] != theirs[0] or own[-1] != theirs[-1] or own[0][0] is None or own[-1][0] is None:
        return False
    if len(set(own)) < len(own) or len(set(theirs)) < len(theirs) or None in {k[0] for k in own + theirs}:
        return False
    return bool(_accounts(before) & _accounts(after))


def _accounts(schedule: Schedule) -> set[str]:
    return {" ".join(r.label.lower().split()) for p in schedule.periods for r in p.rows if r.kind == "item" and r.label}


def _figureless(title: str) -> str:
    return " ".join(re.sub(r"\d", "", title).lower().split())
