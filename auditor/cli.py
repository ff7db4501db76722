"""The `auditor` command.

Exit status: 0 no finding at or above the failing severity (error, unless
--fail-on says otherwise); 1 such findings; 2 a usage or input error, told
on stderr in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `auditor check ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="auditor",
        description="Check the arithmetic of SEC Schedule II (Valuation and Qualifying Accounts) exhibits.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check exhibits and report findings")
    check.add_argument("files", nargs="+", metavar="FILE")
    _rules_option(check)
    _input_format_option(check)
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text (default), json (the documented contract), jsonl (one finding a line), "
                            "sarif (SARIF 2.1.0), github (workflow annotations), html (a self-contained page)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    check.add_argument("--show-table", action=argparse.BooleanOptionalAction, default=None,
                       help="text: show each schedule with findings as a table (default: on for one file on a terminal)")
    check.add_argument("--summary", action="store_true", help="text: counts per rule instead of each finding")
    known = check.add_mutually_exclusive_group()
    known.add_argument("--write-baseline", metavar="FILE", help="record the current findings as accepted, in FILE")
    known.add_argument("--baseline", metavar="FILE", help="report only findings FILE does not record as accepted")
    check.add_argument("--select", action="append", default=[], metavar="ID",
                       help="run only rules whose id or name starts with ID (repeatable, comma-separated)")
    check.add_argument("--ignore", action="append", default=[], metavar="ID",
                       help="skip rules whose id or name starts with ID (repeatable, comma-separated)")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                       help="lowest severity that makes the exit status 1 (default: error)")
    check.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL",
                       help="report rules whose id or name starts with RULE at LEVEL (error, warning, info; "
                            "repeatable, comma-separated)")
    check.set_defaults(run=_check)

    parse = sub.add_parser("parse", help="show the schedule as the rules see it")
    parse.add_argument("file", metavar="FILE")
    _rules_option(parse)
    _input_format_option(parse)
    parse.add_argument("--format", choices=("text", "json"), default="text")
    parse.set_defaults(run=_parse)

    saved = sub.add_parser("report", help="render a saved --format json or jsonl result, without checking again")
    saved.add_argument("file", metavar="FILE", help="the output of `auditor check --format json` (or jsonl)")
    saved.add_argument("--format", choices=("html",), default="html", help="html (default): a self-contained page")
    saved.add_argument("--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    saved.set_defaults(run=_render_saved)

    rules = sub.add_parser("rules", help="list or validate rules files")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    listing = rules_sub.add_parser("list", help="the rules of a rules file")
    _rules_option(listing)
    listing.set_defaults(run=_rules_list)
    explain = rules_sub.add_parser("explain", help="what a rule checks, its formula and an example finding")
    explain.add_argument("rule_id", metavar="ID", help="a rule's id or name")
    _rules_option(explain)
    explain.set_defaults(run=_rules_explain)
    validate = rules_sub.add_parser("validate", help="validate a rules file: every problem, with line and column")
    validate.add_argument("rules_file", metavar="FILE")
    validate.set_defaults(run=_rules_validate)
    return parser


def _rules_option(p):
    p.add_argument("--rules", metavar="FILE", help="rules file (default: the bundled rules/default.yaml)")


def _input_format_option(p):
    p.add_argument("--input-format", choices=("text", "html"), default=None,
                   help="read the input as EDGAR text or as HTML (default: by its content)")


def _fail(message: str) -> int:
    sys.stderr.write(f"auditor: {message}\n")
    return EXIT_INPUT


def _load_rules(path):
    from . import rules

    return rules.load(path)


def _patterns(values) -> list:
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def _selector(select, ignore):
    select, ignore = _patterns(select), _patterns(ignore)

    def matches(rule, patterns):
        return any(rule.id.startswith(p) or (rule.name and rule.name.startswith(p)) for p in patterns)

    def only(rule):
        return (not select or matches(rule, select)) and not matches(rule, ignore)

    return only


def _check(args) -> int:
    import auditor
    from .errors import InputError

    try:
        ruleset = _load_rules(args.rules)
    except InputError as exc:
        return _fail(str(exc))
    only = _selector(args.select, args.ignore)
    unknown = [p for p in _patterns(args.select) + _patterns(args.ignore)
               if not any(r.id.startswith(p) or r.name.startswith(p) for r in ruleset.rules)]
    if unknown:
        return _fail(f"--select/--ignore: no rule matches {unknown[0]!r}")
    if args.severity:
        from .authoring import severity_overrides

        try:
            ruleset = ruleset.with_severity(severity_overrides(ruleset, args.severity))
        except ValueError as exc:
            return _fail(str(exc))
    results = [_check_one(auditor, path, ruleset, only, args.input_format) for path in args.files]
    if args.write_baseline:
        return _write_baseline(args.write_baseline, results)
    try:
        results, suppressed = _apply_baseline(args.baseline, results)
        _report(args, results, ruleset, only, suppressed)
    except InputError as exc:
        return _fail(str(exc))
    for r in results:
        if r.error is not None:
            sys.stderr.write(f"auditor: {r.error}\n")
    if any(r.error is not None for r in results):
        return EXIT_INPUT
    floor = SEVERITY_RANK[args.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= floor for r in results for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _write_baseline(path, results) -> int:
    from . import baseline, report

    for r in results:
        if r.error is not None:
            sys.stderr.write(f"auditor: {r.error}\n")
    if any(r.error is not None for r in results):
        return _fail(f"{path}: baseline not written, as not every file could be checked")
    try:
        report.write_file(path, baseline.dumps(results))
    except OSError as exc:
        return _fail(f"{path}: cannot write baseline: {exc.strerror}")
    count = sum(len(r.findings) for r in results)
    sys.stderr.write(f"auditor: recorded {count} finding{'s' * (count != 1)} as accepted in {path}\n")
    return EXIT_CLEAN


def _apply_baseline(path, results):
    if not path:
        return results, None
    from . import baseline

    return baseline.apply(results, baseline.load(path))


def _report(args, results, ruleset, only, suppressed) -> None:
    """Diagnose, then write the report in its format, to stdout or atomically to --output."""
    import io

    from . import diagnose, report
    from .errors import InputError

    diagnoses = [diagnose.result(r, ruleset, only) for r in results]
    if args.summary and args.format != "text":
        raise InputError("--summary goes with --format text")
    if args.format == "json":
        text = report.dumps(results, diagnoses=diagnoses, suppressed=suppressed) + "\n"
    elif args.format == "jsonl":
        text = report.jsonl(results, diagnoses)
    elif args.format == "github":
        text = report.github(results, diagnoses, suppressed)
    elif args.format == "sarif":
        from . import sarif

        text = sarif.dumps(results, ruleset, diagnoses) + "\n"
    elif args.format == "html":
        from . import html_report

        text = html_report.render(report.document(results, diagnoses, suppressed))
    else:
        terminal = args.output is None and sys.stdout.isatty()
        table = args.show_table if args.show_table is not None else terminal and len(args.files) == 1
        stream = sys.stdout if args.output is None else io.StringIO()
        report.write_text(results, stream, color=terminal and "NO_COLOR" not in os.environ,
                          diagnoses=diagnoses, suppressed=suppressed, table=table, statistics=args.summary)
        if args.output is None:
            return
        text = stream.getvalue()
    if args.output is None:
        sys.stdout.write(text)
        return
    try:
        report.write_file(args.output, text)
    except OSError as exc:
        raise InputError(f"cannot write the report: {exc.strerror}", args.output) from None


def _render_saved(args) -> int:
    """`auditor report FILE.json`: exit 0 once the page is written, 2 if the
    file is not a saved result (one line naming the file and line)."""
    from . import html_report, report, saved
    from .errors import InputError

    if args.output and os.path.exists(args.output) and os.path.exists(args.file) and os.path.samefile(args.file, args.output):
        return _fail(f"{args.output}: --output is the saved result itself; it is left as it is")
    try:
        page = html_report.render(saved.load(args.file))
        if args.output is None:
            sys.stdout.write(page)
        else:
            report.write_file(args.output, page)  # atomically, as `check --output`
    except InputError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the report: {exc.strerror}")
    return EXIT_CLEAN


def _check_one(auditor, path, ruleset, only, input_format=None):
    try:
        return auditor.check_file(path, ruleset, only, input_format)
    except RecursionError:
        return auditor.FileResult(path, error=auditor.InputError("input too deeply nested to read", path))
    except Exception as exc:  # a bug of ours: still one line and exit 2, never a traceback
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        return auditor.FileResult(path, error=auditor.InputError(_internal(exc), path))


def _internal(exc) -> str:
    return (f"internal error while reading this file ({type(exc).__name__}: {exc}); "
            "please report it with the file (AUDITOR_DEBUG=1 shows the traceback)")


def _parse(args) -> int:
    import auditor
    from . import describe, source
    from .errors import InputError

    try:
        ruleset = _load_rules(args.rules)
        schedules = auditor.schedules(source.read(args.file), ruleset, args.input_format)
    except InputError as exc:
        return _fail(str(exc.located(args.file)))
    except Exception as exc:  # a bug of ours: one line, exit 2
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        return _fail(f"{args.file}: {_internal(exc)}")
    if args.format == "json":
        sys.stdout.write(describe.dumps(schedules) + "\n")
    else:
        sys.stdout.write(describe.text(schedules))
    return EXIT_CLEAN


def _rules_list(args) -> int:
    from .authoring import listing
    from .errors import InputError

    try:
        ruleset = _load_rules(args.rules)
    except InputError as exc:
        return _fail(str(exc))
    listing(ruleset, sys.stdout, width=None if sys.stdout.isatty() else 160)
    return EXIT_CLEAN


def _rules_explain(args) -> int:
    from .authoring import explain
    from .errors import InputError

    try:
        ruleset = _load_rules(args.rules)
    except InputError as exc:
        return _fail(str(exc))
    rule = ruleset.rule(args.rule_id)
    if rule is None:
        return _fail(f"no rule {args.rule_id!r} in {ruleset.path} (rules: {', '.join(r.id for r in ruleset.rules)})")
    sys.stdout.write(explain(ruleset, rule))
    return EXIT_CLEAN


def _rules_validate(args) -> int:
    from .authoring import validate

    problems = validate(args.rules_file, sys.stdout)
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
    if problems:
        return _fail(f"{args.rules_file}: {len(problems)} problem{'s' * (len(problems) > 1)}")
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
