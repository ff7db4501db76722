"""A saved result read back: `auditor check --format json` or `jsonl` output,
for `auditor report`, which renders it without checking again.

The result becomes the JSON document again (amounts exact, as `Decimal` or
int), validated against the shipped schema; anything else is an InputError
naming the file and the line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from typing import Any, Optional

from auditor.errors import InputError
from auditor.output.document import counts

NOT_A_RESULT = "not a saved `auditor check --format json` or `--format jsonl` result"


def load(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise InputError(f"{NOT_A_RESULT} (not UTF-8)", path, 1) from None
    try:
        whole = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise InputError(f"{NOT_A_RESULT} ({exc.msg})", path, exc.lineno, exc.colno) from None
        return _streamed(path, text)
    if isinstance(whole, dict) and "files" in whole:
        _validate(path, text, whole, _schema())
        return whole
    return _streamed(path, text)


def _schema() -> dict[str, Any]:
    return json.loads(resources.files("auditor").joinpath("schemas/findings.schema.json").read_text(encoding="utf-8"))


def _validate(path: str, text: str, instance: object, schema: dict[str, Any], line: Optional[int] = None) -> None:
    import jsonschema  # only here: `auditor check` never loads it

    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(instance))
    if error is None:
        return
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
    at = line or _line_of(text, list(error.absolute_path))
    raise InputError(f"{NOT_A_RESULT}: {where + ': ' if where else ''}{error.message}", path, at)


def _streamed(path: str, text: str) -> dict[str, Any]:
    """JSON lines (`--format jsonl`): a line per finding with its file's
    `path`, and a line per file (`"type": "file"`: its path, status, error
    and counts), so clean and unreadable files are known too; a line with a
    `summary` and no `path` adds what the files cannot tell (`suppressed`).
    A stream has no tables: its findings are listed, not drawn."""
    schema = _schema()
    finding = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/streamed_finding"}
    file_line = {**finding, "$ref": "#/$defs/streamed_file"}
    files: dict[str, dict[str, Any]] = {}
    suppressed = None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise InputError(f"{NOT_A_RESULT} ({exc.msg})", path, n, exc.colno) from None
        if isinstance(record, dict) and "path" not in record and isinstance(record.get("summary"), dict):
            told = record["summary"]  # a closing summary line: only what the files cannot tell is kept
            if isinstance(told.get("suppressed"), int) and not isinstance(told.get("suppressed"), bool):
                suppressed = told["suppressed"]
            continue
        if not isinstance(record, dict) or not isinstance(record.get("path"), str):
            raise InputError(f"{NOT_A_RESULT}: a line of JSON lines has no `path`", path, n)
        entry = files.setdefault(record["path"], {"path": record["path"], "error": None, "schedules": [],
                                                  "findings": [], "streamed": []})
        if record.get("type") == "file" or "rule" not in record:
            _validate(path, line, record, file_line, n)
            entry["error"] = record["error"]  # its counts are the findings' own lines, counted again
        else:
            _validate(path, line, record, finding, n)
            entry["streamed"].append({k: v for k, v in record.items() if k not in ("path", "type")})
    out = []
    for entry in files.values():
        streamed = entry.pop("streamed")
        if streamed:
            entry["findings"] = streamed
        out.append(entry)
    summary = counts(out)
    if suppressed is not None:
        summary["suppressed"] = suppressed
    return {"version": 1, "files": out, "summary": summary}


class _At(dict[str, Any]):
    """A JSON object that knows where in the text it starts."""

    __slots__ = ("at",)
    at: int


class _AtList(list[Any]):
    __slots__ = ("at",)
    at: int


# The json module's pure-Python parsing steps, which typeshed does not describe
# (they are the documented way to hook into its scanner, if not public).
_Step = Callable[..., tuple[Any, int]]


def _line_of(text: str, steps: list[str | int]) -> int:
    """The line of the innermost object or array on `steps` (a JSON path),
    decoding again with a scanner that records where each one starts: done
    only when a document is wrong, so the slower pure-Python scanner costs
    nothing when it is right."""
    from json import decoder, scanner

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[_At, int]:
        value, end = decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]  # (see _Step)
        found = _At(value)
        found.at = s_and_end[1] - 1
        return found, end

    def parse_array(s_and_end: tuple[str, int], scan_once: _Step) -> tuple[_AtList, int]:
        value, end = decoder.JSONArray(s_and_end, scan_once)  # type: ignore[attr-defined]  # (see _Step)
        found = _AtList(value)
        found.at = s_and_end[1] - 1
        return found, end

    tracking = json.JSONDecoder(parse_float=Decimal)
    tracking.parse_object, tracking.parse_array = parse_object, parse_array  # type: ignore[attr-defined]  # (see _Step)
    tracking.scan_once = scanner.py_make_scanner(tracking)  # type: ignore[attr-defined]  # (see _Step)
    node: Any = tracking.decode(text)
    at = getattr(node, "at", 0)
    for step in steps:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        at = getattr(node, "at", at)
    return text.count("\n", 0, at) + 1
