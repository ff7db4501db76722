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
from typing import Any, Callable, Optional

from auditor.result import FileResult, Pending
from auditor.diagnose import Diagnosis, Suggestion
from auditor.errors import InputError
from auditor.model import (Cell, Column, ColumnReading, Finding, MarkReading, Period, Position, Reading, Row, Schedule,
                            TotalReading)

# The reading stage's records are named tuples (cheap to define at start-up).
TUPLE_RECORDS: dict[str, type] = {c.__name__: c for c in (Reading, ColumnReading, TotalReading, MarkReading)}
RECORDS: dict[str, type] = {c.__name__: c for c in (Position, Cell, Column, Row, Period, Schedule, Finding, Suggestion,
                                                    Diagnosis)} | TUPLE_RECORDS


class Damaged(ValueError):
    """An entry that does not decode to a result."""


def dumps(result: FileResult) -> str:
    """One line of tagged JSON for the result, a newline, then its schedules'
    JSON (a line too: JSON text escapes every newline in a string), so a
    reader decodes the schedules only when it needs them, without scanning
    them as an escaped string first."""
    error = result.error
    count, schedules = _schedules(result)
    body = [
        None if error is None else [error.message, error.line, error.column],
        count,
        _out(list(result.findings)),
        # The diagnosis names findings again and again (as keys, as what a
        # suggestion explains): by their place in the list, so each is decoded once.
        _out(result.diagnosis, {f: i for i, f in reversed(list(enumerate(result.findings)))}),
        _out(dict(result.said)),  # company and period of report where the filing says them
    ]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n" + schedules


def defer(result: FileResult) -> FileResult:
    """The result with its schedules as their JSON text, to send to another
    process: a string crosses a pipe for almost nothing, where unpickling the
    cells took the main process of a corpus run a millisecond a file (most of
    what it did), and a report of findings never reads them."""
    if result.deferred() is None:
        result.defer(Pending(*_schedules(result), load_schedules))
    return result


def counted(result: FileResult) -> FileResult:
    """The result with only the number of its schedules, to send to a process
    whose report reads nothing more of them (`Options.schedules`)."""
    if result.deferred() is None:
        result.defer(Pending(len(result.schedules), "", unsent))
    return result


def unsent(text: str) -> list[Schedule]:
    """A counted result's schedules, read after all: a bug of the run that
    said its report would not read them.  Raised, never an empty list, which
    would read as a file without schedules."""
    raise RuntimeError("a result's schedules were read where the run had its workers send only their number")


def _schedules(result: FileResult) -> tuple[int, str]:
    pending = result.deferred()
    if pending is not None:
        if pending.decode is unsent:  # (never cached: it would read as schedules of no text)
            unsent(pending.text)
        return pending.size, pending.text
    return len(result.schedules), json.dumps(_out(list(result.schedules)), ensure_ascii=False, separators=(",", ":"))


def loads(body: str, path: str) -> FileResult:
    """The FileResult, with its diagnosis, for the file at `path` (an entry is
    keyed by content, so the same bytes at another path share it)."""
    try:
        head, newline, schedules = body.partition("\n")
        if not newline:
            raise Damaged("no schedules")
        error, count, findings, diagnosis, said = _decoded(head)
        if not isinstance(said, dict) or not all(isinstance(v, str) for v in said.values()):
            raise Damaged("company and period")
        if not isinstance(count, int):
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


Encoder = Callable[[Any, Optional[dict[Finding, int]]], Any]
PLAIN = (str, int, bool, type(None))  # as they are in JSON (bool is an int)


def _out(o: object, findings: Optional[dict[Finding, int]] = None) -> Any:
    """`o` as tagged JSON data; with `findings`, a finding among them as its place."""
    encode = _ENCODERS.get(type(o))
    if encode is None:
        encode = _ENCODERS[type(o)] = _encoder(type(o))
    return encode(o, findings)


# The encoder of each type met, chosen once by its type: a result's schedules
# are some thousands of values, each once asked in turn whether it is a
# string, a Decimal, a date, a record... (a corpus run's workers encode every
# result they send: half a millisecond a file, where the check is six).
_ENCODERS: dict[type, Encoder] = {}


def _encoder(kind: type) -> Encoder:
    if issubclass(kind, PLAIN):
        return lambda o, findings: o
    if issubclass(kind, Decimal):
        return lambda o, findings: {"$d": str(o)}
    if issubclass(kind, date):
        return lambda o, findings: {"$date": o.isoformat()}
    if kind.__name__ in TUPLE_RECORDS and kind is TUPLE_RECORDS[kind.__name__]:
        name = kind.__name__
        return lambda o, findings: {"$r": name, "f": _values(o, findings)}
    if issubclass(kind, tuple):
        return lambda o, findings: {"$t": _values(o, findings)}
    if issubclass(kind, list):
        return _values
    if issubclass(kind, dict):
        return lambda o, findings: {"$map": [[_out(k, findings), _out(v, findings)] for k, v in o.items()]}
    if kind.__name__ in RECORDS and dataclasses.is_dataclass(kind):
        return _record_encoder(kind)
    return _unencodable


def _values(values: Any, findings: Optional[dict[Finding, int]]) -> list[Any]:
    return [v if type(v) in PLAIN else _out(v, findings) for v in values]


def _record_encoder(kind: type) -> Encoder:
    name, fields = kind.__name__, tuple(f.name for f in dataclasses.fields(kind))

    def record(o: Any, findings: Optional[dict[Finding, int]]) -> Any:
        return {"$r": name, "f": _values([getattr(o, f) for f in fields], findings)}

    if not issubclass(kind, Finding):
        return record

    def finding(o: Any, findings: Optional[dict[Finding, int]]) -> Any:
        return {"$f": findings[o]} if findings and o in findings else record(o, findings)

    return finding


def _unencodable(o: object, findings: Optional[dict[Finding, int]]) -> Any:
    raise TypeError(f"cannot cache a {type(o).__name__}")


def _decoded(body: str) -> Any:
    """The body's data; a `$f` is the finding at that place in the body's list
    of findings, which the decoder has read by then (objects are built in the
    order they end, and the list comes first)."""
    findings: list[Finding] = []

    def record(o: dict[str, Any]) -> Any:
        if len(o) == 1 and "$f" in o:
            at = o["$f"]
            if not isinstance(at, int) or not 0 <= at < len(findings):
                raise Damaged("a finding out of place")
            return findings[at]
        built = _record(o)
        if type(built) is Finding:
            findings.append(built)
        return built

    return json.loads(body, object_hook=record)


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
