"""What checking one file gives: its schedules, findings and their
diagnosis, or the error that stopped it. Every writer takes this one object."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Optional

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

    @property
    def schedule_count(self) -> int:
        """How many schedules, without decoding a cached result's."""
        pending = self.__dict__.get("_pending")
        return pending.size if pending is not None else len(self.schedules)

    def deferred(self) -> Optional[Pending]:
        """The schedules still to decode, or None where they are a list."""
        pending: Optional[Pending] = self.__dict__.get("_pending")
        return pending

    def defer(self, pending: Pending) -> None:
        """Schedules to decode when first read, in place of a list."""
        self.__dict__.pop("_schedules", None)
        self.__dict__["_pending"] = pending


class Pending(NamedTuple):
    """A cached result's schedules, decoded when first read: most of an
    entry's bytes, and a corpus run's report (--format jsonl) needs only
    their number.  Picklable: `decode` is a module's function."""

    size: int
    text: str
    decode: Callable[[str], list[Schedule]]


def _schedules(self: FileResult) -> list[Schedule]:
    pending = self.__dict__.get("_pending")
    if pending is not None:  # (kept pending until decoded: a decoding that fails fails again if read again)
        self.__dict__["_schedules"] = pending.decode(pending.text)
        del self.__dict__["_pending"]
    schedules: list[Schedule] = self.__dict__["_schedules"]
    return schedules


def _set_schedules(self: FileResult, value: list[Schedule]) -> None:
    self.__dict__.pop("_pending", None)
    self.__dict__["_schedules"] = value


# `schedules` stays a field (constructor, replace, equality, repr) read through this
# property, so that a cached result may defer them.
FileResult.schedules = property(_schedules, _set_schedules)  # type: ignore[assignment]  # (see above)
