"""What a worker of a Dask cluster started for a run does as it starts (a
Dask preload: imported, and `dask_setup` called, by each worker before it
registers, a worker that replaces one that died too).

Ctrl-C reaches every process of the terminal's group: the run stops the
cluster it started, its workers are not to print tracebacks of their own
(as the process pool's workers do not).  Set as the worker starts rather
than by a worker plugin the client registers, which cost a round trip to
every worker before the first task.
"""

from __future__ import annotations

from typing import Any


def dask_setup(worker: Any) -> None:
    import threading

    from auditor.corpus.engines import _quiet_worker

    if threading.current_thread() is threading.main_thread():  # (signals are set from there only)
        _quiet_worker()
