"""`auditor check` over any number of files: the command line's side of a
corpus run.  Everything that can be wrong with the command (rules, options,
paths, where the report goes, a directory with nothing to check) is told
before any file is checked; then files are checked by the engine asked for,
each written out as it comes (in the order the paths were given, whatever
the number of workers), and the run ends with the summary and the exit status.

Exit status: 3 if a bug of ours stopped any file, else 2 if any file could
not be checked, else 1 if any finding reached --fail-on, else 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, Optional

from auditor import source
from auditor.corpus import discover, engines
from auditor.corpus.totals import Totals
from auditor.corpus.work import Checked, Options, patterns, prepare, unchecked
from auditor.errors import InputError, shown
from auditor.output.destination import Output

if TYPE_CHECKING:
    from auditor.baseline import Accepted, Entry
    from auditor.output import Writer
    from auditor.ruleset.rules import RuleSet

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


class Plan(NamedTuple):
    """A run as the command line asks for it, every part of it checked."""

    options: Options
    ruleset: RuleSet
    given: list[str]  # the paths as given
    paths: list[str]  # the files to check (directories searched)
    unlistable: list[tuple[str, InputError]]  # directories that could not be searched: reported as unreadable files
    accepted: Optional[Accepted]  # the --baseline's findings
    inputs: list[Optional[str]]  # every file the run reads: a report may replace none of them


def fail(message: str) -> int:
    sys.stderr.write(shown(f"auditor: {message}\n"))
    return EXIT_INPUT


def check(args: argparse.Namespace) -> int:
    """`args`: the command line, its flags already validated together (cli)."""
    try:
        plan = _plan(args)
    except (InputError, discover.UsageError, ValueError) as exc:
        return fail(str(exc))
    if source.STDIN in plan.paths:
        args.jobs = 1  # standard input is this process's: read here, not in a worker
    if args.engine == "dask" and not engines.dask_available(command_line=True):
        return fail(engines.DASK_HINT)
    try:
        out = None if args.write_baseline else Output(args.output, plan.inputs)
    except InputError as exc:
        return fail(str(exc))
    try:
        code = _run(args, plan, out)
    except BaseException:
        if out is not None:
            out.discard()  # Ctrl-C, or worse: no half-written --output
        raise
    return code


def _plan(args: argparse.Namespace) -> Plan:
    """Everything the run needs, read and checked before any file is."""
    options, ruleset = _options(args)
    given = _paths(args)
    if given.count(source.STDIN) > 1:
        raise InputError("standard input (-) can be read only once", source.STDIN)
    _check_targets(args, _inputs(args, given, ruleset))
    accepted = _baseline(args.baseline)
    unlistable: list[tuple[str, InputError]] = []
    paths = list(discover.expand(given, args.include, args.exclude,
                                 lambda path, message: unlistable.append((path, InputError(message, path)))))
    if not paths and not unlistable:  # (a clean result from no file at all would be a silent pass)
        raise discover.UsageError(f"{', '.join(given)}: no file to check (directories are searched for "
                                  f"{', '.join(args.include or discover.INCLUDE)})")
    # Directories searched: the filings found in them are inputs too (a report over one destroyed it).
    inputs = _inputs(args, given, ruleset, paths)
    if paths != given:
        _check_targets(args, inputs)
    return Plan(options, ruleset, given, paths, unlistable, accepted, inputs)


def _options(args: argparse.Namespace) -> tuple[Options, RuleSet]:
    """(Options for the workers, the rules) from the command line; InputError
    or ValueError when the rules or options are bad."""
    options = Options.for_run(rules=args.rules, select=tuple(args.select), ignore=tuple(args.ignore),
                              severity=tuple(args.severity), input_format=args.input_format,
                              sources=args.source, max_bytes=args.max_bytes)
    ruleset, only = prepare(options)
    unknown = [p for p in patterns(args.select) + patterns(args.ignore)
               if not any(r.id.startswith(p) or r.name.startswith(p) for r in ruleset.rules)]
    if unknown:
        raise ValueError(f"--select/--ignore: no rule matches {unknown[0]!r}")
    if not any(only(r) for r in ruleset.rules):
        raise ValueError("--select/--ignore leave no rule to run: nothing would be checked")
    if not args.no_cache:
        from auditor.corpus.cache import DEFAULT_DIR, fingerprint

        options = options._replace(
            cache_dir=os.path.abspath(args.cache_dir or DEFAULT_DIR),
            fingerprint=fingerprint(ruleset, patterns(args.select), patterns(args.ignore),
                                    patterns(args.severity), args.input_format, args.source))
    return options, ruleset


def _paths(args: argparse.Namespace) -> list[str]:
    given = list(args.files)
    if args.files_from:
        given += discover.files_from(args.files_from)
    if not given:
        raise discover.UsageError("no files to check (name files or directories, or --files-from LIST)")
    discover.check_exist(given)
    return given


def _inputs(args: argparse.Namespace, given: list[str], ruleset: RuleSet,
            found: Sequence[str] = ()) -> list[Optional[str]]:
    """Every file the run reads: the paths given and the filings found in
    them, the --files-from list, the rules file and every file it extends,
    the baseline.  A report may replace none of them."""
    return [*given, *found, args.files_from, args.rules, *ruleset.files, args.baseline]


def _check_targets(args: argparse.Namespace, inputs: list[Optional[str]]) -> None:
    """Before any work: a report or baseline never replaces an input, a device, a FIFO or a directory."""
    from auditor.output.files import check_target

    for option, path in (("--output", args.output), ("--write-baseline", args.write_baseline)):
        if path:
            try:
                check_target(path, inputs)
            except InputError as exc:
                raise InputError(f"{option}: {exc.message}", path) from None


def _baseline(path: Optional[str]) -> Optional[Accepted]:
    if not path:
        return None
    from auditor import baseline

    return baseline.load(path)


def _writer(args: argparse.Namespace, plan: Plan, out: Output) -> Writer:
    from auditor.output import ReportOptions, writer

    terminal = args.output is None and sys.stdout.isatty()
    color = args.format == "text" and terminal and "NO_COLOR" not in os.environ
    table = args.show_table if args.show_table is not None else terminal and len(plan.paths) == 1
    return writer(args.format, out, ReportOptions(plan.ruleset, color=color, table=table, statistics=args.summary))


def _run(args: argparse.Namespace, plan: Plan, out: Optional[Output]) -> int:
    from auditor.corpus.progress import progress

    totals = Totals(largest=args.summary)
    write = _writer(args, plan, out) if out is not None else None
    left = None if plan.accepted is None else plan.accepted.copy()
    if left is not None:
        totals.suppressed = 0
    entries: Optional[list[Entry]] = [] if args.write_baseline else None
    options = plan.options._replace(schedules=_reads_schedules(args, write))
    try:
        with progress(len(plan.paths), args.quiet) as bar:
            for checked in engines.run(plan.paths, options, args.jobs, args.engine, args.scheduler,
                                       ordered=True, on_done=bar.done):
                _one(checked, totals, write, left, entries)
    except engines.EngineError as exc:
        return fail(str(exc))
    for path, error in plan.unlistable:
        _one(Checked(totals.files, unchecked(path, error)), totals, write, None, entries)
    if entries is not None:
        return _write_baseline(args.write_baseline, entries, totals, plan.inputs)
    assert write is not None and out is not None  # (a report is written unless a baseline is)
    try:
        write.end(totals)
        out.commit()
    except InputError as exc:
        return fail(str(exc))
    if totals.internal:
        return EXIT_INTERNAL
    if totals.unreadable:
        return EXIT_INPUT
    return EXIT_FINDINGS if totals.failing(args.fail_on) else EXIT_CLEAN


def _reads_schedules(args: argparse.Namespace, write: Optional[Writer]) -> bool:
    """Whether this run reads more of a result's schedules than their number:
    a baseline (their cells), --summary (a failing schedule's units), a report
    that draws or lists them (a writer says it does not with `reads_schedules`
    False; one that does not say is taken to read them)."""
    return bool(args.baseline or args.write_baseline or args.summary or write is None
                or getattr(write, "reads_schedules", True))


def _one(checked: Checked, totals: Totals, write: Optional[Writer], left: Optional[Accepted],
         entries: Optional[list[Entry]]) -> None:
    """A finished file, in its turn: through the baseline, counted, written."""
    result = checked.result
    if left is not None:
        from auditor import baseline

        (result,), suppressed = baseline.apply([result], left, remaining=True)
        totals.suppressed = (totals.suppressed or 0) + suppressed
    totals.add(checked, result)
    if result.error is not None:
        sys.stderr.write(shown(f"auditor: {result.error}\n"))
    if entries is not None:
        from auditor import baseline

        entries += baseline.entries([result])
    elif write is not None:
        write.file(result)


def _write_baseline(path: str, entries: list[Entry], totals: Totals, inputs: list[Optional[str]]) -> int:
    from auditor import baseline
    from auditor.output.files import write_file

    if totals.unreadable:
        return fail(f"{path}: baseline not written, as not every file could be checked")
    try:
        write_file(path, baseline.dumps_entries(entries), inputs)
    except InputError as exc:
        return fail(f"{path}: cannot write baseline: {exc.message}")
    count = len(entries)
    sys.stderr.write(shown(f"auditor: recorded {count} finding{'s' * (count != 1)} as accepted in {path}\n"))
    return EXIT_CLEAN
