"""The progress bar: on stderr, only when stderr is a terminal and not
--quiet (rich is not imported otherwise).  Fed as each file finishes, by
whichever engine runs the checks."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal, Union

if TYPE_CHECKING:
    from auditor.corpus.work import Checked


def progress(total: int, quiet: bool) -> Union[Silent, Bar]:
    if quiet or total < 2 or not sys.stderr.isatty():
        return Silent()
    return Bar(total)


class Silent:
    def __enter__(self) -> "Silent":
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        return False

    def done(self, checked: Checked) -> None:
        pass


class Bar:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                   TimeRemainingColumn)

        self.errors = self.unreadable = 0
        self.progress = Progress(
            TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[errors]} with errors[/] [yellow]{task.fields[unreadable]} not checked[/]"),
            console=Console(file=sys.stderr), transient=True,
        )
        self.task = self.progress.add_task("files", total=total, rate="", errors=0, unreadable=0)

    # The bar is shown from the first file done, not before: its refresh is a
    # thread, and a pool's workers are forked only from a process of one
    # thread (engines._start_context), as they are by then.
    def __enter__(self) -> "Bar":
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        if self.progress.live.is_started:
            self.progress.stop()
        return False

    def done(self, checked: Checked) -> None:
        if not self.progress.live.is_started:
            self.progress.start()
        result = checked.result
        self.unreadable += result.error is not None
        self.errors += any(f.severity == "error" for f in result.findings)
        task = self.progress.tasks[0]
        speed = task.speed
        self.progress.update(self.task, advance=1, errors=self.errors, unreadable=self.unreadable,
                             rate=f"{speed:.1f} files/s" if speed else "")
