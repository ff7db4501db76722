"""What a worker does with a batch of files: read, look up the cache, check,
diagnose, store.  The same code runs in process (-j 1), in a pool's worker
processes and on Dask workers, so results cannot differ between them.

A worker is sent `Options` (plain, picklable values), not the rules
themselves: it loads the rules once per process and keeps them.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple, Optional

import auditor
from auditor import source
from auditor.errors import InputError, InternalError, internal_message
from auditor.model import Finding

if TYPE_CHECKING:
    from auditor.corpus.cache import Cache
    from auditor.pipeline import InputFormat, Sources
    from auditor.ruleset.rules import Rule, RuleSet

Only = Callable[["Rule"], bool]  # the rules --select and --ignore leave to run
Batch = list[tuple[int, str]]  # (index among the paths, path) of the files a worker checks together


class Options(NamedTuple):
    rules: Optional[str] = None  # path of the rules file; None: the bundled rules
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()
    input_format: Optional[InputFormat] = None
    sources: Sources = "both"
    max_bytes: Optional[int] = None  # read at most this much of a file (None: limits.MAX_BYTES)
    cache_dir: Optional[str] = None  # None: no cache
    fingerprint: Optional[str] = None  # of the rules and options (cache.fingerprint), with cache_dir
    run: Optional[str] = None  # a token per run: the rules are loaded once per run and process, and again
    # for the next run (its rules file may have changed)
    schedules: bool = True  # a worker sends each result's schedules back; False: their number only (the
    # report reads nothing more, and encoding them to send was a twentieth of a worker's time)

    @classmethod
    def for_run(cls, **fields: object) -> "Options":
        return cls(run=os.urandom(8).hex(), **fields)  # type: ignore[arg-type]  # (the fields, by name, as above)


class Checked(NamedTuple):
    """One file's outcome: `index` is its place among the paths as given;
    `result` carries its diagnosis; `cached`: read from the result cache."""

    index: int  # type: ignore[assignment]  # (the file's place; shadows tuple.index, which nothing here calls)
    result: auditor.FileResult
    cached: bool = False

    @property
    def path(self) -> str:
        return self.result.path


def patterns(values: Iterable[str]) -> list[str]:
    """--select/--ignore/--severity values: repeatable and comma-separated."""
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def selector(select: Iterable[str], ignore: Iterable[str]) -> Only:
    """The rules --select and --ignore leave to run (id or name prefixes)."""
    chosen, skipped = patterns(select), patterns(ignore)

    def matches(rule: Rule, prefixes: list[str]) -> bool:
        return any(rule.id.startswith(p) or bool(rule.name and rule.name.startswith(p)) for p in prefixes)

    def only(rule: Rule) -> bool:
        return (not chosen or matches(rule, chosen)) and not matches(rule, skipped)

    return only


def prepare(options: Options) -> tuple[RuleSet, Only]:
    """(ruleset, only) as the options ask, loaded once per run and process;
    InputError or ValueError when they are bad (the command line has said so
    before any worker starts, and a forked worker inherits what it loaded)."""
    rules = options._replace(input_format=None, sources="both", max_bytes=None, cache_dir=None, fingerprint=None,
                             schedules=True)
    prepared = _prepared.get(rules)
    if prepared is None:
        ruleset = auditor.load_rules(options.rules)
        if options.severity:
            from auditor.ruleset.authoring import severity_overrides

            ruleset = ruleset.with_severity(severity_overrides(ruleset, options.severity))
        if len(_prepared) >= 8:  # earlier runs' (a long-lived process using check_paths)
            _prepared.clear()
        prepared = _prepared[rules] = (ruleset, selector(options.select, options.ignore))
    return prepared


_prepared: dict[Options, tuple[RuleSet, Only]] = {}  # the rules' part of the Options and the run -> (ruleset, only)
_caches: dict[tuple[str, Optional[str]], Cache] = {}  # (cache_dir, fingerprint) -> Cache, per process


def _state(options: Options) -> tuple[RuleSet, Only, Optional[Cache]]:
    ruleset, only = prepare(options)
    store = None
    if options.cache_dir:
        store = _caches.get((options.cache_dir, options.fingerprint))
        if store is None:
            from auditor.corpus.cache import Cache

            store = _caches[(options.cache_dir, options.fingerprint)] = Cache(options.cache_dir, options.fingerprint)
    return ruleset, only, store


def check_batch(batch: Batch, options: Options) -> list[Checked]:
    """[(index, path), ...] -> [Checked, ...] in the same order, to send back
    to the main process (schedules as text: `codec.defer`)."""
    return [check_one(index, path, options, to_send=True) for index, path in batch]


def check_one(index: int, path: str, options: Options, to_send: bool = False) -> Checked:
    ruleset, only, store = _state(options)
    status = _identity(path, options) if store is not None else None
    if store is not None and status is not None:
        hit = _known(index, path, store, status)
        if hit is not None:
            return hit
    started = time.time_ns()
    try:
        data = source.read_bytes(path, options.max_bytes)
    except InputError as exc:  # not cached: the file may be back next time
        return Checked(index, unchecked(path, exc.located(path)))
    if store is None:
        held = [data]  # (checked takes the bytes out: freed once decoded, not kept through the check)
        del data
        result = checked(path, held, ruleset, only, options.input_format, options.sources)[0]
        return Checked(index, _sendable(result, options.schedules) if to_send else result)
    from auditor.corpus.cache import digest

    content = digest(data)
    key = store.content_key(content)
    stored = store.get(key, path)
    if stored is None:
        held = [data]  # (as above)
        del data
        result, deterministic = checked(path, held, ruleset, only, options.input_format, options.sources)
        if to_send:
            result = _sendable(result)  # (encoded once: the cache entry takes the same text, so sent whole)
        if not deterministic:
            return Checked(index, result)
        store.put(key, result)
    if status is not None:
        store.remember(path, status, content, started)
    return Checked(index, stored, cached=True) if stored is not None else Checked(index, result)


def _sendable(result: auditor.FileResult, schedules: bool = True) -> auditor.FileResult:
    from auditor.corpus import codec

    return codec.defer(result) if schedules else codec.counted(result)


def known(index: int, path: str, options: Options) -> Optional[Checked]:
    """The file's result from the cache by its identity alone (nothing read
    but the index and the entry), or None: the main process of a corpus run
    hands on what is known and sends workers only the rest."""
    if not options.cache_dir or path == source.STDIN:
        return None
    store = _state(options)[2]
    status = _identity(path, options)
    return _known(index, path, store, status) if store is not None and status is not None else None


def _identity(path: str, options: Options) -> Optional[os.stat_result]:
    """The file's identity, where it may be looked up by it: a regular file within --max-bytes."""
    from auditor.limits import MAX_BYTES

    if path == source.STDIN:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    limit = MAX_BYTES if options.max_bytes is None else options.max_bytes
    return status if stat.S_ISREG(status.st_mode) and status.st_size <= limit else None


def _known(index: int, path: str, store: Cache, status: os.stat_result) -> Optional[Checked]:
    content = store.known(path, status)
    hit = store.get(store.content_key(content), path) if content is not None else None
    return Checked(index, hit, cached=True) if hit is not None else None


def checked(path: str, data: bytes | list[bytes], ruleset: RuleSet, only: Optional[Only], input_format: Optional[InputFormat],
            sources: Sources = "both") -> tuple[auditor.FileResult, bool]:
    """(the FileResult with its diagnosis, whether it is the content's own and
    may be cached: not an internal error, which a fixed version may not repeat).
    `data`: the bytes, or a list holding them, taken out of it so that they
    are freed once decoded (a caller's name would keep them to the end)."""
    from auditor import diagnose

    try:
        try:
            src = source.from_held(data, path) if isinstance(data, list) else source.from_bytes(data, path)
        except InputError as exc:
            return unchecked(path, exc.located(path)), True
        result = auditor.check_source(src, ruleset, only, input_format, sources)
    except RecursionError:
        return unchecked(path, InputError("input too deeply nested to read", path)), True
    except MemoryError:
        return unchecked(path, InputError("out of memory while reading this file", path)), False
    except Exception as exc:  # a bug of ours: one line and exit 3, never a traceback
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        return unchecked(path, InternalError(internal_message(exc), path)), False
    try:
        result.diagnosis = diagnose.result(result, ruleset, only)
        return result, True
    except Exception as exc:  # its findings stand; the file says the diagnosis failed (exit 3)
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        result.error = InternalError(internal_message(exc, "while diagnosing this file"), path)
        result.diagnosis = diagnose.Diagnosis()
        return result, False


def unchecked(path: str, error: InputError) -> auditor.FileResult:
    """A file the error stopped: no schedule, no finding, nothing to diagnose."""
    from auditor.diagnose import Diagnosis

    return auditor.FileResult(path, error=error, diagnosis=Diagnosis())
