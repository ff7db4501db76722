"""What checking one file gives: its schedules, findings and their
diagnosis, or the error that stopped it. Every writer takes this one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from auditor.errors import InputError
from auditor.model import Finding, Schedule

if TYPE_CHECKING:  # (diagnose imports the engine: not at start-up)
    from auditor.diagnose import Diagnosis


@dataclass
class FileResult:
    path: str
    schedules: list[Schedule] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: Optional[InputError] = None
    said: dict[str, str] = field(default_factory=dict)  # company, period of report, where the filing says them (filer)
    # Which printed figure, corrected, explains the findings (set by a corpus run, not by check_file).
    diagnosis: Optional[Diagnosis] = None
