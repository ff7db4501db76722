"""The sweep of what a finding says of one wrong figure (tests/onefigure.py):
every real table in every rendered layout, a spread of its figures changed
each way, the outcomes counted per layout.  A measurement, not a test:

    cd tests && PYTHONPATH=..:. python sweep_findings.py [--per-kind N] [--list] [--filings] [FAMILY-SUBSTRING ...]

(`--filings`: the filings of ../shared/filings as filed too, a figure changed in the printed text.)
"""

from __future__ import annotations

import sys

from onefigure import OUTCOMES, families, filings, sweep, sweep_filing


def main(argv: list[str]) -> None:
    per_kind = int(argv[argv.index("--per-kind") + 1]) if "--per-kind" in argv else 3
    words = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--per-kind")]
    total: dict[str, int] = {}
    for name, family in families().items():
        if words and not any(w in name for w in words):
            continue
        counts, problems = sweep(family, per_kind)
        print(f"{name:40} " + " ".join(f"{o.replace(' ', '-')}={counts[o]}" for o in OUTCOMES if counts[o])
              + (f" clean-refused={counts['clean table refused']}" if counts["clean table refused"] else ""), flush=True)
        for o in OUTCOMES:
            total[o] = total.get(o, 0) + counts[o]
        if "--list" in argv:
            for p in problems:
                print("   ", p[:300])
    for path in filings() if "--filings" in argv else ():
        counts, problems = sweep_filing(path, per_kind)
        print(f"filing {path.parent.name:33} " + " ".join(f"{o.replace(' ', '-')}={n}" for o, n in counts.items()),
              flush=True)
        for o in OUTCOMES:
            total[o] = total.get(o, 0) + counts[o]
        for p in problems if "--list" in argv else ():
            print("   ", p[:300])
    print("total " + " ".join(f"{o.replace(' ', '-')}={n}" for o, n in total.items() if n))


if __name__ == "__main__":
    main(sys.argv[1:])
