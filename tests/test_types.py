"""The package type-checks: mypy, with the configuration in pyproject.toml
([tool.mypy]: every function annotated, bodies checked), exits 0."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (pip install -e '.[test]')")
def test_the_package_passes_mypy():
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False)
    lines = run.stdout.splitlines()
    # The count first, then the first errors: the whole list can run to hundreds of lines.
    assert run.returncode == 0, "\n".join(lines[-1:] + lines[:40]) + run.stderr[-2000:]
