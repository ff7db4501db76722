"""Which dimensions of a document's Schedule II facts name its reserves.

The rules file names the standard axis (`ValuationAllowancesAndReservesTypeAxis`),
but many filers tag their reserves on an axis of their own (`abc:ReserveTypeAxis`,
`abc:ValuationAndQualifyingAccountsAxis`), whose members are theirs too.  No
list of names can know them: an axis is told by what its members carry.  An
axis names reserves where one of its members, as the only dimension of its
contexts, tags both a balance and a movement of the family: a row of the
schedule.  A breakdown tagged beside the reserves (a reserve by segment)
shares its contexts with the reserve axis, so it never tags a row alone.

Some filers tag some reserves on the standard axis and others on one of their
own (or on two of their own: receivables allowances on one, the tax valuation
allowance on another).  Of several such axes, the facts of no member (the
totals) tell which are parts of one schedule and which are another cut of
the same reserves: the set of axes whose members' facts sum to the most of
the totals (each member one account; complementary axes sum only together,
while a second breakdown of the same reserves sums on its own and counts
every reserve twice beside the first).  Where no set sums to any total (no
total tagged), the rules file's axis where it is one (the standard axis is
the filer's declared intent), else the one tagging the most facts (a tie:
the one tagged first).  Where none is, the rules file's: nothing changes.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from itertools import combinations
from typing import Iterable, Optional

from auditor.frontends.xbrl.facts import ENTITY_AXES, QUALIFYING_AXES, Fact, local

# (concept, first day or None, last day): where a total and its parts are tagged.
Key = tuple[str, Optional[date], date]
MOST_AXES = 4  # sets of more axes than this are not tried (a document tags one or two)


def reserve_axes(facts: Iterable[Fact], balances: set[str], movements: set[str], configured: str) -> tuple[str, ...]:
    """The local names of the axes whose members are the document's reserves,
    the first the one the schedule is said to be read on.
    `balances` and `movements`: the family's concepts (qualified names) of each kind."""
    family = balances | movements
    alone = [f for f in facts if f.concept in family and len(f.context.members) <= 1]
    carried: dict[tuple[str, str], set[bool]] = {}  # (axis, member) -> kinds tagged: True for a balance
    counts: Counter[str] = Counter()
    for fact in alone:
        if fact.context.members:
            dimension, member = fact.context.members[0]
            axis = local(dimension)
            if axis in ENTITY_AXES or axis in QUALIFYING_AXES:
                continue  # (a registrant of a combined 10-K, a scenario, a range: never a reserve)
            counts[axis] += 1
            carried.setdefault((axis, member), set()).add(fact.concept in balances)
    rows = {axis for (axis, _), kinds in carried.items() if len(kinds) == 2}
    if not rows:
        return (configured,)
    # (Counter keeps first-tagged order among equal counts.)
    ranked = sorted(rows, key=lambda a: (a != configured, -counts[a], list(counts).index(a)))
    if len(ranked) == 1:
        return (ranked[0],)
    totals, parts = _totals_and_parts(alone, set(ranked))
    candidates = [group for n in range(min(len(ranked), MOST_AXES), 0, -1) for group in combinations(ranked, n)]
    scores = [_summing(group, totals, parts) for group in candidates]
    if not max(scores):
        return (ranked[0],)
    # The best set; of equal ones the larger (a reserve with nothing to add is still one), the first ranked.
    return candidates[scores.index(max(scores))]


def _totals_and_parts(facts: list[Fact], axes: set[str]) -> tuple[dict[Key, Decimal], dict[str, dict[Key, Decimal]]]:
    """The facts of no member by place, and each axis's members' facts summed by place
    (a member's fact tagged twice counted once)."""
    totals: dict[Key, Decimal] = {}
    seen: dict[tuple[str, str, Key], Decimal] = {}
    for f in facts:
        key = (f.concept, f.context.start, f.context.end)
        value = f.value if f.value is not None else Decimal(0)
        if not f.context.members:
            totals.setdefault(key, value)
        elif local(f.context.members[0][0]) in axes:
            dimension, member = f.context.members[0]
            seen.setdefault((local(dimension), member, key), value)
    parts: dict[str, dict[Key, Decimal]] = {}
    for (axis, _, key), value in seen.items():
        parts.setdefault(axis, {})
        parts[axis][key] = parts[axis].get(key, Decimal(0)) + value
    return totals, parts


def _summing(group: tuple[str, ...], totals: dict[Key, Decimal], parts: dict[str, dict[Key, Decimal]]) -> int:
    """How many totals the members of these axes sum to."""
    count = 0
    for key, total in totals.items():
        tagged = [parts[a][key] for a in group if key in parts.get(a, {})]
        count += bool(tagged) and sum(tagged, Decimal(0)) == total
    return count


def reserve_axis(facts: Iterable[Fact], balances: set[str], movements: set[str], configured: str) -> str:
    """The first of `reserve_axes`: the axis the schedule is said to be read on."""
    return reserve_axes(facts, balances, movements, configured)[0]


__all__ = ["reserve_axes", "reserve_axis"]
