"""A checked file's result as JSON, and back: what the cache stores.

JSON, not pickle: a cache directory is only data, so reading a damaged or
planted entry can at worst give a wrong result for that entry (and a damaged
one is caught by its checksum), never run code.  Records are rebuilt only
from the classes named here; anything else in an entry makes it unreadable.
Every JSON object in a body is tagged (`$r` a record, its fields in order;
`$d` a Decimal, `$t` a tuple, `$date`, `$map`), so the C decoder rebuilds
them through an object hook, innermost first: a Python walk over the
decoded body cost three times more.  The schedules, most of an entry, are
a JSON text of their own inside the body, decoded only when a writer reads
them (`result.Pending`): a report of findings never pays for them.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from typing import Any

from auditor.result import FileResult, Pending
from auditor.diagnose import Diagnosis, Suggestion
from auditor.errors import InputError
from auditor.model import Cell, Column, ColumnReading, Finding, Period, Position, Reading, Row, Schedule, TotalReading

# The reading stage's records are named tuples (cheap to define at start-up).
TUPLE_RECORDS: dict[str, type] = {c.__name__: c for c in (Reading, ColumnReading, TotalReading)}
RECORDS: dict[str, type] = {c.__name__: c for c in (Position, Cell, Column, Row, Period, Schedule, Finding, Suggestion,
                                                    Diagnosis)} | TUPLE_RECORDS


class Damaged(ValueError):
    """An entry that does not decode to a result."""


def dumps(result: FileResult) -> str:
    error = result.error
    body = [
        None if error is None else [error.message, error.line, error.column],
        len(result.schedules),
        json.dumps(_out(list(result.schedules)), ensure_ascii=False, separators=(",", ":")),
        list(result.findings),
        result.diagnosis,
        dict(result.said),  # company and period of report where the filing says them
    ]
    return json.dumps(_out(body), ensure_ascii=False, separators=(",", ":"))


def loads(body: str, path: str) -> FileResult:
    """The FileResult, with its diagnosis, for the file at `path` (an entry is
    keyed by content, so the same bytes at another path share it)."""
    try:
        error, count, schedules, findings, diagnosis, said = json.loads(body, object_hook=_record)
        if not isinstance(said, dict) or not all(isinstance(v, str) for v in said.values()):
            raise Damaged("company and period")
        if not isinstance(count, int) or not isinstance(schedules, str):
            raise Damaged("schedules")
        result = FileResult(path, findings=list(findings), said=said, diagnosis=diagnosis)
        result.defer(Pending(count, schedules, load_schedules))
        if error is not None:
            message, line, column = error
            if not isinstance(message, str):
                raise Damaged("error message")
            result.error = InputError(message, path, line, column)
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise Damaged(str(exc)) from None
    if not isinstance(diagnosis, (Diagnosis, type(None))) or not all(isinstance(f, Finding) for f in result.findings):
        raise Damaged("not a result")
    return result


def load_schedules(text: str) -> list[Schedule]:
    """A cached result's schedules, when first read.  The entry passed its
    checksum, so a failure here is an entry written wrong (a bug, or planted):
    it stops the file's report as an internal error, never reads as clean."""
    try:
        schedules = json.loads(text, object_hook=_record)
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise Damaged(f"schedules: {exc}") from None
    if not isinstance(schedules, list) or not all(isinstance(s, Schedule) for s in schedules):
        raise Damaged("schedules: not a list of schedules")
    return schedules


def _out(o: object) -> Any:
    if o is None or isinstance(o, (str, int, bool)):
        return o
    if isinstance(o, Decimal):
        return {"$d": str(o)}
    if isinstance(o, date):
        return {"$date": o.isoformat()}
    if type(o).__name__ in TUPLE_RECORDS and type(o) is TUPLE_RECORDS[type(o).__name__]:
        return {"$r": type(o).__name__, "f": [_out(v) for v in o]}  # type: ignore[attr-defined]  # (a NamedTuple: iterable)
    if isinstance(o, tuple):
        return {"$t": [_out(v) for v in o]}
    if isinstance(o, list):
        return [_out(v) for v in o]
    if isinstance(o, dict):
        return {"$map": [[_out(k), _out(v)] for k, v in o.items()]}
    if type(o).__name__ in RECORDS and dataclasses.is_dataclass(o):
        return {"$r": type(o).__name__, "f": [_out(getattr(o, f.name)) for f in dataclasses.fields(o)]}
    raise TypeError(f"cannot cache a {type(o).__name__}")


def _record(o: dict[str, Any]) -> Any:
    if len(o) == 1:
        if "$d" in o:
            return Decimal(o["$d"])
        if "$t" in o:
            return tuple(o["$t"])
        if "$date" in o:
            return date.fromisoformat(o["$date"])
        if "$map" in o:
            return {k: v for k, v in o["$map"]}
    elif len(o) == 2 and "$r" in o:
        cls = RECORDS.get(o["$r"])
        if cls is None:
            raise Damaged(f"unknown record {o['$r']!r}")
        return cls(*o["f"])
    raise Damaged("untagged object")
