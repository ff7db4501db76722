"""Which Dask tasks in flight are lost: a run never waits for ever on one.

The client waits for each batch's result as it is relayed by the scheduler.
A worker that dies at the wrong moment can leave that wait with nothing to
come: the result's fetch fails, the client sets the future back to pending
and waits for the task again, which the scheduler may never run; or the
cluster has no worker left (a nanny that could not start a new one).  Dask
itself rescues a task whose worker died while running it (it runs it
elsewhere, and after three deaths fails it as `KilledWorker`), so only two
things are watched, each against a bound far above a healthy cluster's:

- a task that ended (finished, failed or was cancelled) whose result has
  not come in `DELIVERY_BOUND` seconds (relaying a batch's results takes
  milliseconds);
- a cluster with no worker for `NO_WORKER_BOUND` seconds: every task in
  flight is lost.

A lost batch's files are then checked as a failed batch's are (one at a
time, away from the cluster), so the run goes on and its results stay
those of -j 1.  Kept free of Dask (the clock and the count of workers are
given) so that the bounds can be tested without a cluster or a wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, Optional, TypeVar

DELIVERY_BOUND = 10.0  # seconds from a task's end to its result
NO_WORKER_BOUND = 60.0  # seconds with no worker in the cluster
WORKERS_EVERY = 1.0  # seconds between two counts of the workers (a round trip to the scheduler)

Handle = TypeVar("Handle", bound=Hashable)


class WorkerLost(Exception):
    """A batch's task lost with its worker: its files are checked again."""


class Watch(Generic[Handle]):
    def __init__(self, workers: Callable[[], int], clock: Callable[[], float] = time.monotonic,
                 delivery_bound: Optional[float] = None, no_worker_bound: Optional[float] = None) -> None:
        self.workers, self.clock = workers, clock
        self.delivery_bound = DELIVERY_BOUND if delivery_bound is None else delivery_bound
        self.no_worker_bound = NO_WORKER_BOUND if no_worker_bound is None else no_worker_bound
        self.ended_at: dict[Handle, float] = {}  # set by Dask's callback thread, read by the run's
        self.lock = threading.Lock()
        self.counted_at: Optional[float] = None
        self.none_since: Optional[float] = None  # when the cluster was first seen with no worker

    def ended(self, handle: Handle) -> None:
        """The task ended (a future's done callback): its result is on its way.
        The first end counts: a future set back to pending is still late."""
        with self.lock:
            self.ended_at.setdefault(handle, self.clock())

    def delivered(self, handle: Handle) -> None:
        with self.lock:
            self.ended_at.pop(handle, None)

    def lost(self, handles: Iterable[Handle]) -> list[Handle]:
        """The handles among those in flight whose results will not come."""
        now = self.clock()
        handles = list(handles)
        if handles and self._no_workers_for(now) >= self.no_worker_bound:
            return handles
        with self.lock:
            inflight = set(handles)
            for gone in [h for h in self.ended_at if h not in inflight]:
                del self.ended_at[gone]  # (ended after it was delivered: a future held is a result kept on its worker)
            return [h for h in handles if h in self.ended_at and now - self.ended_at[h] >= self.delivery_bound]

    def _no_workers_for(self, now: float) -> float:
        if self.counted_at is None or now - self.counted_at >= WORKERS_EVERY:
            self.counted_at = now
            try:
                count = self.workers()
            except Exception:  # (a scheduler that does not answer has no worker for this run)
                count = 0
            self.none_since = None if count else (self.none_since if self.none_since is not None else now)
        return 0.0 if self.none_since is None else now - self.none_since
