"""What a worker does with a batch of files: read, look up the cache, check,
diagnose, store.  The same code runs in process (-j 1), in a pool's worker
processes and on Dask workers, so results cannot differ between them.

A worker is sent `Options` (plain, picklable values), not the rules
themselves: it loads the rules once per process and keeps them.
"""

from __future__ import annotations

import os
from typing import NamedTuple

import auditor
from auditor import source
from auditor.errors import InputError, InternalError, internal_message


class Options(NamedTuple):
    rules: str = None  # path of the rules file; None: the bundled rules
    select: tuple = ()
    ignore: tuple = ()
    severity: tuple = ()
    input_format: str = None
    sources: str = "both"  # "table", "xbrl" or "both": what an inline XBRL document is checked by
    max_bytes: int = None  # read at most this much of a file (None: limits.MAX_BYTES)
    cache_dir: str = None  # None: no cache
    fingerprint: str = None  # of the rules and options (cache.fingerprint), with cache_dir
    run: str = None  # a token per run: the rules are loaded once per run and process, and again
    # for the next run (its rules file may have changed)

    @classmethod
    def for_run(cls, **fields) -> "Options":
        return cls(run=os.urandom(8).hex(), **fields)


class Checked(NamedTuple):
    """One file's outcome: `index` is its place among the paths as given."""

    index: int
    result: auditor.FileResult
    diagnosis: object  # diagnose.Diagnosis
    cached: bool = False

    @property
    def path(self) -> str:
        return self.result.path


def patterns(values) -> list:
    """--select/--ignore/--severity values: repeatable and comma-separated."""
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def selector(select, ignore):
    """The rules --select and --ignore leave to run (id or name prefixes)."""
    select, ignore = patterns(select), patterns(ignore)

    def matches(rule, prefixes):
        return any(rule.id.startswith(p) or (rule.name and rule.name.startswith(p)) for p in prefixes)

    def only(rule):
        return (not select or matches(rule, select)) and not matches(rule, ignore)

    return only


def prepare(options: Options) -> tuple:
    """(ruleset, only) as the options ask, loaded once per run and process;
    InputError or ValueError when they are bad (the command line has said so
    before any worker starts, and a forked worker inherits what it loaded)."""
    rules = options._replace(input_format=None, sources=None, max_bytes=None, cache_dir=None, fingerprint=None)
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


_prepared = {}  # Options (the rules' part and the run) -> (ruleset, only), per process
_caches = {}  # (cache_dir, fingerprint) -> Cache, per process


def _state(options: Options) -> tuple:
    ruleset, only = prepare(options)
    store = None
    if options.cache_dir:
        store = _caches.get((options.cache_dir, options.fingerprint))
        if store is None:
            from auditor.corpus.cache import Cache

            store = _caches[(options.cache_dir, options.fingerprint)] = Cache(options.cache_dir, options.fingerprint)
    return ruleset, only, store


def check_batch(batch, options: Options) -> list:
    """[(index, path), ...] -> [Checked, ...] in the same order."""
    return [check_one(index, path, options) for index, path in batch]


def check_one(index: int, path: str, options: Options) -> Checked:
    ruleset, only, store = _state(options)
    try:
        data = source.read_bytes(path, options.max_bytes)
    except InputError as exc:  # not cached: the file may be back next time
        return Checked(index, auditor.FileResult(path, error=exc.located(path)), _nothing())
    key = store.key(data) if store is not None else None
    if key is not None:
        hit = store.get(key, path)
        if hit is not None:
            return Checked(index, *hit, cached=True)
    result, diagnosis, deterministic = checked(path, data, ruleset, only, options.input_format, options.sources)
    if key is not None and deterministic:
        store.put(key, result, diagnosis)
    return Checked(index, result, diagnosis)


def checked(path, data, ruleset, only, input_format, sources="both") -> tuple:
    """(FileResult, Diagnosis, whether the result is the content's own and may
    be cached: not an internal error, which a fixed version may not repeat)."""
    from auditor import diagnose

    try:
        try:
            src = source.from_bytes(data, path)
        except InputError as exc:
            return auditor.FileResult(path, error=exc.located(path)), _nothing(), True
        result = auditor.check_source(src, ruleset, only, input_format, sources)
    except RecursionError:
        error = InputError("input too deeply nested to read", path)
        return auditor.FileResult(path, error=error), _nothing(), True
    except MemoryError:
        return auditor.FileResult(path, error=InputError("out of memory while reading this file", path)), _nothing(), False
    except Exception as exc:  # a bug of ours: one line and exit 3, never a traceback
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        return auditor.FileResult(path, error=InternalError(internal_message(exc), path)), _nothing(), False
    try:
        return result, diagnose.result(result, ruleset, only), True
    except Exception as exc:  # its findings stand; the file says the diagnosis failed (exit 3)
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        result.error = InternalError(internal_message(exc, "while diagnosing this file"), path)
        return result, _nothing(), False


def _nothing():
    from auditor.diagnose import Diagnosis

    return Diagnosis()
