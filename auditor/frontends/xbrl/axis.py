"""Which dimension of a document's Schedule II facts names its reserves.

The rules file names the standard axis (`ValuationAllowancesAndReservesTypeAxis`),
but many filers tag their reserves on an axis of their own (`abc:ReserveTypeAxis`,
`abc:ValuationAndQualifyingAccountsAxis`), whose members are theirs too.  No
list of names can know them: an axis is told by what its members carry.  An
axis names reserves where one of its members, as the only dimension of its
contexts, tags both a balance and a movement of the family: a row of the
schedule.  A breakdown tagged beside the reserves (a reserve by segment)
shares its contexts with the reserve axis, so it never tags a row alone.

Of several such axes, the rules file's where it is one (the standard axis is
the filer's declared intent), else the one tagging the most facts (a tie: the
one tagged first).  Where none is, the rules file's: nothing changes.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from auditor.frontends.xbrl.facts import Fact, local


def reserve_axis(facts: Iterable[Fact], balances: set[str], movements: set[str], configured: str) -> str:
    """The local name of the axis whose members are the document's reserves.
    `balances` and `movements`: the family's concepts (qualified names) of each kind."""
    carried: dict[tuple[str, str], set[bool]] = {}  # (axis, member) -> kinds tagged: True for a balance
    counts: Counter[str] = Counter()
    family = balances | movements
    for fact in facts:
        if len(fact.context.members) != 1 or fact.concept not in family:
            continue
        dimension, member = fact.context.members[0]
        axis = local(dimension)
        counts[axis] += 1
        carried.setdefault((axis, member), set()).add(fact.concept in balances)
    rows = {axis for (axis, _), kinds in carried.items() if len(kinds) == 2}
    if configured in rows or not rows:
        return configured
    # (Counter keeps first-tagged order among equal counts.)
    return max(rows, key=lambda a: (counts[a], -list(counts).index(a)))


__all__ = ["reserve_axis"]
