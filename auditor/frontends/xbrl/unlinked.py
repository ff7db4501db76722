"""Facts tagged apart from their print: the schedule's facts in ix:hidden,
their printed figures untagged, no -sec-ix-hidden style naming a fact (all of
them, or some beside facts printed in place: their rows and columns then pair
the printed table with the facts' own).

Position cannot pair a printed cell with its fact (`tagged.match` finds no
element on any printed figure), so the printed table is laid beside the
facts' own schedule: the columns by role, and each printed row with the
facts' row that agrees with it on its figures' magnitudes (a tag's sign may
be the very thing wrong), all but one of them and at least two, no other
row agreeing as well; the rows of a printed period with one period of the
facts; a column no role pairs, with the facts' column of its effect whose
figures it prints in the rows paired.  Each cell of a row so paired is then
tagged with the fact of its column, as if printed there: the tags are
checked against the print, and the facts' own findings about figures
printed are the table's (said once).  A row agreeing with no row of the
facts, or with two alike, stays untagged.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from auditor.frontends.xbrl.schedule import concept_roles
from auditor.model import Cell, Schedule

if TYPE_CHECKING:
    from auditor.frontends.xbrl.front import Tagged, Tags
    from auditor.ruleset.rules import RuleSet

Row = tuple[int, int]  # (period, row)


def tags(schedule: Schedule, found: Tagged, ruleset: RuleSet, placed: Optional[Tags] = None) -> Tags:
    """(period, row, column) of the printed table -> the hidden fact of that cell,
    where facts are hidden and rows pair as the module says; else {}.  `placed`:
    the printed cells position already pairs with their facts (a table mixing
    facts printed in place with hidden ones): their rows and columns pair the
    table with the facts' schedule, and only cells they leave untagged are
    tagged here, each only with a hidden fact no print shows."""
    from auditor.ruleset.tagged import Tag

    cells = found.reading.cells
    placed = placed or {}
    if not cells or not any(f.hidden for f in cells.values()):
        return {}  # (every fact printed, or shown by a -sec-ix-hidden style: position pairs them)
    known_rows, known_columns = _placed_pairs(placed, cells, schedule, found.schedule)
    columns = {**_columns(schedule, found.schedule), **known_columns}
    if len(columns) < 2:
        return {}
    rows = {**_rows(schedule, found.schedule, columns, set(known_rows.values())), **known_rows}
    columns.update(_by_figures(schedule, found.schedule, columns, rows))
    # A hidden fact of the concept and context of one printed in place, another value (a closing
    # balance printed in place, the next year's opening hidden): the hidden one is this cell's.
    twins = {id(shown): odd for odd, shown in found.reading.conflicts if odd.hidden and not shown.hidden}
    out: Tags = {}
    for (p, r), (fp, fr) in rows.items():
        for k, fk in columns.items():
            fact = cells.get((fp, fr, fk))
            if fact is not None and not fact.hidden:
                fact = twins.get(id(fact))
            if fact is None or (p, r, k) in placed or schedule.periods[p].rows[r].cells[k] is None:
                continue
            roles = concept_roles(fact.local, ruleset.roles)
            if not roles:
                continue
            line, column = found.facts.position(fact.start)
            out[(p, r, k)] = Tag(fact, roles[0].effect, Cell(fact.value, fact.text, line, column, column + 1))
    return out


def _placed_pairs(placed: Tags, cells: dict, printed: Schedule, facts: Schedule) -> tuple[dict[Row, Row], dict[int, int]]:
    """The printed rows and columns paired with the facts' by the facts printed in
    place (a fact's concept and context -> its cells of the facts' schedule, the
    one in a column of the printed column's role: a balance's instant closes one
    year and opens the next), each only where all its placed facts agree."""
    where: dict[tuple, list[tuple[int, int, int]]] = {}
    for at, f in cells.items():
        where.setdefault((f.concept, f.context), []).append(at)
    rows: dict[Row, set[Row]] = {}
    columns: dict[int, set[int]] = {}
    for (p, r, k), tag in placed.items():
        role = printed.columns[k].role
        ats = [at for at in where.get((tag.fact.concept, tag.fact.context), ()) if facts.columns[at[2]].role == role]
        if len(ats) == 1:
            rows.setdefault((p, r), set()).add(ats[0][:2])
            columns.setdefault(k, set()).add(ats[0][2])
    return ({row: next(iter(pair)) for row, pair in rows.items() if len(pair) == 1},
            {k: next(iter(fk)) for k, fk in columns.items() if len(fk) == 1})


def _columns(printed: Schedule, facts: Schedule) -> dict[int, int]:
    """Printed column -> the facts' column of the same role (roles printed once only)."""
    mine = Counter(c.role for c in printed.columns)
    theirs = {c.role: k for k, c in enumerate(facts.columns)}
    return {k: theirs[c.role] for k, c in enumerate(printed.columns)
            if c.role is not None and mine[c.role] == 1 and c.role in theirs}


def _by_figures(printed: Schedule, facts: Schedule, columns: dict[int, int], rows: dict[Row, Row]) -> dict[int, int]:
    """The columns left unpaired (two of one effect each side: "Credited to costs" and
    "Credited to other accounts" printed, ...Deductions and a filer's own concept
    tagged), each paired with the facts' column of its effect whose figures in the
    paired rows it prints (a nil as 0): most agreeing, more than disagreeing, one non-nil."""
    out: dict[int, int] = {}
    left = [k for k in range(len(printed.columns)) if k not in columns]
    others = [k for k in range(len(facts.columns)) if k not in columns.values()]
    for k in left:
        scores = []
        for fk in others:
            if facts.columns[fk].effect != printed.columns[k].effect or fk in out.values():
                continue
            pairs = [(printed.periods[p].rows[r].cells[k], facts.periods[fp].rows[fr].cells[fk])
                     for (p, r), (fp, fr) in rows.items()]
            values = [(abs(a.value) if a is not None and a.value is not None else Decimal(0),
                       abs(b.value) if b is not None and b.value is not None else Decimal(0)) for a, b in pairs]
            agree = sum(a == b for a, b in values)
            if agree > len(values) - agree and any(a == b != 0 for a, b in values):
                scores.append((agree, fk))
        scores.sort(reverse=True)
        if scores and (len(scores) == 1 or scores[1][0] < scores[0][0]):
            out[k] = scores[0][1]
    return out


def _rows(printed: Schedule, facts: Schedule, columns: dict[int, int], taken: frozenset[Row] | set[Row] = frozenset()) -> dict[Row, Row]:
    """Each printed row -> the facts' row agreeing with it (see the module), the
    rows of one printed period paired within the facts' period most of them pair with;
    the facts' rows `taken` (paired by the facts printed in place) left to their rows."""
    best = {(p, r): _best(row.cells, facts, columns, None)
            for p, period in enumerate(printed.periods) for r, row in enumerate(period.rows)}
    votes: dict[int, Counter[int]] = {}
    for (p, _), pair in best.items():
        if pair is not None:
            votes.setdefault(p, Counter())[pair[0]] += 1
    out: dict[Row, Row] = {}
    used: set[Row] = set(taken)
    for (p, r) in best:
        if p not in votes:
            continue
        pair = _best(printed.periods[p].rows[r].cells, facts, columns, votes[p].most_common(1)[0][0])
        if pair is not None and pair not in used:
            out[(p, r)] = pair
            used.add(pair)
    return out


def _best(cells: tuple, facts: Schedule, columns: dict[int, int], period: Optional[int]) -> Optional[Row]:
    """The facts' row agreeing with a printed row's figures (in `period` only, if given), or None."""
    figures = {k: abs(c.value) for k, c in enumerate(cells) if k in columns and c is not None and c.value}
    if not figures:
        return None
    scores = Counter({(fp, fr): _agree(figures, row.cells, columns)
                      for fp, fperiod in enumerate(facts.periods) if period in (None, fp)
                      for fr, row in enumerate(fperiod.rows)})
    ranked = scores.most_common(2)
    if not ranked:
        return None
    top = ranked[0][1]
    if top < min(2, len(figures)) or top < len(figures) - 1 or (len(ranked) > 1 and ranked[1][1] == top):
        return None
    return ranked[0][0]


def _agree(figures: dict[int, Decimal], cells: tuple, columns: dict[int, int]) -> int:
    """How many of the printed figures the facts' row gives in magnitude."""
    return sum(1 for k, v in figures.items()
               if cells[columns[k]] is not None and cells[columns[k]].value is not None
               and abs(cells[columns[k]].value) == v)
