"""What checking one file gives: its schedules, findings and their
diagnosis, or the error that stopped it. Every writer takes this one object."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.errors import InputError


@dataclass
class FileResult:
    path: str
    schedules: list = field(default_factory=list)  # of Schedule
    findings: list = field(default_factory=list)  # of Finding
    error: InputError = None
    said: dict = field(default_factory=dict)  # company, period of report, where the filing says them (filer)
