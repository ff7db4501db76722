"""An optional module that a dependency imports where it is installed, and that auditor never
uses, executed at its first use instead of at import (`auditor check`'s start-up).

lark imports the `regex` module where it is installed (57 M instructions of `auditor check`'s
941 M) and uses it only for `Lark(regex=True)` and `\\p{...}` terminals, which auditor's grammars
never ask for.  Hiding it from lark (`sys.modules["regex"] = None`) would refuse `regex=True` to
every other user in the process; the standard library's `importlib.util.LazyLoader` does not
serve either, as Python 3.11's import statement reads the module's `__spec__`, which executes
it.  So the module is registered unexecuted (`_OnFirstUse`): `import regex` finds it, lark and
anyone else, and the first attribute it lacks executes it in place, one module object for all,
as an import would have made it.  Nothing is done where it is imported already, where lark is
(it found the module then), or where it is not installed.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types

DEFERRED = ("regex",)
_EXECUTING = threading.RLock()  # (two threads asking first: the second waits for the module whole)
_executing: set[str] = set()


class _OnFirstUse(types.ModuleType):
    """A module registered in sys.modules, its code not yet run: run, in place, at the first
    attribute asked of it that it lacks (its spec and path it has: an import reads them)."""

    def __getattr__(self, name: str) -> object:
        with _EXECUTING:
            if type(self) is _OnFirstUse and self.__name__ not in _executing:
                _execute(self)
            elif type(self) is _OnFirstUse:  # (asked by its own code, while it runs)
                raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        return getattr(self, name)


def _execute(module: types.ModuleType) -> None:
    spec = module.__spec__
    assert spec is not None and spec.loader is not None
    _executing.add(spec.name)
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)  # (as a failed import leaves it)
        raise
    finally:
        _executing.discard(spec.name)
        module.__class__ = types.ModuleType


def defer_unused() -> None:
    """Register each module of DEFERRED to run at its first use."""
    if "lark" in sys.modules:
        return
    for name in DEFERRED:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = _OnFirstUse
        sys.modules[name] = module
