"""Baselines: how a team accepts known findings (a filing cannot carry
inline waivers).  A finding is recorded by a fingerprint of what it is
about, not where: rule, period, row label, column and printed value, so it
survives unrelated edits that move lines.  Findings are matched per file,
as many times as they were recorded.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any, Optional

from auditor.cells import Place, by_place
from auditor.errors import InputError, json_shown
from auditor.model import Cell, Finding
from auditor.result import FileResult

Accepted = Counter[tuple[str, str]]  # (path, fingerprint) -> how many findings the baseline accepts
Entry = dict[str, Any]  # a finding as the baseline file records it

VERSION = 1


def fingerprint(finding: Finding, cell: Optional[Cell] = None) -> str:
    """A stable hash of rule, period, row label, column and printed value."""
    printed = cell.raw if cell is not None else _amount(finding.actual)
    parts = (finding.rule, _words(finding.period), _words(finding.row), finding.column or "", _words(printed))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _words(text: Optional[str]) -> str:
    return " ".join((text or "").split())


def _amount(value: Optional[Decimal]) -> str:
    return "" if value is None else format(value, "f")


def _path(path: str) -> str:
    """The file as the baseline names it: relative to the working directory."""
    relative = os.path.relpath(os.path.abspath(path))
    return relative.replace(os.sep, "/")


def _cells(result: FileResult) -> dict[Place, Cell]:
    """(line, column) -> the figure printed there."""
    return {place: at.cell for place, at in by_place(result.schedules).items()}


def entries(results: Iterable[FileResult]) -> list[Entry]:
    out = []
    for r in results:
        cells = _cells(r)
        for f in r.findings:
            cell = cells.get((f.location.line, f.location.column))
            out.append({
                "path": _path(r.path),
                "fingerprint": fingerprint(f, cell),
                "rule": f.rule,
                "period": f.period,
                "row": f.row,
                "column": f.column,
                "printed": cell.raw if cell is not None else _amount(f.actual),
            })
    return out


def dumps(results: Iterable[FileResult]) -> str:
    """The baseline file: the fingerprints, with what they stand for, for review."""
    return dumps_entries(entries(results))


def dumps_entries(found: Sequence[Entry]) -> str:
    doc = {"version": VERSION, "tool": "auditor", "findings": found}
    return json_shown(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"


def load(path: str) -> Accepted:
    """(path, fingerprint) -> how many findings the baseline accepts."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except OSError as exc:
        raise InputError(f"cannot read baseline: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise InputError("baseline is not UTF-8 text", path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not JSON: {exc.msg}", path, exc.lineno) from None
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
        raise InputError(f"not an auditor baseline (expected version {VERSION} and a findings list)", path)
    accepted: Accepted = Counter()
    for n, entry in enumerate(doc["findings"], start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "fingerprint")):
            raise InputError(f"baseline finding {n} needs a path and a fingerprint (strings)", path)
        accepted[(entry["path"], entry["fingerprint"])] += 1
    return accepted


def apply(results: Iterable[FileResult], accepted: Accepted,
          remaining: bool = False) -> tuple[list[FileResult], int]:
    """The results without the accepted findings, and how many were suppressed.
    With `remaining`, `accepted` is counted down in place, so that files
    applied one at a time share it."""
    left = accepted if remaining else Counter(accepted)
    kept, suppressed = [], 0
    for r in results:
        cells = _cells(r)
        findings = []
        for f in r.findings:
            key = (_path(r.path), fingerprint(f, cells.get((f.location.line, f.location.column))))
            if left[key] > 0:
                left[key] -= 1
                suppressed += 1
            else:
                findings.append(f)
        kept.append(replace(r, findings=findings))
    return kept, suppressed
