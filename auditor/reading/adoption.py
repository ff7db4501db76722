"""A standard's adoption printed as a row of its own ("Cumulative effect of adoption of ASC 326",
"Adoption of ASC 326": labelled as the rules' `adoption` column is headed), in the year it was
adopted or between two years' blocks, beside the account it adjusts: the one account printed
beside it, or the one of several its label's words name (`_matched`); a period's total carries
every adoption beside it.

Its one figure (under the balance at beginning, or at beginning and at end alike) moves a carry
forward, and the table's arithmetic says which one: either the account's balance at beginning in
the adoption's year is the year before's end plus the adoption ("opens"), or the account's row
opens at the year before's end and the adoption, a balance of its own, joins the account's end in
the next year's beginning ("carried").  The form whose carry closes is read (both: the one that
opens); where neither closes, the one the row's printing says (a figure at end: carried), so the
carry forward reports the misprint.  In the first printed year an adoption may open the year
with no year before printed: read so, its carry said unchecked.  Ambiguous rows are refused naming
the line: an adoption naming none of several accounts (or one adopted already), two beside one
account, several totals beside it, or figures in the movements' columns.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, NamedTuple, Optional, Sequence

from auditor.errors import InputError
from auditor.labels import naming_words, row_key
from auditor.model import Period, Row, amount_of


class Adopted(NamedTuple):
    """An adoption's figure added to the balance at end a row's balance at beginning carries."""

    period: int  # the row opening on it
    row: int
    adoption_period: int  # the adoption's row, and the column of its figure
    adoption_row: int
    column: int


def read(periods: Sequence[Period], patterns: Sequence, opening: int, closing: int,
         linked: Callable[[], Sequence[tuple[int, int]]], path: Optional[str]) -> tuple[tuple[Adopted, ...], str]:
    """The adoptions' rows read as carried, and the basis; () where the table prints none.
    (`linked`: the carry forward's links, the earlier period and the later, asked for only here.)"""
    labels = {row.label for period in periods for row in period.rows}  # (each label tried once)
    named = {label for label in labels if label and any(x.search(label) for x in patterns)}
    if not named:
        return (), ""
    links = linked()
    earlier = {later: before for before, later in links}
    later = {before: after for before, after in links}
    found: list[Adopted] = []
    said: list[str] = []
    for p, period in enumerate(periods):
        rows = [r for r, row in enumerate(period.rows) if not row.is_total]
        adoptions = [r for r in rows if period.rows[r].label in named]
        if not adoptions:
            continue
        accounts = [r for r in rows if r not in adoptions]
        figures = {r: _figure(period.rows[r], opening, closing, path) for r in adoptions}
        for r, a in _matched(period, adoptions, accounts, patterns, path):
            _adopt(periods, p, a, [r], figures, earlier.get(p), later.get(p), opening, closing, found, said)
        totals = [r for r, row in enumerate(period.rows) if row.is_total]
        if len(totals) > 1:
            _refuse(period.rows[adoptions[0]], "beside several totals", path)
        if totals:  # (a total carries every account's adoption: the arithmetic says which carry, as an account's)
            _adopt(periods, p, totals[0], adoptions, figures, earlier.get(p), later.get(p), opening, closing, found, said)
    return tuple(found), "; ".join(said)


def _adopt(periods: Sequence[Period], p: int, a: int, adoptions: Sequence[int], figures: dict[int, int],
           before: Optional[int], after: Optional[int], opening: int, closing: int, found: list[Adopted],
           said: list[str]) -> None:
    """Row `a` of period `p` read as adjusted by the adoptions' rows beside it (their figures' columns)."""
    rows = periods[p].rows
    amount = sum((amount_of(rows[r].cells[figures[r]]) for r in adoptions), Decimal(0))
    target, note = _target(periods, p, a, before, after, amount, figures[adoptions[0]], opening, closing)
    if target is None:
        return
    for r in adoptions:
        found.append(Adopted(target[0], target[1], p, r, figures[r]))
        said.append(f"the adoption's row {rows[r].label!r} (line {rows[r].line}) " + (note or (
            f"is added to the balance of {rows[a].label!r} carried into {periods[target[0]].label!r}")))


def _target(periods: Sequence[Period], p: int, a: int, before: Optional[int], after: Optional[int], adoption: Decimal,
            k: int, opening: int, closing: int) -> tuple[Optional[tuple[int, int]], str]:
    """The row whose balance at beginning the adoption joins (account `a` of period `p` adopting
    it), or None, and a note where that carry goes unchecked."""
    account = periods[p].rows[a]
    opens = _place(periods, before, account)
    carried = _place(periods, after, account)
    begins, ends = amount_of(account.cells[opening]), amount_of(account.cells[closing])
    ended = None if opens is None else amount_of(periods[opens[0]].rows[opens[1]].cells[closing])
    follows = None if carried is None else amount_of(periods[carried[0]].rows[carried[1]].cells[opening])
    if ended is None and (follows is None or _nearer(follows, ends, ends + adoption, k != closing)):
        # The first printed year opens with the adoption (the next year's opens at its end, none is
        # printed, or neither closes and that carry misses by less without it): the year before's
        # balance at end, which it joins, is not printed.
        return (p, a), (f"opens the first printed year of {account.label!r}: the balance at end it joins is not "
                        "printed, so that carry is not checked")
    if ended is not None and begins == ended + adoption:
        return (p, a), ""
    if follows is not None and follows == ends + adoption:
        return carried, ""
    # Neither carry closes: not the one that closes without it (the other holds the misprint), else
    # the one the row's printing says (a figure at end: a balance carried).
    if ended is not None and (follows == ends or begins != ended and (k != closing or carried is None)):
        return (p, a), ""
    return carried, ""


def _nearer(printed: Decimal, plain: Decimal, adopted: Decimal, tie: bool) -> bool:
    """Whether a balance at beginning is nearer its carry without the adoption than with it (a
    misprint is the smaller difference; `tie`: as the row's printing says)."""
    without, through = abs(printed - plain), abs(printed - adopted)
    return without < through or without == through and tie


def _matched(period: Period, adoptions: Sequence[int], accounts: Sequence[int], patterns: Sequence,
             path: Optional[str]) -> list[tuple[int, int]]:
    """Each adoption's row and the account it adjusts: the one account beside it, else the one its
    label's words name (a word of one account's label alone: "Adoption of ASC 326 - contract
    assets" beside "... - trade receivables" and "... - contract assets"; else every word of one
    account's label).  Refused otherwise."""
    rows = period.rows
    if not accounts:
        _refuse(rows[adoptions[0]], "beside no account", path)
    if len(accounts) == 1:
        if len(adoptions) > 1:
            _refuse(rows[adoptions[1]], "is a second beside one account", path)
        return [(adoptions[0], accounts[0])]
    words = {a: naming_words(rows[a].label) for a in accounts}
    pairs: list[tuple[int, int]] = []
    for r in adoptions:
        own = naming_words(_unnamed(rows[r].label, patterns))
        owners = [[a for a in accounts if w in words[a]] for w in own]
        named = {found[0] for found in owners if len(found) == 1}
        if len(named) != 1:  # (else the one account its label names whole: "... - Allowance for cooperative advertising")
            named = {a for a in accounts if words[a] and words[a] <= own}
        if len(named) != 1:
            _refuse(rows[r], "beside several accounts, naming none of them alone", path)
        if any(a in named for _, a in pairs):
            _refuse(rows[r], "is a second naming the same account", path)
        pairs.append((r, named.pop()))
    return pairs


def _unnamed(label: str, patterns: Sequence) -> str:
    """The label without the words naming it an adoption."""
    for pattern in patterns:
        match = pattern.search(label)
        if match:
            return label[:match.start()] + " " + label[match.end():]
    return label


def _refuse(row: Row, why: str, path: Optional[str]) -> None:
    raise InputError(f"a standard's adoption printed as a row of its own ({row.label!r}) {why}: its effect on the "
                     "balance at beginning is not read; print it as a column to check the schedule", path, row.line)


def _figure(row: Row, opening: int, closing: int, path: Optional[str]) -> int:
    """The column of the adoption's figure: at end where printed (the balance carried; one at
    beginning that differs is the row's own identity's to report), else at beginning."""
    printed = [k for k, cell in enumerate(row.cells) if cell is not None and cell.value]
    if any(k not in (opening, closing) for k in printed):
        _refuse(row, "prints figures in the movements' columns", path)
    if not printed:
        _refuse(row, "prints no figure", path)
    return closing if closing in printed else opening


def _place(periods: Sequence[Period], p: Optional[int], account: Row) -> Optional[tuple[int, int]]:
    """The account's row (or total) in period `p`, if printed."""
    if p is None:
        return None
    key = row_key(account.label)
    for r, row in enumerate(periods[p].rows):
        if row.is_total == account.is_total and row.label and row_key(row.label) == key:
            return p, r
    return None
