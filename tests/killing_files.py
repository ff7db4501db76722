"""The check as a pool's worker runs it in tests/test_corpus.py, except that a
file named *crash* kills the process checking it, as the kernel's
out-of-memory killer would.  A module of its own, named where the test's
process submits its work (`engines.check_batch`, `engines.check_one`): a
worker started from the forkserver has none of the test process's patches,
it imports what it is sent by name, as it imports the real check.  Light
to import (no pytest): every worker imports it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from auditor.corpus import work

if TYPE_CHECKING:
    import pytest


def check_one(index: int, path: str, options: work.Options, to_send: bool = False) -> work.Checked:
    if "crash" in os.path.basename(path):
        os._exit(9)
    return work.check_one(index, path, options, to_send)


def check_batch(batch: work.Batch, options: work.Options) -> list[work.Checked]:
    return [check_one(index, path, options, to_send=True) for index, path in batch]


def patch(monkeypatch: "pytest.MonkeyPatch") -> None:
    """The pool's and the spare pool's work, through this module."""
    from auditor.corpus import engines

    monkeypatch.setattr(engines, "check_batch", check_batch)
    monkeypatch.setattr(engines, "check_one", check_one)
