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
from typing import Any, Optional, Union

from auditor.corpus.work import Batch, Checked, Options, check_batch, check_one

Future = Any  # a dask.distributed.Future (Dask publishes no types)


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
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                with dask.config.set({"distributed.worker.multiprocessing-method": _start_method(),
                                      # A worker samples its own stack every 10 ms for the dashboard
                                      # (none here): the GIL taken from the checks, for nothing.
                                      "distributed.worker.profile.enabled": False}):
                    self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise EngineError(f"--scheduler {scheduler}: cannot connect ({exc})" if scheduler
                              else f"cannot start a Dask LocalCluster ({exc})") from None
        self.done = as_completed(with_results=False)
        self.ready: list[Future] = []

    def submit(self, batch: Batch) -> Future:
        # pure=False: a batch is checked again on each run, never served from
        # Dask's own memory of an earlier identical task (files change).
        future = self.client.submit(check_batch, batch, self.options, pure=False)
        self.done.add(future)
        return future

    def finished(self, handles: list[Future]) -> list[tuple[Future, Union[list[Checked], BaseException]]]:
        future = next(self.done)
        out = [future]
        out.extend(self.done.next_batch(block=False) if self.done.has_ready() else [])
        results = []
        for f in out:
            if f.status == "finished":
                results.append((f, f.result()))
            else:  # erred (a worker killed repeatedly: KilledWorker) or cancelled
                results.append((f, f.exception() if f.status == "error" else RuntimeError(f.status)))
        return results

    def isolate(self, batch: Batch) -> list[Checked]:
        """A batch whose task failed: each file on its own, so one bad file
        is reported and the others checked."""
        from auditor.corpus.engines import _died

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
            self.client.close()
        finally:
            self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
