"""--format json: the documented JSON document (output.document), written
at the end around its files' entries, which wait on disk (`Spool`) rather
than in memory."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Optional

from auditor.output import ReportOptions
from auditor.output.destination import Spool
from auditor.output.document import document, file_entry, json_text

if TYPE_CHECKING:
    from auditor.corpus.totals import Totals
    from auditor.output.destination import Output
    from auditor.result import FileResult


class JsonWriter:
    def __init__(self, out: Output, options: ReportOptions) -> None:
        self.out = out
        self.spool = Spool(document([]), ["files"])

    def file(self, result: FileResult) -> None:
        self.spool.add("files", file_entry(result))

    def end(self, totals: Totals) -> None:
        try:
            self.spool.write(document([]) | {"summary": totals.summary()}, self.out)
        finally:
            self.spool.close()


def dumps(results: Sequence[FileResult], indent: Optional[int] = 2, suppressed: Optional[int] = None) -> str:
    """The whole document of a list of results, as the writer writes it (without its last newline)."""
    return json_text(document(results, suppressed), indent)
