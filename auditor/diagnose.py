"""Diagnosis: which printed figure, corrected, makes the failed arithmetic hold.

Rule-agnostic: it knows the checks only through their findings (the cell a
finding is about, the cells it read, the amount it expected).  For each cell
the failures name it tries the values they imply, re-runs the public engine
on a copy of the schedule with that one figure changed, and keeps the change
if every failure that reads the cell disappears and no new one appears.
A failure that exactly one such cell explains gets a `Suggestion`; where
several cells explain the same failures equally, they are all listed as
candidates and none is picked.  Where no single cell explains a cluster of
failures (failures linked by the cells they share), it looks for the one
pair of cells whose joint correction does (`_pairs`).  Runs after the
engine, never inside it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, replace
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Optional

from auditor.ruleset import engine
from auditor.ruleset.engine import amount_text
from auditor.cells import LocatedCell, Place, by_place, located, with_cell
from auditor.labels import row_key
from auditor.model import Cell, Finding, Period, Schedule, amount_of

if TYPE_CHECKING:
    from auditor.result import FileResult
    from auditor.ruleset.rules import Rule, RuleSet

Only = Optional[Callable[["Rule"], bool]]  # the rules to run (--select/--ignore); None: all
Key = tuple[str, int, int]  # a failure: rule, line, column
Cells = dict[Place, LocatedCell]
Trial = tuple[Place, set[Key], list[Decimal]]  # a cell, the failures reading it, the values to try
Pair = frozenset[tuple[Place, Decimal]]  # two cells, each with its corrected value

# Beyond this many trial corrections a schedule is too broken to diagnose
# cheaply (usually a misread layout, where no single figure is at fault).
MAX_TRIALS = 300

# Engine runs spent looking for a pair of wrong figures in one cluster: an
# evaluation costs about a millisecond on a three-period schedule, so a
# hopeless cluster costs a fraction of a second; the pairs a cluster's own
# failures imply need a few dozen.
MAX_PAIR_TRIALS = 300

COLUMN_WORDS = {
    "beginning": "balance at beginning",
    "ending": "balance at end",
    "charged_costs": "charged to costs and expenses",
    "charged_other": "charged to other accounts",
}


@dataclass(frozen=True)
class Suggestion:
    """One printed figure and the value every failed check reading it implies."""

    cell: Cell
    period: str  # as printed
    period_short: str  # "2003" where the label gives the fiscal year
    row: str
    column: Optional[str]  # role
    value: Decimal
    confidence: str  # high: two or more failed checks agree; medium: one check
    explains: tuple[Finding, ...]  # the failed Findings the correction removes
    slip: Optional[str] = None  # "two digits transposed", ... where the numbers show one
    also: tuple[Suggestion, ...] = ()  # the other wrong figure (a Suggestion) where it takes two to explain the failures

    @property
    def checks(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.check.replace("_", " ") for f in self.explains))

    def sentence(self) -> str:
        """2003 Total, balance at end: printed 9,762, every check that reads it says 9,824"""
        if self.also:
            return PAIR_LEAD + "; ".join(s.should_be() for s in (self,) + self.also) + PAIR_TAIL
        if not self.explains:  # a pair's second figure: only what is left after the first is fixed reads it
            return self.should_be()
        where = self._where()
        if len(self.explains) > 1:
            says = f"every check that reads it ({', '.join(self.checks)}) says"
        else:
            says = f"the {self.checks[0]} that reads it says"
        text = f"{where}: printed {self.cell.raw}, {says} {amount_text(self.value)}"
        return f"{text} (looks like {self.slip})" if self.slip else text

    def _where(self) -> str:
        return f"{self.period_short} {self.row or '(unlabelled total)'}, {column_words(self.column)}"

    def should_be(self) -> str:
        """2003 Total, balance at end: printed 9,762, should be 9,824"""
        text = f"{self._where()}: printed {self.cell.raw}, should be {amount_text(self.value)}"
        return f"{text} (looks like {self.slip})" if self.slip else text


@dataclass
class Diagnosis:
    suggestions: dict[Finding, Suggestion] = field(default_factory=dict)
    candidates: dict[Finding, tuple[Suggestion, ...]] = field(default_factory=dict)  # ambiguous: each equally

    def update(self, other: "Diagnosis") -> None:
        self.suggestions.update(other.suggestions)
        self.candidates.update(other.candidates)


# A failure many figures (or pairs) explain equally is told to people with the
# first few of them, a line a reviewer can read; JSON and SARIF list all.
ALTERNATIVES_SHOWN = 3
# Where all are listed, said where the capped words are shown: a run's report (the text, GitHub
# annotations, the page `check` writes) points to the JSON the run can write; a page drawn from a
# saved result (`auditor report`), to that result, which its reader already has.
Shown = Literal["run", "saved"]
ALL_LISTED: dict[Shown, str] = {"run": "--format json lists all", "saved": "the saved result lists all"}

# A pair's sentence: its lead, each figure's correction, its tail.
PAIR_LEAD = "two figures are wrong: "
PAIR_TAIL = ", together they make every failed check that reads them hold"

# (line, column, corrected value) and its words ("...: printed 559, should be 952"), the same wherever the
# correction is made; None where a saved result does not keep them (a lone candidate: only its sentence)
Correction = tuple[tuple[int, int, Decimal], Optional[str]]


@dataclass(frozen=True)
class Alternative:
    """One of several equal explanations as a writer tells it: where it is
    printed, its sentence, and each figure it corrects; made from a Suggestion
    (`alternative`), or from one read back from a saved result (the HTML page)."""

    where: str  # "LINE:COLUMN"
    sentence: str
    corrections: tuple[Correction, ...]


def alternative(s: Suggestion) -> Alternative:
    return Alternative(f"{s.cell.line}:{s.cell.column}", s.sentence(),
                       tuple(((one.cell.line, one.cell.column, one.value), one.should_be()) for one in (s, *s.also)))


def first_of_pair(sentence: str, others: Sequence[str]) -> Optional[str]:
    """The first figure's correction in a pair's sentence, given the others' (a
    saved result keeps the sentence and each partner's words, not the first's);
    None if the sentence is not a pair's of those others."""
    rest = "".join("; " + o for o in others) + PAIR_TAIL
    if not (sentence.startswith(PAIR_LEAD) and sentence.endswith(rest)):
        return None
    return sentence[len(PAIR_LEAD):len(sentence) - len(rest)]


def ambiguity(candidates: Sequence[Suggestion | Alternative], shown: Optional[int] = None) -> str:
    """The words for a failure several figures explain equally, each named by where it is printed:
    all of them, or (a writer for people) the first `shown` and how many more."""
    told = [c if isinstance(c, Alternative) else alternative(c) for c in candidates]
    listed = "; ".join(f"{a.where} {a.sentence}" for a in told[:shown])
    what = "pairs of figures" if any(len(a.corrections) > 1 for a in told) else "figures"
    more = len(told) - len(told[:shown])
    return f"Any one of {len(told)} {what} would explain this, equally: {listed}" + (
        f"; ... and {more} more" if more else "")


def for_people(candidates: Sequence[Suggestion | Alternative], shown_in: Shown = "run") -> str:
    """The diagnosis of a failure several figures explain equally, capped for a
    reader (the text report, the HTML page, GitHub annotations): the first
    ALTERNATIVES_SHOWN, how many more, where all are listed (ALL_LISTED, by
    what the words are `shown_in`), and with pairs left out, the corrections
    several of them share."""
    told = [c if isinstance(c, Alternative) else alternative(c) for c in candidates]
    text = ambiguity(told, ALTERNATIVES_SHOWN)
    if len(told) <= ALTERNATIVES_SHOWN:
        return text
    shared = [f"{n} of the {len(told)} correct {words}" for words, n in _shared(told)]
    return text + f" ({ALL_LISTED[shown_in]}{''.join('; ' + t for t in shared)})"


def _shared(told: Sequence[Alternative]) -> list[tuple[str, int]]:
    """The corrections (a cell and its value) in more than one of several pairs,
    each with in how many, most first (then as listed); at most ALTERNATIVES_SHOWN."""
    counts: dict[tuple[int, int, Decimal], int] = {}
    words: dict[tuple[int, int, Decimal], str] = {}
    for a in told:
        for key, said in a.corrections:
            counts[key] = counts.get(key, 0) + 1
            if said is not None:
                words.setdefault(key, said)
    most = sorted((k for k in counts if counts[k] > 1 and k in words), key=lambda k: -counts[k])[:ALTERNATIVES_SHOWN]
    return [(words[k], counts[k]) for k in most]


def period_name(period: Period, otherwise: str) -> str:
    """A period as a reviewer names it: its fiscal year where the reading knows
    it ("1997"), else its heading as printed, else `otherwise`."""
    return str(period.fiscal_year) if period.fiscal_year else (period.label or otherwise)


def column_words(role: Optional[str]) -> str:
    return COLUMN_WORDS.get(role or "", (role or "column").replace("_", " "))


def failures(findings: Iterable[Finding]) -> list[Finding]:
    """The findings a correction has to remove: not those rounding explains."""
    return [f for f in findings if f.severity != "info"]


def result(file_result: FileResult, ruleset: RuleSet, only: Only = None) -> Diagnosis:
    """Diagnose every schedule of a checked file; nothing to do when nothing failed."""
    diagnosis = Diagnosis()
    if not failures(file_result.findings):
        return diagnosis
    for schedule in file_result.schedules:
        diagnosis.update(schedule_diagnosis(schedule, ruleset, only))
    # A schedule of inline XBRL facts re-checked here may fail where the
    # report left the failure to the printed table: explain only what is reported.
    # (The report may also add words to a finding: matched by rule and place.)
    reported = {_same(f): f for f in file_result.findings}
    diagnosis.suggestions = {reported[_same(f)]: s for f, s in diagnosis.suggestions.items() if _same(f) in reported}
    diagnosis.candidates = {reported[_same(f)]: c for f, c in diagnosis.candidates.items() if _same(f) in reported}
    return diagnosis


def _same(f: Finding) -> tuple:
    """What makes a reported finding the one diagnosed, whatever words were added to its message."""
    return f.rule, f.location, f.period, f.row, f.column, f.actual, f.expected, f.source


def schedule_diagnosis(schedule: Schedule, ruleset: RuleSet, only: Only = None) -> Diagnosis:
    failed = failures(_evaluate(schedule, ruleset, only))
    if not failed:
        return Diagnosis()
    cells = by_place([schedule])
    before = {_key(f): f for f in failed}
    trials = _trials(failed, cells)
    budget = trial_budget(cells)
    if sum(len(values) for _, _, values in trials) > budget:
        return Diagnosis()
    best: dict[Place, tuple[tuple[Key, ...], Decimal]] = {}  # the value of each cell that explains most
    for position, reading, values in trials:
        # A cell read by fewer failures than one already found explains can only lose to it.
        if any(reading < set(keys) for keys, _ in best.values()):
            continue
        for value in values:
            explained = _explained(schedule, ruleset, only, cells[position], value, before)
            if explained and len(explained) > len(best.get(position, ((),))[0]):
                best[position] = (explained, value)
    diagnosis = _attribute(schedule, cells, before, best)
    for cluster in _clusters([f for f in failed if f not in diagnosis.suggestions and f not in diagnosis.candidates]):
        pairs, runs = _pairs(schedule, ruleset, only, cells, before, cluster, min(MAX_PAIR_TRIALS, budget))
        diagnosis.update(pairs)
        budget -= runs  # (shared by every cluster of the schedule: many clusters, no more work)
    return diagnosis


def trial_budget(cells: Cells) -> int:
    """Trial corrections one schedule may get: each re-runs the engine over
    the whole schedule, so a schedule of thousands of periods gets fewer,
    and the diagnosis of any schedule costs at most MAX_DIAGNOSIS_WORK cells
    evaluated (time linear in the schedule, however many failures)."""
    from auditor.limits import MAX_DIAGNOSIS_WORK

    return min(MAX_TRIALS, MAX_DIAGNOSIS_WORK // max(1, len(cells)))


def _evaluate(schedule: Schedule, ruleset: RuleSet, only: Only) -> list[Finding]:
    return engine.evaluate(schedule, ruleset) if only is None else engine.evaluate(schedule, ruleset, only)


def _key(f: Finding) -> Key:
    return (f.rule, f.location.line, f.location.column)


def _trials(failed: Iterable[Finding], cells: Cells) -> list[Trial]:
    """(position, keys of the failures reading it, values to try), the cells
    most failures read first.  Each failure implies values for the cells it
    read: the expected amount for the cell it is about; for the others the
    printed one moved by the difference, either way (the cell's sign in the
    check is the rule's business).  Only values every failure reading the
    cell agrees on are worth a re-run (or, where rounding keeps them from
    agreeing exactly, each of them)."""
    implied: dict[Place, dict[Key, set[Decimal]]] = {}  # the values each failure implies for a cell
    for f in failed:
        if f.expected is None or f.difference is None:
            continue
        here = (f.location.line, f.location.column)
        if here in cells:
            implied.setdefault(here, {})[_key(f)] = {f.expected}
        for p in f.related:
            there = (p.line, p.column)
            if there in cells and there != here:
                old = amount_of(cells[there].cell)
                implied.setdefault(there, {})[_key(f)] = {old + f.difference, old - f.difference}
    readers: dict[Place, set[Key]] = {}  # position -> keys of the failures reading it (indexed once: not failures x cells)
    for f in failed:
        for position in _read_by(f):
            readers.setdefault(position, set()).add(_key(f))
    trials = []
    for position, by_failure in implied.items():
        agreed = set.intersection(*by_failure.values())
        if not agreed:  # rounded figures: the failures agree only to within rounding
            agreed = set.union(*by_failure.values())
        agreed -= {amount_of(cells[position].cell)}
        reading = readers.get(position, set())
        if agreed:
            trials.append((position, reading, sorted(agreed)))
    trials.sort(key=lambda t: (-len(t[1]), t[0]))
    return trials


def _explained(schedule: Schedule, ruleset: RuleSet, only: Only, where: LocatedCell, value: Decimal,
               before: dict[Key, Finding]) -> tuple[Key, ...]:
    """The failures one corrected figure removes, or () if it does not remove
    every failure that reads the cell or if it makes a new one."""
    after = {_key(f) for f in failures(_evaluate(corrected(schedule, where, value), ruleset, only))}
    if after - before.keys():
        return ()
    gone = tuple(k for k in before if k not in after)
    position = (where[3].line, where[3].column)
    reading = [k for k, f in before.items() if position in _read_by(f)]
    if not gone or any(k not in gone for k in reading):
        return ()
    return gone


def _read_by(f: Finding) -> set[Place]:
    return {(f.location.line, f.location.column)} | {(p.line, p.column) for p in f.related}


def corrected(schedule: Schedule, where: LocatedCell, value: Decimal) -> Schedule:
    """A copy of the schedule with one printed figure replaced everywhere the model holds it
    (a chained roll-forward's balance closes a period and opens the next).  The AST is frozen."""
    new_cell = replace(where.cell, value=value, raw=_printed(value, where.cell))
    for p, r, k, _ in [c for c in located(schedule) if c.place == where.place]:
        schedule = with_cell(schedule, p, r, k, new_cell)
    return schedule


def _printed(value: Decimal, like: Cell) -> str:
    """The value as the filing would print it, at the printed figure's precision."""
    if like.decimals:
        value = value.quantize(Decimal(1).scaleb(-like.decimals))
    return amount_text(value)


def _attribute(schedule: Schedule, cells: Cells, before: dict[Key, Finding],
               best: dict[Place, tuple[tuple[Key, ...], Decimal]]) -> Diagnosis:
    """Each failure goes to the one cell that explains it best; cells whose
    explained failures another cell's strictly include are not contenders."""
    diagnosis = Diagnosis()
    suggestions = {pos: _suggestion(schedule, cells[pos], value, [before[k] for k in keys])
                   for pos, (keys, value) in best.items()}
    for key, f in before.items():
        contenders = [pos for pos, (keys, _) in best.items() if key in keys]
        contenders = [pos for pos in contenders
                      if not any(set(best[pos][0]) < set(best[o][0]) for o in contenders)]
        if len(contenders) == 1:
            diagnosis.suggestions[f] = suggestions[contenders[0]]
        elif contenders:
            diagnosis.candidates[f] = tuple(dataclasses.replace(suggestions[pos], confidence="low")
                                            for pos in sorted(contenders))
    return diagnosis


# --- two wrong figures -----------------------------------------------------------


def _clusters(failed: Iterable[Finding]) -> list[list[Finding]]:
    """The failures grouped where they read a cell in common (transitively)."""
    groups: list[tuple[set[Place], list[Finding]]] = []  # (cells, failures)
    for f in failed:
        cells, members = set(_read_by(f)), [f]
        for group in [g for g in groups if g[0] & cells]:
            groups.remove(group)
            cells |= group[0]
            members = group[1] + members
        groups.append((cells, members))
    return [members for _, members in groups]


def _pairs(schedule: Schedule, ruleset: RuleSet, only: Only, cells: Cells, before: dict[Key, Finding],
           cluster: list[Finding], limit: int = MAX_PAIR_TRIALS) -> tuple[Diagnosis, int]:
    """The pairs of figures whose joint correction makes every failure of the
    cluster hold and no new one appear: one corrected figure first (a value
    the cluster's failures imply), then a second one the failures left over
    all read, at a value they imply.  One pair: a suggestion per figure;
    several: all of them as candidates.  Returns (Diagnosis, engine runs spent,
    at most `limit`)."""
    keys = {_key(f) for f in cluster}
    found: dict[Pair, None] = {}  # in the order found
    runs = 0
    for position, _, values in _trials(cluster, cells):
        for value in values:
            if runs >= limit:
                break
            once = corrected(schedule, cells[position], value)
            left = [f for f in failures(_evaluate(once, ruleset, only)) if _key(f) in keys or _key(f) not in before]
            runs += 1
            for second, reading, seconds in _trials(left, cells) if left else ():
                if second == position or len(reading) < len(left):  # the second figure must explain all that is left
                    continue
                for other in seconds:
                    pair = frozenset({(position, value), (second, other)})
                    if pair in found or runs >= limit:
                        continue
                    runs += 1
                    if _holds(corrected(once, cells[second], other), ruleset, only, before, keys):
                        found[pair] = None
    return _attribute_pairs(schedule, cells, cluster, list(found)), runs


def _holds(schedule: Schedule, ruleset: RuleSet, only: Only, before: dict[Key, Finding], keys: set[Key]) -> bool:
    """No failure of the cluster is left and no new one appeared."""
    after = {_key(f) for f in failures(_evaluate(schedule, ruleset, only))}
    return not (after - before.keys()) and not (after & keys)


def _attribute_pairs(schedule: Schedule, cells: Cells, cluster: list[Finding], pairs: Sequence[Pair]) -> Diagnosis:
    """Each failure of the cluster gets, of the pair, the figure it is about
    if that is one of the two, else the one it reads."""
    diagnosis = Diagnosis()

    def suggestion(position: Place, value: Decimal) -> Suggestion:
        return _suggestion(schedule, cells[position], value, [g for g in cluster if position in _read_by(g)])

    for f in cluster:
        options = []
        for pair in pairs:
            mine = _pick(f, sorted(pair))
            partner = tuple(suggestion(*p) for p in sorted(pair) if p != mine)
            options.append(dataclasses.replace(suggestion(*mine), confidence="medium", also=partner))
        if len(options) == 1:
            diagnosis.suggestions[f] = options[0]
        elif options:
            diagnosis.candidates[f] = tuple(dataclasses.replace(s, confidence="low") for s in options)
    return diagnosis


def _pick(f: Finding, pair: list[tuple[Place, Decimal]]) -> tuple[Place, Decimal]:
    here = (f.location.line, f.location.column)
    return next((p for p in pair if p[0] == here), next((p for p in pair if p[0] in _read_by(f)), pair[0]))


def _suggestion(schedule: Schedule, where: LocatedCell, value: Decimal, explains: Sequence[Finding]) -> Suggestion:
    p, r, k, cell = where
    period, row = schedule.periods[p], schedule.periods[p].rows[r]
    return Suggestion(
        cell=cell,
        period=period.label,
        period_short=period_name(period, "(no period caption)"),
        row=row.label,
        column=schedule.columns[k].role,
        value=value,
        confidence="high" if len({f.rule for f in explains}) > 1 else "medium",
        explains=tuple(explains),
        slip=slip(cell, value) or _copied(schedule, where),
    )


# --- typical slips -------------------------------------------------------------


def _digits(value: Decimal) -> str:
    return format(abs(value), "f").replace(".", "")


def slip(cell: Cell, value: Decimal) -> Optional[str]:
    """The typing slip that turns `value` into the printed figure, if one does."""
    printed = amount_of(cell)
    if printed == -value and value:
        return "a flipped sign"
    if (printed < 0) != (value < 0) and printed and value:
        return None
    shown, meant = _digits(printed), _digits(value)
    difference = amount_text(abs(printed - value))
    if len(shown) == len(meant) and _swapped(shown, meant):
        return f"two digits transposed: the difference, {difference}, is divisible by 9"
    if len(shown) + 1 == len(meant) and _one_removed(meant, shown):
        return "a digit dropped"
    if len(shown) == len(meant) + 1 and _one_removed(shown, meant):
        repeated = any(shown[i] == shown[i + 1] and shown[:i] + shown[i + 1 :] == meant for i in range(len(shown) - 1))
        return "a digit repeated" if repeated else "an extra digit"
    return None


def _swapped(a: str, b: str) -> bool:
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    return len(differ) == 2 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]


def _one_removed(longer: str, shorter: str) -> bool:
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _copied(schedule: Schedule, where: LocatedCell) -> Optional[str]:
    """The printed figure is the same row's figure in an adjacent period."""
    p, r, k, cell = where
    if cell.value is None or not cell.value:
        return None
    label = row_key(schedule.periods[p].rows[r].label)
    for q in (p - 1, p + 1):
        if not 0 <= q < len(schedule.periods):
            continue
        for row in schedule.periods[q].rows:
            other = row.cells[k] if k < len(row.cells) else None
            if row_key(row.label) == label and other is not None and other.value == cell.value:
                return f"a figure copied from {period_name(schedule.periods[q], 'the adjacent period')}"
    return None


