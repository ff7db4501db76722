"""One account's text table, each row labelled by its period alone, no period captions
("  Year ended December 31, 1997   $ 1,137   $ 384 ..."): the one-account real tables
(shared/real-tables) typed so, the account named over the headings' rule or nowhere, indented
or not, printed in their order or reversed.  Each row must be a period of its own: the clean table reads every period with no finding, and a year whose
opening and closing are both 10 higher (its row still closes) is found by carry-forward on its
row or the next one.  (Read as one period labelled '', s35 and before, the planted figure was
missed: a VQ008 warning alone.)"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SHARED

TABLES = SHARED / "real-tables"
# The one-account tables whose account's name fits a label column of 40.
ONE_ACCOUNT = ["cik1012881-2005", "cik840467-2002", "cpi-holdco-fy2004"]
WIDTH, LABEL = 14, 40


def _typed(spec: dict, account_line: bool, indent: int, reverse: bool, plant: bool) -> str:
    columns = spec["columns"][1:]
    wrapped = [textwrap.wrap(c, WIDTH - 2) or [""] for c in columns]
    depth = max(len(w) for w in wrapped)
    out = ["SAMPLE COMPANY", "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS",
           f"(In {spec['units'].split()[0]})", ""]
    for k in range(depth):
        out.append(" " * LABEL + "".join((w[k - depth + len(w)] if k >= depth - len(w) else "").rjust(WIDTH)
                                         for w in wrapped))
    if account_line:
        out.append(spec["periods"][0]["rows"][0]["label"])
    out.append("-" * (LABEL - 2) + "  " + "".join(("-" * (WIDTH - 2)).rjust(WIDTH) for _ in columns))
    rows = [(p["label"], list(p["rows"][0]["cells"])) for p in spec["periods"]]
    for i, (label, cells) in enumerate(rows[::-1] if reverse else rows):
        if plant and i == 0:
            cells[0], cells[-1] = _plus_ten(cells[0]), _plus_ten(cells[-1])
        out.append((" " * indent + label).ljust(LABEL) + "".join(c.rjust(WIDTH) for c in cells))
    return "\n".join(out) + "\n"


def _plus_ten(cell: str) -> str:
    negative = cell.startswith("(")
    value = Decimal(cell.strip("()").replace(",", "")) + (-10 if negative else 10)
    return f"({-value:,})" if negative else f"{value:,}"


def _auditor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True, check=False)


CASES = [(name, *flags) for name in ONE_ACCOUNT for flags in itertools.product((True, False), (0, 2), (False, True))]


@pytest.mark.skipif(not TABLES.is_dir(), reason="the real tables are not on this machine")
@pytest.mark.parametrize("name,account_line,indent,reverse", CASES)
def test_each_dated_row_is_a_period(tmp_path, name, account_line, indent, reverse):
    spec = json.loads((TABLES / f"{name}.json").read_text())
    clean, planted = tmp_path / "clean.txt", tmp_path / "planted.txt"
    clean.write_text(_typed(spec, account_line, indent, reverse, plant=False))
    planted.write_text(_typed(spec, account_line, indent, reverse, plant=True))
    parsed = json.loads(_auditor("parse", "--format", "json", str(clean)).stdout)
    assert [len(s["periods"]) for s in parsed["schedules"]] == [len(spec["periods"])]
    assert _findings(clean) == []
    printed = [p["label"] for p in (spec["periods"][::-1] if reverse else spec["periods"])]
    found = _findings(planted)
    # (the planted row is the newer of the two: its opening is off; or the older: the next one's is)
    assert [f["check"] for f in found if f["severity"] == "error"] == ["carry_forward"]
    assert found[0]["period"] in printed[:2]


def _findings(path: Path) -> list[dict]:
    return json.loads(_auditor("check", "--no-cache", "--format", "json", str(path)).stdout)["files"][0]["findings"]
