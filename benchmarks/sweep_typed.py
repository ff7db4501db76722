"""The typed-variation sweep: every table of ../shared/real-tables rendered
in every text layout of tests/test_real_tables.py, changed as a typist's
hand changes it (tests/typed.py VARIATIONS), read back and compared figure
by figure (tests/test_typed_layouts.py says what "read back" means).

Counts per variation: cases read back exactly, and those that are not
(an input error, a figure misread or lost, a false or missed error).
A measurement, not a test:

    .venv/bin/python benchmarks/sweep_typed.py [VARIATION ...] [--list]
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from render import render  # noqa: E402
from test_real_tables import LAYOUTS, applicable  # noqa: E402
from test_typed_layouts import _reads_back  # noqa: E402
from typed import VARIATIONS  # noqa: E402


def _typed_layout(variation: str) -> tuple[str, str, bool]:
    """The variation's name, its nils and whether untagged: "leader-dots-touching nil=-0-" (with the
    nils typed so), "double-spaced tags=no" (the layout printed without <TABLE> tags)."""
    words = variation.split(" ")
    nil = next((w[len("nil="):] for w in words if w.startswith("nil=")), "")
    return words[0], nil, "tags=no" in words


def sweep(variation: str, listing: bool = False) -> tuple[int, int]:
    shared = ROOT.parent / "shared" / "real-tables"
    good = cases = 0
    for table in sorted(shared.glob("*.json")):
        spec = json.loads(table.read_text())
        for name, layout in LAYOUTS.items():
            layout = applicable(spec, layout)
            vary, nil, untagged = _typed_layout(variation)
            if nil:
                layout = dataclasses.replace(layout, nil=nil)
            if untagged:
                layout = dataclasses.replace(layout, table_tags=False)
            cases += 1
            try:
                _reads_back(spec, layout, VARIATIONS[vary](render(spec, layout)))
                good += 1
            except (AssertionError, ValueError) as failed:  # (ValueError: not one schedule read)
                if listing:
                    print(f"  {table.stem} {name}: {(str(failed).splitlines() or ['?'])[0][:160]}")
    print(f"{variation:24} {good}/{cases}")
    return good, cases


if __name__ == "__main__":
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or list(VARIATIONS)
    for variation in names:
        sweep(variation, "--list" in sys.argv)
