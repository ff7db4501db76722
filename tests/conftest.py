import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests stay quick by default; HYPOTHESIS_PROFILE=long runs them longer.
settings.register_profile("default", max_examples=30)
settings.register_profile("long", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "lantronix-2003.txt"
SHARED = ROOT.parent / "shared"


def auditor_command() -> list:
    """The installed console script (CLI tests go through it, as users do)."""
    script = Path(sys.executable).parent / "auditor"
    if script.exists():
        return [str(script)]
    found = shutil.which("auditor")
    if found:
        return [found]
    pytest.fail("the auditor console script is not installed: pip install -e '.[test]'")


def run(*args, cwd=None, env=None):
    return subprocess.run(
        auditor_command() + [str(a) for a in args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def run_json(*args, **kw):
    proc = run("check", "--format", "json", *args, **kw)
    return proc, json.loads(proc.stdout) if proc.stdout.strip() else None


@pytest.fixture
def shared():
    if not SHARED.is_dir():
        pytest.skip("../shared (real tables, SARIF schema) is not beside this checkout")
    return SHARED
