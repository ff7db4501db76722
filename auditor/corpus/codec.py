"""A checked file's result as JSON, and back: what the cache stores.

JSON, not pickle: a cache directory is only data, so reading a damaged or
planted entry can at worst give a wrong result for that entry (and a damaged
one is caught by its checksum), never run code.  Records are rebuilt only
from the classes named here; anything else in an entry makes it unreadable.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal

from .. import FileResult
from ..diagnose import Diagnosis, Suggestion
from ..errors import InputError
from ..model import Cell, Column, Finding, Period, Position, Row, Schedule

RECORDS = {c.__name__: c for c in (Position, Cell, Column, Row, Period, Schedule, Finding, Suggestion, Diagnosis)}


class Damaged(ValueError):
    """An entry that does not decode to a result."""


def encode(result: FileResult, diagnosis: Diagnosis) -> dict:
    error = result.error
    return {
        "error": None if error is None else [error.message, error.line, error.column],
        "schedules": _out(list(result.schedules)),
        "findings": _out(list(result.findings)),
        "diagnosis": _out(diagnosis),
    }


def decode(doc: dict, path: str) -> tuple:
    """(FileResult, Diagnosis) for the file at `path` (an entry is keyed by
    content, so the same bytes at another path share it)."""
    try:
        error = doc["error"]
        result = FileResult(path, schedules=_in(doc["schedules"]), findings=_in(doc["findings"]))
        if error is not None:
            message, line, column = error
            if not isinstance(message, str):
                raise Damaged("error message")
            result.error = InputError(message, path, line, column)
        diagnosis = _in(doc["diagnosis"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise Damaged(str(exc)) from None
    if not isinstance(diagnosis, Diagnosis) or not all(isinstance(f, Finding) for f in result.findings):
        raise Damaged("not a result")
    return result, diagnosis


def _out(o):
    if o is None or isinstance(o, (str, int, bool)):
        return o
    if isinstance(o, Decimal):
        return {"$d": str(o)}
    if isinstance(o, date):
        return {"$date": o.isoformat()}
    if isinstance(o, tuple):
        return {"$t": [_out(v) for v in o]}
    if isinstance(o, list):
        return [_out(v) for v in o]
    if isinstance(o, dict):
        return {"$map": [[_out(k), _out(v)] for k, v in o.items()]}
    if type(o).__name__ in RECORDS and dataclasses.is_dataclass(o):
        return {"$r": type(o).__name__, "f": {f.name: _out(getattr(o, f.name)) for f in dataclasses.fields(o)}}
    raise TypeError(f"cannot cache a {type(o).__name__}")


def _in(o):
    if o is None or isinstance(o, (str, int, bool)):
        return o
    if isinstance(o, list):
        return [_in(v) for v in o]
    if not isinstance(o, dict) or len(o) not in (1, 2):
        raise Damaged("unexpected value")
    if "$d" in o:
        return Decimal(o["$d"])
    if "$date" in o:
        return date.fromisoformat(o["$date"])
    if "$t" in o:
        return tuple(_in(v) for v in o["$t"])
    if "$map" in o:
        return {_in(k): _in(v) for k, v in o["$map"]}
    cls = RECORDS.get(o.get("$r"))
    if cls is None:
        raise Damaged(f"unknown record {o.get('$r')!r}")
    return cls(**{k: _in(v) for k, v in o["f"].items()})


def dumps(doc) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
