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
import pickle
from typing import TYPE_CHECKING, Any, Optional, Union

from auditor.corpus.lost import Watch, WorkerLost
from auditor.corpus.work import Batch, Checked, Options, check_batch

if TYPE_CHECKING:
    from auditor.corpus.engines import _Pool

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
    # No HTTP routes (metrics, health, JSON state): nothing reads them, and
    # each process imported their modules (the workers after the fork, on
    # the way to their first task).
    "distributed.scheduler.http.routes": [],
    "distributed.worker.http.routes": [],
    "distributed.worker.preload": ["auditor.corpus.dask_worker"],  # (Ctrl-C is the run's)
}


# Seconds for a cluster started here to close (one or two when healthy).  A
# worker forked while another thread here held a lock it then needs (a
# stream's, as it logs on its way up) never starts, and its nanny, and the
# cluster's close with it, would wait for it for ever: test_corpus hung so
# under load once every result was in.  Past the bound the cluster's worker
# processes are ended.
CLOSE_BOUND = 30.0


def _end_workers(cluster: Any) -> set[int]:
    """Kill the worker processes of a cluster started here that did not close
    in time (each a child of this process): the pids ended."""
    import os
    import signal

    ended = set()
    for nanny in list(cluster.workers.values()):
        pid = getattr(nanny, "pid", None)
        if isinstance(pid, int):
            try:
                os.kill(pid, signal.SIGKILL)
                ended.add(pid)
            except OSError:  # (gone meanwhile)
                pass
    return ended


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


def _imported_before_forking() -> None:
    """The modules this process imports only once a batch has failed (the
    spare pool's) or as the run ends, imported before any worker is forked.
    A worker forked while another thread here is executing a module's import
    inherits that module's lock held by a thread it does not have, and waits
    for it for ever as it imports the module itself: a run hung so, a nanny
    forking a replacement for a worker that died while the main thread was
    importing the spare pool."""
    import concurrent.futures.process  # noqa: F401
    import multiprocessing.synchronize  # noqa: F401

    import auditor.corpus.cache  # noqa: F401
    import auditor.corpus.engines  # noqa: F401


def _versions_known() -> None:
    """Every process of a cluster reports the versions of its packages (the
    worker as it registers, the scheduler and the client as they start),
    each looking them up in the installed packages' metadata: 20 to 30 ms a
    process.  Looked up once here, before the workers are forked, each
    worker starts with them known (Dask keeps them per process)."""
    from distributed.versions import get_versions

    get_versions()


# Whether a cluster started here is open: every process this one forks
# meanwhile is one of its workers (or the spare pool's), and ignores Ctrl-C
# from its first instruction.  The preload quiets a worker only once it has
# started; the cluster is scaled up while the first batches run, so a
# Ctrl-C could reach a worker forked an instant before and print its
# traceback (a worker replacing one that died, likewise).
_forking_workers = False


def _quiet_if_worker() -> None:
    if _forking_workers:
        from auditor.corpus.engines import _quiet_worker

        _quiet_worker()


def _quiet_from_birth(on: bool) -> None:
    global _forking_workers
    if on and not hasattr(_quiet_from_birth, "registered"):
        import os

        os.register_at_fork(after_in_child=_quiet_if_worker)
        _quiet_from_birth.registered = True  # type: ignore[attr-defined]
    _forking_workers = on


# Dask's loggers, quiet for the life of a cluster started for a run, not only
# as it starts (Dask's `silence_logs`): its workers are forked by a thread of
# the nannies here while another thread (the event loop, telling of a worker
# that died and of its restart) may be in the middle of writing to the log's
# stream, whose lock the replacement then inherits held, by a thread it does
# not have; the first line the replacement logged (a dead worker's directory
# purged, as it starts) waited for ever.  Nothing is logged by either side.
def _logs_quiet() -> dict[str, int]:
    """Every Dask logger with a level of its own set to CRITICAL: the levels
    it had, to be given back."""
    manager = logging.Logger.manager
    names = ["distributed"] + [name for name, logger in list(manager.loggerDict.items())
                               if name.startswith("distributed.") and isinstance(logger, logging.Logger)
                               and logger.level != logging.NOTSET]
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return levels


def _logs_as_they_were(levels: dict[str, int]) -> None:
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


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
        self.levels: dict[str, int] = {}  # of Dask's loggers, while a cluster started here is open
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
                _versions_known()
                _imported_before_forking()
                from distributed.worker_memory import parse_memory_limit

                # (each worker's share of the memory, as n_workers=jobs would set it)
                share = parse_memory_limit("auto", 1, jobs, logger=logging.getLogger(__name__))
                self.levels = _logs_quiet()
                _quiet_from_birth(True)
                # Started with no worker, then asked for `jobs` of them: the client
                # connects and the first batches are submitted while the workers
                # start, and each takes its first batch as soon as it has joined
                # (the cluster would otherwise wait for the last of them).
                self.cluster = LocalCluster(n_workers=0, threads_per_worker=1, processes=True,
                                            memory_limit=share,
                                            dashboard_address=None, silence_logs=logging.CRITICAL)
                # (Results are relayed by the scheduler, not fetched from the
                # worker directly: `direct_to_workers` saved some CPU, but a
                # result's fetch from a worker that had died could wait for
                # ever; a run hung so in CI.)
                self.client = Client(self.cluster)
                self.cluster.scale(jobs)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            raise EngineError(f"--scheduler {scheduler}: cannot connect ({exc})" if scheduler
                              else f"cannot start a Dask LocalCluster ({exc})") from None
        # Results are gathered by the client's own thread as tasks finish
        # (not fetched one by one from here when asked for).
        self.done = as_completed(with_results=True, raise_errors=False)
        self.watch: Watch[Future] = Watch(self._worker_count)
        self.spare: Optional[_Pool] = None  # checks the files of failed batches one at a time

    def _worker_count(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def submit(self, batch: Batch) -> Future:
        # pure=False: a batch is checked again on each run, never served from
        # Dask's own memory of an earlier identical task (files change).
        self._note_workers()  # (as they join, and as a nanny replaces one that died)
        future = self.client.submit(check_packed, batch, self.options, pure=False)
        future.add_done_callback(self.watch.ended)
        self.done.add(future)
        return future

    def finished(self, handles: list[Future]) -> list[tuple[Future, Union[list[Checked], BaseException]]]:
        """The batches done, as soon as one is; a batch whose result will not
        come (`lost`) is done too, failed: no run waits for ever."""
        inflight = set(handles)  # (a batch given up is not: should its result come after all, it is dropped)
        while True:
            ready = [(f, _outcome(f, result)) for f, result in self.done.next_batch(block=False) if f in inflight]
            if ready:
                for future, _ in ready:
                    self.watch.delivered(future)
                return ready
            gone = self.watch.lost(handles)
            if gone:
                return [(future, self._abandon(future)) for future in gone]
            self._wait()

    def _wait(self) -> None:
        """Until a result comes in, or a tenth of a second (a look at the watch)."""
        condition = self.done.thread_condition  # (notified by the client's thread as each result is queued)
        with condition:
            if not self.done.has_ready():
                condition.wait(timeout=0.1)

    def _abandon(self, future: Future) -> WorkerLost:
        self.watch.delivered(future)
        try:
            future.cancel()
        except Exception:  # (a scheduler that does not answer: nothing to cancel there)
            pass
        return WorkerLost(f"task {future.key} lost with its worker")

    def isolate(self, batch: Batch) -> list[Checked]:
        """A batch whose task failed or was lost: each file on its own, in a
        one-process pool here (as the process pool does), so one bad file is
        reported and the others checked, whatever state the cluster is in."""
        if self.spare is None:
            from auditor.corpus.engines import _Pool

            self.spare = _Pool(self.options, 1)
        return self.spare.isolate(batch)

    def close(self) -> None:
        try:
            self._note_workers()
            self.client.close()
        finally:
            self._close_cluster()
            if self.spare is not None:
                self.spare.close()  # (sweeps what its own stopped workers were writing)
            if self.options.cache_dir and self.workers:
                from auditor.corpus.cache import sweep

                sweep(self.options.cache_dir, self.workers)

    def _note_workers(self) -> None:
        """Only a cluster started here is swept: a running one's workers may be
        writing for other clients.  Read from the cluster's nannies, which
        live in this process (asking the workers cost a round trip at the
        start and at the end of every run)."""
        if self.cluster is not None:
            self.workers |= {pid for nanny in list(self.cluster.workers.values())
                             if isinstance(pid := getattr(nanny, "pid", None), int)}

    def _close_cluster(self) -> None:
        try:
            if self.cluster is not None:
                cluster, self.cluster = self.cluster, None
                try:
                    cluster.close(timeout=CLOSE_BOUND)
                except Exception:
                    self.workers |= _end_workers(cluster)
        except Exception:
            # Every result is in by now.  A nanny still restarting a worker that
            # died can fail its own close ("can only join a started process");
            # the worker's keep-alive pipe ends it with this process.
            pass
        finally:
            _quiet_from_birth(False)
            _logs_as_they_were(self.levels)
            self.levels = {}
            if self.config is not None:
                self.config.__exit__(None, None, None)
                self.config = None
