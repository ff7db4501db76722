"""The printed table against the facts tagged on it: `tagged_value`, `tagged_context`.

Each printed figure of an inline XBRL table sits inside (or right beside:
"(" and ")" are printed outside) the `ix:nonFraction` element that tags
it.  `match` pairs each cell of a schedule read from the table with the
fact whose element overlaps the cell's characters, by position alone, so
it works whichever front end read the table.  The evaluators compare
effects on the balance, not printed signs: a `...Deductions` fact is an
amount taken from the balance, which a table prints as "146" under
"Deductions" or as "(146)", and both agree with it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from itertools import chain, takewhile
from typing import TYPE_CHECKING, Iterator, NamedTuple, Optional, TypeVar

from auditor.cells import located
from auditor.frontends.xbrl.facts import Fact, Facts, local
from auditor.frontends.xbrl.schedule import concept_roles, member_label
from auditor.model import Cell, Effect, Schedule
from auditor.ruleset.checks import Claim
from auditor.ruleset.nodes import Tolerance
from auditor.ruleset.table import Place, Table

if TYPE_CHECKING:
    from auditor.ruleset.model import Rule, RuleSet

Vote = TypeVar("Vote")
# A row's votes: the first days, last days and members its tags name.
Votes = tuple[Counter[date], Counter[date], Counter[Optional[str]]]

BALANCE = ("opening", "closing", "adjusted")


class Tag(NamedTuple):
    fact: Fact
    effect: Effect  # the effect of the fact's concept
    element: Cell  # the place of its ix:nonFraction element, for `related`


def match(schedule: Schedule, facts: Facts, ruleset: RuleSet) -> dict[Place, Tag]:
    """(period, row, column) -> Tag for every cell of a table schedule whose
    characters overlap an `ix:nonFraction` element of the family."""
    if not facts.facts:
        return {}
    spans = sorted(facts.facts, key=lambda f: f.start)
    places = [(facts.position(f.start), facts.position(f.end)) for f in spans]
    firsts = [start for start, _ in places]
    effects: dict[str, Optional[Effect]] = {}
    found: dict[Place, Tag] = {}
    for p, r, k, cell in located(schedule):
        first, last = (cell.line, cell.column), (cell.line, max(cell.end_column, cell.column + 1))
        # the last element starting before the cell's end, then those before it, while they end after
        # the cell's start; a printed nil's first, where it is one, the empty nil element just before it
        i = bisect_left(firsts, last) - 1
        nil = [i] if cell.value is None and i >= 0 and _nil_before(spans[i], places[i][1], first) else []
        tried = chain(nil, takewhile(lambda j: places[j][1] > first, range(i, -1, -1)))
        tag = next((t for t in (_tag(spans[j], places[j][0], effects, ruleset) for j in tried) if t is not None), None)
        if tag is not None:
            found[(p, r, k)] = tag
    return found


def _tag(fact: Fact, start: tuple[int, int], effects: dict[str, Optional[Effect]], ruleset: RuleSet) -> Optional[Tag]:
    """A cell's tag by `fact` (its element starting at `start`, line and column), where the fact's
    concept has an effect in the schedule (`_effect_of`); else None."""
    effect = _effect_of(fact, effects, ruleset)
    if effect is None:
        return None
    line, column = start
    return Tag(fact, effect, Cell(fact.value, fact.text, line, column, column + 1))


# How far before a printed nil an empty xsi:nil element may end and still be its tag
# (`<ix:nonFraction ... xsi:nil="true"/>&#8212;`: an xsi:nil fact has no content,
# so filing software prints the dash just after it, at most a closing tag or two between).
NIL_REACH = 16


def _nil_before(fact: Fact, end: tuple[int, int], start: tuple[int, int]) -> bool:
    """Whether `fact` is a nil fact whose empty element ends just before a printed nil at `start`."""
    return (fact.value is None and not fact.text and not fact.problem and end[0] == start[0]
            and 0 <= start[1] - end[1] <= NIL_REACH)


def _effect_of(fact: Fact, effects: dict[str, Optional[Effect]], ruleset: RuleSet) -> Optional[Effect]:
    if fact.concept not in effects:
        roles = concept_roles(fact.local, ruleset.roles)
        effects[fact.concept] = roles[0].effect if roles else None
    return effects[fact.concept]


def printed(cell: Cell) -> Decimal:
    """The figure as printed, read from its text alone: "(146)" is -146 (the
    print and the tag are two witnesses, so neither may colour the other)."""
    text = cell.raw.replace(",", "").replace("$", "").replace(" ", "")
    negative = text.startswith("(") or text.startswith("-") or text.startswith("\u2212")
    text = text.strip("()-\u2212")
    if cell.value is None:
        return Decimal(0)
    try:
        number = Decimal(text)
    except InvalidOperation:
        return abs(cell.value) * (-1 if cell.value < 0 else 1)
    return -number if negative else number


def _effect(amount: Decimal, effect: Optional[Effect]) -> Decimal:
    return -amount if effect == "subtract" else amount


def _exponent(tags: dict[Place, Tag]) -> int:
    counts = Counter(t.fact.scale for t in tags.values())
    return counts.most_common(1)[0][0] if counts else 0


def value_claims(table: Table, rule: Rule, tolerance: Tolerance) -> Iterator[Claim]:
    """A fact whose value (after sign, scale and format) has another effect on
    the balance than the printed figure it tags, as the table reads it."""
    tags = table.tags
    exponent = _exponent(tags)
    columns = table.schedule.columns
    slip = _scale_slip(table, exponent)
    if slip is not None:
        yield slip
    for (p, r, k), tag in sorted(tags.items()):
        cell = table.cell(p, r, k)
        assert cell is not None  # (a tag is matched to a printed cell)
        column = columns[k]
        if (tag.effect in BALANCE) != (column.effect in BALANCE):
            continue  # a balance's tag on a movement's cell: the table's reading is in doubt, not the tag
        if tag.fact.value is None:
            if tag.fact.problem:
                yield _claim(p, r, k, tag, None, printed(cell), tag.fact.problem)
            continue
        shown = printed(cell)
        table_effect = _effect(table.factor[k] * shown, column.effect)
        fact_amount = tag.fact.value.scaleb(-exponent)
        if _effect(fact_amount, tag.effect) == table_effect:
            continue
        # What the table would print if it agreed with the fact, in its own convention.
        agreed = _effect(_effect(fact_amount, tag.effect), column.effect) * table.factor[k]
        yield _claim(p, r, k, tag, agreed, shown, _why(tag.fact, shown, fact_amount, exponent))


# The power of ten of the units a table states ("(In millions)").
STATED = {"thousands": 3, "millions": 6, "billions": 9}


def _scale_slip(table: Table, exponent: int) -> Optional[Claim]:
    """One claim where the tags agree with their prints digit for digit but are
    scaled to other units than the table states (scale="3" under "(In millions)":
    every fact a thousand times off, a slip of the tagging, not of one figure).
    Said once, at the first figure, not at every cell: each cell's own check
    still compares digits, so a wrong figure is found at its cell all the same."""
    stated = STATED.get(table.schedule.units or "")
    if stated is None or stated == exponent:
        return None
    for (p, r, k), tag in sorted(table.tags.items()):
        cell = table.cell(p, r, k)
        if cell is None or tag.fact.value is None or tag.fact.scale != exponent or not printed(cell):
            continue
        if abs(tag.fact.value.scaleb(-exponent)) != abs(printed(cell)):
            continue  # (the first figure whose digits agree: the slip is the units alone)
        units = {v: n for n, v in STATED.items()}.get(exponent, f"10^{exponent}")
        why = (f'the facts are tagged scale="{exponent}" ({units}) where the table states its figures in '
               f"{table.schedule.units}: each fact is 10^{abs(stated - exponent)} times "
               f"{'smaller' if exponent < stated else 'larger'} than its print")
        return _claim(p, r, k, tag, printed(cell).scaleb(exponent - stated), printed(cell), why)
    return None


def _why(fact: Fact, shown: Decimal, amount: Decimal, exponent: int) -> str:
    if fact.scale != exponent:
        return f'scale="{fact.scale}" where the table\'s other tags have scale="{exponent}"'
    if abs(amount) == abs(shown):
        return ('sign="-" makes the fact negative' if fact.sign else 'no sign="-" makes the fact negative') + \
               ", so it moves the balance the other way than the printed figure"
    return f"the tagged text {fact.text!r} reads as {amount:,f} by format {fact.format or '(none)'}"


def _claim(p: int, r: int, k: int, tag: Tag, actual: Optional[Decimal], expected: Decimal, why: str) -> Claim:
    difference = actual - expected if actual is not None else None
    return Claim(p, r, k, actual, expected, difference, (tag.element,),
                 {"fact": fact_name(tag.fact), "reason": why})


def fact_name(fact: Fact) -> str:
    return f"{fact.concept}" + (f" id {fact.id}" if fact.id else "")


def context_claims(table: Table, rule: Rule, tolerance: Tolerance) -> Iterator[Claim]:
    """A fact tagged for another period or reserve than the table prints it in:
    its period and member against those most of the other tags of its printed
    row name.  (A whole row whose tags name another period than the row's
    printed period is a doubt about the table's reading, not a claim about
    the filing: such rows are left alone.)"""
    tags = table.tags
    columns = table.schedule.columns
    votes: dict[tuple[int, int], Votes] = {}
    for (p, r, k), tag in tags.items():
        start, end = _dates(tag, columns[k].effect)
        row = votes.setdefault((p, r), (Counter(), Counter(), Counter()))
        if start is not None:
            row[0][start] += 1
        if end is not None:
            row[1][end] += 1
        row[2][tag.fact.context.member(table.axis)] += 1
    miskinded: dict[int, list[tuple[int, int, Tag]]] = {}  # column -> its figures tagged for the other kind of period
    for (p, r, k), tag in sorted(tags.items()):
        effect = columns[k].effect
        if (tag.effect in BALANCE) != (effect in BALANCE):
            continue  # a balance's tag on a movement's cell: the table's reading is in doubt, not the tag
        if tag.fact.context.instant != (effect in BALANCE):
            miskinded.setdefault(k, []).append((p, r, tag))
            continue
        starts, ends, members = votes[(p, r)]
        start, end = _dates(tag, effect)
        if effect == "opening" and start is not None and starts and start - timedelta(days=1) == _best(starts):
            # An opening balance tagged at its period's first day (filers of 52/53-week years do; the
            # schedule's reading takes it as the opening balance too): the same period.
            start = _best(starts)
        if any(d is not None and _outvoted(d, v) for d, v in ((start, starts), (end, ends))):
            yield _context_claim(p, r, k, tag, f"it is tagged for {_period(tag.fact)}, but the other figures "
                                               f"of its row for {_majority(starts, ends)}")
            continue
        member = tag.fact.context.member(table.axis)
        if _outvoted(member, members):
            other = members.most_common(1)[0][0]
            yield _context_claim(p, r, k, tag, f"it is tagged for the member {member_label(member)!r}, but the "
                                               f"other figures of its row for {member_label(other)!r}")
    for k, cells in miskinded.items():
        yield _kind_claim(k, cells)


# How many other figures a claim about a column's figures names by place (the rest counted).
NAMED_PLACES = 6


def _kind_claim(k: int, cells: list[tuple[int, int, Tag]]) -> Claim:
    """One claim for a column's figures tagged for an instant where the column moves the
    balance, or for a duration where it is a balance (a filer tagging every balance "for
    the year"): said at the first, naming the others, not once per figure."""
    p, r, tag = cells[0]
    kind = "an instant" if tag.fact.context.instant else "a duration"
    why = f"it is tagged for {kind}"
    others = [t.element for _, _, t in cells[1:]]
    if others:
        places = ", ".join(f"{c.line}:{c.column}" for c in others[:NAMED_PLACES])
        more = f" and {len(others) - NAMED_PLACES} more" if len(others) > NAMED_PLACES else ""
        why += (f", as are the {len(others)} other figure{'s' if len(others) != 1 else ''} of this column so tagged "
                f"(at {places}{more})")
    return Claim(p, r, k, None, None, None, (tag.element, *others), {"fact": fact_name(tag.fact), "reason": why})


def _dates(tag: Tag, effect: Optional[Effect]) -> tuple[Optional[date], Optional[date]]:
    """The period a fact says its figure belongs to: (first day, last day),
    either None where a balance tells only one of them."""
    ctx = tag.fact.context
    if ctx.instant:
        if effect in ("opening", "adjusted"):  # (a balance adjusted at the period's start: the opening's instant)
            return ctx.end + timedelta(days=1), None
        return None, ctx.end
    return ctx.start, ctx.end


def _best(votes: Counter[Vote]) -> Vote:
    return votes.most_common(1)[0][0]


def _outvoted(value: Vote, votes: Counter[Vote]) -> bool:
    best, count = votes.most_common(1)[0]
    return best != value and count > votes[value]


def _period(fact: Fact) -> str:
    ctx = fact.context
    return f"the instant {ctx.end}" if ctx.instant else f"{ctx.start} to {ctx.end}"


def _majority(starts: Counter[date], ends: Counter[date]) -> str:
    start = starts.most_common(1)[0][0] if starts else None
    end = ends.most_common(1)[0][0] if ends else None
    return f"{start or '?'} to {end or '?'}"


def _context_claim(p: int, r: int, k: int, tag: Tag, why: str) -> Claim:
    return Claim(p, r, k, None, None, None, (tag.element,), {"fact": fact_name(tag.fact), "reason": why})


__all__ = ["match", "Tag", "local"]
