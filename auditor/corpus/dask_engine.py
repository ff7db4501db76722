"""The Dask distributed engine: the same batches, as tasks on a cluster.

Imported only for --engine dask.  Without --scheduler a LocalCluster of
`jobs` worker processes (one thread each: the checks are pure Python and
hold the GIL) is started for the run and closed after it.  Its workers are
forked where the system can (as the process pool's are): they start with
the package and the rules already loaded, in a fraction of a second, where
spawned ones would import Dask, lark and the grammar again (seconds, most of
a small run's time).  Workers of a running --scheduler are the cluster's own.  Workers must see
the same paths as the client (a shared file system) and the same cache
directory if the cache is to be shared; a worker that cannot write the
cache goes on without it.
"""

from __future__ import annotations

import logging
import os
import pickle
from typing import Any, Optional, Union

from distributed.diagnostics.plugin import WorkerPlugin

from auditor.corpus.work import Batch, Checked, Options, check_batch, check_one

Future = Any  # a dask.distributed.Future (Dask publishes no types)

# A cluster started for one run needs none of Dask's upkeep for long-lived
# shared clusters: each periodic callback wakes an event loop that takes the
# GIL from the check running beside it (in the worker) or from the results
# being handed on (in the client).  The scheduler has no dashboard, no
# memory to rebalance (results leave a worker as they are gathered), nothing
# to steal (tasks are queued, a worker takes one when it is free).
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "5s",
    "distributed.scheduler.work-stealing": False,
    "distributed.scheduler.active-memory-manager.start": False,
}


class _NoInterrupt(WorkerPlugin):
    """Ctrl-C reaches every process of the terminal's group: the run stops the
    cluster it started, its workers are not to print tracebacks of their own
    (as the process pool's workers do not).  Set in each worker as it joins,
    so one that replaces a worker that died is quiet too."""

    name = "auditor-no-interrupt"

    def setup(self, worker: Any) -> None:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def check_packed(batch: Batch, options: Options) -> bytes:
    """A batch's results pickled once by the worker: Dask moves bytes as they
    are, where a list of results would be walked (sized, then pickled) on the
    worker and again on the way through the client."""
    return pickle.dumps(check_batch(batch, options), protocol=pickle.HIGHEST_PROTOCOL)


def _outcome(future: Future, result: Any) -> Union[list[Checked], BaseException]:
    if future.status == "finished":
        return pickle.loads(result)
    if isinstance(result, tuple) and len(result) == 3 and isinstance(result[1], BaseException):
        return result[1]  # erred: (type, exception, traceback), a worker killed repeatedly (KilledWorker) say
    return result if isinstance(result, BaseException) else RuntimeError(future.status)


def _start_method() -> str:
    import multiprocessing

    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class DaskBackend:
    def __init__(self, options: Options, jobs: int, scheduler: Optional[str] = None) -> None:
        import dask
        from dask.distributed import Client, LocalCluster, as_completed

        from auditor.corpus.engines import EngineError

        self.options = options
        self.cluster = None
        self.workers: set[int] = set()  # pids of the cluster's workers, whose half-written cache entries are swept
        # Held for the cluster's life, not only its start: a nanny reads the
        # start method again when it restarts a worker that died (outside it,
        # the replacement is spawned: seconds to import everything again).
        self.config = None if scheduler else dask.config.set(
            {"distributed.worker.multiprocessing-method": _start_method(), **QUIET_CLUSTER})
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.CRITICAL)
                # (Results are relayed by the scheduler, not fetched from the
                # worker directly: `direct_to_workers` saved some CPU, but a
                # result's fetch from a worker that had died could wait for
                # ever; a run hung so in CI.)
                self.client = Client(self.cluster)
                self.client.register_plugin(_NoInterrupt())
                self._note_workers()
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise EngineError(f"--scheduler {scheduler}: cannot connect ({exc})" if scheduler
                              else f"cannot start a Dask LocalCluster ({exc})") from None
        # Results are gathered by the client's own thread as tasks finish
        # (not fetched one by one from here when asked for).
        self.done = as_completed(with_results=True, raise_errors=False)

    def submit(self, batch: Batch) -> Future:
        # pure=False: a batch is checked again on each run, never served from
        # Dask's own memory of an earlier identical task (files change).
        future = self.client.submit(check_packed, batch, self.options, pure=False)
        self.done.add(future)
        return future

    def finished(self, handles: list[Future]) -> list[tuple[Future, Union[list[Checked], BaseException]]]:
        ready = [next(self.done)]
        ready.extend(self.done.next_batch(block=False) if self.done.has_ready() else [])
        return [(future, _outcome(future, result)) for future, result in ready]

    def isolate(self, batch: Batch) -> list[Checked]:
        """A batch whose task failed: each file on its own, so one bad file
        is reported and the others checked."""
        from auditor.corpus.engines import _died

        self._note_workers()  # (a worker may have died and been replaced)
        out = []
        for index, path in batch:
            future = self.client.submit(check_one, index, path, self.options, pure=False, retries=0)
            try:
                out.append(future.result())
            except Exception as exc:
                out.append(_died(index, path, f"its Dask task failed ({type(exc).__name__}: {exc})"))
        return out

    def close(self) -> None:
        try:
            self._note_workers()
            self.client.close()
        finally:
            self._close_cluster()
            if self.options.cache_dir and self.workers:
                from auditor.corpus.cache import sweep

                sweep(self.options.cache_dir, self.workers)

    def _note_workers(self) -> None:
        """Only a cluster started here is swept: a running one's workers may be
        writing for other clients."""
        if self.cluster is not None:
            try:
                self.workers |= set(self.client.run(os.getpid).values())
            except Exception:  # (a worker gone in the meantime: its pid was noted before)
                pass

    def _close_cluster(self) -> None:
        try:
            if self.cluster is not None:
                cluster, self.cluster = self.cluster, None
                cluster.close()
        except Exception:
            # Every result is in by now.  A nanny still restarting a worker that
            # died can fail its own close ("can only join a started process");
            # the worker's keep-alive pipe ends it with this process.
            pass
        finally:
            if self.config is not None:
                self.config.__exit__(None, None, None)
                self.config = None
