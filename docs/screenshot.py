"""Make docs/report-seed.png, the README's picture of the seed's HTML report,
by the browser tests' own code path (tests/browser.py):

    .venv/bin/python docs/screenshot.py
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402
from auditor.output import html as html_report

SEED = "tests/fixtures/lantronix-2003.txt"


def main() -> int:
    why = browser.unavailable()
    if why:
        sys.stderr.write(f"screenshot: {why}\n")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "seed.html"
        subprocess.run([sys.executable, "-m", "auditor.cli", "check", SEED, "--format", "html", "--output", str(report)],
                       cwd=ROOT, check=False)
        with browser.page() as p:
            browser.screenshot(p, report, ROOT / "docs" / "report-seed.png", html_report.section_id(SEED))
    return 0


if __name__ == "__main__":
    sys.exit(main())
