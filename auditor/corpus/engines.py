"""Run the checks of many files: in process, in a process pool, or on Dask.

Files travel in batches (a task per tiny exhibit would cost more in
hand-offs than in checking), at most a window of batches is out at a time,
and results are handed on as batches finish: the main process holds only
the batches in flight, whatever the number of files.  With `ordered`,
results come out in the order the paths were given (a finished batch waits
for the ones before it, and the window counts it until it is handed on),
so every output is the same whatever the number of workers.

A worker that dies (killed, out of memory, a crash in a C extension) takes
its batch down with it, and in a process pool every batch in flight.  Those
files are suspects, not failures: each is checked again on its own in a
one-process pool, and only a file whose own check kills a worker is
reported, as unreadable, naming what happened.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Optional, Protocol, TypeVar, Union

from auditor.corpus.work import Batch, Checked, Options, check_batch, check_one, unchecked
from auditor.corpus.work import known as work_known

if TYPE_CHECKING:  # (a pool is started only for many files: not imported at start-up)
    from concurrent.futures import Future, ProcessPoolExecutor

Engine = Literal["pool", "dask"]
OnDone = Callable[[Checked], None]
Outcome = Union[list[Checked], BaseException]  # a batch's results, or what stopped it


Handle = TypeVar("Handle", bound=Hashable)  # a batch submitted: a future, of the pool or of Dask


class Backend(Protocol[Handle]):
    """Where batches run: a process pool here, or a Dask cluster."""

    def submit(self, batch: Batch) -> Handle: ...

    def finished(self, handles: list[Handle]) -> list[tuple[Handle, Outcome]]: ...

    def isolate(self, batch: Batch) -> list[Checked]: ...

    def close(self) -> None: ...

FILES_PER_BATCH = 16
BYTES_PER_BATCH = 16 << 20  # one 10 MB submission is a batch of its own
DASK_HINT = "--engine dask needs Dask: pip install 'auditor[dask]'"


class EngineError(Exception):
    """The engine cannot start (Dask missing, a scheduler that does not answer)."""


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Known(NamedTuple):
    """Files whose results the main process read from the cache: handed on
    in their turn, never sent to a worker."""

    results: list[Checked]


Work = Union[Batch, Known]


def batches(indexed: Iterable[tuple[int, str]], files: int = FILES_PER_BATCH, size: int = BYTES_PER_BATCH,
            known: Optional[Callable[[int, str], Optional[Checked]]] = None, total: Optional[int] = None,
            workers: int = 1) -> Iterator[Work]:
    """[(index, path), ...] in batches of up to `files` files and about `size`
    bytes; with `known`, runs of files it answers come out as `Known`, in
    their place (a batch is closed before them, so the order holds).  With
    `total`, the number of files, the last batches shrink to a share of what
    is left (a worker's half of it, down to one file): the `workers` then
    finish together, where a last whole batch kept one of them at work and
    the others waiting."""
    batch: Batch = []
    done: list[Checked] = []
    total_bytes = 0
    room = files
    for position, (index, path) in enumerate(indexed):
        hit = known(index, path) if known is not None else None
        if hit is not None:
            if batch:
                yield batch
                batch, total_bytes = [], 0
            done.append(hit)
            if len(done) >= files:
                yield Known(done)
                done = []
            continue
        if done:
            yield Known(done)
            done = []
        if not batch and total is not None:
            room = max(1, min(files, -(-(total - position) // (2 * workers))))
        try:
            total_bytes += os.stat(path).st_size
        except OSError:
            pass  # reported when the worker tries to read it
        batch.append((index, path))
        if len(batch) >= room or total_bytes >= size:
            yield batch
            batch, total_bytes = [], 0
    if batch:
        yield batch
    if done:
        yield Known(done)


def run(paths: Iterable[str], options: Options, jobs: Optional[int] = None, engine: Engine = "pool",
        scheduler: Optional[str] = None, ordered: bool = False, on_done: Optional[OnDone] = None) -> Iterator[Checked]:
    """Yield a `Checked` per path (completion order, or the paths' order with
    `ordered`); `on_done(checked)` is called as each file finishes."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    paths = paths if isinstance(paths, (list, tuple)) else list(paths)
    per_batch = max(1, min(FILES_PER_BATCH, -(-len(paths) // (jobs * 4))))
    work = batches(enumerate(paths), per_batch, known=lambda i, p: work_known(i, p, options), total=len(paths),
                   workers=jobs)
    if engine == "dask":
        yield from _driven(_dask_backend(options, jobs, scheduler), work, jobs, ordered, on_done)
    elif jobs == 1 or len(paths) <= 1:
        yield from _in_process(paths, options, on_done)
    else:
        yield from _driven(_Pool(options, min(jobs, -(-len(paths) // per_batch))), work, jobs, ordered, on_done)


def _driven(backend: Backend[Handle], work: Iterator[Work], jobs: int, ordered: bool,
            on_done: Optional[OnDone]) -> Iterator[Checked]:
    try:
        yield from _stream(work, backend, window=jobs * (4 if ordered else 2), ordered=ordered, on_done=on_done)
    finally:
        backend.close()


def _in_process(paths: Sequence[str], options: Options, on_done: Optional[OnDone]) -> Iterator[Checked]:
    for index, path in enumerate(paths):
        checked = check_one(index, path, options)
        if on_done is not None:
            on_done(checked)
        yield checked


def _stream(work: Iterator[Work], backend: Backend[Handle], window: int, ordered: bool,
            on_done: Optional[OnDone]) -> Iterator[Checked]:
    inflight: dict[Handle, tuple[int, Batch]] = {}  # handle -> (batch number, batch)
    held: dict[int, list[Checked]] = {}  # batch number -> results, finished but waiting for earlier batches (ordered)
    submitted = emitted = 0
    exhausted = False

    def hand_on(number: int, results: list[Checked]) -> Iterator[Checked]:
        nonlocal emitted
        if on_done is not None:
            for checked in results:
                on_done(checked)
        if not ordered:
            yield from results
            emitted += 1
            return
        held[number] = results
        while emitted in held:
            yield from held.pop(emitted)
            emitted += 1

    while True:
        while not exhausted and (submitted - emitted if ordered else len(inflight)) < window:
            item = next(work, None)
            if item is None:
                exhausted = True
                break
            if isinstance(item, Known):
                yield from hand_on(submitted, item.results)
            else:
                inflight[backend.submit(item)] = (submitted, item)
            submitted += 1
        if not inflight:
            if exhausted:
                return
            continue  # (only known results so far: the window has room again)
        for handle, outcome in backend.finished(list(inflight)):
            number, batch = inflight.pop(handle)
            yield from hand_on(number, outcome if not isinstance(outcome, BaseException) else backend.isolate(batch))


# --- a process pool --------------------------------------------------------------


def _quiet_worker() -> None:
    """Ctrl-C reaches every process of the terminal's group: the main process
    stops the pool, the workers are not to print tracebacks of their own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


# What a worker imports before its first batch, once, in the forkserver
# (each worker is forked from it with them imported): a check's modules.
WORKER_MODULES = ("auditor.corpus.engines", "auditor.corpus.work", "auditor.pipeline", "auditor.diagnose",
                  "auditor.corpus.codec")


def _new_pool(workers: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=_start_context(), initializer=_quiet_worker)


def _start_context() -> Any:
    """How a pool's workers start.  Forked from this process, a worker
    inherits every lock held at that instant by this process's other threads
    (a pool's manager thread, a Dask client's, a caller's), held for ever by a
    thread it does not have: the class of the hangs stop 32 fixed one by one.
    So a pool is forked only from a process of one thread (no lock can be
    held by another; a pool forks its workers before it starts its own
    thread), and a worker inherits the modules imported here; from any other,
    its workers start from a forkserver, a process of one thread started once
    with the check's modules imported (0.2 s of CPU, once).  Where the system
    has neither (Windows), spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _threads() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_MODULES))
    return context


def _threads() -> Optional[int]:
    """This process's threads, as the system counts them (those started by a
    C library too); None where it does not say (then taken as several)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def _stop(pool: ProcessPoolExecutor) -> set[int]:
    """Stop now: cancel what has not started, end the workers (a worker in the
    middle of a 10 MB file would otherwise finish it first).  The workers' pids."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
    return {p.pid for p in processes if p.pid is not None}


# A process forked by another thread of this one (a Dask nanny replacing a
# worker that died) while a pool here starts its own worker inherits that
# worker's end of the pipe by which the pool sees it die: the end is closed
# here just after the fork, but the other child keeps it open for its whole
# life, and the pool never learns that its worker died (the file that kills
# its process, checked again on its own): test_corpus hung so under load.
# So a suspect's result is waited for a while at a time, and the pool's
# process looked at between (its exit status, which no pipe can hide).
LOOK_EVERY = 0.5  # seconds


def _awaited(pool: ProcessPoolExecutor, future: Future[Checked]) -> Checked:
    """The future's result; BrokenProcessPool once the pool's process has died."""
    from concurrent.futures.process import BrokenProcessPool

    while True:
        try:
            return future.result(timeout=LOOK_EVERY)
        except TimeoutError:
            processes = list((getattr(pool, "_processes", None) or {}).values())
            if processes and not all(process.is_alive() for process in processes):
                try:
                    return future.result(timeout=LOOK_EVERY)  # (sent just before it died)
                except TimeoutError:
                    raise BrokenProcessPool("the pool's process died") from None


class _Pool:
    def __init__(self, options: Options, workers: int) -> None:
        self.options, self.workers = options, workers
        self.pool: Optional[ProcessPoolExecutor] = None
        self.spare: Optional[ProcessPoolExecutor] = None  # the one-process pool that checks suspects one at a time
        self.stopped: set[int] = set()  # pids of the workers stopped: a cache entry they were writing is swept

    def submit(self, batch: Batch) -> Future[list[Checked]]:
        pool = self.pool = self.pool or _new_pool(self.workers)
        try:
            return pool.submit(check_batch, batch, self.options)
        except RuntimeError:  # broken since the last look: start afresh
            self.stopped |= _stop(pool)
            pool = self.pool = _new_pool(self.workers)
            return pool.submit(check_batch, batch, self.options)

    def finished(self, handles: list[Future[list[Checked]]]) -> list[tuple[Future[list[Checked]], Outcome]]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        done, _ = wait(handles, return_when=FIRST_COMPLETED)
        out: list[tuple[Future[list[Checked]], Outcome]] = []
        for future in done:
            error = future.exception()
            if isinstance(error, BrokenProcessPool) and self.pool is not None and self.pool._broken:
                self.stopped |= _stop(self.pool)  # every batch still in it fails too, and is checked again
                self.pool = None
            out.append((future, error if error is not None else future.result()))
        return out

    def isolate(self, batch: Batch) -> list[Checked]:
        from concurrent.futures.process import BrokenProcessPool

        out = []
        for index, path in batch:
            spare = self.spare = self.spare or _new_pool(1)
            try:
                out.append(_awaited(spare, spare.submit(check_one, index, path, self.options)))
            except BrokenProcessPool:
                self.stopped |= _stop(spare)
                self.spare = None
                out.append(_died(index, path, "the process checking it died (killed, or out of memory)"))
            except Exception as exc:
                out.append(_died(index, path, f"the process checking it failed ({type(exc).__name__}: {exc})"))
        return out

    def close(self) -> None:
        for pool in (self.pool, self.spare):
            if pool is not None:
                self.stopped |= _stop(pool)
        self.pool = self.spare = None
        if self.options.cache_dir and self.stopped:
            from auditor.corpus.cache import sweep

            sweep(self.options.cache_dir, self.stopped)


def _died(index: int, path: str, why: str) -> Checked:
    from auditor.errors import InputError

    return Checked(index, unchecked(path, InputError(f"not checked: {why}", path)))


# --- Dask distributed ------------------------------------------------------------


def dask_available(command_line: bool = False) -> bool:
    """Whether Dask distributed imports (only asked when it is about to be
    used); `command_line`: for this process's own run of the command line."""
    try:
        _import_distributed(UNUSED_BY_DASK + (UNSHOWN_BY_COMMAND if command_line else ()))
    except ImportError:
        return False
    return True


# Imported by Dask distributed for what a run does without.  NumPy: only to
# allocate its receive buffers unzeroed, and it falls back to a bytearray (a
# run's messages are small: a batch, its pickled results); NumPy's import is
# a quarter of distributed's (0.13 to 0.2 s of the main process, before any
# worker starts).
UNUSED_BY_DASK = ("numpy",)
# Jinja2: only for the HTML views of Dask's objects in a notebook (dask.widgets
# falls back to raising ImportError when asked for one), a tenth of the
# import (0.05 s of CPU).  Kept out only of the command line's process, which
# shows none; a program calling check_paths may show them.
UNSHOWN_BY_COMMAND = ("jinja2",)


def _import_distributed(unused: tuple[str, ...] = UNUSED_BY_DASK) -> None:
    """Import Dask distributed without the `unused` modules, those of them
    not imported already.  They stay importable afterwards, by the rest of
    the process as by the workers (NumPy by XBRL through Arelle); should a
    later Dask need one of them to import, it is imported with them all."""
    import sys

    if "dask.distributed" in sys.modules:
        return
    kept_out = [name for name in unused if name not in sys.modules]
    for name in kept_out:
        sys.modules[name] = None  # type: ignore[assignment]  # (None: `import name` raises ImportError)
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        for name in [n for n in sys.modules if n == "dask" or n.startswith(("dask.", "distributed"))]:
            del sys.modules[name]  # (half-imported without them: imported afresh, with them)
        for name in kept_out:
            del sys.modules[name]
        import dask.distributed  # noqa: F401
    finally:
        for name in kept_out:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def _dask_backend(options: Options, jobs: int, scheduler: Optional[str]) -> Backend[Any]:  # (Dask has no types)
    if not dask_available():
        raise EngineError(DASK_HINT)
    from auditor.corpus.dask_engine import DaskBackend

    return DaskBackend(options, jobs, scheduler)
