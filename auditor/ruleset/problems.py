"""The problems of a rules file, each `path:line:column: message`, gathered
while it loads and raised together, in reading order, as one `RulesError`."""

from __future__ import annotations

from typing import Callable, Optional, Protocol

from auditor.errors import InputError


class RulesError(InputError):
    """One or more problems in a rules file, each `path:line:column: message`."""

    def __init__(self, problems: list[str]):
        super().__init__(problems[0])
        self.problems = problems

    def located(self, path: Optional[str] = None, line: Optional[int] = None) -> RulesError:
        return self

    def __str__(self) -> str:
        more = len(self.problems) - 1
        if not more:
            return self.problems[0]
        return f"{self.problems[0]}\n(and {more} more problem{'s' * (more > 1)}: run 'auditor rules validate')"


class Mark(Protocol):
    """Where something is written, 0-based, as YAML marks count."""

    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Line:
    """Where a snapshot says a rule is written (0-based, as YAML marks count)."""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


class Problems(list[str]):
    def add(self, path: str, mark: Optional[Mark], message: str, caret: Optional[str] = None) -> None:
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        self.append(f"{where}: {message}" + (f"\n{caret}" if caret else ""))

    def raise_any(self) -> None:
        if self:
            raise RulesError(sorted(self, key=_reading_order(self)))


def _reading_order(problems: list[str]) -> Callable[[str], tuple[int, int, int]]:
    """Files in the order their problems were met; each file top to bottom."""
    files: dict[str, int] = {}
    for text in problems:
        files.setdefault(text.split(":", 1)[0], len(files))

    def key(text: str) -> tuple[int, int, int]:
        path, line, column = (text.split(":", 3) + ["", "", ""])[:3]
        numeric = line.isdigit() and column.isdigit()
        return files[path], int(line) if numeric else 0, int(column) if numeric else 0

    return key
