"""What a run keeps besides the batch in hand: counters, and for --summary
the ten files with the largest differences.  Nothing here grows with the
number of files."""

from __future__ import annotations

import heapq
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Optional

from auditor.errors import InternalError
from auditor.model import SEVERITY_RANK, Severity
from auditor.result import FileResult

if TYPE_CHECKING:
    from auditor.corpus.work import Checked

# What a file came to: checked with no finding, checked with findings, no
# schedule in it (an error, as a file with none is never a clean result),
# or not read at all (cannot be opened, not text, a table that cannot be read).
Status = Literal["clean", "findings", "no-schedule", "unreadable"]
STATUSES: tuple[Status, ...] = ("clean", "findings", "no-schedule", "unreadable")
NO_SCHEDULE = "no Schedule II found"
SCALE = {"thousands": Decimal(1000), "millions": Decimal(10) ** 6, "billions": Decimal(10) ** 9}
TOP = 10


def status(result: FileResult) -> Status:
    if result.error is not None:
        return "no-schedule" if result.error.message.startswith(NO_SCHEDULE) else "unreadable"
    return "findings" if result.findings else "clean"


class Totals:
    def __init__(self, largest: bool = True) -> None:
        """`largest`: keep the files with the largest differences (--summary:
        it reads each failing file's schedules, for their units)."""
        self.files = 0
        self.keep_largest = largest
        self.severities: Counter[Severity] = Counter()
        self.statuses: Counter[Status] = Counter()
        self.rules: Counter[tuple[str, str, str]] = Counter()  # (rule, check, severity) -> findings
        self.cached = 0
        self.internal = 0  # files a bug of ours stopped (exit status 3)
        self.suppressed: Optional[int] = None  # findings a baseline accepted, with --baseline
        self._largest: list[tuple[Decimal, int, str]] = []  # heap of (difference in dollars, order, line): the top ten

    def add(self, checked: Checked, result: Optional[FileResult] = None) -> None:
        """`result`: the file's result as reported (after a baseline), if not checked.result."""
        result = result if result is not None else checked.result
        self.files += 1
        self.cached += checked.cached
        self.statuses[status(result)] += 1
        self.internal += isinstance(result.error, InternalError)
        for f in result.findings:
            self.severities[f.severity] += 1
            self.rules[(f.rule, f.check, f.severity)] += 1
        largest = _largest_difference(result) if self.keep_largest else None
        if largest is not None:
            entry = (largest[0], -checked.index, largest[1])
            (heapq.heappush if len(self._largest) < TOP else heapq.heappushpop)(self._largest, entry)

    @property
    def unreadable(self) -> int:
        return self.statuses["no-schedule"] + self.statuses["unreadable"]

    def failing(self, floor: Severity) -> bool:
        return any(n for severity, n in self.severities.items() if SEVERITY_RANK[severity] >= SEVERITY_RANK[floor])

    def summary(self) -> dict[str, int]:
        """The JSON document's `summary`, keys in its order."""
        out = {
            "files": self.files,
            "findings": sum(self.severities.values()),
            "errors": self.severities["error"],
            "warnings": self.severities["warning"],
            "infos": self.severities["info"],
            "unreadable": self.unreadable,
        }
        if self.suppressed is not None:
            out["suppressed"] = self.suppressed
        return out

    def rule_counts(self) -> list[tuple[str, str, str, int]]:
        """(rule, check, severity, count), most frequent first (as report.rule_counts)."""
        return sorted(((*k, n) for k, n in self.rules.items()), key=lambda t: (-t[3], t[0], t[2]))

    def largest(self) -> list[tuple[Decimal, str]]:
        """The files with the largest differences, largest first: (dollars, line)."""
        return [(dollars, line) for dollars, _, line in sorted(self._largest, reverse=True)]


def _largest_difference(result: FileResult) -> Optional[tuple[Decimal, str]]:
    """(|difference| in dollars, a line naming it) of the file's largest
    failure (not a rounding one), in the units its schedule states."""
    best = None
    for f in result.findings:
        if f.difference is None or f.severity == "info":
            continue
        units = _units(result, f.location.line)
        dollars = abs(f.difference) * (SCALE.get(units, 1) if units else 1)
        if best is None or dollars > best[0]:
            line = (f"{result.path}:{f.location.line}:{f.location.column}: {f.rule} "
                    f"{f.row or '(unlabelled total)'}, {f.period}: difference {f.difference:,}")
            best = (dollars, line + (f" ({units})" if units else ""))
    return best


def _units(result: FileResult, line: int) -> Optional[str]:
    """The units of the schedule a line belongs to (the last one starting above it)."""
    units = None
    for s in sorted(result.schedules, key=lambda s: s.line):
        if s.line <= line:
            units = s.units
    return units
