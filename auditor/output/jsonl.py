"""--format jsonl: a line per finding (`"type": "finding"`), then a line for
the file (`"type": "file"`): its path, status and counts, so a consumer can
follow a run and tell a file with no finding from one not yet checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.corpus.totals import status
from auditor.output import ReportOptions
from auditor.output.document import Json, error, finding, json_text

if TYPE_CHECKING:
    from auditor.corpus.totals import Totals
    from auditor.output.destination import Output
    from auditor.result import FileResult


class JsonlWriter:
    reads_schedules = False  # (their number only: a corpus run's workers send no more)

    def __init__(self, out: Output, options: ReportOptions) -> None:
        self.out = out

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.out.write(json_text({"type": "finding", "path": result.path, **finding(f, result.diagnosis)},
                                     indent=None) + "\n")
        self.out.write(json_text(file_record(result), indent=None) + "\n")

    def end(self, totals: Totals) -> None:
        pass


def file_record(r: FileResult) -> Json:
    severities = [f.severity for f in r.findings]
    return {
        "type": "file",
        "path": r.path,
        "status": status(r),
        "error": error(r),
        "schedules": r.schedule_count,
        "findings": len(severities),
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
    }
