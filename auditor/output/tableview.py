"""The schedule as a table, for a person: each schedule that has findings,
periods as sections, the cells failed checks are about highlighted, and the
diagnosed value beside the printed one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Optional

from auditor.cells import Place, located
from auditor.errors import shown
from auditor.model import SEVERITY_RANK, Cell, Finding, Schedule, Severity
from auditor.ruleset.engine import amount_text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from auditor.diagnose import Diagnosis, Suggestion
    from auditor.result import FileResult

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}


def render(results: Iterable[FileResult], console: Console, marks: bool = False) -> None:
    """Print a rich table per schedule with findings.  `marks` adds plain-text
    markers for output where colour is not shown."""
    from rich.table import Table
    from rich.text import Text

    for r in results:
        d = r.diagnosis
        flagged = _flagged(r.findings)
        for schedule in r.schedules:
            if not any(c.place in flagged for c in located(schedule)):
                continue
            table = Table(title=_filed(_title(r.path, schedule), "table.title"), title_justify="left", show_lines=False,
                          caption=_caption(marks), caption_justify="left")
            table.add_column(_filed(schedule.label_heading or ""), overflow="fold")
            for col in schedule.columns:
                table.add_column(_filed(col.heading or col.role or ""), justify="right", overflow="fold")
            for n, period in enumerate(schedule.periods):
                if n:
                    table.add_section()
                table.add_row(_filed(period.label or "(no period caption)", "bold"), *[""] * len(schedule.columns))
                for row in period.rows:
                    label = _filed(row.label or "(total)", "bold" if row.is_total else "")
                    table.add_row(label, *[_cell_text(c, flagged, d, marks) for c in row.cells])
            console.print(table)


def _filed(text: str, style: str = "") -> Text:
    """A filing's text (a title, heading or label) as printed, never read as rich's markup (a
    heading's "[/b]" ended the run in an internal error) nor reaching the terminal as an escape
    sequence (`errors.shown`)."""
    from rich.text import Text

    return Text(shown(text, keep=""), style=style)


def write(results: Iterable[FileResult], stream: IO[str], color: bool) -> None:
    from rich.console import Console

    console = Console(file=stream, highlight=False, no_color=not color, width=None if color else 200)
    render(results, console, marks=not color)


def _flagged(findings: Iterable[Finding]) -> dict[Place, Severity]:
    """(line, column) -> the gravest severity of a finding about that cell."""
    out: dict[Place, Severity] = {}
    for f in findings:
        key = (f.location.line, f.location.column)
        if key not in out or SEVERITY_RANK[f.severity] > SEVERITY_RANK[out[key]]:
            out[key] = f.severity
    return out


def _title(path: str, schedule: Schedule) -> str:
    units = f" (in {schedule.units})" if schedule.units else ""
    return f"{path}:{schedule.line}  {schedule.title}{units}"


def _caption(marks: bool) -> str:
    if marks:
        return "* a failed check is about this cell;  -> the value every check that reads it implies;  ? one of several"
    return "red: a failed check is about this cell;  -> the value every check that reads it implies"


def _cell_text(cell: Optional[Cell], flagged: dict[Place, Severity], diagnosis: Optional[Diagnosis],
               marks: bool) -> Text | str:
    from rich.text import Text

    if cell is None:
        return ""
    text = Text()
    severity = flagged.get((cell.line, cell.column))
    printed = cell.raw + ("*" if marks and severity and severity != "info" else "")
    text.append(printed, style=STYLES.get(severity, "") if severity else "")
    suggestion, several = _diagnosed(cell, diagnosis)
    if suggestion is not None:
        text.append(f" -> {amount_text(suggestion.value)}", style="bold green")
    elif several:
        text.append(" ?", style="magenta")
    return text


def _diagnosed(cell: Cell, diagnosis: Optional[Diagnosis]) -> tuple[Optional[Suggestion], bool]:
    if diagnosis is None:
        return None, False
    for s in diagnosis.suggestions.values():
        if s.cell == cell:
            return s, False
    several = any(s.cell == cell for group in diagnosis.candidates.values() for s in group)
    return None, several
